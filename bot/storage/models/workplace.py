"""Workplaces and their teams: the team in Teams, its planning group and its leader."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel

from .columns import utc_column


class Workplace(SQLModel, table=True):
    """A team in Teams that runs the dialogue."""

    id: str = Field(primary_key=True, max_length=200)  # Teams team id
    tenant_id: str = Field(max_length=100)
    service_url: str = Field(max_length=500)
    channel_id: str = Field(max_length=200)  # where channel posts go (General)
    name: str = Field(default="", max_length=200)
    concept: str = Field(default="nyborg", max_length=50)
    created_at: datetime = Field(sa_column=utc_column())
    lang: Optional[str] = Field(default=None, max_length=5)  # the channel's language; NULL: DEFAULT_LANGUAGE


class PlanningMember(SQLModel, table=True):
    __tablename__ = "planning_member"
    team_id: str = Field(primary_key=True, max_length=200)
    user_id: str = Field(primary_key=True, max_length=200)
    name: str = Field(default="", max_length=200)
    added_by: str = Field(max_length=200)
    added_at: datetime = Field(sa_column=utc_column())


class WorkplaceLeader(SQLModel, table=True):
    """Who leads the workplace, as the planning group named them (one per team)."""

    __tablename__ = "workplace_leader"
    team_id: str = Field(primary_key=True, max_length=200)
    user_id: str = Field(max_length=200, index=True)
    name: str = Field(default="", max_length=200)
    set_by: str = Field(max_length=200)
    set_at: datetime = Field(sa_column=utc_column())
