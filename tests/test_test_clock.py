"""The running app's settable clock exists for tests only, and moves the app's time."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import SERVICES, Overrides, create_app
from bot.settings import Settings, SettingsError, load_settings


def settings(tmp_path, **values) -> Settings:
    return Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", _env_file=None, **values)


def test_production_refuses_a_test_clock(tmp_path) -> None:
    with pytest.raises(SettingsError, match="TEST_CLOCK_START"):
        load_settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", _env_file=None, microsoft_app_id="a",
                      microsoft_app_password="p", microsoft_app_tenant_id="t", test_clock_start="2026-09-01T08:00:00Z")


async def test_the_app_starts_at_the_test_moment_and_is_moved_by_post(tmp_path) -> None:
    app = create_app(settings(tmp_path, local_development=True, test_clock_start="2026-09-01T08:00:00Z"), Overrides(start_scheduler=False))
    async with TestClient(TestServer(app)) as client:
        clock = client.server.app[SERVICES].clock
        assert abs((clock.now() - datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)).total_seconds()) < 60
        response = await client.post("/test/clock", json={"now": "2026-09-16T08:00:00+00:00"})
        assert response.status == 200
        assert abs((clock.now() - datetime(2026, 9, 16, 8, 0, tzinfo=timezone.utc)).total_seconds()) < 60
        assert (await client.post("/test/clock", json={"now": "2026-09-16T08:00:00"})).status == 400  # no offset
        assert (await client.post("/test/clock", json={})).status == 400


async def test_without_a_test_clock_there_is_no_route(tmp_path) -> None:
    app = create_app(settings(tmp_path, local_development=True), Overrides(start_scheduler=False))
    async with TestClient(TestServer(app)) as client:
        assert (await client.post("/test/clock", json={"now": "2026-09-16T08:00:00+00:00"})).status in (404, 405)
