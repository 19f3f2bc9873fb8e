"""What the audit log may hold: fixed action words and ids, never text someone wrote.

The log answers "who viewed, exported, deleted or changed what" for the data protection
officer; an entry that carried a reason or a title would itself be personal data to protect.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

# What the audit log records. Each is a fixed word; subjects are ids (see audit_id).
AUDIT_ACTIONS = frozenset({
    "planning_group.add", "planning_group.remove",  # role changes
    "tally.viewed",  # the planning group read the reasons
    "data.viewed", "data.exported",  # a person looked at or exported their own data
    "nomination.deleted",  # a person deleted their nomination
    "invitees.add", "invitees.remove",  # the planning group changed who is invited (subject: round|member)
    "nomination.paper_entered",  # the contact person entered a colleague's paper form (subject: round|colleague)
    "payload.rejected",  # a card submission no card of ours could have sent
    "round.extended", "round.closed_early",  # the planning group moved the deadline or closed the round (subject: round)
    "retention.applied",  # the retention job deleted a round's nominations
})
_AUDIT_ID = re.compile(r"[A-Za-z0-9:@._;=|+/-]{0,200}")


@dataclass(frozen=True)
class AuditEntry:
    """One line of the append-only log."""

    id: int
    at: datetime
    actor: str
    action: str
    subject: str = ""


def audit_id(value: str) -> str:
    """``value`` if it looks like an id (Teams ids, round ids, verb:code); else a short hash.

    So whatever a forged activity puts in an id, the audit log never holds text someone wrote.
    """
    if _AUDIT_ID.fullmatch(value):
        return value
    return "sha256:" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def check_action(action: str) -> str:
    """``action`` if it is one of AUDIT_ACTIONS; a ValueError otherwise (a bug, never user input)."""
    if action not in AUDIT_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    return action
