"""The nomination deadline: extending it, closing the round early, and what the deadline brings.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
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
            "{Planning_group} ser nu på forslagene og udvælger ét trivselstema og ét ledelsestema til "
            "Udviklingsdialogen."
        ),
        (
            "{Planning_group} now looks at the nominations and selects one well-being theme and one "
            "leadership theme for the development dialogue."
        ),
    ),
    "action.extend": (
        "Forlæng fristen",
        "Extend the deadline",
    ),
    "action.extend.confirm": (
        "Flyt fristen",
        "Move the deadline",
    ),
    "action.close_round": (
        "Luk runden nu",
        "Close the round now",
    ),
    "action.close_round.confirm": (
        "Ja, luk runden",
        "Yes, close the round",
    ),
    "help.cmd.extend": (
        "Flyt fristen for temaforslag til en senere dato",
        "Move the nomination deadline to a later date",
    ),
    "extend.title": (
        "Forlæng fristen for temaforslag",
        "Extend the nomination deadline",
    ),
    "extend.current": (
        (
            "Fristen er nu {deadline}. De, der ikke har svaret, får besked om den nye frist, og "
            "påmindelserne flyttes med."
        ),
        (
            "The deadline is now {deadline}. Those who have not answered are told the new deadline, and the"
            " reminders move with it."
        ),
    ),
    "extend.label": (
        "Ny frist (sidste dag)",
        "New deadline (last day)",
    ),
    "extend.input_error": (
        "Vælg en dato efter den nuværende frist og senest {latest}.",
        "Choose a date after the current deadline and no later than {latest}.",
    ),
    "extend.hint": (
        "Medarbejderne kan sende forslag til og med den dag, du vælger.",
        "Employees can send nominations up to and including the day you choose.",
    ),
    "extend.error.unknown_round": (
        "Der er ingen åben runde for temaer at ændre.",
        "There is no open theme round to change.",
    ),
    "extend.error.round_closed": (
        "Runden er lukket, så fristen kan ikke flyttes.",
        "The round is closed, so the deadline cannot be moved.",
    ),
    "extend.error.not_a_date": (
        "Den nye frist skal være en dato.",
        "The new deadline must be a date.",
    ),
    "extend.error.not_later": (
        "Den nye frist skal ligge efter den nuværende frist, {deadline}.",
        "The new deadline must be after the current one, {deadline}.",
    ),
    "extend.error.too_far": (
        "Fristen kan senest være {latest}.",
        "The deadline can be no later than {latest}.",
    ),
    "extended.title": (
        "Fristen er flyttet",
        "The deadline has moved",
    ),
    "extended.text": (
        "Den nye frist for temaforslag er {deadline}.",
        "The new nomination deadline is {deadline}.",
    ),
    "extended.announced": (
        "{count} medarbejdere, der ikke har svaret endnu, får besked i deres chat med TalSammen.",
        "{count} employees who have not answered yet are told in their chat with TalSammen.",
    ),
    "extended.announced.one": (
        "1 medarbejder, der ikke har svaret endnu, får besked i sin chat med TalSammen.",
        "1 employee who has not answered yet is told in their chat with TalSammen.",
    ),
    "close.title": (
        "Vil du lukke runden nu?",
        "Do you want to close the round now?",
    ),
    "close.text": (
        "Fristen er {deadline}. {responded} af {invited} har sendt temaforslag.",
        "The deadline is {deadline}. {responded} of {invited} have sent nominations.",
    ),
    "close.after": (
        (
            "Når runden er lukket, kan ingen sende eller rette temaforslag. {Planning_group} får den "
            "endelige optælling, og kanalen får besked."
        ),
        (
            "Once the round is closed, nobody can send or edit nominations. {Planning_group} gets the "
            "final tally, and the channel is told."
        ),
    ),
    "closed_early.title": (
        "Runden er lukket",
        "The round is closed",
    ),
    "closed_early.text": (
        "Runden blev lukket {date}. Den endelige optælling er på vej til {planning_group}.",
        "The round was closed on {date}. The final tally is on its way to {planning_group}.",
    ),
    "closed.intro.early": (
        "Runden blev lukket {date}, før fristen. {responded} af {invited} har sendt temaforslag.",
        "The round was closed on {date}, before the deadline. {responded} of {invited} sent nominations.",
    ),
    "announcement.title": (
        "Fristen for temaforslag er forlænget",
        "The nomination deadline has been extended",
    ),
    "announcement.team": (
        "Team:",
        "Team:",
    ),
    "announcement.text": (
        "Du kan nu vælge dine temaer til {dialogue} til og med {deadline}.",
        "You can now choose your themes for the {dialogue} up to and including {deadline}.",
    ),
    "form_closed.deadline": (
        "Fristen for temaforslag var {deadline}, og runden er lukket.",
        "The nomination deadline was {deadline}, and the round is closed.",
    ),
    "form_closed.early": (
        "Runden blev lukket {date}, før fristen.",
        "The round was closed on {date}, before the deadline.",
    ),
    "form_closed.no_answer": (
        "Der kom ikke et svar fra dig i denne runde. Kontakt kontaktpersonen, hvis du har spørgsmål.",
        "No answer came from you in this round. Contact the contact person if you have questions.",
    ),
    "final_tally.summary": (
        "Fristen er nået: den endelige optælling",
        "The deadline has passed: the final tally",
    ),
    "help.cmd.close_round": (
        "Luk runden før fristen",
        "Close the round before the deadline",
    ),
}
