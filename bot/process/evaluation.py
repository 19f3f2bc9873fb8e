"""Step 8 of the guide: the short evaluation at the close of the day.

Bilag 5, 10.45-11.00: "Kort evaluering af udviklingsdialogen: Hvad har været særligt godt ved
udviklingsdialogen? Er der noget, vi skal have justeret i vores fremadrettede dialog om trivsel
og ledelse?" The leader asks aloud and notes the main points; the bot adds a card with the two
questions for those who came, so the quiet ones are heard too.

The rules, written down:

* Who. Those who took part: present in the day's final grouping (or, where no groups were
  formed in the bot, those who said they were coming). One answer each; answering again
  replaces it, and the same answer twice changes nothing.
* When. From the start of the close (``close`` in the run-sheet) for ``OPEN_DAYS`` days (a local
  choice: the guide only places the evaluation at the close of the day).
* What. Both questions are optional, but not both empty; each answer ``ANSWER_MAX_CHARS``.
* What is shown. Only aggregates without names: how many answered, and the answers to each
  question in text order (so the order says nothing about who or when). Nothing but the count
  is shown until at least ``min_count`` have answered (``overview.DEFAULT_MIN_GROUP_SIZE``, the
  same minimum that keeps counts above a workplace from singling anyone out): with three
  answers, a colleague's words are easy to recognise.
* How it reaches people. The planning group starts it (``evaluering``) once the close has begun;
  each attendee's card is a queue row ``evaluation:<dialogue>:<user>`` (``plan_evaluations``),
  one per person by its key however often it is started, dropped at send time when the person
  has answered already or the period is over.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from .concept import Localized
from .grouping import Grouping
from .invitation import Answer, DialogueDay
from .nomination import FieldError
from .overview import DEFAULT_MIN_GROUP_SIZE
from .reminders import ReminderPlan
from .run_sheet import run_sheet_for
from .text import TextRejected, clean_text

OPEN_DAYS = 14  # local choice
ANSWER_MAX_CHARS = 1000  # local choice


@dataclass(frozen=True)
class Question:
    id: str
    text: Localized


# The guide's words (Bilag 5); the English is ours. Guide content, quoted like the considerations.
QUESTIONS: tuple[Question, ...] = (
    Question("good", Localized(da="Hvad har været særligt godt ved udviklingsdialogen?",
                               en="What was particularly good about the development dialogue?")),
    Question("adjust", Localized(da="Er der noget, vi skal have justeret i vores fremadrettede dialog om trivsel og ledelse?",
                                 en="Is there anything we should adjust in our future dialogue about well-being and leadership?")),
)
FIELD = "evaluation_{id}"
EVALUATION_KIND = "evaluation"  # queue kind: one attendee's evaluation card


@dataclass(frozen=True)
class EvaluationAnswer:
    good: str = ""
    adjust: str = ""


class EvaluationInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


class EvaluationRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # not_attendee | not_yet | closed


def attendees(grouping: Grouping | None, answers: Mapping[str, Answer]) -> frozenset[str]:
    """Who took part: everyone in the final grouping's rounds, else those who said they were coming."""
    if grouping is not None and (grouping.wellbeing or grouping.leadership):
        return frozenset(p for g in grouping.wellbeing + grouping.leadership for p in g)
    return frozenset(user for user, answer in answers.items() if answer is Answer.COMING)


def open_period(day: DialogueDay) -> tuple[datetime, datetime]:
    """From the start of the close to ``OPEN_DAYS`` later (aware datetimes)."""
    close = next(s for s in run_sheet_for(day) if s.id == "close")
    return close.starts, close.starts + timedelta(days=OPEN_DAYS)


def check_may_evaluate(sender: str, *, attendees: Collection[str], day: DialogueDay, now: datetime) -> None:
    if sender not in attendees:
        raise EvaluationRefused("not_attendee")
    opens, closes = open_period(day)
    if now < opens:
        raise EvaluationRefused("not_yet")
    if now >= closes:
        raise EvaluationRefused("closed")


def parse_evaluation(values: Mapping[str, object]) -> EvaluationAnswer:
    errors: list[FieldError] = []
    answers: dict[str, str] = {}
    for question in QUESTIONS:
        name = FIELD.format(id=question.id)
        raw = values.get(name, "")
        try:
            answers[question.id] = clean_text(raw if raw is not None else "", max_chars=ANSWER_MAX_CHARS, required=False)  # type: ignore[arg-type]
        except TextRejected as rejected:
            errors.append(FieldError(name, rejected.code, rejected.limit))
    if not errors and not any(answers.values()):
        errors.append(FieldError(FIELD.format(id=QUESTIONS[0].id), "required"))
    if errors:
        raise EvaluationInvalid(errors)
    return EvaluationAnswer(**answers)


@dataclass(frozen=True)
class EvaluationSummary:
    respondents: int
    shown: bool  # False until ``min_count`` have answered: then only the count is shown
    min_count: int
    good: tuple[str, ...]
    adjust: tuple[str, ...]


def summarise(answers: Mapping[str, EvaluationAnswer], *, min_count: int = DEFAULT_MIN_GROUP_SIZE) -> EvaluationSummary:
    """The answers without names, or only their number while fewer than ``min_count`` answered."""
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    given = list(answers.values())
    if len(given) < min_count:
        return EvaluationSummary(len(given), False, min_count, (), ())
    return EvaluationSummary(len(given), True, min_count,
                             tuple(sorted(a.good for a in given if a.good)),
                             tuple(sorted(a.adjust for a in given if a.adjust)))


def plan_evaluations(dialogue_id: str, *, team_id: str, attendees: Collection[str], now: datetime) -> list[ReminderPlan]:
    """One evaluation card per attendee, due at once; sorted so the plan does not depend on set order."""
    return [ReminderPlan(f"{EVALUATION_KIND}:{dialogue_id}:{user}", EVALUATION_KIND, team_id, dialogue_id, user, 1, now)
            for user in sorted(attendees)]


def evaluation_obsolete_reason(*, attendee: bool, answered: bool, day: DialogueDay | None, now: datetime) -> str | None:
    """Why an attendee's evaluation card must not go out any more, or None."""
    if day is None:
        return "no_day"
    if not attendee:
        return "not_attendee"
    if answered:
        return "answered"
    if now >= open_period(day)[1]:
        return "closed"
    return None
