"""Demo mode in Microsoft's Agents Playground: added to the team, the bot fills the workplace with
a sample year (bot/demo.py) and says what to try; ``optælling`` brings the sample tally to the
planning group's private chat and ``plan`` the adopted plan. The same in-process: tests/test_demo.py."""
from __future__ import annotations

import json

import pytest
from aiohttp import web

from bot import demo_data
from bot.app import SERVICES, Overrides, create_app
from bot.process.clock import FixedClock
from bot.settings import Settings

from .playground import Playground, require_playground

pytestmark = pytest.mark.playground


def text_of(message) -> str:
    return json.dumps({"text": message.text, "cards": message.cards}, ensure_ascii=False)


@pytest.fixture
async def demo_endpoint(tmp_path):
    require_playground()
    settings = Settings(local_development=True, demo=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", _env_file=None)
    app = create_app(settings, Overrides(clock=FixedClock(demo_data.DEMO_NOW), start_scheduler=False))
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield app, f"http://{host}:{port}/api/messages"
    finally:
        await app[SERVICES].drain()
        await runner.cleanup()


async def test_the_demo_shows_the_tally_and_the_plan_in_the_playground(demo_endpoint):
    app, endpoint = demo_endpoint
    store = app[SERVICES].store
    async with Playground(endpoint) as pg:
        general, team = pg.channel()["id"], pg.team["id"]
        await pg.install_in_team()
        channel = [text_of(m) for m in pg.current_messages_in(general)]
        assert any("Demo: et helt års udviklingsdialog" in c and "optælling" in c for c in channel)
        [planner] = [m.user_id for m in await store.planning_group.members(team)]
        # All six people of the Playground took part, beside the made-up colleagues.
        round_ = await store.dialogues.latest_round(team)
        invited = {m.user_id for m in await store.dialogues.invitees(round_.id)}
        assert {pg.current_user["id"], *(u["id"] for u in pg._known_config()["users"])} <= invited

        await pg.say_in_channel(planner, "optælling")
        chat = await pg.wait_for(lambda: pg.created_conversations().get(planner))
        tally = text_of(await pg.wait_for(lambda: next(iter(pg.messages_in(chat)), None)))
        assert "Social støtte og tillid" in tally and "Vi har fået mange nye kolleger" in tally

        await pg.say_in_channel(planner, "plan")
        plan = await pg.wait_for(lambda: next((m for m in pg.messages_in(general) if "Makkerordning" in text_of(m)), None))
        assert "Tydelig information på tværs af vagter" in text_of(plan)
