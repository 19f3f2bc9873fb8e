"""Step 6 of the guide (Forbered eksempler fra hverdagen): everyone prepares an everyday example.

"Inden Udviklingsdialogen skal alle medarbejdere forberede et eksempel på en oplevelse, han/hun
har haft, hvor hhv. det udvalgte trivselstema og ledelsestema kom i spil": one example per
chosen theme, something that works well or something hard to find solutions for. Employees may
keep private notes per theme (shown back to them on the day, to nobody else) and mark
themselves ready. The guide asks the planning group to be "opsøgende" and remind colleagues;
the bot does the reminding, and the planning group sees counts, never notes.

The reminder rules, written down (in the style of the nomination reminders):

* What. A reminder is a row in the queue with kind ``EVERYDAY_EXAMPLE_KIND`` and the key
  ``everyday_example:<dialogue>:<day>:<user>:<sequence>``. The day's date is in the key, so a
  day that moves gets new reminders (planned again) while the old rows become obsolete
  (``day_moved``) instead of blocking the new ones.
* How many and when. By default 7 and 2 working days before the day (``days_before``, at most
  two), at the opening of the working window (09:00 Copenhagen) on
  ``working_days_before(day, n)``: weekends and holidays are not counted.
* Never on or after the day: the reminder must fall on an earlier local date than the day.
* Never before the invitation went out, and not on its day: the invitation is that day's
  message. One whose moment has passed is skipped, never moved (a late "a week to go" is wrong).
* At most one a day: two that land on one date give one (the later, more urgent sequence).
* Obsolete at send time (``example_obsolete_reason``): the dialogue or its day is gone, the day
  moved or has begun, the person marked themselves ready, or said they cannot come (they will
  not tell an example; a local choice). Someone who has not answered the invitation is still
  reminded: preparing is asked of everyone. Marking oneself ready leaves the rows in the queue:
  they are dropped as obsolete when they fall due, so "not ready after all" brings them back.

Notes, written down:

* Private. The notes are the person's own: shown to them while they prepare and again on the
  day (from the day's date on, the card shows them read-only, "Dine noter til i dag"), in
  "mine data", and to nobody else. The planning group sees counts only (``readiness``).
* Kept. ``NOTES_KEPT_DAYS`` (30, a local choice: long enough to look back at them at the first
  staff meeting after the day, step 9) after the day; a dialogue that never got a day keeps them
  until that long after 1 December of its cycle. Then the retention job deletes the notes and
  ready marks, and the example reminders of the dialogue (``notes_expired``).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .calendar import WorkingWindow, schedule_at, working_days_before
from .clock import COPENHAGEN
from .concept import Kind
from .invitation import Answer, DialogueDay
from .nomination import FieldError
from .reminders import ReminderPlan
from .text import TextRejected, clean_text

EVERYDAY_EXAMPLE_KIND = "everyday_example"
DEFAULT_DAYS_BEFORE = (7, 2)
MAX_REMINDERS = 2
NOTE_MAX_CHARS = 2000  # private notes: room for a story's key points; a local choice
NOTES_KEPT_DAYS = 30  # after the day; a local choice (module rules)
FIELD_NOTE = "{kind}_note"


def example_key(dialogue_id: str, day: date, user_id: str, sequence: int) -> str:
    return f"{EVERYDAY_EXAMPLE_KIND}:{dialogue_id}:{day.isoformat()}:{user_id}:{sequence}"


def plan_example_reminders(
    *, dialogue_id: str, team_id: str, day: DialogueDay, invitation_sent_at: datetime, recipients: Iterable[str],
    window: WorkingWindow, days_before: tuple[int, ...] = DEFAULT_DAYS_BEFORE,
) -> list[ReminderPlan]:
    """The reminders to prepare an everyday example, for everyone in ``recipients`` (module rules).

    ``round_id`` of each plan is the dialogue id: the queue groups a person's reminders by it.
    Raises ValueError for more than two reminders or a negative number of days.
    """
    if len(days_before) > MAX_REMINDERS:
        raise ValueError(f"at most {MAX_REMINDERS} reminders, got {days_before}")
    if any(n < 0 for n in days_before):
        raise ValueError(f"days before the day must not be negative, got {days_before}")
    invited_on = invitation_sent_at.astimezone(window.tz).date()
    by_day: dict[date, tuple[int, datetime]] = {}
    for sequence, n in enumerate(days_before, start=1):
        due_at = schedule_at(working_days_before(day.date, n, window), window)
        local_day = due_at.astimezone(window.tz).date()
        if local_day >= day.date or due_at >= day.starts_at:
            continue  # never on or after the day
        if local_day <= invited_on or due_at <= invitation_sent_at:
            continue  # never before the invitation, nor on its day
        if local_day not in by_day or by_day[local_day][0] < sequence:
            by_day[local_day] = (sequence, due_at)
    chosen = sorted(by_day.values(), key=lambda item: item[1])
    return [
        ReminderPlan(example_key(dialogue_id, day.date, user, sequence), EVERYDAY_EXAMPLE_KIND, team_id, dialogue_id,
                     user, sequence, due_at)
        for user in dict.fromkeys(recipients)
        for sequence, due_at in chosen
    ]


def example_obsolete_reason(day: DialogueDay | None, *, planned_for: date, now: datetime, ready: bool,
                            answer: Answer | None) -> str | None:
    """Why an everyday-example reminder must not be sent now, or None when it still should be."""
    if day is None:
        return "day_missing"
    if planned_for != day.date:
        return "day_moved"
    if now >= day.starts_at:
        return "day_started"
    if ready:
        return "ready"
    if answer is Answer.CANNOT_COME:
        return "cannot_come"
    return None


def planned_for(key: str) -> date:
    """The day a reminder was planned for, read back from its key."""
    return date.fromisoformat(key.split(":")[2])


# -- notes and ready marks ------------------------------------------------------------------
@dataclass(frozen=True)
class ExampleNotes:
    """An employee's private notes for each chosen theme: theirs alone, shown back on the day."""

    wellbeing: str = ""
    leadership: str = ""

    def note(self, kind: Kind) -> str:
        return self.wellbeing if kind is Kind.WELLBEING else self.leadership


class NotesInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


class NotesRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # not_invited | no_themes


def check_may_prepare(*, invited: bool, announced: bool) -> None:
    """Those invited prepare once the themes are announced; notes stay editable after the day
    (they are the person's own, and the day's card shows them back)."""
    if not invited:
        raise NotesRefused("not_invited")
    if not announced:
        raise NotesRefused("no_themes")


def parse_notes(values: Mapping[str, object]) -> ExampleNotes:
    """Card values into notes; empty notes are fine (notes are optional, the ready mark is not
    inferred from them)."""
    errors: list[FieldError] = []
    notes: dict[Kind, str] = {}
    for kind in Kind:
        name = FIELD_NOTE.format(kind=kind.value)
        raw = values.get(name, "")
        try:
            notes[kind] = clean_text(raw if raw is not None else "", max_chars=NOTE_MAX_CHARS, required=False)  # type: ignore[arg-type]
        except TextRejected as rejected:
            errors.append(FieldError(name, rejected.code, rejected.limit))
    if errors:
        raise NotesInvalid(errors)
    return ExampleNotes(notes[Kind.WELLBEING], notes[Kind.LEADERSHIP])


@dataclass(frozen=True)
class Readiness:
    """What the planning group sees: counts only, never whose notes say what."""

    invited: int
    ready: int
    coming: int
    cannot_come: int


def readiness(invited: Iterable[str], ready: Iterable[str], answers: Mapping[str, Answer]) -> Readiness:
    people = set(invited)
    given = [a for user, a in answers.items() if user in people]
    return Readiness(len(people), len(people & set(ready)), given.count(Answer.COMING), given.count(Answer.CANNOT_COME))


@dataclass(frozen=True)
class Preparation:
    """One person's preparation for one dialogue: the notes and whether they marked themselves ready."""

    notes: ExampleNotes = ExampleNotes()
    ready_at: datetime | None = None
    updated_at: datetime | None = None  # None: nothing stored yet

    @property
    def ready(self) -> bool:
        return self.ready_at is not None


def shows_notes_back(day: DialogueDay | None, now: datetime) -> bool:
    """From the day's own date on, the preparation card shows the notes back, read-only."""
    return day is not None and now.astimezone(COPENHAGEN).date() >= day.date


def notes_expired(day: date | None, cycle: int, *, now: datetime) -> bool:
    """Whether a dialogue's notes (and ready marks) are due for deletion (module rules)."""
    end = day if day is not None else date(cycle, 12, 1)
    return now.astimezone(COPENHAGEN).date() > end + timedelta(days=NOTES_KEPT_DAYS)
