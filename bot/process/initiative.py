"""An initiative of the development plan (step 10) and its action plan (handleplan), and reading one
from the editor's card.

Each initiative has the actions, milestones for planning, execution and evaluation with dates,
how it is followed up and evaluated, its owner (tovholder), what is communicated to whom and
when, and what each IGLO level (Individ, Gruppe, Ledelse, Organisation) contributes. One that
needs support from outside the workplace is marked, with what is asked. The plan that holds 2-3
of them, and the rules of adopting it, are bot/process/development_plan.py's.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Level(StrEnum):
    """IGLO: who contributes what."""

    INDIVIDUAL = "individual"
    GROUP = "group"
    LEADERSHIP = "leadership"
    ORGANISATION = "organisation"


class Phase(StrEnum):
    """The action plan's milestones: "planlægning, udførelse og evaluering"."""

    PLANNING = "planning"
    EXECUTION = "execution"
    EVALUATION = "evaluation"


@dataclass(frozen=True)
class Milestone:
    id: str  # stable within the initiative, e.g. "m1"
    phase: Phase
    label: str
    due: date
    done_at: datetime | None = None


@dataclass(frozen=True)
class Initiative:
    id: str  # stable within the plan, e.g. "i1"
    title: str
    why: str  # why this initiative was chosen (told to the employees in step 11)
    actions: tuple[str, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    follow_up: str = ""  # how it is followed up and evaluated
    owner_id: str | None = None  # the tovholder, a member of the team
    owner_name: str = ""
    communication: str = ""  # what is communicated to whom and when
    iglo: tuple[tuple[Level, str], ...] = ()  # each level's contribution, in IGLO order
    needs_organisation: bool = False
    ask: str = ""  # what is asked of the organisation, when it needs it

    def contribution(self, level: Level) -> str:
        return dict(self.iglo).get(level, "")


# -- Reading an initiative from the editor -----------------------------------------------------------
TITLE_MAX_CHARS = 150
TEXT_MAX_CHARS = 1000  # why, follow-up, communication, each IGLO text, the ask
ACTION_MAX_CHARS = 300
MAX_ACTIONS = 10
LABEL_MAX_CHARS = 150
# A local choice: milestones fall on or after the day of the dialogue (the plan grows out of it)
# and no later than the end of the coming year ("i det kommende år": to 31 December after the
# cycle's 1 December), so a mistyped year is caught.
LATEST_YEARS_AFTER_CYCLE = 1

FIELD_TITLE, FIELD_WHY, FIELD_ACTIONS, FIELD_FOLLOW_UP = "title", "why", "actions", "follow_up"
FIELD_OWNER, FIELD_COMMUNICATION, FIELD_NEEDS_ORGANISATION, FIELD_ASK = "owner", "communication", "needs_organisation", "ask"
FIELD_COPY = "copy_actions"  # the groups' desired actions ticked to copy into the actions


def milestone_fields(phase: Phase) -> tuple[str, str]:
    """The (label, date) inputs of a phase's milestone."""
    return f"m_{phase.value}_label", f"m_{phase.value}_due"


def iglo_field(level: Level) -> str:
    return f"iglo_{level.value}"


@dataclass(frozen=True)
class FieldError:  # the shape of bot/process/nomination.py's FieldError
    field: str
    code: str  # required | too_long | too_many | unknown_choice | not_a_date | too_early | too_late | out_of_order
    limit: int | None = None


class InitiativeInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class DateBounds:
    earliest: date | None  # the day of the dialogue, when known
    latest: date


def date_bounds(cycle: int, day: date | None) -> DateBounds:
    return DateBounds(day, date(cycle + LATEST_YEARS_AFTER_CYCLE, 12, 31))


def _text(values: dict[str, object], name: str) -> str:
    value = values.get(name)
    return value.strip() if isinstance(value, str) else ""


def _limit(errors: list[FieldError], name: str, value: str, limit: int) -> None:
    if len(value) > limit:
        errors.append(FieldError(name, "too_long", limit))


def parse_initiative(values: dict[str, object], *, initiative_id: str, members: dict[str, str], bounds: DateBounds,
                     previous: Initiative | None = None) -> Initiative:
    """The initiative a card's values describe, or InitiativeInvalid with every field's problem.

    ``members`` (user id -> name) are the team's people the owner may be chosen from; the
    previous version keeps its milestones' ids and done marks. A draft needs only a title;
    what adopting needs more is ``development_plan.adoption_problems``'s business.
    """
    errors: list[FieldError] = []
    title, why = _text(values, FIELD_TITLE), _text(values, FIELD_WHY)
    if not title:
        errors.append(FieldError(FIELD_TITLE, "required"))
    _limit(errors, FIELD_TITLE, title, TITLE_MAX_CHARS)
    _limit(errors, FIELD_WHY, why, TEXT_MAX_CHARS)
    actions = tuple(line.strip() for line in _text(values, FIELD_ACTIONS).splitlines() if line.strip())
    if len(actions) > MAX_ACTIONS:
        errors.append(FieldError(FIELD_ACTIONS, "too_many", MAX_ACTIONS))
    if any(len(a) > ACTION_MAX_CHARS for a in actions):
        errors.append(FieldError(FIELD_ACTIONS, "too_long", ACTION_MAX_CHARS))
    milestones = _milestones(values, errors, bounds, previous)
    texts = {name: _text(values, name) for name in (FIELD_FOLLOW_UP, FIELD_COMMUNICATION, FIELD_ASK)}
    texts.update({iglo_field(level): _text(values, iglo_field(level)) for level in Level})
    for name, value in texts.items():
        _limit(errors, name, value, TEXT_MAX_CHARS)
    owner_id = _text(values, FIELD_OWNER) or None
    if owner_id is not None and owner_id not in members:
        errors.append(FieldError(FIELD_OWNER, "unknown_choice"))
    needs = values.get(FIELD_NEEDS_ORGANISATION) in (True, "true")
    if needs and not texts[FIELD_ASK]:
        errors.append(FieldError(FIELD_ASK, "required"))
    if errors:
        raise InitiativeInvalid(errors)
    return Initiative(
        id=initiative_id, title=title, why=why, actions=actions, milestones=milestones, follow_up=texts[FIELD_FOLLOW_UP],
        owner_id=owner_id, owner_name=members.get(owner_id, "") if owner_id else "", communication=texts[FIELD_COMMUNICATION],
        iglo=tuple((level, texts[iglo_field(level)]) for level in Level if texts[iglo_field(level)]),
        needs_organisation=needs, ask=texts[FIELD_ASK] if needs else "",
    )


def _milestones(values: dict[str, object], errors: list[FieldError], bounds: DateBounds,
                previous: Initiative | None) -> tuple[Milestone, ...]:
    """One milestone per phase that has a date; a label without a date is an error."""
    before = {m.phase: m for m in previous.milestones} if previous else {}
    result: list[Milestone] = []
    last: date | None = None
    for n, phase in enumerate(Phase, start=1):
        label_field, due_field = milestone_fields(phase)
        label, due_text = _text(values, label_field), _text(values, due_field)
        _limit(errors, label_field, label, LABEL_MAX_CHARS)
        if not due_text:
            if label:
                errors.append(FieldError(due_field, "required"))
            continue
        try:
            due = date.fromisoformat(due_text[:10])
        except ValueError:
            errors.append(FieldError(due_field, "not_a_date"))
            continue
        if bounds.earliest is not None and due < bounds.earliest:
            errors.append(FieldError(due_field, "too_early"))
        elif due > bounds.latest:
            errors.append(FieldError(due_field, "too_late"))
        elif last is not None and due < last:
            errors.append(FieldError(due_field, "out_of_order"))
        else:
            last = due  # the order is checked against the last date that was itself right
        kept = before.get(phase)
        result.append(Milestone(kept.id if kept else f"m{n}", phase, label, due,
                                kept.done_at if kept and kept.due == due else None))
    return tuple(result)
