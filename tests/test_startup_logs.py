"""What a person reads in the log: at start-up where the bot listens, which database (never its
password), which concept and what to open next; afterwards nothing routine at INFO (APScheduler's
"Running job …" every 30 s, the sweeper's per-sweep line), only what needs someone's attention."""
from __future__ import annotations

import logging

from aiohttp.test_utils import TestClient, TestServer

from bot.app import SERVICES, Overrides, create_app, startup_summary
from bot.process.clock import FixedClock
from bot.scheduler.resolver import SweepReport
from bot.scheduler.runner import ReminderRunner
from bot.settings import Settings
from bot.storage.engine import create_engine

SECRET = "s3cret-Pa55word"


def local_settings(tmp_path, **extra) -> Settings:
    return Settings(_env_file=None, local_development=True, database_url=f"sqlite:///{tmp_path / 'bot.db'}", **extra)


def messages_of(caplog, level: int = logging.INFO) -> list[tuple[str, str]]:
    return [(r.name, r.getMessage()) for r in caplog.records if r.levelno >= level]


async def test_start_up_says_where_it_listens_which_database_and_concept_and_what_to_open_next(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    app = create_app(local_settings(tmp_path), Overrides(clock=FixedClock(), start_scheduler=False))
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/health")
        assert response.status == 200
        assert await response.json() == {"status": "ok", "database": "ok"}
    said = "\n".join(message for name, message in messages_of(caplog) if name == "bot.app")
    assert "TalSammen listening on http://0.0.0.0:3978: POST /api/messages (Teams), GET /health" in said
    assert f"database: sqlite+aiosqlite:///{tmp_path / 'bot.db'} (schema migrated" in said
    assert "concept: nyborg (Nyborg Kommune); default language da" in said
    assert "09:00-15:00 Europe/Copenhagen" in said
    assert "next: in a second terminal run ./scripts/playground.sh and open http://localhost:56150" in said
    assert "http://127.0.0.1:3978/api/messages" in said
    assert "authentication is OFF" in caplog.text  # the local-development warning stays


def test_production_start_up_names_the_messaging_endpoint_and_never_a_password():
    settings = Settings(
        _env_file=None, microsoft_app_id="11111111-2222-3333-4444-555555555555", microsoft_app_password=SECRET,
        microsoft_app_tenant_id="aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", concept="dtu",
        database_url=f"postgresql://talsammen:{SECRET}@db.example:5432/talsammen",
        public_base_url="https://talsammen.example.dk/",
    )
    app = create_app(settings, Overrides(clock=FixedClock(), start_scheduler=False))  # never started: no connection
    lines = startup_summary(settings, app[SERVICES])
    text = "\n".join(lines)
    assert SECRET not in text
    assert "database: postgresql+asyncpg://talsammen:***@db.example:5432/talsammen" in text
    assert "concept: dtu (" in text
    assert "authentication: on, app 11111111-2222-3333-4444-555555555555 (SingleTenant), tenant aaaaaaaa" in text
    assert "next: the Azure Bot's messaging endpoint must be https://talsammen.example.dk/api/messages" in text
    assert "scripts/package_manifest.py --app-id 11111111-2222-3333-4444-555555555555" in text
    assert "docs/deployment.md" in text


def test_without_public_base_url_start_up_says_what_to_set():
    settings = Settings(
        _env_file=None, microsoft_app_id="11111111-2222-3333-4444-555555555555", microsoft_app_password=SECRET,
        microsoft_app_tenant_id="aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
    )
    app = create_app(settings, Overrides(clock=FixedClock(), start_scheduler=False, engine=create_engine("sqlite:///:memory:")))
    text = "\n".join(startup_summary(settings, app[SERVICES]))
    assert "https://<this bot's public address>/api/messages (set PUBLIC_BASE_URL to see it here)" in text


async def test_the_running_app_says_nothing_routine_at_info_after_start_up(tmp_path, caplog):
    """The real app with its scheduler: after the start-up lines, a sweep logs nothing at INFO."""
    caplog.set_level(logging.INFO)
    app = create_app(local_settings(tmp_path), Overrides(clock=FixedClock()))
    async with TestClient(TestServer(app)):
        runner = app["runner"]
        await runner.wait_for_sweeps(1)  # the start-up tick, run by APScheduler
        await runner.sweep_now()
        await runner.sweep_now()
    start_up = {"bot.app", "bot.teams.auth", "alembic.runtime.migration"}
    assert [m for m in messages_of(caplog) if m[0] not in start_up] == []
    assert "Running job" not in caplog.text
    assert "Adding job" not in caplog.text and "Scheduler started" not in caplog.text


class Busy:
    """A sweeper whose every sweep sends something, so its per-sweep line would be written."""

    def __init__(self, report: SweepReport) -> None:
        self.report = report

    async def run_once(self) -> SweepReport:
        return self.report


async def test_a_sweep_that_sent_reminders_is_routine_debug_only(caplog):
    caplog.set_level(logging.INFO)
    runner = ReminderRunner(Busy(SweepReport(claimed=3, sent=3)), interval_seconds=3600)
    await runner.start()
    try:
        await runner.wait_for_sweeps(1)
        await runner.sweep_now()
    finally:
        await runner.shutdown()
    assert messages_of(caplog) == []


async def test_at_debug_level_the_chatter_is_there(caplog):
    caplog.set_level(logging.DEBUG)
    runner = ReminderRunner(Busy(SweepReport(claimed=3, sent=3)), interval_seconds=3600)
    await runner.start()
    try:
        await runner.wait_for_sweeps(1)
    finally:
        await runner.shutdown()
    assert "reminder sweep: " in caplog.text
    assert "Running job" in caplog.text  # APScheduler's own, shown again at debug


async def test_a_sweep_with_failed_sends_is_a_warning(caplog):
    caplog.set_level(logging.INFO)
    runner = ReminderRunner(Busy(SweepReport(claimed=4, sent=2, failed=2)), interval_seconds=3600)
    await runner.start()
    try:
        await runner.wait_for_sweeps(1)
    finally:
        await runner.shutdown()
    [(name, message)] = messages_of(caplog)
    assert name == "bot.scheduler.runner"
    assert message.startswith("reminder sweep: 2 failed and will be tried again")


async def test_health_is_503_when_the_database_cannot_be_reached(tmp_path, caplog, monkeypatch):
    app = create_app(local_settings(tmp_path), Overrides(clock=FixedClock(), start_scheduler=False))
    async with TestClient(TestServer(app)) as client:
        engine = app[SERVICES].store.engine

        def unreachable(*_args, **_kwargs):
            raise ConnectionRefusedError("database away")

        monkeypatch.setattr(type(engine), "connect", unreachable)
        response = await client.get("/health")
        monkeypatch.undo()
        assert response.status == 503
        assert await response.json() == {"status": "unavailable", "database": "unreachable"}
    assert "health check: the database cannot be reached (ConnectionRefusedError)" in caplog.text
