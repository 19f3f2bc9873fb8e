"""Sorting the input into topics and prioritising them, end to end through the real app and
adapter (step 10).

The day, the groups and their results are seeded through the other steps' storage APIs (as in
tests/test_results_journey.py); then the planning group opens the sorting card, accepts, moves
and ignores proposals, renames a topic and gives it a priority, and finds the button that makes
an initiative of it. An employee outside the planning group is refused. The method itself is
unit-tested in tests/test_sorting.py.
"""
from __future__ import annotations

import json

import factories as f
from bot.process.concept import Kind
from bot.process.group_results import ResultsInput
from bot.process.sorting import Priority, items_of, propose
from test_journey import Journey, card_text, journey  # noqa: F401 - the fixture
from test_results_journey import local, press, say_privately, seed_day, shown

W, L = Kind.WELLBEING, Kind.LEADERSHIP
RESULTS = {
    (W, 1): ResultsInput(("Vi mangler tid til faglig sparring",), ("Faste møder om arbejdsfordeling", "En fast makker til nye kolleger")),
    (W, 2): ResultsInput(("Nye kolleger føler sig alene",), ("Bedre fordeling af opgaverne i teamet", "Sparring med en kollega hver uge")),
    (L, 1): ResultsInput(("Anerkendelse fra lederen betyder meget",), ("Lederen giver anerkendelse for godt arbejde",)),
    (L, 2): ResultsInput(("Kaffe fredag",), ("Nye skærme til kontoret",)),
}


async def seed_results(journey: Journey) -> str:
    dialogue_id = await seed_day(journey)
    journey.clock.set(local(10, 50))
    for (kind, group), entry in RESULTS.items():
        writer = {(W, 1): "u-bo", (W, 2): "u-dorte", (L, 1): "u-bo", (L, 2): "u-cecilie"}[kind, group]
        await journey.services.store.group_results.enter(dialogue_id, kind, group, entry, sender=writer, now=journey.clock.now())
    return dialogue_id


def submits(card: dict) -> list[dict]:
    found: list[dict] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Action.Submit":
                found.append(node["data"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(card)
    return found


async def test_the_planning_group_sorts_accepts_moves_ignores_and_prioritises(journey: Journey):
    store = journey.services.store
    dialogue_id = await seed_results(journey)
    expected = propose(items_of(await store.group_results.of_dialogue(dialogue_id)))
    by_first = {p.items[0].text: p for p in expected}
    work, buddy, praise = (by_first["Faste møder om arbejdsfordeling"], by_first["En fast makker til nye kolleger"],
                           by_first["Anerkendelse fra lederen betyder meget"])
    assert [i.text for i in work.items] == ["Faste møder om arbejdsfordeling", "Bedre fordeling af opgaverne i teamet"]

    # An employee outside the planning group may not sort.
    await say_privately(journey, "u-bo", "sortér")
    assert "planlægningsgruppen" in journey.texts_in("a:u-bo")[-1] and not journey.cards_in("a:u-bo")

    # Lea (planning group) opens the card: every entry by round and group, the proposals, the criteria; no names.
    await say_privately(journey, "u-leader", "sortér")
    card_id, card = journey.cards_in("a:u-leader")[-1]
    text = card_text(card)
    assert "Forslag til overskrift" in text and "Trivsel · gruppe 1 · handling 1: " in text and "Ledelse · gruppe 2 · pointe 1: " in text
    assert "Kriterier for prioritering af udviklingsområder" in text and "Kaffe fredag" in text
    assert not any(name in text for name in ("Bo Bæk", "Cecilie", "u-bo", "u-dorte"))
    assert {d["proposal"] for d in submits(card) if d["verb"] == "sorting.accept"} == {p.key for p in expected}

    # Accept: the proposal becomes a topic, in place; the same (now stale) press again makes no second topic.
    accept = {"verb": "sorting.accept", "dialogue_id": dialogue_id, "proposal": work.key}
    await press(journey, "u-leader", accept, card_id)
    assert "Forslaget er nu et emne" in shown(journey, "u-leader", card_id)
    await press(journey, "u-leader", accept, card_id)
    assert "ikke længere aktuelt" in shown(journey, "u-leader", card_id)
    [topic] = await store.sorting.topics(dialogue_id)
    assert topic.title == work.title and [i.key for i in topic.items] == [i.key for i in work.items]

    # Ignore: the proposal is not offered again.
    await press(journey, "u-leader", {"verb": "sorting.ignore", "dialogue_id": dialogue_id, "proposal": praise.key}, card_id)
    after = json.loads(shown(journey, "u-leader", card_id))
    assert praise.key not in {d.get("proposal") for d in submits(after)}
    assert (await store.sorting.decided(dialogue_id))[praise.key] == "ignored"

    # Move: the buddy proposal opens the move card with its entries chosen; a forged key is dropped; nothing chosen is an error.
    await press(journey, "u-leader", {"verb": "sorting.move_show", "dialogue_id": dialogue_id, "proposal": buddy.key}, card_id)
    assert "Flyt input til et emne" in shown(journey, "u-leader", card_id)
    await press(journey, "u-leader", {"verb": "sorting.move", "dialogue_id": dialogue_id, "proposal": buddy.key, "items": "w-99-a-0",
                                      "target": "new", "new_title": "Nye kolleger"}, card_id)
    assert "Vælg mindst ét input" in shown(journey, "u-leader", card_id)
    keys = ",".join(i.key for i in buddy.items) + ",w-99-a-0"
    move = {"verb": "sorting.move", "dialogue_id": dialogue_id, "proposal": buddy.key, "items": keys, "target": "new",
            "new_title": "Nye kolleger"}
    await press(journey, "u-leader", move, card_id)
    assert "Input er flyttet" in shown(journey, "u-leader", card_id)
    await press(journey, "u-leader", move, card_id)  # the same press twice: one topic
    topics = await store.sorting.topics(dialogue_id)
    assert [t.title for t in topics] == [work.title, "Nye kolleger"]
    assert {i.key for i in topics[1].items} == {i.key for i in buddy.items}
    assert (await store.sorting.decided(dialogue_id))[buddy.key] == "moved"
    # Moving one entry into the first topic takes it out of the new one.
    await press(journey, "u-leader", {"verb": "sorting.move", "dialogue_id": dialogue_id, "items": "l-2-p-0", "target": topic.id}, card_id)
    assert "l-2-p-0" in [i.key for i in (await store.sorting.topic(dialogue_id, topic.id)).items]

    # Rename and prioritise by the guide's criteria; an empty heading is refused on the card.
    await press(journey, "u-leader", {"verb": "sorting.topic_edit", "dialogue_id": dialogue_id, "topic_id": topics[1].id}, card_id)
    assert "størst værdi" in shown(journey, "u-leader", card_id)
    await press(journey, "u-leader", {"verb": "sorting.topic_save", "dialogue_id": dialogue_id, "topic_id": topics[1].id,
                                      "title": " ", "priority": "1"}, card_id)
    assert "Skriv en overskrift" in shown(journey, "u-leader", card_id)
    await press(journey, "u-leader", {"verb": "sorting.topic_save", "dialogue_id": dialogue_id, "topic_id": topics[1].id,
                                      "title": "Godt i gang som ny", "priority": "1"}, card_id)
    saved = await store.sorting.topic(dialogue_id, topics[1].id)
    assert saved.title == "Godt i gang som ny" and saved.priority is Priority.HIGH
    final = json.loads(shown(journey, "u-leader", card_id))
    assert "Emnet er gemt" in card_text(final) and "Prioritet: høj" in card_text(final)
    assert [t.id for t in await store.sorting.topics(dialogue_id)][0] == saved.id  # high priority first

    # Each topic has its "Lav indsats" button (helper PLAN's InitiativeNew), and the card a button to the plan.
    initiatives = [d for d in submits(final) if d["verb"] == "plan.initiative_new"]
    assert {d["topic_id"] for d in initiatives} == {t.id for t in await store.sorting.topics(dialogue_id)}
    assert any(d["verb"] == "plan.show" for d in submits(final))

    # A forged press from an employee changes nothing and is audited.
    await press(journey, "u-erik", {**accept, "proposal": praise.key}, None)
    assert "payload.rejected" in [e.action for e in await store.audit.entries(actor="u-erik")]
    assert len(await store.sorting.topics(dialogue_id)) == 2


async def test_the_plenum_card_leads_the_planning_group_to_the_sorting(journey: Journey):
    dialogue_id = await seed_results(journey)
    await say_privately(journey, "u-leader", "resultater")
    card_id, card = journey.cards_in("a:u-leader")[-1]
    assert {"verb": "sorting.show", "dialogue_id": dialogue_id, "card_lang": "da"} in submits(card)
    await press(journey, "u-leader", {"verb": "sorting.show", "dialogue_id": dialogue_id}, card_id)
    assert "Sortér og prioritér" in shown(journey, "u-leader", card_id)
    # Someone in a group sees the plenum view without the button.
    await press(journey, "u-bo", {"verb": "plenum.show", "dialogue_id": dialogue_id, "kind": "wellbeing"}, None)
    assert "sorting.show" not in card_text(journey.cards_in("a:u-bo")[-1][1])
    # Typed in the channel, the card goes to Lea privately.
    before = len(journey.cards_in("a:u-leader"))
    await journey.post(f.channel_mention(journey.mock.url, "sort", user="u-leader", name="Lea Leder"))
    cards = journey.cards_in("a:u-leader")
    assert len(cards) == before + 1 and "sorting.accept" in card_text(cards[-1][1])
