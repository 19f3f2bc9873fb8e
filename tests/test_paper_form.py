"""Paper forms (Bilag 2) through the real app and adapter (bot/dialogs/paper_form.py), Teams played by
the mock Bot Connector as in tests/test_journey.py; the Playground runs the same in
tests/e2e/test_playground_paper_form.py.

The round is opened in the store (the setup card has its own journey), with Cecilie, an employee
who is not in the planning group, as the contact person, so "the contact person may" and "the
planning group may" are told apart.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest_asyncio

import factories as f
from bot.process.people import Member
from bot.process.plan import end_of_local_day
from test_journey import Journey, journey, submit_value  # noqa: F401 - journey is the fixture

CONTACT, LEADER = "u-cecilie", "u-leader"


def text_of(card: dict) -> str:
    return json.dumps(card, ensure_ascii=False)


@pytest_asyncio.fixture
async def paper(journey: Journey):  # noqa: F811 - the fixture imported above
    store, now = journey.services.store, journey.clock.now()
    await store.workplaces.upsert(team_id=f.TEAM, tenant_id=f.TENANT, service_url=journey.mock.url, channel_id=f.TEAM,
                                  name="Hjemmeplejen Nord", now=now, concept="nyborg")
    await store.planning_group.add(f.TEAM, LEADER, "Lea Leder", added_by=LEADER, now=now)
    round_ = await store.dialogues.open_round(
        team_id=f.TEAM, opened_by=LEADER, opened_at=now, deadline_at=end_of_local_day(now.date() + timedelta(days=14)),
        contact_name="Cecilie Ø", named_mode=False, concept="nyborg", contact_user_id=CONTACT,
    )
    await store.dialogues.add_invitees(round_.id, [Member(m["id"], m["name"]) for m in f.ROSTER])
    for member in [*f.ROSTER, {"id": "u-outsider"}]:
        journey.mock.add_conversation(f"a:{member['id']}", tenant_id=f.TENANT)
    journey.round = round_
    return journey


async def say(j: Journey, user: str, words: str) -> None:
    await j.post(f.personal_message(j.mock.url, words, user=user, conversation=f"a:{user}"))


async def press(j: Journey, user: str, value: dict, reply_to: str | None) -> None:
    await j.post(f.personal_submit(j.mock.url, value, user=user, conversation=f"a:{user}", reply_to=reply_to))


def paper_value(round_id: str, colleague: str, **kwargs) -> dict:
    return {**submit_value(round_id, **kwargs), "verb": "nomination.paper.submit", "colleague": colleague}


def last_card(j: Journey, user: str) -> tuple[str, dict]:
    return j.cards_in(f"a:{user}")[-1]


def card_by_id(j: Journey, user: str, activity_id: str) -> dict:
    return j.mock.activities_in(f"a:{user}")[activity_id]["attachments"][0]["content"]


async def test_the_contact_person_enters_a_paper_form_that_counts_and_the_colleagues_own_answer_replaces_it(paper: Journey):
    store, rid = paper.services.store, paper.round.id

    # Cecilie types "papirskema": the colleagues without an answer, not herself.
    await say(paper, CONTACT, "papirskema")
    chooser_id, chooser = last_card(paper, CONTACT)
    choices = next(e for e in chooser["body"] if e.get("id") == "colleague")["choices"]
    assert [c["value"] for c in choices] == ["u-bo", "u-dorte", "u-erik", "u-leader"]
    assert "Hjemmeplejen Nord" in text_of(chooser)

    # She chooses Dorte: the same form, for Dorte, in place of the chooser.
    await press(paper, CONTACT, {"verb": "nomination.paper.choose", "round_id": rid, "colleague": "u-dorte"}, chooser_id)
    form = card_by_id(paper, CONTACT, chooser_id)
    assert "Dorte Dam" in text_of(form) and "nomination.paper.submit" in text_of(form)

    # A reason left out: the form comes back with the error, nothing is stored.
    bad = paper_value(rid, "u-dorte")
    bad["wellbeing_why_me"] = " "
    await press(paper, CONTACT, bad, chooser_id)
    assert await store.nominations.get(rid, "u-dorte") is None
    assert "attention" in text_of(card_by_id(paper, CONTACT, chooser_id)).lower()

    # Saved twice (a double click): one nomination, entered by Cecilie, audited once with ids only.
    await press(paper, CONTACT, paper_value(rid, "u-dorte", why="Fra papiret"), chooser_id)
    await press(paper, CONTACT, paper_value(rid, "u-dorte", why="Fra papiret"), chooser_id)
    receipt = card_by_id(paper, CONTACT, chooser_id)
    assert "Papirskemaet er gemt" in text_of(receipt) and "Fra papiret" in text_of(receipt)
    assert await store.nominations.entries(rid) == {"u-dorte": CONTACT}
    audited = [(e.action, e.subject) for e in await store.audit.entries(actor=CONTACT)]
    assert audited == [("nomination.paper_entered", f"{rid}|u-dorte")]

    # It counts in the tally's response rate, marked as entered by Cecilie.
    records = await store.nominations.records(rid)
    assert [(r.user_id, r.entered_by) for r in records] == [("u-dorte", CONTACT)]
    await say(paper, LEADER, "optælling")
    assert "1 af 5" in text_of(last_card(paper, LEADER)[1])

    # Her own data shows it as entered from her paper form.
    await say(paper, "u-dorte", "mine data")
    assert "Indtastet for dig fra dit papirskema." in text_of(last_card(paper, "u-dorte")[1])

    # Dorte asks for her themes: the receipt says it came from her paper form, and by whom.
    await say(paper, "u-dorte", "mine temaer")
    dorte_id, dorte = last_card(paper, "u-dorte")
    assert "Indtastet fra dit papirskema af " in text_of(dorte) and "Cecilie Ø" in text_of(dorte)
    assert "Fra papiret" in text_of(dorte) and "Dine temaer" in text_of(dorte)

    # She answers herself: her answer replaces the paper one, the mark clears, the receipt says it was changed.
    await press(paper, "u-dorte", {"verb": "nomination.edit", "round_id": rid}, dorte_id)
    await press(paper, "u-dorte", submit_value(rid, why="Mine egne ord"), dorte_id)
    assert (await store.nominations.get(rid, "u-dorte")).wellbeing.why_me == "Mine egne ord"
    assert await store.nominations.entries(rid) == {"u-dorte": None}
    assert "Dine ændringer er gemt" in text_of(card_by_id(paper, "u-dorte", dorte_id))

    # Cecilie's correction now comes too late: Dorte's own answer stands.
    await press(paper, CONTACT, {"verb": "nomination.paper.choose", "round_id": rid, "colleague": "u-dorte"}, chooser_id)
    await press(paper, CONTACT, paper_value(rid, "u-dorte", why="Rettet"), chooser_id)
    assert (await store.nominations.get(rid, "u-dorte")).wellbeing.why_me == "Mine egne ord"
    assert "Dorte Dam har selv svaret" in paper.texts_in(f"a:{CONTACT}")[-1]


async def test_the_first_receipt_thanks_and_an_edit_says_the_change_was_saved(paper: Journey):
    rid = paper.round.id
    await say(paper, "u-bo", "mine temaer")
    card_id, form = last_card(paper, "u-bo")
    assert "Arbejdsplads: " in text_of(form) and "Hjemmeplejen Nord" in text_of(form)
    await press(paper, "u-bo", submit_value(rid), card_id)
    assert "Tak – dine temaer er modtaget" in text_of(card_by_id(paper, "u-bo", card_id))
    await press(paper, "u-bo", {"verb": "nomination.edit", "round_id": rid}, card_id)
    await press(paper, "u-bo", submit_value(rid, wellbeing="meaning-direction"), card_id)
    receipt = text_of(card_by_id(paper, "u-bo", card_id))
    assert "Dine ændringer er gemt" in receipt and "Tak – dine temaer er modtaget" not in receipt
    assert "nomination.paper.open" not in receipt  # Bo is not the contact person


async def test_the_contact_persons_receipt_carries_the_paper_form_button(paper: Journey):
    rid = paper.round.id
    await say(paper, CONTACT, "mine temaer")
    card_id, _ = last_card(paper, CONTACT)
    await press(paper, CONTACT, submit_value(rid), card_id)
    receipt = card_by_id(paper, CONTACT, card_id)
    assert [a["data"]["verb"] for a in receipt["actions"]] == ["nomination.edit", "nomination.paper.open"]
    await press(paper, CONTACT, {"verb": "nomination.paper.open", "round_id": rid}, card_id)
    assert "nomination.paper.choose" in text_of(last_card(paper, CONTACT)[1])
    assert card_by_id(paper, CONTACT, card_id) == receipt  # a new card; her receipt stays


async def test_an_employee_who_is_not_the_contact_person_is_refused(paper: Journey):
    store, rid = paper.services.store, paper.round.id
    await say(paper, "u-erik", "paper form")
    assert "kontaktpersonen (Cecilie Ø)" in paper.texts_in("a:u-erik")[-1]
    assert not paper.cards_in("a:u-erik")
    # A forged submission naming Bo: refused, audited, nothing stored.
    await press(paper, "u-erik", paper_value(rid, "u-bo"), None)
    await press(paper, "u-erik", {"verb": "nomination.paper.choose", "round_id": rid, "colleague": "u-bo"}, None)
    assert await store.nominations.get(rid, "u-bo") is None
    assert [(e.action, e.subject) for e in await store.audit.entries(actor="u-erik")] == [("payload.rejected", "paper:not_contact")] * 2


async def test_a_colleague_who_was_not_invited_is_refused(paper: Journey):
    store, rid = paper.services.store, paper.round.id
    await press(paper, CONTACT, paper_value(rid, "u-outsider"), None)
    assert "ikke inviteret" in paper.texts_in(f"a:{CONTACT}")[-1]
    assert await store.nominations.get(rid, "u-outsider") is None
    # Nor her own themes on paper, nor overwriting Bo's own answer.
    await press(paper, CONTACT, paper_value(rid, CONTACT), None)
    assert "mine temaer" in paper.texts_in(f"a:{CONTACT}")[-1]
    await press(paper, "u-bo", submit_value(rid, why="Bos egne ord"), None)
    await press(paper, CONTACT, paper_value(rid, "u-bo", why="Papir"), None)
    assert (await store.nominations.get(rid, "u-bo")).wellbeing.why_me == "Bos egne ord"
    assert await store.nominations.entries(rid) == {"u-bo": None}


async def test_a_closed_round_takes_no_paper_forms(paper: Journey):
    store, rid = paper.services.store, paper.round.id
    await say(paper, CONTACT, "papirskema")
    chooser_id, _ = last_card(paper, CONTACT)
    paper.clock.set(paper.round.deadline_at + timedelta(minutes=1))
    await press(paper, CONTACT, paper_value(rid, "u-bo"), chooser_id)
    assert "Runden er lukket" in paper.texts_in(f"a:{CONTACT}")[-1]
    await say(paper, CONTACT, "papirskema")
    assert "Runden er lukket" in paper.texts_in(f"a:{CONTACT}")[-1]
    assert await store.nominations.respondents(rid) == set()


async def test_the_planning_group_may_too_and_in_the_channel_the_names_go_privately(paper: Journey):
    rid = paper.round.id
    await paper.post(f.channel_mention(paper.mock.url, "papirskema", user=LEADER, name="Lea Leder"))
    chooser = last_card(paper, LEADER)[1]
    assert "nomination.paper.choose" in text_of(chooser) and "Bo Bæk" in text_of(chooser)
    assert not any("Bo Bæk" in text_of(c) for _, c in paper.cards_in(f"{f.TEAM};messageid=1"))
    await press(paper, LEADER, paper_value(rid, "u-bo"), None)
    assert await paper.services.store.nominations.entries(rid) == {"u-bo": LEADER}


async def test_when_everyone_has_answered_there_is_nothing_to_enter(paper: Journey):
    rid = paper.round.id
    for member in f.ROSTER:
        if member["id"] != CONTACT:
            await press(paper, member["id"], submit_value(rid), None)
    await say(paper, CONTACT, "papirskema")
    assert "Alle inviterede har svaret" in paper.texts_in(f"a:{CONTACT}")[-1]
