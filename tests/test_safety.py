"""Boundary-crossing behaviour (Bilag 4): the contacts are concept data, DTU invents none, and
every card with free text carries the note, valid and within the message budget."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest
from pydantic import ValidationError

import factories as f
from bot.cards import help_card, message_with_card
from bot.cards.nomination import nomination_card
from bot.cards.safety import safety_note
from bot.concepts import load_concept
from bot.dialogs.router import REGISTRY
from bot.process.concept import Concept, Safety, SafetyContact
from bot.process.dialogue import Role, STEPS
from bot.process.nomination import FORM_FIELDS, FieldError, Invitee
from bot.texts import TEXTS, t
from cards_validation import assert_valid_card, walk, wire_size
from test_journey import Journey, journey  # noqa: F401 - the fixture is used by name

LANGS = ("da", "en")
BUNDLED = ("nyborg", "dtu")
EMPLOYEE_COMMANDS = REGISTRY.help_lines({Role.EMPLOYEE})

# Bilag 4's beredskab, in the guide's order (Ledelsen's "level above" for when the leader is
# the one concerned is its own entry), and who is for leaders only.
NYBORG_IDS = ["local-guidelines", "wellbeing-consultant", "leader", "leader-above", "tr-amr", "whistleblower",
              "psychologist", "leader-coaching", "at-hotline"]
NYBORG_FOR_LEADERS = {"leader-coaching", "at-hotline"}
# "… kan medarbejderen henvende sig til sin TR/AMR, ledelsesniveauet over eller til HR"
NYBORG_LEADER_CONCERNED = {"tr-amr", "leader-above", "wellbeing-consultant"}

# Everything DTU's material (seeds 000-003) says about where to turn when one feels unsafe: the
# question guide's "har du talt med din TR eller AMR, hvis du var utryg" / "have you talked to
# your TR or AMR if you were uneasy". Nothing else there names a contact for such cases.
DTU_SOURCE = {
    "da": "Hvis ikke, har du talt med din TR eller AMR, hvis du var utryg.",
    "en": "If not, have you talked to your TR or AMR if you were uneasy.",
}


def card_text(card: object) -> str:
    return json.dumps(card, ensure_ascii=False)


def by_type(card: object, kind: str) -> list[dict]:
    return [v for _, v in walk(card) if isinstance(v, dict) and v.get("type") == kind]


# --- the data --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", BUNDLED)
def test_both_concepts_name_contacts_in_both_languages_with_https_links_only(name: str) -> None:
    safety = load_concept(name).safety
    assert safety is not None and safety.contacts
    assert safety.intro.da.strip() and safety.intro.en.strip() and safety.intro.da != safety.intro.en
    for contact in safety.contacts:
        for lang in LANGS:
            assert contact.who(lang).strip() and contact.how(lang).strip(), (contact.id, lang)
        assert contact.url is None or contact.url.startswith("https://")


def test_nyborg_is_bilag_4() -> None:
    safety = load_concept("nyborg").safety
    assert [c.id for c in safety.contacts] == NYBORG_IDS
    assert {c.id for c in safety.contacts if c.for_leaders} == NYBORG_FOR_LEADERS
    assert {c.id for c in safety.when_leader_concerned} == NYBORG_LEADER_CONCERNED
    assert not safety.local_choice and not any(c.local_choice for c in safety.contacts)
    assert not any(c.url for c in safety.contacts)  # the guide points to the intranet, gives no address
    words = card_text(safety.model_dump())
    for phrase in ("nultolerance", "Whistleblowerordningen", "Psykologordningen", "Ledercoachordningen",
                   "Arbejdstilsynets hotline", "trivselskonsulent", "TR eller AMR", "Ledelsesniveauet over"):
        assert phrase in words


def test_dtu_invents_no_names() -> None:
    """Whatever DTU's material does not hold is marked a local choice, in neutral words."""
    safety = load_concept("dtu").safety
    assert safety.local_choice  # DTU's material has no words on harassment; the intro is ours
    own = [c for c in safety.contacts if not c.local_choice]
    assert own, "DTU names TR and AMR itself"
    for contact in own:
        for lang in LANGS:
            names = re.findall(r"\b[A-ZÆØÅ]{2,}\b", contact.who(lang))
            assert names and all(n in DTU_SOURCE[lang] for n in names), (contact.id, lang)
            assert "utryg" in contact.how(lang) or "uneasy" in contact.how(lang)
    for contact in safety.contacts:
        assert contact.url is None and contact.id not in {"whistleblower", "psychologist", "leader-coaching", "at-hotline"}
    raw = card_text(safety.model_dump()).lower()
    assert "nyborg" not in raw and "kommune" not in raw and "arbejdstilsyn" not in raw


@pytest.mark.parametrize("url", ["http://intra.example/wb", "ftp://x.example/a", "javascript:alert(1)", "https://", "https://a b.example"])
def test_a_link_must_be_https(url: str) -> None:
    with pytest.raises(ValidationError):
        SafetyContact(id="x", who={"da": "A", "en": "A"}, how={"da": "B", "en": "B"}, url=url)


def test_both_languages_are_required() -> None:
    with pytest.raises(ValidationError):
        SafetyContact(id="x", who={"da": "A"}, how={"da": "B", "en": "B"})
    with pytest.raises(ValidationError):
        SafetyContact(id="x", who={"da": "A", "en": "  "}, how={"da": "B", "en": "B"})
    with pytest.raises(ValidationError):
        Safety(intro={"da": "", "en": "x"}, contacts=[SafetyContact(id="x", who={"da": "A", "en": "A"}, how={"da": "B", "en": "B"})])
    with pytest.raises(ValidationError):
        Safety(intro={"da": "x", "en": "x"}, contacts=[])


def test_a_broken_concept_file_is_refused() -> None:
    raw = load_concept("nyborg").model_dump(mode="json")
    raw["safety"]["contacts"][0]["url"] = "http://intranet.example/retningslinjer"
    with pytest.raises(ValidationError):
        Concept.model_validate(raw)
    raw["safety"]["contacts"][0]["url"] = "https://intranet.example/retningslinjer"
    assert Concept.model_validate(raw).safety.contacts[0].url.startswith("https://")


# --- the note --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", BUNDLED)
def test_the_note_is_one_line_and_the_contacts_one_press_away(name: str, lang: str) -> None:
    concept = load_concept(name)
    [note] = safety_note(lang, concept)
    assert note["items"][0]["text"] == t(lang, "safety.heading")
    [toggle] = by_type(note, "Action.ToggleVisibility")
    hidden = next(v for _, v in walk(note) if isinstance(v, dict) and v.get("id") == toggle["targetElements"][0])
    assert hidden["isVisible"] is False
    shown = card_text(hidden)
    for contact in concept.safety.contacts:
        assert contact.who(lang) in shown and contact.how(lang) in shown
    assert concept.safety.intro(lang) in shown
    if any(c.for_leaders for c in concept.safety.contacts):
        leaders_at = shown.index(t(lang, "safety.for_leaders"))
        assert all(shown.index(c.how(lang)) > leaders_at for c in concept.safety.contacts if c.for_leaders)
        assert all(shown.index(c.how(lang)) < leaders_at for c in concept.safety.contacts if not c.for_leaders)
    assert t(lang, "safety.leader_concerned") in shown
    assert_valid_card({"type": "AdaptiveCard", "$schema": "x", "version": "1.5", "body": [note]})


def test_the_heading_speaks_the_guides_words() -> None:
    assert TEXTS["safety.heading"][0].startswith("Krænkelser, vold eller mobning?")
    assert "med det samme" in TEXTS["safety.heading"][0]


def test_a_link_becomes_a_button_and_a_concept_without_contacts_has_no_note() -> None:
    concept = load_concept("nyborg")
    contacts = list(concept.safety.contacts)
    contacts[5] = contacts[5].model_copy(update={"url": "https://intranet.example/whistleblower"})
    linked = concept.model_copy(update={"safety": concept.safety.model_copy(update={"contacts": tuple(contacts)})})
    [button] = by_type(safety_note("da", linked), "Action.OpenUrl")
    assert button == {"type": "Action.OpenUrl", "title": "Whistleblowerordningen", "url": "https://intranet.example/whistleblower"}
    assert safety_note("da", concept.model_copy(update={"safety": None})) == []


def biggest_nomination_form(lang: str, name: str, **extra) -> dict:
    """The form at its largest: every answer at its limit, every field marked, all buttons."""
    concept = load_concept(name)
    long = ("Vi skal tale om trivsel på tværs af vagterne, så alle føler sig set og hørt. " * 20)
    values = {field: long[: concept.limits.reason_max_chars] for field in FORM_FIELDS}
    errors = [FieldError(field, "required") for field in FORM_FIELDS]
    return nomination_card(lang, concept, round_id="r1", deadline=date(2026, 10, 2), contact_name="Anna Ærø",
                           named_mode=True, workplace_name="Hjemmeplejen Nord – Ærø 😀", values=values, errors=errors,
                           **extra)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", BUNDLED)
def test_the_nomination_and_paper_forms_carry_the_note_within_the_budget(name: str, lang: str) -> None:
    concept = load_concept(name)
    for form in (biggest_nomination_form(lang, name, paper_forms=True),
                 biggest_nomination_form(lang, name, paper_for=Invitee("r1", "u-bo", "Bo Ærø"))):
        message = message_with_card(form, summary="x", lang=lang)
        assert_valid_card(message)
        assert wire_size(message) < 40_000
        assert card_text(safety_note(lang, concept)[0]) in card_text(form)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", BUNDLED)
def test_help_shows_the_concepts_contacts(name: str, lang: str) -> None:
    concept = load_concept(name)
    card = help_card(lang, concept, role="employee", commands=EMPLOYEE_COMMANDS, in_channel=False)
    assert_valid_card(message_with_card(card, summary="x", lang=lang))
    shown = card_text(card)
    for contact in concept.safety.contacts:
        assert contact.who(lang) in shown
    assert "help.safety.text" not in TEXTS  # the hard-coded list is gone: the concept is the one source


def test_safety_is_not_a_step_so_no_home_is_needed() -> None:
    assert "safety" not in {s.id for s in STEPS}


# --- end to end ------------------------------------------------------------------------------


async def test_help_and_the_nomination_card_carry_the_note_through_the_app(journey: Journey) -> None:
    url, nyborg = journey.mock.url, load_concept("nyborg")
    journey.mock.add_conversation("a:u-new", tenant_id=f.TENANT)
    await journey.post(f.personal_message(url, "hej", user="u-new", conversation="a:u-new"))  # the greeting first
    await journey.post(f.personal_message(url, "hjælp", user="u-new", conversation="a:u-new"))
    help_shown = card_text(journey.cards_in("a:u-new")[-1][1])
    assert t("da", "safety.heading") in help_shown and "Whistleblowerordningen" in help_shown

    await journey.post(f.bot_added_to_team(url))
    await journey.post(f.channel_mention(url, "start", user="u-leader", name="Lea Leder"))
    setup_id, _ = journey.cards_in(f"{f.TEAM};messageid=1")[-1]
    start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea Leder", "named_mode": "anonymous"}
    await journey.post(f.channel_submit(url, start, user="u-leader", name="Lea Leder", reply_to=setup_id))
    form = journey.cards_in("a:u-bo")[0][1]
    assert "nomination.submit" in card_text(form)
    assert t("da", "safety.heading") in card_text(form)
    assert all(c.who("da") in card_text(form) for c in nyborg.safety.contacts)
