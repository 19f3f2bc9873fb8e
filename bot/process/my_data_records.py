"""What a person did in the steps after the nomination, as "mine data" records (GDPR art. 15 and 20).

Each record is what one step stores about the person, in their own words where they wrote any;
``PersonalData`` (bot/process/my_data.py) gathers them, and each step's card shows its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .selection import Selection


@dataclass(frozen=True)
class StoredExampleNotes:
    """The person's private notes for the everyday examples of a dialogue (step 6), and their ready mark."""

    dialogue_id: str
    team_name: str
    wellbeing: str
    leadership: str
    ready_at: datetime | None
    updated_at: datetime


@dataclass(frozen=True)
class StoredEvaluation:
    """The person's answer to a dialogue's short evaluation (step 8): stored per person for "one
    answer each", shown to others only without a name."""

    dialogue_id: str
    team_name: str
    good: str
    adjust: str
    answered_at: datetime


@dataclass(frozen=True)
class StoredSurvey:
    """The person's answers to a dialogue's end-of-cycle survey: stored per person for "one
    answer each", shown to others only without a name."""

    dialogue_id: str
    team_name: str
    answers: tuple[tuple[str, str], ...]  # (question id, text), in the concept's order
    answered_at: datetime
    concept: str = ""  # the workplace's concept, whose questions these answer


@dataclass(frozen=True)
class StoredStatusNote:
    """A status the person recorded for an initiative at a follow-up (step 12), with their note."""

    dialogue_id: str
    team_name: str
    initiative_id: str
    status: str
    note: str
    at: datetime


@dataclass(frozen=True)
class StoredDayAnswer:
    """The person's invitation to a dialogue's day (step 5): how it reached them and their answer."""

    dialogue_id: str
    team_name: str
    day: date | None
    delivery: str
    answer: str | None  # coming | cannot_come
    answered_at: datetime | None


@dataclass(frozen=True)
class StoredSelection:
    """A choice of the day's themes (step 4) the person made last for their planning group,
    with the reasons they wrote."""

    dialogue_id: str
    team_name: str
    selection: Selection


@dataclass(frozen=True)
class StoredLeaderLoop:
    """The person's own leader loop for a dialogue: their development areas (private unless shared)
    and their feedback to the employees (bot/process/leader_loop.py)."""

    dialogue_id: str
    team_name: str
    areas: tuple[tuple[str, str], ...]  # (title, next step), at most 3
    feedback: dict[str, str]
    shared: bool
    posted_at: datetime | None
    done_at: datetime | None
    updated_at: datetime | None


@dataclass(frozen=True)
class StoredImmediateAnswer:
    """The person's answer to step 9's "what can each of us do already now?" (shown to others only without a name)."""

    dialogue_id: str
    team_name: str
    text: str
    at: datetime


@dataclass(frozen=True)
class StoredForwardComment:
    """A comment the person wrote when their coordination committee forwarded the workplaces'
    plans to HR (bot/process/organisation.py). Deleting it empties ``comment``; the forward stays."""

    forward_id: int
    committee_name: str
    comment: str
    forwarded_at: datetime
