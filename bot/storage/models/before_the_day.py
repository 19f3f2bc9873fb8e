"""The step tables before the day (steps 1 and 4-7): the chosen themes, the day and the invitations
to it, the everyday examples' preparation, and the groups."""
from __future__ import annotations

from datetime import date, datetime, time
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .columns import utc_column


# -- step 4: the planning group's choice of the day's themes (bot/storage/selection.py)
class ThemeSelection(SQLModel, table=True):
    """The well-being and leadership theme chosen for a dialogue, why, by whom, and when told."""

    __tablename__ = "theme_selection"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    wellbeing_theme_id: str = Field(max_length=40)
    wellbeing_own_title: Optional[str] = Field(default=None, max_length=200)
    wellbeing_reason: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    wellbeing_nominations: int = 0
    leadership_theme_id: str = Field(max_length=40)
    leadership_own_title: Optional[str] = Field(default=None, max_length=200)
    leadership_reason: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    leadership_nominations: int = 0
    chosen_by: str = Field(max_length=200)
    chosen_at: datetime = Field(sa_column=utc_column())
    announced_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))  # NULL until step 5


# -- steps 1 and 5: the day of the dialogue and the invitation to it (bot/storage/invitation.py)
class DialogueDayRow(SQLModel, table=True):
    """When and where the workplace's dialogue is held (bot/process/invitation.py DialogueDay)."""

    __tablename__ = "dialogue_day"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    day: date = Field(sa_column=sa.Column("date", sa.Date, nullable=False))
    start: time = Field(sa_column=sa.Column("start", sa.Time, nullable=False))  # Copenhagen wall clock
    place: Optional[str] = Field(default=None, max_length=200)
    online_link: Optional[str] = Field(default=None, max_length=2000)
    set_by: str = Field(max_length=200)
    set_at: datetime = Field(sa_column=utc_column())
    changes: int = 0  # how often the day was moved: numbers the "day changed" messages


class DayInvitation(SQLModel, table=True):
    """One person invited to the day (Bilag 3), the fate of their card and their answer."""

    __tablename__ = "day_invitation"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    name: str = Field(default="", max_length=200)
    delivery: str = Field(default="pending", max_length=20)  # pending|sent|unreachable|failed
    delivery_reason: Optional[str] = Field(default=None, max_length=100)
    card_activity_id: Optional[str] = Field(default=None, max_length=200)
    answer: Optional[str] = Field(default=None, max_length=20)  # coming|cannot_come
    answered_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))


# -- step 6: preparing the everyday examples (bot/storage/everyday_example.py)
class ExamplePreparation(SQLModel, table=True):
    """One person's private notes per chosen theme and their ready mark, for one dialogue.

    Only the person reads the notes; the retention job deletes the row some weeks after the day
    (bot/process/everyday_example.py NOTES_KEPT_DAYS)."""

    __tablename__ = "example_preparation"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    wellbeing_note: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    leadership_note: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    ready_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    updated_at: datetime = Field(sa_column=utc_column())


# -- step 7: the groups of the day's two rounds (bot/storage/grouping.py)
class GroupingRow(SQLModel, table=True):
    """The groups of the well-being and the leadership round, who was marked absent, and the
    version a card names (bot/process/grouping.py SavedGrouping)."""

    __tablename__ = "grouping"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    seed: str = Field(max_length=100)
    wellbeing: str = Field(sa_column=sa.Column(sa.Text, nullable=False))  # JSON: [[user_id, …], …]
    leadership: str = Field(sa_column=sa.Column(sa.Text, nullable=False))  # JSON, as wellbeing
    fewest_possible: int = 0  # the fewest repeated pairs the first round allows (kept: costly to redo)
    absent: str = Field(default="[]", sa_column=sa.Column(sa.Text, nullable=False))  # JSON: [user_id, …]
    first_held: Optional[bool] = None
    version: int = 1
    formed_by: str = Field(max_length=200)
    formed_at: datetime = Field(sa_column=utc_column())
