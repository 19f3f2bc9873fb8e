"""Progress and nudges: the planning group's status, the employee's reminder, short notices."""
from __future__ import annotations

from datetime import date
from typing import ClassVar

from bot.process.concept import Concept

from . import elements
from .elements import Element, card, container, facts, heading, rich, run, subheading, submit, text
from ..texts import format_date, has_text, t
from .nomination import NominationOpen
from .payload import Payload
from .tally import TallyShow


class StatusShow(Payload):
    """The planning group asks who has answered and who could not be reached."""

    VERB: ClassVar[str] = "status.show"

MAX_UNREACHABLE_SHOWN = 50  # names beyond this are counted, not listed, to bound the card


def status_card(lang: str, *, step_label: str, answered: int, invited: int, reminders_sent: int,
                unreachable: list[tuple[str, str]]) -> Element:
    """Where the round is: step, answers, reminders, and who the bot could not reach and why.

    ``step_label`` is the bot's own wording for the current step; ``unreachable`` holds
    (name, reason code) pairs with codes such as ``blocked``, ``not_found``, ``not_installed``,
    ``failed``.
    """
    body: list[Element] = [
        heading(t(lang, "status.title")),
        text(step_label, weight="Bolder", spacing="Small"),
        facts([
            (t(lang, "status.answered"), t(lang, "status.answered.value", answered=answered, invited=invited)),
            (t(lang, "status.reminders"), str(reminders_sent)),
            (t(lang, "status.unreachable"), str(len(unreachable))),
        ]),
    ]
    if unreachable:
        rows: list[Element] = [
            subheading(t(lang, "status.unreachable.title")),
            text(t(lang, "status.unreachable.intro"), subtle=True, spacing="Small"),
        ]
        for name, code in unreachable[:MAX_UNREACHABLE_SHOWN]:
            rows.append(rich(run(name, bold=True), run(" – " + reason_text(lang, code)), spacing="Small"))
        hidden = len(unreachable) - MAX_UNREACHABLE_SHOWN
        if hidden > 0:
            rows.append(text(t(lang, "status.unreachable.more", count=hidden), subtle=True))
        body.append(container(rows))
    return card(body, [submit(t(lang, "action.tally"), TallyShow)])


# Teams' error codes (and HTTP statuses) as the reasons people understand.
TEAMS_REASONS = {
    "ConversationBlockedByUser": "blocked",
    "MessageWritesBlocked": "blocked",
    "BotNotInConversationRoster": "not_installed",
    "BotDisabledByAdmin": "not_installed",
    "ConversationNotFound": "not_found",
    "HTTP 404": "not_found",
    "HTTP 403": "blocked",
}


def reason_text(lang: str, code: str) -> str:
    """Why a person could not be reached, in words ('har blokeret TalSammen')."""
    key = f"status.reason.{TEAMS_REASONS.get(code, code)}"
    return t(lang, key if has_text(lang, key) else "status.reason.unknown")


def reminder_card(lang: str, concept: Concept, *, round_id: str, deadline: date, reminder_number: int) -> Element:
    """An employee's reminder to nominate themes before the deadline, with the way to the form."""
    title_key = "reminder.title.first" if reminder_number <= 1 else "reminder.title.later"
    body: list[Element] = [
        heading(t(lang, title_key)),
        text(t(lang, "reminder.text", deadline=format_date(lang, deadline), workplace=concept.workplace_word(lang))),
        text(t(lang, "reminder.why"), subtle=True, spacing="Small"),
    ]
    actions = [submit(t(lang, "action.nomination.open"), NominationOpen, style="positive", round_id=round_id)]
    return card(body, actions)


def notice_card(lang: str, title: str, text: str) -> Element:  # noqa: ARG001 - lang kept for a uniform signature
    """A short notice or refusal in the bot's own words (never pass user text here)."""
    return card([elements.text(title, weight="Bolder", size="Medium"), elements.text(text, spacing="Small")])
