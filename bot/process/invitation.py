"""Steps 1 and 5 of the guide: the day of the dialogue, and the invitation to it (Bilag 3).

The planning group sets the day ("Sæt en dato for Udviklingsdialog (varighed ca. 3 timer)"):
a date, a start time and where it is, a room ("Sted") or an online meeting link (DTU ran its
dialogues online), or both. The invitation (Bilag 3) carries them with the chosen themes, and
each employee answers it: coming, or cannot come.

The rules, written down:

* The day. A date (``Input.Date``, ISO) and a start time (``Input.Time``, ``HH:MM``), read as
  Copenhagen wall-clock time. It must start after ``now`` and lie within ``MAX_DAYS_AHEAD``
  (a local choice, so a typo such as 2062 is caught). The programme lasts three hours
  (``DURATION``, the guide's "ca. 3 timer"; Bilag 5 runs 08:00-11:00), counted in wall-clock
  time like the run-sheet.
* Warnings, not refusals. The guide's dialogues run "i perioden august/september/oktober"; a day
  outside those months is accepted with the warning ``outside_season`` (a local choice: the
  guide states the period, not that other months are wrong, and DTU's material names none). A
  day that is not a working day (weekend, holiday) gets ``not_a_working_day``.
* The place. One line of text (``PLACE_MAX_CHARS``) and/or an ``https://`` link
  (``LINK_MAX_CHARS``); at least one of them. A link is only accepted as https, because the
  card opens it with one click.
* Who. The planning group sets and moves the day; not after it has started.
* Answers. An invited employee answers coming or cannot come, and may change the answer until
  the day starts. The same answer twice is one answer.
* When the day moves, and an answer from a card that showed the day before it moved: see
  bot/process/day_move.py.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from enum import StrEnum
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .calendar import WorkingWindow
from .clock import COPENHAGEN
from .nomination import FieldError
from .reminders import ReminderPlan
from .text import TextRejected, clean_text

if TYPE_CHECKING:
    from .day_move import ShownDay

DURATION = timedelta(hours=3)  # "varighed ca. 3 timer"
SEASON_MONTHS = frozenset({8, 9, 10})  # "august/september/oktober"
MAX_DAYS_AHEAD = 366  # local choice
PLACE_MAX_CHARS = 200  # local choice
LINK_MAX_CHARS = 2000  # Teams meeting links are long; local choice

# Card input ids, shared with bot/cards.
FIELD_DATE, FIELD_START, FIELD_PLACE, FIELD_LINK = "day_date", "day_start", "day_place", "day_link"


@dataclass(frozen=True)
class DialogueDay:
    """When and where the dialogue is held."""

    date: date
    start: time  # Copenhagen wall-clock time
    place: str | None = None
    online_link: str | None = None

    @property
    def starts_at(self) -> datetime:
        """The start as aware UTC (Copenhagen wall time; fold=0 on the autumn night)."""
        return wall_clock(self.date, self.start, timedelta(0)).astimezone(timezone.utc)

    @property
    def ends_at(self) -> datetime:
        """About three hours after the start, in wall-clock time, as aware UTC."""
        return wall_clock(self.date, self.start, DURATION).astimezone(timezone.utc)

    @property
    def end(self) -> time:
        return wall_clock(self.date, self.start, DURATION).time()


def wall_clock(day: date, start: time, offset: timedelta) -> datetime:
    """``start`` on ``day`` moved by ``offset`` on the wall clock, as an aware Copenhagen datetime.

    The programme is read off a wall clock: 08:15 is 08:15 on the day summer time ends too.
    """
    return (datetime.combine(day, start) + offset).replace(tzinfo=COPENHAGEN)


class DayInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors  # codes: required | not_a_date | not_a_time | in_past | too_far | not_a_link | too_long


@dataclass(frozen=True)
class DayParsed:
    day: DialogueDay
    warnings: tuple[str, ...]  # outside_season | not_a_working_day


def parse_day(values: Mapping[str, object], *, now: datetime, window: WorkingWindow) -> DayParsed:
    """Card values into a day, with warnings, or DayInvalid naming every field's problem."""
    errors: list[FieldError] = []
    day = _parse(values.get(FIELD_DATE), FIELD_DATE, date.fromisoformat, "not_a_date", errors)
    start = _parse(values.get(FIELD_START), FIELD_START, clock_time, "not_a_time", errors)
    place = _optional_text(values.get(FIELD_PLACE), FIELD_PLACE, errors)
    link = _optional_link(values.get(FIELD_LINK), errors)
    if place is None and link is None and not any(e.field in (FIELD_PLACE, FIELD_LINK) for e in errors):
        errors.append(FieldError(FIELD_PLACE, "required"))
    if day is not None and start is not None:
        when = wall_clock(day, start, timedelta(0))
        if when <= now:
            errors.append(FieldError(FIELD_DATE, "in_past"))
        elif (day - now.astimezone(COPENHAGEN).date()).days > MAX_DAYS_AHEAD:
            errors.append(FieldError(FIELD_DATE, "too_far", MAX_DAYS_AHEAD))
    if errors:
        raise DayInvalid(errors)
    assert day is not None and start is not None
    warnings = []
    if day.month not in SEASON_MONTHS:
        warnings.append("outside_season")
    if not window.is_working_day(day):
        warnings.append("not_a_working_day")
    return DayParsed(DialogueDay(day, start, place, link), tuple(warnings))


def clock_time(text: str) -> time:
    parsed = time.fromisoformat(text)  # Input.Time sends "HH:MM"; seconds are dropped
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


def _parse(raw: object, name: str, reader, code: str, errors: list[FieldError]):
    if raw in (None, ""):
        errors.append(FieldError(name, "required"))
        return None
    if not isinstance(raw, str) or len(raw) > 40:
        errors.append(FieldError(name, code))
        return None
    try:
        return reader(raw.strip())
    except ValueError:
        errors.append(FieldError(name, code))
        return None


def _optional_text(raw: object, name: str, errors: list[FieldError], *, max_chars: int = PLACE_MAX_CHARS) -> str | None:
    if raw in (None, ""):
        return None
    try:
        return clean_text(raw, max_chars=max_chars, required=False, single_line=True) or None  # type: ignore[arg-type]
    except TextRejected as rejected:
        errors.append(FieldError(name, rejected.code, rejected.limit))
        return None


def _optional_link(raw: object, errors: list[FieldError]) -> str | None:
    text = _optional_text(raw, FIELD_LINK, errors, max_chars=LINK_MAX_CHARS)
    if text is None:
        return None
    try:
        parts = urlsplit(text)
        scheme, host = parts.scheme, parts.hostname
    except ValueError:  # e.g. "https://[" : an unbalanced IPv6 bracket
        scheme, host = "", None
    if scheme != "https" or not host or any(ch.isspace() for ch in text):
        errors.append(FieldError(FIELD_LINK, "not_a_link"))
        return None
    return text


class DayRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # not_planning_group | day_started


def check_may_set_day(sender: str, *, planning_group: Collection[str], current: DialogueDay | None, now: datetime) -> None:
    """The planning group sets the day and may move it until it has started."""
    if sender not in planning_group:
        raise DayRefused("not_planning_group")
    if current is not None and now >= current.starts_at:
        raise DayRefused("day_started")


# -- answers --------------------------------------------------------------------------------
class Answer(StrEnum):
    COMING = "coming"
    CANNOT_COME = "cannot_come"


class AnswerRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # not_invited | no_day | day_started | day_moved


def check_may_answer(*, invited: bool, day: DialogueDay | None, now: datetime, shown: ShownDay | None = None) -> None:
    """Those invited answer, and may change their answer, until the day starts; an answer made on
    a card that showed another date or start time is no answer to the day as it is now."""
    if not invited:
        raise AnswerRefused("not_invited")
    if day is None:
        raise AnswerRefused("no_day")
    if now >= day.starts_at:
        raise AnswerRefused("day_started")
    if shown is not None and ((shown.date is not None and shown.date != day.date)
                              or (shown.start is not None and shown.start != day.start)):
        raise AnswerRefused("day_moved")


@dataclass(frozen=True)
class AnswerCounts:
    invited: int
    coming: int
    cannot_come: int

    @property
    def not_answered(self) -> int:
        return self.invited - self.coming - self.cannot_come


def answer_counts(invited: Iterable[str], answers: Mapping[str, Answer]) -> AnswerCounts:
    """How many are coming, cannot come, or have not answered; only the invited count."""
    people = set(invited)
    given = [a for user, a in answers.items() if user in people]
    return AnswerCounts(len(people), given.count(Answer.COMING), given.count(Answer.CANNOT_COME))


# -- who was invited ------------------------------------------------------------------------
@dataclass(frozen=True)
class Invited:
    """One person invited to the day, with the fate of their invitation and their answer."""

    dialogue_id: str
    user_id: str
    name: str
    delivery: str = "pending"  # pending | sent | unreachable | failed (as for nomination cards)
    card_activity_id: str | None = None  # the invitation card, to update it in place
    answer: Answer | None = None
    answered_at: datetime | None = None


# -- the queue: the channel post, the invitations, the day's changes --------------------------
# Keys carry the dialogue id (the plans' ``round_id`` is the dialogue id too, as for the
# everyday-example reminders), so a second announcement plans nothing new.
THEMES_ANNOUNCED_KIND = "themes_announced"  # themes_announced:<dialogue>, to the channel
DAY_INVITATION_KIND = "day_invitation"  # day_invitation:<dialogue>:<user>
DAY_CHANGED_KIND = "day_changed"  # day_changed:<dialogue>:<user>:<n>
INVITATION_REFRESH_KIND = "invitation_refresh"  # invitation_refresh:<dialogue>:<user>:<n>, the card updated in place
# None of these is a nagging reminder: each is one message per person and event by its key, so
# none waits a day because another message reached the person that morning.
UNLIMITED_KINDS = frozenset({THEMES_ANNOUNCED_KIND, DAY_INVITATION_KIND, DAY_CHANGED_KIND, INVITATION_REFRESH_KIND})


def plan_announcement(*, dialogue_id: str, team_id: str, channel_id: str, people: Iterable[str], now: datetime) -> list[ReminderPlan]:
    """The channel post of the chosen themes and one invitation per person, all due now."""
    plans = [ReminderPlan(f"{THEMES_ANNOUNCED_KIND}:{dialogue_id}", THEMES_ANNOUNCED_KIND, team_id, dialogue_id, channel_id, 1, now)]
    plans += [ReminderPlan(f"{DAY_INVITATION_KIND}:{dialogue_id}:{user}", DAY_INVITATION_KIND, team_id, dialogue_id, user, 1, now)
              for user in dict.fromkeys(people)]
    return plans


def invitation_obsolete_reason(day: DialogueDay | None, *, announced: bool, invited: bool, now: datetime) -> str | None:
    """Why an invitation or a day-changed message must not go out now, or None.

    The card is built at send time from the day as it is then, so a day moved meanwhile is
    simply the day the card shows."""
    if not announced:
        return "not_announced"
    if day is None:
        return "day_missing"
    if not invited:
        return "not_invited"
    if now >= day.starts_at:
        return "day_started"
    return None
