"""The organisation: administrators, coordination committees and HR, and what reaches them."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .columns import utc_column


# -- the organisation: administrators, coordination committees, HR (bot/storage/organisation.py)
class AdministratorRow(SQLModel, table=True):
    """A person granted administration in the bot (the ADMINISTRATORS setting names the first ones)."""

    __tablename__ = "administrator"
    user_id: str = Field(primary_key=True, max_length=200)
    granted_by: str = Field(max_length=200)
    granted_at: datetime = Field(sa_column=utc_column())


class CommitteeRow(SQLModel, table=True):
    """A coordination committee (or HR): the team where the bot is installed for it."""

    __tablename__ = "committee"
    id: str = Field(primary_key=True, max_length=80)
    team_id: str = Field(max_length=200, sa_column_kwargs={"unique": True})
    name: str = Field(max_length=200)
    kind: str = Field(max_length=20)  # committee | hr
    created_by: str = Field(max_length=200)
    created_at: datetime = Field(sa_column=utc_column())


class CommitteeLink(SQLModel, table=True):
    """Which committee a workplace sends its plan to."""

    __tablename__ = "committee_link"
    team_id: str = Field(primary_key=True, max_length=200)
    committee_id: str = Field(max_length=80, index=True)
    linked_by: str = Field(max_length=200)
    linked_at: datetime = Field(sa_column=utc_column())


class CommitteeSubmission(SQLModel, table=True):
    """One version of a workplace's plan sent to a committee: snapshots of its themes and initiatives."""

    __tablename__ = "committee_submission"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    version: int = Field(primary_key=True)
    committee_id: str = Field(max_length=80, index=True)
    team_id: str = Field(max_length=200)
    sent_at: datetime = Field(sa_column=utc_column())
    sent_by: str = Field(max_length=200, index=True)
    plan_version: int
    plan: str = Field(sa_column=sa.Column(sa.Text, nullable=False))  # JSON: the initiatives as sent
    themes: str = Field(sa_column=sa.Column(sa.Text, nullable=False))  # JSON: the chosen themes
    changes: Optional[str] = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))  # JSON; NULL for version 1


class HrForward(SQLModel, table=True):
    """A committee forwarded what it received to HR, with its comment."""

    __tablename__ = "hr_forward"
    id: Optional[int] = Field(default=None, primary_key=True)
    committee_id: str = Field(max_length=80, index=True)
    forwarded_by: str = Field(max_length=200, index=True)
    forwarded_at: datetime = Field(sa_column=utc_column())
    comment: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
