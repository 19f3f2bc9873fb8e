"""Step 10 of the guide (Lav en plan for det videre arbejde): the development plan.

The planning group turns the groups' desired actions into 2-3 initiatives (indsatser), each with
its action plan (handleplan; the initiative and its editor are bot/process/initiative.py's).

The plan's types are shared by the plan (step 10), the feedback (11), the follow-ups (12) and the
send-on (13); the rules for building, adopting and announcing a plan follow below them. The
initiative's names are importable from here too, where steps 11-13 and the cards find the plan.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .initiative import (
    ACTION_MAX_CHARS, FIELD_ACTIONS, FIELD_ASK, FIELD_COMMUNICATION, FIELD_COPY, FIELD_FOLLOW_UP,
    FIELD_NEEDS_ORGANISATION, FIELD_OWNER, FIELD_TITLE, FIELD_WHY, LABEL_MAX_CHARS, LATEST_YEARS_AFTER_CYCLE,
    MAX_ACTIONS, TEXT_MAX_CHARS, TITLE_MAX_CHARS, DateBounds, FieldError, Initiative, InitiativeInvalid, Level,
    Milestone, Phase, date_bounds, iglo_field, milestone_fields, parse_initiative,
)
from .reminders import ReminderPlan

__all__ = [
    "MAX_INITIATIVES", "MIN_TO_ADOPT", "PLAN_ANNOUNCED_KIND", "DevelopmentPlan", "PlanRefused", "adoption_problems",
    "announcement_obsolete_reason", "may_acknowledge", "may_share_changes", "next_initiative_id",
    "organisation_asks", "plan_announcement", "with_initiative",
    # the initiative's (bot/process/initiative.py), known to most callers as the plan's
    "ACTION_MAX_CHARS", "FIELD_ACTIONS", "FIELD_ASK",
    "FIELD_COMMUNICATION", "FIELD_COPY", "FIELD_FOLLOW_UP", "FIELD_NEEDS_ORGANISATION", "FIELD_OWNER",
    "FIELD_TITLE", "FIELD_WHY", "LABEL_MAX_CHARS", "LATEST_YEARS_AFTER_CYCLE", "MAX_ACTIONS", "TEXT_MAX_CHARS",
    "TITLE_MAX_CHARS", "DateBounds", "FieldError", "Initiative", "InitiativeInvalid", "Level", "Milestone", "Phase",
    "date_bounds", "iglo_field", "milestone_fields", "parse_initiative",
]


@dataclass(frozen=True)
class DevelopmentPlan:
    """A workplace's plan for one dialogue: its initiatives, its version, and when it was adopted."""

    dialogue_id: str
    initiatives: tuple[Initiative, ...]
    version: int
    edited_by: str
    edited_at: datetime
    adopted_at: datetime | None = None
    adopted_by: str | None = None
    adopted_version: int | None = None  # the version the planning group adopted (later edits follow it)
    announced_version: int | None = None  # the last version posted to the team's channel (step 11)

    @property
    def adopted(self) -> bool:
        return self.adopted_at is not None

    def initiative(self, initiative_id: str) -> Initiative | None:
        return next((i for i in self.initiatives if i.id == initiative_id), None)


# -- The rules of building, adopting and announcing a plan (steps 10 and 11) --------------------------

MAX_INITIATIVES = 3  # "Arbejdspladsen arbejder med 2 eller 3 indsatsområder" (step 12)
MIN_TO_ADOPT = 2  # a draft may hold 1-3; adopting needs 2 or 3

PLAN_ANNOUNCED_KIND = "plan_announced"  # queue kind: the adopted (or changed) plan, posted to the team (step 11)


class PlanRefused(Exception):
    """The plan cannot change this way now; ``code`` says why (too_many, too_few, no_why, no_owner,
    owner_not_member, already_adopted, not_found)."""

    def __init__(self, code: str, initiative_id: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.initiative_id = initiative_id


def next_initiative_id(plan: DevelopmentPlan | None) -> str:
    """``i<n>``, never reusing a number, so a card naming an old initiative cannot hit a new one."""
    numbers = [int(i.id[1:]) for i in plan.initiatives if i.id[1:].isdigit()] if plan else []
    return f"i{max(numbers, default=0) + 1}"


def with_initiative(plan: DevelopmentPlan | None, initiative: Initiative, *, dialogue_id: str, by: str,
                    now: datetime) -> DevelopmentPlan:
    """The plan with ``initiative`` added (a new id) or replacing the one of its id; the next version
    is the store's business. More than MAX_INITIATIVES is refused ("too_many")."""
    current = plan.initiatives if plan else ()
    if any(i.id == initiative.id for i in current):
        initiatives = tuple(initiative if i.id == initiative.id else i for i in current)
    elif len(current) >= MAX_INITIATIVES:
        raise PlanRefused("too_many")
    else:
        initiatives = current + (initiative,)
    if plan is None:
        return DevelopmentPlan(dialogue_id, initiatives, 0, by, now)
    return DevelopmentPlan(plan.dialogue_id, initiatives, plan.version, by, now, plan.adopted_at, plan.adopted_by,
                           plan.adopted_version, plan.announced_version)


def adoption_problems(plan: DevelopmentPlan | None, members: set[str]) -> list[PlanRefused]:
    """Why the plan cannot be adopted now; empty when it can. The owners are checked against the
    team as it is now (someone may have left since the card was filled in)."""
    if plan is None:
        return [PlanRefused("too_few")]
    if plan.adopted:
        return [PlanRefused("already_adopted")]
    problems: list[PlanRefused] = []
    if len(plan.initiatives) < MIN_TO_ADOPT:
        problems.append(PlanRefused("too_few"))
    for initiative in plan.initiatives:
        if not initiative.why:
            problems.append(PlanRefused("no_why", initiative.id))
        if initiative.owner_id is None:
            problems.append(PlanRefused("no_owner", initiative.id))
        elif initiative.owner_id not in members:
            problems.append(PlanRefused("owner_not_member", initiative.id))
    return problems


def organisation_asks(plan: DevelopmentPlan) -> tuple[Initiative, ...]:
    """The initiatives that need support from outside the workplace (sent on before 1 December)."""
    return tuple(i for i in plan.initiatives if i.needs_organisation)


def may_share_changes(plan: DevelopmentPlan | None) -> bool:
    """An adopted plan changed since it was last posted can be announced again. Editing never moves
    the follow-up dates: they were planned once, from the adoption."""
    return plan is not None and plan.adopted and plan.version > (plan.announced_version or 0)


def plan_announcement(dialogue_id: str, *, team_id: str, channel_id: str, version: int, now: datetime) -> ReminderPlan:
    """The post of ``version`` to the team's channel, due at once (one row per version)."""
    return ReminderPlan(f"{PLAN_ANNOUNCED_KIND}:{dialogue_id}:{version}", PLAN_ANNOUNCED_KIND, team_id, dialogue_id,
                        channel_id, version, now)


def announcement_obsolete_reason(plan: DevelopmentPlan | None, version: int) -> str | None:
    """Why the post of ``version`` should not go out, or None."""
    if plan is None:
        return "no_plan"
    if not plan.adopted:
        return "not_adopted"
    if (plan.announced_version or 0) > version:
        return "superseded"
    return None


def may_acknowledge(user_id: str, team: set[str]) -> bool:
    """Only the workplace's own people mark the plan as seen (the card can be forwarded)."""
    return user_id in team
