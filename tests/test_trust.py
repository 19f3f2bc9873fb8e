"""Issue 4 through the real app with authentication on: who gets in, bad input, duplicates.

Runs on SQLite and PostgreSQL (see tests/secure_app.py for how tokens and the outbound side
are handled without network).
"""
from __future__ import annotations

import logging
from datetime import timedelta

import pytest
import pytest_asyncio

import factories as f
from bot.app import Overrides, create_app
from bot.settings import Settings, SettingsError, load_settings
from keys import APP_ID, bearer, make_key, mint_hs256_token, mint_token, mint_unsigned_token, tamper
from secure_app import SecureApp, secure_app
from sqlmodel.ext.asyncio.session import AsyncSession


@pytest_asyncio.fixture
async def app(backend, tmp_path, monkeypatch):
    async with secure_app(backend, tmp_path, monkeypatch) as secure:
        yield secure


async def test_an_authenticated_team_runs_a_round_end_to_end(app: SecureApp):
    round_ = await app.start_round()
    assert [m.user_id for m in await app.store.planning_group.members(f.TEAM)] == ["u-leader"]
    assert all(len(app.cards_in(f"a:{m}")) == 1 for m in ("u-leader", "u-bo", "u-erik"))
    # Replies inside the turn went out with a bearer token the mock issued, never without.
    assert app.mock.delivered() and all(r.headers.get("Authorization", "").startswith("Bearer ") for r in app.mock.delivered())
    assert any(r.kind == "token" for r in app.mock.requests)  # our connector fetched its own token
    assert round_.deadline_date.isoformat() == "2026-09-15"


def bad_tokens(app: SecureApp) -> dict[str, str | None]:
    now = app.clock.now()
    good = app.token()
    other_key = make_key("attacker-key")
    return {
        "missing": None,
        "empty": "",
        "not bearer": f"Basic {good}",
        "malformed": "Bearer not.a.jwt-at-all",
        "garbage": "Bearer " + "x" * 50,
        "expired": bearer(app.token(lifetime=timedelta(hours=-2), not_before=timedelta(hours=-3))),
        "not yet valid": bearer(app.token(not_before=timedelta(hours=2), lifetime=timedelta(hours=3))),
        "wrongly signed": bearer(mint_token(other_key, now=now, kid=app.key.kid, service_url=app.mock.url)),
        "unknown key": bearer(mint_token(other_key, now=now, service_url=app.mock.url)),
        "tampered": bearer(tamper(good, aud="someone-else")),
        "wrong audience": bearer(app.token(app_id="another-bot")),
        "wrong service url": bearer(app.token(service_url="https://evil.example/")),
        "not from the Bot Connector": bearer(app.token(issuer="https://sts.windows.net/some-tenant/")),
        "emulator issuer": bearer(app.token(issuer="https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0")),
        "hs256 with the bot's secret": bearer(mint_hs256_token(now=now, kid=app.key.kid, service_url=app.mock.url)),
        "alg none": bearer(mint_unsigned_token(now=now, kid=app.key.kid, service_url=app.mock.url)),
    }


async def test_every_kind_of_bad_token_gets_401_and_changes_nothing(app: SecureApp, caplog):
    before = await app.snapshot()
    kinds = bad_tokens(app)
    activities = [
        f.bot_added_to_team(app.mock.url),
        f.channel_submit(app.mock.url, {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "X", "named_mode": "named"}, user="u-erik"),
        f.personal_message(app.mock.url, "mine data", user="u-bo", conversation="a:u-bo"),
    ]
    for name, header in kinds.items():
        for activity in activities:
            status = await app.post(activity, authorization=header)
            assert status == 401, name
    assert await app.snapshot() == before
    assert app.mock.requests == []  # no handler ran: nothing was sent anywhere
    assert "unhandled" not in caplog.text


async def test_a_token_endorsed_for_another_channel_is_refused(backend, tmp_path, monkeypatch):
    async with secure_app(backend, tmp_path, monkeypatch) as app:
        app.key = make_key("skype-only", endorsements=("skype",))
        before = await app.snapshot()
        assert await app.post(f.bot_added_to_team(app.mock.url)) == 401  # kid unknown to the app
        activity = f.bot_added_to_team(app.mock.url)
        activity["channelId"] = "webchat"  # the real key is endorsed for msteams only
        app.key = make_key()
        assert await app.post(activity) == 401
        assert await app.snapshot() == before


async def test_another_tenant_or_inconsistent_tenant_fields_have_no_effect_and_are_logged(app: SecureApp, caplog):
    await app.start_round()
    before = await app.snapshot()
    sent = len(app.mock.requests)
    foreign = f.channel_mention(app.mock.url, "optælling", user="u-leader", name="Lea Leder")
    foreign["conversation"]["tenantId"] = "other-tenant"
    foreign["channelData"]["tenant"]["id"] = "other-tenant"
    mixed = f.personal_message(app.mock.url, "mine data", user="u-bo", conversation="a:u-bo")
    mixed["channelData"]["tenant"] = {"id": "other-tenant"}
    missing = f.personal_message(app.mock.url, "mine data", user="u-bo", conversation="a:u-bo")
    del missing["channelData"]["tenant"], missing["conversation"]["tenantId"]
    with caplog.at_level(logging.WARNING, logger="bot.teams.gate"):
        for activity in (foreign, mixed, missing):
            assert await app.post(activity) == 200
    assert await app.snapshot() == before
    assert len(app.mock.requests) == sent
    assert "not allowed" in caplog.text and "disagree" in caplog.text and "no tenant id" in caplog.text


@pytest.mark.parametrize("body, content_type, expected", [
    (b"{not json", "application/json", 400),
    (b"[]", "application/json", 400),
    (b'[{"type": "message"}]', "application/json", 400),
    (b'"message"', "application/json", 400),
    (b"", "application/json", 400),
    (b'{"text": "no type"}', "application/json", 400),
    (b'{"type": "notAType", "channelId": "msteams"}', "application/json", 400),
    (b'{"type": "message"}', "text/plain", 415),
    (b'{"type": "message", "x": NaN}', "application/json", 400),
    (b'{"type": "message", "text": "' + b"a" * 300_000 + b'"}', "application/json", 413),
    (b"[" * 5_000 + b"]" * 5_000, "application/json", 400),
])
async def test_bad_bodies_get_4xx_and_write_nothing(app: SecureApp, body, content_type, expected):
    before = await app.snapshot()
    assert await app.post(None, raw=body, content_type=content_type) == expected
    assert await app.snapshot() == before


async def test_an_activity_botbuilder_cannot_read_gets_400_not_500(app: SecureApp):
    activity = f.personal_message(app.mock.url, "hjælp", user="u-bo", conversation="a:u-bo")
    activity["timestamp"] = "not a time"
    before = await app.snapshot()
    assert await app.post(activity) == 400
    assert await app.snapshot() == before


async def test_the_same_activity_twice_and_a_double_click_have_one_effect(app: SecureApp):
    round_ = await app.start_round()
    card_id = app.cards_in("a:u-bo")[0][0]
    value = {
        "verb": "nomination.submit", "round_id": round_.id,
        "wellbeing_theme": "social-support-trust", "wellbeing_why_me": "Fordi 💪", "wellbeing_core_task": "Borgerne",
        "leadership_theme": "shared-direction-goals", "leadership_why_me": "Retning", "leadership_core_task": "Sammen",
    }
    submit = f.personal_submit(app.mock.url, value, user="u-bo", conversation="a:u-bo", reply_to=card_id)
    assert await app.post(submit) == 200
    after_first = await app.snapshot()
    assert await app.post(submit) == 200  # Teams redelivers the same activity
    assert await app.snapshot() == after_first
    # A double click is two activities with the same content: still one nomination, version 1.
    assert await app.post(f.personal_submit(app.mock.url, value, user="u-bo", conversation="a:u-bo", reply_to=card_id)) == 200
    rows = await app.store.nominations.records(round_.id)
    assert len(rows) == 1
    async with AsyncSession(app.store.engine) as s:
        from bot.storage.models import Nomination
        assert (await s.get(Nomination, (round_.id, "u-bo"))).version == 1
    # A double click on "Start the round" opens one round.
    start = {"verb": "round.start", "deadline": "2026-09-20", "contact_name": "Lea", "named_mode": "named"}
    for _ in range(2):
        assert await app.post(f.channel_submit(app.mock.url, start, user="u-leader", name="Lea Leder")) == 200
    assert (await app.store.dialogues.latest_round(f.TEAM)).id == round_.id


def test_production_refuses_to_start_without_credentials(monkeypatch):
    for name in ("MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID", "LOCAL_DEVELOPMENT"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SettingsError) as refused:
        load_settings(_env_file=None)
    assert all(k in str(refused.value) for k in ("MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID"))
    with pytest.raises(SettingsError) as partly:
        load_settings(microsoft_app_id=APP_ID, microsoft_app_password="secret", _env_file=None)
    assert "MICROSOFT_APP_TENANT_ID" in str(partly.value) and "MICROSOFT_APP_ID," not in str(partly.value)


def test_local_development_must_be_asked_for_and_warns_at_start_up(tmp_path, caplog):
    settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'x.db'}", _env_file=None)
    assert not settings.authentication_enabled
    with caplog.at_level(logging.WARNING):
        create_app(settings, Overrides(start_scheduler=False))
    assert any(r.levelno == logging.WARNING and "authentication is OFF" in r.getMessage() for r in caplog.records)


def test_with_credentials_authentication_is_on_and_silent(tmp_path, caplog):
    from secure_app import settings

    with caplog.at_level(logging.WARNING):
        create_app(settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"), Overrides(start_scheduler=False))
    assert "authentication is OFF" not in caplog.text and "DISABLED" not in caplog.text


async def test_ids_longer_than_the_tables_hold_get_400_and_write_nothing(app: SecureApp):
    before = await app.snapshot()
    long_user = f.personal_message(app.mock.url, "mine data", user="u-" + "x" * 300, conversation="a:u-bo")
    long_conversation = f.personal_message(app.mock.url, "hjælp", user="u-bo", conversation="a:" + "c" * 400)
    long_id = {**f.personal_message(app.mock.url, "hjælp", user="u-bo", conversation="a:u-bo"), "id": "9" * 300}
    long_team = f.channel_mention(app.mock.url, "start", user="u-bo")
    long_team["channelData"]["team"]["id"] = "19:" + "t" * 300
    for activity in (long_user, long_conversation, long_id, long_team):
        assert await app.post(activity) == 400
    assert await app.snapshot() == before


async def test_commands_with_extra_words_never_crash_the_turn(app: SecureApp, caplog):
    round_ = await app.start_round()
    before = len(app.cards_in("a:u-bo"))
    for text in ("mine temaer nu", "my themes please", "mine data tak", "hjælp mig", "status x", "sprog fr"):
        assert await app.post(f.personal_message(app.mock.url, text, user="u-bo", conversation="a:u-bo")) == 200
    assert "unhandled error" not in caplog.text
    assert round_.id in str(app.cards_in("a:u-bo")[before][1])  # "mine temaer nu" brought the form back


async def test_control_characters_in_ids_are_refused_and_in_names_removed(app: SecureApp):
    before = await app.snapshot()
    for activity in (
        f.personal_message(app.mock.url, "hjælp", user="u-\x00bo", conversation="a:u-bo"),
        f.personal_message(app.mock.url, "hjælp", user="u-bo", conversation="a:u-\x00bo"),
        {**f.personal_message(app.mock.url, "hjælp", user="u-bo", conversation="a:u-bo"), "id": "act\x00-1"},
    ):
        assert await app.post(activity) == 400
    assert await app.snapshot() == before
    await app.post(f.personal_message(app.mock.url, "hjælp", user="u-bo", conversation="a:u-bo", name="Bo\x00 \u202eBæk 😀"))
    assert (await app.store.people.get("u-bo")).name == "Bo Bæk 😀"
