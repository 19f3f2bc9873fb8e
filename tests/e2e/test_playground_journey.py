"""The nomination journey of tests/test_journey.py, against Microsoft's Agents Playground.

The real bot (create_app, botbuilder adapter, SQLite) listens on a free port; the Playground
plays Teams: the team install, @mentions from any member, the paged roster, 1:1 chats the bot
opens, card submits and in-place updates. Six people: Fatima starts the round and asks for the
tally; Lars nominates and edits; Sofie proposes her own theme; Jonas makes a mistake; Peter is
not in the planning group and is refused.
"""
from __future__ import annotations

import json

import pytest

from bot.app import SERVICES

from .playground import Playground

pytestmark = pytest.mark.playground

LEADER, LARS, SOFIE, JONAS, PETER = "29:fatima-ali", "29:lars-sorensen", "29:sofie-jensen", "29:jonas-nielsen", "29:peter-madsen"


def text_of(message) -> str:
    return json.dumps({"text": message.text, "cards": message.cards}, ensure_ascii=False)


def nomination(round_id: str, *, wellbeing="social-support-trust", leadership="shared-direction-goals", own_title="", why="Vi har brug for hinanden 💪") -> dict:
    return {
        "verb": "nomination.submit", "round_id": round_id,
        "wellbeing_theme": wellbeing, "wellbeing_own_title": "", "wellbeing_why_me": why,
        "wellbeing_core_task": "Så borgerne mærker det",
        "leadership_theme": leadership, "leadership_own_title": own_title,
        "leadership_why_me": "Retningen er uklar", "leadership_core_task": "Vi trækker i samme retning",
    }


async def test_nomination_journey_in_the_playground(bot_endpoint):
    app, endpoint = bot_endpoint
    services = app[SERVICES]
    async with Playground(endpoint) as pg:
        general = pg.channel()["id"]
        everyone = {u["id"] for u in [pg.current_user, *[pg.user(i) for i in (LEADER, LARS, SOFIE, JONAS, PETER)]]}

        await pg.install_in_team()
        assert any("round.setup" in text_of(m) for m in pg.messages_in(general))

        await pg.say_in_channel(LEADER, "start")
        setup = next(m for m in reversed(pg.messages_in(general)) if "round.start" in text_of(m))
        await pg.submit_in_channel(LEADER, setup.id, {"verb": "round.start", "deadline": "", "contact_name": "Fatima Ali", "named_mode": "anonymous"})

        chats = await pg.wait_for(
            lambda: set(pg.created_conversations()) >= everyone - {pg.current_user["id"]}
            and all(any("nomination.submit" in text_of(m) for m in pg.messages_in(c)) for c in pg.created_conversations().values())
            and pg.created_conversations(), timeout=30)
        round_ = await services.store.dialogues.latest_round(pg.team["id"])
        assert round_ is not None
        assert {m.user_id for m in await services.store.dialogues.invitees(round_.id)} == everyone

        def card_in(member: str):
            return next(m for m in pg.messages_in(chats[member]) if "nomination.submit" in text_of(m))

        # Lars submits, the card becomes a receipt in place; he edits and changes his theme.
        lars_card = card_in(LARS)
        await pg.submit(chats[LARS], LARS, lars_card.id, nomination(round_.id))
        shown = [m for m in pg.current_messages_in(chats[LARS]) if m.id == lars_card.id][0]
        assert shown.updated and "nomination.edit" in text_of(shown)
        await pg.submit(chats[LARS], LARS, lars_card.id, {"verb": "nomination.edit", "round_id": round_.id})
        await pg.submit(chats[LARS], LARS, lars_card.id, nomination(round_.id, wellbeing="meaning-direction"))
        assert (await services.store.nominations.get(round_.id, LARS)).wellbeing.theme_id == "meaning-direction"

        # Sofie proposes her own leadership theme.
        await pg.submit(chats[SOFIE], SOFIE, card_in(SOFIE).id, nomination(round_.id, leadership="own", own_title="Mødekultur"))

        # Jonas leaves a reason empty: an error on his card, nothing stored.
        bad = nomination(round_.id)
        bad["wellbeing_why_me"] = ""
        await pg.submit(chats[JONAS], JONAS, card_in(JONAS).id, bad)
        assert await services.store.nominations.get(round_.id, JONAS) is None
        assert "attention" in text_of([m for m in pg.current_messages_in(chats[JONAS]) if m.id == card_in(JONAS).id][0]).lower()

        # Fatima (planning group) asks for the tally; it arrives in her private chat.
        before = len(pg.messages_in(chats[LEADER]))
        await pg.say_in_channel(LEADER, "optælling")
        tally = await pg.wait_for(lambda: [m for m in pg.messages_in(chats[LEADER])[before:] if m.cards], timeout=15)
        shown = text_of(tally[-1])
        assert "Mødekultur" in shown and "Vi har brug for hinanden 💪" in shown and "2 af 6" in shown
        assert "Lars Sørensen" not in shown  # anonymous

        # Peter is not in the planning group: a polite refusal naming who can see it.
        await pg.say_in_channel(PETER, "tally")
        assert "Fatima Ali" in pg.messages_in(general)[-1].text
