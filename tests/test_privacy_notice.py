"""The privacy notice: served in Danish and English, escaped, and linked from help."""
from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot.app import Overrides, create_app
from bot.cards import help_card
from bot.privacy.notice import notice_html, notice_text
from bot.concepts import load_concept
from bot.settings import Settings
from cards_validation import walk
from bot.dialogs.router import REGISTRY
from bot.process.dialogue import Role

EMPLOYEE_COMMANDS = REGISTRY.help_lines({Role.EMPLOYEE})
PLANNING_COMMANDS = REGISTRY.help_lines({Role.EMPLOYEE, Role.PLANNING_GROUP})


def settings(tmp_path, **values) -> Settings:
    return Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'p.db'}", _env_file=None, **values)


@pytest.mark.parametrize("lang, words", [
    ("da", ("Formål", "artikel 6, stk. 1, litra e", "databeskyttelsesloven § 12", "Hvem ser hvad", "400 dage", "Kontakt", "mine data")),
    ("en", ("Purpose", "Article 6(1)(e)", "databeskyttelsesloven § 12", "Who sees what", "400 days", "Contact", "my data")),
])
async def test_the_bot_serves_the_notice_in_both_languages(tmp_path, lang, words):
    app = create_app(settings(tmp_path, privacy_contact="dpo@nyborg.dk"), Overrides(start_scheduler=False))
    async with TestClient(TestServer(app)) as client:
        response = await client.get(f"/privacy/{lang}")
        page = await response.text()
        assert response.status == 200 and response.content_type == "text/html"
        assert "script-src" not in response.headers["Content-Security-Policy"] and "default-src 'none'" in response.headers["Content-Security-Policy"]
        for word in words:
            assert word in page, word
        assert "dpo@nyborg.dk" in page and "Nyborg Kommune" in page
        assert (await client.get("/privacy/de")).status == 404


def test_every_value_in_the_page_is_escaped():
    page = notice_html("da", organisation="<script>alert(1)</script>", retention_days=30, min_group_size=5, contact="<a href=x>mig</a>")
    assert "<script>" not in page and "&lt;script&gt;" in page and "<a href" not in page
    assert "{" not in notice_text("en", organisation="X", retention_days=1, min_group_size=5)


def test_help_links_to_the_configured_notice_or_the_bots_own_page(tmp_path):
    assert settings(tmp_path).privacy_url("da") is None
    assert settings(tmp_path, public_base_url="https://bot.example/").privacy_url("en") == "https://bot.example/privacy/en"
    configured = settings(tmp_path, public_base_url="https://bot.example", privacy_notice_url="https://nyborg.dk/privatliv")
    assert configured.privacy_url("da") == "https://nyborg.dk/privatliv"


async def test_the_help_card_in_the_app_carries_the_link(tmp_path):
    from mock_connector import MockBotConnector
    from bot.teams.connector import ConnectorClient

    async with MockBotConnector() as mock:
        mock.add_conversation("a:u-bo", tenant_id=f.TENANT)
        app = create_app(settings(tmp_path, public_base_url="https://bot.example"), Overrides(start_scheduler=False, connector=ConnectorClient()))
        async with TestClient(TestServer(app)) as client:
            await client.post("/api/messages", json=f.personal_message(mock.url, "hjælp", user="u-bo", conversation="a:u-bo"))
            await client.post("/api/messages", json=f.personal_message(mock.url, "hjælp", user="u-bo", conversation="a:u-bo"))
    cards = [a["attachments"][0]["content"] for a in mock.activities_in("a:u-bo").values() if a.get("attachments")]
    urls = [v["url"] for c in cards for _, v in walk(c) if isinstance(v, dict) and v.get("type") == "Action.OpenUrl"]
    assert "https://bot.example/privacy/da" in urls


@pytest.mark.parametrize("named", [False, True])
def test_every_employee_sees_before_submitting_whether_names_are_shown(named):
    from bot.cards import nomination_card
    from bot.texts import t
    from datetime import date
    import json

    for lang in ("da", "en"):
        card = json.dumps(nomination_card(lang, load_concept("nyborg"), round_id="r1", deadline=date(2026, 9, 15), contact_name="Lea", named_mode=named), ensure_ascii=False)
        assert t(lang, "nomination.who.named" if named else "nomination.who.anonymous") in card


def test_help_card_without_a_url_has_no_privacy_button():
    card = help_card("da", load_concept("nyborg"), role="employee", commands=EMPLOYEE_COMMANDS, in_channel=False, privacy_url=None)
    assert not [v for _, v in walk(card) if isinstance(v, dict) and v.get("type") == "Action.OpenUrl"]
