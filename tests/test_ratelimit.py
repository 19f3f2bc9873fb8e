"""RateLimiter: slots that keep conversations and tenants within Teams' limits, in plain numbers."""
from __future__ import annotations

from bisect import bisect_left

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.scheduler.ratelimit import CONVERSATION_WINDOWS, TENANT_WINDOWS, RateLimiter, Window


def exact() -> RateLimiter:
    return RateLimiter(slack=0.0)


def slots_for(limiter: RateLimiter, count: int, *, tenant: str = "t", conversation: str | None = "c", now: float = 0.0) -> list[float]:
    return [limiter.reserve_at(tenant, conversation, now) for _ in range(count)]


def breaks(times: list[float], window: Window) -> bool:
    """Brute force: do `limit + 1` of these times fall within less than `window.seconds`?"""
    ordered = sorted(times)
    return any(ordered[i + window.limit] - ordered[i] < window.seconds - 1e-9 for i in range(len(ordered) - window.limit))


def test_seven_go_at_once_and_the_eighth_waits_a_second():
    limiter = exact()
    assert [limiter.reserve("t", "c", 0.0) for _ in range(7)] == [0.0] * 7
    assert limiter.reserve("t", "c", 0.0) == 1.0


def test_eight_per_two_seconds_holds_the_ninth_until_two():
    limiter = exact()
    assert slots_for(limiter, 9) == [0.0] * 7 + [1.0, 2.0]


def test_sixty_per_thirty_seconds_holds_the_sixty_first():
    limiter = exact()
    slots = slots_for(limiter, 61)
    assert slots[59] < 30.0
    assert slots[60] == 30.0  # the first slot leaves the 30 s window


def test_an_hour_allows_1800_per_conversation():
    limiter = exact()
    slots = slots_for(limiter, 1801)
    assert slots[1799] < 3600.0
    assert slots[1800] == 3600.0


def test_waiting_is_counted_from_now():
    limiter = exact()
    slots_for(limiter, 7, now=10.0)
    assert limiter.reserve("t", "c", 10.25) == pytest.approx(0.75)
    assert limiter.reserve("t", "other", 10.25) == 0.0


def test_tenant_allows_fifty_per_second_across_conversations():
    limiter = exact()
    waits = [limiter.reserve("t", f"c{i}", 0.0) for i in range(51)]
    assert waits[:50] == [0.0] * 50
    assert waits[50] == 1.0
    assert limiter.reserve("other-tenant", "c0", 0.0) == 0.0


def test_tenant_only_requests_count_against_the_tenant():
    limiter = exact()
    slots_for(limiter, 50, conversation=None)
    assert limiter.reserve("t", "c", 0.0) == 1.0


def test_slack_widens_every_window():
    limiter = RateLimiter(slack=0.1)
    slots_for(limiter, 7)
    assert limiter.reserve("t", "c", 0.0) == pytest.approx(1.1)


def test_a_busy_conversation_does_not_hold_back_others_in_the_tenant():
    limiter = exact()
    slots_for(limiter, 30, conversation="busy")  # slots reach far into the future
    assert limiter.reserve("t", "quiet", 0.0) == 0.0


def test_a_slot_can_go_between_future_slots_of_the_tenant():
    limiter = exact()
    limiter.penalise("t", "late", now=0.0, seconds=5.0)
    assert limiter.reserve("t", "late", 0.0) == 5.0
    assert limiter.reserve("t", "early", 0.0) == 0.0


def test_penalising_a_conversation_holds_it_back():
    limiter = exact()
    limiter.penalise("t", "c", now=3.0, seconds=2.0)
    assert limiter.reserve("t", "c", 3.5) == pytest.approx(1.5)
    assert limiter.reserve("t", "d", 3.5) == 0.0
    assert limiter.blocked_until("t", "c") == 5.0
    assert limiter.blocked_until("t", "d") is None


def test_penalising_a_tenant_holds_back_all_its_conversations():
    limiter = exact()
    limiter.penalise("t", now=0.0, seconds=4.0)
    assert limiter.reserve("t", "c", 1.0) == 3.0
    assert limiter.reserve("t", None, 1.0) == 3.0
    assert limiter.reserve("u", "c", 1.0) == 0.0


def test_a_shorter_penalty_does_not_shorten_a_longer_one():
    limiter = exact()
    limiter.penalise("t", "c", now=0.0, seconds=10.0)
    limiter.penalise("t", "c", now=1.0, seconds=1.0)
    assert limiter.blocked_until("t", "c") == 10.0


def test_cancelled_slots_are_given_back():
    limiter = exact()
    slots = slots_for(limiter, 7)
    limiter.cancel("t", "c", slots[-1])
    assert limiter.reserve("t", "c", 0.0) == 0.0


def test_earliest_does_not_record():
    limiter = exact()
    slots_for(limiter, 6)
    assert limiter.earliest("t", "c", 0.0) == 0.0
    assert limiter.earliest("t", "c", 0.0) == 0.0
    assert limiter.reserve("t", "c", 0.0) == 0.0
    assert limiter.earliest("t", "c", 0.0) == 1.0


def test_old_slots_are_forgotten():
    limiter = exact()
    for i in range(100):
        limiter.reserve("t", f"c{i}", float(i))
    limiter.forget_before(10_000.0)
    assert limiter.tracked == 0
    assert limiter.blocked_until("t", "c0") is None


events = st.lists(
    st.tuples(
        st.sampled_from(["t1", "t2"]),
        st.sampled_from(["a", "b", "c", None]),
        st.floats(min_value=0.0, max_value=0.7),  # time step before this reservation
        st.booleans(),  # penalise this conversation for two seconds first
    ),
    max_size=120,
)


@settings(max_examples=150, deadline=None)
@given(events)
def test_any_sequence_of_reservations_keeps_every_window(sequence):
    limiter = RateLimiter(slack=0.0)
    now = 0.0
    taken: dict[tuple, list[float]] = {}
    for tenant, conversation, step, penalise in sequence:
        now += step
        if penalise and conversation is not None:
            limiter.penalise(tenant, conversation, now=now, seconds=2.0)
        at = limiter.reserve_at(tenant, conversation, now)
        assert at >= now
        taken.setdefault(("tenant", tenant), []).append(at)
        if conversation is not None:
            taken.setdefault(("conversation", tenant, conversation), []).append(at)
            assert at >= limiter.blocked_until(tenant, conversation) - 1e-9 if penalise else True
            # Earliest: a moment sooner would have broken a window or the penalty.
            if at - now > 1e-6:
                sooner = at - 1e-6
                conv_times = taken[("conversation", tenant, conversation)][:-1] + [sooner]
                tenant_times = taken[("tenant", tenant)][:-1] + [sooner]
                blocked = (limiter.blocked_until(tenant, conversation) or 0.0) > sooner
                assert blocked or any(breaks(conv_times, w) for w in CONVERSATION_WINDOWS) or any(
                    breaks(tenant_times, w) for w in TENANT_WINDOWS
                )
    for key, times in taken.items():
        windows = TENANT_WINDOWS if key[0] == "tenant" else CONVERSATION_WINDOWS
        assert not any(breaks(times, window) for window in windows), key


def test_slots_of_a_long_backlog_are_spread_evenly():
    limiter = RateLimiter(slack=0.0)
    slots = slots_for(limiter, 200)
    # after the first bursts the 60-per-30-s window sets the pace: two a second
    assert slots[-1] == pytest.approx(slots[-61] + 30.0)
    assert bisect_left(slots, 30.0) == 60


def test_beside_a_shared_budget_only_conversations_are_limited_here():
    from bot.scheduler.ratelimit import conversation_rate_limiter

    limiter = conversation_rate_limiter()
    # The tenant's 50 a second are the shared budget's business (bot/scheduler/budget.py) ...
    assert [limiter.reserve("t1", f"c{i}", 0.0) for i in range(200)] == [0.0] * 200
    # ... a conversation's 7 a second stay here, with the budget's 100 ms of slack.
    waits = [limiter.reserve("t1", "busy", 0.0) for i in range(8)]
    assert waits[:7] == [0.0] * 7 and waits[7] == pytest.approx(1.1)


def fits(times: list[float], at: float, window: Window) -> bool:
    """Brute force, in the limiter's own arithmetic (no tolerance): does one more at `at` keep `window`?"""
    ordered = sorted([*times, at])
    return not any(ordered[i + window.limit] - ordered[i] < window.seconds for i in range(len(ordered) - window.limit))


def brute_earliest(held: dict[tuple, list[float]], keyed: list[tuple[tuple, tuple[Window, ...]]], now: float) -> float:
    """The earliest time a slot fits, found the slow way: a fit can only begin at `now` or at a
    held slot plus a window's length, so try those in order."""
    candidates = sorted({now, *(t + w.seconds for key, windows in keyed for t in held.get(key, []) for w in windows)})
    return next(c for c in candidates if c >= now and all(fits(held.get(key, []), c, w) for key, windows in keyed for w in windows))


churn = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d", None]),
        st.sampled_from([0, 0, 0, 0, 1, 3, 16, 80]).map(lambda k: k / 64),  # time step: mostly a burst; binary fractions add up exactly
        st.one_of(st.none(), st.integers(min_value=0, max_value=400)),  # give back the n-th held slot first
    ),
    max_size=160,
)


@settings(max_examples=150, deadline=None)
@given(churn)
def test_slots_given_back_are_found_again_and_every_slot_is_the_earliest(sequence):
    # Teams' shape (a tenant spacing), with slots given back: what the limiter remembers of where
    # there was no room must never hide room that a given-back slot opened.
    limiter = RateLimiter(slack=0.0, tenant_spacing=1 / 32)
    tenant_windows = (*TENANT_WINDOWS, Window(1, 1 / 32))
    held: dict[tuple, list[float]] = {}
    reserved: list[tuple[str | None, float]] = []
    now = 0.0
    for conversation, step, give_back in sequence:
        now += step
        if give_back is not None and reserved:
            gone_conversation, gone = reserved.pop(give_back % len(reserved))
            limiter.cancel("t", gone_conversation, gone)
            held[("tenant",)].remove(gone)
            if gone_conversation is not None:
                held[("conversation", gone_conversation)].remove(gone)
        keyed = [(("tenant",), tenant_windows)] + ([(("conversation", conversation), CONVERSATION_WINDOWS)] if conversation else [])
        expected = brute_earliest(held, keyed, now)
        assert limiter.earliest("t", conversation, now) == pytest.approx(expected, abs=1e-9)
        at = limiter.reserve_at("t", conversation, now)
        assert at == pytest.approx(expected, abs=1e-9)
        reserved.append((conversation, at))
        for key, _ in keyed:
            held.setdefault(key, []).append(at)


def test_a_slot_given_back_in_a_backlog_is_the_next_one_handed_out():
    limiter = RateLimiter(slack=0.0, tenant_spacing=1 / 32)
    slots = [limiter.reserve_at("t", f"c{i}", 0.0) for i in range(100)]
    limiter.cancel("t", "c40", slots[40])
    assert limiter.reserve_at("t", "new", 0.0) == slots[40]
    assert limiter.reserve_at("t", "newer", 0.0) == slots[-1] + 1 / 32


def test_a_thousand_replies_at_once_are_placed_without_walking_the_backlog():
    import time

    limiter = RateLimiter(tenant_spacing=1.1 / 50)
    started = time.process_time()
    slots = [limiter.reserve_at("t", f"c{i}", 0.0) for i in range(1000)]
    # Walking the backlog slot by slot took 14.6 s of CPU here; remembering where there is no room, 0.01 s.
    assert time.process_time() - started < 1.0
    assert slots == sorted(slots) and slots[-1] == pytest.approx(999 * 1.1 / 50)
