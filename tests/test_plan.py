"""The cycle a round belongs to (bot/process/plan.py: cycle_of), and when a round is open."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.process.clock import COPENHAGEN
from bot.process.nomination import Round
from bot.process.plan import cycle_of


@pytest.mark.parametrize("local, cycle", [
    (datetime(2026, 1, 2, 9, 0), 2026),
    (datetime(2026, 8, 15, 9, 0), 2026),  # dialogues run August-October
    (datetime(2026, 11, 30, 23, 59), 2026),
    (datetime(2026, 12, 1, 0, 0), 2026),  # on 1 December: that year's send-on still ahead
    (datetime(2026, 12, 1, 23, 59), 2026),
    (datetime(2026, 12, 2, 0, 0), 2027),  # after it: the next year's cycle
    (datetime(2026, 12, 31, 23, 59), 2027),
    (datetime(2028, 2, 29, 12, 0), 2028),  # a leap day
])
def test_a_cycle_is_the_year_of_the_next_1_december_in_copenhagen(local: datetime, cycle: int):
    assert cycle_of(local.replace(tzinfo=COPENHAGEN)) == cycle
    assert cycle_of(local.replace(tzinfo=COPENHAGEN).astimezone(timezone.utc)) == cycle


def test_the_boundary_is_local_midnight_not_utc():
    # 1 December 23:30 UTC is already 2 December in Copenhagen (CET, UTC+1).
    assert cycle_of(datetime(2026, 12, 1, 22, 59, tzinfo=timezone.utc)) == 2026
    assert cycle_of(datetime(2026, 12, 1, 23, 0, tzinfo=timezone.utc)) == 2027


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError):
        cycle_of(datetime(2026, 9, 1, 8, 0))


def test_a_round_is_open_until_its_deadline_or_until_closed():
    opened = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
    round_ = Round("r1", "t", "u", opened, opened + timedelta(days=14), "Kim", False)
    assert round_.is_open(opened) and round_.is_open(round_.deadline_at - timedelta(seconds=1))
    assert not round_.is_open(round_.deadline_at)
    closed = Round("r1", "t", "u", opened, opened + timedelta(days=14), "Kim", False, closed_at=opened + timedelta(days=1))
    assert not closed.is_open(opened + timedelta(days=2))
    assert round_.dialogue_id is None  # rounds made before the dialogue record existed
