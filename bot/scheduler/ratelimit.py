"""Teams rate limits as pure bookkeeping: when may the next request to a conversation go?

Teams limits a bot per conversation (7 per second, 8 per 2 s, 60 per 30 s, 1,800 per hour)
and per tenant (50 per second). Every window slides: no `limit + 1` requests may fall within
any span shorter than the window. The limiter hands out send slots, possibly in the future,
so that many concurrent senders can each be told how long to wait; nothing here sleeps or reads
a clock, `now` is always passed in (any monotonic seconds, e.g. `loop.time()`).
"""
from __future__ import annotations

from bisect import bisect_right, insort
from dataclasses import dataclass
from typing import Hashable

__all__ = ["Window", "RateLimiter", "teams_rate_limiter", "conversation_rate_limiter", "CONVERSATION_WINDOWS", "TENANT_WINDOWS", "TENANT_SPACING"]


@dataclass(frozen=True)
class Window:
    """At most `limit` requests within any `seconds`-long stretch."""

    limit: int
    seconds: float


CONVERSATION_WINDOWS: tuple[Window, ...] = (
    Window(7, 1.0),
    Window(8, 2.0),
    Window(60, 30.0),
    Window(1800, 3600.0),
)
TENANT_WINDOWS: tuple[Window, ...] = (Window(50, 1.0),)
# What the bot uses (teams_rate_limiter): tenant requests spread at least this far apart instead
# of leaving in bursts. A burst of simultaneous requests reaches Teams over tens of milliseconds,
# in any order, which eats the slack; spread out, each goes alone (measured in benchmarks/: p99
# jitter from slot to arrival 33 ms → 1 ms). 45.5 a second rather than the 48.8 the windows
# allow: on a loaded machine arrivals still bunch (a bot restarted within the second after its
# predecessor died went over in tests/test_invitations.py at 48.8), and the shared budget of
# several instances keeps the same margin.
TENANT_SPACING = 1.1 / 50  # 45.5 a second: the same margin as the shared budget (bot/scheduler/budget.py)

# Forgetting old slots is amortised over this many reservations.
_SWEEP_EVERY = 1024


class RateLimiter:
    """Hands out request slots that keep every conversation and tenant within Teams' limits.

    `slack` lengthens every window a little: a request reaches Teams somewhat after its slot
    (timer lateness, connection set-up, network jitter), and two requests that were a full
    window apart here must not arrive less than a window apart there. `tenant_spacing` is the
    least time between two slots of one tenant (not lengthened by `slack`; 0 allows bursts).
    """

    def __init__(
        self,
        *,
        conversation_windows: tuple[Window, ...] = CONVERSATION_WINDOWS,
        tenant_windows: tuple[Window, ...] = TENANT_WINDOWS,
        slack: float = 0.05,
        tenant_spacing: float = 0.0,
    ) -> None:
        if slack < 0 or tenant_spacing < 0:
            raise ValueError("slack and tenant_spacing must not be negative")
        self._conversation_windows = tuple(Window(w.limit, w.seconds + slack) for w in conversation_windows)
        spacing = (Window(1, tenant_spacing),) if tenant_spacing > 0 else ()
        self._tenant_windows = tuple(Window(w.limit, w.seconds + slack) for w in tenant_windows) + spacing
        self._slots: dict[Hashable, list[float]] = {}
        self._penalties: dict[Hashable, float] = {}
        # Per key, a stretch [lo, hi) where its windows were shown to leave no room. Adding slots
        # keeps that true, so the next search jumps it instead of walking a long backlog slot by
        # slot again (measured: 1,000 replies at once cost 14.6 ms each to place, walking).
        # Giving a slot back (cancel, forget) may open room: the key's stretch is dropped.
        self._full: dict[Hashable, tuple[float, float]] = {}
        self._reservations = 0

    def reserve(self, tenant_id: str, conversation_id: str | None, now: float) -> float:
        """Record a slot for one request and return how long to wait for it (0 means now).

        Pass `conversation_id=None` for requests that count only against the tenant
        (creating a conversation, reading a roster).
        """
        return self.reserve_at(tenant_id, conversation_id, now) - now

    def reserve_at(self, tenant_id: str, conversation_id: str | None, now: float) -> float:
        """Record a slot for one request and return its absolute time (>= now)."""
        at = self.earliest(tenant_id, conversation_id, now)
        for key, _ in self._keyed_windows(tenant_id, conversation_id):
            insort(self._slots.setdefault(key, []), at)
        self._reservations += 1
        if self._reservations % _SWEEP_EVERY == 0:
            self.forget_before(now)
        return at

    def earliest(self, tenant_id: str, conversation_id: str | None, now: float) -> float:
        """The earliest time >= now at which a request would fit, without recording it."""
        keyed = self._keyed_windows(tenant_id, conversation_id)
        at = max([now, *(self._penalties.get(key, now) for key, _ in keyed)])
        # Each step only moves `at` to a time every earlier candidate was shown to violate,
        # so the first candidate that passes every window is the earliest one.
        moved = True
        while moved:
            moved = False
            for key, windows in keyed:
                slots = self._slots.get(key)
                if not slots:
                    continue
                full = self._full.get(key)
                if full is not None and full[0] <= at < full[1]:
                    at, moved = full[1], True
                for window in windows:
                    # One window at a time to its first fit: a walk along a backlog's tenant spacing
                    # then costs a step a slot, not a step a slot times every window's check.
                    while (later := _first_fit(slots, window, at)) > at:
                        full = (full[0], later) if full is not None and full[0] <= at <= full[1] else (at, later)
                        self._full[key] = full
                        at, moved = later, True
        return at

    def cancel(self, tenant_id: str, conversation_id: str | None, at: float) -> None:
        """Give back a slot from `reserve_at` that will not be used."""
        for key, _ in self._keyed_windows(tenant_id, conversation_id):
            slots = self._slots.get(key)
            if not slots:
                continue
            index = bisect_right(slots, at) - 1
            if index >= 0 and slots[index] == at:
                del slots[index]
                self._full.pop(key, None)

    def penalise(self, tenant_id: str, conversation_id: str | None = None, *, now: float, seconds: float) -> None:
        """Hold back a conversation (or, with `conversation_id=None`, the whole tenant).

        Used after a 429: no new slot is handed out before `now + seconds`.
        """
        key = _tenant_key(tenant_id) if conversation_id is None else _conversation_key(tenant_id, conversation_id)
        self._penalties[key] = max(self._penalties.get(key, now), now + max(0.0, seconds))

    def blocked_until(self, tenant_id: str, conversation_id: str | None = None) -> float | None:
        """When the latest penalty on this conversation or its tenant ends, if any was given."""
        keys = [_tenant_key(tenant_id)]
        if conversation_id is not None:
            keys.append(_conversation_key(tenant_id, conversation_id))
        ends = [self._penalties[key] for key in keys if key in self._penalties]
        return max(ends) if ends else None

    def forget_before(self, now: float) -> None:
        """Drop slots and penalties that can no longer affect a request at or after `now`."""
        horizon = max(w.seconds for w in (*self._conversation_windows, *self._tenant_windows))
        self._full.clear()
        for key in list(self._slots):
            slots = self._slots[key]
            del slots[: bisect_right(slots, now - horizon)]
            if not slots:
                del self._slots[key]
        for key in [key for key, until in self._penalties.items() if until <= now]:
            del self._penalties[key]

    @property
    def tracked(self) -> int:
        """How many tenants and conversations currently hold slots (for memory checks)."""
        return len(self._slots)

    def _keyed_windows(self, tenant_id: str, conversation_id: str | None) -> list[tuple[Hashable, tuple[Window, ...]]]:
        keyed: list[tuple[Hashable, tuple[Window, ...]]] = [(_tenant_key(tenant_id), self._tenant_windows)]
        if conversation_id is not None:
            keyed.append((_conversation_key(tenant_id, conversation_id), self._conversation_windows))
        return keyed


def teams_rate_limiter() -> RateLimiter:
    """The limiter the bot sends with: Teams' windows, the default slack, tenant requests spread out."""
    return RateLimiter(tenant_spacing=TENANT_SPACING)


def conversation_rate_limiter() -> RateLimiter:
    """The limiter beside a shared tenant budget (bot/scheduler/budget.py): the tenant's 50 per
    second are kept by the budget every instance shares, so here only the conversation windows
    and 429 penalties, which one instance sees alone. The slack matches the shared budget's
    (100 ms), since a sender beside it may leave up to 50 ms after its slot."""
    return RateLimiter(tenant_windows=(), slack=0.1)


def _tenant_key(tenant_id: str) -> Hashable:
    return ("tenant", tenant_id)


def _conversation_key(tenant_id: str, conversation_id: str) -> Hashable:
    return ("conversation", tenant_id, conversation_id)


def _first_fit(slots: list[float], window: Window, at: float) -> float:
    """`at` if one more slot fits there under `window`, else a later time that must be tried.

    A new slot at `at` breaks the window when it and `limit` existing slots (consecutive in
    time order) span less than `window.seconds`. Only the groups around `at` can do that.
    """
    limit, seconds = window.limit, window.seconds
    if len(slots) < limit:
        return at
    k = bisect_right(slots, at)  # where `at` would go; equal slots stay before it
    for j in range(max(0, k - limit), min(k, len(slots) - limit) + 1):
        first, last = slots[j], slots[j + limit - 1]
        span = max(last, at) - min(first, at)
        if span < seconds:
            # Group starts before `at`: nothing earlier than first + seconds can fit.
            # Group starts after `at`: moving up to its first slot is the least that can help.
            later = first + seconds if j < k else first
            if later > at:  # not so only when `at` already is first + seconds, but for rounding
                return later
    return at
