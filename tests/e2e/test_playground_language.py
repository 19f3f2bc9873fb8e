"""The language rule against Microsoft's Agents Playground, where every member reports ``en-US``.

The team's channel speaks the team's language (Danish, the default, before anyone chooses one)
whoever writes and in whichever language; the current user's personal chat speaks their own:
a Danish-only word gets Danish, an English word the en-US locale, a stored choice beats both.
The same rule runs through the mock connector in tests/test_language.py.
"""
from __future__ import annotations

import json

import pytest

from bot.app import SERVICES
from bot.texts import t

from .playground import Playground
from .test_playground_journey import LEADER, PETER

pytestmark = pytest.mark.playground


def text_of(message) -> str:
    return json.dumps({"text": message.text, "cards": message.cards}, ensure_ascii=False)


async def test_a_team_whose_members_report_en_us_gets_danish_in_the_channel(bot_endpoint):
    app, endpoint = bot_endpoint
    services = app[SERVICES]
    async with Playground(endpoint) as pg:
        general = pg.channel()["id"]
        await pg.install_in_team()
        welcome = text_of(pg.messages_in(general)[-1])
        assert t("da", "welcome.team.intro") in welcome and t("en", "welcome.team.intro") not in welcome

        await pg.say_in_channel(LEADER, "start")
        setup = text_of(pg.messages_in(general)[-1])
        assert t("da", "action.start_round") in setup and t("en", "action.start_round") not in setup

        await pg.say_in_channel(PETER, "help")  # an English word in a Danish channel
        assert t("da", "help.title") in text_of(pg.messages_in(general)[-1])

        # The personal chat: en-US and nothing chosen.
        chat = (await pg.config())["personalChat"]["id"]
        await pg.say_personal("hjælp")  # the first message is greeted
        await pg.say_personal("hjælp")
        assert t("da", "help.title") in text_of(pg.messages_in(chat)[-1])  # a Danish word: Danish
        await pg.say_personal("help")
        assert t("en", "help.title") in text_of(pg.messages_in(chat)[-1])  # an English word: the locale
        await pg.say_personal("sprog dansk")
        await pg.say_personal("help")
        assert t("da", "help.title") in text_of(pg.messages_in(chat)[-1])  # the stored choice

        # The team chose English: the channel answers in English, also to a Danish word.
        await services.store.workplaces.set_language(pg.team["id"], "en")
        await pg.say_in_channel(PETER, "hjælp")
        assert t("en", "help.title") in text_of(pg.messages_in(general)[-1])
