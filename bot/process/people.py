"""The people the bot knows: who they are, how to reach them privately, which language they chose.

What a turn or a team roster tells us about a person is merged here, as pure rules, so the
storage layer only reads the person before and writes the person after:

* A value we are told replaces the stored one only when it is given and differs; a missing
  value never erases what we know (a card submission carries no name, a channel message no
  1:1 conversation id).
* A roster page names everyone in a team: it refreshes names and Entra ids, and keeps the
  chat, the language and a service URL we already had.
* The first private contact: the first time a person writes to us in a 1:1 chat we learn
  their conversation id; that is when the bot says hello.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime

@dataclass(frozen=True)
class Person:
    """A Teams user and the reference to their 1:1 chat with the bot (None until we have one)."""

    user_id: str  # Teams user id (29:…)
    tenant_id: str
    updated_at: datetime
    name: str = ""
    aad_object_id: str | None = None
    lang: str | None = None  # a stored choice beats the client's locale
    service_url: str | None = None
    conversation_id: str | None = None


@dataclass(frozen=True)
class Member:
    """Someone in a group (a planning group, a team roster): an id and a display name."""

    user_id: str
    name: str


@dataclass(frozen=True)
class Remembered:
    """What remembering a sender did: the person as stored before (None if new) and after."""

    before: Person | None
    after: Person

    @property
    def changed(self) -> frozenset[str]:
        """The fields whose value changed (every known field of a new person)."""
        if self.before is None:
            return frozenset(f.name for f in fields(Person) if f.name != "updated_at" and getattr(self.after, f.name))
        return frozenset(
            f.name for f in fields(Person) if f.name != "updated_at" and getattr(self.before, f.name) != getattr(self.after, f.name)
        )


def learn(
    before: Person | None, *, user_id: str, tenant_id: str, now: datetime, name: str | None = None,
    aad_object_id: str | None = None, service_url: str | None = None, conversation_id: str | None = None,
) -> Person:
    """The person after a turn told us these values; ``before`` itself when nothing changed.

    Returning the very same object lets storage skip the write: most turns come from people
    we already know, and a write takes SQLite's single write lock.
    """
    person = before or Person(user_id=user_id, tenant_id=tenant_id, updated_at=now)
    told = {"name": name, "aad_object_id": aad_object_id, "service_url": service_url, "conversation_id": conversation_id}
    updates = {k: v for k, v in told.items() if v and getattr(person, k) != v}
    if before is not None and not updates:
        return before
    return replace(person, **updates, updated_at=now)


def from_roster(
    before: Person | None, *, user_id: str, tenant_id: str, now: datetime, name: str | None, aad_object_id: str | None, service_url: str,
) -> Person:
    """The person after a roster page named them: names and Entra ids refreshed, chat and language kept."""
    person = before or Person(user_id=user_id, tenant_id=tenant_id, updated_at=now)
    return replace(
        person, name=name or person.name or "", aad_object_id=aad_object_id or person.aad_object_id,
        service_url=person.service_url or service_url, updated_at=now,
    )


def with_language(before: Person | None, lang: str, *, user_id: str, tenant_id: str, now: datetime) -> Person:
    """The person after choosing a language (someone we never met may choose one too)."""
    person = before or Person(user_id=user_id, tenant_id=tenant_id, updated_at=now)
    return replace(person, lang=lang, updated_at=now)


def is_first_private_contact(before: Person | None, conversation_id: str | None) -> bool:
    """True when a 1:1 chat is new to us: a conversation id arrives and we had none stored.

    The bot greets a person then, once; a person whose chat we already know is not greeted
    again when they write "hello".
    """
    return bool(conversation_id) and not (before is not None and before.conversation_id)


def should_greet(first_private_contact: bool, *, typed: bool, asks_for_help: bool) -> bool:
    """Say hello instead of answering: on the first private contact, when the person typed
    something the bot does not understand or asked for help ("hej", "hello", "hjælp").

    A first message that is a known command ("mine temaer") or a card click is answered as
    such: the person knows what they want.
    """
    return first_private_contact and typed and asks_for_help
