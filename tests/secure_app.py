"""The real app with authentication ON, for the trust tests, on SQLite or PostgreSQL.

Inbound: every request carries a token minted with a test RSA key (tests/keys.py) that the
app's real `BotFrameworkAuthenticator` checks; the signing keys are injected, never fetched.

Outbound, the honest part: with credentials set, the bot gets its own tokens for the Bot
Connector in two ways. Our `ConnectorClient` (card delivery, rosters) is pointed at the mock
connector's token endpoint, which checks the client secret. botbuilder's in-turn replies use
`MicrosoftAppCredentials.get_access_token`, which would call login.microsoftonline.com through
MSAL; it is replaced by a function returning a token the mock has issued. The mock runs with
`require_auth=True`, so a reply without a token the mock knows is refused (401) and the test
would see the reply missing. What is not exercised is MSAL's own request to Entra ID.
"""
from __future__ import annotations

import contextlib
import itertools
import json
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from aiohttp.test_utils import TestClient, TestServer
from botframework.connector.auth import MicrosoftAppCredentials
from sqlmodel import SQLModel

import factories as f
from bot.app import SERVICES, Overrides, create_app
from bot.process.clock import FixedClock
from bot.settings import Settings
from bot.teams.auth import BotFrameworkAuthenticator
from bot.teams.connector import ConnectorClient
from bot.teams.tokens import BotFrameworkTokenProvider
from conftest import drop_engine, make_engine
from keys import APP_ID, APP_SECRET, bearer, make_key, mint_token, static_key_fetcher
from mock_connector import MockBotConnector

ROSTER = f.ROSTER
BOTBUILDER_TOKEN = "botbuilder-outbound-token"
START = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)  # a Tuesday, 10:00 in Copenhagen


class SecureApp:
    def __init__(self, client: TestClient, mock: MockBotConnector, clock: FixedClock, key) -> None:  # noqa: ANN001
        self.client, self.mock, self.clock, self.key = client, mock, clock, key
        self.services = client.server.app[SERVICES]
        self.store = self.services.store

    def token(self, **claims: Any) -> str:
        """A valid channel token for this app and the mock's service URL; claims override."""
        claims.setdefault("service_url", self.mock.url)
        return mint_token(self.key, now=self.clock.now(), **claims)

    async def post(self, activity: Any, *, authorization: str | None = "valid", raw: bytes | None = None,
                   content_type: str = "application/json") -> int:
        """POST to /api/messages with a valid token unless told otherwise; returns the status."""
        headers = {"Content-Type": content_type}
        if authorization == "valid":
            headers["Authorization"] = bearer(self.token())
        elif authorization is not None:
            headers["Authorization"] = authorization
        data = raw if raw is not None else json.dumps(activity).encode()
        response = await self.client.post("/api/messages", data=data, headers=headers)
        await response.read()
        await self.services.drain()
        return response.status

    async def snapshot(self) -> dict[str, list[tuple]]:
        """Every row of every table, to prove a request changed nothing at all."""
        out = {}
        async with self.store.engine.connect() as conn:
            for table in SQLModel.metadata.sorted_tables:
                rows = (await conn.execute(sa.select(table))).all()
                out[table.name] = sorted((tuple(map(repr, r)) for r in rows))
        return out

    def cards_in(self, conversation: str) -> list[tuple[str, dict]]:
        return [(aid, a["attachments"][0]["content"]) for aid, a in self.mock.activities_in(conversation).items() if a.get("attachments")]

    def texts_in(self, conversation: str) -> list[str]:
        return [a.get("text") or "" for a in self.mock.activities_in(conversation).values()]

    async def start_round(self, *, named_mode: str = "anonymous", deadline: str = "2026-09-15") -> Any:
        """Install in the team and let u-leader start a round; returns the round."""
        assert await self.post(f.bot_added_to_team(self.mock.url)) == 200
        start = {"verb": "round.start", "deadline": deadline, "contact_name": "Lea Leder", "named_mode": named_mode}
        assert await self.post(f.channel_submit(self.mock.url, start, user="u-leader", name="Lea Leder")) == 200
        round_ = await self.store.dialogues.latest_round(f.TEAM)
        assert round_ is not None
        return round_


def settings(**values: Any) -> Settings:
    """Production-like settings: authentication on, the factories' tenant allowed."""
    base = dict(
        microsoft_app_id=APP_ID, microsoft_app_password=APP_SECRET, microsoft_app_tenant_id=f.TENANT,
        database_url="sqlite+aiosqlite:///unused.db", _env_file=None,
    )
    base.update(values)
    return Settings(**base)


@contextlib.asynccontextmanager
async def secure_app(backend: str, tmp_path, monkeypatch, **setting_values: Any) -> AsyncIterator[SecureApp]:  # noqa: ANN001
    clock = FixedClock(START)
    key = make_key()
    engine, schema = await make_engine(backend, tmp_path)
    monkeypatch.setattr(MicrosoftAppCredentials, "get_access_token", lambda self, force_refresh=False: BOTBUILDER_TOKEN)
    try:
        # Each request to the mock is one second after the last: the tests send replies faster
        # than Teams allows, which is the dispatcher's business, tested elsewhere.
        ticks = itertools.count()
        async with MockBotConnector(require_auth=True, clock=lambda: float(next(ticks))) as mock:
            mock.issued_tokens.append(BOTBUILDER_TOKEN)
            mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
            mock.add_conversation(f"{f.TEAM};messageid=1", tenant_id=f.TENANT)
            tokens = BotFrameworkTokenProvider(APP_ID, APP_SECRET, f.TENANT, token_url=mock.token_url(f.TENANT))
            app = create_app(settings(**setting_values), Overrides(
                clock=clock, engine=engine, start_scheduler=False, connector=ConnectorClient(tokens=tokens),
                authenticator=BotFrameworkAuthenticator(APP_ID, key_fetcher=static_key_fetcher(key), clock=clock),
            ))
            async with TestClient(TestServer(app)) as client:
                yield SecureApp(client, mock, clock, key)
    finally:
        await drop_engine(engine, schema)
