"""The concept: an organisation's theme catalogue and process texts, as validated data.

Nyborg's guide is the default; another organisation (DTU, say) ships its own JSON file and
runs its own themes without code changes. Only the models live here; reading the files is
``bot.concepts``' job, so the process rules never touch the disk.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

# The concept's parts live beside it, by what they model; importing them from here keeps working.
from .dialogue_kind import ROLE_NAMES, DialogueKind, Roles, Steps
from .localized import LANGUAGES, Localized
from .question_guide import SURVEY_LOCAL_CHOICES, SURVEY_MAX_QUESTIONS, CycleSurvey, SurveyQuestion, SurveySection
from .safety import Safety, SafetyContact, is_https

__all__ = [
    "CATALOGUE_LOCAL_CHOICES", "CONCEPT_LOCAL_CHOICES", "LANGUAGES", "OPTIONAL_STEPS", "ROLE_NAMES", "SURVEY_LOCAL_CHOICES",
    "SURVEY_MAX_QUESTIONS", "Concept", "CycleSurvey", "DialogueKind", "Kind", "Limits", "Localized", "PerKind",
    "Roles", "Safety", "SafetyContact", "Steps", "SurveyQuestion", "SurveySection", "Theme", "ThemeCatalogue",
    "is_https",
]


class Kind(StrEnum):
    """The two kinds of theme an employee nominates one of each."""

    WELLBEING = "wellbeing"
    LEADERSHIP = "leadership"


T = TypeVar("T")


@dataclass(frozen=True)
class PerKind(Generic[T]):
    """One of something for each kind of theme: what an employee nominates, what the planning
    group chooses."""

    wellbeing: T
    leadership: T

    def choice(self, kind: Kind) -> T:
        return self.wellbeing if kind is Kind.WELLBEING else self.leadership


class Theme(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    title: Localized
    description: Localized


class ThemeCatalogue(BaseModel):
    """The themes of one kind, plus the 'own proposal' (Valgfrit emne/tema)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    label: Localized
    intro: Localized
    themes: tuple[Theme, ...]
    own_proposal: Theme
    # Where the organisation's material names no themes the list is empty and ``silent`` says
    # so plainly, instead of filling the gap; ``local_choice`` names fields that are not its words.
    silent: str | None = None
    local_choice: tuple[str, ...] = ()

    def find(self, theme_id: str) -> Theme | None:
        if theme_id == self.own_proposal.id:
            return self.own_proposal
        return next((t for t in self.themes if t.id == theme_id), None)

    @property
    def choice_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes) + (self.own_proposal.id,)


class Limits(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    reason_max_chars: int = Field(default=500, ge=20, le=2000)
    own_title_max_chars: int = Field(default=80, ge=10, le=200)
    default_deadline_days: int = Field(default=14, ge=1, le=90)
    max_deadline_days: int = Field(default=90, ge=1, le=365)


# Steps a concept may leave out: Nyborg's nomination round (DTU's material has none), the
# end-of-cycle survey (DTU's question guide; Nyborg's guide has none) and the choice of which
# dialogue kind a day runs (DTU's two concepts; Nyborg's day holds both).
OPTIONAL_STEPS = ("nominations", "cycle_survey", "dialogue_kinds")
CONCEPT_LOCAL_CHOICES = frozenset({"dialogue_name", "workplace_word", "question_why_me", "question_core_task", "limits"})
CATALOGUE_LOCAL_CHOICES = frozenset({"label", "intro", "themes", "own_proposal"})


class Concept(BaseModel):
    """Everything organisation-specific the bot shows or decides by."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    organisation: Localized
    dialogue_name: Localized
    workplace_word: Localized
    catalogues: dict[Kind, ThemeCatalogue]
    question_why_me: Localized
    question_core_task: Localized
    limits: Limits = Limits()
    privacy_notice_url: Localized | None = None
    safety: Safety | None = None  # where to go with boundary-crossing behaviour (Bilag 4)
    cycle_survey: CycleSurvey | None = None  # the optional end-of-cycle survey (DTU's question guide)
    # Added for concepts other than Nyborg's guide; each default is Nyborg's behaviour.
    dialogue_kinds: dict[Kind, DialogueKind] | None = None  # None: one dialogue holding both kinds (Nyborg)
    steps: Steps = Steps()
    roles: Roles = Roles()
    local_choice: tuple[str, ...] = ()  # top-level fields the organisation's material does not give

    @model_validator(mode="after")
    def _both_kinds(self) -> "Concept":
        missing = set(Kind) - set(self.catalogues)
        if missing:
            raise ValueError(f"concept {self.id!r} lacks catalogues for {sorted(missing)}")
        for kind, cat in self.catalogues.items():
            ids = cat.choice_ids
            if len(ids) != len(set(ids)):
                raise ValueError(f"concept {self.id!r}: duplicate theme ids in {kind}")
            unknown = set(cat.local_choice) - CATALOGUE_LOCAL_CHOICES
            if unknown:
                raise ValueError(f"concept {self.id!r}: unknown local choices in {kind}: {sorted(unknown)}")
        unknown = set(self.local_choice) - CONCEPT_LOCAL_CHOICES
        if unknown:
            raise ValueError(f"concept {self.id!r}: unknown local choices {sorted(unknown)}")
        return self

    @property
    def uses_nominations(self) -> bool:
        return self.steps.nominations

    def has_step(self, step: str | None) -> bool:
        """Whether the concept runs an optional step (``OPTIONAL_STEPS``); None, a step every concept runs."""
        if step is None:
            return True
        if step == "nominations":
            return self.steps.nominations
        if step == "cycle_survey":
            return self.cycle_survey is not None
        if step == "dialogue_kinds":  # choosing which dialogue runs (DTU's two concepts)
            return self.dialogue_kinds is not None
        raise ValueError(f"unknown optional step {step!r}; known: {OPTIONAL_STEPS}")

    def catalogue(self, kind: Kind) -> ThemeCatalogue:
        return self.catalogues[kind]
