"""The run-sheet and grouping cards in both languages: valid Adaptive Card 1.5 under the size limit,
buttons the router accepts, clock times from the day's start (wall clock, the DST nights too)
written as people write them, and the channel post's mentions."""
from __future__ import annotations

import copy
import json
from datetime import date, datetime, time, timezone

import pytest

from bot.cards.elements import message_with_card
from bot.cards.grouping import GroupingView, absentees_card, grouping_card, groups_post_card, mention_text
from bot.cards.run_sheet import run_sheet_card
from bot.concepts import load_concept
from bot.dialogs.router import REGISTRY
from bot.process.concept import Kind
from bot.process.grouping import ABSENTEES_PER_PAGE, PeopleChange, SavedGrouping, absentee_keys, form_groups, regroup
from bot.process.invitation import DialogueDay
from bot.process.run_sheet import run_sheet
from cards_validation import assert_valid_card, walk, wire_size

LANGS = ("da", "en")
FORMED = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
EVIL = "**fed** [link](http://x) <at>Alex</at> ${expr}"


def text_of(card: dict) -> str:
    return json.dumps(card, ensure_ascii=False)


def people(n: int, *, long: bool = False) -> list[str]:
    pad = "x" * 90 if long else ""
    return [f"29:{pad}user-{i:03d}" for i in range(n)]


def names_for(ids: list[str]) -> dict[str, str]:
    return {p: f"Margrethe Østergård-Skovgaard {i}" for i, p in enumerate(ids)}


def assert_buttons_route(card: dict) -> None:
    """Every button's data is what its verb's model accepts (the server checks it again)."""
    for _, value in walk(card):
        if isinstance(value, dict) and value.get("type") == "Action.Submit":
            payload, verb = REGISTRY.parse(value["data"], load_concept("nyborg")) if value["data"]["verb"] in REGISTRY.verbs \
                else (None, None)
            if verb is not None:
                assert payload.VERB == value["data"]["verb"]


def sheet_card(lang: str, day: DialogueDay, **kwargs) -> dict:
    return run_sheet_card(lang, dialogue_id="d-1", day=day, sheet=run_sheet(day.date, day.start), **kwargs)


@pytest.mark.parametrize("lang", LANGS)
def test_the_run_sheet_is_valid_small_and_says_what_bilag_5_says(lang: str) -> None:
    day = DialogueDay(date(2026, 9, 24), time(9, 30), EVIL)
    card = sheet_card(lang, day, group_sizes=(4, 3), groups_per_round={Kind.WELLBEING: 3, Kind.LEADERSHIP: 4})
    message = message_with_card(card, summary="x", lang=lang)
    assert_valid_card(message)
    assert wire_size(message) < 20_000  # far under the 40 KB limit: nothing in it grows with the workplace
    assert_buttons_route(message["attachments"][0]["content"])
    text = text_of(card)
    assert ("store ører og lille mund" if lang == "da" else "big ears, small mouth") in text
    assert ("Hvad har jeg særligt hæftet mig ved?" if lang == "da" else "What did I notice in particular?") in text
    assert ("torsdag den 24. september 2026" if lang == "da" else "Thursday 24 September 2026") in text
    assert "2026-09-24" not in text
    # The place is the planning group's text: a TextRun, never markdown or a mention.
    assert all(EVIL not in block.get("text", "") for _, block in walk(card) if isinstance(block, dict) and block.get("type") == "TextBlock")
    # Example timing per group size and the plenum share per group.
    if lang == "da":
        assert "Gruppe på 3: 10 min. pr. person, heraf højst 4 min." in text
        assert "Gruppe på 4: 7 min. 30 sek. pr. person" in text
        assert "Trivselstemaet: 3 grupper, ca. 8 min. 20 sek. til hver" in text
        assert "Ledelsestemaet: 4 grupper, ca. 6 min. 15 sek. til hver" in text
    else:
        assert "Group of 4: 7 min 30 s per person" in text
    verbs = [(a["data"]["verb"], a["data"].get("kind")) for a in card["actions"]]
    assert verbs == [("results.show", "wellbeing"), ("results.show", "leadership"), ("evaluation.start", None)]


@pytest.mark.parametrize(("day", "start", "expected_da", "expected_en"), [
    (date(2026, 9, 24), time(8, 0), ("08.00-08.15", "09.25-09.35", "10.45-11.00"), ("08:00-08:15", "10:45-11:00")),
    (date(2026, 9, 24), time(9, 30), ("09.30-09.45", "09.45-10.15", "10.55-11.05", "12.15-12.30"), ("09:30-09:45", "12:15-12:30")),
    (date(2026, 10, 6), time(12, 45), ("12.45-13.00", "15.30-15.45"), ("12:45-13:00", "15:30-15:45")),
    # The nights the clocks change: the programme is read off the wall clock, so its times do not jump.
    (date(2026, 10, 25), time(1, 30), ("01.30-01.45", "02.55-03.05", "04.15-04.30"), ("01:30-01:45", "04:15-04:30")),
    (date(2026, 3, 29), time(1, 30), ("01.30-01.45", "02.55-03.05", "04.15-04.30"), ("01:30-01:45", "04:15-04:30")),
])
def test_times_come_from_the_start_on_the_wall_clock(day: date, start: time, expected_da: tuple, expected_en: tuple) -> None:
    dialogue_day = DialogueDay(day, start, "Kantinen")
    for lang, expected in (("da", expected_da), ("en", expected_en)):
        card = sheet_card(lang, dialogue_day)
        assert_valid_card(message_with_card(card, summary="x", lang=lang))
        text = text_of(card)
        assert all(clock in text for clock in expected), (lang, [c for c in expected if c not in text])
    assert "Grupperne er ikke dannet endnu" in text_of(sheet_card("da", dialogue_day))  # no groups: no plenum share


def saved(n: int, *, long: bool = False, absent: int = 0) -> tuple[SavedGrouping, dict[str, str]]:
    ids = people(n, long=long)
    grouping = form_groups(ids, seed="d-1")
    gone = frozenset(ids[:absent])
    if gone:
        grouping = regroup(grouping, absent=gone)
    return SavedGrouping("d-1", grouping, gone, False if absent else None, 2 if absent else 1, "u", FORMED), names_for(ids)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("n", [3, 5, 13, 120])
def test_the_grouping_card_shows_both_rounds_the_repeats_and_the_rule(lang: str, n: int) -> None:
    record, names = saved(n, long=True, absent=2 if n > 5 else 0)
    change = PeopleChange(left=tuple(people(n, long=True)[2:3]), joined=()) if n > 5 else PeopleChange((), ())
    card = grouping_card(lang, GroupingView("d-1", record, names, change, DialogueDay(date(2026, 9, 24), time(9, 30)), None))
    message = message_with_card(card, summary="x", lang=lang)
    assert_valid_card(message)
    assert_buttons_route(message["attachments"][0]["content"])
    text = text_of(card)
    repeats = record.grouping.repeats
    if lang == "da":
        assert (f"{repeats} par sidder sammen igen" if repeats != 1 else "1 par sidder sammen igen") in text
        assert "Færre er ikke muligt" in text and "5 personer bliver én gruppe på 5" in text
        assert "tirsdag den 1. september 2026" in text  # when it was formed, as people write dates
    else:
        assert "pairs sit together again" in text or "pair sits together again" in text
        assert "5 people form one group of 5" in text
    assert [a["data"]["verb"] for a in card["actions"]] == ["groups.post", "groups.absent.show", "groups.form", "run_sheet.show"]
    assert all(a["data"].get("version", record.version) == record.version for a in card["actions"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_absentee_card_is_a_multi_select_of_the_people(lang: str) -> None:
    ids = people(60, long=True)
    names = names_for(ids)
    card = absentees_card(lang, dialogue_id="d-1", version=3, people=[(p, names[p]) for p in ids], absent={ids[4], ids[7]}, first_held=True)
    assert_valid_card(message_with_card(card, summary="x", lang=lang))
    choice = next(e for e in card["body"] if e.get("type") == "Input.ChoiceSet")
    keys = absentee_keys(ids)  # people by short keys: 60 Teams ids and the ticks carried between pages would not fit
    on_page = ids[:ABSENTEES_PER_PAGE]
    assert choice["isMultiSelect"] and choice["value"] == f"{keys[ids[4]]},{keys[ids[7]]}" and len(choice["choices"]) == len(on_page)
    assert next(e for e in card["body"] if e.get("type") == "Input.Toggle")["value"] == "true"
    data = {**card["actions"][0]["data"], "absent": ",".join(keys[p] for p in ids[:3]), "first_held": "false"}
    payload, _verb = REGISTRY.parse(data, load_concept("nyborg"))
    assert payload.version == 3 and payload.absent.split(",") == [keys[p] for p in ids[:3]]
    assert payload.shown.split(",") == [keys[p] for p in on_page] and set(payload.marked.split(",")) == {keys[ids[4]], keys[ids[7]]}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("n", [4, 13, 80])
def test_the_channel_post_mentions_everyone_in_their_group(lang: str, n: int) -> None:
    record, names = saved(n, long=True)
    names[people(n, long=True)[0]] = EVIL
    day = DialogueDay(date(2026, 9, 24), time(9, 30))
    pages = all_post_pages(lang, record, names, day)
    mentioned: set[str] = set()
    kinds: list[str] = []
    for card in pages:
        message = message_with_card(card, summary="x", lang=lang)
        assert wire_size(message) < 40_000
        entities = card["msteams"]["entities"]
        mentioned |= {e["mentioned"]["id"] for e in entities}
        blocks = [b["text"] for _, b in walk(card) if isinstance(b, dict) and b.get("type") == "TextBlock"]
        for entity in entities:
            assert entity["type"] == "mention" and any(entity["text"] in b for b in blocks)
            assert entity["text"].startswith("<at>") and entity["text"].endswith("</at>")
        # msteams (Teams' own mention data) is outside the Adaptive Card schema; the rest is checked as any card.
        plain = copy.deepcopy(message)
        plain["attachments"][0]["content"].pop("msteams")
        assert_valid_card(plain)
        kinds += [a["data"]["kind"] for _, a in walk(card) if isinstance(a, dict) and a.get("type") == "Action.Submit" and "kind" in a["data"]]
    # Everyone is mentioned on some page (a large day goes on pages, each with its own mentions).
    assert mentioned == set(people(n, long=True))
    assert (len(pages) > 1) == (n == 80)
    # A name cannot break out of its mention or add markdown: only the tags Teams resolves remain.
    assert mention_text(EVIL) == "<at>fed linkhttp://x atAlex/at expr</at>"
    assert kinds == ["wellbeing", "leadership"]


def all_post_pages(lang: str, record, names, day) -> list[dict]:
    pages, page = [groups_post_card(lang, dialogue_id="d-1", grouping=record.grouping, names=names, day=day)], 1
    while True:  # follow "Næste side" until the last page
        card = groups_post_card(lang, dialogue_id="d-1", grouping=record.grouping, names=names, day=day, page=page)
        if card == pages[-1]:
            break
        pages.append(card)
        page += 1
    return pages


def test_a_workplace_too_large_for_one_card_still_gets_every_name_and_mention() -> None:
    record, names = saved(200, long=True)
    pages = all_post_pages("da", record, names, None)
    assert len(pages) > 1
    shown = "".join(text_of(card) for card in pages)
    assert all(name in shown for name in names.values())
    assert {e["mentioned"]["id"] for card in pages for e in card["msteams"]["entities"]} == set(names)
    for card in pages:
        message = message_with_card(card, summary="x", lang="da")
        assert wire_size(message) < 40_000
