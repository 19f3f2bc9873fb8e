"""The step tables of the day (steps 8-9): the groups' results, the evaluation, and what each can do
already now."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .columns import utc_column


# -- step 8: what the groups produced, and the evaluation (bot/storage/group_results.py, evaluation.py)
class GroupResult(SQLModel, table=True):
    """One group's flip-chart for one round of the day: its 2 key points and 2 desired actions
    (JSON lists), the latest version and who wrote it (shown to the group only)."""

    __tablename__ = "group_result"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    kind: str = Field(primary_key=True, max_length=20)
    group_no: int = Field(primary_key=True)
    key_points: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    desired_actions: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    entered_by: str = Field(max_length=200)
    entered_at: datetime = Field(sa_column=utc_column())
    version: int = 1


class EvaluationAnswer(SQLModel, table=True):
    """One attendee's answer to the day's short evaluation; stored per person only so each has
    one answer (and can see, export and delete it), never shown with a name."""

    __tablename__ = "evaluation_answer"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    good: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    adjust: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    answered_at: datetime = Field(sa_column=utc_column())


# -- step 9: what each of us can do already now (bot/storage/leader_loop.py)
class ImmediateAnswer(SQLModel, table=True):
    """An attendee's answer to "hvad kan vi hver især gøre allerede nu?" (step 9); shown only without names."""

    __tablename__ = "immediate_answer"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    at: datetime = Field(sa_column=utc_column())
