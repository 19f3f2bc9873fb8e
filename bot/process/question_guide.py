"""The end-of-cycle survey's questions, in the organisation's own words (DTU's 2025 question guide).

What people answer and when is bot/process/cycle_survey.py's; this module models the questions a
concept file holds."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .localized import Localized


class SurveyQuestion(BaseModel):
    """One question of the end-of-cycle survey, in the organisation's own words."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    text: Localized


class SurveySection(BaseModel):
    """A heading of the question guide and the questions under it."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    heading: Localized
    questions: tuple[SurveyQuestion, ...] = Field(min_length=1)


SURVEY_MAX_QUESTIONS = 16  # a card's inputs are fixed payload fields (bot/cards/cycle_survey.py)
SURVEY_LOCAL_CHOICES = frozenset({"answer_type", "answer_max_chars", "opens", "open_days", "questions"})


class CycleSurvey(BaseModel):
    """The optional survey at the end of a cycle (DTU's question guide for gathering experience).

    ``local_choice`` names what the organisation's material does not say and the bot decides
    (how a question is answered, how long, when it opens): shown and kept apart from the
    organisation's own words, never passed off as theirs.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    source: str  # where the questions' words come from
    title: Localized
    intro: Localized | None = None
    sections: tuple[SurveySection, ...] = Field(min_length=1)
    answer_type: Literal["free_text"] = "free_text"
    answer_max_chars: int = Field(default=1000, ge=50, le=4000)
    opens: Literal["after_day", "after_plan"] = "after_day"
    open_days: int = Field(default=30, ge=1, le=120)
    local_choice: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _checked(self) -> "CycleSurvey":
        ids = [q.id for q in self.questions]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate survey question ids")
        if len(ids) > SURVEY_MAX_QUESTIONS:
            raise ValueError(f"at most {SURVEY_MAX_QUESTIONS} survey questions")
        texts = [self.title] + [s.heading for s in self.sections] + [q.text for q in self.questions]
        if any(not x.da.strip() or not x.en.strip() for x in texts):
            raise ValueError("every survey text needs both Danish and English")
        unknown = set(self.local_choice) - SURVEY_LOCAL_CHOICES
        if unknown:
            raise ValueError(f"unknown local choices {sorted(unknown)}")
        return self

    @property
    def questions(self) -> tuple[SurveyQuestion, ...]:
        return tuple(q for s in self.sections for q in s.questions)
