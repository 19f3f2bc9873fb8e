"""Workplaces (bot/storage/workplace.py)."""
from __future__ import annotations

from datetime import timedelta

from bot.process.workplace import Workplace


async def test_a_workplace_is_remembered_and_keeps_its_name_and_concept(store, clock):
    first = await store.workplaces.upsert(
        team_id="team-1", tenant_id="ten", service_url="https://a/", channel_id="19:general", name="Hjemmeplejen",
        now=clock.now(), concept="dtu",
    )
    assert isinstance(first, Workplace) and await store.workplaces.get("team-1") == first
    clock.advance(timedelta(days=1))
    again = await store.workplaces.upsert(
        team_id="team-1", tenant_id="ten", service_url="https://b/", channel_id="19:other", name="", now=clock.now(), concept="nyborg",
    )
    assert (again.service_url, again.channel_id, again.name, again.concept) == ("https://b/", "19:other", "Hjemmeplejen", "dtu")
    assert again.created_at == first.created_at
    assert await store.workplaces.get("team-1") == again
    assert await store.workplaces.get("team-2") is None
