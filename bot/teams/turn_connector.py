"""The Bot Connector client a turn replies through: botbuilder's interface, our async client.

botbuilder's `CloudAdapterBase` sends a turn's replies and card updates with
`turn_state["ConnectorClient"].conversations.*`; its own client is msrest, which runs blocking
`requests` calls in asyncio's default thread pool (six threads on two cores: about 30 turns a
second for any botbuilder bot, BENCHMARKS.md). `TurnConnector` offers the same four calls on the
bot's own `ConnectorClient` (aiohttp, pooled connections, cached tokens), and each request waits
for its slot in the tenant's rate (bot/scheduler/reply_lane.py). No thread is involved.

Outbound authentication stays as botbuilder's was: the token is the app's own for the Bot
Framework audience (bot/teams/tokens.py, single-tenant by default), sent only to the service
URL of the activity the gate admitted, and only for claims naming this app.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import botbuilder.schema as schema
from botbuilder.schema import Activity, ErrorResponseException, ResourceResponse
from botframework.connector.auth import AuthenticationConstants, ClaimsIdentity
from botframework.connector.auth.connector_factory import ConnectorFactory
from msrest.serialization import Serializer

from bot.scheduler.reply_lane import ReplyLane
from bot.teams.connector import ConnectorClient, ConnectorError

__all__ = ["TurnConnector", "TurnConnectorFactory", "TurnReplyError"]

# One serializer for every turn (msrest built one per connector, that is per turn).
_SERIALIZER = Serializer({name: model for name, model in vars(schema).items() if isinstance(model, type)})
# The Bot Framework's models declare no constraints to check, and walking the activity to find
# none cost a sixth of its serialization.
_SERIALIZER.client_side_validation = False
BOT_FRAMEWORK_AUDIENCES = frozenset({AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE, None, ""})


def activity_body(activity: Activity) -> dict[str, Any]:
    """The activity as the Bot Connector reads it (camelCase JSON), as msrest would send it.

    A card's content is JSON already (a dict from bot/cards), which msrest would walk value by
    value: 1.8 ms of a receipt's update, about a sixth of a nomination turn's CPU (measured 3
    December). So plain contents are set aside while msrest serializes the rest, then put back."""
    attachments = activity.attachments or []
    contents = [attachment.content for attachment in attachments]
    plain = [isinstance(content, dict) for content in contents]
    try:
        for attachment, is_plain in zip(attachments, plain):
            if is_plain:
                attachment.content = None
        body = _SERIALIZER.body(activity, "Activity")
    finally:
        for attachment, content in zip(attachments, contents):
            attachment.content = content
    for serialized, content, is_plain in zip(body.get("attachments") or [], contents, plain):
        if is_plain:
            serialized["content"] = content
    return body


class TurnReplyError(ConnectorError, ErrorResponseException):
    """A reply or card update that failed, raised as botbuilder's own connector raised it
    (handlers catch `ErrorResponseException`, e.g. to post a card Teams no longer has) and as
    ours does (`ConnectorError`: status, Teams' error code, Retry-After)."""

    def __init__(self, error: ConnectorError) -> None:
        Exception.__init__(self, str(error))
        self.status, self.retry_after, self.code = error.status, error.retry_after, error.code
        self.message, self.maybe_delivered = error.message, error.maybe_delivered
        self.error = None
        headers = {"Retry-After": f"{error.retry_after:g}"} if error.retry_after is not None else {}
        self.response = SimpleNamespace(status_code=error.status, headers=headers, reason=error.code or "")

    def __str__(self) -> str:
        return ConnectorError.__str__(self)


class _Conversations:
    """The part of botbuilder's `ConversationsOperations` a turn uses."""

    def __init__(self, client: ConnectorClient, lane: ReplyLane | None, service_url: str, tenant_id: str) -> None:
        self._client, self._lane, self._service_url, self._tenant = client, lane, service_url, tenant_id

    async def reply_to_activity(self, conversation_id: str, activity_id: str, activity: Activity, **_: Any) -> ResourceResponse:
        body = activity_body(activity)
        new_id = await self._paced(conversation_id, lambda: self._client.reply_to_activity(self._service_url, conversation_id, activity_id, body))
        return ResourceResponse(id=new_id or None)

    async def send_to_conversation(self, conversation_id: str, activity: Activity, **_: Any) -> ResourceResponse:
        body = activity_body(activity)
        new_id = await self._paced(conversation_id, lambda: self._client.send_to_conversation(self._service_url, conversation_id, body))
        return ResourceResponse(id=new_id or None)

    async def update_activity(self, conversation_id: str, activity_id: str, activity: Activity, **_: Any) -> ResourceResponse:
        body = activity_body(activity)
        await self._paced(conversation_id, lambda: self._client.update_activity(self._service_url, conversation_id, activity_id, body), idempotent=True)
        return ResourceResponse(id=activity_id)

    async def delete_activity(self, conversation_id: str, activity_id: str, **_: Any) -> None:
        await self._paced(conversation_id, lambda: self._client.delete_activity(self._service_url, conversation_id, activity_id), idempotent=True)

    async def _paced(self, conversation_id: str, request, *, idempotent: bool = False):  # noqa: ANN001, ANN202
        try:
            if self._lane is None:
                return await request()
            return await self._lane.send(self._tenant, conversation_id, request, idempotent=idempotent)
        except ConnectorError as error:
            raise TurnReplyError(error) from error


class TurnConnector:
    """Stands where botbuilder keeps its msrest `ConnectorClient` in a turn's state."""

    def __init__(self, client: ConnectorClient, lane: ReplyLane | None, service_url: str, tenant_id: str) -> None:
        self.service_url = service_url
        self.conversations = _Conversations(client, lane, service_url, tenant_id)


class TurnConnectorFactory(ConnectorFactory):
    """botbuilder's `ConnectorFactory` for one turn: refuses what botbuilder's would refuse.

    `app_id` is the bot's own ("" in local development, where the client sends no token).
    """

    def __init__(self, client: ConnectorClient, lane: ReplyLane | None, *, app_id: str, identity: ClaimsIdentity, tenant_id: str) -> None:
        self._client, self._lane, self._app_id, self._identity, self._tenant = client, lane, app_id, identity, tenant_id

    async def create(self, service_url: str, audience: str | None = None) -> TurnConnector:
        if self._app_id:
            claims = self._identity.claims or {}
            claimed = claims.get(AuthenticationConstants.AUDIENCE_CLAIM) or claims.get(AuthenticationConstants.APP_ID_CLAIM)
            if claimed != self._app_id:
                raise PermissionError("the claims name another app: no token of ours goes out for them")
            if audience not in BOT_FRAMEWORK_AUDIENCES:
                raise PermissionError(f"no credentials for the audience {audience!r}: only the Bot Framework's")
        # No service URL (a malformed activity): sending fails then, inside the turn, as with msrest.
        return TurnConnector(self._client, self._lane, service_url or "", self._tenant)
