"""The real bot on a free port for the Playground tests, its clock on a Tuesday at 10:00 in
Copenhagen: invitations and reminders go out in working hours only, and a test must not depend
on when it runs."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from aiohttp import web

from bot.app import SERVICES, Overrides, create_app
from bot.process.clock import FixedClock
from bot.settings import Settings

from .playground import require_playground


@pytest.fixture
async def bot_endpoint(tmp_path):
    require_playground()
    settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", _env_file=None)
    app = create_app(settings, Overrides(clock=FixedClock(datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)), start_scheduler=False))
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield app, f"http://{host}:{port}/api/messages"
    finally:
        await app[SERVICES].drain()
        await runner.cleanup()
