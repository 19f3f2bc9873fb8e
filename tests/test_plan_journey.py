"""The development plan and the feedback to employees, end to end through the real app and adapter
(steps 10-11).

A dialogue with the groups' results is seeded through the other steps' storage APIs; then the
planning group builds two initiatives (a wrong value shown on the card, the groups' desired action
copied), a card from before a colleague's save is refused politely, the plan is adopted (the
follow-ups planned once), the sweeper posts it to the channel, and employees' "Set og forstået" is
counted – a stranger's is not. The rules are unit-tested in tests/test_development_plan.py.
"""
from __future__ import annotations

from datetime import datetime, timezone

import factories as f
from bot.process.concept import Kind
from bot.process.development_plan import PLAN_ANNOUNCED_KIND
from bot.process.follow_up import FOLLOW_UP_DUE_KIND
from bot.process.group_results import ResultsInput
from bot.scheduler.runner import build_runner
from cards_validation import assert_valid_card
from test_journey import Journey, card_text, journey  # noqa: F401 - the fixture
from test_results_journey import press, say_privately, seed_day, shown

AFTER = datetime(2026, 10, 5, 8, 0, tzinfo=timezone.utc)  # a Monday, 10:00 in Copenhagen, after the day


def initiative(dialogue_id: str, version: int | None, title: str, *, owner: str = "u-bo", due: str = "2026-11-30",
               initiative_id: str | None = None, **extra: str) -> dict:
    value = {"verb": "plan.initiative_save", "dialogue_id": dialogue_id, "title": title, "why": f"Fordi {title} fylder",
             "actions": "Undersøg møderne", "m_planning_label": "Undersøgelse", "m_planning_due": due,
             "m_evaluation_label": "Evaluering", "m_evaluation_due": "2027-09-30", "owner": owner,
             "needs_organisation": "false", **extra}
    if version is not None:
        value["version"] = version
    if initiative_id:
        value["initiative_id"] = initiative_id
    return value


async def test_the_planning_group_builds_adopts_and_tells_the_employees(journey: Journey):
    services = journey.services
    store = services.store
    dialogue_id = await seed_day(journey)
    await store.group_results.enter(dialogue_id, Kind.WELLBEING, 1, ResultsInput(("Tillid",), ("Fast tjek-ind hver morgen",)),
                                    sender="u-bo", now=journey.clock.now())
    journey.clock.set(AFTER)

    # Lea opens the plan: nothing yet, and a "Ny indsats" button.
    await say_privately(journey, "u-leader", "plan")
    lea_card, card = journey.cards_in("a:u-leader")[-1]
    assert "Der er endnu ingen indsatser" in card_text(card) and "plan.initiative_new" in card_text(card)
    assert_valid_card(card)
    await press(journey, "u-leader", {"verb": "plan.initiative_new", "dialogue_id": dialogue_id}, lea_card)
    editor = shown(journey, "u-leader", lea_card)
    assert "Handleplan for en indsats" in editor and "Fast tjek-ind hver morgen" in editor and "Bo Bæk" in editor

    # A milestone before the day is shown on the card, and nothing is stored.
    await press(journey, "u-leader", initiative(dialogue_id, None, "Ny mødestruktur", due="2026-09-01"), lea_card)
    assert "Datoen ligger før Udviklingsdialogen" in shown(journey, "u-leader", lea_card)
    assert await store.plans.get(dialogue_id) is None

    # Saved, with the groups' desired action copied in by its number.
    await press(journey, "u-leader", initiative(dialogue_id, None, "Ny mødestruktur", copy_actions="a1"), lea_card)
    plan = await store.plans.get(dialogue_id)
    assert plan.version == 1 and plan.initiatives[0].actions == ("Undersøg møderne", "Fast tjek-ind hver morgen")
    overview = shown(journey, "u-leader", lea_card)
    assert "Indsatsen er gemt" in overview and "Ny mødestruktur" in overview and "Tovholder: " in overview

    # Adopting one initiative is refused: the guide asks for 2 or 3.
    await press(journey, "u-leader", {"verb": "plan.adopt_ask", "dialogue_id": dialogue_id, "version": 1}, lea_card)
    assert "2 eller 3 indsatser" in journey.texts_in("a:u-leader")[-1]

    # Lea's second card, opened before Erik... is not stale yet; Erik is no planning-group member: refused.
    await press(journey, "u-erik", initiative(dialogue_id, 1, "Overtaget"), None)
    assert (await store.plans.get(dialogue_id)).version == 1
    await store.planning_group.add(f.TEAM, "u-dorte", "Dorte Dam", added_by="u-leader", now=journey.clock.now())
    await press(journey, "u-dorte", initiative(dialogue_id, 1, "Kendskab til hinandens faglighed", owner="u-cecilie"), None)
    assert (await store.plans.get(dialogue_id)).version == 2

    # Lea's card still names version 1: her save is refused politely, and she gets the latest plan.
    await press(journey, "u-leader", initiative(dialogue_id, 1, "Ændret titel", initiative_id="i1"), lea_card)
    stale = shown(journey, "u-leader", lea_card)
    assert "En anden i planlægningsgruppen har ændret planen imens" in stale and "Kendskab til hinandens faglighed" in stale
    assert (await store.plans.get(dialogue_id)).initiatives[0].title == "Ny mødestruktur"

    # Adopt: confirm, then the first adopter wins; the follow-ups are planned and the post queued.
    await press(journey, "u-leader", {"verb": "plan.adopt_ask", "dialogue_id": dialogue_id, "version": 2}, lea_card)
    assert "Ja, vedtag planen" in shown(journey, "u-leader", lea_card)
    await press(journey, "u-leader", {"verb": "plan.adopt", "dialogue_id": dialogue_id, "version": 2}, lea_card)
    adopted = await store.plans.get(dialogue_id)
    assert adopted.adopted and adopted.adopted_by == "u-leader" and adopted.announced_version == 2
    assert "Planen er vedtaget" in shown(journey, "u-leader", lea_card)
    await press(journey, "u-dorte", {"verb": "plan.adopt", "dialogue_id": dialogue_id, "version": 2}, None)
    assert (await store.plans.get(dialogue_id)).adopted_by == "u-leader"
    actions = [e.action for e in await store.audit.entries(actor="u-leader")]
    assert "plan.saved" in actions and "plan.adopted" in actions
    kinds = {r.kind for r in await store.reminders.pending_for(dialogue_id)}
    assert FOLLOW_UP_DUE_KIND in kinds  # the 3- and 6-month follow-ups, planned once

    # The channel gets the plan (sent at once by the sweep the adoption started; a second sweep sends
    # nothing more): which initiatives, why, and "Set og forstået".
    await build_runner(services).sweeper.run_once()
    assert await store.reminders.sent_count(dialogue_id, PLAN_ANNOUNCED_KIND) == 1
    posts = [(i, c) for i, c in journey.cards_in(f.TEAM) if "Vores udviklingsplan" in card_text(c)]
    assert len(posts) == 1
    post_id, post = posts[0]
    assert "Fordi Ny mødestruktur fylder" in card_text(post) and "plan.seen" in card_text(post)
    assert_valid_card(post)

    # Employees mark it seen, once each; a stranger's press does not count.
    seen = {"verb": "plan.seen", "dialogue_id": dialogue_id, "version": 2}
    for user in ("u-bo", "u-cecilie", "u-bo"):
        await journey.post(f.channel_submit(journey.mock.url, seen, user=user, reply_to=post_id))
    await journey.post(f.channel_submit(journey.mock.url, seen, user="u-stranger", reply_to=post_id))
    assert await store.plans.acknowledged(dialogue_id) == 2
    await say_privately(journey, "u-leader", "plan")
    final = card_text(journey.cards_in("a:u-leader")[-1][1])
    assert "2 har markeret planen som set og forstået" in final
    assert "Bo Bæk" in final  # as owner; never as one who has seen it

    # Changed after adoption: kept in the history, the follow-ups stay where adoption put them, and
    # the changes can be shared with the employees again.
    follow_ups = sorted((r.key, r.due_at) for r in await store.reminders.pending_for(dialogue_id) if r.kind == FOLLOW_UP_DUE_KIND)
    await press(journey, "u-dorte", initiative(dialogue_id, 2, "Kendskab til hinandens faglighed", owner="u-cecilie",
                                               initiative_id="i2", why="Temadag hvor alle faggrupper fortæller"), None)
    changed = await store.plans.get(dialogue_id)
    assert changed.version == 3 and changed.adopted_version == 2 and len(await store.plans.history(dialogue_id)) == 3
    assert sorted((r.key, r.due_at) for r in await store.reminders.pending_for(dialogue_id) if r.kind == FOLLOW_UP_DUE_KIND) == follow_ups
    await say_privately(journey, "u-leader", "plan")
    lea_card, card = journey.cards_in("a:u-leader")[-1]
    assert "Del ændringerne" in card_text(card) and "ændret, siden den blev delt" in card_text(card)
    await press(journey, "u-leader", {"verb": "plan.share", "dialogue_id": dialogue_id, "version": 3}, lea_card)
    await press(journey, "u-leader", {"verb": "plan.share", "dialogue_id": dialogue_id, "version": 3}, lea_card)  # twice: one post
    await build_runner(services).sweeper.run_once()
    changed_posts = [c for _, c in journey.cards_in(f.TEAM) if "Vores udviklingsplan er ændret" in card_text(c)]
    assert len(changed_posts) == 1 and "Temadag hvor alle faggrupper fortæller" in card_text(changed_posts[0])
    assert "plan.shared" in [e.action for e in await store.audit.entries(actor="u-leader")]
