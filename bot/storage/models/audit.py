"""The audit log."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel

from .columns import utc_column


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
