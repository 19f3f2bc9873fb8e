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

LANGUAGES = ("da", "en")


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


class Localized(BaseModel):
    """A text in every language the bot speaks."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    da: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.da


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

    @model_validator(mode="after")
    def _both_kinds(self) -> "Concept":
        missing = set(Kind) - set(self.catalogues)
        if missing:
            raise ValueError(f"concept {self.id!r} lacks catalogues for {sorted(missing)}")
        for kind, cat in self.catalogues.items():
            ids = cat.choice_ids
            if len(ids) != len(set(ids)):
                raise ValueError(f"concept {self.id!r}: duplicate theme ids in {kind}")
        return self

    def catalogue(self, kind: Kind) -> ThemeCatalogue:
        return self.catalogues[kind]
