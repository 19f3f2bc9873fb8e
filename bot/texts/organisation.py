"""Across the organisation (steps 13-14): administrators, MED-Koordinationsgruppen, HR.

The guide's own words: "Opfølgning på tværs i organisationen", "MED-Koordinationsgruppen sender
de indsamlede udviklingsplaner videre til HR", "indsatser der kræver organisatorisk
opmærksomhed", "kræver opbakning fra andre end jer selv", IGLO's "Organisation"."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "help.cmd.admin": ("Se, tilføj eller fjern administratorer (administrator)", "See, add or remove administrators (administrator)"),
    "help.cmd.committee": ("Registrér dette team som MED-Koordinationsgruppe eller HR (administrator)",
                           "Register this team as a coordination committee or HR (administrator)"),
    "help.cmd.link": ("Knyt arbejdspladser til en MED-Koordinationsgruppe (administrator)",
                      "Link workplaces to a coordination committee (administrator)"),
    "help.cmd.overview": ("MED-Koordinationsgruppens overblik: hvem har sendt, og hvad beder de organisationen om",
                          "The coordination committee's overview: who has sent, and what they ask of the organisation"),
    # -- administrators
    "org.admin.summary": ("Administratorer", "Administrators"),
    "org.admin.list": ("Administratorer: {names}", "Administrators: {names}"),
    "org.admin.none": ("Der er ingen administratorer endnu. Sæt ADMINISTRATORS i bottens indstillinger.",
                       "There are no administrators yet. Set ADMINISTRATORS in the bot's settings."),
    "org.admin.need_mention": ("Nævn personen, fx “admin tilføj @navn”.", "Mention the person, e.g. “admin add @name”."),
    "org.admin.added": ("{names} er nu administrator.", "{names} is now an administrator."),
    "org.admin.removed": ("{names} er ikke længere administrator.", "{names} is no longer an administrator."),
    "org.admin.last": ("Der skal altid være mindst én administrator.", "There must always be at least one administrator."),
    "org.refused.not_admin": ("Det er kun en administrator, der kan det. Administratorer: {names}",
                              "Only an administrator can do that. Administrators: {names}"),
    "org.refused.not_in_team": ("Skriv det i kanalen i det team, det gælder.", "Write it in the channel of the team it is about."),
    # -- registering a committee
    "org.committee.summary": ("MED-Koordinationsgruppe eller HR", "Coordination committee or HR"),
    "org.committee.title": ("Registrér dette team", "Register this team"),
    "org.committee.intro": (
        "Gør dette team til en MED-Koordinationsgruppe, som arbejdspladsernes planlægningsgrupper sender deres udviklingsplan til "
        "inden 1. december, eller til HR, som koordinationsgrupperne sender de indsamlede udviklingsplaner videre til.",
        "Make this team a coordination committee, which the workplaces' planning groups send their development plan to before "
        "1 December, or HR, which the coordination committees forward the collected plans to.",
    ),
    "org.committee.name": ("Navn", "Name"),
    "org.committee.name.placeholder": ("fx MED-Koordinationsgruppen Social og Sundhed", "e.g. Coordination committee Health and Care"),
    "org.committee.kind": ("Hvad er teamet?", "What is the team?"),
    "org.kind.committee": ("MED-Koordinationsgruppe", "Coordination committee"),
    "org.kind.hr": ("HR", "HR"),
    "org.committee.save": ("Registrér", "Register"),
    "org.committee.edit": ("Ret", "Edit"),
    "org.overview.open": ("Se overblikket", "See the overview"),
    "org.link.open": ("Knyt arbejdspladser", "Link workplaces"),
    "org.committee.saved": ("{name} er registreret som {kind}.", "{name} is registered as {kind}."),
    "org.committee.name_required": ("Skriv et navn.", "Write a name."),
    # -- linking workplaces
    "org.link.summary": ("Knyt arbejdspladser til en MED-Koordinationsgruppe", "Link workplaces to a coordination committee"),
    "org.link.title": ("Arbejdspladser og MED-Koordinationsgrupper", "Workplaces and coordination committees"),
    "org.link.intro": (
        "Vælg for hver arbejdsplads, hvilken MED-Koordinationsgruppe den sender sin udviklingsplan til. Det, en arbejdsplads "
        "allerede har sendt, bliver hos den gruppe, det blev sendt til.",
        "Choose for each workplace which coordination committee it sends its development plan to. What a workplace has already "
        "sent stays with the committee it was sent to.",
    ),
    "org.link.none": ("Ingen koordinationsgruppe", "No coordination committee"),
    "org.link.unlinked": ("Ikke knyttet til en MED-Koordinationsgruppe", "Not linked to a coordination committee"),
    "org.link.no_committees": ("Der er ingen MED-Koordinationsgrupper endnu. Skriv “udvalg” i koordinationsgruppens team først.",
                               "There are no coordination committees yet. Write “committee” in the committee's team first."),
    "org.link.no_workplaces": ("Der er ingen arbejdspladser endnu.", "There are no workplaces yet."),
    "org.link.button": ("Gem", "Save"),
    "org.link.saved": ("Gemt: {count} ændret.", "Saved: {count} changed."),
    # -- the card the committee's channel gets
    "org.sent.summary": ("En udviklingsplan er sendt til MED-Koordinationsgruppen", "A development plan was sent to the coordination committee"),
    "org.sent.from": ("Udviklingsplan fra ", "Development plan from "),
    "org.sent.meta": ("Sendt {date} · version {version}", "Sent {date} · version {version}"),
    "org.sent.by": ("Sendt af ", "Sent by "),
    "org.sent.new_version": ("Ny version", "New version"),
    "org.changes.added": ("Tilføjet: ", "Added: "),
    "org.changes.removed": ("Fjernet: ", "Removed: "),
    "org.changes.changed": ("Ændret: ", "Changed: "),
    "org.changes.none": ("Ingen ændringer i indsatserne.", "No changes to the initiatives."),
    "org.themes": ("Valgte temaer", "Chosen themes"),
    "org.theme.wellbeing": ("Trivselstema: ", "Well-being theme: "),
    "org.theme.leadership": ("Ledelsestema: ", "Leadership theme: "),
    "org.asks": ("Kræver opbakning fra organisationen", "Needs support from the organisation"),
    "org.ask": ("Det beder de om: ", "What they ask: "),
    "org.iglo.organisation": ("Organisation (IGLO): ", "Organisation (IGLO): "),
    "org.no_asks": ("Ingen indsatser kræver opbakning fra organisationen.", "No initiative needs support from the organisation."),
    "org.initiatives": ("Indsatser", "Initiatives"),
    # -- the send-on card at the workplace
    "org.send_on.to": ("Sendes til: ", "Goes to: "),
    "org.send_on.unlinked": (
        "Arbejdspladsen er ikke knyttet til en MED-Koordinationsgruppe endnu: det, I sender, bliver registreret, men ikke sendt "
        "til nogen. Bed en administrator om at knytte jer til jeres koordinationsgruppe.",
        "The workplace is not linked to a coordination committee yet: what you send is recorded, but not sent to anyone. Ask an "
        "administrator to link you to your committee.",
    ),
    "org.send_on.versions": ("Sidst sendt {date} (version {version}).", "Last sent {date} (version {version})."),
    "org.send_on.changed": ("Planen er ændret, siden den blev sendt.", "The plan has changed since it was sent."),
    "org.send_on.resend": ("Send ny version", "Send new version"),
    # -- the committee's overview
    "org.overview.summary": ("MED-Koordinationsgruppens overblik", "The coordination committee's overview"),
    "org.overview.title": ("Overblik: ", "Overview: "),
    "org.overview.sent": ("Har sendt ({count})", "Have sent ({count})"),
    "org.overview.sent_line": ("{date} · version {version}", "{date} · version {version}"),
    "org.overview.missing": ("Mangler ({count})", "Missing ({count})"),
    "org.overview.none_linked": ("Ingen arbejdspladser er knyttet til gruppen endnu.", "No workplaces are linked to the committee yet."),
    "org.overview.by_theme": ("Det beder arbejdspladserne organisationen om – efter tema",
                              "What the workplaces ask of the organisation – by theme"),
    "org.overview.remind": ("Påmind dem, der mangler", "Remind those missing"),
    "org.overview.reminded": ("Påmindelse sendes til planlægningsgrupperne hos {count} arbejdspladser.",
                              "A reminder goes to the planning groups of {count} workplaces."),
    "org.overview.reminded_today": ("De, der mangler, er allerede påmindet i dag.", "Those missing have already been reminded today."),
    "org.overview.nobody_missing": ("Alle har sendt.", "Everyone has sent."),
    "org.overview.more": ("+ {count} flere", "+ {count} more"),
    "org.overview.shortened": ("Overblikket er forkortet, så det kan være på ét kort. Det hele står i regnearket.",
                               "The overview is shortened to fit on one card. The spreadsheet holds all of it."),
    "org.overview.forward": ("Send til HR", "Forward to HR"),
    "org.overview.comment": ("Jeres kommentar til HR", "Your comment to HR"),
    "org.overview.forwarded": ("Sendt til HR {date}.", "Forwarded to HR on {date}."),
    "org.overview.forward_done": ("Sendt til HR.", "Forwarded to HR."),
    "org.overview.no_hr": ("HR er ikke registreret i botten endnu.", "HR is not registered in the bot yet."),
    "org.refused.not_committee": ("Skriv “overblik” i MED-Koordinationsgruppens kanal.", "Write “overview” in the coordination committee's channel."),
    # -- the nudge to a missing workplace's planning group
    "org.nudge.summary": ("Husk at sende udviklingsplanen videre", "Remember to send the development plan on"),
    "org.nudge.title": ("MED-Koordinationsgruppen venter på jeres udviklingsplan", "The coordination committee is waiting for your development plan"),
    "org.nudge.text": (
        "Send jeres udviklingsplan og de indsatser, der kræver opbakning fra organisationen, videre inden 1. december.",
        "Send your development plan, and the initiatives that need support from the organisation, on before 1 December.",
    ),
    # -- the post in HR's channel
    "org.hr.summary": ("De indsamlede udviklingsplaner fra en MED-Koordinationsgruppe", "The collected development plans from a coordination committee"),
    "org.hr.title": ("De indsamlede udviklingsplaner fra ", "The collected development plans from "),
    "org.hr.meta": ("Sendt {date}", "Forwarded {date}"),
    "org.hr.by": ("Sendt af ", "Forwarded by "),
    "org.hr.comment": ("Kommentar: ", "Comment: "),
    "org.hr.counts": ("{sent} af {linked} arbejdspladser har sendt.", "{sent} of {linked} workplaces have sent."),
}
