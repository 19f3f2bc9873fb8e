"""The step tables after the day (steps 10-13): sorting, the development plan, its follow-ups and the
send-on; the leader's own loop and the end-of-cycle survey."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .columns import utc_column


# -- step 10: sorting the input into topics and prioritising them (bot/storage/sorting.py)
class SortingTopic(SQLModel, table=True):
    """A topic (emne) of the planning group: its title and priority (1 high … 3 low, NULL not yet)."""

    __tablename__ = "sorting_topic"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    topic_id: str = Field(primary_key=True, max_length=40)
    title: str = Field(max_length=200)
    priority: Optional[int] = None
    position: int


class SortingItem(SQLModel, table=True):
    """A group's key point or desired action placed in a topic, with its text as it was then."""

    __tablename__ = "sorting_item"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    item_key: str = Field(primary_key=True, max_length=20)
    topic_id: str = Field(max_length=40)
    kind: str = Field(max_length=20)
    group_no: int
    slot: str = Field(max_length=10)
    idx: int
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))


class SortingDecision(SQLModel, table=True):
    """The planning group's answer to one of the bot's proposals: accepted, moved or ignored."""

    __tablename__ = "sorting_decision"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    proposal_key: str = Field(primary_key=True, max_length=40)
    decision: str = Field(max_length=20)
    decided_at: datetime = Field(sa_column=utc_column())


# -- steps 10-11: the development plan, its versions and the employees' "seen" (bot/storage/development_plan.py)
class DevelopmentPlanRow(SQLModel, table=True):
    """A dialogue's development plan: its current version, and when it was adopted and announced."""

    __tablename__ = "development_plan"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    version: int = 1
    edited_by: str = Field(max_length=200)
    edited_at: datetime = Field(sa_column=utc_column())
    adopted_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    adopted_by: Optional[str] = Field(default=None, max_length=200)
    adopted_version: Optional[int] = None
    announced_version: Optional[int] = None  # the last version posted to the team's channel (step 11)


class PlanVersion(SQLModel, table=True):
    """Every saved version of a plan (its history): the initiatives as JSON, who saved it, when."""

    __tablename__ = "plan_version"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    version: int = Field(primary_key=True)
    initiatives: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    edited_by: str = Field(max_length=200)
    edited_at: datetime = Field(sa_column=utc_column())


class PlanAcknowledgement(SQLModel, table=True):
    """An employee's "Set og forstået" on the announced plan; only ever shown as a count."""

    __tablename__ = "plan_acknowledgement"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    version: int
    at: datetime = Field(sa_column=utc_column())


# -- steps 12-13: the initiatives' follow-ups and the send-on (bot/storage/follow_up.py)
class InitiativeStatus(SQLModel, table=True):
    """One recorded status of one initiative, with its note; every save is a new row (the history)."""

    __tablename__ = "initiative_status"
    id: Optional[int] = Field(default=None, primary_key=True)
    dialogue_id: str = Field(max_length=40, foreign_key="dialogue.id", index=True)
    initiative_id: str = Field(max_length=40)
    status: str = Field(max_length=20)
    note: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    by: str = Field(max_length=200, index=True)  # whose words the note is ("mine data")
    at: datetime = Field(sa_column=utc_column())


class MilestoneDone(SQLModel, table=True):
    """A milestone marked done: by whom and when (unmarking deletes the row)."""

    __tablename__ = "milestone_done"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    initiative_id: str = Field(primary_key=True, max_length=40)
    milestone_id: str = Field(primary_key=True, max_length=40)
    done_at: datetime = Field(sa_column=utc_column())
    by: str = Field(max_length=200, index=True)


class SentOnRow(SQLModel, table=True):
    """The plan sent on before 1 December: by whom, when, which version (the first sender wins)."""

    __tablename__ = "sent_on"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    sent_at: datetime = Field(sa_column=utc_column())
    by: str = Field(max_length=200, index=True)
    plan_version: int


# -- the leader's own loop (bot/storage/leader_loop.py)
class LeaderLoopRow(SQLModel, table=True):
    """A dialogue's leader loop: the leader's development areas (private unless shared), the
    feedback to employees, and when it was asked, posted and marked done."""

    __tablename__ = "leader_loop"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    leader_id: str = Field(max_length=200, index=True)  # whose own words these are ("mine data")
    development_areas: str = Field(default="[]", sa_column=sa.Column(sa.Text, nullable=False, server_default="[]"))
    feedback: str = Field(default="{}", sa_column=sa.Column(sa.Text, nullable=False, server_default="{}"))
    shared: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    asked_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    posted_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    done_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    updated_at: datetime = Field(sa_column=utc_column())


# -- the end-of-cycle survey (bot/storage/cycle_survey.py)
class SurveyAnswer(SQLModel, table=True):
    """One person's answers to the end-of-cycle survey (JSON: {question id: text}); stored per
    person only so each has one answer (and can see, export and delete it), never shown with a name."""

    __tablename__ = "survey_answer"
    dialogue_id: str = Field(primary_key=True, max_length=40, foreign_key="dialogue.id")
    user_id: str = Field(primary_key=True, max_length=200, index=True)
    answers: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    answered_at: datetime = Field(sa_column=utc_column())
