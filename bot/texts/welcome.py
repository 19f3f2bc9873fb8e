"""What a team and a person see first.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "welcome.team.title": (
        "Velkommen til {dialogue}",
        "Welcome to {dialogue}",
    ),
    "welcome.team.intro": (
        "TalSammen hjælper jer med at forberede Udviklingsdialogen om trivsel og ledelse:",
        "TalSammen helps you prepare the development dialogue about well-being and leadership:",
    ),
    "welcome.team.steps": (
        (
            "1. {Planning_group} starter en runde og sætter en frist.\r2. Alle medarbejdere får en besked"
            " fra TalSammen og vælger ét trivselstema og ét ledelsestema – hver med to korte begrundelser.\r"
            "3. {Planning_group} ser optællingen og udvælger de temaer, I skal drøfte i "
            "Udviklingsdialogen."
        ),
        (
            "1. {Planning_group} starts a round and sets a deadline.\r2. Every employee gets a message "
            "from TalSammen and chooses one well-being theme and one leadership theme – each with two short"
            " reasons.\r3. {Planning_group} sees the tally and selects the themes you will discuss in the "
            "development dialogue."
        ),
    ),
    "welcome.team.group_is": (
        "{Planning_group}:",
        "{Planning_group}:",
    ),
    "welcome.team.group_empty": (
        (
            "Der er ingen planlægningsgruppe endnu. Den, der starter den første runde, bliver gruppens "
            "første medlem og kan tilføje de andre – fx {leader}, TR og AMR."
        ),
        (
            "There is no planning group yet. Whoever starts the first round becomes its first member and "
            "can add the others – for example {leader}, the union rep and the health and safety rep."
        ),
    ),
    "welcome.team.start_hint": (
        "Tryk »Start« for at sætte en runde op, eller skriv @TalSammen hjælp.",
        "Select “Start” to set up a round, or write @TalSammen help.",
    ),
    "welcome.personal.hello": (
        "Hej",
        "Hi",
    ),
    "welcome.personal.intro": (
        "Jeg er TalSammen. Jeg hjælper med at forberede {dialogue}.",
        "I'm TalSammen. I help prepare the {dialogue}.",
    ),
    "welcome.personal.what": (
        (
            "Når {planning_group} starter en runde, får du en besked her. Du vælger ét trivselstema og "
            "ét ledelsestema og skriver kort, hvorfor de er vigtige – for dig og for jeres samarbejde om "
            "kerneopgaven. Før selve dialogen minder jeg dig om at forberede et hverdagseksempel."
        ),
        (
            "When {planning_group} starts a round, you get a message here. You choose one well-being "
            "theme and one leadership theme and write briefly why they matter – to you and to your "
            "collaboration on the core task. Before the dialogue itself, I will remind you to prepare an "
            "everyday example."
        ),
    ),
    "language.set_in_channel": (
        "Fra nu af skriver jeg til dig på {language} i vores private chat. Her i kanalen skriver jeg på teamets sprog.",
        "From now on I will write to you in {language} in our private chat. Here in the channel I write in the team's language.",
    ),
    "language.name.da": (
        "dansk",
        "Danish",
    ),
    "language.name.en": (
        "engelsk",
        "English",
    ),
    "welcome.personal.language": (
        "Vælg sprog:",
        "Choose your language:",
    ),
}
