"""A settable clock for the running app, for end-to-end tests and benchmarks only.

Tests that span weeks (a round's deadline, reminders, follow-ups) move the clock instead of
waiting. In-process tests inject a ``FixedClock``; a bot running as its own process (the
Agents Playground journeys, the benchmark suite) starts at ``TEST_CLOCK_START`` and is moved
with ``POST /test/clock`` {"now": "2026-09-15T08:00:00+00:00"}, which then sweeps the queue so
whatever fell due goes out. Both exist only with LOCAL_DEVELOPMENT=true (the settings refuse
``TEST_CLOCK_START`` otherwise, and the route is added only with it).
"""
from __future__ import annotations

from datetime import datetime

from aiohttp import web

from .process.clock import OffsetClock
from .settings import Settings


def test_clock(settings: Settings) -> OffsetClock | None:
    """The app's clock when TEST_CLOCK_START is set; None otherwise."""
    if not settings.test_clock_start:
        return None
    clock = OffsetClock()
    clock.set(_moment(settings.test_clock_start))
    return clock


def add_route(app: web.Application, clock: OffsetClock) -> None:
    async def move(request: web.Request) -> web.Response:
        try:
            body = await request.json()
            clock.set(_moment(str(body["now"])))
        except (ValueError, KeyError, TypeError):
            return web.json_response({"error": "expected {\"now\": an ISO moment with its offset}"}, status=400)
        runner = request.app.get("runner")
        if runner is not None:
            await runner.sweep_now()
        return web.json_response({"now": clock.now().isoformat()})

    app.router.add_post("/test/clock", move)


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("the moment needs its offset")
    return moment
