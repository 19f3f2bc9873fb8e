"""The botbuilder adapter, kept behind one small function so a move to the Microsoft 365
Agents SDK touches this module and the turn handlers only."""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult, AuthenticationConstants, ClaimsIdentity

from .auth import Claims


def _speed_up_msrest() -> None:
    """msrest's retry policy tests ~1,000 codes against a 500-element list for every connector
    it builds (twice per turn); a frozenset makes that membership test O(1). See PLATFORM.md."""
    from msrest.universal_http import requests as msrest_requests

    policy = msrest_requests.ClientRetryPolicy
    if not isinstance(policy.safe_codes, frozenset):
        policy.safe_codes = frozenset(policy.safe_codes)


class _Config:
    """The attribute bag ConfigurationBotFrameworkAuthentication reads."""

    def __init__(self, app_id: str, password: str, tenant_id: str, app_type: str) -> None:
        self.APP_ID = app_id
        self.APP_PASSWORD = password
        self.APP_TENANTID = tenant_id
        self.APP_TYPE = app_type


class TeamsAdapter:
    """Runs one admitted activity through botbuilder's CloudAdapter.

    The gate (bot/teams/gate.py) has already validated the token; the adapter is handed the
    result instead of the header so it neither validates twice nor fetches keys itself.
    """

    def __init__(self, *, app_id: str, password: str, tenant_id: str, app_type: str, on_turn_error: Callable[[TurnContext, Exception], Awaitable[None]] | None = None) -> None:
        _speed_up_msrest()
        self.app_id = app_id
        self._auth = ConfigurationBotFrameworkAuthentication(_Config(app_id, password, tenant_id, app_type))
        self.adapter = CloudAdapter(self._auth)
        if on_turn_error is not None:
            self.adapter.on_turn_error = on_turn_error

    async def process(self, activity: Mapping[str, Any], claims: Claims, logic: Callable[[TurnContext], Awaitable[None]]):
        parsed = Activity().deserialize(dict(activity))
        if not claims.authenticated:
            # Local development: an empty header makes botbuilder use anonymous claims.
            return await self.adapter.process_activity("", parsed, logic)
        identity = ClaimsIdentity(dict(claims.raw), True, "Bearer")
        result = AuthenticateRequestResult()
        result.claims_identity = identity
        result.audience = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
        result.caller_id = "urn:botframework:azure"
        result.connector_factory = self._auth.create_connector_factory(identity)
        return await self.adapter.process_activity(result, parsed, logic)
