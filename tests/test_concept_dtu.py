"""DTU as it really is: bot/concepts/dtu.json holds DTU's own words or says it made a local choice,
and a cycle runs with each bundled concept.

DTU's material (seeds 000-003: the background and the framework of its two dialogue concepts, and
the 2025 question guide) is copied for CI in tests/fixtures/dtu_seed_excerpts.txt; when
../shared/seeds is present, the copy is checked against it.
"""
from __future__ import annotations

import json
import re
import string
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer
from pydantic import BaseModel, ValidationError

import factories as f
from bot.app import Overrides, create_app
from bot.cards.help import help_card
from bot.cards.welcome import personal_welcome_card, team_welcome_card
from bot.concepts import load_concept
from bot.process.concept import Concept, Kind, Localized
from bot.process.group_results import ResultsInput
from bot.process.clock import FixedClock
from bot.settings import Settings
from bot.teams.connector import ConnectorClient
from cards_validation import assert_valid_card
from mock_connector import MockBotConnector
from test_deadline_journey import answer
from test_invitation_journey import DAY, invitation_of, set_day, thread_submit
from test_journey import ROSTER, Journey, card_text, journey  # noqa: F401 - the fixture
from test_plan_journey import AFTER, initiative
from test_results_journey import press, say_privately, shown
from test_selection_journey import at_human_pace

FIXTURE = Path(__file__).parent / "fixtures" / "dtu_seed_excerpts.txt"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DTU = load_concept("dtu")
NYBORG = load_concept("nyborg")


def normalised(text: str) -> str:
    """Case, apostrophes, ellipses, spacing and closing punctuation do not make words someone else's."""
    text = unicodedata.normalize("NFC", text).casefold().replace("’", "'").replace("…", "...")
    text = re.sub(r"\[bookmark: [^\]]*\]", "", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(" .?)…").removesuffix("...").strip()


def excerpts() -> dict[str, list[tuple[str, str]]]:
    """The fixture's lines per language, each with the seed file it was copied from."""
    found: dict[str, list[tuple[str, str]]] = {"da": [], "en": []}
    lang = seed = ""
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            lang, seed = line[3:].split()
        elif line.strip() and not line.startswith("#"):
            found[lang].append((seed, line))
    return found


SOURCE = {lang: " \n ".join(normalised(line) for _, line in lines) for lang, lines in excerpts().items()}


def in_dtu_material(text: str, lang: str) -> bool:
    return normalised(text) in SOURCE[lang]


def dtu_texts(concept: Concept) -> list[tuple[str, Localized]]:
    """Every text of the concept that claims to be DTU's (what is marked a local choice is left out)."""
    out: list[tuple[str, Localized]] = []

    def visit(value: object, path: str, skip: frozenset[str] = frozenset()) -> None:
        if isinstance(value, Localized):
            out.append((path, value))
        elif isinstance(value, BaseModel):
            marked = getattr(value, "local_choice", ())
            if marked is True:
                skip = skip | {"intro"}  # Safety.local_choice: the intro is not the organisation's words
                if type(value).__name__ == "SafetyContact":
                    return
            elif isinstance(marked, tuple):
                skip = frozenset(marked)
            for name in type(value).model_fields:
                if name not in skip:
                    visit(getattr(value, name), f"{path}.{name}")
        elif isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{path}.{key}")
        elif isinstance(value, (tuple, list)):
            for index, item in enumerate(value):
                visit(item, f"{path}[{index}]")

    visit(concept, concept.id)
    return out


# -- the concept file -------------------------------------------------------------------------
@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is not here (CI): the fixture stands in for it")
def test_the_fixture_is_a_verbatim_copy_of_dtus_material() -> None:
    for lang, lines in excerpts().items():
        for seed, line in lines:
            original = re.sub(r"\s+", " ", (SEEDS / seed).read_text(encoding="utf-8"))
            assert re.sub(r"\s+", " ", line).strip() in original, (seed, line)


# Roles are nouns in definite form ("lederen", "the manager"); DTU's table has them without the article.
ROLES_CHECKED_BY_STEM = ("roles.leader", "roles.employees")
# The safety contact TR/AMR paraphrases DTU's question "har du talt med din TR eller AMR, hvis du var
# utryg"; tests/test_safety.py holds it to DTU's names and to "utryg".
PARAPHRASED = ("safety.contacts[0].how",)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_dtu_text_is_dtus_own_or_marked_a_local_choice(lang: str) -> None:
    checked = 0
    for path, value in dtu_texts(DTU):
        text = value(lang)
        if path.endswith(PARAPHRASED):
            continue
        if path.endswith(ROLES_CHECKED_BY_STEM):
            word = text.removeprefix("the ")
            assert any(in_dtu_material(w, lang) for w in (word, word[:-1], word[:-2])), (path, text)
        else:
            assert in_dtu_material(text, lang), f"{path} ({lang}) is not in DTU's material: {text!r}"
        checked += 1
    assert checked > 30  # the kinds, the names, the whole question guide


def test_where_dtu_is_silent_the_file_says_so_and_invents_no_themes() -> None:
    for kind in Kind:
        catalogue = DTU.catalogue(kind)
        assert catalogue.themes == () and "names no" in catalogue.silent
        assert {"label", "own_proposal"} <= set(catalogue.local_choice)
        assert catalogue.intro == DTU.dialogue_kinds[kind].purpose  # DTU's purpose of that dialogue
    assert not DTU.uses_nominations and DTU.steps.local_choice and "no nomination round" in DTU.steps.silent
    assert DTU.roles.local_choice == ("planning_group",) and "names no planning group" in DTU.roles.silent
    assert {"question_why_me", "question_core_task", "limits"} <= set(DTU.local_choice)
    raw = json.dumps(json.loads((Path(__file__).parents[1] / "bot" / "concepts" / "dtu.json").read_text(encoding="utf-8")),
                     ensure_ascii=False)
    for invented in ("Strategi og kerneopgave", "bestyrelsens beslutninger", "myndighedsbetjening", "i centrum",
                     "Social støtte og tillid"):
        assert invented not in raw


def test_dtu_never_speaks_of_nyborg_a_municipality_or_its_planning_group() -> None:
    raw = json.dumps(DTU.model_dump(mode="json"), ensure_ascii=False).casefold()
    assert "nyborg" not in raw and "kommune" not in raw and "borger" not in raw and "planlægningsgrupp" not in raw
    for _, value in dtu_texts(DTU):  # what the bot shows as DTU's: not Nyborg's "planning group" either
        assert "planning group" not in value("en").casefold()


def test_dtu_has_two_dialogues_with_the_same_method_and_different_purposes() -> None:
    wellbeing, leadership = DTU.dialogue_kinds[Kind.WELLBEING], DTU.dialogue_kinds[Kind.LEADERSHIP]
    assert wellbeing.name.da == "DTU Trivselsdialog" and leadership.name.en == "DTU Leadership Dialogue"
    assert wellbeing.purpose.da == "At træne dialogen om jeres trivsel" and leadership.purpose.en == "Giving input to your manager"
    assert "AMR, LSU og AMK" in wellbeing.actors.da and leadership.actors.da == "Leder og medarbejdere"
    assert "EMCC" in wellbeing.responsible.en and "invite their employees" in leadership.responsible.en
    assert "fælles viden i enheden" in wellbeing.next_steps.da and "egen leder" in leadership.next_steps.da
    assert (leadership.every_years, leadership.cadence.da) == (2, "hver andet år")
    assert wellbeing.every_years is None and wellbeing.cadence is None and "no interval" in wellbeing.silent
    assert DTU.cycle_survey is not None  # the 2025 question guide (tests/test_cycle_survey.py)


def test_nyborg_keeps_its_behaviour_by_default() -> None:
    assert NYBORG.dialogue_kinds is None and NYBORG.uses_nominations and NYBORG.local_choice == ()
    assert NYBORG.roles.planning_group.da == "planlægningsgruppen" and NYBORG.roles.capitalised("planning_group", "en") == "The planning group"
    assert all(NYBORG.catalogue(k).silent is None and NYBORG.catalogue(k).local_choice == () for k in Kind)


def test_an_unknown_local_choice_is_refused() -> None:
    raw = DTU.model_dump(mode="json")
    for where in (raw, raw["roles"], raw["catalogues"]["wellbeing"]):
        broken = json.loads(json.dumps(raw))
        target = broken if where is raw else broken["roles"] if where is raw["roles"] else broken["catalogues"]["wellbeing"]
        target["local_choice"] = ["organisation"]
        with pytest.raises(ValidationError, match="local choice"):
            Concept.model_validate(broken)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_help_and_welcome_use_the_concepts_word_for_the_planning_group(lang: str) -> None:
    for concept in (NYBORG, DTU):
        word = concept.roles.planning_group(lang)
        other = (DTU if concept is NYBORG else NYBORG).roles.planning_group(lang)
        cards = {
            "team": team_welcome_card(lang, concept, ["Lea Leder"]),
            "team_empty": team_welcome_card(lang, concept, []),
            "personal": personal_welcome_card(lang, concept, "Bo"),
            "help": help_card(lang, concept, role="planning_group", in_channel=True, commands=[("start", "start", "help.cmd.start")]),
        }
        for name, card in cards.items():
            assert_valid_card(card)
            shown_text = card_text(card["body"]).casefold()  # the buttons' labels are general words (not changed)
            if name != "team_empty":
                assert word.casefold() in shown_text, (concept.id, name)
            assert other.casefold() not in shown_text, (concept.id, name)


# -- a cycle with each concept ----------------------------------------------------------------
THREAD = f"{f.TEAM};messageid=1"
LEA = "a:u-leader"


async def choose_themes(journey: Journey, *, dialogue_id: str | None, wellbeing: str, leadership: str) -> None:
    """Lea types "vælg temaer" in the channel and submits the card she gets privately."""
    await journey.post(f.channel_mention(journey.mock.url, "vælg temaer", user="u-leader", name="Lea Leder"))
    form_id, form = journey.cards_in(LEA)[-1]
    assert "selection.submit" in card_text(form)
    value = {"verb": "selection.submit", "wellbeing_theme": wellbeing, "wellbeing_own_title": "", "wellbeing_reason": "Det fylder hos os",
             "leadership_theme": leadership, "leadership_own_title": "", "leadership_reason": "Det ønsker vi input om"}
    value.update({"dialogue_id": dialogue_id} if dialogue_id else {"team_id": f.TEAM})
    for kind, chosen in (("wellbeing", wellbeing), ("leadership", leadership)):
        if chosen == "own":
            value[f"{kind}_own_title"] = f"Vores eget {kind}-tema"
    await journey.post(f.personal_submit(journey.mock.url, value, user="u-leader", conversation=LEA, reply_to=form_id))


async def run_the_rest_of_the_cycle(journey: Journey, dialogue_id: str, *, kinds: tuple[Kind, ...] = tuple(Kind)) -> None:
    """Set the day, announce, answer, form the groups, enter results, build and adopt the plan."""
    url, store = journey.mock.url, journey.services.store
    form_id = await set_day(journey, DAY)
    assert "day.set" not in card_text(journey.mock.activities_in(THREAD)[form_id]["attachments"][0]["content"])
    await journey.post(f.channel_mention(url, "annoncér", user="u-leader", name="Lea Leder"))
    confirm_id, _ = journey.cards_in(THREAD)[-1]
    await journey.post(thread_submit(url, {"verb": "themes.announce", "dialogue_id": dialogue_id}, user="u-leader", name="Lea Leder",
                                     reply_to=confirm_id))
    assert (await store.selections.get(dialogue_id)).announced_at is not None
    for user in ("u-bo", "u-cecilie", "u-dorte", "u-erik"):
        card_id, _ = invitation_of(journey, user)
        await journey.post(f.personal_submit(url, {"verb": "day.answer", "dialogue_id": dialogue_id, "answer": "coming"}, user=user,
                                             conversation=f"a:{user}", reply_to=card_id))
    assert len(await store.invitations.answers(dialogue_id)) == 4

    await journey.post(f.channel_mention(url, "grupper", user="u-leader", name="Lea Leder"))
    grouping = await store.groupings.get(dialogue_id)
    assert grouping is not None and grouping.kinds == kinds  # one round on a one-kind day, both on Nyborg's
    assert all(grouping.groups(kind) for kind in kinds) and not any(grouping.groups(kind) for kind in set(Kind) - set(kinds))

    await store.group_results.enter(dialogue_id, kinds[0], 1, ResultsInput(("Tillid",), ("Fast tjek-ind hver morgen",)),
                                    sender=grouping.groups(kinds[0])[0][0], now=journey.clock.now())
    journey.clock.set(AFTER)
    await say_privately(journey, "u-leader", "plan")
    lea_card, _ = journey.cards_in(LEA)[-1]
    await press(journey, "u-leader", initiative(dialogue_id, None, "Ny mødestruktur"), lea_card)
    await press(journey, "u-leader", initiative(dialogue_id, 1, "Kendskab til hinandens faglighed", owner="u-cecilie"), lea_card)
    await press(journey, "u-leader", {"verb": "plan.adopt", "dialogue_id": dialogue_id, "version": 2}, lea_card)
    plan = await store.plans.get(dialogue_id)
    assert plan.adopted and plan.adopted_by == "u-leader", shown(journey, "u-leader", lea_card)


@pytest_asyncio.fixture
async def dtu_journey(tmp_path):
    """test_journey's fixture, with the app set up with DTU's concept."""
    clock = FixedClock(datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc))
    async with MockBotConnector() as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
        mock.add_conversation(THREAD, tenant_id=f.TENANT)
        settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", concept="dtu",
                            _env_file=None)
        app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            yield Journey(client, mock, clock)


async def test_a_cycle_runs_with_dtus_concept_without_nominations(dtu_journey: Journey) -> None:
    journey = dtu_journey
    services, url = journey.services, journey.mock.url
    assert services.concept.id == "dtu"
    at_human_pace(journey)
    await journey.post(f.bot_added_to_team(url))
    await services.store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=journey.clock.now())

    # "start" would open a nomination round, which DTU's file leaves out: the answer points to "vælg temaer".
    await journey.post(f.channel_mention(url, "start", user="u-leader", name="Lea Leder"))
    said = journey.texts_in(THREAD)[-1]
    assert "tovholdergruppen" in said and "vælg temaer" in said and "DTU Trivselsdialog og DTU Ledelsesdialog" in said
    assert await services.store.dialogues.latest_round(f.TEAM) is None

    await choose_themes(journey, dialogue_id=None, wellbeing="own", leadership="own")
    dialogue = await services.store.dialogues.current_dialogue(f.TEAM, journey.clock.now())
    chosen = await services.store.selections.get(dialogue.id)
    assert chosen.themes.wellbeing.own_title == "Vores eget wellbeing-tema" and chosen.themes.leadership.nominations == 0
    await run_the_rest_of_the_cycle(journey, dialogue.id)


async def test_a_cycle_runs_with_nyborgs_concept_and_its_nominations(journey: Journey) -> None:
    services, url = journey.services, journey.mock.url
    at_human_pace(journey)
    await journey.post(f.bot_added_to_team(url))
    start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea Leder", "named_mode": "anonymous"}
    await journey.post(f.channel_submit(url, start, user="u-leader", name="Lea Leder"))
    round_ = await services.store.dialogues.latest_round(f.TEAM)
    for user in ("u-bo", "u-cecilie"):
        await answer(journey, round_, user)
    journey.clock.set(datetime(2026, 9, 16, 7, 5, tzinfo=timezone.utc))  # the day after the deadline
    dialogue = await services.store.dialogues.current_dialogue(f.TEAM, journey.clock.now())
    await choose_themes(journey, dialogue_id=dialogue.id, wellbeing="social-support-trust", leadership="shared-direction-goals")
    chosen = await services.store.selections.get(dialogue.id)
    assert chosen.themes.wellbeing.nominations == 2
    await run_the_rest_of_the_cycle(journey, dialogue.id)


# -- help lists only the concept's steps; texts say the concept's word for the planning group --
def test_help_lists_only_what_the_concepts_steps_allow() -> None:
    from bot.dialogs.router import REGISTRY
    from bot.process.dialogue import Role

    roles = {Role.EMPLOYEE, Role.PLANNING_GROUP}
    nyborg = {key for *_, key in REGISTRY.help_lines(roles, concept=NYBORG)}
    dtu = {key for *_, key in REGISTRY.help_lines(roles, concept=DTU)}
    nomination_round = {"help.cmd.start", "help.cmd.my_themes", "help.cmd.tally", "help.cmd.status", "help.cmd.paper_form"}
    assert nomination_round <= nyborg and not nomination_round & dtu
    assert "help.cmd.choose_themes" in dtu and "help.cmd.survey" in dtu and "help.cmd.survey" not in nyborg
    for lang in ("da", "en"):
        card = help_card(lang, DTU, role="planning_group", in_channel=True, can_start=True,
                         commands=REGISTRY.help_lines(roles, concept=DTU))
        verbs = {a["data"]["verb"] for a in card["actions"] if "data" in a}
        assert verbs.isdisjoint({"round.setup", "tally.show", "status.show", "nomination.open"}) and "selection.show" in verbs
        employee = help_card(lang, DTU, role="employee", in_channel=False, commands=REGISTRY.help_lines({Role.EMPLOYEE}, concept=DTU))
        assert "nomination.open" not in {a["data"]["verb"] for a in employee["actions"] if "data" in a}
        assert "mine temaer" not in card_text(employee["body"]) and "optælling" not in card_text(card["body"])


@pytest.mark.parametrize("lang", ["da", "en"])
def test_texts_naming_the_planning_group_take_the_concepts_word(lang: str) -> None:
    from bot.texts import TEXTS, t, use_roles

    keys = [k for k, pair in TEXTS.items() if "lanning_group}" in pair[0]]
    assert {"selection.title", "invitation.closing", "help.cmd.group"} <= set(keys)
    token = use_roles(DTU.roles)
    try:
        for key in keys:
            names = {n for _, n, _, _ in string.Formatter().parse(TEXTS[key][0]) if n and "lanning_group" not in n}
            said = t(lang, key, **{n: "x" for n in names})
            assert "planlægningsgruppen" not in said.casefold() and "the planning group" not in said.casefold(), key
            assert DTU.roles.planning_group(lang).casefold() in said.casefold(), key
    finally:
        from bot.texts import _ROLES
        _ROLES.reset(token)
    assert "planlægningsgruppen" in t("da", "invitation.closing").casefold()  # Nyborg's word by default


@pytest.mark.parametrize("lang", ["da", "en"])
def test_texts_naming_the_leader_take_the_concepts_word(lang: str) -> None:
    """DTU's English says "the manager" where Nyborg's says "the leader"; both say "lederen" in Danish."""
    from bot.texts import TEXTS, _ROLES, t, use_roles

    keys = [k for k, pair in TEXTS.items() if "eader}" in pair[0]]
    assert {"leader.title", "run_sheet.leader.text", "help.cmd.leader", "group.intro"} <= set(keys)

    def said(key: str) -> str:
        names = {n for _, n, _, _ in string.Formatter().parse(TEXTS[key][0]) if n and n not in ("leader", "Leader")}
        return t(lang, key, **{n: "x" for n in names}).casefold()

    nyborg = {key: said(key) for key in keys}
    token = use_roles(DTU.roles)
    try:
        for key in keys:
            assert DTU.roles.leader(lang).casefold() in said(key), key
            if lang == "en":
                assert "the leader" not in said(key), key  # "leader @name" is a command word, not the role's
            else:
                assert said(key) == nyborg[key], key  # DTU's Danish word is Nyborg's
    finally:
        _ROLES.reset(token)
    assert all(NYBORG.roles.leader(lang).casefold() in text for text in nyborg.values())
    assert lang == "da" or all("manager" not in text for text in nyborg.values())


# -- a DTU unit runs one of its two dialogues -------------------------------------------------
async def choose_one_dialogue(journey: Journey, kind: Kind, *, typed: bool) -> None:
    """Lea chooses which dialogue by the selection card's button or by typing it, then its one theme."""
    word = {Kind.WELLBEING: "trivsel", Kind.LEADERSHIP: "ledelse"}[kind]
    if typed:
        await journey.post(f.channel_mention(journey.mock.url, f"vælg dialog {word}", user="u-leader", name="Lea Leder"))
    else:
        await journey.post(f.channel_mention(journey.mock.url, "vælg temaer", user="u-leader", name="Lea Leder"))
        form_id, form = journey.cards_in(LEA)[-1]
        said = card_text(form)
        for about in DTU.dialogue_kinds.values():  # each dialogue's purpose where the choice is made
            assert about.name.da in said and about.purpose.da in said
        assert "hver andet år" in said and "wellbeing_theme" in said and "leadership_theme" in said  # both until chosen
        await journey.post(f.personal_submit(journey.mock.url, {"verb": "selection.kind", "team_id": f.TEAM, "kind": kind.value},
                                             user="u-leader", conversation=LEA, reply_to=form_id))
    form_id, form = journey.cards_in(LEA)[-1]
    said, other = card_text(form), ({*Kind} - {kind}).pop()
    assert f"{kind.value}_theme" in said and f"{other.value}_theme" not in said
    value = {"verb": "selection.submit", "team_id": f.TEAM, "kinds": kind.value, f"{kind.value}_theme": "own",
             f"{kind.value}_own_title": "Vores eget tema", f"{kind.value}_reason": "Det fylder hos os"}
    await journey.post(f.personal_submit(journey.mock.url, value, user="u-leader", conversation=LEA, reply_to=form_id))


@pytest.mark.parametrize(("kind", "typed"), [(Kind.WELLBEING, False), (Kind.LEADERSHIP, True)])
async def test_a_cycle_runs_with_one_of_dtus_dialogues(dtu_journey: Journey, kind: Kind, typed: bool) -> None:
    journey = dtu_journey
    services, url = journey.services, journey.mock.url
    at_human_pace(journey)
    await journey.post(f.bot_added_to_team(url))
    await services.store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=journey.clock.now())
    await choose_one_dialogue(journey, kind, typed=typed)
    dialogue = await services.store.dialogues.current_dialogue(f.TEAM, journey.clock.now())
    assert dialogue.kinds == (kind,) and await services.store.dialogues.kinds(dialogue.id) == (kind,)
    chosen = await services.store.selections.get(dialogue.id)
    assert chosen.themes.kinds == (kind,) and chosen.themes.choice(kind).own_title == "Vores eget tema"
    await run_the_rest_of_the_cycle(journey, dialogue.id, kinds=(kind,))
    invitation = card_text(invitation_of(journey, "u-bo")[1])
    assert "Vores eget tema" in invitation


def test_a_one_kind_day_has_one_round_on_its_run_sheet() -> None:
    from datetime import date, time

    from bot.process.run_sheet import outline, run_sheet

    both = run_sheet(date(2026, 10, 1), time(8, 0))
    for kind in Kind:
        sheet = run_sheet(date(2026, 10, 1), time(8, 0), kinds=(kind,))
        assert [s.id for s in sheet] == ["prepare", "welcome", f"{kind}_examples", f"{kind}_sort", f"{kind}_plenum", "close"]
        assert sheet[2].starts == both[2].starts and (sheet[-1].ends - sheet[0].starts).total_seconds() == 100 * 60
        assert [part for part, *_ in outline(date(2026, 10, 1), time(8, 0), kinds=(kind,))] == ["welcome", kind.value, "summary"]
    assert [s.id for s in both][5] == "break"  # Nyborg's day is unchanged


def test_nyborgs_selection_card_offers_no_choice_of_dialogue() -> None:
    from bot.cards.selection import selection_card

    for lang in ("da", "en"):
        nyborg = selection_card(lang, NYBORG, dialogue_id="d1", tally=None)
        dtu = selection_card(lang, DTU, dialogue_id="d1", tally=None, kinds=(Kind.LEADERSHIP,))
        for card in (nyborg, dtu):
            assert_valid_card(card)
        assert "selection.kind" not in card_text(nyborg) and "selection.kind" in card_text(dtu)
        assert "wellbeing_theme" not in card_text(dtu) and DTU.dialogue_kinds[Kind.LEADERSHIP].purpose(lang) in card_text(dtu)


def day_cards(lang: str, concept: Concept, kinds: tuple[Kind, ...]) -> dict[str, str]:
    """The cards of a day running ``kinds`` whose wording speaks of the day's dialogues, as text."""
    from dataclasses import replace
    from datetime import date, time

    from bot.cards.everyday_example import example_reminder_card
    from bot.cards.grouping import GroupingView, absentees_card, grouping_card, groups_post_card, one_kind
    from bot.cards.invitation import announce_confirm_card, invitation_card
    from bot.cards.run_sheet import run_sheet_card
    from bot.process.grouping import PeopleChange, SavedGrouping, form_groups
    from bot.process.invitation import DialogueDay
    from bot.process.run_sheet import run_sheet_for
    from bot.process.selection import ChosenTheme, Selection, SelectionInput
    from bot.texts import t

    chosen = {kind: ChosenTheme(kind, "own", f"Tema {kind}", "Det fylder") for kind in kinds}
    themes = SelectionInput(chosen.get(Kind.WELLBEING), chosen.get(Kind.LEADERSHIP))
    selection = Selection("d1", themes, "29:anna", AT)
    day = DialogueDay(date(2026, 10, 1), time(8, 0), place="Lokale 2")
    people = [f"29:p{n}" for n in range(9)]
    saved = SavedGrouping("d1", form_groups(people, seed="d1", kinds=kinds), frozenset(), None, 1, "29:anna", AT)
    sheet = run_sheet_for(day, kinds=kinds)
    cards = {
        "invitation": invitation_card(lang, concept, dialogue_id="d1", selection=selection, day=day),
        "announce": announce_confirm_card(lang, concept, dialogue_id="d1", selection=selection, day=day, invited=9),
        "reminder": example_reminder_card(lang, concept, dialogue_id="d1", themes=themes, day=day),
        "groups": grouping_card(lang, GroupingView("d1", saved, {}, PeopleChange((), ()))),
        "post": groups_post_card(lang, dialogue_id="d1", grouping=saved.grouping, names={}, day=day),
        "held": grouping_card(lang, GroupingView("d1", replace(saved, first_held=True), {}, PeopleChange((), ()))),
        "absentees": absentees_card(lang, dialogue_id="d1", version=1, people=[(p, p) for p in people], absent=set(),
                                    first_held=False, one_round=bool(one_kind(saved.grouping))),
        "run_sheet": run_sheet_card(lang, dialogue_id="d1", day=day, sheet=sheet, groups_per_round={k: 3 for k in kinds}),
    }
    for card in cards.values():
        assert_valid_card(card)
    texts = {name: json.dumps(card, ensure_ascii=False).lower() for name, card in cards.items()}
    texts["summary"] = t(lang, "groups.summary" + one_kind(saved.grouping)).lower()
    return texts


TWO_DIALOGUES = ("to temaer", "two themes", "to runder", "two rounds", "trivsel og ledelse", "well-being and leadership",
                 "2. runde", "round 2")
AT = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("kind", list(Kind))
def test_a_one_kind_day_speaks_of_one_dialogue_and_nyborgs_of_two(lang: str, kind: Kind) -> None:
    one = day_cards(lang, DTU, (kind,))
    for name, words in one.items():
        assert not [w for w in TWO_DIALOGUES if w in words], name
    other = {Kind.WELLBEING: ("ledelse", "leadership"), Kind.LEADERSHIP: ("trivsel", "well-being")}[kind][lang == "en"]
    assert f"om {other}" not in one["invitation"] and f"on {other}" not in one["invitation"]
    named = {"da": {Kind.WELLBEING: "om trivsel", Kind.LEADERSHIP: "om ledelse"},
             "en": {Kind.WELLBEING: "on well-being", Kind.LEADERSHIP: "on leadership"}}[lang][kind]
    assert named in one["invitation"] and named.split()[-1] in one["run_sheet"]
    assert not [w for w in ("1. runde", "round 1") if w in one["absentees"] + one["held"]]
    # Nyborg's day, and DTU's "both", read as before.
    for concept in (NYBORG, DTU):
        both = day_cards(lang, concept, tuple(Kind))
        said = {"da": ("trivsel og ledelse", "de to temaer", "2. runde", "to runder"),
                "en": ("well-being and leadership", "the two themes", "round 2", "two rounds")}[lang]
        assert said[0] in both["invitation"] and said[0] in both["run_sheet"] and said[1] in both["announce"]
        assert said[1].split()[-2] in both["reminder"] and said[2] in both["groups"] and said[2] in both["post"]
        assert said[3] in both["summary"]
        assert said[2] in both["absentees"] and said[2] in both["held"]
