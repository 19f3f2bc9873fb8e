"""The initiatives under way and their follow-ups (step 12), and the send-on before 1 December (step 13).

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup. The
guide's own words: "Udviklingstiltag i gang", "opfølgning ... om 3 og 6 måneder", "indsatser",
"tovholder", "milepæl", "gennemført", "inden 1. december ... til MED-Koordinationsgruppen"."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "help.cmd.follow_up": ("Følg op på indsatserne: status, note og milepæle", "Follow up the initiatives: status, note and milestones"),
    "help.cmd.send_on": ("Send udviklingsplanen videre til MED-Koordinationsgruppen inden 1. december",
                         "Send the development plan on to the coordination committee before 1 December"),
    # -- statuses
    "follow_up.status.not_started": ("Ikke startet", "Not started"),
    "follow_up.status.on_track": ("I gang", "On track"),
    "follow_up.status.off_track": ("I fare", "Off track"),
    "follow_up.status.done": ("Gennemført", "Done"),
    "follow_up.status.none": ("Ingen status endnu", "No status yet"),
    # -- the follow-up card
    "follow_up.summary": ("Opfølgning på udviklingsplanen", "Follow-up of the development plan"),
    "follow_up.title": ("Udviklingstiltag i gang", "Initiatives under way"),
    "follow_up.title.months": ("Opfølgning efter {months} måneder", "Follow-up after {months} months"),
    "follow_up.intro": (
        "Følg løbende op på indsatserne, og gør fremskridt synlige. Angiv status for hver indsats, og markér de milepæle, der er nået.",
        "Follow the initiatives up continuously and make progress visible. Give each initiative a status and mark the milestones reached.",
    ),
    "follow_up.intro.due": (
        "Det er tid til den aftalte opfølgning. Angiv status for hver indsats – når alle har en status, får kanalen en kort opdatering.",
        "It is time for the agreed follow-up. Give each initiative a status – once all have one, the channel gets a short update.",
    ),
    "follow_up.owner": ("Tovholder: ", "Owner: "),
    "follow_up.no_owner": ("Ingen tovholder", "No owner"),
    "follow_up.latest": ("{status} – {date}", "{status} – {date}"),
    "follow_up.milestones": ("Milepæle", "Milestones"),
    "follow_up.milestone.done": ("✓ {label} ({date})", "✓ {label} ({date})"),
    "follow_up.milestone.open": ("○ {label} ({date})", "○ {label} ({date})"),
    "follow_up.milestone.choice": ("{label} – {date}", "{label} – {date}"),
    "follow_up.dates": ("Opfølgning efter 3 måneder: {three}. Efter 6 måneder: {six}.",
                        "Follow-up after 3 months: {three}. After 6 months: {six}."),
    "action.follow_up.edit": ("Opdatér", "Update"),
    "follow_up.form.status": ("Status", "Status"),
    "follow_up.form.note": ("Kort note (valgfri)", "Short note (optional)"),
    "follow_up.form.note.placeholder": ("Hvad er sket, og hvad er næste skridt?", "What has happened and what is next?"),
    "follow_up.form.milestones": ("Milepæle nået", "Milestones reached"),
    "follow_up.form.owner_only": ("Som tovholder kan du markere indsatsens milepæle.", "As the owner you can mark the initiative's milestones."),
    "action.follow_up.save": ("Gem", "Save"),
    "action.follow_up.back": ("Alle indsatser", "All initiatives"),
    "follow_up.saved": ("Gemt {date}.", "Saved {date}."),
    "follow_up.unchanged": ("Intet er ændret.", "Nothing has changed."),
    "follow_up.none": ("Der er ingen vedtaget udviklingsplan at følge op på endnu.", "There is no adopted development plan to follow up yet."),
    "follow_up.refused.not_allowed": (
        "Det er {planning_group} – og tovholderen for sin egen indsats – der følger op på indsatserne.",
        "{Planning_group} – and the owner for their own initiative – follow the initiatives up.",
    ),
    "follow_up.refused.stale": ("Planen er ændret siden kortet blev vist – her er den nyeste.", "The plan has changed since the card was shown – here is the latest."),
    "follow_up.refused.unknown": ("Indsatsen findes ikke længere i planen.", "The initiative is no longer in the plan."),
    "follow_up.error.too_long": ("Noten må højst være {limit} tegn.", "The note may be at most {limit} characters."),
    # -- the channel's progress post
    "follow_up.progress.summary": ("Status på indsatserne", "Progress on the initiatives"),
    "follow_up.progress.title": ("Status på indsatserne efter {months} måneder", "Progress on the initiatives after {months} months"),
    "follow_up.progress.intro": (
        "{Planning_group} har fulgt op på udviklingsplanen. Tiltagene stammer fra vores udviklingsdialog.",
        "{Planning_group} has followed up the development plan. The initiatives come from our development dialogue.",
    ),
    "follow_up.progress.milestones": ("{done} af {total} milepæle nået", "{done} of {total} milestones reached"),
    # -- the milestone nudge
    "follow_up.nudge.summary": ("Milepæl", "Milestone"),
    "follow_up.nudge.title": ("Er milepælen nået?", "Has the milestone been reached?"),
    "follow_up.nudge.text": (
        "Milepælen skulle være nået {date}. Markér den, når den er nået – så ser {planning_group} det ved næste opfølgning.",
        "The milestone was due {date}. Mark it when it has been reached – {planning_group} then sees it at the next follow-up.",
    ),
    "follow_up.nudge.initiative": ("Indsats: ", "Initiative: "),
    "follow_up.nudge.milestone": ("Milepæl: ", "Milestone: "),
    "action.follow_up.mark_done": ("Markér som nået", "Mark as reached"),
    "action.follow_up.open": ("Åbn opfølgningen", "Open the follow-up"),
    "follow_up.nudge.marked": ("Milepælen er markeret som nået {date}.", "The milestone was marked as reached {date}."),
    # -- send on (step 13)
    "send_on.summary": ("Send udviklingsplanen videre", "Send the development plan on"),
    "send_on.title": ("Send udviklingsplanen videre", "Send the development plan on"),
    "send_on.intro": (
        "{Planning_group} skal inden 1. december sende udviklingsplanen med oversigt over indsatser til MED-Koordinationsgruppen, "
        "som sender den videre til HR. Fristen er {date}.",
        "Before 1 December {planning_group} sends the development plan with its overview of initiatives to the coordination "
        "committee, which forwards it to HR. The deadline is {date}.",
    ),
    "send_on.plan_version": ("Den vedtagne plan, version {version}", "The adopted plan, version {version}"),
    "send_on.organisation": ("Kræver opbakning fra organisationen", "Needs support from the organisation"),
    "send_on.organisation.intro": (
        "Disse indsatser har I placeret under ’organisation’ i IGLO – de kræver opbakning fra andre end jer selv:",
        "You placed these initiatives under ‘organisation’ in IGLO – they need support from others than yourselves:",
    ),
    "send_on.ask": ("Det beder vi om: ", "What we ask: "),
    "send_on.no_organisation": ("Ingen indsatser kræver opbakning fra organisationen.", "No initiative needs support from the organisation."),
    "send_on.others": ("Øvrige indsatser", "Other initiatives"),
    "action.send_on.send": ("Send videre", "Send on"),
    "send_on.sent": ("Sendt videre {date} af {name} (version {version}).", "Sent on {date} by {name} (version {version})."),
    "send_on.already": ("Planen er allerede sendt videre.", "The plan has already been sent on."),
    "send_on.download": ("Hent planen som regneark", "Download the plan as a spreadsheet"),
    "send_on.download.note": (
        "Indtil planen kan sendes direkte til MED-Koordinationsgruppen, sender I regnearket selv. Linket virker i {days} dage.",
        "Until the plan can go straight to the coordination committee, you send the spreadsheet yourselves. The link works for {days} days.",
    ),
    "send_on.none": ("Der er ingen vedtaget udviklingsplan at sende videre endnu.", "There is no adopted development plan to send on yet."),
    "send_on.refused.not_planning_group": ("Det er {planning_group}, der sender udviklingsplanen videre.",
                                           "{Planning_group} sends the development plan on."),
    "send_on.refused.stale": ("Planen er ændret siden kortet blev vist – tjek den nyeste, før I sender.",
                              "The plan has changed since the card was shown – check the latest before you send."),
    # -- the run-up reminders
    "send_on.reminder.summary": ("Husk at sende udviklingsplanen videre", "Remember to send the development plan on"),
    "send_on.reminder.title": ("Udviklingsplanen skal sendes videre inden 1. december",
                               "The development plan is to be sent on before 1 December"),
    "send_on.reminder.text": (
        "Send jeres vedtagne udviklingsplan og de indsatser, der kræver opbakning fra organisationen, til MED-Koordinationsgruppen senest {date}.",
        "Send your adopted development plan and the initiatives that need the organisation's support to the coordination committee by {date}.",
    ),
    "send_on.reminder.late": (
        "Fristen {date} er passeret. Send udviklingsplanen videre nu, så den kommer med i opsamlingen på tværs.",
        "The deadline {date} has passed. Send the development plan on now so it is part of the summary across the organisation.",
    ),
}
