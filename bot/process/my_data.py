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
from .my_data_records import (
    StoredDayAnswer, StoredEvaluation, StoredExampleNotes, StoredForwardComment, StoredImmediateAnswer, StoredLeaderLoop,
    StoredSelection, StoredStatusNote, StoredSurvey,
)
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
    example_notes: tuple[StoredExampleNotes, ...] = ()
    evaluations: tuple[StoredEvaluation, ...] = ()
    day_invitations: tuple[StoredDayAnswer, ...] = ()
    theme_selections: tuple[StoredSelection, ...] = ()
    surveys: tuple[StoredSurvey, ...] = ()  # keyword only in practice; the end-of-cycle survey (DTU's question guide)
    status_notes: tuple[StoredStatusNote, ...] = ()  # keyword only; the follow-ups of the initiatives (step 12)
    leader_loops: tuple[StoredLeaderLoop, ...] = ()  # keyword only; the leader's own development plan and feedback
    immediate_answers: tuple[StoredImmediateAnswer, ...] = ()  # keyword only; step 9's answers
    hr_comments: tuple[StoredForwardComment, ...] = ()  # keyword only; comments written when forwarding to HR

    @property
    def is_empty(self) -> bool:
        return self.profile is None and not (self.memberships or self.invitations or self.nominations or self.reminders
                                            or self.example_notes or self.evaluations or self.surveys or self.day_invitations
                                            or self.theme_selections or self.status_notes or self.leader_loops
                                            or self.immediate_answers or self.hr_comments)


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


def _selection(stored: StoredSelection) -> dict[str, Any]:
    chosen = stored.selection
    themes = {kind.value: {"theme": c.theme_id, "own_title": c.own_title, "reason": c.reason, "nominations": c.nominations}
              for kind in chosen.themes.kinds for c in (chosen.themes.choice(kind),)}
    return {"dialogue_id": stored.dialogue_id, "workplace": stored.team_name, "chosen_at": _iso(chosen.chosen_at),
            "announced_at": _iso(chosen.announced_at), **themes}


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
        "everyday_example_notes": [
            {"dialogue_id": n.dialogue_id, "workplace": n.team_name, "wellbeing_note": n.wellbeing, "leadership_note": n.leadership,
             "ready_at": _iso(n.ready_at), "updated_at": _iso(n.updated_at)}
            for n in data.example_notes
        ],
        "evaluation_answers": [
            {"dialogue_id": e.dialogue_id, "workplace": e.team_name, "good": e.good, "adjust": e.adjust,
             "answered_at": _iso(e.answered_at)}
            for e in data.evaluations
        ],
        "survey_answers": [
            {"dialogue_id": v.dialogue_id, "workplace": v.team_name, "answers": dict(v.answers), "answered_at": _iso(v.answered_at)}
            for v in data.surveys
        ],
        "day_invitations": [
            {"dialogue_id": i.dialogue_id, "workplace": i.team_name, "day": _iso(i.day), "card_delivery": i.delivery,
             "answer": i.answer, "answered_at": _iso(i.answered_at)}
            for i in data.day_invitations
        ],
        "theme_selections": [_selection(s) for s in data.theme_selections],
        "initiative_statuses": [
            {"dialogue_id": n.dialogue_id, "workplace": n.team_name, "initiative_id": n.initiative_id, "status": n.status,
             "note": n.note, "at": _iso(n.at)}
            for n in data.status_notes
        ],
        "leader_development_plans": [
            {"dialogue_id": l.dialogue_id, "workplace": l.team_name,
             "development_areas": [{"title": title, "next_step": step} for title, step in l.areas], "shared": l.shared,
             "feedback": dict(l.feedback), "posted_at": _iso(l.posted_at), "done_at": _iso(l.done_at), "updated_at": _iso(l.updated_at)}
            for l in data.leader_loops
        ],
        "immediate_follow_up_answers": [
            {"dialogue_id": a.dialogue_id, "workplace": a.team_name, "answer": a.text, "at": _iso(a.at)} for a in data.immediate_answers
        ],
        "hr_forward_comments": [
            {"forward_id": c.forward_id, "committee": c.committee_name, "comment": c.comment, "forwarded_at": _iso(c.forwarded_at)}
            for c in data.hr_comments
        ],
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
