"""The status figures (bot/process/status.py): days left in local dates and working days, answers
of the invited (and on paper), how the form reached people, the step and what comes next.
The card is tested in tests/test_cards.py, the whole path in tests/test_journey.py."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from bot.process.calendar import WorkingWindow
from bot.process.clock import COPENHAGEN
from bot.process.dialogue import StepId
from bot.process.nomination import Invitee, NominationInput, Round, ThemeChoice
from bot.process.concept import Kind
from bot.process.status import (
    Answers,
    Deliveries,
    TimeLeft,
    count_answers,
    count_deliveries,
    last_day,
    round_status,
    time_left,
)
from bot.process.tally import NominationRecord

WINDOW = WorkingWindow()


def local(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=COPENHAGEN)


def deadline_after(day: date) -> datetime:
    """Answers count through ``day``: the round closes at the following local midnight."""
    return local(day + timedelta(days=1), 0)


@pytest.mark.parametrize(("now", "deadline", "expected"), [
    # An ordinary week: Tuesday to the next Tuesday, today included.
    (local(date(2026, 9, 8)), date(2026, 9, 15), TimeLeft(8, 6)),
    # The 31st: Monday 31 August to Tuesday 1 September, across the month's end.
    (local(date(2026, 8, 31)), date(2026, 9, 1), TimeLeft(2, 2)),
    # A deadline on the 31st between Christmas and New Year: 24-27 and 31 December are days off.
    (local(date(2026, 12, 21)), date(2026, 12, 31), TimeLeft(11, 6)),
    # Across a weekend: Friday to Monday is 4 days, 2 of them working days.
    (local(date(2026, 9, 11), 16), date(2026, 9, 14), TimeLeft(4, 2)),
    # Asked on the Saturday: the weekend is not counted, Monday is.
    (local(date(2026, 9, 12)), date(2026, 9, 14), TimeLeft(3, 1)),
    # Easter 2027: Skærtorsdag 25, Langfredag 26, Påskedag 28 and 2. påskedag 29 March are off;
    # summer time begins on the 28th, which changes nothing in dates.
    (local(date(2027, 3, 22)), date(2027, 3, 30), TimeLeft(9, 4)),
    # The last day itself, late in the evening: still one day, today.
    (local(date(2026, 9, 15), 23, 59), date(2026, 9, 15), TimeLeft(1, 1)),
    # A deadline on a Saturday, asked that Saturday: one day left, no working day.
    (local(date(2026, 9, 19)), date(2026, 9, 19), TimeLeft(1, 0)),
])
def test_time_left_counts_local_dates_and_working_days(now: datetime, deadline: date, expected: TimeLeft) -> None:
    assert time_left(deadline_after(deadline), WINDOW, now) == expected


def test_time_left_counts_local_dates_across_the_change_of_clocks() -> None:
    # 00:30 on Sunday 25 October 2026, summer time, is still Saturday 24 October in UTC: the
    # status counts from Sunday, as a person in Copenhagen would.
    now = datetime(2026, 10, 24, 22, 30, tzinfo=timezone.utc)
    assert now.astimezone(COPENHAGEN).date() == date(2026, 10, 25)
    left = time_left(deadline_after(date(2026, 10, 27)), WINDOW, now)
    assert left == TimeLeft(3, 2)  # Sunday, Monday, Tuesday
    # The clocks go back that night: a deadline at midnight CET still ends on the 27th.
    assert last_day(deadline_after(date(2026, 10, 27)), COPENHAGEN) == date(2026, 10, 27)
    # And in spring, after the clocks went forward on 28 March 2027.
    assert time_left(deadline_after(date(2027, 3, 29)), WINDOW, datetime(2027, 3, 27, 23, 30, tzinfo=timezone.utc)) == TimeLeft(2, 0)


def test_no_time_left_at_and_after_the_deadline() -> None:
    deadline_at = deadline_after(date(2026, 9, 15))
    assert time_left(deadline_at, WINDOW, deadline_at) == TimeLeft(0, 0)
    assert time_left(deadline_at, WINDOW, deadline_at + timedelta(days=3)).has_ended
    assert time_left(deadline_at, WINDOW, deadline_at - timedelta(seconds=1)).is_last_day


def test_time_left_needs_aware_times() -> None:
    with pytest.raises(ValueError):
        time_left(datetime(2026, 9, 15), WINDOW, local(date(2026, 9, 1)))


def nomination(theme: str = "social-support-trust") -> NominationInput:
    return NominationInput(ThemeChoice(Kind.WELLBEING, theme, None, "a", "b"),
                           ThemeChoice(Kind.LEADERSHIP, "shared-direction-goals", None, "c", "d"))


def record(user: str, *, paper: bool = False) -> NominationRecord:
    return NominationRecord(user, user, nomination(), local(date(2026, 9, 2)), entered_by="u-contact" if paper else None)


def test_answers_count_only_the_invited_and_say_how_many_came_on_paper() -> None:
    records = [record("a"), record("b", paper=True), record("c", paper=True), record("left-out")]
    assert count_answers(records, ["a", "b", "c", "d", "e"]) == Answers(3, 2, 5)
    assert count_answers([], []) == Answers(0, 0, 0)


def test_deliveries_are_delivered_waiting_or_undelivered() -> None:
    states = ["sent", "sent", "pending", "unreachable", "failed", "claimed"]
    invitees = [Invitee("r1", f"u{i}", delivery=s) for i, s in enumerate(states)]
    assert count_deliveries(invitees) == Deliveries(delivered=2, waiting=2, undelivered=2)


def a_round(**changes: object) -> Round:
    values: dict[str, object] = dict(
        id="r1", team_id="t1", opened_by="u1", opened_at=local(date(2026, 9, 1)),
        deadline_at=deadline_after(date(2026, 9, 15)), contact_name="Lea Leder", named_mode=False,
    )
    return Round(**{**values, **changes})  # type: ignore[arg-type]


def test_status_of_an_open_round() -> None:
    invitees = [Invitee("r1", "a", delivery="sent"), Invitee("r1", "b", delivery="unreachable"), Invitee("r1", "c")]
    status = round_status(
        a_round(), window=WINDOW, now=local(date(2026, 9, 8)), records=[record("a"), record("b", paper=True)],
        invitees=invitees, reminders_sent=2, next_reminder_at=datetime(2026, 9, 14, 7, 0, tzinfo=timezone.utc),
        unreachable=[("Bo", "blocked")],
    )
    assert status.step.id is StepId.NOMINATION and status.next_step.id is StepId.TALLY
    assert status.deadline == date(2026, 9, 15) and status.time_left == TimeLeft(8, 6)
    assert status.answers == Answers(2, 1, 3) and status.deliveries == Deliveries(1, 1, 1)
    assert status.next_reminder == date(2026, 9, 14) and status.closed_early_on is None
    assert status.contact_name == "Lea Leder" and status.unreachable == (("Bo", "blocked"),)


def test_a_reminder_due_just_after_midnight_utc_is_dated_in_copenhagen() -> None:
    status = round_status(a_round(), window=WINDOW, now=local(date(2026, 9, 8)), records=[], invitees=[], reminders_sent=0,
                          next_reminder_at=datetime(2026, 9, 13, 22, 30, tzinfo=timezone.utc))
    assert status.next_reminder == date(2026, 9, 14)


def test_after_the_deadline_the_tally_is_next_and_no_reminder_is_coming() -> None:
    status = round_status(a_round(), window=WINDOW, now=local(date(2026, 9, 16)), records=[], invitees=[], reminders_sent=3,
                          next_reminder_at=datetime(2026, 9, 14, 7, 0, tzinfo=timezone.utc))
    assert status.step.id is StepId.TALLY and status.next_step.id is StepId.SELECTION
    assert status.time_left.has_ended and status.next_reminder is None and status.closed_early_on is None


def test_a_round_closed_early_says_when() -> None:
    closed = a_round(closed_at=datetime(2026, 9, 10, 12, 0, tzinfo=timezone.utc))
    status = round_status(closed, window=WINDOW, now=local(date(2026, 9, 11)), records=[], invitees=[], reminders_sent=1,
                          next_reminder_at=datetime(2026, 9, 14, 7, 0, tzinfo=timezone.utc))
    assert status.closed_early_on == date(2026, 9, 10) and status.time_left.has_ended and status.next_reminder is None
    # Closed at the deadline itself (the next round opened) is not "early".
    on_time = a_round(closed_at=deadline_after(date(2026, 9, 15)))
    assert round_status(on_time, window=WINDOW, now=local(date(2026, 9, 20)), records=[], invitees=[], reminders_sent=0,
                        next_reminder_at=None).closed_early_on is None
