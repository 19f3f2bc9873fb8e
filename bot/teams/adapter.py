"""The botbuilder adapter, kept behind one small class so a move to the Microsoft 365 Agents SDK
touches this module, bot/teams/turn_connector.py and the turn handlers only.

botbuilder keeps what it does well here: the activity schema, `TurnContext`, middleware and the
handler model. What it does per turn besides (validate the token again, build an msrest
connector and a user-token client, send through `requests` in a thread) is left out: the gate
(bot/teams/gate.py) has validated the token, replies go through the bot's own async connector
(bot/teams/turn_connector.py), and the bot signs nobody in, so it needs no user-token client.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from botbuilder.core import CloudAdapterBase, InvokeResponse, TurnContext
from botbuilder.schema import Activity
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    SkillValidation,
    UserTokenClient,
)

from bot.scheduler.reply_lane import ReplyLane

from .auth import Claims
from .connector import ConnectorClient
from .turn_connector import TurnConnectorFactory

# What botbuilder stamps on an activity from the public Azure channel (`caller_id`).
AZURE_CALLER_ID = "urn:botframework:azure"


class _GateAuthentication(BotFrameworkAuthentication):
    """What `CloudAdapterBase` asks of authentication, answered without msrest.

    Requests are authenticated by the gate before they reach the adapter, never here. Proactive
    turns through the adapter (botbuilder's `continue_conversation`) get the same connector.
    """

    def __init__(self, connectors: Callable[[ClaimsIdentity, str], ConnectorFactory]) -> None:
        self._connectors = connectors

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        raise PermissionError("requests are authenticated by bot/teams/gate.py before the adapter")

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str) -> AuthenticateRequestResult:
        raise PermissionError("streaming requests are not served")

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self._connectors(claims_identity, "")

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient | None:
        return None  # the bot signs nobody in (no OAuthPrompt)


class TeamsAdapter:
    """Runs one admitted activity through botbuilder's turn pipeline.

    `connector` is the bot's one Bot Connector client (its token provider decides the bearer
    token: none in local development); `lane` paces replies within Teams' limits (None: unpaced,
    for tests of the adapter alone). `app_id` is "" in local development.
    """

    def __init__(self, *, app_id: str, connector: ConnectorClient, lane: ReplyLane | None = None,
                 on_turn_error: Callable[[TurnContext, Exception], Awaitable[None]] | None = None) -> None:
        self.app_id = app_id
        self._connector, self._lane = connector, lane
        self.adapter = CloudAdapterBase(_GateAuthentication(self._factory))
        if on_turn_error is not None:
            self.adapter.on_turn_error = on_turn_error

    def _factory(self, identity: ClaimsIdentity, tenant_id: str) -> TurnConnectorFactory:
        return TurnConnectorFactory(self._connector, self._lane, app_id=self.app_id, identity=identity, tenant_id=tenant_id)

    async def process(self, activity: Mapping[str, Any], claims: Claims, logic: Callable[[TurnContext], Awaitable[None]], *,
                      tenant_id: str | None = None) -> InvokeResponse | None:
        """Run `logic` for the activity; the invoke response, if the turn made one."""
        parsed = Activity().deserialize(dict(activity))
        if claims.authenticated:
            identity = ClaimsIdentity(dict(claims.raw), True, "Bearer")
            audience = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
            parsed.caller_id = AZURE_CALLER_ID
        else:
            # Local development: the anonymous claims botbuilder gives a request without a header.
            identity = SkillValidation.create_anonymous_skill_claim()
            audience = AuthenticationConstants.ANONYMOUS_SKILL_APP_ID
            parsed.caller_id = None
        factory = self._factory(identity, tenant_id or "")
        connector = await factory.create(parsed.service_url, audience)
        adapter = self.adapter
        context = adapter._create_turn_context(parsed, identity, audience, connector, None, logic, factory)  # noqa: SLF001
        await adapter.run_pipeline(context, logic)
        # botbuilder 4.17.1 is the SDK's last release: these two private steps will not move.
        return adapter._process_turn_results(context)  # noqa: SLF001
