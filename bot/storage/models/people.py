"""People: a Teams user and the way to reach them in their 1:1 chat."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel

from .columns import utc_column


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
