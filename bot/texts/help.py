"""Help: what each role can do.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "help.title": (
        "Hjælp til TalSammen",
        "TalSammen help",
    ),
    "help.intro": (
        (
            "TalSammen hjælper jer med at forberede {dialogue}: medarbejderne vælger temaer, og "
            "{planning_group} ser optællingen og udvælger ét trivselstema og ét ledelsestema."
        ),
        (
            "TalSammen helps you prepare the {dialogue}: employees nominate themes, and {planning_group} "
            "sees the tally and selects one well-being theme and one leadership theme."
        ),
    ),
    "help.role.employee": (
        (
            "Som medarbejder vælger du ét trivselstema og ét ledelsestema og skriver kort, hvorfor de er "
            "vigtige. Du kan rette dit svar indtil fristen."
        ),
        (
            "As an employee you choose one well-being theme and one leadership theme and write briefly why "
            "they matter. You can edit your answer until the deadline."
        ),
    ),
    "help.role.planning_group": (
        (
            "Som medlem af {planning_group} starter du runder, følger med i, hvor mange der har svaret, "
            "ser optællingen og styrer, hvem der er med i gruppen."
        ),
        (
            "As a member of {planning_group} you start rounds, follow how many have answered, see the "
            "tally and manage who is in the group."
        ),
    ),
    # A concept without a nomination round (DTU's file): the planning group sets the themes itself.
    "help.intro.direct": (
        "TalSammen hjælper jer med at forberede {dialogue}: {planning_group} vælger temaerne, inviterer til dialogen og "
        "følger op bagefter.",
        "TalSammen helps you prepare the {dialogue}: {planning_group} chooses the themes, invites you to the dialogue "
        "and follows up afterwards.",
    ),
    "help.role.employee.direct": (
        "Som medarbejder får du en invitation med temaerne, forbereder et hverdagseksempel til hvert tema og svarer på, "
        "om du kommer.",
        "As an employee you get an invitation with the themes, prepare an everyday example for each theme and answer "
        "whether you are coming.",
    ),
    "help.role.planning_group.direct": (
        "Som medlem af {planning_group} vælger du temaerne, sætter dagen, inviterer medarbejderne og styrer, hvem der "
        "er med i gruppen.",
        "As a member of {planning_group} you choose the themes, set the day, invite the employees and manage who is "
        "in the group.",
    ),
    "help.team_only.direct": (
        "{Planning_group} klarer du i teamets kanal: @TalSammen gruppe.",
        "Manage {planning_group} in the team's channel: @TalSammen group.",
    ),
    "help.commands": (
        "Det kan du skrive",
        "What you can write",
    ),
    "help.commands.channel": (
        "I kanalen skal du nævne @TalSammen først. Kommandoerne virker på dansk og engelsk.",
        "In the channel, mention @TalSammen first. Commands work in Danish and English.",
    ),
    "help.commands.chat": (
        "Skriv kommandoen her i chatten. Kommandoerne virker på dansk og engelsk.",
        "Write the command here in the chat. Commands work in Danish and English.",
    ),
    "help.team_only": (
        "En ny runde og {planning_group} klarer du i teamets kanal: @TalSammen start og @TalSammen gruppe.",
        "Start a new round and manage {planning_group} in the team's channel: @TalSammen start and @TalSammen group.",
    ),
    "help.cmd.start": (
        "Start en ny runde med temaforslag",
        "Start a new round of theme nominations",
    ),
    "help.cmd.tally": (
        "Se optællingen af temaforslag",
        "See the tally of nominations",
    ),
    "help.cmd.status": (
        "Se, hvor mange der har svaret, og hvem TalSammen ikke kan nå",
        "See how many have answered and whom TalSammen cannot reach",
    ),
    "help.cmd.group": (
        "Se og ændre {planning_group}",
        "See and change {planning_group}",
    ),
    "help.cmd.my_themes": (
        "Se eller ret dine temaforslag",
        "See or edit your nominations",
    ),
    "help.cmd.my_data": (
        "Se, eksportér eller slet det, der er gemt om dig",
        "See, export or delete what is stored about you",
    ),
    "help.cmd.language": (
        "Skift mellem dansk og engelsk",
        "Switch between Danish and English",
    ),
    "help.cmd.help": (
        "Vis denne hjælp",
        "Show this help",
    ),
    "help.summary": (
        "Hjælp",
        "Help",
    ),
}
