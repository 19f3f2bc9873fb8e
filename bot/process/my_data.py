"""Everything stored about one person, as plain data, and its JSON export (GDPR art. 15 and 20).

The store fills `PersonalData`; the card shows it and `export_document` turns it into the
document a person can copy. Both are pure, so what is exported is tested without a database.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .concept import Kind
from .nomination import NominationInput, Round

EXPORT_FORMAT = "talsammen.personal-data.v1"


@dataclass(frozen=True)
class Profile:
    user_id: str
    tenant_id: str
    aad_object_id: str | None
    name: str
    lang: str | None
    conversation_id: str | None
    updated_at: datetime


@dataclass(frozen=True)
class Membership:
    """The person is in a workplace's planning group."""

    team_id: str
    team_name: str
    added_at: datetime


@dataclass(frozen=True)
class Invitation:
    """The person was invited to nominate in a round, and how the card reached them."""

    round_id: str
    team_name: str
    deadline: date
    is_open: bool
    delivery: str
    delivery_reason: str | None


@dataclass(frozen=True)
class StoredNomination:
    round_id: str
    team_name: str
    deadline: date
    is_open: bool
    nomination: NominationInput
    submitted_at: datetime
    updated_at: datetime
    version: int
    entered_by: str | None = None  # who typed it in from the person's paper form (Bilag 2); None: they did

@dataclass(frozen=True)
class ReminderRecord:
    kind: str
    round_id: str | None
    due_at: datetime
    status: str
    sent_at: datetime | None


@dataclass(frozen=True)
class AuditRecord:
    at: datetime
    action: str
    by_you: bool


@dataclass(frozen=True)
class PersonalData:
    profile: Profile | None
    memberships: tuple[Membership, ...] = ()
    invitations: tuple[Invitation, ...] = ()
    nominations: tuple[StoredNomination, ...] = ()
    reminders: tuple[ReminderRecord, ...] = ()
    audit: tuple[AuditRecord, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        return self.profile is None and not (self.memberships or self.invitations or self.nominations or self.reminders)


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _nomination(n: StoredNomination) -> dict[str, Any]:
    themes = {}
    for kind in Kind:
        c = n.nomination.choice(kind)
        themes[kind.value] = {"theme": c.theme_id, "own_title": c.own_title, "why_me": c.why_me, "core_task": c.core_task}
    return {
        "round_id": n.round_id, "workplace": n.team_name, "deadline": _iso(n.deadline), "round_open": n.is_open,
        "submitted_at": _iso(n.submitted_at), "updated_at": _iso(n.updated_at), "version": n.version,
        "entered_from_paper_form_by": n.entered_by, **themes,
    }


def export_document(data: PersonalData, *, exported_at: datetime) -> dict[str, Any]:
    """The whole of `data` as one JSON-ready document, free text exactly as stored."""
    p = data.profile
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _iso(exported_at),
        "profile": None if p is None else {
            "teams_user_id": p.user_id, "tenant_id": p.tenant_id, "entra_object_id": p.aad_object_id, "name": p.name,
            "language": p.lang, "personal_conversation_id": p.conversation_id, "updated_at": _iso(p.updated_at),
        },
        "planning_groups": [{"team_id": m.team_id, "workplace": m.team_name, "added_at": _iso(m.added_at)} for m in data.memberships],
        "rounds_invited_to": [
            {"round_id": i.round_id, "workplace": i.team_name, "deadline": _iso(i.deadline), "round_open": i.is_open,
             "card_delivery": i.delivery, "card_delivery_reason": i.delivery_reason}
            for i in data.invitations
        ],
        "nominations": [_nomination(n) for n in data.nominations],
        "reminders": [
            {"kind": r.kind, "round_id": r.round_id, "due_at": _iso(r.due_at), "status": r.status, "sent_at": _iso(r.sent_at)}
            for r in data.reminders
        ],
        "audit_log": [{"at": _iso(a.at), "action": a.action, "by_you": a.by_you} for a in data.audit],
    }


def export_json(data: PersonalData, *, exported_at: datetime) -> str:
    """`export_document` as indented JSON; Danish letters and emoji stay as they are."""
    return json.dumps(export_document(data, exported_at=exported_at), ensure_ascii=False, indent=1)


def deletion_refused(round_: Round | None, *, has_nomination: bool, now: datetime) -> str | None:
    """Why a person may not delete their nomination in ``round_`` now, or None when they may.

    Only while the round is open: after the deadline the planning group works from the
    nominations, and retention deletes them later (RETENTION_DAYS).
    """
    if round_ is None or not has_nomination:
        return "nothing_to_delete"
    if not round_.is_open(now):
        return "round_closed"
    return None
