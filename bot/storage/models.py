"""The tables. The database is the source of truth for everything the bot must remember:
workplaces, planning groups, conversation references, rounds, nominations and reminders."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class UTCDateTime(sa.types.TypeDecorator):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite (which forgets zones) too."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def utc_column(*, nullable: bool = False, index: bool = False) -> sa.Column:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


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


class Person(SQLModel, table=True):
    """A Teams user and the reference to their 1:1 chat with the bot."""

    user_id: str = Field(primary_key=True, max_length=200)  # Teams user id (29:…)
    tenant_id: str = Field(max_length=100)
    aad_object_id: Optional[str] = Field(default=None, max_length=100, index=True)
    name: str = Field(default="", max_length=200)
    lang: Optional[str] = Field(default=None, max_length=5)  # a stored choice beats the locale
    service_url: Optional[str] = Field(default=None, max_length=500)
    conversation_id: Optional[str] = Field(default=None, max_length=300)
    updated_at: datetime = Field(sa_column=utc_column())


class Dialogue(SQLModel, table=True):
    """A workplace's development dialogue in one cycle (bot/process/plan.py: cycle_of)."""

    __table_args__ = (sa.UniqueConstraint("team_id", "cycle", name="uq_dialogue_team_cycle"),)
    id: str = Field(primary_key=True, max_length=40)
    team_id: str = Field(max_length=200)
    cycle: int  # the year of the 1 December the dialogue works towards
    created_at: datetime = Field(sa_column=utc_column())


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


class ProcessedActivity(SQLModel, table=True):
    """Activities already handled, so a redelivery has no second effect."""

    __tablename__ = "processed_activity"
    key: str = Field(primary_key=True, max_length=500)  # conversation id | activity id
    received_at: datetime = Field(sa_column=utc_column(index=True))


# The rows a sweeper may still claim. A partial index over only these keeps "what is due"
# fast however many sent rows pile up; the claim query repeats this exact literal text,
# because SQLite uses a partial index only when the query's WHERE contains its condition.
REMINDER_OPEN = "status IN ('pending', 'claimed')"


class Reminder(SQLModel, table=True):
    """One message due to one person at one time; claimed atomically before it is sent."""

    __table_args__ = (
        sa.Index("ix_reminder_status_due", "status", "due_at"),
        sa.Index("ix_reminder_open_due", "due_at", "id", sqlite_where=sa.text(REMINDER_OPEN), postgresql_where=sa.text(REMINDER_OPEN)),
        # One reminder of a kind per person per local day, even with two bot processes.
        sa.Index("uq_reminder_day_slot", "recipient_id", "kind", "day_slot", unique=True),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = Field(max_length=300, sa_column_kwargs={"unique": True})  # makes planning idempotent
    kind: str = Field(max_length=50)
    team_id: str = Field(max_length=200, index=True)
    round_id: Optional[str] = Field(default=None, max_length=40, index=True)
    recipient_id: str = Field(max_length=200)
    sequence: int = 1
    due_at: datetime = Field(sa_column=utc_column())
    status: str = Field(default="pending", max_length=20)  # pending|claimed|sent|dropped|unreachable|failed
    claimed_by: Optional[str] = Field(default=None, max_length=100)
    lease_until: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    attempts: int = 0
    sent_at: Optional[datetime] = Field(default=None, sa_column=utc_column(nullable=True))
    reason: Optional[str] = Field(default=None, max_length=100)
    # The Copenhagen date this reminder holds the person's one reminder of its kind for; set
    # just before sending, NULL until then (NULLs never collide in a unique index).
    day_slot: Optional[date] = Field(default=None, sa_column=sa.Column(sa.Date, nullable=True))


class TenantBudget(SQLModel, table=True):
    """Teams' request budget of one tenant, shared by every bot instance on this database.

    ``next_at`` is the earliest moment (epoch seconds on the database's clock) at which the next
    request into the tenant may leave; each reservation moves it on by the spacing
    (bot/scheduler/budget.py says why one row per tenant is enough)."""

    __tablename__ = "tenant_budget"
    tenant_id: str = Field(primary_key=True, max_length=100)
    next_at: float = Field(sa_column=sa.Column(sa.Float(precision=53), nullable=False))


class AuditEntry(SQLModel, table=True):
    """Who viewed, exported, deleted or changed what; never the free text itself.

    Rows are only ever inserted: the store has no update or delete for them, and database
    triggers (migration 0004) refuse both."""

    __tablename__ = "audit_log"
    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=utc_column(index=True))
    actor: str = Field(max_length=200)
    action: str = Field(max_length=60)
    subject: str = Field(default="", max_length=200)
