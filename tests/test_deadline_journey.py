"""Extending, closing early and reaching the deadline, end to end through the real app and adapter.

Teams is the mock Bot Connector; time is the app's injected clock, moved with ``clock.set`` and
followed by a sweep. The rules themselves are unit-tested in tests/test_deadline.py; the same
extend and close-early run against the Agents Playground in tests/e2e/test_playground_deadline.py.
"""
from __future__ import annotations

from datetime import datetime, timezone

import factories as f
from bot.process.nomination import NOMINATION_KIND
from bot.scheduler.runner import build_runner
from test_journey import ROSTER, Journey, card_text, journey, submit_value  # noqa: F401 - the fixture

CHANNEL_THREAD = f"{f.TEAM};messageid=1"


async def start_round(journey: Journey, *, deadline: str = "2026-09-15"):
    url, services = journey.mock.url, journey.services
    await journey.post(f.bot_added_to_team(url))
    start = {"verb": "round.start", "deadline": deadline, "contact_name": "Lea Leder", "named_mode": "anonymous"}
    await journey.post(f.channel_submit(url, start, user="u-leader", name="Lea Leder"))
    round_ = await services.store.dialogues.latest_round(f.TEAM)
    assert all(len(journey.cards_in(f"a:{m['id']}")) == 1 for m in ROSTER)
    return round_


async def answer(journey: Journey, round_, user: str) -> str:
    card_id = journey.cards_in(f"a:{user}")[0][0]
    await journey.post(f.personal_submit(journey.mock.url, submit_value(round_.id), user=user, conversation=f"a:{user}", reply_to=card_id))
    return card_id


def thread_submit(url: str, value: dict, *, user: str, name: str, reply_to: str) -> dict:
    """A click on a card the bot posted in the thread of a mention (the conversation id says which)."""
    activity = f.channel_submit(url, value, user=user, name=name, reply_to=reply_to)
    activity["conversation"]["id"] = CHANNEL_THREAD
    return activity


def card_of(journey: Journey, user: str, activity_id: str) -> str:
    return card_text(journey.mock.activities_in(f"a:{user}")[activity_id]["attachments"][0]["content"])


def closing_cards(journey: Journey) -> list[dict]:
    return [c for _, c in journey.cards_in(f.TEAM) if "Fristen for temaforslag er nået" in card_text(c) or "Runden er lukket" in card_text(c)]


async def test_extending_moves_the_deadline_tells_those_who_have_not_answered_and_replans_their_reminders(journey: Journey):
    url, services = journey.mock.url, journey.services
    round_ = await start_round(journey)
    await answer(journey, round_, "u-bo")

    # Erik is not in the planning group: refused, nothing changes.
    await journey.post(f.channel_submit(url, {"verb": "round.extend", "round_id": round_.id, "deadline": "2026-09-22"}, user="u-erik", name="Erik Eg"))
    assert (await services.store.dialogues.get_round(round_.id)).deadline_date.isoformat() == "2026-09-15"
    assert "Lea Leder" in journey.texts_in(f.TEAM)[-1]

    # Lea types "forlæng": the card proposes a week more; an earlier date is refused on the card.
    await journey.post(f.channel_mention(url, "forlæng", user="u-leader", name="Lea Leder"))
    form_id, form = journey.cards_in(CHANNEL_THREAD)[-1]
    assert "round.extend" in card_text(form) and "2026-09-22" in card_text(form)
    await journey.post(thread_submit(url, {"verb": "round.extend", "round_id": round_.id, "deadline": "2026-09-14"},
                                     user="u-leader", name="Lea Leder", reply_to=form_id))
    refused = card_text(journey.mock.activities_in(CHANNEL_THREAD)[form_id]["attachments"][0]["content"])
    assert "skal ligge efter den nuværende frist" in refused and "tirsdag den 15. september 2026" in refused

    await journey.post(thread_submit(url, {"verb": "round.extend", "round_id": round_.id, "deadline": "2026-09-22"},
                                     user="u-leader", name="Lea Leder", reply_to=form_id))
    moved = await services.store.dialogues.get_round(round_.id)
    assert moved.deadline_date.isoformat() == "2026-09-22"
    done = card_text(journey.mock.activities_in(CHANNEL_THREAD)[form_id]["attachments"][0]["content"])
    assert "Fristen er flyttet" in done and "tirsdag den 22. september 2026" in done and "round.extend" not in done
    assert "round.extended" in [e.action for e in await services.store.audit.entries(actor="u-leader")]

    # The announcement reaches those who have not answered, with the button to their card; not Bo.
    counts = {m["id"]: len(journey.cards_in(f"a:{m['id']}")) for m in ROSTER}
    assert counts == {"u-leader": 2, "u-bo": 1, "u-cecilie": 2, "u-dorte": 2, "u-erik": 2}
    announcement = card_text(journey.cards_in("a:u-cecilie")[-1][1])
    assert "Fristen for temaforslag er forlænget" in announcement and "tirsdag den 22. september 2026" in announcement
    assert "nomination.open" in announcement and "2026-09-22" not in announcement

    # The reminders are planned for the new date; those of the old date are dropped.
    pending = [r for r in await services.store.reminders.pending_for(round_.id) if r.kind == NOMINATION_KIND]
    assert pending and all(r.key.endswith(":2026-09-22") for r in pending)
    assert {r.recipient_id for r in pending} == {"u-leader", "u-cecilie", "u-dorte", "u-erik"}

    # Tuesday 15 September 09:05 (5 working days before the 22nd): the first reminder goes out;
    # on the old deadline's last-call day (Monday 14th) nothing did.
    sweeper = build_runner(services).sweeper
    journey.clock.set(datetime(2026, 9, 14, 7, 5, tzinfo=timezone.utc))
    await sweeper.run_once()
    assert {m["id"]: len(journey.cards_in(f"a:{m['id']}")) for m in ROSTER} == counts
    journey.clock.set(datetime(2026, 9, 15, 7, 5, tzinfo=timezone.utc))
    await sweeper.run_once()
    assert {m["id"]: len(journey.cards_in(f"a:{m['id']}")) for m in ROSTER} == {k: v + (k != "u-bo") for k, v in counts.items()}
    # After the old deadline Cecilie can still answer.
    journey.clock.set(datetime(2026, 9, 16, 10, 0, tzinfo=timezone.utc))
    await answer(journey, round_, "u-cecilie")
    assert await services.store.nominations.get(round_.id, "u-cecilie") is not None


async def test_closing_early_asks_first_then_closes_tallies_and_turns_cards_read_only(journey: Journey):
    url, services = journey.mock.url, journey.services
    round_ = await start_round(journey)
    bo_card = await answer(journey, round_, "u-bo")
    cecilie_card = journey.cards_in("a:u-cecilie")[0][0]
    await services.store.planning_group.add(f.TEAM, "u-dorte", "Dorte Dam", added_by="u-leader", now=journey.clock.now())

    await journey.post(f.channel_mention(url, "luk runden", user="u-leader", name="Lea Leder"))
    confirm_id, confirm = journey.cards_in(CHANNEL_THREAD)[-1]
    assert "round.close" in card_text(confirm) and "1 af 5" in card_text(confirm)
    assert (await services.store.dialogues.get_round(round_.id)).closed_at is None  # nothing happens before the confirmation

    await journey.post(thread_submit(url, {"verb": "round.close", "round_id": round_.id}, user="u-leader", name="Lea Leder", reply_to=confirm_id))
    closed = await services.store.dialogues.get_round(round_.id)
    assert closed.closed_at == journey.clock.now()
    assert "Runden er lukket" in card_text(journey.mock.activities_in(CHANNEL_THREAD)[confirm_id]["attachments"][0]["content"])
    assert "round.closed_early" in [e.action for e in await services.store.audit.entries(actor="u-leader")]

    # The channel is told once; each of the planning group gets the final tally privately.
    [notice] = closing_cards(journey)
    assert "1 af 5" in card_text(notice) and "tally.show" in card_text(notice)
    for member in ("u-leader", "u-dorte"):
        tally = card_text(journey.cards_in(f"a:{member}")[-1][1])
        assert "Vi har brug for hinanden" in tally, member
    # Cards turn read-only in place: Bo's receipt loses "Ret", Cecilie's form says the round closed.
    assert "nomination.edit" not in card_of(journey, "u-bo", bo_card) and "Vi har brug for hinanden" in card_of(journey, "u-bo", bo_card)
    cecilie = card_of(journey, "u-cecilie", cecilie_card)
    assert "nomination.submit" not in cecilie and "Runden blev lukket" in cecilie

    # Later sweeps send nothing more; an old button gets the polite "closed" answer.
    sent = len(journey.mock.delivered())
    await build_runner(services).sweeper.run_once()
    assert len(journey.mock.delivered()) == sent and len(closing_cards(journey)) == 1
    await journey.post(f.personal_submit(url, submit_value(round_.id), user="u-cecilie", conversation="a:u-cecilie", reply_to=cecilie_card))
    assert await services.store.nominations.get(round_.id, "u-cecilie") is None
    assert "lukket" in journey.texts_in("a:u-cecilie")[-1]
    # Closing again, or extending now, is refused in words.
    await journey.post(f.channel_submit(url, {"verb": "round.close", "round_id": round_.id}, user="u-leader", name="Lea Leder"))
    assert "lukket" in journey.texts_in(f.TEAM)[-1]


async def test_at_the_deadline_the_tally_the_channel_card_and_the_closed_cards_go_out_once_in_working_hours(journey: Journey):
    services = journey.services
    round_ = await start_round(journey)  # deadline Tuesday 15 September
    bo_card = await answer(journey, round_, "u-bo")
    erik_card = journey.cards_in("a:u-erik")[0][0]
    sweeper = build_runner(services).sweeper

    # Midnight has passed, but it is night: nothing goes out yet.
    journey.clock.set(datetime(2026, 9, 15, 22, 30, tzinfo=timezone.utc))  # 00:30 on Wednesday
    await sweeper.run_once()
    assert closing_cards(journey) == []

    # Wednesday 09:05: the channel card; the sweep after it, the tally and the card updates.
    journey.clock.set(datetime(2026, 9, 16, 7, 5, tzinfo=timezone.utc))
    await sweeper.run_once()
    [notice] = closing_cards(journey)
    assert "tirsdag den 15. september 2026" in card_text(notice) and "1 af 5" in card_text(notice)
    await sweeper.run_once()
    tally = card_text(journey.cards_in("a:u-leader")[-1][1])
    assert "Vi har brug for hinanden" in tally
    assert "tally.viewed" in [e.action for e in await services.store.audit.entries(actor="u-leader")]
    assert "nomination.edit" not in card_of(journey, "u-bo", bo_card)
    erik = card_of(journey, "u-erik", erik_card)
    assert "nomination.submit" not in erik and "Fristen for temaforslag var tirsdag den 15. september 2026" in erik
    # Once each: a sweep the next day finds nothing.
    sent = len(journey.mock.delivered())
    journey.clock.set(datetime(2026, 9, 17, 7, 5, tzinfo=timezone.utc))
    await sweeper.run_once()
    await sweeper.run_once()
    assert len(journey.mock.delivered()) == sent and len(closing_cards(journey)) == 1
