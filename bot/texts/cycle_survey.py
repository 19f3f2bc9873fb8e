"""The optional survey at the end of a cycle (DTU's question guide for gathering experience).

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup. The
questions themselves are the organisation's words and live in its concept (``cycle_survey``);
only the bot's frame is here."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "survey.summary": ("Spørgeskema", "Survey"),
    "survey.intro": (
        (
            "Svar med dine egne ord på de spørgsmål, du har lyst til – mindst ét. Svarene vises kun samlet og uden navn, "
            "og først når mindst {min} har svaret."
        ),
        (
            "Answer the questions you want to in your own words – at least one. The answers are only shown together and "
            "without names, and only once at least {min} have answered."
        ),
    ),
    "survey.open_until": ("Du kan svare og rette dine svar indtil {date}.", "You can answer and change your answers until {date}."),
    "survey.errors.title": ("Tjek det markerede, før du sender:", "Please check what is marked before you send:"),
    "survey.error.required": ("Skriv et svar på mindst ét af spørgsmålene.", "Answer at least one of the questions."),
    "survey.error.too_long": ("Højst {limit} tegn – forkort dit svar.", "At most {limit} characters – please shorten your answer."),
    "survey.error.too_long_together": (
        "Dine svar er for lange tilsammen til at kunne gemmes – forkort nogle af dem.",
        "Your answers are too long together to be saved – please shorten some of them.",
    ),
    "survey.error.other": ("Svaret kan ikke gemmes sådan – prøv at skrive det igen.", "The answer cannot be saved as it is – please type it again."),
    "action.survey.send": ("Send dine svar", "Send your answers"),
    "survey.thanks": ("Tak for dine svar", "Thank you for your answers"),
    "survey.thanks.unchanged": ("Dine svar er uændrede.", "Your answers are unchanged."),
    "survey.thanks.note": (
        "{Planning_group} ser svarene samlet og uden navn. Du kan rette dine svar, så længe spørgeskemaet er åbent.",
        "{Planning_group} sees the answers together and without names. You can change your answers while the survey is open.",
    ),
    "survey.thanks.count": ("Du svarede på {count} spørgsmål.", "You answered {count} questions."),
    "survey.thanks.count.one": ("Du svarede på 1 spørgsmål.", "You answered 1 question."),
    "action.survey.edit": ("Ret dine svar", "Change your answers"),
    "survey.not_in_concept": (
        "Et spørgeskema ved afslutningen af forløbet er ikke en del af {organisation}s koncept. Jeres evaluering er den korte "
        "evaluering på dagen (skriv »evaluering«).",
        "A survey at the end of the cycle is not part of {organisation}'s concept. Your evaluation is the short evaluation on "
        "the day (type “evaluation”).",
    ),
    "survey.none": ("Der er ingen udviklingsdialog endnu.", "There is no development dialogue yet."),
    "survey.no_people": (
        "Der er ingen at sende spørgeskemaet til: ingen er inviteret til dagen endnu.",
        "There is nobody to send the survey to: nobody has been invited to the day yet.",
    ),
    "survey.refused.not_invited": (
        "Spørgeskemaet er for dem, der var inviteret til udviklingsdialogen.",
        "The survey is for those who were invited to the development dialogue.",
    ),
    "survey.refused.not_yet.after_day": (
        "Spørgeskemaet åbner, når dagen for udviklingsdialogen er slut, {date} kl. {time}.",
        "The survey opens when the day of the development dialogue is over, {date} at {time}.",
    ),
    "survey.refused.not_yet.no_day": (
        "Spørgeskemaet åbner, når dagen for udviklingsdialogen er slut. Dagen er ikke sat endnu.",
        "The survey opens when the day of the development dialogue is over. The day has not been set yet.",
    ),
    "survey.refused.not_yet.after_plan": (
        "Spørgeskemaet åbner, når udviklingsplanen er vedtaget. Det er den ikke endnu.",
        "The survey opens once the development plan has been adopted. It has not been yet.",
    ),
    "survey.refused.closed": ("Spørgeskemaet er lukket; det var åbent indtil {date}.", "The survey is closed; it was open until {date}."),
    "survey.confirm.title": ("Send spørgeskemaet?", "Send the survey?"),
    "survey.confirm.text": (
        "Det går til {count} inviterede i deres private chat med mig. De kan svare indtil {date}.",
        "It goes to {count} invited people in their private chat with me. They can answer until {date}.",
    ),
    "survey.confirm.text.one": (
        "Det går til 1 inviteret i den private chat med mig. Vedkommende kan svare indtil {date}.",
        "It goes to 1 invited person in their private chat with me. They can answer until {date}.",
    ),
    "survey.confirm.questions": ("{count} spørgsmål fra spørgeguiden »{source}«.", "{count} questions from the question guide “{source}”."),
    "survey.confirm.local_choice": (
        "Lokalt valg, ikke fra materialet: svar med fri tekst, og hvor længe spørgeskemaet er åbent.",
        "A local choice, not from the material: free-text answers, and how long the survey is open.",
    ),
    "action.survey.confirm": ("Send spørgeskemaet", "Send the survey"),
    "survey.sent.title": ("Spørgeskemaet er sendt ud", "The survey has been sent"),
    "survey.sent.again": (
        "Alle havde allerede fået det; ingen får det to gange.",
        "Everyone had it already; nobody gets it twice.",
    ),
    "survey.sent.anonymous": (
        "Svarene vises samlet og uden navne, når mindst {min} har svaret.",
        "The answers are shown together and without names once at least {min} have answered.",
    ),
    "action.survey.start": ("Send spørgeskema", "Send the survey"),
    "action.survey.results": ("Se svarene", "See the answers"),
    "action.survey.refresh": ("Opdatér", "Refresh"),
    "action.survey.results_short": ("Spørgeskemaets svar", "The survey's answers"),
    "survey.results.title": ("Spørgeskemaet – samlet og uden navne", "The survey – together and without names"),
    "survey.results.count": ("{count} af {invited} har svaret.", "{count} of {invited} have answered."),
    "survey.results.hidden": (
        "Svarene vises, når mindst {min} har svaret – så ingen kan genkendes på deres ord.",
        "The answers are shown once at least {min} have answered – so nobody can be recognised by their words.",
    ),
    "survey.results.order": (
        "Svarene står i alfabetisk rækkefølge, så rækkefølgen ikke siger noget om hvem eller hvornår.",
        "The answers are in alphabetical order, so the order says nothing about who or when.",
    ),
    "survey.results.no_answers": ("Ingen svar på dette spørgsmål.", "No answers to this question."),
    "survey.results.left_out": (
        "{count} svar mere er der ikke plads til i én besked.",
        "{count} more answers do not fit in one message.",
    ),
    "survey.deleted": ("Dine svar på spørgeskemaet er slettet.", "Your survey answers have been deleted."),
    "survey.nothing_to_delete": ("Der er ingen svar på spørgeskemaet at slette.", "There are no survey answers to delete."),
    # "mine data"
    "data.surveys": ("Dine svar på spørgeskemaet", "Your survey answers"),
    "data.survey.line": ("Svaret {date}", "Answered on {date}"),
    "data.survey.anonymous": (
        "Vises kun uden navn og samlet med de andres svar.",
        "Only shown without your name, together with the others' answers.",
    ),
    "action.survey.delete": ("Slet mine svar på spørgeskemaet", "Delete my survey answers"),
    "help.cmd.survey": (
        "send spørgeskemaet om jeres erfaringer til dem, der var inviteret (efter dagen)",
        "send the survey about your experience to those who were invited (after the day)",
    ),
    "help.cmd.survey_results": (
        "se spørgeskemaets svar samlet og uden navne",
        "see the survey's answers together and without names",
    ),
}
