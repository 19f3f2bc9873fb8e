"""The language rule through the real app and adapter: a team's channel speaks the team's
language whoever writes, a personal chat the person's.

The rule itself is unit-tested in tests/test_texts.py (``choose_language``); the Playground
runs the channel part in tests/e2e/test_playground_language.py. Every member here reports
``en-US``, as the Playground and many Danish employees' Teams do.
"""
from __future__ import annotations

import json

import factories as f
from bot.texts import t
from test_journey import Journey, journey  # noqa: F401  (the fixture)

EN_US = "en-US"
CHAT = f"{f.TEAM};messageid=1"


def in_en_us(activity: dict) -> dict:
    return {**activity, "locale": EN_US}


def text_of(card: dict) -> str:
    return json.dumps(card, ensure_ascii=False)


def mention(journey: Journey, words: str, user: str = "u-leader", name: str = "Lea Leder") -> dict:
    return in_en_us(f.channel_mention(journey.mock.url, words, user=user, name=name))


def personal(journey: Journey, words: str, user: str = "u-bo") -> dict:
    conversation = f"a:{user}"
    journey.mock.add_conversation(conversation, tenant_id=f.TENANT)
    return f.personal_message(journey.mock.url, words, user=user, conversation=conversation, locale=EN_US)


async def test_members_reporting_en_us_get_danish_in_the_channel(journey: Journey) -> None:
    await journey.post(in_en_us(f.bot_added_to_team(journey.mock.url)))
    [(_, welcome)] = journey.cards_in(f.TEAM)
    assert t("da", "welcome.team.intro") in text_of(welcome)  # the default before set-up, not en-US

    await journey.post(mention(journey, "start"))
    setup = text_of(journey.cards_in(CHAT)[-1][1])
    assert t("da", "action.start_round") in setup and t("en", "action.start_round") not in setup

    await journey.post(mention(journey, "help", user="u-bo", name="Bo Bæk"))  # an English word, still the channel's Danish
    assert t("da", "help.title") in text_of(journey.cards_in(CHAT)[-1][1])

    # The planning group chose English for this team: the channel speaks English, whoever writes in Danish.
    await journey.services.store.workplaces.set_language(f.TEAM, "en")
    await journey.post({**mention(journey, "hjælp", user="u-bo", name="Bo Bæk"), "locale": "da-DK"})
    assert t("en", "help.title") in text_of(journey.cards_in(CHAT)[-1][1])


async def test_a_personal_chat_speaks_the_persons_language(journey: Journey) -> None:
    # Nothing chosen: a Danish-only word is answered in Danish, an English one by the en-US locale.
    await journey.post(personal(journey, "hjælp"))  # the first message greets
    await journey.post(personal(journey, "hjælp"))
    assert t("da", "help.title") in text_of(journey.cards_in("a:u-bo")[-1][1])
    await journey.post(personal(journey, "help"))
    assert t("en", "help.title") in text_of(journey.cards_in("a:u-bo")[-1][1])
    await journey.post(personal(journey, "mine data"))
    assert t("da", "data.summary") in journey.sent_to("a:u-bo")[-1]["summary"]

    # A stored choice beats both the word and the locale.
    await journey.post(personal(journey, "sprog dansk"))
    assert journey.texts_in("a:u-bo")[-1] == t("da", "common.language_set")
    await journey.post(personal(journey, "help"))
    assert t("da", "help.title") in text_of(journey.cards_in("a:u-bo")[-1][1])


async def test_asked_in_the_channel_the_card_is_the_persons_and_the_note_the_channels(journey: Journey) -> None:
    await journey.post(in_en_us(f.bot_added_to_team(journey.mock.url)))
    await journey.services.store.people.set_language("u-bo", "en", tenant_id=f.TENANT, now=journey.clock.now())
    await journey.post(mention(journey, "mine data", user="u-bo", name="Bo Bæk"))
    assert journey.texts_in(CHAT)[-1] == t("da", "data.sent_privately")  # the channel: Danish
    assert journey.sent_to("a:u-bo")[-1]["summary"] == t("en", "data.summary")  # Bo's own card: English


async def test_switching_language_in_the_channel_answers_in_the_channels_language(journey: Journey) -> None:
    await journey.post(in_en_us(f.bot_added_to_team(journey.mock.url)))
    await journey.post(mention(journey, "language english", user="u-bo", name="Bo Bæk"))
    assert journey.texts_in(CHAT)[-1] == t("da", "language.set_in_channel", language=t("da", "language.name.en"))
    assert (await journey.services.store.people.get("u-bo")).lang == "en"
    await journey.post(mention(journey, "hjælp", user="u-bo", name="Bo Bæk"))
    assert t("da", "help.title") in text_of(journey.cards_in(CHAT)[-1][1])  # the channel stays Danish


async def test_invitations_go_in_each_persons_choice_else_the_default_never_the_locale(journey: Journey) -> None:
    await journey.post(in_en_us(f.bot_added_to_team(journey.mock.url)))
    await journey.services.store.people.set_language("u-cecilie", "en", tenant_id=f.TENANT, now=journey.clock.now())
    start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea Leder", "named_mode": "anonymous"}
    await journey.post(in_en_us(f.channel_submit(journey.mock.url, start, user="u-leader", name="Lea Leder")))
    summaries = {m["id"]: journey.sent_to(f"a:{m['id']}")[0]["summary"] for m in f.ROSTER}
    dialogue = journey.services.concept.dialogue_name
    assert summaries["u-cecilie"] == dialogue("en")
    assert {summaries[m] for m in ("u-leader", "u-bo", "u-dorte", "u-erik")} == {dialogue("da")}


def test_a_press_on_a_card_is_answered_in_the_language_the_card_was_shown_in() -> None:
    """An invitation goes out in the default language (nothing stored, no locale known); an en-US
    client pressing its button must not get the receipt in English."""
    from bot.texts import choose_language

    assert choose_language(stored=None, card="da", locale="en-US", default="da") == "da"
    assert choose_language(stored=None, card="en", locale="da-DK", default="da") == "en"
    assert choose_language(stored="en", card="da", locale="da-DK", default="da") == "en"  # a choice beats the card
    assert choose_language(stored=None, card="fr", locale="en-US", default="da") == "en"  # not ours: ignored


async def test_an_en_us_click_on_a_danish_invitation_gets_a_danish_receipt(journey: Journey) -> None:
    await journey.post(in_en_us(f.bot_added_to_team(journey.mock.url)))
    start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea Leder", "named_mode": "anonymous"}
    await journey.post(in_en_us(f.channel_submit(journey.mock.url, start, user="u-leader", name="Lea Leder")))
    invitation = journey.sent_to("a:u-bo")[0]
    card = invitation["attachments"][0]["content"]
    assert card["lang"] == "da"
    [send] = [a for a in card["actions"] if a["data"]["verb"] == "nomination.submit"]
    answer = {
        **send["data"], "wellbeing_theme": "social-support-trust", "wellbeing_why_me": "Fordi", "wellbeing_core_task": "Borgerne",
        "leadership_theme": "shared-direction-goals", "leadership_why_me": "Retning", "leadership_core_task": "Sammen",
    }
    click = {**f.personal_submit(journey.mock.url, answer, user="u-bo", conversation="a:u-bo", reply_to=None), "locale": EN_US}
    await journey.post(click)
    receipt = text_of(journey.cards_in("a:u-bo")[-1][1])
    assert t("da", "receipt.title") in receipt and t("en", "receipt.title") not in receipt
