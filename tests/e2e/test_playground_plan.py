"""The set-up card against Microsoft's Agents Playground: a member left out of the round, and the
set-up card replaced after use (tests/test_plan.py runs the same through the mock connector).

Fatima sets up the round in General, chooses herself as contact person from the team's members
and leaves Peter out (say he is hourly-paid): everyone else gets the card, Peter gets nothing.
The set-up card turns into the round-started card in place; pressing Start on it again starts
nothing and gets a polite answer.
"""
from __future__ import annotations

import json

import pytest

from bot.app import SERVICES

from .playground import Playground
from .test_playground_journey import LEADER, PETER, text_of

pytestmark = pytest.mark.playground


def choice_set(card: dict, input_id: str) -> dict:
    found = []

    def walk(node):  # noqa: ANN001, ANN202
        if isinstance(node, dict):
            if node.get("id") == input_id and node.get("type") == "Input.ChoiceSet":
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(card)
    return found[0]


def key_of(card: dict, input_id: str, name: str) -> str:
    return next(c["value"] for c in choice_set(card, input_id)["choices"] if c["title"] == name)


async def test_a_member_left_out_and_the_set_up_card_replaced_in_the_playground(bot_endpoint):
    app, endpoint = bot_endpoint
    services = app[SERVICES]
    async with Playground(endpoint) as pg:
        general = pg.channel()["id"]
        team = {u["id"] for u in [pg.current_user, *[pg.user(i) for i in (LEADER, PETER)]]} | {
            u["id"] for u in (await pg.config())["users"]}

        await pg.install_in_team()
        await pg.say_in_channel(LEADER, "start")
        setup = next(m for m in reversed(pg.messages_in(general)) if "round.start" in text_of(m))
        card = setup.cards[0]
        # Everyone in the team is ticked; the contact person is chosen among the members.
        ticked = choice_set(card, "invitees")["value"].split(",")
        assert len(ticked) == len(team)
        peter = key_of(card, "invitees", "Peter Madsen")
        value = {
            **card["actions"][0]["data"], "deadline": "", "channel_lang": "da", "named_mode": "anonymous",
            "contact": key_of(card, "contact", "Fatima Ali"), "invitees": ",".join(k for k in ticked if k != peter),
        }
        await pg.submit_in_channel(LEADER, setup.id, value)

        round_ = await services.store.dialogues.latest_round(pg.team["id"])
        assert round_ is not None and (round_.contact_user_id, round_.contact_name) == (LEADER, "Fatima Ali")
        invited = {m.user_id for m in await services.store.dialogues.invitees(round_.id)}
        assert invited == team - {PETER}
        chats = await pg.wait_for(
            lambda: set(pg.created_conversations()) >= invited - {pg.current_user["id"]}
            and all(any("nomination.submit" in text_of(m) for m in pg.messages_in(pg.created_conversations()[u]))
                    for u in invited - {pg.current_user["id"]})
            and pg.created_conversations(), timeout=30)
        await services.drain()
        assert PETER not in pg.created_conversations() and PETER not in chats

        # The set-up card is now the round-started card, in place, with the deadline in words.
        now = next(m for m in pg.current_messages_in(general) if m.id == setup.id)
        shown = json.dumps(now.cards, ensure_ascii=False)
        assert now.updated and "Runden er startet – frist" in shown and "round.start" not in shown
        assert round_.deadline_date.isoformat() not in shown

        # Pressing Start on the old card again: no second round, a polite answer.
        before = len(pg.messages_in(general))
        await pg.submit_in_channel(LEADER, setup.id, value)
        assert (await services.store.dialogues.latest_round(pg.team["id"])).id == round_.id
        answers = [m.text or "" for m in pg.messages_in(general)[before:]]
        assert any("allerede startet" in a for a in answers)
        assert PETER not in pg.created_conversations()
