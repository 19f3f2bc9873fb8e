"""The leader's own loop (Lederens forberedelse og opfølgning efter Udviklingsdialogen) and step 9
(Umiddelbar opfølgning på Udviklingsdialog).

The guide: "Lederen har en ekstra forpligtelse … at bruge de input der kommer i dialogen til at
reflektere over egen rolle og ledelse. Hvordan bliver du som leder klar til at lytte, og hvordan
vil du arbejde med det, du har hørt?" Afterwards the leader chooses "højest 3 udviklingsområder",
ties them to the KOM-Leder conversation with their own leader, and follows up with the employees
(thanks, what they noticed, the plan and next step, how they need their help, when they follow
up). DTU says the same: "en opfølgende dialog med egen leder, og en tilbagemelding til egne
medarbejdere". Step 9: at the first staff meeting "Hvad kan vi hver især gøre i hverdagen
allerede nu, efter at vi har drøftet vores trivsel og ledelse?"

The rules, written down:

* Who leads. The planning group names the workplace's leader (one per team, a member of the
  team). Until one is named, every leader reminder goes to each planning-group member instead,
  asking them to name the leader (a local choice: the guide assumes the leader is known). Each
  stage is therefore one row for ``LEADER`` (whoever leads when it is sent) and one row per
  planning-group member at planning time; at send time exactly one side is live
  (``recipient_obsolete_reason``). A member who joins the group later gets no fallback rows.
* When (all at the opening of the working window, 09:00 Copenhagen, on working days only):
  - preparation: ``PREPARE_DAYS_BEFORE`` (5, a local choice) working days before the day; if that
    moment has passed when the rows are planned, at the next opening, as long as it is still
    before the day's date (better late than never for the leader's own preparation);
  - immediate follow-up: the first working day after the day;
  - feedback: ``FEEDBACK_DAYS_AFTER`` (5, 15 and 30 working days after the day, a local choice),
    at most ``MAX_FEEDBACK_REMINDERS``.
* Keys carry the kind, the dialogue, the day's date, the recipient and the sequence, so a day that
  moves leaves its old rows obsolete (``day_moved``) and gets new ones.
* Obsolete at send time (``leader_obsolete_reason``): the day is gone or moved; preparation once
  the day has begun; the immediate follow-up once the leader has asked the employees or marked
  the loop done; feedback once the leader has marked it done ("Markér som gjort").
* Development areas: at most ``MAX_AREAS`` (3), each a title and its next step; private to the
  leader unless they choose to share them in the feedback post.
* Step 9's question to the attendees and its nameless answers: ``immediate_follow_up.py``.
* After adoption of the development plan (``plan_after_adoption``): nothing. The leader's
  reminders hang on the day, and telling employees about the plan is step 11's own business.
"""
from __future__ import annotations

import hashlib

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .calendar import WorkingWindow, next_opening, schedule_at, working_days_before
from .immediate_follow_up import IMMEDIATE_ASK_KIND
from .invitation import DialogueDay
from .nomination import FieldError
from .reminders import ReminderPlan
from .text import TextRejected, clean_text

LEADER_PREPARE_KIND = "leader_prepare"
LEADER_IMMEDIATE_KIND = "leader_immediate"
LEADER_FEEDBACK_KIND = "leader_feedback"
LEADER_REMINDER_KINDS = (LEADER_PREPARE_KIND, LEADER_IMMEDIATE_KIND, LEADER_FEEDBACK_KIND)
LEADER_POST_KIND = "leader_feedback_post"  # the leader's feedback, posted to the team's channel
LEADER = "leader"  # the recipient of a row meant for whoever leads when it is sent

PREPARE_DAYS_BEFORE = 5  # local choice
FEEDBACK_DAYS_AFTER = (5, 15, 30)  # local choice
MAX_FEEDBACK_REMINDERS = 3
MAX_AREAS = 3  # the guide: "højest 3 udviklingsområder"
TITLE_MAX_CHARS = 200
STEP_MAX_CHARS = 1000
FEEDBACK_MAX_CHARS = 2000
FEEDBACK_PARTS = ("thanks", "noticed", "help", "follow_up")  # the guide's bullets; the plan is the areas


@dataclass(frozen=True)
class Leader:
    user_id: str
    name: str


@dataclass(frozen=True)
class DevelopmentArea:
    title: str
    next_step: str


@dataclass(frozen=True)
class Feedback:
    """The leader's follow-up with the employees, in the guide's order (the plan between noticed and help)."""

    thanks: str = ""
    noticed: str = ""
    help: str = ""
    follow_up: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, part) for part in FEEDBACK_PARTS)


@dataclass(frozen=True)
class LeaderLoop:
    """One dialogue's leader loop as stored; the planning group only ever sees ``done_at``."""

    dialogue_id: str
    areas: tuple[DevelopmentArea, ...] = ()
    feedback: Feedback = Feedback()
    shared: bool = False  # the development areas go with the feedback post
    asked_at: datetime | None = None  # the immediate follow-up question was sent to the attendees
    posted_at: datetime | None = None
    done_at: datetime | None = None
    updated_at: datetime | None = None


# -- reminders ----------------------------------------------------------------------------------
def leader_key(kind: str, dialogue_id: str, day: date, recipient: str, sequence: int) -> str:
    return f"{kind}:{dialogue_id}:{day.isoformat()}:{recipient}:{sequence}"


def planned_for(key: str) -> date:
    """The day a leader reminder was planned for, read back from its key."""
    return date.fromisoformat(key.split(":")[2])


def working_days_after(day: date, n: int, window: WorkingWindow) -> date:
    """The date ``n`` working days after ``day`` (weekends and holidays not counted)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    current, counted = day, 0
    for _ in range(400 + 2 * n):
        current += timedelta(days=1)
        if window.is_working_day(current):
            counted += 1
            if counted == n:
                return current
    raise ValueError(f"no {n} working days within reach after {day}")


def leader_moments(day: DialogueDay, *, planned_at: datetime, window: WorkingWindow,
                   prepare_days_before: int = PREPARE_DAYS_BEFORE,
                   feedback_days_after: tuple[int, ...] = FEEDBACK_DAYS_AFTER) -> list[tuple[str, int, datetime]]:
    """(kind, sequence, due) of each stage (module rules); raises ValueError past the cap."""
    if len(feedback_days_after) > MAX_FEEDBACK_REMINDERS:
        raise ValueError(f"at most {MAX_FEEDBACK_REMINDERS} feedback reminders, got {feedback_days_after}")
    if prepare_days_before < 1:
        raise ValueError("the preparation reminder comes at least one working day before the day")
    out: list[tuple[str, int, datetime]] = []
    prepare = schedule_at(working_days_before(day.date, prepare_days_before, window), window)
    if prepare <= planned_at:
        prepare = next_opening(planned_at, window)
    if prepare.astimezone(window.tz).date() < day.date and prepare < day.starts_at:
        out.append((LEADER_PREPARE_KIND, 1, prepare))
    out.append((LEADER_IMMEDIATE_KIND, 1, schedule_at(day.date + timedelta(days=1), window)))
    for sequence, n in enumerate(sorted(set(feedback_days_after)), start=1):
        out.append((LEADER_FEEDBACK_KIND, sequence, schedule_at(working_days_after(day.date, n, window), window)))
    return out


def plan_leader_reminders(*, dialogue_id: str, team_id: str, day: DialogueDay, planned_at: datetime,
                          planning_group: Iterable[str], window: WorkingWindow,
                          prepare_days_before: int = PREPARE_DAYS_BEFORE,
                          feedback_days_after: tuple[int, ...] = FEEDBACK_DAYS_AFTER) -> list[ReminderPlan]:
    """Each stage's row for the leader, and its fallback row for each planning-group member."""
    recipients = [LEADER, *dict.fromkeys(m for m in planning_group if m != LEADER)]
    return [
        ReminderPlan(leader_key(kind, dialogue_id, day.date, recipient, sequence), kind, team_id, dialogue_id, recipient,
                     sequence, due)
        for kind, sequence, due in leader_moments(day, planned_at=planned_at, window=window,
                                                  prepare_days_before=prepare_days_before,
                                                  feedback_days_after=feedback_days_after)
        for recipient in recipients
    ]


def leader_obsolete_reason(kind: str, *, day: DialogueDay | None, planned_for: date, now: datetime,
                           loop: LeaderLoop | None) -> str | None:
    """Why a leader reminder must not be sent now, or None when it still should be."""
    if day is None:
        return "day_missing"
    if planned_for != day.date:
        return "day_moved"
    done = loop is not None and loop.done_at is not None
    if kind == LEADER_PREPARE_KIND:
        return "day_started" if now >= day.starts_at else None
    if kind == LEADER_IMMEDIATE_KIND:
        if done:
            return "done"
        return "asked" if loop is not None and loop.asked_at is not None else None
    return "done" if done else None


def recipient_obsolete_reason(recipient: str, *, leader: Leader | None, planning_group: Collection[str]) -> str | None:
    """The leader's row goes only once a leader is named; a member's fallback row only until then."""
    if recipient == LEADER:
        return "no_leader" if leader is None else None
    if leader is not None:
        return "leader_named"
    return None if recipient in planning_group else "not_planning_group"


def plan_after_adoption(plan: object, *, team_id: str, window: WorkingWindow, now: datetime) -> list[ReminderPlan]:
    """Nothing: the leader's reminders hang on the day (module rules), not on the plan's adoption."""
    return []


# -- the leader's card --------------------------------------------------------------------------
def stage(day: DialogueDay | None, now: datetime) -> str:
    """``no_day``, ``before`` (the preparation), or ``after`` (from the day's start: follow-up and feedback)."""
    if day is None:
        return "no_day"
    return "before" if now < day.starts_at else "after"


class LeaderInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


def _clean(values: Mapping[str, object], name: str, limit: int, errors: list[FieldError]) -> str:
    raw = values.get(name, "")
    try:
        return clean_text(raw if isinstance(raw, str) else "", max_chars=limit, required=False)
    except TextRejected as rejected:
        errors.append(FieldError(name, rejected.code, rejected.limit))
        return ""


def area_field(index: int, part: str) -> str:
    return f"area_{index}_{part}"


def parse_areas(values: Mapping[str, object]) -> tuple[DevelopmentArea, ...]:
    """At most ``MAX_AREAS`` areas from the card (``area_<n>_title``/``area_<n>_next_step``); a next
    step needs its title. Empty slots are left out."""
    extra = [k for k in values if k.startswith("area_") and not any(k == area_field(i, p) for i in range(1, MAX_AREAS + 1)
                                                                      for p in ("title", "next_step"))]
    if extra:
        raise LeaderInvalid([FieldError(extra[0], "too_many", MAX_AREAS)])
    errors: list[FieldError] = []
    areas: list[DevelopmentArea] = []
    for index in range(1, MAX_AREAS + 1):
        title = _clean(values, area_field(index, "title"), TITLE_MAX_CHARS, errors)
        step = _clean(values, area_field(index, "next_step"), STEP_MAX_CHARS, errors)
        if step and not title:
            errors.append(FieldError(area_field(index, "title"), "required"))
        elif title:
            areas.append(DevelopmentArea(title, step))
    if errors:
        raise LeaderInvalid(errors)
    return tuple(areas)


def check_areas(areas: tuple[DevelopmentArea, ...]) -> tuple[DevelopmentArea, ...]:
    if len(areas) > MAX_AREAS:
        raise LeaderInvalid([FieldError("areas", "too_many", MAX_AREAS)])
    return areas


def feedback_field(part: str) -> str:
    return f"feedback_{part}"


def parse_feedback(values: Mapping[str, object]) -> Feedback:
    errors: list[FieldError] = []
    parts = {part: _clean(values, feedback_field(part), FEEDBACK_MAX_CHARS, errors) for part in FEEDBACK_PARTS}
    if errors:
        raise LeaderInvalid(errors)
    return Feedback(**parts)


def post_key(loop: LeaderLoop) -> str:
    """The channel post's queue key: the same feedback (and shared areas) posted twice is one post;
    feedback changed since is a new one."""
    posted = repr((loop.feedback, loop.areas if loop.shared else ()))
    return f"{LEADER_POST_KIND}:{loop.dialogue_id}:{hashlib.sha256(posted.encode()).hexdigest()[:16]}"


def post_refused(loop: LeaderLoop | None) -> str | None:
    """Why the feedback cannot be posted to the channel: there is none yet."""
    return "no_feedback" if loop is None or loop.feedback.is_empty else None


# The sweeper's one-a-day rule does not apply: the leader's rows fall on days of their own, and a
# row addressed to ``LEADER`` shares its recipient with every other workplace's leader rows.
LEADER_KINDS_UNLIMITED = frozenset({*LEADER_REMINDER_KINDS, IMMEDIATE_ASK_KIND, LEADER_POST_KIND})
