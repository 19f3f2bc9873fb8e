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
    "example.notes_deleted",  # a person deleted their everyday-example notes (subject: dialogue)
    "invitees.add", "invitees.remove",  # the planning group changed who is invited (subject: round|member)
    "nomination.paper_entered",  # the contact person entered a colleague's paper form (subject: round|colleague)
    "payload.rejected",  # a card submission no card of ours could have sent
    "round.extended", "round.closed_early",  # the planning group moved the deadline or closed the round (subject: round)
    "retention.applied",  # the retention job deleted a round's nominations
    "group_results.entered", "group_results.posted",  # a group saved its flip-chart (subject: dialogue|kind|group); the planning group posted the plenum view (subject: dialogue)
    "evaluation.started", "evaluation.viewed", "evaluation.deleted",  # the planning group sent / read the evaluation; a person deleted their answer (subject: dialogue)
    "cycle_survey.sent", "cycle_survey.viewed", "cycle_survey.deleted",  # the planning group sent / read the end-of-cycle survey; a person deleted their answers (subject: dialogue)
    "selection.saved",  # the planning group chose or changed the day's themes (subject: dialogue)
    "day.scheduled", "themes.announced",  # the planning group set or moved the day; announced the themes and invited (subject: dialogue)
    "day.answered",  # an employee answered the invitation: coming or not (subject: dialogue)
    "groups.formed", "groups.posted",  # the planning group formed or regrouped the groups; posted them to the channel (subject: dialogue)
    "sorting.accepted", "sorting.ignored", "sorting.moved", "sorting.topic_saved",  # the planning group sorted the input into topics (subject: dialogue|proposal or topic)
    "plan.saved", "plan.adopted", "plan.shared", "plan.marked_seen",  # the planning group saved / adopted / shared the development plan; an employee marked it seen (subject: dialogue)
    "follow_up.status", "follow_up.milestone",  # the planning group recorded an initiative's status; a milestone was (un)marked (subject: dialogue:initiative[:milestone])
    "send_on.sent", "send_on.downloaded", "send_on.download_refused",  # the plan was sent on; its file was fetched through a link, or the link refused (subject: dialogue:version|reason)
    "leader.named", "leader.feedback_posted", "leader.done", "leader.deleted",  # the planning group named the leader (subject: user); the leader posted / marked done / deleted their feedback (subject: dialogue)
    "immediate.asked", "immediate.viewed", "immediate.deleted",  # step 9: the leader asked the attendees; the answers were read; a person deleted theirs (subject: dialogue)
    "hr_overview.viewed", "export.downloaded", "export.refused",  # HR read the overview; an XLSX export was fetched through a link, or the link refused (subject: kind:subject[:reason])
    "organisation.admin.add", "organisation.admin.remove",  # an administrator granted or revoked another (subject: user)
    "organisation.committee.committee", "organisation.committee.hr", "organisation.link",  # a team registered as committee / HR (subject: committee); a workplace linked (subject: team|committee)
    "organisation.sent_to_committee", "organisation.nudged", "organisation.forwarded",  # a plan version sent to the committee; the committee nudged those missing; forwarded to HR (subject: ids)
    "organisation.comment_deleted",  # a person deleted the comment they wrote on a forward to HR ("mine data"; subject: forward id)
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
