"""Every card in both languages: valid Adaptive Card 1.5, under 40 KB, verbs explicit, user text inert.

The size and schema checks live in tests/cards_validation.py so other tests can reuse them.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from bot.cards import (
    as_attachment,
    help_card,
    message_with_card,
    nomination_card,
    nomination_receipt_card,
    notice_card,
    personal_welcome_card,
    planning_group_card,
    reminder_card,
    round_closed_card,
    round_setup_card,
    round_started_card,
    status_card,
    tally_card,
    team_welcome_card,
    verbatim,
)
from bot.texts import t
from bot.concepts import load_concept
from bot.process.concept import Concept, Kind
from bot.process.nomination import (
    FORM_FIELDS,
    FieldError,
    NominationInput,
    ThemeChoice,
    parse_nomination,
)
from bot.process.tally import NominationRecord, tally
from cards_validation import assert_valid_card, replace_charts, walk, wire_size
from bot.dialogs.router import REGISTRY
from bot.process.dialogue import Role

EMPLOYEE_COMMANDS = REGISTRY.help_lines({Role.EMPLOYEE})
PLANNING_COMMANDS = REGISTRY.help_lines({Role.EMPLOYEE, Role.PLANNING_GROUP})

# What people might type that Teams would otherwise render or resolve.
EVIL = "**fed** [link](http://x) <at>Alex</at> ${expr}"
MARKERS = ("**fed**", "[link](http://x)", "<at>Alex</at>", "${expr}")
LANGS = ("da", "en")
DEADLINE = date(2026, 10, 2)
SUBMITTED = datetime(2026, 9, 20, 8, 0, tzinfo=timezone.utc)


def choice(kind: Kind, theme_id: str, text: str = EVIL, own_title: str | None = None) -> ThemeChoice:
    return ThemeChoice(kind, theme_id, own_title, why_me=f"Fordi {text}", core_task=f"Kerneopgaven:\n{text}")


def sample_nomination(own: bool = True) -> NominationInput:
    return NominationInput(
        choice(Kind.WELLBEING, "own" if own else "social-support-trust", own_title=f"Mødekultur {EVIL}" if own else None),
        choice(Kind.LEADERSHIP, "shared-direction-goals"),
    )


def sample_tally(concept: Concept, *, named: bool, people: int = 6, reason: str = EVIL) -> object:
    wellbeing_ids = ["social-support-trust", "balance-energy", "own"]
    records = []
    for i in range(people):
        wb = wellbeing_ids[i % 3]
        nomination = NominationInput(
            choice(Kind.WELLBEING, wb, reason, own_title=f"Eget {i % 2} {EVIL}" if wb == "own" else None),
            choice(Kind.LEADERSHIP, "shared-direction-goals" if i % 2 else "own", reason,
                   own_title=None if i % 2 else f"Ledelse {EVIL}"),
        )
        records.append(NominationRecord(f"user-{i}", f"Medarbejder {i} {EVIL}", nomination, SUBMITTED))
    return tally(concept, records, round_id="r1", invited=people + 4, named_mode=named)


def all_cards(lang: str, concept: Concept) -> dict[str, dict]:
    """One realistic instance of every card, user text everywhere it can appear."""
    errors = [
        FieldError("wellbeing_theme", "required"),
        FieldError("leadership_why_me", "too_long", 500),
        FieldError("leadership_own_title", "required"),
    ]
    values = {"wellbeing_why_me": f"Halvt skrevet {EVIL}", "leadership_theme": "own", "leadership_core_task": 42}
    return {
        "team_welcome": team_welcome_card(lang, concept, [f"Anna {EVIL}", "Bo Ærø"]),
        "team_welcome_empty": team_welcome_card(lang, concept, []),
        "personal_welcome": personal_welcome_card(lang, concept, f"Søren {EVIL}"),
        "setup": round_setup_card(lang, concept, default_deadline=DEADLINE, min_date=date(2026, 9, 18),
                                  max_date=date(2026, 12, 17), contact_default=f"Anna {EVIL}", error=None),
        "setup_error_code": round_setup_card(lang, concept, default_deadline=DEADLINE, min_date=date(2026, 9, 18),
                                             max_date=date(2026, 12, 17), contact_default="Anna", error="too_far"),
        "setup_error_contact": round_setup_card(lang, concept, default_deadline=DEADLINE, min_date=date(2026, 9, 18),
                                                max_date=date(2026, 12, 17), contact_default="", error="contact_required"),
        "round_started": round_started_card(lang, concept, deadline=DEADLINE, contact_name=f"Anna {EVIL}",
                                            named_mode=False, invited=23, unreachable=2),
        "round_started_named": round_started_card(lang, concept, deadline=DEADLINE, contact_name="Anna",
                                                  named_mode=True, invited=1, unreachable=0),
        "round_closed": round_closed_card(lang, concept, deadline=DEADLINE, responded=17, invited=23),
        "nomination": nomination_card(lang, concept, round_id="r1", deadline=DEADLINE, contact_name=f"Anna {EVIL}",
                                      named_mode=False),
        "nomination_previous": nomination_card(lang, concept, round_id="r1", deadline=DEADLINE, contact_name="Anna",
                                               named_mode=True, previous=sample_nomination()),
        "nomination_errors": nomination_card(lang, concept, round_id="r1", deadline=DEADLINE, contact_name="Anna",
                                             named_mode=False, previous=sample_nomination(), values=values, errors=errors),
        "receipt_open": nomination_receipt_card(lang, concept, round_id="r1", nomination=sample_nomination(),
                                                deadline=DEADLINE, can_edit=True, named_mode=False),
        "receipt_closed": nomination_receipt_card(lang, concept, round_id="r1", nomination=sample_nomination(own=False),
                                                  deadline=DEADLINE, can_edit=False, named_mode=True),
        "tally_anonymous": tally_card(lang, concept, sample_tally(concept, named=False), deadline=DEADLINE, is_open=True),
        "tally_named": tally_card(lang, concept, sample_tally(concept, named=True), deadline=DEADLINE, is_open=False),
        "tally_empty": tally_card(lang, concept, tally(concept, [], round_id="r1", invited=12, named_mode=False),
                                  deadline=DEADLINE, is_open=True),
        "help_employee_chat": help_card(lang, concept, role="employee", commands=EMPLOYEE_COMMANDS, in_channel=False),
        "help_group_channel": help_card(lang, concept, role="planning_group", commands=PLANNING_COMMANDS, in_channel=True,
                                        privacy_url="https://example.org/privatliv"),
        "group_manage": planning_group_card(lang, [f"Anna {EVIL}", "Bo"], can_manage=True),
        "group_view": planning_group_card(lang, [], can_manage=False),
        "status": status_card(lang, step_label=t(lang, "status.title"), answered=17, invited=23, reminders_sent=1,
                              unreachable=[(f"Carl {EVIL}", "blocked"), ("Dorte", "not_found"),
                                           ("Erik", "not_installed"), ("Frida", "failed"), ("Gorm", "mystery")]),
        "reminder_first": reminder_card(lang, concept, round_id="r1", deadline=DEADLINE, reminder_number=1),
        "reminder_later": reminder_card(lang, concept, round_id="r1", deadline=DEADLINE, reminder_number=3),
        "notice": notice_card(lang, "Runden er lukket", "Fristen er overskredet."),
    }


CASES = [(lang, name) for lang in LANGS for name in ("nyborg", "dtu")]


@pytest.fixture(scope="module", params=CASES, ids=[f"{c}-{lang}" for lang, c in CASES])
def cards(request: pytest.FixtureRequest) -> tuple[str, Concept, dict[str, dict]]:
    lang, name = request.param
    concept = load_concept(name)
    return lang, concept, all_cards(lang, concept)


def by_type(card: dict, type_: str) -> list[dict]:
    return [v for _, v in walk(card) if isinstance(v, dict) and v.get("type") == type_]


def card_text(card: dict) -> str:
    """All visible strings of a card, for 'does it say X' checks."""
    return "\n".join(v for _, v in walk(card) if isinstance(v, str))


# --- every card --------------------------------------------------------------------------


def test_every_card_is_valid_and_small_as_a_message(cards) -> None:
    lang, _, built = cards
    for name, card in built.items():
        try:
            assert_valid_card(message_with_card(card, summary=name))
            assert_valid_card(card)
        except AssertionError as failure:
            raise AssertionError(f"{name} ({lang}): {failure}") from None


def test_every_card_declares_exactly_version_1_5_and_schema(cards) -> None:
    for card in cards[2].values():
        assert card["version"] == "1.5"
        assert card["type"] == "AdaptiveCard"
        assert card["$schema"].startswith("http")


def test_every_submit_carries_a_verb_the_router_accepts_with_what_its_model_allows(cards) -> None:
    """What a card sends parses through the real registry: a card cannot send what the server refuses."""
    concept = cards[1]
    for name, card in cards[2].items():
        for action in by_type(card, "Action.Submit"):
            data = action["data"]
            payload, verb = REGISTRY.parse(data, concept)
            assert verb.payload is type(payload), name
            if data["verb"] in ("nomination.submit", "nomination.edit"):
                assert data["round_id"] == "r1", name
            if data["verb"] == "nomination.open":  # from help it means "the round that is open now"
                assert data.get("round_id", "r1") == "r1", name
            if data["verb"] == "language.set":
                assert data["lang"] in ("da", "en")
        assert not by_type(card, "Action.Execute"), "the bot routes Action.Submit messages only"


def test_user_text_appears_only_inside_text_runs_or_input_values(cards) -> None:
    shown_somewhere = 0
    for name, card in cards[2].items():
        parents = {path: value for path, value in walk(card)}
        for path, value in walk(card):
            if not isinstance(value, str) or not any(marker in value for marker in MARKERS):
                continue
            parent = parents[path[:-1]]
            in_run = parent.get("type") == "TextRun" and path[-1] == "text"
            in_input = str(parent.get("type", "")).startswith("Input.") and path[-1] == "value"
            assert in_run or in_input, f"{name}: user text at {'/'.join(map(str, path))} in {parent.get('type')}"
            shown_somewhere += in_run
    assert shown_somewhere > 20


def test_verbatim_wraps_text_in_a_text_run_unchanged() -> None:
    assert verbatim(EVIL) == {"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": EVIL}]}
    labelled = verbatim("Anna", prefix="Kontaktperson: ")
    assert [i["text"] for i in labelled["inlines"]] == ["Kontaktperson: ", "Anna"]


def test_verbatim_keeps_line_breaks_as_separate_blocks_and_bounds_them() -> None:
    block = verbatim("første linje\n\nanden **linje**", prefix="Svar: ")
    assert block["type"] == "Container"
    lines = [[run["text"] for run in b["inlines"]] for b in block["items"]]
    assert lines == [["Svar: ", "første linje"], ["anden **linje**"]]
    assert block["items"][1]["spacing"] == "Medium"  # the empty line became a paragraph gap
    many = verbatim("\n".join(f"linje {i}" for i in range(40)))
    assert len(many["items"]) == 12 and many["items"][-1]["inlines"][0]["text"].endswith("linje 39")


def test_message_with_card_has_a_plain_summary_and_one_adaptive_attachment() -> None:
    card = notice_card("da", "Titel", "Tekst")
    message = message_with_card(card, summary="Nyt fra TalSammen")
    assert message["type"] == "message" and message["summary"] == "Nyt fra TalSammen"
    assert message["attachments"] == [as_attachment(card)]
    assert as_attachment(card) == {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}


# --- set-up and welcome --------------------------------------------------------------------


def test_setup_card_has_the_inputs_round_start_expects() -> None:
    card = all_cards("da", load_concept("nyborg"))["setup"]
    inputs = {e["id"]: e for _, e in walk(card) if isinstance(e, dict) and str(e.get("type", "")).startswith("Input.")}
    assert inputs["deadline"]["type"] == "Input.Date" and inputs["deadline"]["value"] == "2026-10-02"
    assert (inputs["deadline"]["min"], inputs["deadline"]["max"]) == ("2026-09-18", "2026-12-17")
    assert inputs["contact_name"]["type"] == "Input.Text" and inputs["contact_name"]["isRequired"]
    mode = inputs["named_mode"]
    assert mode["value"] == "anonymous" and [c["value"] for c in mode["choices"]] == ["anonymous", "named"]
    assert [a["data"] for a in card["actions"]] == [{"verb": "round.start"}]


def test_setup_error_code_is_translated_and_only_known_codes_are_shown() -> None:
    built = all_cards("da", load_concept("nyborg"))
    assert "Fristen kan senest være torsdag den 17. december 2026." in card_text(built["setup_error_code"])
    assert by_type(built["setup_error_contact"], "Container")[0]["style"] == "attention"
    assert "Skriv navnet på kontaktpersonen." in card_text(built["setup_error_contact"])
    with pytest.raises(KeyError):  # the card shows the parser's codes, never text passed in
        round_setup_card("da", load_concept("nyborg"), default_deadline=DEADLINE, min_date=date(2026, 9, 18),
                         max_date=date(2026, 12, 17), contact_default="Anna", error="Uventet **fed**")


def test_team_welcome_names_the_planning_group_or_says_who_becomes_its_first_member() -> None:
    built = all_cards("da", load_concept("nyborg"))
    assert "Bo Ærø" in card_text(built["team_welcome"])
    assert "bliver gruppens første medlem" in card_text(built["team_welcome_empty"])
    assert [a["data"]["verb"] for a in built["team_welcome"]["actions"]] == ["round.setup", "help.show"]


# --- nomination ----------------------------------------------------------------------------


def inputs_of(card: dict) -> dict[str, dict]:
    return {e["id"]: e for e in (v for _, v in walk(card) if isinstance(v, dict)) if str(e.get("type", "")).startswith("Input.")}


@pytest.mark.parametrize("lang", LANGS)
def test_nomination_form_has_every_field_the_parser_reads(lang: str) -> None:
    concept = load_concept("nyborg")
    card = all_cards(lang, concept)["nomination"]
    inputs = inputs_of(card)
    assert set(inputs) == set(FORM_FIELDS)
    for kind in Kind:
        chooser = inputs[f"{kind.value}_theme"]
        assert chooser["style"] == "compact" and chooser["isRequired"]
        assert [c["value"] for c in chooser["choices"]] == list(concept.catalogue(kind).choice_ids)
        for question in ("why_me", "core_task"):
            field = inputs[f"{kind.value}_{question}"]
            assert field["isMultiline"] and field["isRequired"] and field["errorMessage"]
            assert field["maxLength"] == concept.limits.reason_max_chars
            assert ("højst 500 tegn" if lang == "da" else "at most 500 characters") in field["label"]
        own = inputs[f"{kind.value}_own_title"]
        assert own["maxLength"] == concept.limits.own_title_max_chars
        assert concept.catalogue(kind).own_proposal.title(lang) in own["label"]
    assert card["actions"][0]["data"] == {"verb": "nomination.submit", "round_id": "r1"}


def test_nomination_form_says_who_sees_the_answer_with_contact_and_deadline() -> None:
    concept = load_concept("nyborg")
    anonymous = card_text(all_cards("da", concept)["nomination"])
    named = card_text(nomination_card("da", concept, round_id="r1", deadline=DEADLINE, contact_name="Anna",
                                      named_mode=True))
    assert "men ikke dit navn" in anonymous and "med dit navn ved" in named
    assert "Svar senest fredag den 2. oktober 2026" in anonymous
    assert "Kontaktperson: " in anonymous and f"Anna {EVIL}" in anonymous


def test_theme_descriptions_are_hidden_until_asked_for() -> None:
    concept = load_concept("nyborg")
    card = all_cards("da", concept)["nomination"]
    toggles = by_type(card, "Action.ToggleVisibility")
    assert [a["title"] for a in toggles] == ["Læs om temaerne", "Læs om temaerne"]
    hidden = [c for c in by_type(card, "Container") if c.get("isVisible") is False]
    assert {c["id"] for c in hidden} == {"wellbeing_about", "leadership_about"}
    assert "Oplevelsen af at føle sig værdsat og respekteret." in card_text(hidden[0])


def test_previous_nomination_refills_the_form_and_parses_back_unchanged() -> None:
    concept = load_concept("nyborg")
    previous = sample_nomination()
    card = nomination_card("da", concept, round_id="r1", deadline=DEADLINE, contact_name="Anna", named_mode=False,
                           previous=previous)
    values = {field: element.get("value", "") for field, element in inputs_of(card).items()}
    assert parse_nomination(concept, values) == previous
    assert card["actions"][0]["title"] == "Gem ændringerne"


def test_errors_show_at_the_top_and_under_their_fields_and_raw_values_win() -> None:
    concept = load_concept("nyborg")
    card = all_cards("da", concept)["nomination_errors"]
    summary = card["body"][2]
    assert summary["type"] == "Container" and summary["style"] == "attention"
    assert "Dit svar er ikke sendt endnu" in card_text(summary)
    assert "Ledelsestema, vigtigt for mig: Højst 500 tegn – forkort dit svar." in card_text(summary)
    inputs = inputs_of(card)
    assert inputs["wellbeing_why_me"]["value"] == f"Halvt skrevet {EVIL}"  # raw value over previous
    assert inputs["leadership_theme"]["value"] == "own"
    assert inputs["leadership_core_task"]["value"] == f"Kerneopgaven:\n{EVIL}"  # forged 42 dropped, previous kept
    # Each field's message sits right after its input.
    items = [i for c in by_type(card, "Container") for i in c.get("items", [])]
    after = {items[i]["id"]: items[i + 1] for i in range(len(items) - 1) if items[i].get("id") in FORM_FIELDS}
    assert after["leadership_why_me"] == {"type": "TextBlock", "text": "Højst 500 tegn – forkort dit svar.",
                                          "wrap": True, "color": "Attention", "spacing": "Small"}
    assert after["wellbeing_theme"]["text"] == "Vælg ét trivselstema."
    assert after["leadership_own_title"]["text"] == "Skriv en kort overskrift på dit eget tema."


# --- receipt -------------------------------------------------------------------------------


def test_receipt_shows_choices_verbatim_and_edit_only_while_open() -> None:
    built = all_cards("da", load_concept("nyborg"))
    open_text = card_text(built["receipt_open"])
    assert "Valgfrit emne: " in open_text and f"Mødekultur {EVIL}" in open_text
    assert "Fælles retning og mål" in open_text and f"Fordi {EVIL}" in open_text
    assert built["receipt_open"]["actions"][0]["data"] == {"verb": "nomination.edit", "round_id": "r1"}
    assert built["receipt_open"]["actions"][0]["title"] == "Ret"
    assert "actions" not in built["receipt_closed"]
    assert "Runden er lukket" in card_text(built["receipt_closed"])


# --- tally ---------------------------------------------------------------------------------


def test_tally_ranks_counts_and_reports_the_response_rate() -> None:
    concept = load_concept("nyborg")
    card = tally_card("da", concept, sample_tally(concept, named=False), deadline=DEADLINE, is_open=True)
    text = card_text(card)
    assert "6 af 10 har svaret (60 %)" in text
    assert "Foreløbig optælling" in text
    charts = by_type(card, "Chart.HorizontalBar")
    assert len(charts) == 2
    wellbeing = charts[0]
    assert wellbeing["title"] == "Trivselstema"
    assert {"x": "Valgfrit emne (egne forslag)", "y": 2} in wellbeing["data"]
    assert wellbeing["fallback"]["type"] == "FactSet"
    assert "Ikke valgt af nogen: Indflydelse og involvering · Mening og retning" in text
    # Named in named mode only.
    assert "Medarbejder" not in text
    named = card_text(tally_card("da", concept, sample_tally(concept, named=True), deadline=DEADLINE, is_open=False))
    assert f"Medarbejder 0 {EVIL}" in named and "Endelig optælling" in named


def test_tally_chart_never_carries_typed_text() -> None:
    concept = load_concept("nyborg")
    card = tally_card("en", concept, sample_tally(concept, named=True), deadline=DEADLINE, is_open=True)
    for chart in by_type(card, "Chart.HorizontalBar"):
        assert not any(marker in card_text(chart) for marker in MARKERS)


def huge_tally(concept: Concept, *, people: int = 300, distinct_own: bool = False):
    reason = ("Vi skal tale om det 😀👍🏽 – især på tværs af afdelinger, så ÆØÅ og æøå også er med. " * 10)[:500]
    records = []
    for i in range(people):
        own_title = f"Forslag nr. {i} om 🚲 og 🧑‍🤝‍🧑 i hverdagen" if distinct_own else "Mødekultur"
        nomination = NominationInput(
            ThemeChoice(Kind.WELLBEING, "own" if (distinct_own or i % 4 == 0) else "balance-energy", own_title if (distinct_own or i % 4 == 0) else None, reason, reason),
            ThemeChoice(Kind.LEADERSHIP, "shared-direction-goals" if i % 3 else "citizen-at-centre", None, reason, reason),
        )
        records.append(NominationRecord(f"u{i}", f"Medarbejder Ærøsen {i} 😀", nomination, SUBMITTED))
    return tally(concept, records, round_id="r1", invited=people, named_mode=True)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("distinct_own", [False, True], ids=["shared-themes", "300-own-proposals"])
def test_tally_of_300_long_reasons_stays_under_40_kb_and_says_what_is_left_out(lang: str, distinct_own: bool) -> None:
    concept = load_concept("nyborg")
    big = huge_tally(concept, distinct_own=distinct_own)
    card = tally_card(lang, concept, big, deadline=DEADLINE, is_open=False)
    assert_valid_card(message_with_card(card, summary="Optælling"))
    assert wire_size(message_with_card(card, summary="Optælling")) < 40_000
    text = card_text(card)
    assert t(lang, "tally.truncated") in text
    assert ("flere begrundelser vises ikke her" if lang == "da" else "more reasons are not shown here") in text
    # For every shown theme, shown reasons + the number said to be left out = its count.
    for kind in Kind:
        for index, entry in enumerate(big.kinds[kind].themes):
            containers = [c for c in by_type(card, "Container") if c.get("id") == f"reasons-{kind.value}-{index}"]
            if not containers:
                continue
            shown = sum(1 for item in containers[0]["items"] if item["type"] == "Container")
            left_out = len(entry.reasons) - shown
            if left_out:
                assert t(lang, "tally.more_reasons", count=left_out) in card_text(containers[0])
            else:
                assert "vises ikke her" not in card_text(containers[0])
    if distinct_own:
        assert ("flere temaer vises ikke her" if lang == "da" else "more themes are not shown here") in text


def test_tally_spreads_reasons_breadth_first_over_themes() -> None:
    concept = load_concept("nyborg")
    card = tally_card("da", concept, huge_tally(concept), deadline=DEADLINE, is_open=True)
    shown = [sum(1 for item in c["items"] if item["type"] == "Container")
             for c in by_type(card, "Container") if str(c.get("id", "")).startswith("reasons-")]
    assert min(shown) >= 1 and max(shown) - min(shown) <= 1


def test_tally_fallback_is_what_the_schema_sees() -> None:
    concept = load_concept("nyborg")
    card = tally_card("da", concept, sample_tally(concept, named=False), deadline=DEADLINE, is_open=True)
    plain = replace_charts(card)
    assert not by_type(plain, "Chart.HorizontalBar") and len(by_type(plain, "FactSet")) == 2


# --- help, group, status, reminder -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_help_lists_commands_in_both_languages(lang: str) -> None:
    concept = load_concept("nyborg")
    group = card_text(help_card(lang, concept, role="planning_group", commands=PLANNING_COMMANDS, in_channel=True, privacy_url="https://x.example/p"))
    for command in ("@TalSammen start", "optælling / tally", "status", "mine temaer / my themes", "gruppe / group",
                    "hjælp / help", "sprog / language"):
        assert command in group
    employee = help_card(lang, concept, role="employee", commands=EMPLOYEE_COMMANDS, in_channel=False)
    assert "optælling / tally" not in card_text(employee) and "@TalSammen mine temaer" not in card_text(employee)
    assert not by_type(employee, "Action.OpenUrl")
    with_privacy = help_card(lang, concept, role="employee", commands=EMPLOYEE_COMMANDS, in_channel=False, privacy_url="https://x.example/p")
    assert by_type(with_privacy, "Action.OpenUrl")[0]["url"] == "https://x.example/p"


def test_planning_group_card_explains_how_to_add_and_remove() -> None:
    manage = card_text(planning_group_card("da", ["Anna"], can_manage=True))
    assert "@TalSammen gruppe tilføj @navn" in manage and "@TalSammen gruppe fjern @navn" in manage
    assert "group add @name" in card_text(planning_group_card("en", ["Anna"], can_manage=True))
    view = card_text(planning_group_card("da", [], can_manage=False))
    assert "tilføj" not in view and "første medlem" in view


def test_status_names_unreachable_people_with_reasons_in_words() -> None:
    card = all_cards("da", load_concept("nyborg"))["status"]
    text = card_text(card)
    for words in ("har blokeret TalSammen", "kunne ikke findes i Teams", "har ikke TalSammen installeret",
                  "beskeden kunne ikke sendes", "ukendt årsag"):
        assert words in text
    assert "17 af 23" in text
    many = status_card("da", step_label="Temaforslag", answered=0, invited=200, reminders_sent=0,
                       unreachable=[(f"Person {i}", "blocked") for i in range(120)])
    assert "+ 70 flere" in card_text(many)
    assert_valid_card(many)


def test_reminder_carries_the_way_to_the_form() -> None:
    card = reminder_card("da", load_concept("nyborg"), round_id="r1", deadline=DEADLINE, reminder_number=2)
    assert card["actions"][0]["data"] == {"verb": "nomination.open", "round_id": "r1"}
    assert "fredag den 2. oktober 2026" in card_text(card)



def test_every_typed_command_has_a_button_on_some_card() -> None:
    """No dead ends: what can be typed can be pressed, on a card the bot sends before it."""
    pressed = {
        action["data"]["verb"]
        for lang in ("da", "en") for card in all_cards(lang, load_concept("nyborg")).values()
        for action in by_type(card, "Action.Submit")
    }
    typed = {command.payload.VERB for command in REGISTRY.ordered_commands}
    assert typed <= pressed, typed - pressed
