"""ConnectorClient and token providers against the mock Bot Connector, over real local HTTP."""
from __future__ import annotations

import asyncio
import socket
from datetime import datetime, timezone

import aiohttp
import pytest
import pytest_asyncio
from mock_connector import MockBotConnector

from bot.teams.connector import ConnectorClient, ConnectorError, NoAuth, parse_retry_after
from bot.teams.tokens import BOT_FRAMEWORK_SCOPE, BotFrameworkTokenProvider, TokenError

CHANNEL = "19:abc@thread.tacv2;messageid=1700000000000"


@pytest_asyncio.fixture
async def mock():
    async with MockBotConnector() as server:
        server.add_conversation("a:1", tenant_id="t1")
        server.add_conversation(CHANNEL, tenant_id="t1")
        yield server


@pytest_asyncio.fixture
async def client():
    async with aiohttp.ClientSession() as session:
        yield ConnectorClient(session)


async def test_send_posts_the_activity_and_returns_its_id(mock, client):
    activity_id = await client.send_to_conversation(mock.url + "/", "a:1", {"type": "message", "text": "Hej"})
    [request] = mock.requests
    assert activity_id and request.kind == "send" and request.status == 201
    assert request.conversation_id == "a:1"
    assert request.body == {"type": "message", "text": "Hej", "conversation": {"id": "a:1"}}
    assert "Authorization" not in request.headers  # NoAuth, as for the Playground


async def test_conversation_ids_with_teams_punctuation_survive_the_url(mock, client):
    await client.send_to_conversation(mock.url, CHANNEL, {"type": "message", "text": "x"})
    assert mock.requests[0].conversation_id == CHANNEL


async def test_update_puts_the_new_activity_in_place(mock, client):
    activity_id = await client.send_to_conversation(mock.url, "a:1", {"type": "message", "text": "v1"})
    await client.update_activity(mock.url, "a:1", activity_id, {"type": "message", "text": "v2"})
    update = mock.requests[-1]
    assert (update.method, update.kind, update.status) == ("PUT", "update", 200)
    assert update.body == {"type": "message", "text": "v2", "id": activity_id, "conversation": {"id": "a:1"}}


async def test_a_reply_answers_the_activity_and_keeps_the_conversations_fields(mock, client):
    incoming = {"id": CHANNEL, "conversationType": "channel", "tenantId": "t1", "isGroup": True}
    reply = {"type": "message", "text": "svar", "replyToId": "act-1", "conversation": incoming}
    activity_id = await client.reply_to_activity(mock.url, CHANNEL, "act-1", reply)
    [request] = mock.requests
    assert activity_id and (request.method, request.kind, request.conversation_id) == ("POST", "send", CHANNEL)
    assert request.body == reply


async def test_create_personal_conversation_sends_member_and_tenant(mock, client):
    conversation_id = await client.create_personal_conversation(
        mock.url, bot_id="28:bot", member_id="29:member", tenant_id="t1"
    )
    assert conversation_id == "a:29:member"
    assert mock.requests[0].body == {
        "isGroup": False,
        "bot": {"id": "28:bot"},
        "members": [{"id": "29:member"}],
        "tenantId": "t1",
        "channelData": {"tenant": {"id": "t1"}},
    }
    # the new conversation is usable straight away
    assert await client.send_to_conversation(mock.url, conversation_id, {"type": "message", "text": "hi"})


async def test_roster_comes_in_pages_with_continuation_tokens(mock, client):
    roster = [{"id": f"29:m{i}", "name": f"Member {i}"} for i in range(120)]
    mock.add_conversation("19:team@thread.tacv2", tenant_id="t1", members=roster)
    first, token = await client.get_paged_members(mock.url, "19:team@thread.tacv2", page_size=50)
    assert first == roster[:50] and token
    assert mock.requests[0].body == {"pageSize": "50"}
    second, _ = await client.get_paged_members(mock.url, "19:team@thread.tacv2", page_size=50, continuation_token=token)
    assert second == roster[50:100]
    assert mock.requests[1].body == {"pageSize": "50", "continuationToken": token}
    pages = [page async for page in client.iter_members(mock.url, "19:team@thread.tacv2", page_size=50)]
    assert [len(page) for page in pages] == [50, 50, 20]
    assert [member for page in pages for member in page] == roster


async def test_page_size_outside_teams_range_is_refused(client):
    with pytest.raises(ValueError):
        await client.get_paged_members("http://127.0.0.1:9", "a:1", page_size=10)


async def test_429_carries_retry_after_and_is_retryable(mock, client):
    mock.fail_next(429, code="TooManyRequests", retry_after="2.5")
    with pytest.raises(ConnectorError) as caught:
        await client.send_to_conversation(mock.url, "a:1", {"type": "message", "text": "x"})
    error = caught.value
    assert (error.status, error.retry_after, error.code) == (429, 2.5, "TooManyRequests")
    assert error.retryable and not error.permanent and not error.unreachable


async def test_403_carries_the_teams_error_code_and_is_permanent(mock, client):
    mock.faults.blocked_conversations.add("a:1")
    with pytest.raises(ConnectorError) as caught:
        await client.send_to_conversation(mock.url, "a:1", {"type": "message", "text": "x"})
    error = caught.value
    assert (error.status, error.code) == (403, "ConversationBlockedByUser")
    assert error.permanent and error.unreachable and not error.retryable
    assert "ConversationBlockedByUser" in str(error)


async def test_unknown_conversation_is_404_conversation_not_found(mock, client):
    with pytest.raises(ConnectorError) as caught:
        await client.send_to_conversation(mock.url, "a:nobody", {"type": "message", "text": "x"})
    assert (caught.value.status, caught.value.code) == (404, "ConversationNotFound")


@pytest.mark.parametrize("status, retryable, permanent", [
    (412, True, False), (502, True, False), (503, True, False), (504, True, False),
    (400, False, True), (401, False, True), (500, False, False),
])
async def test_status_classification_follows_the_published_list(mock, client, status, retryable, permanent):
    mock.fail_next(status)
    with pytest.raises(ConnectorError) as caught:
        await client.send_to_conversation(mock.url, "a:1", {"type": "message", "text": "x"})
    assert (caught.value.status, caught.value.retryable, caught.value.permanent) == (status, retryable, permanent)
    assert caught.value.code is None and caught.value.retry_after is None


async def test_retry_after_as_http_date_is_read_against_the_wall_clock(mock):
    now = datetime(2026, 11, 2, 9, 0, 0, tzinfo=timezone.utc)
    mock.fail_next(429, retry_after="Mon, 02 Nov 2026 09:00:30 GMT")
    async with aiohttp.ClientSession() as session:
        client = ConnectorClient(session, wall_clock=lambda: now)
        with pytest.raises(ConnectorError) as caught:
            await client.send_to_conversation(mock.url, "a:1", {"type": "message", "text": "x"})
    assert caught.value.retry_after == 30.0


@pytest.mark.parametrize("header, seconds", [
    ("3", 3.0), (" 1.5 ", 1.5), ("-4", 0.0), ("", None), (None, None), ("soon", None), ("inf", None),
    ("Mon, 02 Nov 2026 08:59:00 GMT", 0.0), ("Mon, 02 Nov 2026 09:02:00 GMT", 120.0),
])
def test_parse_retry_after(header, seconds):
    assert parse_retry_after(header, datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)) == seconds


async def test_refused_connection_is_retryable_because_nothing_was_sent():
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with ConnectorClient() as client:
        with pytest.raises(ConnectorError) as caught:
            await client.send_to_conversation(f"http://127.0.0.1:{port}", "a:1", {"type": "message"})
    assert caught.value.status == 0 and caught.value.code == "ConnectionFailed"
    assert caught.value.retryable and not caught.value.maybe_delivered


@pytest.mark.looptime
async def test_a_timeout_may_have_delivered_so_it_is_not_retryable():
    async with MockBotConnector(latency=30.0) as slow:
        slow.add_conversation("a:1", tenant_id="t1")
        async with ConnectorClient(timeout=5.0) as client:
            with pytest.raises(ConnectorError) as caught:
                await client.send_to_conversation(slow.url, "a:1", {"type": "message", "text": "x"})
    assert caught.value.status == 0 and caught.value.maybe_delivered
    assert not caught.value.retryable
    assert len(slow.delivered()) == 1  # Teams did take it: resending would duplicate


# --- tokens ----------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest_asyncio.fixture
async def auth_mock():
    async with MockBotConnector(require_auth=True, token_lifetime=3600) as server:
        server.add_conversation("a:1", tenant_id="t1")
        yield server


async def test_token_is_fetched_with_client_credentials_and_cached(auth_mock):
    clock = Clock()
    provider = BotFrameworkTokenProvider("app-id", "s3cret", "tenant-x", token_url=auth_mock.token_url("tenant-x"), clock=clock)
    try:
        tokens = await asyncio.gather(*(provider.token() for _ in range(5)))
        clock.now += 3000.0  # still more than five minutes left
        tokens.append(await provider.token())
    finally:
        await provider.close()
    assert set(tokens) == {"token-1"}
    [fetch] = [r for r in auth_mock.requests if r.kind == "token"]
    assert fetch.tenant_id == "tenant-x"
    assert fetch.body == {
        "grant_type": "client_credentials",
        "client_id": "app-id",
        "client_secret": "s3cret",
        "scope": BOT_FRAMEWORK_SCOPE,
    }


async def test_token_is_refreshed_shortly_before_expiry(auth_mock):
    clock = Clock()
    async with aiohttp.ClientSession() as session:
        provider = BotFrameworkTokenProvider("app", "pw", session=session, token_url=auth_mock.token_url(), clock=clock)
        assert await provider.token() == "token-1"
        clock.now += 3600 - 300 + 1  # inside the five-minute margin
        assert await provider.token() == "token-2"
        provider.invalidate()
        assert await provider.token() == "token-3"


async def test_connector_sends_the_bearer_token(auth_mock):
    async with aiohttp.ClientSession() as session:
        tokens = BotFrameworkTokenProvider("app", "pw", session=session, token_url=auth_mock.token_url())
        client = ConnectorClient(session, tokens)
        await client.send_to_conversation(auth_mock.url, "a:1", {"type": "message", "text": "x"})
        with pytest.raises(ConnectorError) as caught:
            await ConnectorClient(session, NoAuth()).send_to_conversation(auth_mock.url, "a:1", {"type": "message"})
    send = auth_mock.delivered()[0]
    assert send.headers["Authorization"] == "Bearer token-1"
    assert caught.value.status == 401


async def test_a_rejected_secret_raises_a_token_error_that_blames_no_recipient(auth_mock):
    provider = BotFrameworkTokenProvider("app", "wrong", token_url=auth_mock.token_url())
    try:
        with pytest.raises(TokenError) as caught:
            await provider.token()
    finally:
        await provider.close()
    assert (caught.value.status, caught.value.code) == (401, "invalid_client")
    assert not caught.value.retryable and not caught.value.unreachable
    assert "wrong" not in repr(provider) and "wrong" not in str(caught.value)
