"""Step 4: the planning group chooses the day's themes (Planlægningsgruppen udvælger temaer).

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

# The typed command (bot/dialogs/selection.py), Danish words kept here with the step's other words.
COMMAND_DA = ("vælg temaer", "vaelg temaer")
COMMAND_EN = ("choose themes",)
# Which dialogue the day runs (a concept with dialogue kinds, DTU); the word after it names the kind.
KIND_COMMAND_DA = ("vælg dialog", "vaelg dialog")
KIND_COMMAND_EN = ("choose dialogue",)
KIND_WORDS = {"trivsel": "wellbeing", "trivselsdialog": "wellbeing", "wellbeing": "wellbeing", "well-being": "wellbeing",
              "ledelse": "leadership", "ledelsesdialog": "leadership", "leadership": "leadership",
              "begge": "both", "both": "both"}

TEXTS: dict[str, tuple[str, str]] = {
    "help.cmd.choose_themes": (
        "Vælg dagens trivselstema og ledelsestema, og skriv hvorfor",
        "Choose the day's well-being and leadership theme, and say why",
    ),
    "action.selection.show": (
        "Vælg temaer",
        "Choose the themes",
    ),
    "action.selection.save": (
        "Gem valget af temaer",
        "Save the chosen themes",
    ),
    "action.selection.change": (
        "Ret valget",
        "Change",
    ),
    "action.selection.announce": (
        "Annoncér temaerne og invitér",
        "Announce and invite",
    ),
    "selection.summary": (
        "{Planning_group} udvælger temaer",
        "{Planning_group} chooses the themes",
    ),
    "selection.sent_privately": (
        "Jeg har sendt dig kortet til at vælge temaer i vores private chat.",
        "I have sent you the card for choosing the themes in our private chat.",
    ),
    "selection.title": (
        "{Planning_group} udvælger temaer",
        "{Planning_group} chooses the themes",
    ),
    "selection.intro": (
        "Vælg ét trivselstema og ét ledelsestema til Udviklingsdialogen, og skriv kort hvorfor. Medarbejderne skal "
        "have at vide, hvilke temaer I har valgt, og hvorfor netop disse temaer er valgt.",
        "Choose one well-being theme and one leadership theme for the development dialogue, and say briefly why. "
        "The employees will be told which themes you chose, and why these themes in particular.",
    ),
    "selection.intro.one": (
        "Vælg temaet til dialogen, og skriv kort hvorfor. Medarbejderne skal have at vide, hvilket tema I har valgt, "
        "og hvorfor netop det er valgt.",
        "Choose the theme for the dialogue, and say briefly why. The employees will be told which theme you chose, "
        "and why this one in particular.",
    ),
    "help.cmd.choose_dialogue": (
        "Vælg hvilken dialog I holder: trivsel, ledelse eller begge",
        "Choose which dialogue you hold: well-being, leadership or both",
    ),
    "selection.kind.title": (
        "Hvilken dialog holder I?",
        "Which dialogue are you holding?",
    ),
    "selection.kind.cadence": (
        "Holdes {cadence}.",
        "Held {cadence}.",
    ),
    "selection.kind.current": (
        "I holder: {name}. Temaerne herunder følger jeres valg.",
        "You are holding: {name}. The themes below follow your choice.",
    ),
    "selection.kind.both": (
        "begge dialoger på samme dag",
        "both dialogues on the same day",
    ),
    "action.selection.kind": (
        "Kun {name}",
        "Only {name}",
    ),
    "action.selection.kind.both": (
        "Begge dialoger",
        "Both dialogues",
    ),
    "selection.responded": (
        "{responded} af {invited} medarbejdere har foreslået temaer ({percent} %).",
        "{responded} of {invited} employees have nominated themes ({percent}%).",
    ),
    "selection.no_tally": (
        "Der er ingen temaforslag fra medarbejderne. Vælg blandt temaerne, eller skriv jeres eget forslag.",
        "There are no nominations from the employees. Choose among the themes, or write your own proposal.",
    ),
    "selection.considerations.title": (
        "Det kan I tage hensyn til",
        "What you can take into account",
    ),
    "selection.pointer.none": (
        "Ingen forslag at pege på.",
        "No nominations to point to.",
    ),
    "selection.pointer.yours": (
        "Optællingen peger på svar til de to første spørgsmål. De øvrige kan kun I selv svare på.",
        "The tally points to answers to the first two questions. Only you can answer the others.",
    ),
    "selection.choose": (
        "Vælg {kind}",
        "Choose the {kind}",
    ),
    "selection.choose.placeholder": (
        "Vælg et tema",
        "Choose a theme",
    ),
    "selection.count": (
        "{count} forslag",
        "{count} nominations",
    ),
    "selection.count.one": (
        "1 forslag",
        "1 nomination",
    ),
    "selection.own.choice": (
        "Jeres eget forslag ({own})",
        "Your own proposal ({own})",
    ),
    "selection.own_title.label": (
        "Titel på jeres eget forslag – kun hvis I vælger eget forslag (højst {limit} tegn)",
        "Title of your own proposal – only if you choose your own proposal (at most {limit} characters)",
    ),
    "selection.reason.label": (
        "Hvorfor netop dette tema? Det får medarbejderne at vide (højst {limit} tegn)",
        "Why this theme in particular? The employees will be told (at most {limit} characters)",
    ),
    "selection.current": (
        "Nuværende valg, {date}, af ",
        "Current choice, {date}, by ",
    ),
    "selection.current.hint": (
        "Alle i {planning_group} kan se og rette valget, indtil temaerne er annonceret.",
        "Everyone in {planning_group} can see and change the choice until the themes are announced.",
    ),
    "selection.errors.title": (
        "Valget er ikke gemt endnu. Ret venligst:",
        "The choice is not saved yet. Please correct:",
    ),
    "selection.slot.theme": (
        "tema",
        "theme",
    ),
    "selection.slot.own_title": (
        "titel på eget forslag",
        "title of your own proposal",
    ),
    "selection.slot.reason": (
        "hvorfor",
        "why",
    ),
    "selection.error.theme.required": (
        "Vælg et tema.",
        "Choose a theme.",
    ),
    "selection.error.theme.unknown_choice": (
        "Det tema kan ikke vælges her. Vælg et af temaerne på listen.",
        "That theme cannot be chosen here. Choose one of the themes on the list.",
    ),
    "selection.error.own_title.required": (
        "Skriv en titel på jeres eget forslag.",
        "Write a title for your own proposal.",
    ),
    "selection.error.reason.required": (
        "Skriv kort, hvorfor I har valgt temaet.",
        "Write briefly why you chose the theme.",
    ),
    "selection.error.too_long": (
        "Højst {limit} tegn – forkort teksten.",
        "At most {limit} characters – please shorten the text.",
    ),
    "selection.error.other": (
        "Feltet kan ikke gemmes sådan. Skriv det igen.",
        "This field cannot be saved as it is. Please write it again.",
    ),
    "selection.result.title.saved": (
        "Temaerne er valgt",
        "The themes are chosen",
    ),
    "selection.result.title.unchanged": (
        "Valget er uændret",
        "The choice is unchanged",
    ),
    "selection.result.title.shown": (
        "De valgte temaer",
        "The chosen themes",
    ),
    "selection.result.title.announced": (
        "Temaerne er annonceret",
        "The themes are announced",
    ),
    "selection.result.not_nominated": (
        "Ikke foreslået af medarbejderne",
        "Not nominated by the employees",
    ),
    "selection.result.why": (
        "Hvorfor:",
        "Why:",
    ),
    "selection.result.chosen_by": (
        "Valgt {date} af ",
        "Chosen {date} by ",
    ),
    "selection.result.next": (
        "Næste trin: fortæl medarbejderne, hvilke temaer I har valgt og hvorfor, og send invitationen. Indtil da kan "
        "alle i {planning_group} rette valget.",
        "Next: tell the employees which themes you chose and why, and send the invitation. Until then anyone in "
        "{planning_group} can change the choice.",
    ),
    "selection.result.announced": (
        "Temaerne blev annonceret {date}. Valget kan ikke længere ændres, for medarbejderne har fået det at vide.",
        "The themes were announced on {date}. The choice can no longer be changed, as the employees have been told.",
    ),
    "selection.refused.announced": (
        "Temaerne er allerede annonceret over for medarbejderne, så valget kan ikke ændres.",
        "The themes have already been announced to the employees, so the choice cannot be changed.",
    ),
    "selection.refused.nominations_open": (
        "Medarbejderne kan stadig foreslå temaer til og med {deadline}. Vælg temaerne, når fristen er nået, eller luk runden først.",
        "Employees can still nominate themes up to and including {deadline}. Choose the themes once the deadline has passed, or close the round first.",
    ),
    "selection.no_dialogue": (
        "Jeg kan ikke finde den udviklingsdialog, valget hører til.",
        "I cannot find the development dialogue this choice belongs to.",
    ),
}
