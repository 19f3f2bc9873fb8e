"""The shared tenant budget: disjoint, spaced slots for every instance, on both backends."""
from __future__ import annotations

import asyncio

import pytest

from bot.scheduler.budget import MAX_ROUND_TRIP, OFFSET_HORIZON, SHARED_SPACING, SharedTenantBudget
from bot.scheduler.coalesce import Coalescer
from bot.storage.tenant_budget import TenantBudgets


async def test_reservations_from_two_instances_never_share_a_slot(engine, tmp_path):
    from conftest import POSTGRES_URL
    from bot.storage.engine import create_engine

    # A second engine stands for a second instance (a second SQLite connection or PG pool).
    if engine.dialect.name == "postgresql":
        async with engine.connect() as conn:
            schema = (await conn.exec_driver_sql("SELECT current_schema()")).scalar_one()
        other = create_engine(POSTGRES_URL, search_path=schema)
    else:
        other = create_engine(str(engine.url))
    now = None if engine.dialect.name == "postgresql" else 1000.0
    try:
        budgets = [TenantBudgets(engine), TenantBudgets(other)]
        results = await asyncio.gather(*(budgets[i % 2].reserve("t1", spacing=0.02, now=now) for i in range(40)))
    finally:
        await other.dispose()
    starts = sorted(start for start, _ in results)
    # Epoch seconds in a double are exact to about a microsecond.
    assert all(b - a >= 0.02 - 1e-6 for a, b in zip(starts, starts[1:]))  # 51 of them span 1 s at least
    # PostgreSQL reads its clock once for the slot and once more for the answer: microseconds
    # apart on a quiet machine, milliseconds when the backend is descheduled between the two (a CI
    # run with other work on two cores measured over 1 ms). A slot that far in the past only
    # means "send now"; the round-trip rule (MAX_ROUND_TRIP) bounds what the caller accepts.
    assert all(start >= measured - MAX_ROUND_TRIP for start, measured in results)


async def test_a_run_of_slots_and_a_hold_back(engine):
    budgets = TenantBudgets(engine)
    now = None if engine.dialect.name == "postgresql" else 50.0
    first, measured = await budgets.reserve("t1", count=5, spacing=0.1, now=now)
    second, _ = await budgets.reserve("t1", spacing=0.1, now=now)
    assert second == pytest.approx(first + 0.5)
    await budgets.hold_back("t1", 30, now=now if now is not None else None)
    third, measured = await budgets.reserve("t1", spacing=0.1, now=now)
    assert third - measured >= 30 - 0.01  # Teams said wait: every instance waits
    assert (await budgets.reserve("t2", spacing=0.1, now=now))[0] < third  # another tenant does not


class CountingBudgets:
    """TenantBudgets on a virtual clock that counts round trips and can be made to fail."""

    dialect = "sqlite"

    def __init__(self) -> None:
        self.next_at, self.calls, self.failures = 0.0, 0, 0

    async def reserve(self, tenant_id, *, count=1, spacing, delay=0.0, now=None):
        self.calls += 1
        await asyncio.sleep(0)
        if self.failures:
            self.failures -= 1
            raise ConnectionRefusedError("database away")
        start = max(self.next_at, now + delay)
        self.next_at = start + count * spacing
        return start, now


async def test_senders_waiting_together_share_one_round_trip():
    budgets, t = CountingBudgets(), [0.0]
    budget = SharedTenantBudget(budgets, clock=lambda: t[0], budget_clock=lambda: t[0])
    slots = await asyncio.gather(*(budget.slot("t1", not_before=0.0) for _ in range(32)))
    assert sorted(slots) == pytest.approx([i * SHARED_SPACING for i in range(32)])
    assert budgets.calls <= 3


async def test_a_budget_that_cannot_be_reached_makes_senders_wait_not_guess(caplog):
    budgets, slept = CountingBudgets(), []
    budgets.failures = 3

    async def sleep(seconds):
        slept.append(seconds)

    budget = SharedTenantBudget(budgets, clock=lambda: 0.0, budget_clock=lambda: 0.0, sleep=sleep)
    assert await budget.slot("t1", not_before=0.0) == 0.0
    assert slept == [1.0, 1.0, 1.0]
    assert "cannot be reached" in caplog.text


async def test_a_slow_answer_costs_its_run_rather_than_sending_late():
    """The database's slot can only be placed on our clock within the round trip: a long one is dropped."""
    budgets, t = CountingBudgets(), [0.0]
    slow = [0.2, 0.001]  # the first answer takes 200 ms (a starved machine), the second 1 ms

    async def reserve(tenant_id, *, count=1, spacing, delay=0.0, now=None):
        budgets.calls += 1
        at_db = t[0]
        t[0] += slow.pop(0)
        start = max(budgets.next_at, at_db + delay)
        budgets.next_at = start + count * spacing
        return start, at_db

    budgets.reserve, budgets.dialect = reserve, "postgresql"
    budget = SharedTenantBudget(budgets, clock=lambda: t[0])  # the database's own clock, as on PostgreSQL
    at = await budget.slot("t1", not_before=0.0)
    assert budgets.calls == 2 and budget.dropped_runs == 1
    # The second run starts after the dropped one's slot: the dropped slot is a gap, never reused.
    assert at == pytest.approx(0.201) and at >= SHARED_SPACING


async def test_a_slow_answer_is_placed_by_a_quick_one_of_the_last_seconds():
    """A quick answer places the database's clock on ours; a slow one soon after uses that placing
    (its run is kept, and not late), while one after OFFSET_HORIZON with no quick answer is dropped."""
    budgets, t = CountingBudgets(), [100.0]
    db_ahead = 7.5  # the database's clock runs 7.5 s ahead of ours
    answers = [0.002, 0.3, 0.2, 0.001]  # quick, slow (kept), slow after the horizon (dropped), quick

    async def reserve(tenant_id, *, count=1, spacing, delay=0.0, now=None):
        budgets.calls += 1
        took = answers.pop(0)
        t[0] += took / 2  # the row is locked halfway through the round trip
        at_db = t[0] + db_ahead
        t[0] += took / 2
        start = max(budgets.next_at, at_db + delay)
        budgets.next_at = start + count * spacing
        return start, at_db

    budgets.reserve, budgets.dialect = reserve, "postgresql"
    budget = SharedTenantBudget(budgets, clock=lambda: t[0])
    first = await budget.slot("t1", not_before=t[0])
    assert first == pytest.approx(100.002, abs=1e-9)  # never early: placed at the answer
    t[0] += 1.0
    asked = t[0]
    second = await budget.slot("t1", not_before=asked)
    assert budget.dropped_runs == 0
    # The slot was at the moment the row was locked (asked + 0.15); placed by the quick answer it
    # is at most that answer's round trip late, not the slow one's 300 ms.
    assert asked + 0.15 <= second <= asked + 0.15 + 0.002 + 1e-9
    t[0] += OFFSET_HORIZON + 1
    third = await budget.slot("t1", not_before=t[0])
    assert budget.dropped_runs == 1 and budgets.calls == 4  # the slow one alone was dropped
    assert third == pytest.approx(t[0], abs=1e-9)


async def test_a_reservation_queued_behind_another_measures_from_after_its_wait(engine):
    """PostgreSQL: a statement that waited for the row lock must not report a stale 'now'."""
    if engine.dialect.name != "postgresql":
        pytest.skip("the row lock queue is PostgreSQL's")
    from conftest import POSTGRES_URL
    from bot.storage.engine import create_engine

    async with engine.connect() as conn:
        schema = (await conn.exec_driver_sql("SELECT current_schema()")).scalar_one()
    budgets = TenantBudgets(engine)
    await budgets.reserve("t1", spacing=0.01)
    other = create_engine(POSTGRES_URL, search_path=schema)
    try:
        async with other.begin() as conn:  # another instance holds the row for 300 ms
            await conn.exec_driver_sql("SELECT next_at FROM tenant_budget WHERE tenant_id = 't1' FOR UPDATE")
            waiting = asyncio.create_task(budgets.reserve("t1", spacing=0.01))
            await asyncio.sleep(0.3)
            held_until = (await conn.exec_driver_sql("SELECT extract(epoch FROM clock_timestamp())")).scalar_one()
        start, measured = await waiting
    finally:
        await other.dispose()
    assert measured >= float(held_until) - 0.001
    assert start - measured < 0.05  # its slot is now, not 300 ms "in the future" of a stale clock


async def test_coalescer_hands_each_caller_its_own_result_and_errors_to_all_in_the_run():
    runs: list[list[int]] = []

    async def double(items):
        runs.append(items)
        await asyncio.sleep(0)
        if 13 in items:
            raise ValueError("unlucky")
        return [i * 2 for i in items]

    group = Coalescer(double)
    assert await asyncio.gather(*(group(i) for i in range(10))) == [i * 2 for i in range(10)]
    assert len(runs) <= 2
    outcomes = await asyncio.gather(group(13), return_exceptions=True)
    assert isinstance(outcomes[0], ValueError)



async def test_the_budget_answers_while_every_connection_of_the_turns_pool_is_taken(engine):
    """A reply's slot must not queue behind the turns' storage work (bot/app.py MAX_WAITING_REPLIES):
    on PostgreSQL the budget has a pool of its own, in the same schema."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer: the budget shares its engine")
    from conftest import POSTGRES_URL
    from bot.storage import Storage
    from bot.storage.engine import create_engine

    async with engine.connect() as conn:
        schema = (await conn.exec_driver_sql("SELECT current_schema()")).scalar_one()
    main = create_engine(POSTGRES_URL, search_path=schema, pool_size=1)  # one connection and one overflow
    store = Storage(main)
    held = [await main.connect() for _ in range(2)]  # the turns hold every connection
    try:
        assert store.budget_engine is not main
        start, measured = await asyncio.wait_for(store.tenant_budgets.reserve("t1", spacing=0.02), 5)
        assert measured - 1 <= start <= measured + 1
        with pytest.raises(asyncio.TimeoutError):  # the turns' pool really is exhausted
            await asyncio.wait_for(main.connect(), 0.5)
    finally:
        for conn in held:
            await conn.close()
        await store.dispose()
