"""The Danish words on every card; the guide's own vocabulary (see texts.py)."""
from __future__ import annotations

DA: dict[str, str] = {
    # Buttons
    "action.start": "Start",
    "action.help": "Hjælp",
    "action.start_round": "Start runden",
    "action.tally": "Se optællingen",
    "action.status": "Se status",
    "action.nomination.open": "Vælg mine temaer",
    "action.nomination.send": "Send mine temaer",
    "action.nomination.save": "Gem ændringerne",
    "action.edit": "Ret",
    "action.privacy": "Sådan behandler vi dine oplysninger",
    "label.contact": "Kontaktperson:",
    "mode.anonymous": "Begrundelserne vises uden navne.",
    "mode.named": "Navnet står ved hver begrundelse.",
    # Welcome
    "welcome.team.title": "Velkommen til {dialogue}",
    "welcome.team.intro": "TalSammen hjælper jer med at forberede udviklingsdialogen om trivsel og ledelse:",
    "welcome.team.steps": (
        "1. Planlægningsgruppen starter en runde og sætter en frist.\r"
        "2. Alle medarbejdere får en besked fra TalSammen og vælger ét trivselstema og ét ledelsestema – "
        "hver med to korte begrundelser.\r"
        "3. Planlægningsgruppen ser optællingen og udvælger de temaer, I skal drøfte i udviklingsdialogen."
    ),
    "welcome.team.group_is": "Planlægningsgruppen:",
    "welcome.team.group_empty": (
        "Der er ingen planlægningsgruppe endnu. Den, der starter den første runde, bliver gruppens første "
        "medlem og kan tilføje de andre – fx lederen, TR og AMR."
    ),
    "welcome.team.start_hint": "Tryk »Start« for at sætte en runde op, eller skriv @TalSammen hjælp.",
    "welcome.personal.hello": "Hej",
    "welcome.personal.intro": "Jeg er TalSammen. Jeg hjælper med at forberede {dialogue}.",
    "welcome.personal.what": (
        "Når planlægningsgruppen starter en runde, får du en besked her. Du vælger ét trivselstema og ét "
        "ledelsestema og skriver kort, hvorfor de er vigtige – for dig og for jeres samarbejde om kerneopgaven. "
        "Før selve dialogen minder jeg dig om at forberede et hverdagseksempel."
    ),
    "welcome.personal.language": "Vælg sprog:",
    # Round set-up, start and close
    "setup.title": "Start en runde med temaforslag",
    "setup.intro": (
        "Alle medarbejdere i teamet får skemaet fra TalSammen, hvor de vælger ét trivselstema og ét "
        "ledelsestema med begrundelse. Vælg fristen, kontaktpersonen, og om navne skal stå ved begrundelserne."
    ),
    "setup.deadline.label": "Frist for temaforslag (sidste dag)",
    "setup.deadline.error": "Vælg en dato mellem {min_date} og {max_date}.",
    "setup.deadline.hint": "Medarbejderne kan sende forslag til og med den dag, du vælger.",
    "setup.contact.label": "Kontaktperson i planlægningsgruppen",
    "setup.contact.error": "Skriv navnet på kontaktpersonen.",
    "setup.contact.hint": "Medarbejderne ser navnet i skemaet og kan gå til kontaktpersonen med spørgsmål.",
    "setup.mode.label": "Skal navne stå ved begrundelserne?",
    "setup.mode.error": "Vælg, om navne skal vises.",
    "setup.mode.anonymous": "Uden navne – planlægningsgruppen ser temaer og begrundelser, men ikke hvem der har skrevet hvad",
    "setup.mode.named": "Med navne – navnet står ved hver begrundelse, som på papirskemaet i guiden",
    "setup.after_start": (
        "Når du starter runden, sender TalSammen skemaet til alle i teamet i deres egen chat. "
        "Fortæl gerne kollegerne om det på jeres næste møde."
    ),
    "setup.error.prefix": "Runden er ikke startet:",
    "setup.error.in_past": "Fristen kan ikke ligge før i dag.",
    "setup.error.too_far": "Fristen kan senest være {max_date}.",
    "setup.error.not_a_date": "Fristen skal være en dato.",
    "setup.error.contact_required": "Skriv navnet på kontaktpersonen.",
    "started.title": "Runden er startet",
    "started.intro": "Medarbejderne kan vælge ét trivselstema og ét ledelsestema til og med {deadline}.",
    "started.invited": "{count} medarbejdere har fået skemaet i deres chat med TalSammen.",
    "started.invited.one": "1 medarbejder har fået skemaet i sin chat med TalSammen.",
    "started.unreachable": "{count} kunne ikke nås. Se status for at se hvem.",
    "started.not_in_chat": "Svarene vises ikke her i kanalen – kun planlægningsgruppen kan se optællingen.",
    "closed.title": "Fristen for temaforslag er nået",
    "closed.intro": "Fristen var {deadline}. {responded} af {invited} har sendt temaforslag.",
    "closed.next": (
        "Planlægningsgruppen ser nu på forslagene og udvælger ét trivselstema og ét ledelsestema til "
        "udviklingsdialogen."
    ),
    # Nomination form (Bilag 2)
    "nomination.intro": (
        "Vælg ét trivselstema og ét ledelsestema, som du synes er vigtige at få drøftet, og skriv kort, "
        "hvorfor. Svar senest {deadline}."
    ),
    "nomination.choose.wellbeing": "Jeg synes, det vigtigste trivselstema, vi skal drøfte, er:",
    "nomination.choose.leadership": "Jeg synes, det vigtigste ledelsestema, vi skal drøfte, er:",
    "nomination.choose.placeholder": "Vælg ét tema",
    "nomination.about_themes": "Læs om temaerne",
    "nomination.own_title.label": "Dit eget tema – kun hvis du har valgt »{own}« (højst {limit} tegn)",
    "nomination.question.label": "{question} (højst {limit} tegn)",
    "nomination.who.title": "Hvem ser dit svar?",
    "nomination.who.anonymous": (
        "Planlægningsgruppen ser dine temaer og begrundelser, men ikke dit navn. TalSammen gemmer, hvem der "
        "har svaret, så du kan rette dit svar og ikke får påmindelser."
    ),
    "nomination.who.named": "Planlægningsgruppen ser dine temaer og begrundelser med dit navn ved – som på papirskemaet.",
    "nomination.who.deadline": "Svar senest {deadline}. Du kan rette dit svar indtil da.",
    "nomination.who.care": "Skriv ikke helbredsoplysninger eller andre personlige forhold om dig selv eller andre.",
    "nomination.errors.title": "Dit svar er ikke sendt endnu. Ret det, der er markeret, og send igen.",
    "nomination.slot.theme": "temavalg",
    "nomination.slot.own_title": "eget tema",
    "nomination.slot.why_me": "vigtigt for mig",
    "nomination.slot.core_task": "kerneopgaven",
    "nomination.slot.other": "skemaet",
    "nomination.error.theme.required": "Vælg et tema.",
    "nomination.error.theme.required.wellbeing": "Vælg ét trivselstema.",
    "nomination.error.theme.required.leadership": "Vælg ét ledelsestema.",
    "nomination.error.theme.unknown_choice": "Vælg et af temaerne på listen.",
    "nomination.error.own_title.required": "Skriv en kort overskrift på dit eget tema.",
    "nomination.error.own_title.too_long": "Overskriften må højst være {limit} tegn.",
    "nomination.error.reason.required": "Skriv et kort svar.",
    "nomination.error.required": "Skriv et kort svar.",
    "nomination.error.too_long": "Højst {limit} tegn – forkort dit svar.",
    "nomination.error.not_text": "Feltet kunne ikke læses. Skriv det igen.",
    "nomination.error.unknown_choice": "Vælg et af temaerne på listen.",
    "nomination.error.other": "Noget i skemaet er ikke i orden. Prøv igen.",
    # Receipt
    "receipt.title": "Tak – dine temaer er modtaget",
    "receipt.intro": "Det her har du sendt til planlægningsgruppen:",
    "receipt.anonymous": "Planlægningsgruppen ser dine begrundelser uden dit navn.",
    "receipt.named": "Planlægningsgruppen ser dine begrundelser med dit navn ved.",
    "receipt.can_edit": "Du kan rette dit svar indtil {deadline}.",
    "receipt.closed": "Runden er lukket, så svaret kan ikke længere rettes.",
    # Tally
    "tally.title": "Optælling af temaforslag",
    "tally.open": "Foreløbig optælling – medarbejderne kan svare til og med {deadline}.",
    "tally.closed": "Endelig optælling – fristen var {deadline}.",
    "tally.responded": "{responded} af {invited} har svaret ({percent} %)",
    "tally.anonymous": "Begrundelserne vises uden navne.",
    "tally.named": "Navnet står ved hver begrundelse.",
    "tally.truncated": "Der er for mange begrundelser til én besked, så ikke alle vises her.",
    "tally.none_yet": "Ingen forslag endnu.",
    "tally.more_rows": "+ {count} flere temaer vises ikke her",
    "tally.more_rows.one": "+ 1 tema mere vises ikke her",
    "tally.unchosen": "Ikke valgt af nogen: {themes}.",
    "tally.chart.own": "{own} (egne forslag)",
    "tally.count": "valgt af {count}",
    "tally.more_reasons": "+ {count} flere begrundelser vises ikke her",
    "tally.more_reasons.one": "+ 1 begrundelse mere vises ikke her",
    "tally.show_reasons": "Vis begrundelser ({count})",
    "tally.why_me": "Vigtigt for mig, fordi:",
    "tally.core_task": "Kerneopgaven:",
    # Help and planning group
    "help.title": "Hjælp til TalSammen",
    "help.intro": (
        "TalSammen hjælper jer med at forberede {dialogue}: medarbejderne vælger temaer, og planlægningsgruppen "
        "ser optællingen og udvælger ét trivselstema og ét ledelsestema."
    ),
    "help.role.employee": (
        "Som medarbejder vælger du ét trivselstema og ét ledelsestema og skriver kort, hvorfor de er vigtige. "
        "Du kan rette dit svar indtil fristen."
    ),
    "help.role.planning_group": (
        "Som medlem af planlægningsgruppen starter du runder, følger med i, hvor mange der har svaret, ser "
        "optællingen og styrer, hvem der er med i gruppen."
    ),
    "help.commands": "Det kan du skrive",
    "help.commands.channel": "I kanalen skal du nævne @TalSammen først. Kommandoerne virker på dansk og engelsk.",
    "help.commands.chat": "Skriv kommandoen her i chatten. Kommandoerne virker på dansk og engelsk.",
    "help.cmd.start": "Start en ny runde med temaforslag",
    "help.cmd.tally": "Se optællingen af temaforslag",
    "help.cmd.status": "Se, hvor mange der har svaret, og hvem TalSammen ikke kan nå",
    "help.cmd.group": "Se og ændre planlægningsgruppen",
    "help.cmd.my_themes": "Se eller ret dine temaforslag",
    "help.cmd.my_data": "Se, eksportér eller slet det, der er gemt om dig",
    "help.cmd.language": "Skift mellem dansk og engelsk",
    "help.cmd.help": "Vis denne hjælp",
    "help.safety.title": "Krænkende adfærd",
    "help.safety.text": (
        "Chikane, vold og mobning håndteres aldrig i udviklingsdialogen. Tal med din leder, TR eller AMR, "
        "eller brug arbejdspladsens beredskab og whistleblowerordningen."
    ),
    "group.title": "Planlægningsgruppen",
    "group.intro": (
        "Planlægningsgruppen står for udviklingsdialogen – typisk lederen og 2-3 medarbejderrepræsentanter, "
        "fx TR og AMR, eller Lokal-MED."
    ),
    "group.empty": "Gruppen er tom. Den, der starter den første runde, bliver første medlem.",
    "group.manage": "Sådan ændrer du gruppen",
    "group.add.command": "@TalSammen gruppe tilføj @navn",
    "group.add.text": "Tilføj en kollega",
    "group.remove.command": "@TalSammen gruppe fjern @navn",
    "group.remove.text": "Fjern et medlem",
    "group.last_member": "Gruppen kan ikke tømmes helt – det sidste medlem bliver.",
    "group.members_only": "Kun medlemmer af planlægningsgruppen kan ændre den.",
    # Status and reminders
    "status.title": "Status for runden",
    "status.answered": "Svar",
    "status.answered.value": "{answered} af {invited}",
    "status.reminders": "Påmindelser sendt",
    "status.unreachable": "Kan ikke nås",
    "status.unreachable.title": "Dem, TalSammen ikke kan nå",
    "status.unreachable.intro": "Giv dem skemaet på en anden måde, fx på papir (bilag 2).",
    "status.unreachable.more": "+ {count} flere",
    "status.reason.blocked": "har blokeret TalSammen",
    "status.reason.not_found": "kunne ikke findes i Teams",
    "status.reason.not_installed": "har ikke TalSammen installeret",
    "status.reason.failed": "beskeden kunne ikke sendes",
    "status.reason.unknown": "ukendt årsag",
    "reminder.title.first": "Husk at vælge dine temaer",
    "reminder.title.later": "Påmindelse: vælg dine temaer",
    "reminder.text": "Fristen for at vælge ét trivselstema og ét ledelsestema er {deadline}.",
    "reminder.why": (
        "Dine temaer og begrundelser hjælper planlægningsgruppen med at vælge, hvad I skal tale om i "
        "udviklingsdialogen."
    ),
    # My data (mine data), export and deletion
    "action.data.export": "Eksportér mine data (JSON)",
    "action.nomination.delete": "Slet min nominering {workplace}",
    "action.delete.confirm": "Ja, slet min nominering",
    "action.delete.cancel": "Fortryd",
    "data.title": "Dine data i TalSammen",
    "data.intro": "Her er alt, hvad TalSammen har gemt om dig. Kun du kan se dette kort.",
    "data.profile": "Om dig",
    "data.name": "Navn:",
    "data.language": "Sprog:",
    "data.language.unset": "ikke valgt (følger Teams)",
    "data.user_id": "Teams-id:",
    "data.aad_object_id": "Entra-objekt-id:",
    "data.updated": "Senest opdateret:",
    "data.planning_groups": "Planlægningsgrupper, du er med i",
    "data.rounds": "Runder, du er inviteret til",
    "data.round.line": "{workplace}, frist {deadline} – kortet: {delivery}",
    "data.delivery.sent": "leveret",
    "data.delivery.pending": "ikke sendt endnu",
    "data.delivery.unreachable": "kunne ikke nå dig",
    "data.delivery.failed": "kunne ikke sendes",
    "data.delivery.other": "ukendt",
    "data.nominations": "Dine nomineringer",
    "data.nomination.round": "Runde:",
    "data.nomination.round.value": "{workplace}, frist {deadline}",
    "data.nomination.open": "Runden er åben: du kan rette eller slette din nominering.",
    "data.nomination.closed": "Runden er lukket.",
    "data.reminders": "Påmindelser til dig",
    "data.reminder.line": "{date}: {status}",
    "data.audit": "Logget om dig",
    "data.audit.count": "{count} hændelser (fx at du så eller eksporterede dine data). Loggen indeholder aldrig det, du har skrevet.",
    "data.audit.count.one": "1 hændelse (fx at du så eller eksporterede dine data). Loggen indeholder aldrig det, du har skrevet.",
    "data.rights": (
        "Dine nomineringer slettes automatisk et stykke tid efter rundens frist; kun antal pr. tema gemmes. "
        "Du kan slette din nominering, mens runden er åben. Spørgsmål om dine data: kontakt planlægningsgruppen "
        "eller organisationens databeskyttelsesrådgiver."
    ),
    "data.none": "Intet.",
    "data.more": "+ {count} flere (se eksporten)",
    "delete.title": "Slet din nominering?",
    "delete.text": (
        "Dine temaer og begrundelser i denne runde slettes og kan ikke gendannes. Du kan sende en ny nominering, "
        "så længe runden er åben."
    ),
    "export.title": "Dine data som JSON (del {part} af {parts})",
    "export.intro": "Kopiér teksten herunder. Den er vist præcis, som den er gemt.",
}
