"""Sorting the input into topics (step 10): the local method that proposes which entries belong
together, and the sorting cards in both languages. The journey is tests/test_sorting_journey.py."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.cards.development_plan import InitiativeNew, PlanShow
from bot.cards.elements import message_with_card
from bot.cards.sorting import move_card, sorting_card, topic_card
from bot.concepts import load_concept
from bot.dialogs.router import REGISTRY
from bot.process.concept import Kind
from bot.process.group_results import GroupResult
from bot.process.sorting import (
    Item, Priority, Proposal, Topic, cluster, items_of, open_proposals, ordered_topics, propose, short_title, stems,
)
from cards_validation import assert_valid_card, walk

W, L = Kind.WELLBEING, Kind.LEADERSHIP
AT = datetime(2026, 9, 17, 9, 0, tzinfo=timezone.utc)


def items(*texts: str, kind: Kind = W) -> list[Item]:
    return [Item(kind, n + 1, "action", 0, text) for n, text in enumerate(texts)]


def grouped(proposals) -> list[list[str]]:  # noqa: ANN001
    return [[i.text for i in p.items] for p in proposals]


DANISH = items(
    "Faste møder om arbejdsfordeling",
    "Kaffe og kage om fredagen",
    "Bedre fordeling af opgaverne i teamet",
    "En fast makker til nye kolleger de første uger",
    "Introduktionsplan for nye kolleger",
    "Nye skærme til kontoret",
)


def test_related_danish_actions_are_proposed_together_and_unrelated_ones_apart() -> None:
    proposals = propose(DANISH)
    assert grouped(proposals) == [
        ["Faste møder om arbejdsfordeling", "Bedre fordeling af opgaverne i teamet"],
        ["En fast makker til nye kolleger de første uger", "Introduktionsplan for nye kolleger"],
    ]
    # The title is the most central entry; of two, the shorter.
    assert [p.title for p in proposals] == ["Faste møder om arbejdsfordeling", "Introduktionsplan for nye kolleger"]
    assert "fordeling" in proposals[0].terms  # found inside "arbejdsfordeling": the compound's head


def test_english_actions_are_grouped_the_same_way() -> None:
    english = items("Regular meetings about how we share the work", "Fairer distribution of tasks in the team",
                    "A buddy for every new colleague", "An onboarding plan for new colleagues", "Team meetings every Monday",
                    "New chairs for the office")
    assert grouped(propose(english)) == [
        ["Regular meetings about how we share the work", "Team meetings every Monday"],
        ["A buddy for every new colleague", "An onboarding plan for new colleagues"],
    ]


def test_leadership_entries_share_the_leader_but_only_the_closest_are_proposed() -> None:
    entries = items("Lederen giver anerkendelse for godt arbejde", "Mere synlig ledelse på gangen",
                    "Anerkendelse fra lederen betyder meget", "Kaffe fredag", kind=L)
    [proposal] = propose(entries)
    # "led" (leder, ledelse) is in three entries; "anerkend" makes two of them close enough.
    assert grouped([proposal]) == [["Lederen giver anerkendelse for godt arbejde", "Anerkendelse fra lederen betyder meget"]]
    assert proposal.title == "Anerkendelse fra lederen betyder meget"
    assert len(propose(entries, threshold=0.1)[0].items) == 3  # a lower threshold takes "synlig ledelse" in too


def test_known_limits_synonyms_and_compounds_without_their_parts_stay_apart() -> None:
    # No stem in common: "samtale"/"dialog", and "morgenmøde" vs "møder" (the part "mød" is too short to look for).
    assert propose(items("Flere samtaler med lederen om trivsel", "Mere dialog med ledelsen om trivslen")) != []  # "led", "trivsel"
    assert propose(items("Faste samtaler", "Løbende dialog")) == []
    assert propose(items("Morgenmøde hver dag", "Færre møder")) == []


def test_the_same_input_always_gives_the_same_proposals_in_the_same_order() -> None:
    first = propose(DANISH)
    assert propose(list(DANISH)) == first
    assert [p.key for p in propose(DANISH)] == [p.key for p in first]
    assert propose(list(reversed(DANISH)))[0].key in {p.key for p in first}  # keys name entries, not places


def test_empty_single_and_identical_inputs() -> None:
    assert propose([]) == [] and cluster([]) == []
    assert propose(items("Kaffe fredag")) == []
    assert propose(items("", "!!! ...")) == []  # nothing to compare: no proposal, no error
    [twins] = propose(items("Tavlemøde hver mandag", "Tavlemøde hver mandag"))
    assert len(twins.items) == 2


def test_words_are_normalised_stop_words_dropped_and_stemmed() -> None:
    assert stems("Bedre FORDELING af opgaverne, i teamet!") == ["fordeling", "opgav", "team"]
    assert stems("Better distribution of the tasks") == ["distribut", "task"]
    assert stems("2 x møder á 15 min.") == ["mød"]  # "min" is a Danish small word too


def test_clustering_is_average_linkage_under_a_threshold() -> None:
    similarity = [[1.0, 0.9, 0.1], [0.9, 1.0, 0.5], [0.1, 0.5, 1.0]]
    assert cluster(similarity, 0.2) == [[0, 1, 2]]  # (0.1 + 0.5) / 2 = 0.3
    assert cluster(similarity, 0.35) == [[0, 1], [2]]
    assert cluster(similarity, 0.95) == [[0], [1], [2]]


def result(kind: Kind, group: int, points: tuple[str, ...], actions: tuple[str, ...]) -> GroupResult:
    return GroupResult("d1", kind, group, points, actions, "u-bo", AT)


def test_items_are_every_point_and_action_of_both_rounds_named_without_people() -> None:
    entries = items_of([result(L, 1, ("Tillid",), ("Synlig leder",)), result(W, 2, ("Tid", "Ro"), ("Makker",))])
    assert [i.key for i in entries] == ["w-2-p-0", "w-2-p-1", "w-2-a-0", "l-1-p-0", "l-1-a-0"]


def test_open_proposals_leave_out_sorted_entries_and_ignored_proposals() -> None:
    proposals = propose(DANISH)
    topic = Topic("d1", "t1", "Arbejdsfordeling", None, 1, proposals[0].items)
    assert open_proposals(DANISH, [topic], ()) == proposals[1:]
    assert open_proposals(DANISH, [], [proposals[1].key]) == proposals[:1]


def test_topics_are_ordered_by_priority_then_as_made_and_titles_are_short() -> None:
    topics = [Topic("d1", str(n), str(n), p, n, ()) for n, p in enumerate([None, Priority.LOW, Priority.HIGH, None, Priority.HIGH])]
    assert [t.id for t in ordered_topics(topics)] == ["2", "4", "1", "0", "3"]
    assert short_title("Første linje\nanden linje") == "Første linje"
    assert len(short_title("x" * 200)) == 80


def all_cards(lang: str) -> dict[str, dict]:
    entries = items_of([result(W, n, (f"Pointe {n} " + "lang tekst " * 25,), ("Faste møder om arbejdsfordeling", "Bedre fordeling af opgaverne"))
                        for n in range(1, 16)] + [result(L, n, ("Anerkendelse",), ("Synlig ledelse",)) for n in range(1, 16)])
    proposals = propose(entries)
    topic = Topic("d1", "t1", "Arbejdsfordeling <at>Bo</at> **fed**", Priority.HIGH, 1, tuple(entries[:3]))
    return {
        "empty": sorting_card(lang, dialogue_id="d1", items=[], proposals=[], topics=[]),
        "full": sorting_card(lang, dialogue_id="d1", items=entries, proposals=proposals, topics=[topic], notice="Gemt"),
        "all_sorted": sorting_card(lang, dialogue_id="d1", items=entries[:3], proposals=[], topics=[topic]),
        "move": move_card(lang, dialogue_id="d1", items=entries, topics=[topic], proposal=proposals[0]),
        "move_error": move_card(lang, dialogue_id="d1", items=entries, topics=[topic], proposal=None, error="sorting.error.too_long"),
        "topic": topic_card(lang, dialogue_id="d1", topic=topic),
        "topic_error": topic_card(lang, dialogue_id="d1", topic=topic, title="", error="sorting.error.title_required"),
    }


@pytest.mark.parametrize("lang", ["da", "en"])
def test_sorting_cards_are_valid_small_and_send_what_the_router_accepts(lang: str) -> None:
    concept = load_concept("nyborg")
    cards = all_cards(lang)
    for name, card in cards.items():
        assert_valid_card(message_with_card(card, summary=name, lang=lang)), name
        for _, value in walk(card):
            if isinstance(value, dict) and value.get("type") == "Action.Submit":
                verb = value["data"]["verb"]
                if verb in (PlanShow.VERB, InitiativeNew.VERB) and verb not in REGISTRY.verbs:
                    # helper PLAN registers these; until then the model itself must accept the data
                    {PlanShow.VERB: PlanShow, InitiativeNew.VERB: InitiativeNew}[verb].model_validate(value["data"])
                    continue
                payload, declared = REGISTRY.parse(value["data"], concept)
                assert declared.payload is type(payload), name
            if isinstance(value, dict) and value.get("type") == "TextBlock":
                assert "<at>" not in value["text"] and "**fed**" not in value["text"], name  # typed text stays in TextRuns
    full = str(cards["full"])
    criteria = "størst værdi" if lang == "da" else "the most value"
    assert criteria in full and criteria in str(cards["topic"])
    assert ("Lav indsats" if lang == "da" else "Make an initiative") in full
    assert "u-bo" not in full


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_largest_dialogue_fits_in_one_message(lang: str) -> None:
    """15 groups in each round, every entry 300 characters of Danish letters (each costs 6 bytes on the wire)."""
    long = "Æbler og øl på én gang " * 13
    entries = items_of([result(kind, n, (long[:300], long[:300]), (long[:300], long[:300])) for kind in (W, L) for n in range(1, 16)])
    assert len(entries) == 120
    many = [Proposal(f"p{i}", long[:80], tuple(entries[i * 2:i * 2 + 2]), ()) for i in range(60)]
    big = [Proposal(f"q{i}", long[:80], tuple(entries[i * 15:i * 15 + 15]), ()) for i in range(8)]
    everything = Topic("d1", "t1", long[:120], Priority.LOW, 1, tuple(entries))
    for card in (sorting_card(lang, dialogue_id="d1", items=entries, proposals=[], topics=[]),
                 sorting_card(lang, dialogue_id="d1", items=entries, proposals=many, topics=[]),
                 sorting_card(lang, dialogue_id="d1", items=entries, proposals=big, topics=[]),
                 sorting_card(lang, dialogue_id="d1", items=entries, proposals=[], topics=[everything]),
                 move_card(lang, dialogue_id="d1", items=entries, topics=[everything], proposal=big[0]),
                 topic_card(lang, dialogue_id="d1", topic=everything)):
        assert_valid_card(message_with_card(card, summary="x", lang=lang))
    shown_now = str(sorting_card(lang, dialogue_id="d1", items=entries, proposals=many, topics=[]))
    assert shown_now.count("sorting.accept") == 8 and ("52 forslag mere" if lang == "da" else "52 more proposals") in shown_now
