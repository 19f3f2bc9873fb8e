"""The application factory: settings in, a ready aiohttp application out. No globals."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine

from .dialogs.bot import TalSammenBot, on_turn_error
from .demo import DemoBot
from .process.clock import Clock, SystemClock
from .test_clock import add_route as add_test_clock_route, test_clock
from .dialogs.day import add_calendar_route
from .dialogs.send_on import add_plan_file_route
from .dialogs.exports import add_export_route
from .privacy.notice import HEADERS as NOTICE_HEADERS, LANGUAGES, notice_html
from .concepts import load_concept
from .scheduler.dispatcher import Dispatcher
from .scheduler.budget import SharedTenantBudget
from .scheduler.ratelimit import conversation_rate_limiter, teams_rate_limiter
from .scheduler.reply_lane import ReplyLane
from .services import Services
from .settings import Settings
from .storage import Storage
from .storage.engine import create_engine
from .storage.migrate import upgrade
from .teams.adapter import TeamsAdapter
from .teams.auth import Authenticator, BotFrameworkAuthenticator, DisabledAuthenticator
from .teams.connector import ConnectorClient, NoAuth
from .teams.gate import Admitted, admit
from .teams.tokens import BotFrameworkTokenProvider
from .teams.turns import Turns
from .texts import use_roles

log = logging.getLogger(__name__)

SERVICES = web.AppKey("services", Services)
TURNS = web.AppKey("turns", Turns)  # the turns under way, some of them after Teams had its answer (bot/teams/turns.py)
# Turns doing their work at once; more wait here holding only their parsed activity. With the
# next constant it bounds the replies queued for the tenant's 50 a second
# (bot/scheduler/reply_lane.py), and each turn in flight costs memory.
MAX_CONCURRENT_TURNS = 100
# How many turns whose effect is committed may give their slot to the next turn while their
# reply waits for the tenant's rate (bot/teams/turns.py): a burst of 1,000 is answered well within
# Teams' 15 s. On PostgreSQL their replies' slots come from the tenant budget's own pool
# (storage/engine.py side_engine): with the turns' pool they queued behind the turns' storage
# work past the lane's patience, and replies went out over the tenant's limit.
MAX_WAITING_REPLIES = 1000


@dataclass
class Overrides:
    """What tests replace: time, the authenticator's key source, the outbound connector, the database."""

    clock: Clock | None = None
    authenticator: Authenticator | None = None
    connector: ConnectorClient | None = None
    start_scheduler: bool = True
    # A ready engine instead of one from DATABASE_URL (tests: a PostgreSQL schema of their own).
    engine: AsyncEngine | None = None


def _senders(connector: ConnectorClient, store: Storage) -> tuple[Dispatcher, ReplyLane]:
    """The dispatcher and the turns' reply lane, on one limiter: the lane goes first.

    On PostgreSQL every instance draws the tenant's 50 per second from one shared row
    (bot/scheduler/budget.py); SQLite is one file and, in practice, one instance, whose
    in-process limiter keeps the tenant's windows itself."""
    if store.engine.dialect.name == "postgresql":
        limiter, budget = conversation_rate_limiter(), SharedTenantBudget(store.tenant_budgets)
    else:
        limiter, budget = teams_rate_limiter(), None
    lane = ReplyLane(limiter, budget=budget)
    return Dispatcher(connector, limiter=limiter, budget=budget, yield_to=lane.busy), lane


def startup_summary(settings: Settings, services: Services) -> list[str]:
    """What a person starting the bot reads: where it listens, which database (never its
    password), which concept, and what to open next (docs/deployment.md)."""
    store_url = services.store.engine.url.render_as_string(hide_password=True)
    concept = services.concept
    window = f"{settings.working_days} {settings.working_hours_start}-{settings.working_hours_end} Europe/Copenhagen"
    lines = [
        f"TalSammen listening on http://{settings.host}:{settings.port}: POST /api/messages (Teams), GET /health",
        f"database: {store_url} (schema migrated to the latest revision)",
        f"concept: {concept.id} ({concept.organisation('en')}); default language {settings.default_language}; "
        f"messages the bot starts go out {window}, checked every {settings.reminder_sweep_seconds} s",
    ]
    if settings.authentication_enabled:
        lines.append(f"authentication: on, app {settings.microsoft_app_id} ({settings.microsoft_app_type}), "
                     f"tenant {settings.microsoft_app_tenant_id}")
        endpoint = (f"{settings.public_base_url.rstrip('/')}/api/messages" if settings.public_base_url
                    else "https://<this bot's public address>/api/messages (set PUBLIC_BASE_URL to see it here)")
        lines.append(f"next: the Azure Bot's messaging endpoint must be {endpoint}; build the Teams app package with "
                     f"`python scripts/package_manifest.py --app-id {settings.microsoft_app_id}` (docs/deployment.md)")
    else:
        lines.append(f"next: in a second terminal run ./scripts/playground.sh and open http://localhost:56150; "
                     f"it talks to http://127.0.0.1:{settings.port}/api/messages")
    return lines


def create_app(settings: Settings, overrides: Overrides | None = None) -> web.Application:
    overrides = overrides or Overrides()
    settable = None if overrides.clock else test_clock(settings)
    clock = overrides.clock or settable or SystemClock()
    if settings.authentication_enabled:
        authenticator = overrides.authenticator or BotFrameworkAuthenticator(
            settings.microsoft_app_id, openid_metadata_url=settings.openid_metadata_url
        )
    else:
        log.warning("LOCAL_DEVELOPMENT: authentication is OFF; never run like this outside your own machine")
        authenticator = overrides.authenticator or DisabledAuthenticator()
    engine = overrides.engine or create_engine(settings.database_url)
    store = Storage(engine)
    tokens = (
        BotFrameworkTokenProvider(settings.microsoft_app_id, settings.microsoft_app_password.get_secret_value(), settings.microsoft_app_tenant_id)
        if settings.authentication_enabled else NoAuth()
    )
    connector = overrides.connector or ConnectorClient(tokens=tokens)
    dispatcher, lane = _senders(connector, store)
    services = Services(
        settings=settings, store=store, connector=connector,
        dispatcher=dispatcher, concept=load_concept(settings.concept),
        clock=clock, window=settings.working_window(),
        bot_id=f"28:{settings.microsoft_app_id}" if settings.microsoft_app_id else "",
    )
    # In-turn replies go through the same connector (and token provider) as proactive messages.
    adapter = TeamsAdapter(
        app_id=settings.microsoft_app_id if settings.authentication_enabled else "",
        connector=connector, lane=lane, on_turn_error=on_turn_error,
    )
    bot = DemoBot(services) if settings.demo else TalSammenBot(services)  # DEMO: local development only (bot/demo.py)

    async def on_turn(ctx) -> None:  # noqa: ANN001
        use_roles(services.concept.roles)  # the texts say this concept's word for the planning group (bot/texts)
        await bot.on_turn(ctx)

    allowed_tenants = settings.tenant_allowlist
    turns = Turns(MAX_CONCURRENT_TURNS, max_waiting_replies=MAX_WAITING_REPLIES)

    async def messages(request: web.Request) -> web.StreamResponse:
        decision = await admit(request, authenticator=authenticator, allowed_tenants=allowed_tenants, max_body_bytes=settings.max_body_bytes)
        if not isinstance(decision, Admitted):
            return decision
        try:
            # Answered when the turn ends, or earlier once its effect is committed and only its
            # reply waits for the tenant's rate (bot/teams/turns.py).
            answer = await turns.run(lambda: adapter.process(decision.activity, decision.claims, on_turn, tenant_id=decision.tenant_id))
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            # botbuilder could not read an activity the gate let through (a nonsense timestamp…)
            log.warning("refused an activity botbuilder could not read: %s", type(error).__name__)
            return web.json_response({"error": "bad_activity"}, status=400)
        response = answer.result
        if response is not None:
            return web.json_response(data=response.body, status=response.status)
        return web.Response(status=200)

    async def privacy(request: web.Request) -> web.Response:
        lang = request.match_info["lang"]
        if lang not in LANGUAGES:
            raise web.HTTPNotFound()
        page = notice_html(
            lang, organisation=services.concept.organisation(lang), retention_days=settings.retention_days,
            min_group_size=settings.min_group_size, contact=settings.privacy_contact,
        )
        return web.Response(text=page, content_type="text/html", charset="utf-8", headers=NOTICE_HEADERS)

    async def health(_request: web.Request) -> web.Response:
        # 503 rather than a 500 traceback when the database is away: a load balancer or
        # container health check reads the status, a person reads the body.
        try:
            async with engine.connect() as conn:
                await conn.exec_driver_sql("SELECT 1")
        except Exception as error:  # noqa: BLE001 - any failure means "not ready"
            log.warning("health check: the database cannot be reached (%s)", type(error).__name__)
            return web.json_response({"status": "unavailable", "database": "unreachable"}, status=503)
        return web.json_response({"status": "ok", "database": "ok"})

    async def on_startup(app: web.Application) -> None:
        await upgrade(engine)
        # The ADMINISTRATORS setting names the first administrators (only while there are none).
        await services.store.organisation.seed_administrators(settings.administrator_ids, now=services.clock.now())
        if overrides.start_scheduler:
            from .scheduler.runner import build_runner

            app["runner"] = build_runner(services)
            await app["runner"].start()
        for line in startup_summary(settings, services):
            log.info("%s", line)

    async def on_cleanup(app: web.Application) -> None:
        await turns.close()  # turns still sending their replies need the connector and the database
        if "runner" in app:
            await app["runner"].shutdown()
        await services.drain()
        await connector.close()
        await store.dispose()  # the main pool and the tenant budget's own

    app = web.Application(client_max_size=settings.max_body_bytes)
    app[SERVICES] = services
    app[TURNS] = turns
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/health", health)
    app.router.add_get("/privacy/{lang}", privacy)
    add_calendar_route(app, services)  # GET /calendar/<dialogue>/<token>.ics (dialogs/day.py)
    add_plan_file_route(app, services)  # GET /plan/<dialogue>/<version>/<expires>/<token>.xlsx (dialogs/send_on.py)
    add_export_route(app, services)  # GET /exports/<kind>/<subject>/<expires>/<user>/<sig>.xlsx (dialogs/exports.py)
    if settable is not None:
        add_test_clock_route(app, settable)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app
