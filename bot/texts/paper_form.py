"""Paper forms (Bilag 2) entered by the contact person on a colleague's behalf.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "receipt.paper": (
        "Indtastet fra dit papirskema af",
        "Entered from your paper form by",
    ),
    "receipt.paper.replace": (
        "Vil du hellere svare selv, så tryk på »Ret«. Dit eget svar erstatter papirskemaet.",
        "If you would rather answer yourself, press “Edit”. Your own answer replaces the paper form.",
    ),
    "action.paper.open": (
        "Indtast et papirskema",
        "Enter a paper form",
    ),
    "action.paper.choose": (
        "Udfyld skemaet",
        "Fill in the form",
    ),
    "action.paper.save": (
        "Gem papirskemaet",
        "Save the paper form",
    ),
    "action.paper.correct": (
        "Ret papirskemaet",
        "Correct the paper form",
    ),
    "action.paper.next": (
        "Indtast et papirskema mere",
        "Enter another paper form",
    ),
    "paper.form.for": (
        "Papirskema fra",
        "Paper form from",
    ),
    "paper.form.intro": (
        "Skriv kollegaens valg og begrundelser af fra papirskemaet.",
        "Copy your colleague's choices and reasons from the paper form.",
    ),
    "paper.form.counts": (
        (
            "Svaret tæller med i optællingen og svarprocenten og bliver markeret som indtastet af dig fra "
            "et papirskema. Svarer kollegaen senere selv, erstatter det papirskemaet."
        ),
        (
            "The answer counts in the tally and the response rate and is marked as entered by you from a "
            "paper form. If your colleague later answers themselves, that replaces the paper form."
        ),
    ),
    "paper.choose.title": (
        "Indtast et papirskema",
        "Enter a paper form",
    ),
    "paper.choose.intro": (
        (
            "Vælg den kollega, hvis papirskema du vil indtaste. Listen viser dem, der er inviteret og ikke "
            "har svaret, og dem, hvis papirskema du allerede har indtastet og kan rette."
        ),
        (
            "Choose the colleague whose paper form you want to enter. The list shows those who were invited"
            " and have not answered, and those whose paper form was entered before and can be corrected."
        ),
    ),
    "paper.choose.label": (
        "Kollega",
        "Colleague",
    ),
    "paper.choose.placeholder": (
        "Vælg en kollega",
        "Choose a colleague",
    ),
    "paper.choose.required": (
        "Vælg den kollega, skemaet er fra.",
        "Choose the colleague the form is from.",
    ),
    "paper.choose.corrects": (
        "{name} (papirskema – ret)",
        "{name} (paper form – correct)",
    ),
    "paper.choose.more": (
        "{count} kolleger er ikke med på listen. Gem nogle af skemaerne, så kommer de andre med.",
        "{count} colleagues are not in the list. Save some of the forms and the others will appear.",
    ),
    "paper.choose.more.one": (
        "1 kollega er ikke med på listen. Gem nogle af skemaerne, så kommer den sidste med.",
        "1 colleague is not in the list. Save some of the forms and the last one will appear.",
    ),
    "paper.receipt.title": (
        "Papirskemaet er gemt",
        "The paper form has been saved",
    ),
    "paper.receipt.changed": (
        "Rettelsen er gemt",
        "The correction has been saved",
    ),
    "paper.receipt.counts": (
        "Det tæller med i optællingen og svarprocenten og er markeret som indtastet af dig.",
        "It counts in the tally and the response rate and is marked as entered by you.",
    ),
    "paper.receipt.can_correct": (
        "Du kan rette det indtil {deadline}, medmindre kollegaen selv svarer inden da.",
        "You can correct it until {deadline}, unless your colleague answers themselves before then.",
    ),
    "paper.none_left": (
        "Alle inviterede har svaret, så der er ingen papirskemaer at indtaste.",
        "Everyone invited has answered, so there are no paper forms to enter.",
    ),
    "paper.sent_privately": (
        "Jeg har sendt dig skemaet til papirskemaer i vores private chat.",
        "I have sent you the paper form card in our private chat.",
    ),
    "paper.refused.not_contact": (
        "Papirskemaer indtastes af kontaktpersonen ({contact}) eller {planning_group}.",
        "Paper forms are entered by the contact person ({contact}) or {planning_group}.",
    ),
    "paper.refused.round_closed": (
        "Runden er lukket, så der kan ikke indtastes flere papirskemaer.",
        "The round is closed, so no more paper forms can be entered.",
    ),
    "paper.refused.not_invited": (
        "Den kollega er ikke inviteret til runden, så papirskemaet kan ikke gemmes.",
        "That colleague was not invited to the round, so the paper form cannot be saved.",
    ),
    "paper.refused.own_form": (
        "Dine egne temaer vælger du på dit eget kort. Skriv »mine temaer«.",
        "You choose your own themes on your own card. Write “my themes”.",
    ),
    "paper.refused.answered_themselves": (
        "{name} har selv svaret, og det svar gælder. Papirskemaet er ikke gemt.",
        "{name} has answered themselves, and that answer stands. The paper form was not saved.",
    ),
    "paper.refused.unknown_round": (
        "Der er ingen åben runde, hvor du kan indtaste papirskemaer.",
        "There is no open round where you can enter paper forms.",
    ),
    "paper.summary": (
        "Papirskema",
        "Paper form",
    ),
    "help.cmd.paper_form": (
        "Indtast en kollegas papirskema (kontaktpersonen)",
        "Enter a colleague's paper form (the contact person)",
    ),
}
