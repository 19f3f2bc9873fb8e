"""Step 3 of the guide: an employee nominates one well-being and one leadership theme.

A nomination round is open at one workplace until its deadline; the rules here decide what a
submission means and whether it counts, and who is reminded when (at the end of the module).
They take plain data and an explicit ``now`` so they test in microseconds; the Teams layer
only feeds them.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .calendar import WorkingWindow, schedule_at, working_days_before
from .clock import COPENHAGEN
from .concept import Concept, Kind, PerKind
from .reminders import ReminderPlan
from .text import TextRejected, clean_text


@dataclass(frozen=True)
class Round:
    """A nomination round at one workplace (one team)."""

    id: str
    team_id: str
    opened_by: str
    opened_at: datetime
    deadline_at: datetime
    contact_name: str
    named_mode: bool
    closed_at: datetime | None = None
    concept: str = "nyborg"
    dialogue_id: str | None = None  # the workplace's dialogue of the round's cycle (storage sets it)
    contact_user_id: str | None = None  # the contact person, a member of the team (None: named in text only)

    def is_open(self, now: datetime) -> bool:
        """Open until closed, and never at or after its deadline (a round closes by itself then)."""
        return self.closed_at is None and now < self.deadline_at

    @property
    def deadline_date(self) -> date:
        """The last day nominations are accepted, as people read it (local date)."""
        return (self.deadline_at.astimezone(COPENHAGEN) - timedelta(seconds=1)).date()


class RoundAlreadyOpen(Exception):
    """A workplace already has an open round (two clicks on Start, say)."""


# Card input ids, shared with bot/cards so the form and its parser cannot drift apart.
FIELD_THEME = "{kind}_theme"
FIELD_OWN_TITLE = "{kind}_own_title"
FIELD_WHY_ME = "{kind}_why_me"
FIELD_CORE_TASK = "{kind}_core_task"
FORM_FIELDS = tuple(
    f.format(kind=k.value) for k in Kind for f in (FIELD_THEME, FIELD_OWN_TITLE, FIELD_WHY_ME, FIELD_CORE_TASK)
)


def field_name(template: str, kind: Kind) -> str:
    return template.format(kind=kind.value)


@dataclass(frozen=True)
class ThemeChoice:
    kind: Kind
    theme_id: str
    own_title: str | None
    why_me: str
    core_task: str


@dataclass(frozen=True)
class NominationInput(PerKind[ThemeChoice]):
    """An employee's nomination: one well-being and one leadership theme, each with its reasons."""


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str  # required | too_long | unknown_choice | not_text
    limit: int | None = None


class NominationInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


class NominationRefused(Exception):
    """The sender may not nominate in this round now; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # round_closed | not_invited | unknown_round


def parse_nomination(concept: Concept, values: Mapping[str, object]) -> NominationInput:
    """Turn card input values into a nomination, or raise with every field's problem at once."""
    errors: list[FieldError] = []
    choices: dict[Kind, ThemeChoice] = {}
    limits = concept.limits
    for kind in Kind:
        catalogue = concept.catalogue(kind)
        theme_field = field_name(FIELD_THEME, kind)
        theme_id = values.get(theme_field)
        if theme_id in (None, ""):
            errors.append(FieldError(theme_field, "required"))
        elif not isinstance(theme_id, str) or catalogue.find(theme_id) is None:
            errors.append(FieldError(theme_field, "unknown_choice"))
        own_title = None
        if theme_id == catalogue.own_proposal.id:
            own_title = _clean(values, field_name(FIELD_OWN_TITLE, kind), limits.own_title_max_chars, errors, single_line=True)
        why_me = _clean(values, field_name(FIELD_WHY_ME, kind), limits.reason_max_chars, errors)
        core_task = _clean(values, field_name(FIELD_CORE_TASK, kind), limits.reason_max_chars, errors)
        if not any(e.field.startswith(kind.value) for e in errors):
            choices[kind] = ThemeChoice(kind, str(theme_id), own_title, why_me or "", core_task or "")
    if errors:
        raise NominationInvalid(errors)
    return NominationInput(choices[Kind.WELLBEING], choices[Kind.LEADERSHIP])


def _clean(values: Mapping[str, object], name: str, limit: int, errors: list[FieldError], *, single_line: bool = False) -> str | None:
    raw = values.get(name, "")
    try:
        return clean_text(raw if raw is not None else "", max_chars=limit, single_line=single_line)  # type: ignore[arg-type]
    except TextRejected as rejected:
        errors.append(FieldError(name, rejected.code, rejected.limit))
        return None


def check_may_nominate(round_: Round | None, *, invited: bool, now: datetime) -> Round:
    """Employees invited to an open round may nominate (and edit) until its deadline."""
    if round_ is None:
        raise NominationRefused("unknown_round")
    if not round_.is_open(now):
        raise NominationRefused("round_closed")
    if not invited:
        raise NominationRefused("not_invited")
    return round_


@dataclass(frozen=True)
class Invitee:
    """Someone invited to nominate in a round (the N of "n of N"), and how the card reached them."""

    round_id: str
    user_id: str
    name: str = ""
    card_activity_id: str | None = None
    delivery: str = "pending"  # pending | sent | unreachable | failed
    delivery_reason: str | None = None


def is_unchanged(previous: NominationInput | None, new: NominationInput) -> bool:
    """A submission identical to the stored one is a double click: nothing to store, no new version."""
    return previous is not None and previous == new


# -- reminders to nominate ------------------------------------------------------------------
# The reminder rules, written down:
#
# * What. A reminder is one message to one person at one moment. Planning one means writing a
# row to the reminder queue (``bot/storage/reminders.py``); a sweeper sends rows that fell due.
# Each plan has a stable ``key`` (``nomination:<round>:<user>:<sequence>:<deadline date>``),
# so planning the same round twice adds nothing, and re-planning after the deadline moved
# (``bot/process/deadline.py``) adds new rows instead of colliding with the dropped ones.
# * How many. At most two reminders per person per round, before the deadline. The defaults
# are 5 and 1 working days before the deadline date (``days_before=(5, 1)``); the sequence
# number is the position in ``days_before`` (1 = the early one, 2 = the last call), so a
# reminder keeps its number, key and wording whether or not the other one was skipped.
# * When. At the opening of the working window (09:00 Copenhagen) on the date
# ``working_days_before(deadline_date, n)``: weekends and holidays are not counted, so a
# deadline on Tuesday 30 March 2027, just after Easter, gets its last reminder on Wednesday
# 24 March, before Skærtorsdag, Langfredag and 2. påskedag.
# * Never before the round was opened. The invitation card itself goes out on the opening day,
# so a reminder is planned only for a later local date than the opening; one whose time
# would already have passed (a round opened two days before the deadline) is skipped, never
# moved, because a late "5 days left" would be wrong. Re-planned after an extension (or for
# someone invited later), ``since`` takes the place of the opening: that day brings the
# announcement (or the invitation), so no reminder falls on it.
# * Never two on the same day. Two values of ``days_before`` that land on the same date give
# one reminder (the later sequence, which is the more urgent wording). The sweeper enforces
# the same limit at send time, across rounds and processes.
# * Obsolete at send time. A nomination reminder is not sent when the round is gone or
# closed, its deadline has passed, it was planned for a deadline that has since moved, or the
# person has already nominated (``nomination_obsolete_reason``).

NOMINATION_KIND = "nomination_deadline"
MAX_REMINDERS_PER_ROUND = 2


def nomination_key(round_id: str, user_id: str, sequence: int, deadline: date) -> str:
    return f"nomination:{round_id}:{user_id}:{sequence}:{deadline.isoformat()}"


def deadline_of_key(key: str) -> date | None:
    """The deadline a queue key was planned for (its last part), or None for a key without one."""
    try:
        return date.fromisoformat(key.rsplit(":", 1)[-1])
    except ValueError:
        return None


def planned_for_current_deadline(key: str, round: Round) -> bool:
    """False when the row was planned for a deadline the round no longer has (it was extended).

    Keys written before deadlines could move carry no date and count as current."""
    planned = deadline_of_key(key)
    return planned is None or planned == round.deadline_date


def plan_nomination_reminders(
    round: Round, recipients: Iterable[str], window: WorkingWindow, *, days_before: tuple[int, ...] = (5, 1),
    since: datetime | None = None,
) -> list[ReminderPlan]:
    """The deadline reminders for everyone invited to ``round`` (see the module rules).

    ``since`` (default: the opening) is the moment the plan is made for: nothing is planned on
    its local day or before it. Raises ValueError for more than two reminders or a negative
    number of days.
    """
    if len(days_before) > MAX_REMINDERS_PER_ROUND:
        raise ValueError(f"at most {MAX_REMINDERS_PER_ROUND} reminders per round, got {days_before}")
    if any(n < 0 for n in days_before):
        raise ValueError(f"days before the deadline must not be negative, got {days_before}")
    start = max(round.opened_at, since) if since is not None else round.opened_at
    opening_day = start.astimezone(window.tz).date()
    by_day: dict[object, tuple[int, datetime]] = {}
    for sequence, n in enumerate(days_before, start=1):
        day = working_days_before(round.deadline_date, n, window)
        due_at = schedule_at(day, window)
        if due_at.astimezone(window.tz).date() <= opening_day or due_at <= start:
            continue  # its moment had passed, or it would share the invitation's day
        if due_at >= round.deadline_at:
            continue  # n = 0 on a deadline that ends before the window opens
        local_day = due_at.astimezone(window.tz).date()
        if local_day not in by_day or by_day[local_day][0] < sequence:
            by_day[local_day] = (sequence, due_at)
    chosen = sorted(by_day.values(), key=lambda item: item[1])
    people = list(dict.fromkeys(recipients))  # once each, in the order given
    return [
        ReminderPlan(nomination_key(round.id, user, sequence, round.deadline_date), NOMINATION_KIND, round.team_id, round.id, user, sequence, due_at)
        for user in people
        for sequence, due_at in chosen
    ]


def nomination_obsolete_reason(round: Round | None, *, now: datetime, has_nominated: bool, key: str | None = None) -> str | None:
    """Why a nomination reminder must not be sent now, or None when it still should be."""
    if round is None:
        return "round_missing"
    if round.closed_at is not None:
        return "round_closed"
    if now >= round.deadline_at:
        return "past_deadline"
    if key is not None and not planned_for_current_deadline(key, round):
        return "deadline_moved"
    if has_nominated:
        return "nominated"
    return None
