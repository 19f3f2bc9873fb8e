"""Nominations (step 3) and the theme counts kept after them (step 4)."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .columns import utc_column


class Nomination(SQLModel, table=True):
    round_id: str = Field(primary_key=True, max_length=40)
    user_id: str = Field(primary_key=True, max_length=200)
    wellbeing_theme: str = Field(max_length=40)
    wellbeing_own_title: Optional[str] = Field(default=None, max_length=200)
    wellbeing_why_me: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    wellbeing_core_task: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    leadership_theme: str = Field(max_length=40)
    leadership_own_title: Optional[str] = Field(default=None, max_length=200)
    leadership_why_me: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    leadership_core_task: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    submitted_at: datetime = Field(sa_column=utc_column())
    updated_at: datetime = Field(sa_column=utc_column())
    version: int = 1
    entered_by: Optional[str] = Field(default=None, max_length=200)  # the contact person, for a paper form


class ThemeCount(SQLModel, table=True):
    """How often a theme was nominated in a round, kept after the nominations are deleted.

    Own proposals count under the own-proposal id: their titles are free text and go."""

    __tablename__ = "theme_count"
    round_id: str = Field(primary_key=True, max_length=40)
    kind: str = Field(primary_key=True, max_length=20)
    theme_id: str = Field(primary_key=True, max_length=40)
    team_id: str = Field(index=True, max_length=200)
    count: int
