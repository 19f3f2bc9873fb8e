"""The rules of bot/process/people.py: what a turn or a roster teaches us, and when to say hello."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.process.people import Person, Remembered, from_roster, is_first_private_contact, learn, with_language

T0 = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
LATER = T0 + timedelta(hours=1)
KNOWN = Person("u1", "ten", T0, name="Åse", aad_object_id="aad-1", lang="en", service_url="https://a/", conversation_id="a:1")


def test_a_new_person_is_made_from_what_the_turn_said():
    person = learn(None, user_id="u1", tenant_id="ten", now=T0, name="Åse", conversation_id="a:1")
    assert person == Person("u1", "ten", T0, name="Åse", conversation_id="a:1")


def test_nothing_new_returns_the_same_person_so_nothing_is_written():
    assert learn(KNOWN, user_id="u1", tenant_id="ten", now=LATER, name="Åse", service_url="https://a/") is KNOWN
    assert learn(KNOWN, user_id="u1", tenant_id="other", now=LATER) is KNOWN  # the tenant is set once


def test_a_missing_value_never_erases_and_a_new_one_replaces():
    after = learn(KNOWN, user_id="u1", tenant_id="ten", now=LATER, name="Åse Ørum", aad_object_id=None, conversation_id="")
    assert (after.name, after.aad_object_id, after.conversation_id, after.lang, after.updated_at) == ("Åse Ørum", "aad-1", "a:1", "en", LATER)
    assert Remembered(KNOWN, after).changed == {"name"}


def test_a_roster_refreshes_names_and_entra_ids_and_keeps_chat_language_and_address():
    after = from_roster(KNOWN, user_id="u1", tenant_id="ten", now=LATER, name="Åse Ørum", aad_object_id="aad-2", service_url="https://roster/")
    assert (after.name, after.aad_object_id, after.service_url, after.conversation_id, after.lang) == ("Åse Ørum", "aad-2", "https://a/", "a:1", "en")
    unnamed = from_roster(KNOWN, user_id="u1", tenant_id="ten", now=LATER, name="", aad_object_id=None, service_url="https://roster/")
    assert (unnamed.name, unnamed.aad_object_id) == ("Åse", "aad-1")
    new = from_roster(None, user_id="u2", tenant_id="ten", now=LATER, name="Bo", aad_object_id=None, service_url="https://roster/")
    assert new == Person("u2", "ten", LATER, name="Bo", service_url="https://roster/")


def test_choosing_a_language():
    assert with_language(KNOWN, "da", user_id="u1", tenant_id="ten", now=LATER).lang == "da"
    assert with_language(None, "en", user_id="u2", tenant_id="ten", now=LATER) == Person("u2", "ten", LATER, lang="en")


def test_the_first_private_contact_is_the_first_chat_id_we_learn():
    assert is_first_private_contact(None, "a:1")  # never met
    assert is_first_private_contact(Person("u1", "ten", T0, name="From a roster"), "a:1")  # known, never written privately
    assert not is_first_private_contact(KNOWN, "a:1")  # hello was said before
    assert not is_first_private_contact(KNOWN, "a:2")  # a new chat id for someone we talk to already
    assert not is_first_private_contact(None, None)  # a channel message
    assert not is_first_private_contact(None, "")
