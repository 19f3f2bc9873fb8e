"""Progress and nudges: the planning group's status, the employee's reminder, short notices."""
from __future__ import annotations

from datetime import date
from typing import ClassVar

from bot.process.concept import Concept
from bot.process.dialogue import Step
from bot.process.status import RoundStatus
from bot.process.everyday_example import Readiness

from . import elements
from .elements import Element, card, container, facts, heading, rich, run, subheading, submit, text, verbatim
from ..texts import format_date, has_text, t
from .deadline import planning_actions
from .everyday_example import PreparationShow, readiness_line
from .invitees import InviteesShow
from .invitation import DayShow
from .nomination import NominationOpen
from .themes import workplace_line
from .payload import Payload
from .tally import TallyShow
from .grouping import GroupsShow
from .leader_loop import leader_status_line
from .selection import SelectionShow


class StatusShow(Payload):
    """The planning group asks who has answered and who could not be reached."""

    VERB: ClassVar[str] = "status.show"

MAX_UNREACHABLE_SHOWN = 50  # names beyond this are counted, not listed, to bound the card


def status_card(lang: str, status: RoundStatus, *, round_id: str | None = None, preparation: Readiness | None = None,
                leader_loop: bool = False, leader_done_on: date | None = None) -> Element:
    """Where the round is, for the planning group to run it: the step, the deadline and time left,
    answers (and how many on paper), how the form reached people, reminders, who could not be
    reached and why, the contact person, and what comes next (with the way to the tally)."""
    body: list[Element] = [
        heading(t(lang, "status.title")),
        text(step_label(lang, status.step), weight="Bolder", spacing="Small"),
        facts([
            (t(lang, "status.deadline"), format_date(lang, status.deadline)),
            (t(lang, "status.time_left"), time_left_text(lang, status)),
            (t(lang, "status.answered"), _answered(lang, status)),
            (t(lang, "status.cards"), t(lang, "status.cards.value.maybe" if status.deliveries.maybe else "status.cards.value",
                                        delivered=status.deliveries.delivered, maybe=status.deliveries.maybe,
                                        waiting=status.deliveries.waiting, undelivered=status.deliveries.undelivered)),
            (t(lang, "status.reminders"), str(status.reminders_sent)),
            (t(lang, "status.next_reminder"), format_date(lang, status.next_reminder) if status.next_reminder
             else t(lang, "status.next_reminder.none")),
            (t(lang, "status.unreachable"), str(len(status.unreachable))),
            # Step 6, once people are invited to the day: counts only (cards/everyday_example.py).
            *([readiness_line(lang, preparation)] if preparation is not None and preparation.invited else []),
            # After the day: whether the leader has marked their feedback done, never what it says (cards/leader_loop.py).
            *([leader_status_line(lang, leader_done_on)] if leader_loop else []),
        ]),
    ]
    if status.contact_name:  # typed by the planning group: a TextRun, never markdown
        body.append(verbatim(status.contact_name, prefix=t(lang, "label.contact") + " ", spacing="Small"))
    if status.unreachable:
        body.append(_unreachable(lang, status.unreachable))
    next_key = f"status.next.{status.step.id}"
    if has_text(lang, next_key):
        body += [subheading(t(lang, "status.next.title"), separator=True), text(t(lang, next_key), spacing="Small")]
    # What the step asks for now comes first; Teams puts actions past its sixth in the "…" menu.
    nominations_over = status.closed_early_on is not None or status.time_left.has_ended
    actions: list[Element] = []
    if nominations_over:
        actions.append(submit(t(lang, "action.selection.show"), SelectionShow))  # on to step 4
    actions.append(submit(t(lang, "action.tally"), TallyShow))
    if round_id and not nominations_over:
        actions += planning_actions(lang, round_id)  # extend the deadline, close the round early (cards/deadline.py)
    actions.append(submit(t(lang, "action.day"), DayShow))  # set or move the day (cards/invitation.py)
    if preparation is not None and preparation.invited:
        actions.append(submit(t(lang, "action.preparation"), PreparationShow))  # step 6's counts (cards/everyday_example.py)
        actions.append(submit(t(lang, "groups.action.show"), GroupsShow))  # the groups of the day (cards/grouping.py)
    actions.append(submit(t(lang, "action.invitees"), InviteesShow))
    return card(body, actions)


def step_label(lang: str, step: Step) -> str:
    """'Trin 3: Medarbejderne vælger temaer', the guide's number and heading."""
    name = t(lang, f"status.step.{step.id}")
    return name if step.number is None else t(lang, "status.step", number=step.number, name=name)


def time_left_text(lang: str, status: RoundStatus) -> str:
    """'5 arbejdsdage (7 dage i alt), i dag medregnet', or why there is no time left."""
    left = status.time_left
    if status.closed_early_on is not None:
        return t(lang, "status.time_left.closed_early", date=format_date(lang, status.closed_early_on))
    if left.has_ended:
        return t(lang, "status.time_left.ended")
    if left.is_last_day:
        return t(lang, "status.time_left.last_day")
    return t(lang, "status.time_left.value", working_days=t(lang, "status.working_days", count=left.working_days),
             days=t(lang, "status.days", count=left.days))


def _answered(lang: str, status: RoundStatus) -> str:
    a = status.answers
    if a.on_paper:
        return t(lang, "status.answered.paper", answered=a.answered, invited=a.invited, paper=a.on_paper)
    return t(lang, "status.answered.value", answered=a.answered, invited=a.invited)


def _unreachable(lang: str, unreachable: tuple[tuple[str, str], ...]) -> Element:
    rows: list[Element] = [
        subheading(t(lang, "status.unreachable.title")),
        text(t(lang, "status.unreachable.intro"), subtle=True, spacing="Small"),
    ]
    for name, code in unreachable[:MAX_UNREACHABLE_SHOWN]:
        rows.append(rich(run(name, bold=True), run(" – " + reason_text(lang, code)), spacing="Small"))
    hidden = len(unreachable) - MAX_UNREACHABLE_SHOWN
    if hidden > 0:
        rows.append(text(t(lang, "status.unreachable.more", count=hidden), subtle=True))
    return container(rows)


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


def reminder_card(lang: str, concept: Concept, *, round_id: str, deadline: date, reminder_number: int,
                  workplace_name: str = "") -> Element:
    """An employee's reminder to nominate themes before the deadline, with the way to the form;
    ``workplace_name`` says whose dialogue it is (someone in two teams gets two)."""
    title_key = "reminder.title.first" if reminder_number <= 1 else "reminder.title.later"
    body: list[Element] = [
        heading(t(lang, title_key)),
        *([workplace_line(lang, concept, workplace_name)] if workplace_name else []),
        text(t(lang, "reminder.text", deadline=format_date(lang, deadline), workplace=concept.workplace_word(lang))),
        text(t(lang, "reminder.why"), subtle=True, spacing="Small"),
    ]
    actions = [submit(t(lang, "action.nomination.open"), NominationOpen, style="positive", round_id=round_id)]
    return card(body, actions)


def notice_card(lang: str, title: str, text: str) -> Element:  # noqa: ARG001 - lang kept for a uniform signature
    """A short notice or refusal in the bot's own words (never pass user text here)."""
    return card([elements.text(title, weight="Bolder", size="Medium"), elements.text(text, spacing="Small")])
