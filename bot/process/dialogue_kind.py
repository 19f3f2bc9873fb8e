"""How a concept shapes the process: its dialogue kinds, its words for the roles, its optional steps.

Nyborg's guide is one dialogue holding both kinds of theme, with a nomination round and a planning
group; DTU runs two dialogues (well-being and leadership) with the same method, names no planning
group and describes no nomination round. Each default here is Nyborg's behaviour."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .localized import Localized


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
