"""The tally with 60 answers and 500-character reasons, every reason read, in Microsoft's Agents Playground.

Fatima starts a round in named mode. The Playground has six people, so the 60 answers (every
tenth entered from a paper form) are stored directly, as the nomination step would store
them. She asks for the tally in General; it arrives in her private chat. For each kind she
presses "Alle begrundelser", which brings page 1 as a card of its own, and turns the pages on
that card (it is replaced in place) until the last one: every reason is read exactly once.
Peter, not in the planning group, presses the same button and reads nothing. The same runs
through the mock connector in tests/test_tally.py.
"""
from __future__ import annotations

import json

import pytest

from bot.app import SERVICES
from bot.process.concept import Kind
from bot.process.nomination import NominationInput, ThemeChoice
from bot.process.people import Member

from .playground import Playground
from .test_playground_journey import LEADER, PETER

pytestmark = pytest.mark.playground

PEOPLE = 60


def text_of(message) -> str:
    return json.dumps({"text": message.text, "cards": message.cards}, ensure_ascii=False)


def long_reason(label: str, i: int) -> str:
    return (f"{label} {i:03d}: " + "Vi skal tale om det 😀 – på tværs af afdelinger, så ÆØÅ og æøå er med. " * 10)[:500]


def walk(node, type_: str):
    if isinstance(node, dict):
        if node.get("type") == type_:
            yield node
        for value in node.values():
            yield from walk(value, type_)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value, type_)


def submits(message, verb: str) -> list[dict]:
    return [a["data"] for a in walk(message.cards, "Action.Submit") if a["data"]["verb"] == verb]


def runs(message) -> list[str]:
    return [r["text"] for r in walk(message.cards, "TextRun")]


async def sixty_answers(services, round_id: str) -> None:
    people = [Member(f"29:colleague-{i:02d}", f"Kollega {i:02d}") for i in range(PEOPLE)]
    await services.store.dialogues.add_invitees(round_id, people)
    wellbeing = [t.id for t in services.concept.catalogue(Kind.WELLBEING).themes if t.id != "own"]
    leadership = [t.id for t in services.concept.catalogue(Kind.LEADERSHIP).themes if t.id != "own"]
    for i, person in enumerate(people):
        choice = NominationInput(
            ThemeChoice(Kind.WELLBEING, wellbeing[i % 4], None, long_reason("Trivsel", i), long_reason("Opgave T", i)),
            ThemeChoice(Kind.LEADERSHIP, leadership[i % 2], None, long_reason("Ledelse", i), long_reason("Opgave L", i)),
        )
        await services.store.nominations.save(round_id, person.user_id, choice, services.clock.now(),
                                              entered_by=LEADER if i % 10 == 0 else None)


async def test_every_one_of_60_long_reasons_is_readable_in_the_playground(bot_endpoint):
    app, endpoint = bot_endpoint
    services = app[SERVICES]
    async with Playground(endpoint) as pg:
        general, team = pg.channel()["id"], pg.team["id"]
        await pg.install_in_team()
        await pg.say_in_channel(LEADER, "start")
        setup = next(m for m in reversed(pg.messages_in(general)) if "round.start" in text_of(m))
        await pg.submit_in_channel(LEADER, setup.id, {"verb": "round.start", "deadline": "", "named_mode": "named"})
        round_ = await services.store.dialogues.latest_round(team)
        assert round_ is not None and round_.named_mode
        chat = await pg.wait_for(lambda: pg.created_conversations().get(LEADER), timeout=30)
        await sixty_answers(services, round_.id)

        before = len(pg.messages_in(chat))
        await pg.say_in_channel(LEADER, "optælling")
        tally = (await pg.wait_for(lambda: [m for m in pg.messages_in(chat)[before:] if "tally.reasons" in text_of(m)], timeout=15))[-1]
        assert f"{PEOPLE} af" in text_of(tally) or f"{PEOPLE} of" in text_of(tally)
        charts = list(walk(tally.cards, "Chart.HorizontalBar"))
        assert charts and all(c["displayMode"] == "AbsoluteNoAxis" for c in charts)  # whole people, no 0.5 ticks

        for kind, label in ((Kind.WELLBEING, "Trivsel"), (Kind.LEADERSHIP, "Ledelse")):
            [open_all] = [d for d in submits(tally, "tally.reasons") if d["kind"] == kind.value and d["page"] == 1][-1:]
            mark = len(pg.messages_in(chat))
            await pg.submit(chat, LEADER, tally.id, open_all)
            page = (await pg.wait_for(lambda: [m for m in pg.messages_in(chat)[mark:] if "tally.reasons.page" in text_of(m)
                                               or "Det var den sidste side" in text_of(m) or "That was the last page" in text_of(m)],
                                      timeout=15))[-1]
            read, number = runs(page), 1
            while following := [d for d in submits(page, "tally.reasons.page") if d["page"] == number + 1]:
                await pg.submit(chat, LEADER, page.id, following[0])
                page = [m for m in pg.current_messages_in(chat) if m.id == page.id][0]
                assert page.updated  # the page card turns in place
                read += runs(page)
                number += 1
            assert number > 1
            for i in range(PEOPLE):
                assert read.count(long_reason(label, i)) == 1, (label, i)
            assert sum(text.strip() in ("(papirskema)", "(paper form)") for text in read) == PEOPLE // 10

        # Peter is not in the planning group: the same button gives him nothing to read.
        peter_chat = pg.created_conversations()[PETER]
        peter_card = next(m for m in pg.messages_in(peter_chat) if m.cards)
        mark = len(pg.messages_in(peter_chat))
        await pg.submit(peter_chat, PETER, peter_card.id, {"verb": "tally.reasons", "round_id": round_.id, "kind": "wellbeing", "page": 1})
        answer = await pg.wait_for(lambda: pg.messages_in(peter_chat)[mark:], timeout=15)
        assert not any("Trivsel 0" in text_of(m) for m in answer)
