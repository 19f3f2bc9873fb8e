"""``store.organisation`` on SQLite and PostgreSQL: administrators (never none), committees and HR,
links and moves, versions sent with their snapshots, forwards, and what "mine data" forgets."""
from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.process.development_plan import DevelopmentPlan, Initiative
from bot.process.organisation import KIND_COMMITTEE, KIND_HR, SubmittedTheme, next_submission

THEMES = (SubmittedTheme("wellbeing", "social-support-trust"), SubmittedTheme("leadership", "own", own_title="Vores"))


async def _workplace(store, team: str, name: str, now) -> None:  # noqa: ANN001
    await store.workplaces.upsert(team_id=team, tenant_id="t", service_url="https://s", channel_id=team, name=name, now=now,
                                  concept="nyborg")


async def test_the_setting_seeds_the_first_administrators_and_one_always_remains(store, clock) -> None:
    org = store.organisation
    assert await org.seed_administrators(["aad-1", "u-2"], now=clock.now()) == 2
    assert await org.seed_administrators(["u-9"], now=clock.now()) == 0  # only while there are none
    assert await org.is_administrator("aad-1") and not await org.is_administrator("u-9")
    assert await org.grant("u-3", by="u-2", now=clock.now()) and not await org.grant("u-3", by="u-2", now=clock.now())
    assert await org.revoke("aad-1") and await org.revoke("u-2")
    assert not await org.revoke("u-3")  # the last one stays
    assert await org.administrators() == ["u-3"]
    # two revocations at once still leave one
    await org.grant("u-4", by="u-3", now=clock.now())
    await asyncio.gather(org.revoke("u-3"), org.revoke("u-4"))
    assert len(await org.administrators()) >= 1


async def test_committees_links_and_a_moved_workplace(store, clock) -> None:
    org, now = store.organisation, clock.now()
    for team, name in (("w1", "Hjemmeplejen"), ("w2", "Skolen"), ("k1", "Koordinationsgruppe"), ("hr", "HR-teamet")):
        await _workplace(store, team, name, now)
    c1 = await org.register("k1", "MED Social", KIND_COMMITTEE, by="u-admin", now=now)
    again = await org.register("k1", "MED Social og Sundhed", KIND_COMMITTEE, by="u-admin", now=now)
    assert again.id == c1.id and again.name == "MED Social og Sundhed"
    hr = await org.register("hr", "HR", KIND_HR, by="u-admin", now=now)
    assert await org.hr_teams() == ["hr"]
    assert [w.team_id for w in await org.workplaces()] == ["w1", "w2"]  # committees are not workplaces to link
    assert await org.link("w1", c1.id, by="u-admin", now=now) and not await org.link("w1", c1.id, by="u-admin", now=now)
    assert await org.links() == {"w1": c1.id}
    assert (await org.committee_of_workplace("w1")).id == c1.id and await org.committee_of_workplace("w2") is None
    assert await org.link("w1", hr.id, by="u-admin", now=now)  # moved
    assert await org.links() == {"w1": hr.id}
    assert await org.link("w1", None, by="u-admin", now=now) and await org.links() == {}


async def test_versions_keep_their_snapshot_and_their_committee(store, clock) -> None:
    org, now = store.organisation, clock.now()
    await _workplace(store, "w1", "Hjemmeplejen", now)
    dialogue = await store.dialogues.ensure_dialogue("w1", now)
    plan = DevelopmentPlan(dialogue.id, (Initiative("i1", "Temadag", "Fordi", needs_organisation=True, ask="Tid"),), 1, "u1", now)
    first = next_submission(None, committee_id="c1", team_id="w1", dialogue_id=dialogue.id, plan=plan, themes=THEMES, by="u1", now=now,
                            version=1)
    assert await org.submit(first) and not await org.submit(first)  # a second press stores nothing
    plan2 = DevelopmentPlan(dialogue.id, (Initiative("i1", "Temadag", "Fordi", needs_organisation=True, ask="To dage"),), 2, "u1", now)
    second = next_submission(first, committee_id="c1", team_id="w1", dialogue_id=dialogue.id, plan=plan2, themes=THEMES, by="u1",
                             now=now + timedelta(days=1), version=await org.next_version(dialogue.id))
    assert second.version == 2 and await org.submit(second)
    moved = next_submission(None, committee_id="c2", team_id="w1", dialogue_id=dialogue.id, plan=plan2, themes=THEMES, by="u1",
                            now=now + timedelta(days=2), version=3)
    assert await org.submit(moved)
    got = await org.history(dialogue.id)
    assert [(s.version, s.committee_id) for s in got] == [(1, "c1"), (2, "c1"), (3, "c2")]
    assert got[1].changes.changed == ("Temadag",) and got[0].changes is None and got[0].themes == THEMES
    assert got[0].workplace_name == "Hjemmeplejen" and got[1].initiatives[0].ask == "To dage"
    assert [s.version for s in await org.submissions("c1")] == [2]  # what c1 got stays with c1
    assert [s.version for s in await org.submissions()] == [3]  # the latest per workplace
    assert (await org.submission(dialogue.id, 2)).plan_version == 2


async def test_forwards_are_recorded_and_a_persons_comment_is_forgotten(store, clock) -> None:
    org, now = store.organisation, clock.now()
    first = await org.forward("c1", by="u-k", comment="Se temadagene", now=now)
    second = await org.forward("c1", by="u-k", comment="", now=now + timedelta(hours=1))
    assert first.id != second.id and (await org.get_forward(first.id)).comment == "Se temadagene"
    assert [f.id for f in await org.forwards("c1")] == [second.id, first.id] and await org.forwards("c2") == []
    assert [f.comment for f in await org.comments_of("u-k")] == ["Se temadagene", ""]
    await org.grant("u-k", by="x", now=now)
    await org.grant("u-other", by="x", now=now)
    assert await org.forget_person("u-k") == 2
    assert [f.comment for f in await org.forwards()] == ["", ""] and not await org.is_administrator("u-k")
