"""The short evaluation at the close of the day (step 8, Bilag 5 10.45-11.00).

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup. The
two questions themselves are guide content and live in bot/process/evaluation.py QUESTIONS."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "evaluation.summary": ("Evaluering", "Evaluation"),
    "evaluation.title": ("Kort evaluering af udviklingsdialogen", "Short evaluation of the development dialogue"),
    "evaluation.intro": (
        (
            "Tak fordi du var med. Svar på ét eller begge spørgsmål. Svarene vises kun samlet og uden navn, og "
            "først når mindst {min} har svaret."
        ),
        (
            "Thank you for taking part. Answer one or both questions. The answers are only shown together and "
            "without names, and only once at least {min} have answered."
        ),
    ),
    "evaluation.open_until": ("Du kan svare og rette dit svar indtil {date}.", "You can answer and change your answer until {date}."),
    "evaluation.errors.title": ("Tjek det markerede, før du sender:", "Please check what is marked before you send:"),
    "evaluation.error.required": ("Skriv et svar på mindst ét af spørgsmålene.", "Answer at least one of the questions."),
    "evaluation.error.too_long": ("Højst {limit} tegn – forkort dit svar.", "At most {limit} characters – please shorten your answer."),
    "evaluation.error.other": ("Svaret kan ikke gemmes sådan – prøv at skrive det igen.", "The answer cannot be saved as it is – please type it again."),
    "action.evaluation.send": ("Send evalueringen", "Send the evaluation"),
    "evaluation.thanks": ("Tak for din evaluering", "Thank you for your evaluation"),
    "evaluation.thanks.unchanged": ("Dit svar er uændret.", "Your answer is unchanged."),
    "evaluation.thanks.note": (
        "{Planning_group} ser svarene samlet og uden navn. Du kan rette dit svar, så længe evalueringen er åben.",
        "{Planning_group} sees the answers together and without names. You can change your answer while the evaluation is open.",
    ),
    "evaluation.no_answer": ("(intet svar)", "(no answer)"),
    "action.evaluation.edit": ("Ret dit svar", "Change your answer"),
    "evaluation.none": ("Der er ingen udviklingsdialog at evaluere endnu.", "There is no development dialogue to evaluate yet."),
    "evaluation.no_day": ("Dagen for udviklingsdialogen er ikke sat endnu.", "The day of the development dialogue has not been set yet."),
    "evaluation.no_attendees": (
        "Der er ingen at sende evalueringen til: ingen grupper og ingen, der har meldt, at de kommer.",
        "There is nobody to send the evaluation to: no groups and nobody who said they were coming.",
    ),
    "evaluation.refused.not_attendee": ("Evalueringen er for dem, der var med på dagen.", "The evaluation is for those who took part on the day."),
    "evaluation.refused.not_yet": (
        "Evalueringen åbner ved afslutningen af dialogen, {date} kl. {time}. Skriv »evaluering« igen til den tid.",
        "The evaluation opens at the close of the dialogue, {date} at {time}. Type “evaluation” again then.",
    ),
    "evaluation.refused.closed": ("Evalueringen er lukket; den var åben indtil {date}.", "The evaluation is closed; it was open until {date}."),
    "evaluation.started.title": ("Evalueringen er sendt ud", "The evaluation has been sent"),
    "evaluation.started.text": (
        "Den går til {count} deltagere i deres private chat med mig.",
        "It goes to {count} participants in their private chat with me.",
    ),
    "evaluation.started.text.one": (
        "Den går til 1 deltager i den private chat med mig.",
        "It goes to 1 participant in their private chat with me.",
    ),
    "evaluation.started.again": (
        "Alle deltagerne havde allerede fået den; ingen får den to gange.",
        "Every participant had it already; nobody gets it twice.",
    ),
    "evaluation.started.anonymous": (
        "Svarene vises samlet og uden navne, når mindst {min} har svaret.",
        "The answers are shown together and without names once at least {min} have answered.",
    ),
    "action.evaluation.results": ("Se evalueringen", "See the evaluation"),
    "action.evaluation.refresh": ("Opdatér", "Refresh"),
    "evaluation.results.title": ("Evalueringen – samlet og uden navne", "The evaluation – together and without names"),
    "evaluation.results.count": ("{count} af {attendees} har svaret.", "{count} of {attendees} have answered."),
    "evaluation.results.hidden": (
        "Svarene vises, når mindst {min} har svaret – så ingen kan genkendes på deres ord.",
        "The answers are shown once at least {min} have answered – so nobody can be recognised by their words.",
    ),
    "evaluation.results.order": (
        "Svarene står i alfabetisk rækkefølge, så rækkefølgen ikke siger noget om hvem eller hvornår.",
        "The answers are in alphabetical order, so the order says nothing about who or when.",
    ),
    "evaluation.results.no_answers": ("Ingen svar på dette spørgsmål.", "No answers to this question."),
    "evaluation.results.left_out": (
        "{count} svar mere er der ikke plads til i én besked.",
        "{count} more answers do not fit in one message.",
    ),
    "evaluation.deleted": ("Dit evalueringssvar er slettet.", "Your evaluation answer has been deleted."),
    "evaluation.nothing_to_delete": ("Der er intet evalueringssvar at slette.", "There is no evaluation answer to delete."),
    # "mine data"
    "data.evaluations": ("Dine evalueringssvar", "Your evaluation answers"),
    "data.evaluation.line": ("Svaret {date}", "Answered on {date}"),
    "data.evaluation.anonymous": (
        "Vises kun uden navn og samlet med de andres svar.",
        "Only shown without your name, together with the others' answers.",
    ),
    "action.evaluation.delete": ("Slet mit evalueringssvar", "Delete my evaluation answer"),
    "help.cmd.evaluation": (
        "send den korte evaluering til dem, der var med (fra afslutningen af dagen)",
        "send the short evaluation to those who took part (from the close of the day)",
    ),
    "help.cmd.evaluation_results": (
        "se evalueringens svar samlet og uden navne",
        "see the evaluation's answers together and without names",
    ),
}
