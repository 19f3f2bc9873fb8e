"""Steps 1-2: the planning group sets up a round; the channel sees it start and close.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "action.start": (
        "Start",
        "Start",
    ),
    "action.start_round": (
        "Start runden",
        "Start the round",
    ),
    "setup.title": (
        "Start en runde med temaforslag",
        "Start a round of theme nominations",
    ),
    "setup.intro": (
        (
            "De inviterede får skemaet fra TalSammen, hvor de vælger ét trivselstema og ét ledelsestema med"
            " begrundelse. Vælg fristen, kanalens sprog, kontaktpersonen, om navne skal stå ved "
            "begrundelserne, og hvem der inviteres."
        ),
        (
            "Those invited get the form from TalSammen, where they choose one well-being theme and one "
            "leadership theme with reasons. Choose the deadline, the channel's language, the contact "
            "person, whether names are shown with the reasons, and who is invited."
        ),
    ),
    "setup.deadline.label": (
        "Frist for temaforslag (sidste dag)",
        "Deadline for nominations (last day)",
    ),
    "setup.deadline.error": (
        "Vælg en dato mellem {min_date} og {max_date}.",
        "Choose a date between {min_date} and {max_date}.",
    ),
    "setup.deadline.hint": (
        "Medarbejderne kan sende forslag til og med den dag, du vælger.",
        "Employees can send nominations up to and including the day you choose.",
    ),
    "setup.contact.label": (
        "Kontaktperson i {planning_group}",
        "Contact person in {planning_group}",
    ),
    "setup.contact.error": (
        "Vælg kontaktpersonen.",
        "Choose the contact person.",
    ),
    "setup.contact.hint": (
        "Medarbejderne ser navnet i skemaet og kan gå til kontaktpersonen med spørgsmål.",
        "Employees see this name on the form and can go to the contact person with questions.",
    ),
    "setup.mode.label": (
        "Skal navne stå ved begrundelserne?",
        "Show names with the reasons?",
    ),
    "setup.mode.error": (
        "Vælg, om navne skal vises.",
        "Choose whether names are shown.",
    ),
    "setup.mode.anonymous": (
        "Uden navne – {planning_group} ser temaer og begrundelser, men ikke hvem der har skrevet hvad",
        "Without names – {planning_group} sees themes and reasons, but not who wrote what",
    ),
    "setup.mode.named": (
        "Med navne – navnet står ved hver begrundelse, som på papirskemaet i guiden",
        "With names – each reason shows its author's name, as on the paper form in the guide",
    ),
    "setup.after_start": (
        (
            "Når du starter runden, sender TalSammen skemaet til de inviterede i deres egen chat. Fortæl "
            "gerne kollegerne om det på jeres næste møde."
        ),
        (
            "When you start the round, TalSammen sends the form to those invited in their own chat. It is a"
            " good idea to tell your colleagues about it at your next meeting."
        ),
    ),
    "setup.error.in_past": (
        "Fristen kan ikke ligge før i dag.",
        "The deadline cannot be before today.",
    ),
    "setup.error.too_far": (
        "Fristen kan senest være {max_date}.",
        "The deadline can be no later than {max_date}.",
    ),
    "setup.error.not_a_date": (
        "Fristen skal være en dato.",
        "The deadline must be a date.",
    ),
    "setup.error.contact_required": (
        "Vælg kontaktpersonen blandt teamets medlemmer.",
        "Choose the contact person among the team's members.",
    ),
    "started.title": (
        "Runden er startet",
        "The round has started",
    ),
    "started.intro": (
        "Medarbejderne kan vælge ét trivselstema og ét ledelsestema til og med {deadline}.",
        "Employees can choose one well-being theme and one leadership theme up to and including {deadline}.",
    ),
    "started.invited": (
        "{count} medarbejdere har fået skemaet i deres chat med TalSammen.",
        "{count} employees have received the form in their chat with TalSammen.",
    ),
    "started.invited.one": (
        "1 medarbejder har fået skemaet i sin chat med TalSammen.",
        "1 employee has received the form in their chat with TalSammen.",
    ),
    "started.unreachable": (
        "{count} kunne ikke nås. Se status for at se hvem.",
        "{count} could not be reached. See the status for who.",
    ),
    "started.not_in_chat": (
        "Svarene vises ikke her i kanalen – kun {planning_group} kan se optællingen.",
        "Answers are not shown here in the channel – only {planning_group} can see the tally.",
    ),
    "plan.no_nominations": (
        (
            "I {dialogue} samler {planning_group} ikke temaforslag ind fra medarbejderne. "
            "Skriv »vælg temaer« for at vælge de temaer, I skal drøfte."
        ),
        (
            "In the {dialogue}, {planning_group} does not collect theme nominations from the employees. "
            "Write “choose themes” to choose the themes you will discuss."
        ),
    ),
    "plan.round_already_open": (
        "Der er allerede en åben runde med temaforslag. Fristen er {deadline}.",
        "A theme round is already open, with deadline {deadline}.",
    ),
    "plan.round_starting": (
        "Runden er åbnet. Jeg sender nu kortet til teamets medlemmer i en privat chat …",
        "The round is open. I am now sending the card to the team's members in a private chat …",
    ),
    "setup.lang.label": (
        "Sprog i teamets kanal",
        "Language of the team's channel",
    ),
    "setup.lang.error": (
        "Vælg kanalens sprog.",
        "Choose the channel's language.",
    ),
    "setup.lang.da": (
        "Dansk",
        "Danish",
    ),
    "setup.lang.en": (
        "Engelsk",
        "English",
    ),
    "setup.invitees.title": (
        "Hvem inviteres? ({count} i teamet)",
        "Who is invited? ({count} in the team)",
    ),
    "setup.invitees.hint": (
        (
            "Som udgangspunkt skal alle medarbejdere undtagen timelønnede indgå i Udviklingsdialogen. Alle "
            "i teamet er valgt; fjern timelønnede, medarbejdere på orlov og eksterne medlemmer. Du kan "
            "ændre listen, mens runden er åben."
        ),
        (
            "As a rule every employee except hourly-paid staff takes part in the development dialogue. "
            "Everyone in the team is selected; remove hourly-paid staff, people on leave and external "
            "members. You can change the list while the round is open."
        ),
    ),
    "setup.invitees.label": (
        "Inviterede",
        "Invited",
    ),
    "setup.later_page": (
        "Fristen, sproget, kontaktpersonen og valget om navne fra første side gælder stadig.",
        "The deadline, language, contact person and choice about names from the first page still apply.",
    ),
    "setup.error.contact_not_member": (
        "Kontaktpersonen skal være medlem af teamet. Vælg en fra listen.",
        "The contact person must be a member of the team. Choose one from the list.",
    ),
    "setup.error.none_invited": (
        "Vælg mindst én, der skal inviteres.",
        "Choose at least one person to invite.",
    ),
    "started.title.deadline": (
        "Runden er startet – frist {deadline}",
        "The round has started – deadline {deadline}",
    ),
    "started.choose": (
        "Medarbejderne vælger ét trivselstema og ét ledelsestema og begrunder deres valg.",
        "Employees choose one well-being theme and one leadership theme and give their reasons.",
    ),
    "started.sending": (
        "Skemaet sendes nu til de {count} inviterede i deres chat med TalSammen.",
        "The form is now on its way to the {count} invited people in their chat with TalSammen.",
    ),
    "started.sending.one": (
        "Skemaet sendes nu til den ene inviterede i sin chat med TalSammen.",
        "The form is now on its way to the one invited person in their chat with TalSammen.",
    ),
    "plan.already_started": (
        (
            "Runden er allerede startet med frist {deadline}, så der startes ikke en ny. Kortet viser den "
            "runde, der kører."
        ),
        (
            "The round has already started with deadline {deadline}, so no new one is started. The card "
            "shows the running round."
        ),
    ),
    "plan.roster_failed": (
        "Jeg kunne ikke hente teamets medlemmer fra Teams lige nu. Prøv igen om lidt.",
        "I could not get the team's members from Teams just now. Please try again in a moment.",
    ),
}
