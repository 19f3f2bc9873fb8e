"""Words every step uses: buttons, labels and the bot's short answers.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "action.help": (
        "Hjælp",
        "Help",
    ),
    "action.privacy": (
        "Sådan behandler vi dine oplysninger",
        "How we handle your data",
    ),
    "label.contact": (
        "Kontaktperson:",
        "Contact person:",
    ),
    "mode.anonymous": (
        "Begrundelserne vises uden navne.",
        "Reasons are shown without names.",
    ),
    "mode.named": (
        "Navnet står ved hver begrundelse.",
        "Each reason shows its author's name.",
    ),
    "common.not_in_team": (
        "Det kan kun gøres i teamets kanal. Skriv @TalSammen og kommandoen dér.",
        "That can only be done in the team's channel. Write @TalSammen and the command there.",
    ),
    "common.only_planning_group": (
        "Det er kun {planning_group}, der kan det. {Planning_group} er: {names}.",
        "Only {planning_group} can do that. {Planning_group} is: {names}.",
    ),
    "common.sent_privately": (
        "Jeg har sendt det til dig i vores private chat.",
        "I have sent it to you in our private chat.",
    ),
    "common.language_set": (
        "Fra nu af skriver jeg til dig på dansk.",
        "From now on I will write to you in English.",
    ),
    "common.unknown_command": (
        "Det forstod jeg ikke. Skriv »hjælp« for at se, hvad jeg kan.",
        'I did not understand that. Write "help" to see what I can do.',
    ),
    "common.unknown_action": (
        "Den knap kender jeg ikke (måske er kortet forældet). Skriv »hjælp« for at se, hvad jeg kan.",
        'I do not know that button (the card may be out of date). Write "help" to see what I can do.',
    ),
    "common.invalid_submission": (
        "Kortet kunne ikke gemmes. Ret felterne markeret med rødt og prøv igen.",
        "The card could not be saved. Correct the fields marked in red and try again.",
    ),
    "common.no_personal_chat": (
        (
            "Jeg kan ikke skrive til dig privat endnu. Installer appen personligt, eller skriv til mig i en"
            " privat chat."
        ),
        "I cannot write to you privately yet. Install the app personally, or write to me in a private chat.",
    ),
    "common.error": (
        "Beklager, noget gik galt. Prøv igen om lidt; intet af det, du har skrevet, er gået tabt.",
        "Sorry, something went wrong. Please try again shortly; nothing you wrote has been lost.",
    ),
    "common.payload_rejected": (
        (
            "Kortet indeholdt noget, jeg ikke kan tage imod, så intet er gemt. Skriv »mine temaer« for at "
            "få et nyt kort."
        ),
        'The card held something I cannot accept, so nothing was saved. Write "my themes" for a fresh card.',
    ),
}
