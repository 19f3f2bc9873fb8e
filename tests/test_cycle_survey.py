"""The end-of-cycle survey: DTU's question guide as concept data, the pure rules, and the cards.

The journey through the app is in tests/test_cycle_survey_journey.py; storage in
tests/storage/test_cycle_survey_storage.py.
"""
from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone

import pytest
from pydantic import ValidationError

from bot.cards.cycle_survey import (
    SurveySave, my_surveys_section, survey_card, survey_confirm_card, survey_sent_card, survey_summary_card, survey_thanks_card,
)
from bot.cards.elements import message_with_card
from bot.cards.evaluation import evaluation_summary_card
from bot.concepts import load_concept
from bot.dialogs.router import REGISTRY
from bot.process.concept import CycleSurvey
from bot.process.cycle_survey import (
    ANSWERS_MAX_BYTES, CYCLE_SURVEY_KIND, FIELDS, SurveyAnswers, SurveyInvalid, SurveyRefused, check_may_answer, field_of, open_period,
    parse_answers, plan_surveys, summarise, survey_obsolete_reason,
)
from bot.process.evaluation import summarise as summarise_evaluation
from bot.process.invitation import DialogueDay
from bot.process.my_data import StoredSurvey
from bot.process.nomination import FieldError
from bot.process.overview import DEFAULT_MIN_GROUP_SIZE
from cards_validation import assert_valid_card, walk

LANGS = ("da", "en")
DTU = load_concept("dtu")
SURVEY = DTU.cycle_survey
DAY = DialogueDay(date(2026, 9, 17), time(8, 0), "Mødelokale 2")  # 08:00-11:00 Copenhagen (CEST)
END = datetime(2026, 9, 17, 9, 0, tzinfo=timezone.utc)  # 11:00 in Copenhagen

# DTU's question guide, as seeds 001 (Danish) and 003 (English) have it.
SOURCE = {
    "da": """Baggrund · Hvordan har du oplevet formålet med at bruge dialogen som løftestang til at arbejde med trivsel og ledelse
· Har du brugt støtteværktøjerne, set filmen, været præsenteret for næste skridt, drøftet det i LSU, AMO etc.?
Samarbejdet med HR partner · Hvordan har du oplevet samarbejdet med HR i forhold til planlægning og facilitering?
· Har I gennemført trivselsdialoger på egen hånd - hvis ikke, vil I have mod på at gennemføre trivselsdialoger, hvor HR ikke faciliterer?
Fik I talt om det væsentlige i den mindre gruppe (uden leder)? · Har du følt dig tryg ved at deltage?
· Hvis ikke, har du talt med din TR eller AMR, hvis du var utryg. Hvis ja, hvorfor, hvis nej, hvorfor ikke?)
Fik I talt om det væsentlige i den større gruppe (med leder)?
· Hvordan oplevede du overgangen fra at have dialogen i den mindre gruppe, til at skulle ytre din holdning/feedback i plenum?
· Hvad kan være en hjælp i den del af processen?
Fik I talt om næste skridt?
· Hvad kan være med til at sikre, at I holder fast i dialogen om trivsel og ledelse (imellem de årlige trivsels- og ledelsesdialoger)?
· Hvad kan ændres i koncepterne for at sikre mere dialog om ...
Hvad kan der skrues på? · Hvilke indsigter har overrasket dig? · Hvad vil du gerne selv gøre mere af i næste dialog?""",
    "en": """Background · How have you experienced the purpose of using dialogue as a lever to work with well-being and management?
· Have you used the support tools, seen the film, been presented with the next step, discussed it in LSU, AMO etc.?
Collaboration with HR partner · How have you experienced the collaboration with HR in relation to planning and facilitation?
· Have you carried out well-being dialogues on your own - if not, will you have the courage to carry out well-being dialogues where HR does not facilitate?
Did you talk about the essentials in the smaller group (without a leader)? · Have you felt safe participating?
· If not, have you talked to your TR or AMR if you were uneasy. If so, why, if not, why not?)
Did you talk about the essentials in the larger group (with the leader)?
· How did you experience the transition from having the dialogue in the smaller group to having to express your opinion/feedback in plenary?
· What could be helpful in that part of the process?
Did you talk about the next step?
· What could help to ensure that you maintain the dialogue about well-being and management (between the annual well-being and leadership dialogues)?
· What can be changed in the concepts to ensure more dialogue about...
What can be adjusted on? · What insights have surprised you? · What would you like to do more of in the next dialogue?""",
}


def _core(words: str) -> str:
    """The words without the closing mark, which the bot may add (?) or write typographically (…)."""
    return words.rstrip(" ?…").rstrip(".").strip()


def card_text(card: object) -> str:
    return json.dumps(card, ensure_ascii=False)


# -- the concept -------------------------------------------------------------------------------
def test_dtu_asks_its_own_questions_under_its_own_headings_in_both_languages() -> None:
    assert [s.id for s in SURVEY.sections] == ["background", "hr-partner", "small-group", "plenum", "next-step", "adjust"]
    assert len(SURVEY.questions) == 12 and all(len(s.questions) == 2 for s in SURVEY.sections)
    for lang in LANGS:
        for section in SURVEY.sections:
            heading = section.heading(lang).removesuffix(" on?").rstrip("?")  # DTU's "What can be adjusted on?"
            assert _core(heading) in SOURCE[lang], (lang, section.id)
            for question in section.questions:
                assert _core(question.text(lang)).rstrip(" .") in SOURCE[lang].replace(" ...", ""), (lang, question.id)


def test_what_dtu_does_not_say_is_marked_a_local_choice() -> None:
    assert set(SURVEY.local_choice) == {"answer_type", "answer_max_chars", "opens", "open_days"}
    assert "questions" not in SURVEY.local_choice  # the questions are DTU's own
    assert SURVEY.answer_type == "free_text" and SURVEY.opens == "after_day"
    raw = card_text(SURVEY.model_dump()).lower()
    assert "nyborg" not in raw and "kommune" not in raw


def test_nyborg_has_no_survey_and_the_bot_invents_none() -> None:
    """Nyborg's guide has no question guide; its evaluation is Bilag 5's, asked in step 8."""
    assert load_concept("nyborg").cycle_survey is None


def _survey(**changes: object) -> dict:
    return {**SURVEY.model_dump(mode="json"), **changes}


@pytest.mark.parametrize("changes", [
    {"local_choice": ["colour"]},
    {"sections": [{"id": "a", "heading": {"da": "A", "en": "A"}, "questions": [
        {"id": "q", "text": {"da": "Hvad?", "en": "What?"}}, {"id": "q", "text": {"da": "Hvem?", "en": "Who?"}}]}]},
    {"sections": [{"id": "a", "heading": {"da": "A", "en": "A"}, "questions": [
        {"id": f"q{i}", "text": {"da": "Hvad?", "en": "What?"}} for i in range(17)]}]},
    {"sections": [{"id": "a", "heading": {"da": "A", "en": " "}, "questions": [{"id": "q", "text": {"da": "Hvad?", "en": "What?"}}]}]},
    {"sections": []},
    {"answer_type": "scale"},
    {"open_days": 0},
])
def test_a_broken_survey_is_refused_when_the_concept_loads(changes: dict) -> None:
    with pytest.raises(ValidationError):
        CycleSurvey.model_validate(_survey(**changes))


def test_the_card_has_an_input_for_as_many_questions_as_a_concept_may_hold() -> None:
    assert len(FIELDS) == 16 and set(FIELDS) <= SurveySave.fields()


# -- when ---------------------------------------------------------------------------------------
def test_it_opens_when_the_day_is_over_for_the_concepts_number_of_days() -> None:
    assert open_period(SURVEY, day=DAY, plan_adopted_at=None) == (END, END + timedelta(days=30))
    assert open_period(SURVEY, day=None, plan_adopted_at=None) is None
    after_plan = SURVEY.model_copy(update={"opens": "after_plan", "open_days": 10})
    adopted = datetime(2026, 10, 30, 12, 0, tzinfo=timezone.utc)
    assert open_period(after_plan, day=DAY, plan_adopted_at=None) is None  # the day alone does not open it
    assert open_period(after_plan, day=DAY, plan_adopted_at=adopted) == (adopted, adopted + timedelta(days=10))


def test_the_day_ends_on_the_copenhagen_wall_clock_across_the_autumn_change() -> None:
    day = DialogueDay(date(2026, 10, 25), time(8, 0))  # the night before, clocks went back: CET
    opens, _ = open_period(SURVEY, day=day, plan_adopted_at=None)
    assert opens == datetime(2026, 10, 25, 10, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("sender", "now", "code"), [
    ("u-bo", END - timedelta(seconds=1), "not_yet"),
    ("u-bo", END + timedelta(days=30), "closed"),
    ("u-stranger", END, "not_invited"),
])
def test_who_may_answer_and_when(sender: str, now: datetime, code: str) -> None:
    period = open_period(SURVEY, day=DAY, plan_adopted_at=None)
    with pytest.raises(SurveyRefused) as refused:
        check_may_answer(sender, survey=SURVEY, invited={"u-bo"}, period=period, now=now)
    assert refused.value.code == code
    check_may_answer("u-bo", survey=SURVEY, invited={"u-bo"}, period=period, now=END)
    check_may_answer("u-bo", survey=SURVEY, invited={"u-bo"}, period=period, now=END + timedelta(days=30, seconds=-1))


def test_without_a_survey_or_a_day_nobody_answers() -> None:
    with pytest.raises(SurveyRefused, match="no_survey"):
        check_may_answer("u-bo", survey=None, invited={"u-bo"}, period=None, now=END)
    with pytest.raises(SurveyRefused, match="not_yet"):
        check_may_answer("u-bo", survey=SURVEY, invited={"u-bo"}, period=None, now=END)


# -- what ---------------------------------------------------------------------------------------
def test_answers_are_free_text_per_question_each_optional_but_not_all() -> None:
    answers = parse_answers(SURVEY, {field_of(0): "  Det gav mening 💪\r\n", field_of(4): "Ja", field_of(5): ""})
    assert answers.given == (("purpose", "Det gav mening 💪"), ("felt-safe", "Ja"))
    with pytest.raises(SurveyInvalid) as invalid:
        parse_answers(SURVEY, {field_of(0): " \n ", field_of(1): None})
    assert invalid.value.errors == [FieldError("answer_1", "required")]


def test_an_answer_too_long_or_not_text_is_marked_on_its_question() -> None:
    with pytest.raises(SurveyInvalid) as invalid:
        parse_answers(SURVEY, {field_of(0): "x" * (SURVEY.answer_max_chars + 1), field_of(2): 7})
    assert [(e.field, e.code) for e in invalid.value.errors] == [("answer_1", "too_long"), ("answer_3", "not_text")]


def test_answers_too_long_together_for_one_card_are_refused() -> None:
    long = "æ" * SURVEY.answer_max_chars  # æ costs 6 bytes on the wire
    values = {field_of(i): long for i in range(len(SURVEY.questions))}
    with pytest.raises(SurveyInvalid) as invalid:
        parse_answers(SURVEY, values)
    assert [e.code for e in invalid.value.errors] == ["too_long_together"]
    fits = {field_of(i): "a" * 1000 for i in range(len(SURVEY.questions))}
    assert len(parse_answers(SURVEY, fits).given) == 12 and 12_000 < ANSWERS_MAX_BYTES


def test_inputs_beyond_the_concepts_questions_are_ignored() -> None:
    assert parse_answers(SURVEY, {field_of(0): "Ja", field_of(15): "Udenfor"}).given == (("purpose", "Ja"),)


# -- what is shown --------------------------------------------------------------------------------
def _answers(n: int) -> dict[str, SurveyAnswers]:
    return {f"u{i}": SurveyAnswers.of({"purpose": f"Svar {chr(ord('e') - i)}", "do-more": "Mere plenum" if i % 2 else ""})
            for i in range(n)}


def test_below_the_minimum_only_the_count() -> None:
    summary = summarise(SURVEY, _answers(DEFAULT_MIN_GROUP_SIZE - 1))
    assert (summary.respondents, summary.shown, summary.answers) == (4, False, ())


def test_from_the_minimum_the_answers_per_question_in_text_order_without_names() -> None:
    summary = summarise(SURVEY, _answers(DEFAULT_MIN_GROUP_SIZE))
    assert summary.shown and summary.respondents == 5
    by_question = dict(summary.answers)
    assert list(by_question) == [q.id for q in SURVEY.questions]  # every question, in the guide's order
    assert by_question["purpose"] == ("Svar a", "Svar b", "Svar c", "Svar d", "Svar e")
    assert by_question["do-more"] == ("Mere plenum", "Mere plenum") and by_question["felt-safe"] == ()
    assert "u1" not in card_text(summary.answers)


def test_the_same_minimum_as_the_evaluation() -> None:
    assert summarise(SURVEY, {}).min_count == summarise_evaluation({}).min_count == DEFAULT_MIN_GROUP_SIZE
    with pytest.raises(ValueError):
        summarise(SURVEY, {}, min_count=0)


# -- how it reaches people ---------------------------------------------------------------------
def test_one_row_per_invited_person_by_key() -> None:
    rows = plan_surveys("d1", team_id="t1", people={"u-b", "u-a"}, now=END)
    assert [r.key for r in rows] == ["cycle_survey:d1:u-a", "cycle_survey:d1:u-b"]
    assert {r.kind for r in rows} == {CYCLE_SURVEY_KIND} and all(r.due_at == END and r.round_id == "d1" for r in rows)


@pytest.mark.parametrize(("kwargs", "reason"), [
    ({"survey": None}, "no_survey"),
    ({"invited": False}, "not_invited"),
    ({"answered": True}, "answered"),
    ({"period": None}, "not_open"),
    ({"now": END + timedelta(days=30)}, "closed"),
    ({}, None),
])
def test_a_card_not_to_send_any_more(kwargs: dict, reason: str | None) -> None:
    base = dict(survey=SURVEY, invited=True, answered=False, period=open_period(SURVEY, day=DAY, plan_adopted_at=None), now=END)
    assert survey_obsolete_reason(**{**base, **kwargs}) == reason


# -- the cards -------------------------------------------------------------------------------------
def all_cards(lang: str) -> dict[str, dict]:
    full = SurveyAnswers.of({q.id: ("Vi talte åbent 😀 <at>x</at> **fed**\n" * 20)[:1000] for q in SURVEY.questions[:3]})
    many = {f"u{i}": SurveyAnswers.of({q.id: f"{i} " + "a" * 900 for q in SURVEY.questions}) for i in range(40)}
    rows, actions = my_surveys_section(lang, load_concept("nyborg"), [StoredSurvey("d1", "Institut for Kemi", full.given, END, "dtu")])
    closes = END + timedelta(days=30)
    return {
        "form": survey_card(lang, DTU, dialogue_id="d1", workplace_name="Institut for Kemi", closes=closes, min_count=5),
        "form_previous": survey_card(lang, DTU, dialogue_id="d1", workplace_name="", closes=closes, min_count=5, previous=full),
        "form_errors": survey_card(lang, DTU, dialogue_id="d1", workplace_name="", closes=closes, min_count=5,
                                   values={"answer_1": "x" * 1001},
                                   errors=[FieldError("answer_1", "too_long", 1000), FieldError("answers", "too_long_together")]),
        "thanks": survey_thanks_card(lang, DTU, dialogue_id="d1", answers=full, changed=True),
        "thanks_unchanged": survey_thanks_card(lang, DTU, dialogue_id="d1", answers=full, changed=False),
        "confirm": survey_confirm_card(lang, DTU, dialogue_id="d1", invited=23, closes=closes),
        "sent": survey_sent_card(lang, dialogue_id="d1", invited=23, new=0, closes=closes, min_count=5),
        "hidden": survey_summary_card(lang, DTU, dialogue_id="d1", summary=summarise(SURVEY, dict(list(many.items())[:3])), invited=23),
        "full": survey_summary_card(lang, DTU, dialogue_id="d1", summary=summarise(SURVEY, many), invited=40),
        "evaluation_summary": evaluation_summary_card(lang, dialogue_id="d1", summary=summarise_evaluation({}), attendees=5),
        "my_data": {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5",
                    "body": rows, "actions": actions},
    }


@pytest.mark.parametrize("lang", LANGS)
def test_the_cards_are_valid_small_and_send_what_the_router_accepts(lang: str) -> None:
    for name, card in all_cards(lang).items():
        assert_valid_card(message_with_card(card, summary=name, lang=lang))
        for _, value in walk(card):
            if isinstance(value, dict) and value.get("type") == "Action.Submit":
                payload, verb = REGISTRY.parse(value["data"], DTU)
                assert verb.payload is type(payload), name
            if isinstance(value, dict) and value.get("type") == "TextBlock":
                assert "<at>" not in value["text"] and "**fed**" not in value["text"], name
    full = card_text(all_cards(lang)["full"])
    assert "svar mere" in full or "more answers" in full  # forty long answers to twelve questions do not fit: it says so


def test_mine_data_labels_the_answers_with_the_questions_of_the_concept_they_were_given_in() -> None:
    stored = StoredSurvey("d1", "Institut for Kemi", (("felt-safe", "Ja " * 100),), END, "dtu")
    rows, _ = my_surveys_section("en", load_concept("nyborg"), [stored])
    assert "Have you felt safe participating?" in card_text(rows) and "Ja Ja" in card_text(rows) and " …" in card_text(rows)
    gone, _ = my_surveys_section("en", load_concept("nyborg"), [StoredSurvey("d1", "", (("felt-safe", "Ja"),), END, "odense")])
    assert "felt-safe" in card_text(gone)


@pytest.mark.parametrize("lang", LANGS)
def test_the_form_holds_every_question_under_its_heading_and_the_safety_note(lang: str) -> None:
    form = all_cards(lang)["form"]
    text = card_text(form)
    for section in SURVEY.sections:
        assert section.heading(lang) in text
    inputs = [v for _, v in walk(form) if isinstance(v, dict) and v.get("type") == "Input.Text"]
    assert [i["id"] for i in inputs] == list(FIELDS[:12]) and [i["label"] for i in inputs] == [q.text(lang) for q in SURVEY.questions]
    assert all(i["maxLength"] == SURVEY.answer_max_chars and i["isMultiline"] for i in inputs)
    assert "safety-help" in text  # the boundary-crossing note (Bilag 4) on a free-text card
    assert ("lørdag den 17. oktober 2026" in text) if lang == "da" else ("Saturday 17 October 2026" in text)


def test_the_biggest_filled_in_form_fits_in_one_message() -> None:
    """The largest answers ``parse_answers`` lets through, filled back into the form."""
    per_question = "æ" * (ANSWERS_MAX_BYTES // 6 // 12 - 10)
    values = {field_of(i): per_question for i in range(12)}
    answers = parse_answers(SURVEY, values)
    for lang in LANGS:
        form = survey_card(lang, DTU, dialogue_id="d1", workplace_name="Institut for Kemi", closes=END, min_count=5, previous=answers)
        assert_valid_card(message_with_card(form, summary="x", lang=lang))
        thanks = survey_thanks_card(lang, DTU, dialogue_id="d1", answers=answers, changed=True)
        assert_valid_card(message_with_card(thanks, summary="x", lang=lang))


def test_the_evaluation_summary_leads_on_to_the_survey_unless_told_not_to() -> None:
    with_survey = card_text(evaluation_summary_card("da", dialogue_id="d1", summary=summarise_evaluation({}), attendees=5))
    assert "survey.start" in with_survey and "Send spørgeskema" in with_survey and "survey.results" in with_survey
    without = card_text(evaluation_summary_card("da", dialogue_id="d1", summary=summarise_evaluation({}), attendees=5, survey=False))
    assert "survey." not in without


def test_the_survey_cards_refuse_a_concept_without_a_survey() -> None:
    with pytest.raises(ValueError, match="no end-of-cycle survey"):
        survey_card("da", load_concept("nyborg"), dialogue_id="d1", workplace_name="", closes=END, min_count=5)
