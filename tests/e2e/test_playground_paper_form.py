"""A paper form (Bilag 2) entered by the contact person, against Microsoft's Agents Playground.

Fatima starts the round and, chosen by default, is its contact person. Peter handed her his
form on paper: she writes ``papirskema`` in General, the colleague chooser arrives in her
private chat, she picks Peter, types in his themes, and the tally she asks for next counts
his answer in the response rate. Peter himself may not enter paper forms. The same flow,
with every refusal, runs through the mock connector in tests/test_paper_form.py.
"""
from __future__ import annotations

import json

import pytest

from bot.app import SERVICES
from bot.texts import t

from .playground import Playground
from .test_playground_journey import LEADER, PETER, nomination

pytestmark = pytest.mark.playground


def text_of(message) -> str:
    return json.dumps({"text": message.text, "cards": message.cards}, ensure_ascii=False)


async def test_a_paper_form_entered_by_the_contact_person_counts_in_the_tally(bot_endpoint):
    app, endpoint = bot_endpoint
    services = app[SERVICES]
    async with Playground(endpoint) as pg:
        general, team = pg.channel()["id"], pg.team["id"]
        await pg.install_in_team()
        await pg.say_in_channel(LEADER, "start")
        setup = next(m for m in reversed(pg.messages_in(general)) if "round.start" in text_of(m))
        await pg.submit_in_channel(LEADER, setup.id, {"verb": "round.start", "deadline": "", "named_mode": "anonymous"})
        round_ = await services.store.dialogues.latest_round(team)
        assert round_ is not None and round_.contact_user_id == LEADER

        # Fatima writes "papirskema" in General: the chooser (colleagues' names) goes to her private chat.
        in_general = len(pg.messages_in(general))
        await pg.say_in_channel(LEADER, "papirskema")
        chat = await pg.wait_for(lambda: pg.created_conversations().get(LEADER), timeout=30)
        chooser = await pg.wait_for(
            lambda: next((m for m in pg.messages_in(chat) if "nomination.paper.choose" in text_of(m)), None), timeout=15)
        assert "Peter Madsen" in text_of(chooser)
        assert not any("Peter Madsen" in text_of(m) for m in pg.messages_in(general)[in_general:])

        # She picks Peter; the chooser turns into his form; she types in his paper form.
        await pg.submit(chat, LEADER, chooser.id, {"verb": "nomination.paper.choose", "round_id": round_.id, "colleague": PETER})
        form = [m for m in pg.current_messages_in(chat) if m.id == chooser.id][0]
        assert form.updated and "nomination.paper.submit" in text_of(form)
        paper = {**nomination(round_.id, why="Skrevet på papir"), "verb": "nomination.paper.submit", "colleague": PETER}
        await pg.submit(chat, LEADER, chooser.id, paper)
        receipt = [m for m in pg.current_messages_in(chat) if m.id == chooser.id][0]
        # Her chat speaks her language (the Playground reports en-US; "papirskema" is a Danish word).
        assert t("en", "paper.receipt.title") in text_of(receipt) or t("da", "paper.receipt.title") in text_of(receipt)
        assert await services.store.nominations.entries(round_.id) == {PETER: LEADER}

        # The tally she asks for counts Peter's paper form in the response rate.
        before = len(pg.messages_in(chat))
        await pg.say_in_channel(LEADER, "optælling")
        tally = await pg.wait_for(lambda: [m for m in pg.messages_in(chat)[before:] if m.cards], timeout=15)
        shown = text_of(tally[-1])
        invited = len(await services.store.dialogues.invitees(round_.id))
        assert (f"1 af {invited} har svaret" in shown or f"1 of {invited} have answered" in shown) and "Skrevet på papir" in shown

        # Peter is neither contact person nor in the planning group: refused, naming who may.
        await pg.say_in_channel(PETER, "papirskema")
        assert "Fatima Ali" in pg.messages_in(general)[-1].text
