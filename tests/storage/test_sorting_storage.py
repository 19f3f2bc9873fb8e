"""The planning group's topics on SQLite and PostgreSQL: accepting twice is one topic, moving
entries, ignoring, renaming and prioritising, and the two reads helper PLAN uses."""
from __future__ import annotations

import asyncio

from bot.process.concept import Kind
from bot.process.sorting import Item, Priority, propose

TEAM = "team-1"
W, L = Kind.WELLBEING, Kind.LEADERSHIP
ITEMS = [
    Item(W, 1, "action", 0, "Faste møder om arbejdsfordeling"),
    Item(W, 2, "action", 1, "Bedre fordeling af opgaverne i teamet"),
    Item(L, 1, "point", 0, "Anerkendelse fra lederen betyder meget"),
    Item(L, 2, "action", 0, "Kaffe fredag"),
]


async def test_accepting_a_proposal_twice_makes_one_topic(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    assert await store.sorting.topics(dialogue.id) == [] and await store.sorting.decided(dialogue.id) == {}
    proposal = propose(ITEMS)[0]
    first, second = await asyncio.gather(*(store.sorting.accept(dialogue.id, proposal.key, proposal.title, proposal.items, now=clock.now())
                                           for _ in range(2)))
    assert first == second
    topics = await store.sorting.topics(dialogue.id)
    assert len(topics) == 1 and topics[0].title == proposal.title and topics[0].priority is None and topics[0].position == 1
    assert [i.key for i in topics[0].items] == ["w-1-a-0", "w-2-a-1"]
    assert topics[0].items[0].text == "Faste møder om arbejdsfordeling"
    assert await store.sorting.decided(dialogue.id) == {proposal.key: "accepted"}
    assert await store.sorting.topic(dialogue.id, topics[0].id) == topics[0]
    assert await store.sorting.topic(dialogue.id, "nope") is None
    assert await store.sorting.topics("other") == []


async def test_moving_entries_ignoring_renaming_and_priorities(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    work = await store.sorting.move(dialogue.id, ITEMS[:2], topic_id=None, new_title="Arbejdsfordeling", proposal_key="p1", now=clock.now())
    assert work is not None and work.title == "Arbejdsfordeling" and len(work.items) == 2
    again = await store.sorting.move(dialogue.id, ITEMS[:2], topic_id=None, new_title="Arbejdsfordeling", proposal_key="p1", now=clock.now())
    assert again == work and len(await store.sorting.topics(dialogue.id)) == 1  # the same press twice

    coffee = await store.sorting.move(dialogue.id, [ITEMS[3]], topic_id=None, new_title="Trivsel", proposal_key=None, now=clock.now())
    assert coffee.position == 2
    # An entry is in one topic: moving it takes it out of the other.
    moved = await store.sorting.move(dialogue.id, [ITEMS[1]], topic_id=coffee.id, new_title=None, proposal_key=None, now=clock.now())
    assert [i.key for i in moved.items] == ["w-2-a-1", "l-2-a-0"]
    assert [i.key for i in (await store.sorting.topic(dialogue.id, work.id)).items] == ["w-1-a-0"]
    # A topic left empty is gone.
    await store.sorting.move(dialogue.id, [ITEMS[0]], topic_id=coffee.id, new_title=None, proposal_key=None, now=clock.now())
    assert await store.sorting.topic(dialogue.id, work.id) is None
    assert await store.sorting.move(dialogue.id, [ITEMS[2]], topic_id=work.id, new_title=None, proposal_key=None, now=clock.now()) is None
    assert await store.sorting.move(dialogue.id, [ITEMS[2]], topic_id=None, new_title="", proposal_key=None, now=clock.now()) is None

    assert await store.sorting.ignore(dialogue.id, "p2", now=clock.now())
    assert not await store.sorting.ignore(dialogue.id, "p2", now=clock.now())
    assert await store.sorting.decided(dialogue.id) == {"p1": "moved", "p2": "ignored"}

    late = await store.sorting.move(dialogue.id, [ITEMS[2]], topic_id=None, new_title="Ledelse", proposal_key=None, now=clock.now())
    updated = await store.sorting.update_topic(dialogue.id, late.id, title="Anerkendelse", priority=Priority.HIGH)
    assert updated.title == "Anerkendelse" and updated.priority is Priority.HIGH
    await store.sorting.update_topic(dialogue.id, coffee.id, title="Trivsel", priority=Priority.LOW)
    assert [t.title for t in await store.sorting.topics(dialogue.id)] == ["Anerkendelse", "Trivsel"]  # by priority
    assert (await store.sorting.update_topic(dialogue.id, late.id, title="Anerkendelse", priority=None)).priority is None
    assert await store.sorting.update_topic(dialogue.id, "nope", title="x", priority=None) is None
