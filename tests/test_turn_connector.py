"""A turn's replies go through the bot's own async connector: the app's token, no thread.

Through the real app (authentication on, tests/secure_app.py) and the strict mock Bot
Connector, which refuses a request without a token it issued. The lane's pacing itself is
tests/test_reply_lane.py.
"""
from __future__ import annotations

import asyncio
import concurrent.futures

import pytest
import requests
from botbuilder.schema import ErrorResponseException
from botframework.connector.auth import AuthenticationConstants, ClaimsIdentity

import factories as f
from bot.teams.connector import ConnectorClient, ConnectorError
from bot.teams.turn_connector import TurnConnectorFactory, TurnReplyError
from keys import APP_ID
from secure_app import BOTBUILDER_TOKEN, secure_app


class _NoThreads(concurrent.futures.ThreadPoolExecutor):
    """A default executor that fails the test if anything hands it work (asyncio insists on
    the type; no thread is ever started)."""

    def __init__(self) -> None:
        super().__init__(max_workers=1)
        self.asked: list[object] = []

    def submit(self, fn, /, *args, **kwargs):  # noqa: ANN001, ANN201
        self.asked.append(fn)
        raise AssertionError(f"a turn used the default thread pool for {fn!r}")


async def test_a_reply_carries_the_apps_own_token_and_uses_no_thread(tmp_path, monkeypatch):
    def no_requests(*_args, **_kwargs):
        raise AssertionError("a turn sent through requests (msrest)")

    monkeypatch.setattr(requests.Session, "send", no_requests)
    async with secure_app("sqlite", tmp_path, monkeypatch) as app:
        app.mock.add_conversation("a:u-bo", tenant_id=f.TENANT)
        loop = asyncio.get_running_loop()
        pool = _NoThreads()
        loop.set_default_executor(pool)
        try:
            assert await app.post(f.personal_message(app.mock.url, "hjælp", user="u-bo", conversation="a:u-bo")) == 200
        finally:
            loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(2))
        [token_request] = [r for r in app.mock.requests if r.kind == "token"]
        [reply] = [r for r in app.mock.requests if r.conversation_id == "a:u-bo"]
    assert pool.asked == []
    # Single-tenant: the token comes from the app's own tenant, for the Bot Framework's scope.
    assert token_request.tenant_id == f.TENANT
    assert token_request.body["client_id"] == APP_ID and token_request.body["scope"] == "https://api.botframework.com/.default"
    assert reply.status == 201 and reply.method == "POST"
    assert reply.headers["Authorization"] == f"Bearer {app.mock.issued_tokens[-1]}"
    assert reply.headers["Authorization"] != f"Bearer {BOTBUILDER_TOKEN}"  # not botbuilder's credentials
    assert reply.body["conversation"]["id"] == "a:u-bo" and reply.body["type"] == "message"


async def test_replies_reuse_the_cached_token(tmp_path, monkeypatch):
    async with secure_app("sqlite", tmp_path, monkeypatch) as app:
        app.mock.add_conversation("a:u-bo", tenant_id=f.TENANT)
        for _ in range(3):
            assert await app.post(f.personal_message(app.mock.url, "hjælp", user="u-bo", conversation="a:u-bo")) == 200
        tokens = [r for r in app.mock.requests if r.kind == "token"]
        replies = [r for r in app.mock.requests if r.conversation_id == "a:u-bo"]
    assert len(tokens) == 1 and len(replies) == 3
    assert all(r.status == 201 for r in replies)


def _factory(claims: dict, app_id: str = APP_ID) -> TurnConnectorFactory:
    return TurnConnectorFactory(ConnectorClient(), None, app_id=app_id, identity=ClaimsIdentity(claims, True), tenant_id="t1")


async def test_no_connector_for_claims_of_another_app_or_another_audience():
    with pytest.raises(PermissionError):
        await _factory({AuthenticationConstants.AUDIENCE_CLAIM: "another-app"}).create("https://smba.example/", None)
    with pytest.raises(PermissionError):
        await _factory({AuthenticationConstants.AUDIENCE_CLAIM: APP_ID}).create("https://smba.example/", "https://graph.microsoft.com")
    mine = await _factory({AuthenticationConstants.AUDIENCE_CLAIM: APP_ID}).create(
        "https://smba.example/", AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE)
    assert mine.service_url == "https://smba.example/"
    # Local development: no app id, no token, any claims (the Playground's anonymous ones).
    assert await _factory({}, app_id="").create("http://127.0.0.1:56150", "AnonymousSkill")


def test_a_failed_reply_is_both_botbuilders_error_and_ours():
    error = TurnReplyError(ConnectorError(404, code="ActivityNotFound", message="gone"))
    assert isinstance(error, ErrorResponseException) and isinstance(error, ConnectorError)
    assert (error.status, error.code, error.response.status_code) == (404, "ActivityNotFound", 404)
    assert error.unreachable and "ActivityNotFound" in str(error)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_cards_body_is_what_msrest_itself_would_send(lang):
    """activity_body sets plain card contents aside while msrest serializes the rest: same JSON."""
    from datetime import date

    from botbuilder.schema import Activity, ChannelAccount, ConversationAccount
    from msrest.serialization import Serializer

    from bot.cards.nomination import nomination_card
    from bot.concepts import load_concept
    from bot.dialogs.replies import card_activity
    from bot.teams.turn_connector import activity_body

    card = nomination_card(lang, load_concept("nyborg"), round_id="0" * 32, deadline=date(2027, 2, 28),
                           contact_name="Åse Ærø", named_mode=True)
    activity = card_activity(card, "Udviklingsdialog", lang)
    activity.id, activity.conversation = "act-1", ConversationAccount(id="a:u-bo")
    activity.from_property, activity.text = ChannelAccount(id="28:bot"), "før og efter"
    activity.attachments.append(Activity().deserialize({"attachments": [{"contentType": "text/plain", "content": "x"}]}).attachments[0])
    models = {k: v for k, v in __import__("botbuilder.schema", fromlist=["*"]).__dict__.items() if isinstance(v, type)}
    expected = Serializer(models).body(activity, "Activity")
    content = activity.attachments[0].content
    assert activity_body(activity) == expected
    assert activity.attachments[0].content is content  # the activity itself is left as it was


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_card_activity_is_what_msrest_would_have_made(lang):
    """card_activity puts the card in as it is instead of letting msrest copy it: same activity."""
    from datetime import date

    from botbuilder.schema import Activity
    from msrest.serialization import Serializer

    from bot.cards.elements import message_with_card
    from bot.cards.nomination import nomination_card
    from bot.concepts import load_concept
    from bot.dialogs.replies import card_activity

    card = nomination_card(lang, load_concept("nyborg"), round_id="0" * 32, deadline=date(2027, 2, 28),
                           contact_name="Åse Ærø", named_mode=True)
    models = {k: v for k, v in __import__("botbuilder.schema", fromlist=["*"]).__dict__.items() if isinstance(v, type)}
    serializer = Serializer(models)
    expected = serializer.body(Activity().deserialize(message_with_card(card, summary="Udviklingsdialog", lang=lang)), "Activity")
    assert serializer.body(card_activity(card, "Udviklingsdialog", lang), "Activity") == expected
