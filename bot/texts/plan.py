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
            "Alle medarbejdere i teamet får skemaet fra TalSammen, hvor de vælger ét trivselstema og ét "
            "ledelsestema med begrundelse. Vælg fristen, kontaktpersonen, og om navne skal stå ved "
            "begrundelserne."
        ),
        (
            "Every employee in the team gets the form from TalSammen, where they choose one well-being "
            "theme and one leadership theme with reasons. Choose the deadline, the contact person, and "
            "whether names are shown with the reasons."
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
        "Kontaktperson i planlægningsgruppen",
        "Contact person in the planning group",
    ),
    "setup.contact.error": (
        "Skriv navnet på kontaktpersonen.",
        "Enter the contact person's name.",
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
        "Uden navne – planlægningsgruppen ser temaer og begrundelser, men ikke hvem der har skrevet hvad",
        "Without names – the planning group sees themes and reasons, but not who wrote what",
    ),
    "setup.mode.named": (
        "Med navne – navnet står ved hver begrundelse, som på papirskemaet i guiden",
        "With names – each reason shows its author's name, as on the paper form in the guide",
    ),
    "setup.after_start": (
        (
            "Når du starter runden, sender TalSammen skemaet til alle i teamet i deres egen chat. Fortæl "
            "gerne kollegerne om det på jeres næste møde."
        ),
        (
            "When you start the round, TalSammen sends the form to everyone in the team in their own chat. "
            "It is a good idea to tell your colleagues about it at your next meeting."
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
        "Skriv navnet på kontaktpersonen.",
        "Enter the contact person's name.",
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
        "Svarene vises ikke her i kanalen – kun planlægningsgruppen kan se optællingen.",
        "Answers are not shown here in the channel – only the planning group can see the tally.",
    ),
    "closed.title": (
        "Fristen for temaforslag er nået",
        "The nomination deadline has passed",
    ),
    "closed.intro": (
        "Fristen var {deadline}. {responded} af {invited} har sendt temaforslag.",
        "The deadline was {deadline}. {responded} of {invited} sent nominations.",
    ),
    "closed.next": (
        (
            "Planlægningsgruppen ser nu på forslagene og udvælger ét trivselstema og ét ledelsestema til "
            "udviklingsdialogen."
        ),
        (
            "The planning group now looks at the nominations and selects one well-being theme and one "
            "leadership theme for the development dialogue."
        ),
    ),
    "plan.round_already_open": (
        "Der er allerede en åben runde for temaer med frist {deadline}.",
        "A theme round is already open, with deadline {deadline}.",
    ),
    "plan.round_starting": (
        "Runden er åbnet. Jeg sender nu kortet til teamets medlemmer i en privat chat …",
        "The round is open. I am now sending the card to the team's members in a private chat …",
    ),
}
