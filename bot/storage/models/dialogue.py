"""The dialogue of a workplace in one cycle, and its nomination rounds with who was invited."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .columns import utc_column


class Dialogue(SQLModel, table=True):
    """A workplace's development dialogue in one cycle (bot/process/plan.py: cycle_of)."""

    __table_args__ = (sa.UniqueConstraint("team_id", "cycle", name="uq_dialogue_team_cycle"),)
    id: str = Field(primary_key=True, max_length=40)
    team_id: str = Field(max_length=200)
    cycle: int  # the year of the 1 December the dialogue works towards
    created_at: datetime = Field(sa_column=utc_column())
    # The one dialogue kind it runs ("wellbeing" or "leadership"); NULL: both (bot/process/selection.py kinds_from).
    kinds: Optional[str] = Field(default=None, max_length=40)


class NominationRound(SQLModel, table=True):
    __tablename__ = "nomination_round"
    __table_args__ = (sa.UniqueConstraint("open_slot", name="uq_round_one_open_per_team"),)
    id: str = Field(primary_key=True, max_length=40)
    team_id: str = Field(index=True, max_length=200)
    # Equals team_id while the round is open, NULL once closed: a unique column that lets the
    # database refuse a second open round even when two clicks race in two processes.
    open_slot: Optional[str] = Field(default=None, max_length=200)
    opened_by: str = Field(max_length=200)
    opened_at: datetime = Field(sa_column=utc_column())
    deadline_at: datetime = Field(sa_column=utc_column())
    closed_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    contact_name: str = Field(max_length=200)
    contact_user_id: Optional[str] = Field(default=None, max_length=200)  # a member of the team
    named_mode: bool = False
    concept: str = Field(default="nyborg", max_length=50)
    # The dialogue of the round's cycle; NULL only for rounds inserted around the repository.
    dialogue_id: Optional[str] = Field(default=None, max_length=40, foreign_key="dialogue.id", index=True)
    # Set by the retention job, which keeps these counts and deletes who was invited and what
    # they wrote (bot/scheduler/retention.py).
    invited_count: Optional[int] = None
    respondent_count: Optional[int] = None
    anonymised_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))


class RoundMember(SQLModel, table=True):
    """Who was invited to nominate in a round (the N of "n of N")."""

    __tablename__ = "round_member"
    round_id: str = Field(primary_key=True, max_length=40)
    user_id: str = Field(primary_key=True, max_length=200)
    name: str = Field(default="", max_length=200)
    card_activity_id: Optional[str] = Field(default=None, max_length=200)
    delivery: str = Field(default="pending", max_length=20)  # pending|sent|unreachable|failed
    delivery_reason: Optional[str] = Field(default=None, max_length=100)
