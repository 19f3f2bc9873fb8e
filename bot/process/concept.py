"""The concept: an organisation's theme catalogue and process texts, as validated data.

Nyborg's guide is the default; another organisation (DTU, say) ships its own JSON file and
runs its own themes without code changes. Only the models live here; reading the files is
``bot.concepts``' job, so the process rules never touch the disk.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, Literal, TypeVar
from urllib.parse import urlsplit

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


class SafetyContact(BaseModel):
    """One place to turn to about boundary-crossing behaviour (Nyborg's Bilag 4).

    ``local_choice`` marks an entry the organisation's own material does not name: the bot
    shows it in neutral words, and the organisation fills in who and how.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    who: Localized
    how: Localized
    url: str | None = None
    for_leaders: bool = False
    when_leader_concerned: bool = False
    local_choice: bool = False

    @model_validator(mode="after")
    def _https_only(self) -> "SafetyContact":
        # A link opens from a card in Teams: plain http or another scheme is refused outright.
        if self.url is not None and not _is_https(self.url):
            raise ValueError(f"safety contact {self.id!r}: the link must be https://, got {self.url!r}")
        for field in ("who", "how"):
            value: Localized = getattr(self, field)
            if not value.da.strip() or not value.en.strip():
                raise ValueError(f"safety contact {self.id!r}: {field} needs both Danish and English")
        return self


class Safety(BaseModel):
    """Where to go with boundary-crossing behaviour: concrete cases are not taken up in the
    dialogue but handled at once, so every card with free text points here."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    intro: Localized
    contacts: tuple[SafetyContact, ...] = Field(min_length=1)
    local_choice: bool = False  # the intro itself is not the organisation's own words

    @model_validator(mode="after")
    def _checked(self) -> "Safety":
        if not self.intro.da.strip() or not self.intro.en.strip():
            raise ValueError("safety intro needs both Danish and English")
        ids = [c.id for c in self.contacts]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate safety contact ids")
        return self

    @property
    def when_leader_concerned(self) -> tuple[SafetyContact, ...]:
        return tuple(c for c in self.contacts if c.when_leader_concerned)


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


class DialogueKind(BaseModel):
    """One of the organisation's dialogues, as its own material describes it.

    DTU runs two concepts with the same method (small groups without the manager, then plenum
    with the manager) and different purposes: the well-being dialogue and the leadership
    dialogue. Each field is the organisation's own words; ``None`` where its material is silent.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    name: Localized
    purpose: Localized
    characteristics: Localized | None = None
    actors: Localized | None = None
    responsible: Localized | None = None
    next_steps: Localized | None = None  # what happens with the documentation afterwards
    cadence: Localized | None = None  # "hver andet år", in the material's words
    every_years: int | None = Field(default=None, ge=1, le=10)
    silent: str | None = None  # a plain note for whoever maintains the file: what the material does not say


ROLE_NAMES = ("planning_group", "leader", "employees")


class Roles(BaseModel):
    """The concept's words for the roles, in definite form ("planlægningsgruppen", "the planning
    group"); a card starting a sentence with one capitalises it (``capitalised``).

    The defaults are Nyborg's guide's words; ``local_choice`` names the roles whose word the
    organisation's material does not give."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    planning_group: Localized = Localized(da="planlægningsgruppen", en="the planning group")
    leader: Localized = Localized(da="lederen", en="the leader")
    employees: Localized = Localized(da="medarbejderne", en="the employees")
    local_choice: tuple[str, ...] = ()
    silent: str | None = None

    @model_validator(mode="after")
    def _checked(self) -> "Roles":
        unknown = set(self.local_choice) - set(ROLE_NAMES)
        if unknown:
            raise ValueError(f"unknown roles marked a local choice: {sorted(unknown)}")
        return self

    def capitalised(self, role: str, lang: str) -> str:
        word = getattr(self, role)(lang)
        return word[:1].upper() + word[1:]


class Steps(BaseModel):
    """Which of the process's optional steps the concept uses.

    Nyborg's guide opens with a nomination round; a concept may leave it out, and then the
    planning group chooses the themes directly (``vælg temaer``), from the catalogue or as its
    own themes."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    nominations: bool = True
    local_choice: bool = False  # the organisation's material does not say; the concept file decides
    silent: str | None = None


CONCEPT_LOCAL_CHOICES = frozenset({"dialogue_name", "workplace_word", "question_why_me", "question_core_task", "limits"})
CATALOGUE_LOCAL_CHOICES = frozenset({"label", "intro", "themes", "own_proposal"})


def _is_https(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme == "https" and bool(parts.netloc) and not any(ch.isspace() for ch in url)


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

    def catalogue(self, kind: Kind) -> ThemeCatalogue:
        return self.catalogues[kind]
