"""Step 9 of the guide (Umiddelbar opfølgning på Udviklingsdialog): "Hvad kan vi hver især gøre i
hverdagen allerede nu, efter at vi har drøftet vores trivsel og ledelse?"

The leader facilitates it at the first staff meeting (the leader's reminder: ``leader_loop.py``);
the bot adds the question on a card for those who took part, so "disse input kan også indgå i
planlægningsgruppens videre arbejde med indsatser".

The rules, written down:

* Who. Each attendee (``evaluation.attendees``), one answer each; answering again replaces it.
* When. From the day's start for ``IMMEDIATE_OPEN_DAYS`` (30, a local choice).
* How it reaches people. The leader presses "Spørg deltagerne": one queue row per attendee,
  ``immediate_ask:<dialogue>:<user>``, so a second press reaches nobody twice; dropped at send time
  when the person answered already, is no attendee, or the question has closed.
* What is shown. The count, and the texts without names in text order only from ``min_count``
  answers (``overview.DEFAULT_MIN_GROUP_SIZE``, as the evaluation), to the planning group and the leader.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from .invitation import DialogueDay
from .nomination import FieldError
from .overview import DEFAULT_MIN_GROUP_SIZE
from .reminders import ReminderPlan
from .text import TextRejected, clean_text

IMMEDIATE_ASK_KIND = "immediate_ask"  # one attendee's "what can each of us do already now?" card
IMMEDIATE_OPEN_DAYS = 30  # local choice
ANSWER_MAX_CHARS = 1000  # local choice


class ImmediateInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


class ImmediateRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # not_attendee | not_yet | closed


def immediate_period(day: DialogueDay) -> tuple[datetime, datetime]:
    return day.starts_at, day.starts_at + timedelta(days=IMMEDIATE_OPEN_DAYS)


def check_may_answer_immediate(sender: str, *, attendees: Collection[str], day: DialogueDay, now: datetime) -> None:
    if sender not in attendees:
        raise ImmediateRefused("not_attendee")
    opens, closes = immediate_period(day)
    if now < opens:
        raise ImmediateRefused("not_yet")
    if now >= closes:
        raise ImmediateRefused("closed")


def parse_immediate(values: Mapping[str, object]) -> str:
    errors: list[FieldError] = []
    raw = values.get("immediate_answer", "")
    try:
        answer = clean_text(raw if isinstance(raw, str) else "", max_chars=ANSWER_MAX_CHARS, required=True)
    except TextRejected as rejected:
        errors.append(FieldError("immediate_answer", rejected.code, rejected.limit))
    if errors:
        raise ImmediateInvalid(errors)
    return answer


def plan_immediate_asks(dialogue_id: str, *, team_id: str, attendees: Collection[str], now: datetime) -> list[ReminderPlan]:
    """One card per attendee, due at once; the key makes a second press add nobody twice."""
    return [ReminderPlan(f"{IMMEDIATE_ASK_KIND}:{dialogue_id}:{user}", IMMEDIATE_ASK_KIND, team_id, dialogue_id, user, 1, now)
            for user in sorted(attendees)]


def immediate_obsolete_reason(*, day: DialogueDay | None, attendee: bool, answered: bool, now: datetime) -> str | None:
    if day is None:
        return "no_day"
    if not attendee:
        return "not_attendee"
    if answered:
        return "answered"
    return "closed" if now >= immediate_period(day)[1] else None


@dataclass(frozen=True)
class ImmediateSummary:
    respondents: int
    shown: bool
    min_count: int
    answers: tuple[str, ...]  # text order: says nothing about who or when


def summarise_immediate(answers: Mapping[str, str], *, min_count: int = DEFAULT_MIN_GROUP_SIZE) -> ImmediateSummary:
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    given = [a for a in answers.values() if a]
    if len(given) < min_count:
        return ImmediateSummary(len(given), False, min_count, ())
    return ImmediateSummary(len(given), True, min_count, tuple(sorted(given)))
