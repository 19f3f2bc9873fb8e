"""The Playground harness carries everything the real bot's nomination journey needs.

A tiny botbuilder bot (CloudAdapter, no app id, served by aiohttp on 127.0.0.1) runs in this
process: it echoes messages; on "@bot roster" in a channel it reads the paged roster, opens a
1:1 chat with every member and sends each an Adaptive Card (in the background, after answering
in the channel, as a rate-limited bot would); a card submit updates that card in place. The
real bot's own end-to-end journey lives beside this file; its rules are unit-tested elsewhere.
"""
from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field

import pytest
from aiohttp import web
from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.core.teams import TeamsActivityHandler, TeamsInfo
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ChannelAccount, ConversationParameters

from .playground import Playground, require_playground

pytestmark = pytest.mark.playground

SPEAKER = "29:fatima-ali"  # not the Playground's current user
RESPONDER = "29:lars-sorensen"  # not the current user either
EVERYONE = {"29:mette-holm", "29:jonas-nielsen", "29:fatima-ali", "29:lars-sorensen",
            "29:sofie-jensen", "29:peter-madsen"}
MENTION = re.compile(r"<at>[^<]*</at>")


class _NoCredentials:
    """Empty app id and password: the adapter skips authentication (local loop only)."""

    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


def question_card(name: str) -> dict:
    return {"type": "AdaptiveCard", "version": "1.4",
            "body": [{"type": "TextBlock", "text": f"Hej {name}, hvordan går det?"}],
            "actions": [{"type": "Action.Submit", "title": "Godt", "data": {"choice": "godt"}}]}


def thanks_card(name: str, choice: str) -> dict:
    return {"type": "AdaptiveCard", "version": "1.4",
            "body": [{"type": "TextBlock", "text": f"Tak, {name}: {choice}"}]}


class SmokeBot(TeamsActivityHandler):
    """Echo, roster fan-out and card update: the Teams calls the real bot relies on."""

    def __init__(self, adapter: CloudAdapter) -> None:
        self.adapter = adapter
        self.received: list[Activity] = []
        self.roster: list[str] = []
        self.background: set[asyncio.Task] = set()

    async def on_turn(self, turn_context: TurnContext) -> None:
        self.received.append(turn_context.activity)
        await super().on_turn(turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if activity.value:
            await self._thank(turn_context)
            return
        text = MENTION.sub("", activity.text or "").strip()
        if text == "roster" and activity.conversation.conversation_type == "channel":
            members = await self._paged_roster(turn_context)
            await turn_context.send_activity(f"Sender et kort til {len(members)} personer")
            reference = TurnContext.get_conversation_reference(activity)
            task = asyncio.create_task(self._greet_everyone(reference, activity, members))
            self.background.add(task)
            return
        await turn_context.send_activity(f"echo: {text}")

    async def _paged_roster(self, turn_context: TurnContext) -> list[ChannelAccount]:
        members, token = [], None
        while True:
            page = await TeamsInfo.get_paged_members(turn_context, token)
            members += page.members
            token = page.continuation_token
            if not token:
                self.roster = [member.id for member in members]
                return members

    async def _greet_everyone(self, reference, activity: Activity, members) -> None:
        # botbuilder-python reads conversation.tenantId under the key "tenantID": use channelData.
        tenant_id = activity.channel_data["tenant"]["id"]
        for member in members:
            parameters = ConversationParameters(
                is_group=False, bot=reference.bot, members=[ChannelAccount(id=member.id)],
                tenant_id=tenant_id, channel_data={"tenant": {"id": tenant_id}})

            async def send_card(context: TurnContext, name=member.name) -> None:
                await context.send_activity(MessageFactory.attachment(CardFactory.adaptive_card(question_card(name))))

            await self.adapter.create_conversation("", send_card, parameters, activity.channel_id,
                                                   activity.service_url, None)

    async def _thank(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        update = MessageFactory.attachment(CardFactory.adaptive_card(
            thanks_card(activity.from_property.name, activity.value["choice"])))
        update.id = activity.reply_to_id
        await turn_context.update_activity(update)


@dataclass
class RunningBot:
    bot: SmokeBot
    endpoint: str
    errors: list[BaseException] = field(default_factory=list)


@pytest.fixture
async def smoke_bot():
    """The smoke bot listening on a free port of 127.0.0.1."""
    require_playground()
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(_NoCredentials()))
    bot = SmokeBot(adapter)
    running = RunningBot(bot, "")

    async def record_error(context: TurnContext, error: Exception) -> None:
        running.errors.append(error)
        raise error  # answer 500, so the harness raises BotTurnError for this turn

    adapter.on_turn_error = record_error

    async def messages(request: web.Request) -> web.Response:
        return await adapter.process(request, bot)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    running.endpoint = f"http://{host}:{port}/api/messages"
    try:
        yield running
    finally:
        await asyncio.gather(*bot.background, return_exceptions=True)
        await runner.cleanup()


async def test_personal_chat_message_is_echoed(smoke_bot):
    async with Playground(smoke_bot.endpoint) as pg:
        await pg.say_personal("hej med dig")

        chat_id = (await pg.config())["personalChat"]["id"]
        assert [m.text for m in pg.messages_in(chat_id)] == ["echo: hej med dig"]
        assert smoke_bot.bot.received[-1].from_property.id == pg.current_user["id"]


async def test_installing_in_the_team_tells_the_bot_its_team(smoke_bot):
    async with Playground(smoke_bot.endpoint) as pg:
        await pg.install_in_team()

        install, added = smoke_bot.bot.received[-2:]
        assert (install.type, install.action) == ("installationUpdate", "add")
        assert added.type == "conversationUpdate"
        assert [m.id for m in added.members_added] == [pg.bot["id"]]
        assert added.channel_data["team"]["id"] == pg.team["id"]


async def test_roster_cards_reach_everyone_and_a_submit_updates_the_card(smoke_bot):
    async with Playground(smoke_bot.endpoint) as pg:
        general = pg.channel()["id"]
        await pg.install_in_team()

        await pg.say_in_channel(SPEAKER, "roster")

        mention = smoke_bot.bot.received[-1]
        assert mention.from_property.id == SPEAKER
        assert mention.channel_data["team"]["id"] == pg.team["id"]
        assert set(smoke_bot.bot.roster) == EVERYONE
        assert [m.text for m in pg.messages_in(general)] == ["Sender et kort til 6 personer"]

        chats = await pg.wait_for(
            lambda: set(pg.created_conversations()) == EVERYONE
            and all(pg.messages_in(c) for c in pg.created_conversations().values())
            and pg.created_conversations())
        assert len(set(chats.values())) == 6
        for member_id, chat_id in chats.items():
            (card,) = pg.messages_in(chat_id)
            assert card.cards[0]["body"][0]["text"] == f"Hej {pg.user(member_id)['name']}, hvordan går det?"

        card = pg.messages_in(chats[RESPONDER])[0]
        await pg.submit(chats[RESPONDER], RESPONDER, card.id, {"choice": "godt"})

        submit = smoke_bot.bot.received[-1]
        assert (submit.from_property.id, submit.reply_to_id) == (RESPONDER, card.id)
        (shown,) = pg.current_messages_in(chats[RESPONDER])
        assert (shown.id, shown.updated) == (card.id, True)
        assert shown.cards[0]["body"][0]["text"] == "Tak, Lars Sørensen: godt"
        assert smoke_bot.errors == []
