"""Handled activities (bot/storage/activities.py): a redelivered activity is claimed once."""
from __future__ import annotations

from datetime import timedelta


async def test_activity_claimed_once(store, clock):
    assert await store.activities.claim("conv|a1", clock.now())
    assert not await store.activities.claim("conv|a1", clock.now())
    await store.activities.release("conv|a1")
    assert await store.activities.claim("conv|a1", clock.now())


async def test_old_claims_are_forgotten(store, clock):
    await store.activities.claim("conv|old", clock.now() - timedelta(days=8))
    await store.activities.claim("conv|new", clock.now())
    assert await store.activities.forget_before(clock.now() - timedelta(days=7)) == 1
    assert await store.activities.claim("conv|old", clock.now())
    assert not await store.activities.claim("conv|new", clock.now())
