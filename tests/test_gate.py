"""The inbound gate: every bad request gets its 4xx (or a silent 200) and the handler never runs."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.process.clock import FixedClock
from bot.teams.auth import BotFrameworkAuthenticator, DisabledAuthenticator
from bot.teams.gate import Admitted, admit
from bot.teams.keys import KeySetUnavailable
from keys import APP_ID, CHANNEL_ID, SERVICE_URL, TENANT_ID, bearer, make_key, mint_token, static_key_fetcher

HANDLED = 201  # what the test handler answers, so a pass is never confused with the gate's 200


def activity(**overrides):
    """A Teams personal-chat message as the Bot Connector sends it."""
    body = {
        "type": "message",
        "id": "1725177600000",
        "timestamp": "2026-09-01T08:00:00.000Z",
        "serviceUrl": SERVICE_URL,
        "channelId": CHANNEL_ID,
        "from": {"id": "29:1abc", "aadObjectId": "aad-user-1", "name": "Mette"},
        "conversation": {"id": "a:1xyz", "conversationType": "personal", "tenantId": TENANT_ID},
        "recipient": {"id": f"28:{APP_ID}", "name": "TalSammen"},
        "text": "Hej",
        "locale": "da-DK",
        "channelData": {"tenant": {"id": TENANT_ID}},
    }
    body.update(overrides)
    return body


class Gate:
    """A minimal app whose one route runs `admit` and records what the handler received."""

    def __init__(self, authenticator, *, allowed_tenants=frozenset({TENANT_ID}), max_body_bytes=256_000):
        self.calls: list[Admitted] = []
        self.authenticator, self.allowed_tenants, self.max_body_bytes = authenticator, allowed_tenants, max_body_bytes

    async def messages(self, request: web.Request) -> web.Response:
        result = await admit(
            request,
            authenticator=self.authenticator,
            allowed_tenants=self.allowed_tenants,
            max_body_bytes=self.max_body_bytes,
        )
        if isinstance(result, web.Response):
            return result
        self.calls.append(result)
        return web.Response(status=HANDLED)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/messages", self.messages)
        return app


@pytest.fixture
def clock():
    return FixedClock()


@pytest.fixture
def key():
    return make_key()


@pytest.fixture
def token(key, clock):
    return bearer(mint_token(key, now=clock.now()))


@pytest.fixture
def gate(key, clock):
    return Gate(BotFrameworkAuthenticator(APP_ID, key_fetcher=static_key_fetcher(key), clock=clock))


@pytest.fixture
async def client(gate):
    async with TestClient(TestServer(gate.app())) as client:
        yield client


async def post(client, body, *, token=None, content_type="application/json", headers=None):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    all_headers = {"Content-Type": content_type, **(headers or {})}
    if token:
        all_headers["Authorization"] = token
    return await client.post("/api/messages", data=data, headers=all_headers)


async def test_valid_activity_reaches_the_handler(client, gate, token):
    response = await post(client, activity(), token=token)
    assert response.status == HANDLED
    [admitted] = gate.calls
    assert admitted.activity["text"] == "Hej"
    assert admitted.auth_header == token
    assert admitted.tenant_id == TENANT_ID
    assert admitted.claims.authenticated and admitted.claims.app_id == APP_ID


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "Application/JSON"])
async def test_content_type_parameters_and_case_do_not_matter(client, gate, token, content_type):
    response = await post(client, activity(), token=token, content_type=content_type)
    assert response.status == HANDLED


@pytest.mark.parametrize("body, content_type, status, code", [
    (activity(), "text/plain", 415, "unsupported_media_type"),
    (activity(), "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
    (activity(), "application/octet-stream", 415, "unsupported_media_type"),
    (b"", "application/json", 400, "empty_body"),
    (b"   \n", "application/json", 400, "empty_body"),
    (b"{not json", "application/json", 400, "invalid_json"),
    (b'{"type": "message",', "application/json", 400, "invalid_json"),
    (b"\xff\xfe\xfa", "application/json", 400, "invalid_json"),
    (b'{"type": "message", "x": NaN}', "application/json", 400, "invalid_json"),
    (b"[" * 100_000 + b"]" * 100_000, "application/json", 400, "invalid_json"),
    (b'{"a":' * 40_000 + b"1" + b"}" * 40_000, "application/json", 400, "invalid_json"),
    (b"[]", "application/json", 400, "not_an_object"),
    (json.dumps([activity()]), "application/json", 400, "not_an_object"),
    (b'"message"', "application/json", 400, "not_an_object"),
    (b"42", "application/json", 400, "not_an_object"),
    (b"null", "application/json", 400, "not_an_object"),
    (b"true", "application/json", 400, "not_an_object"),
    (json.dumps(activity(value=json.loads("[" * 40 + "]" * 40))), "application/json", 400, "too_deep"),
    (b"[" * 200_000 + b"]" * 200_000, "application/json", 413, "too_large"),
])
async def test_malformed_body_is_refused(client, gate, token, body, content_type, status, code):
    response = await post(client, body, token=token, content_type=content_type)
    assert (response.status, await response.json()) == (status, {"error": code})
    assert gate.calls == []


@pytest.mark.parametrize("change", [
    {"type": None},
    {"type": ""},
    {"type": 7},
    {"type": "bogus"},
    {"type": "Message"},
    {"serviceUrl": None},
    {"serviceUrl": ""},
    {"serviceUrl": "ftp://example.com/"},
    {"serviceUrl": "https://x/" + "a" * 3000},
    {"channelId": None},
    {"from": None},
    {"from": "29:1abc"},
    {"from": {"name": "no id"}},
    {"from": {"id": 5}},
    {"conversation": None},
    {"conversation": {"id": ""}},
    {"conversation": {"id": "x" * 2000}},
    {"recipient": []},
    {"channelData": "tenant"},
    {"attachments": "x"},
    {"attachments": ["x"]},
    {"entities": {}},
    {"membersAdded": [1]},
])
async def test_activity_missing_what_a_turn_needs(client, gate, token, change):
    body = activity(**change)
    body = {k: v for k, v in body.items() if v is not None}
    response = await post(client, body, token=token)
    assert response.status == 400
    assert (await response.json())["error"] in {"missing_type", "unknown_type", "missing_field", "bad_field"}
    assert gate.calls == []


async def test_refusal_does_not_echo_the_request(client, token):
    response = await post(client, activity(type="<script>alert(1)</script>"), token=token)
    assert await response.json() == {"error": "unknown_type"}


async def test_declared_oversized_body_is_refused_before_reading(client, gate, token):
    body = activity(text="x" * 1_000_000)
    response = await post(client, body, token=token)
    assert response.status == 413
    assert gate.calls == []


async def test_chunked_oversized_body_is_refused(client, gate, token):
    async def chunks():
        yield b'{"type": "message", "text": "'
        for _ in range(20):
            yield b"x" * 65_536
        yield b'"}'

    response = await client.post(
        "/api/messages", data=chunks(), headers={"Content-Type": "application/json", "Authorization": token}
    )
    assert response.status == 413
    assert gate.calls == []


async def test_body_at_the_limit_is_accepted(key, clock, token):
    authenticator = BotFrameworkAuthenticator(APP_ID, key_fetcher=static_key_fetcher(key), clock=clock)
    gate = Gate(authenticator, max_body_bytes=4_000)
    base = json.dumps(activity(text=""))
    body = json.dumps(activity(text="x" * (4_000 - len(base))))
    assert len(body.encode()) == 4_000
    async with TestClient(TestServer(gate.app())) as client:
        assert (await post(client, body, token=token)).status == HANDLED
        assert (await post(client, body.replace('"x', '"xx'), token=token)).status == 413
    assert len(gate.calls) == 1


@pytest.mark.parametrize("header", [
    None,
    "",
    "Basic dXNlcjpwYXNz",
    "Bearer garbage",
    "Bearer a.b.c",
])
async def test_bad_authorization_header_is_401(client, gate, header):
    response = await post(client, activity(), token=header)
    assert response.status == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert await response.json() == {"error": "unauthorized"}
    assert gate.calls == []


async def test_expired_or_foreign_tokens_are_401(client, gate, key, clock):
    tokens = [
        mint_token(key, now=clock.now() - timedelta(hours=3)),
        mint_token(key, now=clock.now(), app_id="another-bot"),
        mint_token(key, now=clock.now(), service_url="https://evil.example/"),
        mint_token(make_key(key.kid, seed="impostor"), now=clock.now()),
    ]
    for token in tokens:
        assert (await post(client, activity(), token=bearer(token))).status == 401
    assert gate.calls == []


async def test_token_valid_for_another_service_url_than_the_activity(client, gate, token):
    response = await post(client, activity(serviceUrl="https://evil.example/"), token=token)
    assert response.status == 401
    assert gate.calls == []


async def test_unavailable_keys_are_503_with_retry_after(token):
    async def no_keys():
        raise KeySetUnavailable("down")

    gate = Gate(BotFrameworkAuthenticator(APP_ID, key_fetcher=no_keys, clock=FixedClock()))
    async with TestClient(TestServer(gate.app())) as client:
        response = await post(client, activity(), token=token)
    assert response.status == 503
    assert response.headers["Retry-After"] == "30"
    assert gate.calls == []


def tenant_fields(conversation_tenant, channel_tenant):
    conversation = {"id": "a:1xyz", "conversationType": "personal"}
    if conversation_tenant is not None:
        conversation["tenantId"] = conversation_tenant
    channel_data = {"tenant": {"id": channel_tenant}} if channel_tenant is not None else {}
    return activity(conversation=conversation, channelData=channel_data)


@pytest.mark.parametrize("body", [
    tenant_fields("other-tenant", "other-tenant"),
    tenant_fields(None, None),
    tenant_fields(TENANT_ID, "other-tenant"),
    tenant_fields("other-tenant", TENANT_ID),
    tenant_fields(TENANT_ID, 17),
    activity(conversation={"id": "a:1xyz", "tenantId": TENANT_ID, "tenantID": "other-tenant"}),
])
async def test_foreign_missing_or_inconsistent_tenant_has_no_effect(client, gate, token, body):
    response = await post(client, body, token=token)
    assert response.status == 200
    assert await response.read() == b""
    assert gate.calls == []


@pytest.mark.parametrize("body", [
    tenant_fields(TENANT_ID, None),
    tenant_fields(None, TENANT_ID),
    tenant_fields(TENANT_ID.upper(), TENANT_ID),
])
async def test_tenant_from_either_field_is_enough(client, gate, token, body):
    assert (await post(client, body, token=token)).status == HANDLED
    assert gate.calls[0].tenant_id == TENANT_ID


async def test_authentication_comes_before_the_tenant_check(client, gate):
    response = await post(client, tenant_fields("other-tenant", "other-tenant"), token=None)
    assert response.status == 401


async def test_no_tenant_list_admits_any_tenant_but_not_inconsistent_ones():
    gate = Gate(DisabledAuthenticator(), allowed_tenants=None)
    async with TestClient(TestServer(gate.app())) as client:
        assert (await post(client, tenant_fields("anyone", "anyone"))).status == HANDLED
        assert (await post(client, tenant_fields(None, None))).status == HANDLED
        assert (await post(client, tenant_fields("a", "b"))).status == 200
    assert [a.tenant_id for a in gate.calls] == ["anyone", None]
    assert not gate.calls[0].claims.authenticated
