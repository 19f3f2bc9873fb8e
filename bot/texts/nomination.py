"""Step 3: the nomination card (Bilag 2), the receipt and the replies about a round.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "nomination.sent_privately": (
        "Jeg har sendt dig skemaet til dine temaforslag i vores private chat.",
        "I have sent you your nomination form in our private chat.",
    ),
    "action.nomination.open": (
        "Vælg mine temaer",
        "Choose my themes",
    ),
    "action.nomination.send": (
        "Send mine temaer",
        "Send my themes",
    ),
    "action.nomination.save": (
        "Gem ændringerne",
        "Save the changes",
    ),
    "action.edit": (
        "Ret",
        "Edit",
    ),
    "nomination.intro": (
        (
            "Vælg ét trivselstema og ét ledelsestema, som du synes er vigtige at få drøftet, og skriv kort,"
            " hvorfor. Svar senest {deadline}."
        ),
        (
            "Choose one well-being theme and one leadership theme that you think are important to discuss, "
            "and write briefly why. Answer by {deadline}."
        ),
    ),
    "nomination.choose.wellbeing": (
        "Jeg synes, det vigtigste trivselstema, vi skal drøfte, er:",
        "I think the most important well-being theme for us to discuss is:",
    ),
    "nomination.choose.leadership": (
        "Jeg synes, det vigtigste ledelsestema, vi skal drøfte, er:",
        "I think the most important leadership theme for us to discuss is:",
    ),
    "nomination.choose.placeholder": (
        "Vælg ét tema",
        "Choose one theme",
    ),
    "nomination.about.show.wellbeing": (
        "Læs om trivselstemaerne",
        "About the well-being themes",
    ),
    "nomination.about.show.leadership": (
        "Læs om ledelsestemaerne",
        "About the leadership themes",
    ),
    "nomination.about.hide": (
        "Skjul temaerne",
        "Hide the themes",
    ),
    "nomination.about.hint": (
        "Tryk på et tema for at læse, hvad det handler om.",
        "Tap a theme to read what it is about.",
    ),
    "nomination.own.choice": (
        "{own} – dit eget forslag",
        "{own} – your own proposal",
    ),
    "nomination.own.hint.wellbeing": (
        (
            "Har du et andet trivselstema på hjertet, så vælg »{own}« og skriv dit eget forslag i feltet "
            "herunder."
        ),
        (
            "If another well-being theme matters to you, choose “{own}” and write your own proposal in the "
            "field below."
        ),
    ),
    "nomination.own.hint.leadership": (
        (
            "Har du et andet ledelsestema på hjertet, så vælg »{own}« og skriv dit eget forslag i feltet "
            "herunder."
        ),
        (
            "If another leadership theme matters to you, choose “{own}” and write your own proposal in the "
            "field below."
        ),
    ),
    "nomination.own_title.label.wellbeing": (
        "Dit eget forslag til et trivselstema – kun hvis du har valgt »{own}« (højst {limit} tegn)",
        "Your own proposal for a well-being theme – only if you chose “{own}” (at most {limit} characters)",
    ),
    "nomination.own_title.label.leadership": (
        "Dit eget forslag til et ledelsestema – kun hvis du har valgt »{own}« (højst {limit} tegn)",
        "Your own proposal for a leadership theme – only if you chose “{own}” (at most {limit} characters)",
    ),
    "nomination.question.label": (
        "{question} (højst {limit} tegn)",
        "{question} (at most {limit} characters)",
    ),
    "nomination.who.title": (
        "Hvem ser dit svar?",
        "Who sees your answer?",
    ),
    "nomination.who.anonymous": (
        (
            "{Planning_group} ser dine temaer og begrundelser, men ikke dit navn. TalSammen gemmer, hvem"
            " der har svaret, så du kan rette dit svar og ikke får påmindelser."
        ),
        (
            "{Planning_group} sees your themes and reasons, but not your name. TalSammen records who has "
            "answered, so that you can edit your answer and are not sent reminders."
        ),
    ),
    "nomination.who.named": (
        "{Planning_group} ser dine temaer og begrundelser med dit navn ved – som på papirskemaet.",
        "{Planning_group} sees your themes and reasons with your name – as on the paper form.",
    ),
    "nomination.who.deadline": (
        "Svar senest {deadline}. Du kan rette dit svar indtil da.",
        "Answer by {deadline}. You can edit your answer until then.",
    ),
    "nomination.who.care": (
        "Skriv ikke helbredsoplysninger eller andre personlige forhold om dig selv eller andre.",
        "Do not write health details or other personal matters about yourself or others.",
    ),
    "nomination.errors.title": (
        "Dit svar er ikke sendt endnu. Ret det, der er markeret, og send igen.",
        "Your answer has not been sent yet. Correct what is marked and send it again.",
    ),
    "nomination.slot.theme": (
        "temavalg",
        "theme",
    ),
    "nomination.slot.own_title": (
        "eget tema",
        "own theme",
    ),
    "nomination.slot.why_me": (
        "vigtigt for mig",
        "why it matters to you",
    ),
    "nomination.slot.core_task": (
        "kerneopgaven",
        "core task",
    ),
    "nomination.slot.other": (
        "skemaet",
        "form",
    ),
    "nomination.error.theme.required": (
        "Vælg et tema.",
        "Choose a theme.",
    ),
    "nomination.error.theme.required.wellbeing": (
        "Vælg ét trivselstema.",
        "Choose one well-being theme.",
    ),
    "nomination.error.theme.required.leadership": (
        "Vælg ét ledelsestema.",
        "Choose one leadership theme.",
    ),
    "nomination.error.theme.unknown_choice": (
        "Vælg et af temaerne på listen.",
        "Choose one of the themes in the list.",
    ),
    "nomination.error.own_title.required": (
        "Skriv en kort overskrift på dit eget tema.",
        "Write a short title for your own theme.",
    ),
    "nomination.error.own_title.too_long": (
        "Overskriften må højst være {limit} tegn.",
        "The title can be at most {limit} characters.",
    ),
    "nomination.error.reason.required": (
        "Skriv et kort svar.",
        "Write a short answer.",
    ),
    "nomination.error.required": (
        "Skriv et kort svar.",
        "Write a short answer.",
    ),
    "nomination.error.too_long": (
        "Højst {limit} tegn – forkort dit svar.",
        "At most {limit} characters – please shorten your answer.",
    ),
    "nomination.error.not_text": (
        "Feltet kunne ikke læses. Skriv det igen.",
        "This field could not be read. Please enter it again.",
    ),
    "nomination.error.unknown_choice": (
        "Vælg et af temaerne på listen.",
        "Choose one of the themes in the list.",
    ),
    "nomination.error.other": (
        "Noget i skemaet er ikke i orden. Prøv igen.",
        "Something in the form is not right. Please try again.",
    ),
    "receipt.title": (
        "Tak – dine temaer er modtaget",
        "Thank you – your themes have been received",
    ),
    "receipt.title.changed": (
        "Dine ændringer er gemt",
        "Your changes have been saved",
    ),
    "receipt.title.saved": (
        "Dit svar er gemt",
        "Your answer is saved",
    ),
    "receipt.title.shown": (
        "Dine temaer",
        "Your themes",
    ),
    "receipt.intro": (
        "Det her har du sendt til {planning_group}:",
        "This is what you sent to {planning_group}:",
    ),
    "receipt.anonymous": (
        "{Planning_group} ser dine begrundelser uden dit navn.",
        "{Planning_group} sees your reasons without your name.",
    ),
    "receipt.named": (
        "{Planning_group} ser dine begrundelser med dit navn ved.",
        "{Planning_group} sees your reasons with your name.",
    ),
    "receipt.can_edit": (
        "Du kan rette dit svar indtil {deadline}.",
        "You can edit your answer until {deadline}.",
    ),
    "receipt.closed": (
        "Runden er lukket, så svaret kan ikke længere rettes.",
        "The round is closed, so the answer can no longer be edited.",
    ),
    "nomination.no_round": (
        "Der er ingen runde med temaforslag endnu.",
        "There is no theme round yet.",
    ),
    "nomination.round_closed": (
        "Fristen er udløbet, og runden er lukket. Kontakt {contact}, hvis du har spørgsmål.",
        "The deadline has passed, so the round is closed. Contact {contact} if you have questions.",
    ),
    "nomination.not_invited": (
        "Du er ikke med i denne runde. Kontakt {planning_group}, hvis det er en fejl.",
        "You are not part of this round. Contact {planning_group} if this is a mistake.",
    ),
    "nomination.unknown_round": (
        "Jeg kender ikke den runde. Skriv »mine temaer« for at få dit kort igen.",
        'I do not know that round. Write "my themes" to get your card again.',
    ),
    "data.nomination.paper": (
        "Indtastet for dig fra dit papirskema.",
        "Entered for you from your paper form.",
    ),
}
