"""Extending the deadline and closing the round early, against Microsoft's Agents Playground
(tests/test_deadline_journey.py runs the same, and the deadline itself, through the mock connector).

Fatima (planning group) starts a round; Lars answers. She types ``forlæng`` in General, picks a
date a week later on the card, and the card turns into "Fristen er flyttet"; everyone who has
not answered gets the announcement with the button to their form, Lars gets nothing. Then she
types ``luk runden`` and confirms: the channel gets the closing card, she gets the final tally
in her chat, Lars's receipt loses its edit button and the others' forms say the round closed,
all in place.

The Playground cannot move time, and the bot sends only in working hours, so the app's clock is
injected (a Tuesday at 10:00 in Copenhagen), as the other Playground tests do.
"""
from __future__ import annotations


import pytest

from bot.app import SERVICES

from .playground import Playground
from .test_playground_journey import LARS, LEADER, nomination, text_of

pytestmark = pytest.mark.playground


async def test_extend_then_close_early_in_the_playground(bot_endpoint):
    app, endpoint = bot_endpoint
    services = app[SERVICES]
    async with Playground(endpoint) as pg:
        general = pg.channel()["id"]
        await pg.install_in_team()
        await pg.say_in_channel(LEADER, "start")
        setup = next(m for m in reversed(pg.messages_in(general)) if "round.start" in text_of(m))
        await pg.submit_in_channel(LEADER, setup.id, {"verb": "round.start", "deadline": "2026-09-15", "named_mode": "anonymous"})
        chats = await pg.wait_for(
            lambda: len(pg.created_conversations()) >= 5
            and all(any("nomination.submit" in text_of(m) for m in pg.messages_in(c)) for c in pg.created_conversations().values())
            and pg.created_conversations(), timeout=30)
        round_ = await services.store.dialogues.latest_round(pg.team["id"])
        forms = {user: next(m for m in pg.messages_in(chat) if "nomination.submit" in text_of(m)) for user, chat in chats.items()}
        await pg.submit(chats[LARS], LARS, forms[LARS].id, nomination(round_.id))

        # Extend: typed, a card with a date, used in place.
        await pg.say_in_channel(LEADER, "forlæng")
        form = next(m for m in reversed(pg.messages_in(general)) if "round.extend" in text_of(m))
        await pg.submit_in_channel(LEADER, form.id, {"verb": "round.extend", "round_id": round_.id, "deadline": "2026-09-22"})
        assert (await services.store.dialogues.get_round(round_.id)).deadline_date.isoformat() == "2026-09-22"
        used = next(m for m in pg.current_messages_in(general) if m.id == form.id)
        assert used.updated and "Fristen er flyttet" in text_of(used) and "round.extend\"" not in text_of(used)
        others = [user for user in chats if user != LARS]
        await pg.wait_for(lambda: all(any("forlænget" in text_of(m) for m in pg.messages_in(chats[u])) for u in others), timeout=20)
        assert not any("forlænget" in text_of(m) for m in pg.messages_in(chats[LARS]))

        # Close early: asked first, then closed; the rest follows by itself.
        await pg.say_in_channel(LEADER, "luk runden")
        confirm = next(m for m in reversed(pg.messages_in(general)) if "round.close\"" in text_of(m))
        assert (await services.store.dialogues.get_round(round_.id)).closed_at is None
        await pg.submit_in_channel(LEADER, confirm.id, {"verb": "round.close", "round_id": round_.id})
        await pg.wait_for(lambda: any("Runden blev lukket" in text_of(m) and "tally.show" in text_of(m) for m in pg.messages_in(general)), timeout=20)
        await pg.wait_for(lambda: any("Vi har brug for hinanden" in text_of(m) for m in pg.messages_in(chats[LEADER])), timeout=20)

        def now_shows(user):  # noqa: ANN001, ANN202
            return next(m for m in pg.current_messages_in(chats[user]) if m.id == forms[user].id)

        await pg.wait_for(lambda: all(now_shows(u).updated for u in chats), timeout=20)
        assert "nomination.edit" not in text_of(now_shows(LARS)) and "Vi har brug for hinanden" in text_of(now_shows(LARS))
        for user in others:
            assert "nomination.submit" not in text_of(now_shows(user)) and "Runden blev lukket" in text_of(now_shows(user)), user
