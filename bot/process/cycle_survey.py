"""The end-of-cycle survey: DTU's question guide for gathering experience, as an optional survey.

DTU's material (seeds 001/003, "Spørgeguide: opsamle erfaringer med DTU's dialogkoncepter")
asks about the background, the collaboration with HR, safety in the small group, the move to
plenum, the next step and what to adjust. The questions are concept data
(``Concept.cycle_survey``); Nyborg's guide has no such guide, so its concept has none, and the
bot invents none (its own evaluation is Bilag 5's, step 8).

The rules, written down (what the material does not say is a local choice, marked as such in
the concept's ``local_choice``):

* Who. Everyone invited to the day (``store.invitations.invited``): the guide asks about the
  whole cycle, not only the three hours, so those who could not come are asked too. One answer
  each; answering again replaces it, the same answer twice changes nothing.
* When. From the anchor the concept names (``opens``: the end of the day, or the adoption of
  the development plan) for ``open_days`` days. Both are local choices.
* What. Free text per question (a local choice: the guide has no answer scales), each at most
  ``answer_max_chars``; every question optional, but not all empty.
* What is shown. As for the evaluation (bot/process/evaluation.py): only how many answered until
  at least ``min_count`` have (``overview.DEFAULT_MIN_GROUP_SIZE``), then the answers per question
  in text order, so the order says nothing about who or when; never a name.
* How it reaches people. The planning group sends it; each person's card is a queue row
  ``cycle_survey:<dialogue>:<user>`` (``plan_surveys``), one per person by its key however often
  it is sent, dropped at send time when the person has answered or the survey is closed.
"""
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from .concept import SURVEY_MAX_QUESTIONS, CycleSurvey
from .invitation import DialogueDay
from .nomination import FieldError
from .overview import DEFAULT_MIN_GROUP_SIZE
from .reminders import ReminderPlan
from .text import TextRejected, clean_text

CYCLE_SURVEY_KIND = "cycle_survey"  # queue kind: one person's survey card
FIELD = "answer_{n}"  # the card's input for the n-th question (1-based), a fixed payload field
FIELDS = tuple(FIELD.format(n=n) for n in range(1, SURVEY_MAX_QUESTIONS + 1))
ALL_ANSWERS = "answers"  # the field an error about the answers together is reported on
# All of one person's answers together, in bytes on the wire (Teams sends æ as 6, 😀 as 12):
# the filled-in form and the thank-you must fit in one message (elements.MAX_MESSAGE_BYTES)
# beside the questions, so answers that are each short enough can still be too long together.
ANSWERS_MAX_BYTES = 20_000


class SurveyInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


class SurveyRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # no_survey | not_invited | not_yet | closed


@dataclass(frozen=True)
class SurveyAnswers:
    """One person's answers: (question id, text) in the concept's order, empty answers left out."""

    given: tuple[tuple[str, str], ...]

    def get(self, question_id: str) -> str:
        return dict(self.given).get(question_id, "")

    def as_dict(self) -> dict[str, str]:
        return dict(self.given)

    @classmethod
    def of(cls, answers: Mapping[str, str]) -> "SurveyAnswers":
        return cls(tuple((q, a) for q, a in answers.items() if a))


def field_of(position: int) -> str:
    """The input name of the question at ``position`` (0-based) on the card."""
    return FIELDS[position]


def opening(survey: CycleSurvey, *, day: DialogueDay | None, plan_adopted_at: datetime | None) -> datetime | None:
    """When the survey opens (aware UTC), or None while its anchor has not happened in the bot."""
    if survey.opens == "after_plan":
        return plan_adopted_at
    return day.ends_at if day is not None else None


def open_period(survey: CycleSurvey, *, day: DialogueDay | None, plan_adopted_at: datetime | None) -> tuple[datetime, datetime] | None:
    opens = opening(survey, day=day, plan_adopted_at=plan_adopted_at)
    return None if opens is None else (opens, opens + timedelta(days=survey.open_days))


def check_open(period: tuple[datetime, datetime] | None, *, now: datetime) -> None:
    """Refuse ``not_yet`` before the anchor (or without one) and ``closed`` after the period."""
    if period is None or now < period[0]:
        raise SurveyRefused("not_yet")
    if now >= period[1]:
        raise SurveyRefused("closed")


def check_may_answer(sender: str, *, survey: CycleSurvey | None, invited: Collection[str],
                     period: tuple[datetime, datetime] | None, now: datetime) -> None:
    if survey is None:
        raise SurveyRefused("no_survey")
    if sender not in invited:
        raise SurveyRefused("not_invited")
    check_open(period, now=now)


def parse_answers(survey: CycleSurvey, values: Mapping[str, object]) -> SurveyAnswers:
    """The answers from the card's inputs; each optional and capped, but at least one given."""
    errors: list[FieldError] = []
    answers: dict[str, str] = {}
    for position, question in enumerate(survey.questions):
        name = field_of(position)
        raw = values.get(name)
        try:
            answers[question.id] = clean_text(raw if raw is not None else "", max_chars=survey.answer_max_chars, required=False)  # type: ignore[arg-type]
        except TextRejected as rejected:
            errors.append(FieldError(name, rejected.code, rejected.limit))
    if not errors and not any(answers.values()):
        errors.append(FieldError(field_of(0), "required"))
    if not errors and len(json.dumps(answers, ensure_ascii=True)) > ANSWERS_MAX_BYTES:
        errors.append(FieldError(ALL_ANSWERS, "too_long_together"))
    if errors:
        raise SurveyInvalid(errors)
    return SurveyAnswers.of(answers)


@dataclass(frozen=True)
class SurveySummary:
    respondents: int
    shown: bool  # False until ``min_count`` have answered: then only the count is shown
    min_count: int
    answers: tuple[tuple[str, tuple[str, ...]], ...]  # (question id, its answers in text order), every question


def summarise(survey: CycleSurvey, answers: Mapping[str, SurveyAnswers], *, min_count: int = DEFAULT_MIN_GROUP_SIZE) -> SurveySummary:
    """The answers without names, or only their number while fewer than ``min_count`` answered.

    Answers to a question the concept no longer asks are left out (they would have no heading)."""
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    given = list(answers.values())
    if len(given) < min_count:
        return SurveySummary(len(given), False, min_count, ())
    return SurveySummary(len(given), True, min_count, tuple(
        (q.id, tuple(sorted(a.get(q.id) for a in given if a.get(q.id)))) for q in survey.questions
    ))


def plan_surveys(dialogue_id: str, *, team_id: str, people: Collection[str], now: datetime) -> list[ReminderPlan]:
    """One survey card per person, due at once; sorted so the plan does not depend on set order."""
    return [ReminderPlan(f"{CYCLE_SURVEY_KIND}:{dialogue_id}:{user}", CYCLE_SURVEY_KIND, team_id, dialogue_id, user, 1, now)
            for user in sorted(people)]


def survey_obsolete_reason(*, survey: CycleSurvey | None, invited: bool, answered: bool,
                           period: tuple[datetime, datetime] | None, now: datetime) -> str | None:
    """Why a person's survey card must not go out any more, or None."""
    if survey is None:
        return "no_survey"
    if not invited:
        return "not_invited"
    if answered:
        return "answered"
    if period is None or now < period[0]:
        return "not_open"
    if now >= period[1]:
        return "closed"
    return None
