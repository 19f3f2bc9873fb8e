"""Reminders and deliveries: the queue of messages due, the activities already handled, and each
tenant's request budget."""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .columns import utc_column


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
