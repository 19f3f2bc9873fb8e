"""People (bot/storage/people.py): what a turn or a roster teaches us, written only when it changes."""
from __future__ import annotations

from datetime import timedelta

from bot.process.people import Person, is_first_private_contact


async def test_person_language_preference(store, clock):
    await store.people.remember(user_id="u1", tenant_id="ten", now=clock.now(), name="Alex", conversation_id="c1", service_url="http://x")
    await store.people.set_language("u1", "en", tenant_id="ten", now=clock.now())
    person = await store.people.get("u1")
    assert (person.lang, person.conversation_id, person.name) == ("en", "c1", "Alex")


async def test_remembering_returns_before_and_after_and_writes_only_changes(store, clock):
    first = await store.people.remember(user_id="u1", tenant_id="ten", now=clock.now(), name="Alex")
    assert first.before is None and isinstance(first.after, Person) and first.changed == {"user_id", "tenant_id", "name"}
    clock.advance(timedelta(minutes=1))
    same = await store.people.remember(user_id="u1", tenant_id="ten", now=clock.now(), name="Alex")
    assert same.before == same.after == first.after and not same.changed
    assert (await store.people.get("u1")).updated_at == first.after.updated_at  # nothing was written
    chat = await store.people.remember(user_id="u1", tenant_id="ten", now=clock.now(), conversation_id="a:1")
    assert chat.changed == {"conversation_id"} and chat.after.name == "Alex"
    assert is_first_private_contact(chat.before, "a:1")
    later = await store.people.remember(user_id="u1", tenant_id="ten", now=clock.now(), conversation_id="a:1")
    assert not is_first_private_contact(later.before, "a:1")
    assert await store.people.get("u1") == chat.after


async def test_a_roster_page_refreshes_names_and_keeps_chats_and_languages(store, clock):
    await store.people.remember(user_id="u1", tenant_id="ten", now=clock.now(), name="Old", conversation_id="a:1", service_url="https://mine/")
    await store.people.set_language("u1", "en", tenant_id="ten", now=clock.now())
    page = [{"id": "u1", "name": "Åse Ørum", "aadObjectId": "aad-1"}, {"id": "u2", "name": "Bo", "objectId": "aad-2"}, {"name": "no id"}]
    await store.people.upsert_roster(page, tenant_id="ten", service_url="https://roster/", now=clock.now())
    people = await store.people.get_many(["u1", "u2", "u3"])
    assert set(people) == {"u1", "u2"}
    assert (people["u1"].name, people["u1"].aad_object_id, people["u1"].lang, people["u1"].conversation_id, people["u1"].service_url) == (
        "Åse Ørum", "aad-1", "en", "a:1", "https://mine/")
    assert (people["u2"].name, people["u2"].aad_object_id, people["u2"].service_url, people["u2"].conversation_id) == ("Bo", "aad-2", "https://roster/", None)
    assert await store.people.get_many([]) == {}


async def test_someone_never_met_may_choose_a_language(store, clock):
    person = await store.people.set_language("u9", "da", tenant_id="ten", now=clock.now())
    assert person.lang == "da" and await store.people.get("u9") == person


async def test_choosing_the_same_language_twice_in_one_instant_is_harmless(store, clock):
    first = await store.people.set_language("u9", "en", tenant_id="ten", now=clock.now())
    assert await store.people.set_language("u9", "en", tenant_id="ten", now=clock.now()) == first
    assert await store.people.get("u9") == first
