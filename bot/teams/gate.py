"""The inbound gate in front of the adapter: what reaches a handler has been parsed, size-checked,
authenticated and tenant-checked.

botbuilder's `CloudAdapter.process` answers 500 to invalid JSON, a JSON array and most bad
tokens; a 500 makes Teams retry and hides real faults in the logs. Here every refusal is decided
before the adapter runs, with these answers:

- 415 the body is not declared `application/json`;
- 413 the body is larger than `max_body_bytes` (declared or actually sent);
- 400 the body is empty, not JSON, not a JSON object, nested absurdly deep, or lacks what every
  turn needs (`type` from the known list, `channelId`, `serviceUrl`, `conversation.id`, `from.id`);
- 401 the token fails any check in `bot.teams.auth` (the reason is logged, not returned);
- 503 with `Retry-After` the signing keys cannot be fetched at all: Teams should retry later;
- 200 with an empty body and no effect: a tenant outside `allowed_tenants`, no tenant at all while
  a list is set, or `conversation.tenantId` disagreeing with `channelData.tenant.id`. The caller is
  authentic; a refusal would only make Teams retry, so the activity is dropped and logged.

Refusal bodies are a fixed `{"error": "<code>"}` and never echo the request.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.teams.auth import AuthError, Authenticator, Claims
from bot.teams.keys import KeySetUnavailable

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256_000
# Teams payloads nest about 6 levels; the limit keeps later recursive code (msrest, storage) safe.
MAX_DEPTH = 32
MAX_ID_CHARS = 1_024
# What the tables can hold (bot/storage/models/); Teams' own ids and URLs are far shorter. A
# longer one would make PostgreSQL refuse the write in the middle of a turn.
ID_LIMITS = {"from": 200, "conversation": 300}
MAX_ACTIVITY_ID_CHARS = 190  # "conversation id|activity id" is the 500-character dedup key
MAX_TEAM_ID_CHARS = 200
MAX_URL_CHARS = 500
KEYS_RETRY_AFTER_SECONDS = 30

# Bot Framework activity types (botbuilder-schema ActivityTypes); anything else is not a turn.
ACTIVITY_TYPES = frozenset({
    "message", "contactRelationUpdate", "conversationUpdate", "typing", "endOfConversation",
    "event", "invoke", "invokeResponse", "deleteUserData", "messageUpdate", "messageDelete",
    "installationUpdate", "messageReaction", "suggestion", "trace", "handoff", "command",
    "commandResult",
})
# Fields botbuilder deserialises as objects or lists of objects; another shape makes it raise.
OBJECT_FIELDS = ("recipient", "channelData", "relatesTo")
OBJECT_LIST_FIELDS = ("attachments", "entities", "membersAdded", "membersRemoved", "reactionsAdded", "reactionsRemoved")


@dataclass(frozen=True)
class Admitted:
    """A request that passed the gate: hand `activity` and `auth_header` to the adapter."""

    activity: dict[str, Any]
    auth_header: str | None
    claims: Claims
    tenant_id: str | None


class _Refused(Exception):
    def __init__(self, status: int, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.status, self.code, self.detail = status, code, detail


async def admit(
    request: web.Request,
    *,
    authenticator: Authenticator,
    allowed_tenants: frozenset[str] | None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> Admitted | web.Response:
    """Decide whether `request` may reach the adapter.

    Returns `Admitted`, or the `web.Response` to send instead (see the module docstring for
    which). `allowed_tenants=None` admits any tenant (local development only).
    """
    try:
        activity = _parse(await _read_body(request, max_body_bytes))
    except _Refused as refusal:
        log.info("refused inbound activity: %s %s %s", refusal.status, refusal.code, refusal.detail)
        return _error(refusal.status, refusal.code)

    auth_header = request.headers.get("Authorization")
    try:
        claims = await authenticator.authenticate(auth_header, activity)
    except AuthError as error:
        log.warning("refused inbound activity: 401 %s (remote %s)", error, request.remote)
        return _error(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})
    except KeySetUnavailable as error:
        log.error("cannot authenticate inbound activity, no signing keys: %s", error)
        return _error(503, "unavailable", headers={"Retry-After": str(KEYS_RETRY_AFTER_SECONDS)})

    tenant_id, problem = _tenant(activity, allowed_tenants)
    if problem:
        log.warning("dropped %s activity %r: %s", activity["type"], activity.get("id"), problem)
        return web.Response(status=200)
    return Admitted(activity, auth_header, claims, tenant_id)


async def _read_body(request: web.Request, limit: int) -> bytes:
    if request.content_type != "application/json":
        raise _Refused(415, "unsupported_media_type", request.content_type)
    declared = request.content_length
    if declared is not None and declared > limit:
        raise _Refused(413, "too_large", f"declared {declared} bytes")
    # Read the stream ourselves: a chunked body has no Content-Length to trust.
    chunks, total = [], 0
    while chunk := await request.content.read(65_536):
        total += len(chunk)
        if total > limit:
            raise _Refused(413, "too_large", f"more than {limit} bytes sent")
        chunks.append(chunk)
    return b"".join(chunks)


def _parse(body: bytes) -> dict[str, Any]:
    if not body.strip():
        raise _Refused(400, "empty_body")
    try:
        activity = json.loads(body, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as error:
        raise _Refused(400, "invalid_json", type(error).__name__) from None
    if not isinstance(activity, dict):
        raise _Refused(400, "not_an_object", type(activity).__name__)
    if _deeper_than(activity, MAX_DEPTH):
        raise _Refused(400, "too_deep")
    _check_shape(activity)
    return activity


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _deeper_than(value: Any, limit: int) -> bool:
    # Iterative, so a hostile document cannot exhaust the stack here.
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _check_shape(activity: Mapping[str, Any]) -> None:
    kind = activity.get("type")
    if not isinstance(kind, str) or not kind:
        raise _Refused(400, "missing_type")
    if kind not in ACTIVITY_TYPES:
        raise _Refused(400, "unknown_type", kind[:64])
    _text(activity, "channelId", MAX_ID_CHARS)
    url = _text(activity, "serviceUrl", MAX_URL_CHARS)
    if not url.startswith(("https://", "http://")):
        raise _Refused(400, "bad_field", "serviceUrl")
    for name in ("conversation", "from"):
        part = activity.get(name)
        if not isinstance(part, dict):
            raise _Refused(400, "missing_field", f"{name}.id")
        _text(part, "id", ID_LIMITS[name], prefix=f"{name}.")
    activity_id = activity.get("id")
    if activity_id is not None and not (isinstance(activity_id, str) and len(activity_id) <= MAX_ACTIVITY_ID_CHARS and activity_id.isprintable()):
        raise _Refused(400, "bad_field", "id")
    channel_data = activity.get("channelData")
    team = channel_data.get("team") if isinstance(channel_data, dict) else None
    if isinstance(team, dict) and "id" in team and not (isinstance(team["id"], str) and len(team["id"]) <= MAX_TEAM_ID_CHARS and team["id"].isprintable()):
        raise _Refused(400, "bad_field", "channelData.team.id")
    for name in OBJECT_FIELDS:
        if name in activity and not isinstance(activity[name], (dict, type(None))):
            raise _Refused(400, "bad_field", name)
    for name in OBJECT_LIST_FIELDS:
        items = activity.get(name)
        if items is not None and not (isinstance(items, list) and all(isinstance(i, dict) for i in items)):
            raise _Refused(400, "bad_field", name)


def _text(part: Mapping[str, Any], name: str, limit: int, *, prefix: str = "") -> str:
    value = part.get(name)
    if not isinstance(value, str) or not value.strip():
        raise _Refused(400, "missing_field", prefix + name)
    if len(value) > limit or any(ord(c) < 32 or c == "\x7f" for c in value):
        raise _Refused(400, "bad_field", prefix + name)
    return value


def _tenant(activity: Mapping[str, Any], allowed: frozenset[str] | None) -> tuple[str | None, str]:
    """The activity's tenant id (lower case) and, if it must be dropped, why."""
    channel_data = activity.get("channelData") or {}
    tenant = channel_data.get("tenant")
    conversation = activity["conversation"]
    # Teams writes conversation.tenantId, but botbuilder reads conversation.tenantID into
    # `conversation.tenant_id`; every spelling present has to agree.
    fields = (
        tenant.get("id") if isinstance(tenant, dict) else None,
        conversation.get("tenantId"),
        conversation.get("tenantID"),
    )
    if any(v is not None and not isinstance(v, str) for v in fields):
        return None, "tenant id is not a string"
    seen = {v.lower() for v in fields if v}
    if len(seen) > 1:
        return None, f"tenant fields disagree: {sorted(seen)}"
    tenant_id = seen.pop() if seen else None
    if allowed is None:
        return tenant_id, ""
    if tenant_id is None:
        return None, "no tenant id"
    if tenant_id not in {t.lower() for t in allowed}:
        return tenant_id, f"tenant {tenant_id} is not allowed"
    return tenant_id, ""


def _error(status: int, code: str, *, headers: Mapping[str, str] | None = None) -> web.Response:
    return web.json_response({"error": code}, status=status, headers=headers)
