"""Every card in both languages: valid Adaptive Card 1.5, under 40 KB, verbs explicit, user text inert.

The size and schema checks live in tests/cards_validation.py so other tests can reuse them.
"""
from __future__ import annotations

import json
from datetime import date, datetime, time, timezone

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
from bot.cards.paper_form import paper_chooser_card, paper_receipt_card
from bot.texts import t
from bot.cards.invitees import Listed, Saved, invitees_card
from bot.cards.plan import RoundStart, SetupForm
from bot.process.invitees import PAGE_SIZE, page_count, split_keys
from bot.process.people import Member
from bot.concepts import load_concept
from bot.process.concept import Concept, Kind
from bot.process.nomination import FORM_FIELDS, Invitee, FieldError, NominationInput, ThemeChoice, parse_nomination
from bot.process.tally import NominationRecord, tally
from bot.cards.reasons import reason_pages, tally_reasons_card
from bot.dialogs.registry import PayloadRejected
from bot.process.dialogue import StepId, step as dialogue_step
from bot.process.status import Answers, Deliveries, RoundStatus, TimeLeft, next_step
from cards_validation import assert_valid_card, replace_charts, walk, wire_size
from bot.dialogs.router import REGISTRY
from bot.process.dialogue import Role
from bot.cards.evaluation import (
    evaluation_card, evaluation_started_card, evaluation_summary_card, evaluation_thanks_card,
)
from bot.cards.everyday_example import (
    example_reminder_card, notes_card, notes_delete_confirm_card, preparation_card, readiness_card,
)
from bot.cards.group_results import plenum_card, plenum_post_card, results_form_card, results_saved_card
from bot.cards.grouping import GroupingView, absentees_card, groups_post_card, grouping_card
from bot.cards.invitation import (
    announce_confirm_card, announced_card, day_changed_card, day_form_card, day_set_card, invitation_card,
    themes_announced_card,
)
from bot.cards.run_sheet import run_sheet_card
from bot.cards.selection import selection_card, selection_result_card
from bot.process.evaluation import ANSWER_MAX_CHARS, EvaluationAnswer, EvaluationSummary
from bot.process.everyday_example import NOTE_MAX_CHARS, ExampleNotes, Preparation, Readiness
from bot.process.group_results import ENTRY_MAX_CHARS, GroupResult, PlenumView
from bot.process.grouping import ABSENTEES_PER_PAGE, PeopleChange, SavedGrouping, absentee_keys, form_groups
from bot.process.invitation import (
    FIELD_DATE, FIELD_LINK, FIELD_PLACE, FIELD_START, LINK_MAX_CHARS, PLACE_MAX_CHARS, Answer, DialogueDay,
)
from bot.process.run_sheet import run_sheet_for
from bot.process.selection import ChosenTheme, Selection, SelectionInput
from bot.cards.cycle_survey import (
    survey_card, survey_confirm_card, survey_sent_card, survey_summary_card, survey_thanks_card,
)
from bot.cards.development_plan import history_card, plan_card, plan_post_card, seen_card
from bot.cards.follow_up import follow_up_card, follow_up_form_card, milestone_nudge_card, progress_post_card
from bot.cards.immediate_follow_up import immediate_card, immediate_results_card, immediate_thanks_card
from bot.cards.initiative import initiative_card, initiative_values
from bot.cards.leader_loop import (
    feedback_post_card, leader_card, leader_reminder_card, name_leader_card, unnamed_reminder_card,
)
from bot.cards.my_data import my_data_card
from bot.cards.send_on import send_on_card, send_on_reminder_card
from bot.cards.sorting import move_card, sorting_card, topic_card
from bot.process.cycle_survey import ANSWERS_MAX_BYTES as SURVEY_ANSWERS_MAX_BYTES, SurveyAnswers, SurveySummary, field_of
from bot.process.development_plan import (
    ACTION_MAX_CHARS as PLAN_ACTION_MAX, LABEL_MAX_CHARS as PLAN_LABEL_MAX, MAX_ACTIONS as PLAN_MAX_ACTIONS,
    MAX_INITIATIVES as PLAN_MAX_INITIATIVES, TEXT_MAX_CHARS as PLAN_TEXT_MAX, TITLE_MAX_CHARS as PLAN_TITLE_MAX, DevelopmentPlan,
    FieldError as PlanFieldError, Initiative, Level, Milestone, Phase,
)
from bot.process.follow_up import NOTE_MAX, SentOn, Status, StatusEntry
from bot.process.immediate_follow_up import ANSWER_MAX_CHARS as IMMEDIATE_MAX_CHARS, ImmediateSummary
from bot.process.leader_loop import (
    FEEDBACK_MAX_CHARS, FEEDBACK_PARTS, MAX_AREAS, STEP_MAX_CHARS, TITLE_MAX_CHARS as LEADER_TITLE_MAX, DevelopmentArea, Feedback,
    LeaderLoop,
)
from bot.process.my_data import PersonalData, StoredImmediateAnswer, StoredLeaderLoop, StoredSurvey
from bot.process.sorting import Item, Priority, Proposal, Topic
from dataclasses import replace
from datetime import timedelta
from bot.cards.committee_overview import hr_post_card, nudge_card, overview_card
from bot.cards.hr_overview import hr_overview_card
from bot.cards.organisation import (
    committee_card, committee_saved_card, link_card, send_on_committee_block, submission_card,
)
from bot.process.hr_overview import FollowUpInputs, hr_overview
from bot.process.organisation import (
    COMMENT_MAX, KIND_COMMITTEE, KIND_HR, NAME_MAX as ORG_NAME_MAX, Changes, Committee, Forward, Submission, SubmittedTheme,
    overview as org_overview, snapshot,
)
from bot.process.workplace import Workplace

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


def sample_status(*, step: StepId = StepId.NOMINATION, **changes: object) -> RoundStatus:
    """A round in its nomination step: 17 of 23 answered (2 on paper), one reminder out."""
    values: dict[str, object] = dict(
        step=dialogue_step(step), next_step=next_step(dialogue_step(step)), deadline=DEADLINE,
        time_left=TimeLeft(8, 6), closed_early_on=None, answers=Answers(17, 2, 23), deliveries=Deliveries(20, 1, 2),
        reminders_sent=1, next_reminder=date(2026, 9, 28), contact_name=f"Anna {EVIL}", unreachable=(),
    )
    return RoundStatus(**{**values, **changes})


def team_of(n: int) -> dict[str, Member]:
    """A team of ``n`` with long Danish names (æøå cost 6 bytes each on the wire), keyed as cards key them."""
    return {f"k{i}": Member(f"29:{'x' * 80}{i}", f"Anne-Sofie Østergaard Bækgård {i}") for i in range(n)}


TEAM5 = {"k0": Member("u-0", f"Anna {EVIL}"), "k1": Member("u-1", "Bo Ærø"), "k2": Member("u-2", "Cecilie Å"),
         "k3": Member("u-3", "Dorte"), "k4": Member("u-4", "Erik")}


def setup_card(lang: str, concept: Concept, *, members: dict[str, Member] = TEAM5, error: str | None = None, page: int = 0,
               left_out: frozenset[str] = frozenset()) -> dict:
    form = SetupForm(deadline=DEADLINE, channel_lang="da", contact="k0", left_out=left_out, page=page)
    return round_setup_card(lang, concept, form=form, members=members, contact_choices=members, min_date=date(2026, 9, 18),
                            max_date=date(2026, 12, 17), error=error)


def invitees_list(lang: str, *, people: int = 5, page: int = 0, is_open: bool = True, saved: Saved | None = None) -> dict:
    team = TEAM5 if people == 5 else team_of(people)
    keys = list(team)[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
    listed = [Listed(k, team[k].name, invited=i % 7 != 3, answered=i % 3 == 0) for i, k in enumerate(keys)]
    return invitees_card(lang, round_id="r1", deadline=DEADLINE, is_open=is_open, listed=listed, page=page,
                         pages=page_count(people), total=people, invited=people - 1, answered=people // 3, saved=saved)


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
        "setup": setup_card(lang, concept),
        "setup_error_code": setup_card(lang, concept, error="too_far"),
        "setup_error_contact": setup_card(lang, concept, error="contact_required"),
        "setup_300_first_page": setup_card(lang, concept, members=team_of(300)),
        "setup_300_last_page": setup_card(lang, concept, members=team_of(300), page=2, left_out=frozenset({"k5", "k250"})),
        "round_started": round_started_card(lang, concept, deadline=DEADLINE, contact_name=f"Anna {EVIL}",
                                            named_mode=False, invited=23, unreachable=2),
        "round_started_sending": round_started_card(lang, concept, deadline=DEADLINE, contact_name="Anna", named_mode=False,
                                                    invited=1, unreachable=0, round_id="r1", sending=True),
        "invitees_open": invitees_list(lang, saved=Saved(added=1, removed=2, kept=(f"Bo {EVIL}",))),
        "invitees_unchanged": invitees_list(lang, saved=Saved()),
        "invitees_300_middle_page": invitees_list(lang, people=300, page=1),
        "invitees_closed": invitees_list(lang, is_open=False),
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
        **paper_cards(lang, concept),
        "tally_anonymous": tally_card(lang, concept, sample_tally(concept, named=False), deadline=DEADLINE, is_open=True),
        "tally_named": tally_card(lang, concept, sample_tally(concept, named=True), deadline=DEADLINE, is_open=False),
        "tally_empty": tally_card(lang, concept, tally(concept, [], round_id="r1", invited=12, named_mode=False),
                                  deadline=DEADLINE, is_open=True),
        "help_employee_chat": help_card(lang, concept, role="employee", commands=EMPLOYEE_COMMANDS, in_channel=False),
        "help_group_channel": help_card(lang, concept, role="planning_group", commands=PLANNING_COMMANDS, in_channel=True,
                                        privacy_url="https://example.org/privatliv"),
        "help_group_channel_start": help_card(lang, concept, role="planning_group", commands=PLANNING_COMMANDS, in_channel=True,
                                              can_start=True, privacy_url="https://example.org/privatliv"),
        "help_group_chat": help_card(lang, concept, role="planning_group", in_channel=False, privacy_url="https://example.org/privatliv",
                                     commands=REGISTRY.help_lines({Role.EMPLOYEE, Role.PLANNING_GROUP}, in_team=False)),
        "group_manage": planning_group_card(lang, [f"Anna {EVIL}", "Bo"], can_manage=True),
        "group_view": planning_group_card(lang, [], can_manage=False),
        "status": status_card(lang, sample_status(unreachable=UNREACHABLE)),
        "status_after_deadline": status_card(lang, sample_status(step=StepId.TALLY, time_left=TimeLeft(0, 0), next_reminder=None)),
        "reminder_first": reminder_card(lang, concept, round_id="r1", deadline=DEADLINE, reminder_number=1),
        "reminder_later": reminder_card(lang, concept, round_id="r1", deadline=DEADLINE, reminder_number=3),
        "notice": notice_card(lang, "Runden er lukket", "Fristen er overskredet."),
        **step_cards(lang, concept),
        **organisation_cards(lang, concept),
    }


def paper_cards(lang: str, concept: Concept) -> dict[str, dict]:
    """The nomination cards' variants: the workplace named, a paper form, its chooser and receipt."""
    colleague = Invitee("r1", "29:bo", f"Bo {EVIL}")
    others = [Invitee("r1", f"29:u{i}", f"Medarbejder {i} {EVIL}") for i in range(3)]
    return {
        "nomination_workplace": nomination_card(lang, concept, round_id="r1", deadline=DEADLINE, contact_name="Anna",
                                                named_mode=False, workplace_name=f"Hjemmeplejen {EVIL}", paper_forms=True),
        "nomination_paper": nomination_card(lang, concept, round_id="r1", deadline=DEADLINE, contact_name="Anna",
                                            named_mode=False, workplace_name="Hjemmeplejen Nord", paper_for=colleague),
        "receipt_paper": nomination_receipt_card(lang, concept, round_id="r1", nomination=sample_nomination(), deadline=DEADLINE,
                                                 can_edit=True, named_mode=False, workplace_name=f"Hjemmeplejen {EVIL}",
                                                 saved="shown", entered_by_name=f"Anna {EVIL}", paper_forms=True),
        "receipt_changed": nomination_receipt_card(lang, concept, round_id="r1", nomination=sample_nomination(), deadline=DEADLINE,
                                                   can_edit=True, named_mode=False, saved="changed"),
        "paper_chooser": paper_chooser_card(lang, concept, round_id="r1", workplace_name="Hjemmeplejen Nord",
                                            candidates=[colleague, *others], entered={"29:bo"}),
        "paper_receipt": paper_receipt_card(lang, concept, round_id="r1", workplace_name=f"Hjemmeplejen {EVIL}",
                                            colleague=colleague, nomination=sample_nomination(), deadline=DEADLINE, changed=False),
    }


# --- steps 4-8: selection, day and invitation, everyday example, groups, run-sheet, results, evaluation ---------

DAY = DialogueDay(date(2026, 9, 15), time(8, 0), place=(f"Kantinen, 2. sal {EVIL} " + "Ærøvej 12, bygning Å " * 20)[:PLACE_MAX_CHARS],
                  online_link=("https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + "Zm9v" * 600)[:LINK_MAX_CHARS - 20]
                  + "?x=**fed**${expr}")
CHOSEN_AT = datetime(2026, 10, 5, 9, 30, tzinfo=timezone.utc)


def long_text(label: str, chars: int) -> str:
    """``chars`` of realistic typed text: the markers first (so they survive the cut), æøå, emoji, a line break."""
    return (f"{label} {EVIL}\n" + "Vi skal tale om det 😀 – på tværs af afdelinger, ÆØÅ og æøå. " * 60)[:chars]


def long_title(concept: Concept, i: int) -> str:
    return (f"Eget forslag {i} {EVIL} om mødekultur på tværs af afdelinger og skiftehold")[:concept.limits.own_title_max_chars]


def long_name(i: int) -> str:
    return f"Anne-Sofie Østergaard Bækgård {i} {EVIL}"


def sample_selection(concept: Concept, *, announced: bool = False) -> Selection:
    """An own proposal (typed title) for well-being, a catalogue theme for leadership, both with full reasons."""
    reason = long_text("Fordi", concept.limits.reason_max_chars)
    return Selection("d1", SelectionInput(
        ChosenTheme(Kind.WELLBEING, concept.catalogue(Kind.WELLBEING).own_proposal.id, long_title(concept, 0), reason, nominations=3),
        leadership_choice(concept, reason),
    ), chosen_by="29:anna", chosen_at=CHOSEN_AT, announced_at=CHOSEN_AT if announced else None)


def leadership_choice(concept: Concept, reason: str) -> ChosenTheme:
    """A catalogue theme where the concept has one; DTU's catalogues hold only the own theme the group writes."""
    catalogue = concept.catalogue(Kind.LEADERSHIP)
    if catalogue.themes:
        return ChosenTheme(Kind.LEADERSHIP, catalogue.themes[0].id, None, reason, nominations=0)
    return ChosenTheme(Kind.LEADERSHIP, catalogue.own_proposal.id, long_title(concept, 1), reason, nominations=0)


def own_proposals_tally(concept: Concept, people: int = 300):
    """Everyone proposes an own theme with a different full-length title: the selection form's longest list."""
    records = [NominationRecord(f"u{i}", long_name(i), NominationInput(
        ThemeChoice(Kind.WELLBEING, "own", long_title(concept, i), "a", "b"),
        ThemeChoice(Kind.LEADERSHIP, "own", long_title(concept, i + 1000), "c", "d"),
    ), SUBMITTED) for i in range(people)]
    return tally(concept, records, round_id="d1", invited=people, named_mode=False)


def selection_cards(lang: str, concept: Concept) -> dict[str, dict]:
    selection = sample_selection(concept)
    reason = long_text("Fordi", concept.limits.reason_max_chars)
    values = {f"{kind.value}_{slot}": value for kind in Kind for slot, value in
              (("theme", "own"), ("own_title", long_title(concept, 7)), ("reason", reason))}
    errors = [FieldError("wellbeing_theme", "unknown_choice"), FieldError("leadership_reason", "too_long", 500),
              FieldError("leadership_own_title", "required")]
    return {
        "selection_form": selection_card(lang, concept, dialogue_id="d1", tally=sample_tally(concept, named=False),
                                         workplace_name=f"Hjemmeplejen {EVIL}"),
        "selection_no_tally": selection_card(lang, concept, dialogue_id=None, team_id="19:team@thread.tacv2", tally=None),
        "selection_300_own_current_errors": selection_card(
            lang, concept, dialogue_id="d1", tally=own_proposals_tally(concept), workplace_name=f"Hjemmeplejen {EVIL}",
            current=selection, chosen_by_name=long_name(1), values=values, errors=errors),
        "selection_result": selection_result_card(lang, concept, selection=selection, chosen_by_name=long_name(1),
                                                  workplace_name=f"Hjemmeplejen {EVIL}"),
        "selection_result_unchanged": selection_result_card(lang, concept, selection=selection, saved="unchanged"),
        "selection_result_announced": selection_result_card(lang, concept, selection=sample_selection(concept, announced=True),
                                                            chosen_by_name=long_name(1), saved="shown"),
    }


def day_cards(lang: str, concept: Concept) -> dict[str, dict]:
    selection = sample_selection(concept, announced=True)
    raw = {FIELD_DATE: "2026-09-15", FIELD_START: "08:00", FIELD_PLACE: DAY.place, FIELD_LINK: f"ftp://x {EVIL}"}
    errors = [FieldError(FIELD_DATE, "too_far", 366), FieldError(FIELD_LINK, "not_a_link"), FieldError(FIELD_PLACE, "too_long", 200)]
    bare_day = DialogueDay(date(2026, 9, 15), time(8, 0), place="Kantinen")
    return {
        "day_form_new": day_form_card(lang, dialogue_id="d1", current=None, min_date=date(2026, 9, 1), max_date=date(2027, 9, 1)),
        "day_form_current_errors": day_form_card(lang, dialogue_id="d1", current=DAY, min_date=date(2026, 9, 1),
                                                 max_date=date(2027, 9, 1), values=raw, errors=errors),
        "day_set": day_set_card(lang, day=DAY, warnings=("outside_season", "not_a_working_day")),
        "day_set_moved": day_set_card(lang, day=DAY, told=57, cleared=True, announced=True),
        "announce_confirm": announce_confirm_card(lang, concept, dialogue_id="d1", selection=selection, day=DAY, invited=60),
        "announced": announced_card(lang, concept, selection=selection, day=DAY, invited=60),
        "themes_announced": themes_announced_card(lang, concept, selection=selection, day=DAY),
        "invitation": invitation_card(lang, concept, dialogue_id="d1", selection=selection, day=DAY,
                                      calendar_url="https://bot.example/calendar/d1.ics", workplace_name=f"Hjemmeplejen {EVIL}"),
        "invitation_answered": invitation_card(lang, concept, dialogue_id="d1", selection=selection, day=bare_day,
                                               answer=Answer.COMING),
        "day_changed": day_changed_card(lang, dialogue_id="d1", day=DAY, answer=None, calendar_url="https://bot.example/c.ics"),
        "day_changed_kept": day_changed_card(lang, dialogue_id="d1", day=bare_day, answer=Answer.CANNOT_COME),
    }


def example_cards(lang: str, concept: Concept) -> dict[str, dict]:
    themes = sample_selection(concept).themes
    notes = ExampleNotes(long_text("Trivsel", NOTE_MAX_CHARS), long_text("Ledelse", NOTE_MAX_CHARS))
    ready = Preparation(notes=notes, ready_at=CHOSEN_AT, updated_at=CHOSEN_AT)
    values = {"wellbeing_note": long_text("Halvt", NOTE_MAX_CHARS), "leadership_note": ""}
    errors = [FieldError("wellbeing_note", "too_long", NOTE_MAX_CHARS)]
    return {
        "preparation_empty": preparation_card(lang, concept, dialogue_id="d1", themes=themes, preparation=Preparation()),
        "preparation_ready": preparation_card(lang, concept, dialogue_id="d1", themes=themes, preparation=ready, day=DAY,
                                              workplace_name=f"Hjemmeplejen {EVIL}", saved="saved"),
        "preparation_errors": preparation_card(lang, concept, dialogue_id="d1", themes=themes, preparation=ready, day=DAY,
                                               values=values, errors=errors, saved="unchanged"),
        "example_notes_today": notes_card(lang, concept, themes=themes, notes=notes, workplace_name=f"Hjemmeplejen {EVIL}"),
        "example_notes_later": notes_card(lang, concept, themes=themes, notes=ExampleNotes(wellbeing="Kort"), day=DAY, today=False),
        "example_reminder": example_reminder_card(lang, concept, dialogue_id="d1", themes=themes, day=DAY,
                                                  workplace_name=f"Hjemmeplejen {EVIL}"),
        "readiness": readiness_card(lang, Readiness(invited=60, ready=21, coming=50, cannot_come=4),
                                    workplace_name=f"Hjemmeplejen {EVIL}", concept=concept, day=DAY),
        "example_delete_confirm": notes_delete_confirm_card(lang, dialogue_id="d1", workplace=f"Hjemmeplejen {EVIL}"),
        "status_preparation": status_card(lang, sample_status(step=StepId.EVERYDAY_EXAMPLE, time_left=TimeLeft(0, 0)),
                                          round_id="r1", preparation=Readiness(invited=60, ready=21, coming=50, cannot_come=4)),
    }


PEOPLE60 = [f"29:{'x' * 80}{i:02d}" for i in range(60)]
NAMES60 = {user_id: long_name(i) for i, user_id in enumerate(PEOPLE60)}


def sample_grouping(people: list[str] = PEOPLE60) -> SavedGrouping:
    grouping = form_groups(people[:-2], seed="d1")  # two marked absent
    return SavedGrouping("d1", grouping, absent=frozenset(people[-2:]), first_held=True, version=3, formed_by="29:anna",
                         formed_at=CHOSEN_AT)


def sample_results(kind: Kind, groups: int, *, missing: tuple[int, ...] = ()) -> PlenumView:
    entry = lambda label: long_text(label, ENTRY_MAX_CHARS)  # noqa: E731
    results = tuple(GroupResult("d1", kind, n, (entry(f"Pointe {n}.1"), entry(f"Pointe {n}.2")),
                                (entry(f"Handling {n}.1"), entry(f"Handling {n}.2")), "29:anna", CHOSEN_AT, version=2)
                    for n in range(1, groups + 1) if n not in missing)
    return PlenumView(kind, results, missing)


def grouping_cards(lang: str, concept: Concept) -> dict[str, dict]:
    saved = sample_grouping()
    change = PeopleChange(left=tuple(PEOPLE60[:3]), joined=tuple(PEOPLE60[-2:]))
    view = GroupingView("d1", saved, NAMES60, change, DAY, note=t(lang, "groups.title"))
    per_round = {kind: len(saved.grouping.groups(kind)) for kind in Kind}
    sizes = {len(g) for kind in Kind for g in saved.grouping.groups(kind)}
    theme = sample_selection(concept).themes.choice(Kind.WELLBEING)
    views = [(sample_results(kind, per_round[kind], missing=(2,)), sample_selection(concept).themes.choice(kind)) for kind in Kind]
    errors = [FieldError("key_point_1", "required"), FieldError("desired_action_2", "too_long", ENTRY_MAX_CHARS)]
    filled = {name: long_text(name, ENTRY_MAX_CHARS) for name in ("key_point_2", "desired_action_1", "desired_action_2")}
    current = sample_results(Kind.WELLBEING, 1).results[0]
    members = [NAMES60[p] for p in saved.grouping.wellbeing[0]]
    return {
        "grouping_60": grouping_card(lang, view),
        "grouping_plain": grouping_card(lang, GroupingView("d1", sample_grouping(PEOPLE60[:8]), {}, PeopleChange((), ()))),
        "absentees_60": absentees_card(lang, dialogue_id="d1", version=3, people=[(p, NAMES60[p]) for p in PEOPLE60],
                                       absent=set(PEOPLE60[-2:]), first_held=True),
        "groups_post_60": groups_post_card(lang, dialogue_id="d1", grouping=saved.grouping, names=NAMES60, day=DAY, replaced=True),
        "run_sheet_formed": run_sheet_card(lang, dialogue_id="d1", day=DAY, sheet=run_sheet_for(DAY), group_sizes=sizes,
                                           groups_per_round=per_round),
        "run_sheet_not_formed": run_sheet_card(lang, dialogue_id="d1", day=DialogueDay(date(2026, 9, 15), time(12, 30)),
                                               sheet=run_sheet_for(DialogueDay(date(2026, 9, 15), time(12, 30)))),
        "results_form_empty": results_form_card(lang, concept, dialogue_id="d1", kind=Kind.WELLBEING, group=1, members=members,
                                                theme=theme, current=None, written_by=None),
        "results_form_current": results_form_card(lang, concept, dialogue_id="d1", kind=Kind.LEADERSHIP, group=15, members=members,
                                                  theme=views[1][1], current=current, written_by=long_name(3),
                                                  workplace_name=f"Hjemmeplejen {EVIL}"),
        "results_form_errors": results_form_card(lang, concept, dialogue_id="d1", kind=Kind.WELLBEING, group=2, members=members,
                                                 theme=None, current=current, written_by=long_name(3), values=filled, errors=errors),
        "results_saved": results_saved_card(lang, concept, dialogue_id="d1", kind=Kind.WELLBEING, result=current,
                                            written_by=long_name(3), theme=theme, changed=True),
        "results_unchanged": results_saved_card(lang, concept, dialogue_id="d1", kind=Kind.LEADERSHIP, result=current,
                                                written_by=long_name(3), theme=None, changed=False),
        "plenum_15_groups": plenum_card(lang, concept, dialogue_id="d1", view=views[0][0], theme=views[0][1], can_post=True),
        "plenum_posted": plenum_card(lang, concept, dialogue_id="d1", view=views[1][0], theme=views[1][1], can_post=True, posted=True),
        "plenum_nothing": plenum_card(lang, concept, dialogue_id="d1", view=PlenumView(Kind.WELLBEING, (), (1, 2)), theme=None,
                                      can_post=False),
        "plenum_post_both_rounds": plenum_post_card(lang, concept, views=views, day=datetime(2026, 9, 15, 6, 0, tzinfo=timezone.utc)),
        **paged_cards_300(lang, concept),
    }


PEOPLE300 = [f"29:{'x' * 80}{i:03d}" for i in range(300)]
NAMES300 = {user_id: long_name(i) for i, user_id in enumerate(PEOPLE300)}


def views_300(concept: Concept) -> list:
    saved = sample_grouping(PEOPLE300)
    return [(sample_results(kind, len(saved.grouping.groups(kind)), missing=(2,)), sample_selection(concept).themes.choice(kind))
            for kind in Kind]


def paged_cards_300(lang: str, concept: Concept) -> dict[str, dict]:
    """A day of 300 people: the large cards on pages, the middle and last pages of each."""
    saved = sample_grouping(PEOPLE300)
    view = GroupingView("d1", saved, NAMES300, PeopleChange(left=tuple(PEOPLE300[:3]), joined=tuple(PEOPLE300[-2:])), DAY)
    views = views_300(concept)
    return {
        "grouping_300_page_2": grouping_card(lang, view, page=1),
        "grouping_300_last_page": grouping_card(lang, view, page=99),
        "groups_post_300_page_2": groups_post_card(lang, dialogue_id="d1", grouping=saved.grouping, names=NAMES300, day=DAY, page=1),
        "absentees_300_page_2": absentees_card(lang, dialogue_id="d1", version=3, people=[(p, NAMES300[p]) for p in PEOPLE300],
                                               absent=set(PEOPLE300[::3]), first_held=False, page=1),
        "absentees_300_last_page": absentees_card(lang, dialogue_id="d1", version=3, people=[(p, NAMES300[p]) for p in PEOPLE300],
                                                  absent=set(PEOPLE300), first_held=True, page=99),
        "plenum_300_page_2": plenum_card(lang, concept, dialogue_id="d1", view=views[0][0], theme=views[0][1], can_post=True, page=1),
        "plenum_post_300_page_2": plenum_post_card(lang, concept, views=views, day=None, dialogue_id="d1", page=1),
        "plenum_post_300_last_page": plenum_post_card(lang, concept, views=views, day=None, dialogue_id="d1", page=99),
    }


def evaluation_cards(lang: str, concept: Concept) -> dict[str, dict]:
    answer = EvaluationAnswer(long_text("Godt", ANSWER_MAX_CHARS), long_text("Justér", ANSWER_MAX_CHARS))
    answers = tuple(long_text(f"Svar {i}", ANSWER_MAX_CHARS) for i in range(60))
    closes = date(2026, 9, 29)
    return {
        "evaluation": evaluation_card(lang, concept, dialogue_id="d1", workplace_name=f"Hjemmeplejen {EVIL}", closes=closes,
                                      min_count=3),
        "evaluation_previous": evaluation_card(lang, concept, dialogue_id="d1", workplace_name="", closes=closes, min_count=3,
                                               previous=answer),
        "evaluation_errors": evaluation_card(lang, concept, dialogue_id="d1", workplace_name="", closes=closes, min_count=3,
                                             values={"evaluation_good": answer.good}, errors=[
                                                 FieldError("evaluation_good", "required"),
                                                 FieldError("evaluation_adjust", "too_long", ANSWER_MAX_CHARS)]),
        "evaluation_thanks": evaluation_thanks_card(lang, dialogue_id="d1", answer=answer, changed=True),
        "evaluation_thanks_half": evaluation_thanks_card(lang, dialogue_id="d1", answer=EvaluationAnswer(good="Godt"), changed=False),
        "evaluation_started": evaluation_started_card(lang, dialogue_id="d1", attendees=56, new=56, min_count=3),
        "evaluation_started_again": evaluation_started_card(lang, dialogue_id="d1", attendees=56, new=0, min_count=3),
        "evaluation_summary_hidden": evaluation_summary_card(lang, dialogue_id="d1", attendees=56,
                                                             summary=EvaluationSummary(2, False, 3, (), ())),
        "evaluation_summary_60": evaluation_summary_card(lang, dialogue_id="d1", attendees=60,
                                                         summary=EvaluationSummary(60, True, 3, answers, answers[:40])),
    }


def step_cards(lang: str, concept: Concept) -> dict[str, dict]:
    return {**selection_cards(lang, concept), **day_cards(lang, concept), **example_cards(lang, concept),
            **grouping_cards(lang, concept), **evaluation_cards(lang, concept), **after_day_cards(lang, concept)}


# --- after the day: leader loop, immediate follow-up (9), sorting and plan (10-11), follow-ups (12), send-on (13), survey ---

AFTER = datetime(2026, 10, 20, 22, 30, tzinfo=timezone.utc)  # late evening: already the next day in Copenhagen
ADOPTED = datetime(2026, 11, 2, 12, 0, tzinfo=timezone.utc)
ORG = f"Hjemmeplejen {EVIL}"


def max_initiative(n: int, *, needs_organisation: bool = True) -> Initiative:
    """Every field at its limit, typed text everywhere; one milestone per phase (all a plan can hold)."""
    text_ = lambda label: long_text(f"{label} {n}", PLAN_TEXT_MAX)  # noqa: E731
    milestones = tuple(Milestone(f"m{k}", phase, long_text(f"Milepæl {n}.{k}", PLAN_LABEL_MAX), date(2027, 1 + 3 * k, 31 if k != 1 else 30),
                                 done_at=ADOPTED if k == 0 else None) for k, phase in enumerate(Phase))
    return Initiative(
        id=f"i{n}", title=long_text(f"Indsats {n}", PLAN_TITLE_MAX), why=text_("Hvorfor"),
        actions=tuple(long_text(f"Handling {n}.{k}", PLAN_ACTION_MAX).replace("\n", " ") for k in range(PLAN_MAX_ACTIONS)),
        milestones=milestones, follow_up=text_("Opfølgning"), owner_id=PEOPLE60[n], owner_name=long_name(n),
        communication=text_("Kommunikation"), iglo=tuple((level, text_(level.value)) for level in Level),
        needs_organisation=needs_organisation, ask=text_("Vi beder om") if needs_organisation else "",
    )


def max_plan(*, adopted: bool, version: int = 7) -> DevelopmentPlan:
    initiatives = tuple(max_initiative(n, needs_organisation=n != 2) for n in range(1, PLAN_MAX_INITIATIVES + 1))
    return DevelopmentPlan("d1", initiatives, version, PEOPLE60[0], AFTER, ADOPTED if adopted else None,
                           PEOPLE60[1] if adopted else None, 5 if adopted else None, 6 if adopted else None)


def sorting_entries() -> list[Item]:
    """15 groups in each round, two key points and two desired actions each: 120 entries of 300 characters."""
    return [Item(kind, group, slot, index, long_text(f"{kind.value} {group} {slot} {index}", ENTRY_MAX_CHARS))
            for kind in Kind for group in range(1, 16) for slot in ("point", "action") for index in range(2)]


def after_day_cards(lang: str, concept: Concept) -> dict[str, dict]:
    return {**plan_cards(lang, concept), **sorting_cards(lang), **follow_up_cards(lang), **leader_cards(lang, concept),
            **immediate_cards(lang), **survey_cards(lang, concept), **after_day_data(lang, concept)}


def plan_cards(lang: str, concept: Concept) -> dict[str, dict]:
    names = NAMES60
    draft, adopted = max_plan(adopted=False), max_plan(adopted=True)
    one = DevelopmentPlan("d1", (max_initiative(1),), 1, "29:unknown", AFTER)
    initiative = draft.initiatives[0]
    desired = [long_text(f"Ønsket handling {n}", ENTRY_MAX_CHARS) for n in range(60)]  # 15 groups x 2 rounds x 2
    members = [(p, NAMES60[p]) for p in PEOPLE60]
    raw = {**initiative_values(initiative), "m_execution_due": "31-02-2027", "title": long_text("For lang", 2 * PLAN_TITLE_MAX)}
    errors = [PlanFieldError("title", "too_long", PLAN_TITLE_MAX), PlanFieldError("m_execution_due", "not_a_date"),
              PlanFieldError("owner", "unknown_choice"), PlanFieldError("ask", "required")]
    return {
        "plan_empty": plan_card(lang, dialogue_id="d1", plan=None, names={}),
        "plan_one_draft": plan_card(lang, dialogue_id="d1", plan=one, names={}, notice="devplan.saved"),
        "plan_draft_max": plan_card(lang, dialogue_id="d1", plan=draft, names=names, notice="devplan.saved"),
        "plan_confirm_adopt": plan_card(lang, dialogue_id="d1", plan=draft, names=names, confirm_adopt=True),
        "plan_adopted_changed": plan_card(lang, dialogue_id="d1", plan=adopted, names=names, acknowledged=57),
        "plan_history": history_card(lang, dialogue_id="d1", names=names,
                                     history=[max_plan(adopted=v > 5, version=v) for v in range(1, 31)]),
        "plan_post": plan_post_card(lang, plan=adopted),
        "plan_post_changed": plan_post_card(lang, plan=adopted, changed=True),
        "plan_seen": seen_card(lang, "devplan.ack.thanks"),
        "initiative_new_from_topic": initiative_card(lang, dialogue_id="d1", version=None, initiative_id=None, values={},
                                                     members=members, desired_actions=desired, topic_title=long_text("Emne", 120)),
        "initiative_max": initiative_card(lang, dialogue_id="d1", version=7, initiative_id="i1", values=initiative_values(initiative),
                                          members=members, desired_actions=desired),
        "initiative_errors": initiative_card(lang, dialogue_id="d1", version=7, initiative_id="i1", values=raw, members=members,
                                             desired_actions=desired, errors=errors),
    }


def sorting_cards(lang: str) -> dict[str, dict]:
    entries = sorting_entries()
    proposals = [Proposal(f"p{i}", long_text(f"Forslag {i}", 80), tuple(entries[i * 2:i * 2 + 2]), ("møde",)) for i in range(30)]
    big = [Proposal(f"q{i}", long_text(f"Forslag {i}", 80), tuple(entries[i * 15:i * 15 + 15]), ()) for i in range(8)]
    topics = [Topic("d1", f"t{i}", long_text(f"Emne {i}", 120), priority, i, tuple(entries[60 + i * 20:80 + i * 20]))
              for i, priority in enumerate((Priority.HIGH, None, Priority.LOW))]
    everything = Topic("d1", "t9", long_text("Alt", 120), Priority.MEDIUM, 9, tuple(entries))
    return {
        "sorting_empty": sorting_card(lang, dialogue_id="d1", items=[], proposals=[], topics=[]),
        "sorting_120": sorting_card(lang, dialogue_id="d1", items=entries, proposals=proposals, topics=topics,
                                    notice=t(lang, "sorting.done.moved")),
        "sorting_120_big_proposals": sorting_card(lang, dialogue_id="d1", items=entries, proposals=big, topics=[], warn=True,
                                                  notice=t(lang, "sorting.done.ignored")),
        "sorting_all_in_one_topic": sorting_card(lang, dialogue_id="d1", items=entries, proposals=[], topics=[everything]),
        "sorting_move_120": move_card(lang, dialogue_id="d1", items=entries, topics=topics, proposal=big[0]),
        "sorting_move_error": move_card(lang, dialogue_id="d1", items=entries, topics=topics, proposal=None,
                                        chosen=[e.key for e in entries], target="t1", new_title=long_text("Ny", 240),
                                        error="sorting.error.too_long"),
        "sorting_topic_120": topic_card(lang, dialogue_id="d1", topic=everything),
        "sorting_topic_error": topic_card(lang, dialogue_id="d1", topic=topics[1], title="", error="sorting.error.title_required"),
    }


def follow_up_cards(lang: str) -> dict[str, dict]:
    plan = max_plan(adopted=True)
    latest = {i.id: StatusEntry("d1", i.id, status, long_text("Note", NOTE_MAX), PEOPLE60[0], AFTER)
              for i, status in zip(plan.initiatives, (Status.ON_TRACK, Status.OFF_TRACK))}
    done = {("i2", "m1"): AFTER}
    first = plan.initiatives[0]
    sent = SentOn("d1", AFTER, PEOPLE60[0], 7)
    return {
        "follow_up": follow_up_card(lang, plan, latest=latest, done=done),
        "follow_up_due": follow_up_card(lang, plan, latest=latest, done=done, months=3, due=True,
                                        dates=(date(2027, 2, 2), date(2027, 5, 3)),
                                        notice=t(lang, "follow_up.saved", date=date(2027, 2, 2))),
        "follow_up_form": follow_up_form_card(lang, plan, first, latest=latest["i1"], done=done, may_status=True,
                                              error=t(lang, "follow_up.error.too_long", limit=NOTE_MAX),
                                              notice=t(lang, "follow_up.unchanged")),
        "follow_up_form_owner": follow_up_form_card(lang, plan, plan.initiatives[2], latest=None, done=done, may_status=False),
        "follow_up_progress": progress_post_card(lang, plan, months=6, latest=latest, done=done),
        "milestone_nudge": milestone_nudge_card(lang, "d1", first, first.milestones[1]),
        "milestone_nudge_marked": milestone_nudge_card(lang, "d1", first, first.milestones[1], marked_on=date(2027, 5, 3)),
        "send_on": send_on_card(lang, plan, deadline=date(2026, 12, 1), notice=t(lang, "send_on.refused.stale")),
        "send_on_sent": send_on_card(lang, plan, deadline=date(2026, 12, 1), sent=sent, sent_by_name=long_name(0),
                                     download_url="https://bot.example.org/plan/d1/7.xlsx?sig=" + "a" * 64, link_days=14),
        "send_on_nothing_for_organisation": send_on_card(lang, DevelopmentPlan("d1", (max_initiative(2, needs_organisation=False),), 2,
                                                                                "u", AFTER, ADOPTED, "u", 2, 2),
                                                         deadline=date(2026, 12, 1), sent=sent),
        "send_on_reminder": send_on_reminder_card(lang, "d1", deadline=date(2026, 12, 1), late=False),
        "send_on_reminder_late": send_on_reminder_card(lang, "d1", deadline=date(2026, 12, 1), late=True),
    }


def sample_loop() -> LeaderLoop:
    areas = tuple(DevelopmentArea(long_text(f"Område {n}", LEADER_TITLE_MAX), long_text(f"Næste skridt {n}", STEP_MAX_CHARS))
                  for n in range(1, MAX_AREAS + 1))
    feedback = Feedback(*(long_text(part, FEEDBACK_MAX_CHARS) for part in FEEDBACK_PARTS))
    return LeaderLoop("d1", areas, feedback, shared=True, asked_at=AFTER, posted_at=AFTER, done_at=AFTER, updated_at=AFTER)


def leader_cards(lang: str, concept: Concept) -> dict[str, dict]:
    loop = sample_loop()
    people = [(p, NAMES60[p]) for p in PEOPLE60]
    values = {"area_1_title": long_text("For langt", 2 * LEADER_TITLE_MAX), "feedback_thanks": long_text("Tak", FEEDBACK_MAX_CHARS)}
    errors = [FieldError("area_1_title", "too_long", LEADER_TITLE_MAX), FieldError("area_2_next_step", "required")]
    day = DAY.date
    return {
        "leader_no_day": leader_card(lang, dialogue_id="d1", stage="no_day", day=None, loop=None, concept_id=concept.id),
        "leader_before": leader_card(lang, dialogue_id="d1", stage="before", day=day, loop=None, concept_id=concept.id),
        "leader_after_empty": leader_card(lang, dialogue_id="d1", stage="after", day=day, loop=None, concept_id=concept.id),
        "leader_after_max": leader_card(lang, dialogue_id="d1", stage="after", day=day, loop=loop, saved="leader.post.queued",
                                        concept_id=concept.id),
        "leader_after_errors": leader_card(lang, dialogue_id="d1", stage="after", day=day, loop=loop, values=values, errors=errors,
                                           concept_id=concept.id),
        "leader_name": name_leader_card(lang, team_id="19:team@thread.tacv2", people=people, current=PEOPLE60[3]),
        **{f"leader_reminder_{kind.rsplit('.', 1)[1]}": leader_reminder_card(lang, kind_key=kind, dialogue_id="d1", day=day,
                                                                             concept_id=concept.id)
           for kind in ("leader.remind.prepare", "leader.remind.immediate", "leader.remind.feedback")},
        "leader_unnamed_reminder": unnamed_reminder_card(lang, team_id="19:team@thread.tacv2", day=day, people=people),
        "leader_feedback_post": feedback_post_card(lang, leader_name=long_name(0), feedback=loop.feedback,
                                                   areas=[(a.title, a.next_step) for a in loop.areas]),
        "leader_feedback_post_private": feedback_post_card(lang, leader_name="", feedback=Feedback(thanks="Tak"), areas=[]),
    }


def immediate_cards(lang: str) -> dict[str, dict]:
    answers = tuple(long_text(f"Allerede nu {i}", IMMEDIATE_MAX_CHARS) for i in range(60))
    return {
        "immediate": immediate_card(lang, dialogue_id="d1", min_count=3),
        "immediate_errors": immediate_card(lang, dialogue_id="d1", min_count=3, value=long_text("For langt", 2 * IMMEDIATE_MAX_CHARS),
                                           errors=[FieldError("immediate_answer", "too_long", IMMEDIATE_MAX_CHARS)]),
        "immediate_thanks": immediate_thanks_card(lang, dialogue_id="d1", answer=answers[0], changed=True),
        "immediate_thanks_unchanged": immediate_thanks_card(lang, dialogue_id="d1", answer=answers[1], changed=False),
        "immediate_results_hidden": immediate_results_card(lang, dialogue_id="d1", summary=ImmediateSummary(2, False, 3, ())),
        "immediate_results_60": immediate_results_card(lang, dialogue_id="d1", summary=ImmediateSummary(60, True, 3, answers)),
    }


def max_survey_answers(concept: Concept) -> SurveyAnswers:
    """Every question answered at its limit, as far as the answers fit together (the parser's byte cap)."""
    given: dict[str, str] = {}
    for q in concept.cycle_survey.questions:
        candidate = {**given, q.id: long_text(f"Svar {q.id}", concept.cycle_survey.answer_max_chars)}
        if len(json.dumps(candidate, ensure_ascii=True)) > SURVEY_ANSWERS_MAX_BYTES:
            break
        given = candidate
    return SurveyAnswers.of(given)


def survey_cards(lang: str, concept: Concept) -> dict[str, dict]:
    """The end-of-cycle survey exists in DTU's concept only; Nyborg's evaluation summary leads nowhere else."""
    evaluation = EvaluationSummary(5, True, 3, ("Godt",), ("Mere tid",))
    if concept.cycle_survey is None:
        return {"evaluation_summary_no_survey": evaluation_summary_card(lang, dialogue_id="d1", attendees=5, summary=evaluation,
                                                                        survey=False)}
    survey = concept.cycle_survey
    full = max_survey_answers(concept)
    raw = {field_of(i): long_text(f"Svar {i}", survey.answer_max_chars) for i in range(len(survey.questions))}
    errors = [FieldError(field_of(0), "too_long", survey.answer_max_chars), FieldError("answers", "too_long_together")]
    per_question = tuple((q.id, tuple(long_text(f"{q.id} {i}", survey.answer_max_chars) for i in range(60))) for q in survey.questions)
    closes = date(2027, 1, 31)
    return {
        "survey": survey_card(lang, concept, dialogue_id="d1", workplace_name=ORG, closes=closes, min_count=5),
        "survey_previous_max": survey_card(lang, concept, dialogue_id="d1", workplace_name=ORG, closes=closes, min_count=5, previous=full),
        "survey_errors_max": survey_card(lang, concept, dialogue_id="d1", workplace_name=ORG, closes=closes, min_count=5, values=raw,
                                         errors=errors),
        "survey_thanks_max": survey_thanks_card(lang, concept, dialogue_id="d1", answers=full, changed=True),
        "survey_thanks_unchanged": survey_thanks_card(lang, concept, dialogue_id="d1", answers=SurveyAnswers.of({}), changed=False),
        "survey_confirm": survey_confirm_card(lang, concept, dialogue_id="d1", invited=300, closes=closes),
        "survey_sent": survey_sent_card(lang, dialogue_id="d1", invited=300, new=0, closes=closes, min_count=5),
        "survey_summary_hidden": survey_summary_card(lang, concept, dialogue_id="d1", invited=300,
                                                     summary=SurveySummary(4, False, 5, tuple((q.id, ()) for q in survey.questions))),
        "survey_summary_60": survey_summary_card(lang, concept, dialogue_id="d1", invited=300,
                                                 summary=SurveySummary(60, True, 5, per_question)),
    }


def after_day_data(lang: str, concept: Concept) -> dict[str, dict]:
    """"Mine data" with the person's answers of the steps after the day: a leader's loops, step 9's answers, the survey."""
    loop = sample_loop()
    stored_loop = StoredLeaderLoop("d1", ORG, tuple((a.title, a.next_step) for a in loop.areas),
                                   {p: getattr(loop.feedback, p) for p in FEEDBACK_PARTS}, True, AFTER, AFTER, AFTER)
    immediate = tuple(StoredImmediateAnswer(f"d{i}", ORG, long_text("Allerede nu", IMMEDIATE_MAX_CHARS), AFTER) for i in range(3))
    surveys = (StoredSurvey("d1", ORG, max_survey_answers(concept).given, AFTER, concept.id),) if concept.cycle_survey else ()
    data = PersonalData(profile=None, surveys=surveys, leader_loops=(stored_loop,), immediate_answers=immediate)
    return {"my_data_after_day": my_data_card(lang, concept, data)}


# --- across the organisation (steps 13-14): committees, links, what a committee and HR get ---------------

COMMITTEE_AT = datetime(2026, 11, 20, 23, 30, tzinfo=timezone.utc)  # late evening: already the next day in Copenhagen


def long_workplace(i: int) -> str:
    """A Teams team name at its length: long Danish words and what anyone may type into a team's name."""
    return f"Hjemmeplejen {i} {EVIL} – Område Nord, Sygeplejen og Træningsenheden på Ærøvej"[:100]


def sample_committee(kind: str = KIND_COMMITTEE, n: int = 0) -> Committee:
    return Committee(f"c-{n}", f"19:team-{n}@thread.tacv2", f"MED Social og Sundhed {n} {EVIL} – Ældre- og Handicapområdet"[:ORG_NAME_MAX],
                     kind, "29:anna", COMMITTEE_AT)


def sample_workplaces(n: int) -> list[Workplace]:
    return [Workplace(f"19:{'w' * 60}{i:03d}@thread.tacv2", "tenant", "https://smba.example", f"19:{'w' * 60}{i:03d}",
                      long_workplace(i), "nyborg", COMMITTEE_AT) for i in range(n)]


def submitted_themes(concept: Concept, n: int) -> tuple[SubmittedTheme, ...]:
    """Each workplace its own proposal (a theme of its own in the overview) and a catalogue theme where there is one."""
    chosen = sample_selection(concept).themes
    return tuple(SubmittedTheme(c.kind.value, c.theme_id, c.own_title and long_title(concept, n))
                 for c in (chosen.choice(Kind.WELLBEING), chosen.choice(Kind.LEADERSHIP)))


def sample_submission(concept: Concept, n: int = 0, *, version: int = 2) -> Submission:
    """Every initiative at its limits (all of them ask the organisation for something), a re-send."""
    initiatives = snapshot(max_plan(adopted=True))
    initiatives = tuple(replace(i, needs_organisation=True, ask=i.ask or long_text("Vi beder om", PLAN_TEXT_MAX),
                                organisation=i.organisation or long_text("Organisation", PLAN_TEXT_MAX)) for i in initiatives)
    changes = Changes(added=(initiatives[0].title,), removed=(long_text("Fjernet", PLAN_TITLE_MAX),), changed=tuple(i.title for i in initiatives[1:]))
    return Submission("c-0", f"19:{'w' * 60}{n:03d}@thread.tacv2", f"d{n}", version, COMMITTEE_AT, PEOPLE60[0], 7, initiatives,
                      submitted_themes(concept, n), changes if version > 1 else None, long_workplace(n))


def big_overview(concept: Concept, *, sent: int = 120, missing: int = 30) -> Overview:
    """150 workplaces linked to one committee, most have sent with every initiative asking the organisation."""
    workplaces = sample_workplaces(sent + missing)
    links = {w.team_id: "c-0" for w in workplaces}
    names = {w.team_id: w.name for w in workplaces}
    return org_overview("c-0", links, names, [sample_submission(concept, n) for n in range(sent)])


def organisation_cards(lang: str, concept: Concept) -> dict[str, dict]:
    committee, hr = sample_committee(), sample_committee(KIND_HR, 1)
    committees = [committee, hr] + [sample_committee(n=n) for n in range(2, 30)]
    workplaces = sample_workplaces(150)
    links = {w.team_id: committees[i % 30].id for i, w in enumerate(workplaces) if i % 4}
    view = big_overview(concept)
    forward = Forward(1, committee.id, PEOPLE60[0], COMMITTEE_AT, long_text("Kommentar", COMMENT_MAX))
    plan = max_plan(adopted=True)
    latest = sample_submission(concept)
    sent = SentOn("d1", AFTER, PEOPLE60[0], 7)
    return {
        "org_committee_new": committee_card(lang, team_name=long_workplace(1)),
        "org_committee_current": committee_card(lang, current=committee, team_name=long_workplace(1),
                                                notice=t(lang, "org.committee.name_required")),
        "org_committee_saved": committee_saved_card(lang, committee),
        "org_committee_saved_hr": committee_saved_card(lang, hr),
        "org_link_no_committees": link_card(lang, workplaces, [hr], {}),
        "org_link_first_page": link_card(lang, workplaces, committees, links, notice=t(lang, "org.link.saved", count=20)),
        "org_link_last_page": link_card(lang, workplaces, committees, links, page=24),  # 6 a page: each holds 30 committees
        "org_link_past_the_end": link_card(lang, workplaces, committees, links, page=1000),
        "org_submission_first": submission_card(lang, concept, replace(latest, version=1, changes=None), sent_by_name=long_name(0)),
        "org_submission_resent": submission_card(lang, concept, latest, sent_by_name=long_name(0)),
        "org_submission_unchanged": submission_card(lang, concept, replace(latest, changes=Changes(), initiatives=()),),
        "org_overview_150": overview_card(lang, concept, committee, view, has_hr=True, forwards=[forward], notice=t(lang, "org.overview.forward_done"),
                                          download_url="https://bot.example.org/exports/c-0.xlsx?sig=" + "a" * 64),
        "org_overview_forwarded": overview_card(lang, concept, committee, view, has_hr=True, can_forward=False, forwards=[forward]),
        "org_overview_empty_no_hr": overview_card(lang, concept, committee, org_overview("c-0", {}, {}, []), has_hr=False),
        "org_nudge": nudge_card(lang, committee.name, "d1"),
        "org_nudge_no_dialogue": nudge_card(lang, committee.name, None),
        "org_hr_post_150": hr_post_card(lang, concept, committee, view, forward, by_name=long_name(0)),
        "send_on_to_committee": send_on_card(lang, plan, deadline=date(2026, 12, 1), sent=sent, committee=send_on_committee_block(
            lang, committee, latest, plan_version=8, sent=True, dialogue_id="d1")),
        "send_on_unlinked": send_on_card(lang, plan, deadline=date(2026, 12, 1), committee=send_on_committee_block(
            lang, None, None, plan_version=7, sent=False, dialogue_id="d1")),
        **hr_cards(lang, concept),
    }


def hr_cards(lang: str, concept: Concept) -> dict[str, dict]:
    """HR's overview: every theme chosen, asks under each theme and committee, both follow-ups counted."""
    catalogue = {k.value: tuple(th.id for th in concept.catalogue(k).themes) for k in Kind}
    own_ids = {k.value: concept.catalogue(k).own_proposal.id for k in Kind}
    everything = [(k.value, th) for k in Kind for th in (*catalogue[k.value], own_ids[k.value])]
    base = sample_submission(concept)
    subs = [replace(base, committee_id=f"c-{n % 4}", team_id=f"t{n}", dialogue_id=f"d{n}",
                    themes=tuple(SubmittedTheme(kind, th, long_title(concept, n) if th == own_ids[kind] else None)
                                 for kind, th in (everything[n % len(everything)], everything[(n * 7 + 3) % len(everything)])))
            for n in range(300)]
    statuses = tuple(StatusEntry(f"d{n}", i.id, (Status.ON_TRACK, Status.OFF_TRACK)[n % 2], "", PEOPLE60[0], ADOPTED + timedelta(days=100))
                     for n in range(0, 300, 3) for i in base.initiatives)
    moments = {3: ADOPTED + timedelta(days=90), 6: ADOPTED + timedelta(days=180)}
    follow_ups = {f"d{n}": FollowUpInputs(moments, tuple(s for s in statuses if s.dialogue_id == f"d{n}")) for n in range(300)}
    full = hr_overview(subs, catalogue=catalogue, own_ids=own_ids, follow_ups=follow_ups, now=ADOPTED + timedelta(days=200))
    few = hr_overview(subs[:3], catalogue=catalogue, own_ids=own_ids, follow_ups={}, now=ADOPTED)
    names = {f"c-{n}": sample_committee(n=n).name for n in range(4)}
    return {
        "hr_overview_300": hr_overview_card(lang, concept, full, committee_names=names,
                                            download_url="https://bot.example.org/exports/hr/2026.xlsx?sig=" + "a" * 64, link_days=14),
        "hr_overview_few": hr_overview_card(lang, concept, few, committee_names={}),
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
            # A ChoiceSet's choice titles are plain text in every client (the paper form's colleague list).
            in_input = in_input or (path[-1] in ("title", "value") and len(path) > 2 and path[-3] == "choices")
            # Never rendered: a link's address (https only, checked by the rules) and whom a mention
            # points at (Teams shows the entity's ``<at>`` text, which is stripped of markup).
            in_input = in_input or (parent.get("type") == "Action.OpenUrl" and path[-1] == "url")
            in_input = in_input or (path[:2] == ("msteams", "entities") and path[-2:] == ("mentioned", "name"))
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
    assert inputs["channel_lang"]["value"] == "da" and [c["value"] for c in inputs["channel_lang"]["choices"]] == ["da", "en"]
    contact = inputs["contact"]
    assert contact["type"] == "Input.ChoiceSet" and contact["isRequired"] and contact["value"] == "k0"
    assert [c["value"] for c in contact["choices"]] == ["k0", "k1", "k2", "k3", "k4"]
    mode = inputs["named_mode"]
    assert mode["value"] == "anonymous" and [c["value"] for c in mode["choices"]] == ["anonymous", "named"]
    invitees = inputs["invitees"]
    assert invitees["isMultiSelect"] and invitees["style"] == "compact"
    assert invitees["value"] == "k0,k1,k2,k3,k4"  # everyone preselected
    assert "timelønnede" in card_text(card)
    assert RoundStart.fields() >= set(inputs)
    assert [a["data"] for a in card["actions"]] == [{"verb": "round.start", "left_out": "", "shown": "k0,k1,k2,k3,k4", "page": 0}]


def test_a_300_member_team_is_paged_and_each_page_fits_in_a_message() -> None:
    concept = load_concept("nyborg")
    for lang in LANGS:
        first = setup_card(lang, concept, members=team_of(300))
        assert_valid_card(message_with_card(first, summary="x"))
        inputs = {e["id"]: e for _, e in walk(first) if isinstance(e, dict) and str(e.get("type", "")).startswith("Input.")}
        assert len(inputs["contact"]["choices"]) == 300 and len(inputs["invitees"]["choices"]) == PAGE_SIZE
        assert [a["data"]["verb"] for a in first["actions"]] == ["round.start", "round.setup_page"]
        last = setup_card(lang, concept, members=team_of(300), page=2, left_out=frozenset({"k5", "k250"}))
        assert_valid_card(message_with_card(last, summary="x"))
        inputs = {e["id"]: e for _, e in walk(last) if isinstance(e, dict) and str(e.get("type", "")).startswith("Input.")}
        assert set(inputs) == {"invitees"}  # the first page's answers travel in the buttons' data
        assert "k250" not in inputs["invitees"]["value"].split(",") and "k251" in inputs["invitees"]["value"]
        start = last["actions"][0]["data"]
        assert start["left_out"] == "k5" and start["page"] == 2 and start["deadline"] == "2026-10-02" and start["contact"] == "k0"
        assert [a["data"].get("to_page") for a in last["actions"]] == [None, 1]


def test_setup_error_code_is_translated_and_only_known_codes_are_shown() -> None:
    built = all_cards("da", load_concept("nyborg"))
    assert "Fristen kan senest være torsdag den 17. december 2026." in card_text(built["setup_error_code"])
    assert by_type(built["setup_error_contact"], "Container")[0]["style"] == "attention"
    assert "Vælg kontaktpersonen blandt teamets medlemmer." in card_text(built["setup_error_contact"])
    with pytest.raises(KeyError):  # the card shows the rules' codes, never text passed in
        setup_card("da", load_concept("nyborg"), error="Uventet **fed**")


def test_the_started_card_names_the_deadline_in_words_and_leads_to_the_list() -> None:
    built = all_cards("da", load_concept("nyborg"))
    sending = built["round_started_sending"]
    assert sending["body"][0]["text"] == "Runden er startet – frist fredag den 2. oktober 2026"
    assert "2026-10-02" not in card_text(sending)
    assert "den ene inviterede" in card_text(sending)
    assert [a["data"]["verb"] for a in sending["actions"]][:3] == ["tally.show", "status.show", "invitees.show"]


def test_the_invitation_list_marks_who_answered_and_saves_page_by_page() -> None:
    built = all_cards("da", load_concept("nyborg"))
    card = built["invitees_open"]
    [choices] = [e for _, e in walk(card) if isinstance(e, dict) and e.get("id") == "invited"]
    assert choices["isMultiSelect"] and choices["value"] == "k0,k1,k2,k4"
    assert choices["choices"][0]["title"] == f"Anna {EVIL} (har svaret)"
    assert "1 tilføjet, 2 fjernet" in card_text(card) and "har allerede svaret og bliver på listen" in card_text(card)
    assert [a["data"] for a in card["actions"]] == [{"verb": "invitees.save", "round_id": "r1", "page": 0, "shown": "k0,k1,k2,k3,k4"}]
    middle = built["invitees_300_middle_page"]
    assert [a["data"].get("to_page") for a in middle["actions"]] == [None, 0, 2]
    assert "Side 2 af 3: nr. 101-200 af 300." in card_text(middle)
    closed = built["invitees_closed"]
    assert "actions" not in closed and "Runden er lukket" in card_text(closed)


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


def nomination_form(lang: str = "da", concept_name: str = "nyborg", **kwargs) -> dict:
    values = {"round_id": "r1", "deadline": DEADLINE, "contact_name": "Anna", "named_mode": False, **kwargs}
    return nomination_card(lang, load_concept(concept_name), **values)


def by_id(card: dict) -> dict[str, dict]:
    return {v["id"]: v for _, v in walk(card) if isinstance(v, dict) and "id" in v}


def visible_text(element: object) -> str:
    """The text a person sees before unfolding anything (hidden elements and their children left out)."""
    if isinstance(element, list):
        return "".join(visible_text(e) for e in element)
    if not isinstance(element, dict) or element.get("isVisible") is False:
        return ""
    own = element.get("text", "") if element.get("type") in ("TextBlock", "TextRun") else ""
    return own + "".join(visible_text(element.get(k)) for k in ("body", "items", "inlines", "columns"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("concept_name", ["nyborg", "dtu"])
def test_theme_descriptions_unfold_one_at_a_time_where_people_choose(lang: str, concept_name: str) -> None:
    concept = load_concept(concept_name)
    card = nomination_form(lang, concept_name, workplace_name="Hjemmeplejen Nord")
    ids = by_id(card)
    for action in by_type(card, "Action.ToggleVisibility"):
        assert set(action["targetElements"]) <= set(ids), action  # Teams fails on a target that is not there
    for kind in Kind:
        catalogue = concept.catalogue(kind)
        show, hide, listing = ids[f"{kind.value}_about_show"], ids[f"{kind.value}_about_hide"], ids[f"{kind.value}_about"]
        assert show.get("isVisible", True) and hide["isVisible"] is False and listing["isVisible"] is False
        label = {"da": {"wellbeing": "Læs om trivselstemaerne", "leadership": "Læs om ledelsestemaerne"},
                 "en": {"wellbeing": "About the well-being themes", "leadership": "About the leadership themes"}}[lang][kind.value]
        assert show["actions"][0]["title"] == label
        for theme in (*catalogue.themes, catalogue.own_proposal):
            description = ids[f"{kind.value}_{theme.id}_text"]
            assert description["text"] == theme.description(lang) and description["isVisible"] is False
            row = next(c for c in listing["items"] if c.get("selectAction", {}).get("title") == theme.title(lang))
            assert row["selectAction"]["targetElements"] == [f"{kind.value}_{theme.id}_{s}" for s in ("closed", "open", "text")]
    # Folded, the form shows no description: it is as long as a form without them.
    assert not any(th.description(lang) in visible_text(card) for k in Kind for th in concept.catalogue(k).themes)


def test_the_form_with_every_description_stays_small_in_both_languages() -> None:
    """Measured: Nyborg's full catalogue in Danish is the largest (about 30 KB of the 40 KB)."""
    sizes = {
        (name, lang): wire_size(message_with_card(nomination_form(lang, name, workplace_name="Hjemmeplejen Nord – Ærø 😀",
                                                                  paper_forms=True), summary="x"))
        for name in ("nyborg", "dtu") for lang in LANGS
    }
    assert max(sizes.values()) < 40_000, sizes
    for (name, lang), _ in sizes.items():
        assert_valid_card(nomination_form(lang, name, workplace_name="Hjemmeplejen Nord", paper_forms=True))


@pytest.mark.parametrize("lang", LANGS)
def test_valgfrit_emne_and_valgfrit_tema_read_as_the_same_kind_of_choice(lang: str) -> None:
    concept = load_concept("nyborg")
    inputs = inputs_of(nomination_form(lang))
    own_words = "dit eget forslag" if lang == "da" else "your own proposal"
    for kind in Kind:
        own = concept.catalogue(kind).own_proposal.title(lang)
        chooser = inputs[f"{kind.value}_theme"]
        assert chooser["choices"][-1] == {"title": f"{own} – {own_words}", "value": "own"}
        assert own_words in inputs[f"{kind.value}_own_title"]["label"].casefold() and own in inputs[f"{kind.value}_own_title"]["label"]
    hints = [b["text"] for b in by_type(nomination_form(lang), "TextBlock") if own_words in b["text"]]
    assert len(hints) == 2 and all("»" in h or "“" in h for h in hints)
    if lang == "da":
        assert "»Valgfrit emne«" in hints[0] and "»Valgfrit tema«" in hints[1]


@pytest.mark.parametrize("lang", LANGS)
def test_form_and_receipt_say_whose_dialogue_they_belong_to(lang: str) -> None:
    concept = load_concept("nyborg")
    word = "Arbejdsplads: " if lang == "da" else "Workplace: "
    form = nomination_form(lang, workplace_name=f"Hjemmeplejen {EVIL}")
    receipt = nomination_receipt_card(lang, concept, round_id="r1", nomination=sample_nomination(), deadline=DEADLINE,
                                      can_edit=True, named_mode=False, workplace_name=f"Hjemmeplejen {EVIL}")
    for card in (form, receipt):
        runs = [r["text"] for r in by_type(card, "TextRun")]
        assert runs[:2] == [word, f"Hjemmeplejen {EVIL}"]
    assert "Enhed: " in card_text(nomination_form("da", "dtu", workplace_name="Institut for Kemi"))
    reminder = reminder_card(lang, concept, round_id="r1", deadline=DEADLINE, reminder_number=1, workplace_name=f"Hjemmeplejen {EVIL}")
    assert [r["text"] for r in by_type(reminder, "TextRun")] == [word, f"Hjemmeplejen {EVIL}"]
    assert_valid_card(reminder)
    assert not [r for r in by_type(nomination_form(lang), "TextRun") if r["text"] == word]  # no name, no line


def test_the_receipt_says_what_just_happened() -> None:
    concept = load_concept("nyborg")

    def title(saved: str) -> str:
        return nomination_receipt_card("da", concept, round_id="r1", nomination=sample_nomination(), deadline=DEADLINE,
                                       can_edit=True, named_mode=False, saved=saved)["body"][0]["text"]

    assert title("received") == "Tak – dine temaer er modtaget"
    assert title("changed") == "Dine ændringer er gemt"
    assert title("saved") == "Dit svar er gemt"
    assert title("shown") == "Dine temaer"


def test_an_answer_from_a_paper_form_is_marked_on_the_colleagues_receipt() -> None:
    concept = load_concept("nyborg")
    card = nomination_receipt_card("da", concept, round_id="r1", nomination=sample_nomination(), deadline=DEADLINE,
                                   can_edit=True, named_mode=False, entered_by_name=f"Anna {EVIL}")
    assert ["Indtastet fra dit papirskema af ", f"Anna {EVIL}"] in [[r["text"] for r in b["inlines"]] for b in by_type(card, "RichTextBlock")]
    assert "Dit eget svar erstatter papirskemaet" in card_text(card)
    assert [a["data"]["verb"] for a in card["actions"]] == ["nomination.edit"]  # the colleague may answer themselves


def test_the_contact_persons_form_and_receipt_carry_the_paper_form_button_only_while_open() -> None:
    concept = load_concept("nyborg")
    assert [a["data"] for a in nomination_form(paper_forms=True)["actions"]][1] == {"verb": "nomination.paper.open", "round_id": "r1"}
    assert len(nomination_form()["actions"]) == 1

    def receipt(can_edit: bool) -> dict:
        return nomination_receipt_card("da", concept, round_id="r1", nomination=sample_nomination(), deadline=DEADLINE,
                                       can_edit=can_edit, named_mode=False, paper_forms=True)

    assert [a["title"] for a in receipt(True)["actions"]] == ["Ret", "Indtast et papirskema"]
    assert "actions" not in receipt(False)


@pytest.mark.parametrize("lang", LANGS)
def test_a_paper_form_is_the_same_form_for_the_colleague_named(lang: str) -> None:
    colleague = Invitee("r1", "29:bo", f"Bo {EVIL}")
    card = nomination_form(lang, workplace_name="Hjemmeplejen Nord", paper_for=colleague, previous=sample_nomination())
    assert set(inputs_of(card)) == set(FORM_FIELDS)
    assert card["actions"] == [{"type": "Action.Submit", "title": t(lang, "action.paper.save"), "style": "positive",
                                "data": {"verb": "nomination.paper.submit", "round_id": "r1", "colleague": "29:bo"}}]
    assert [t(lang, "paper.form.for") + " ", f"Bo {EVIL}"] in [[r["text"] for r in b["inlines"]] for b in by_type(card, "RichTextBlock")]
    assert t(lang, "nomination.who.title") not in card_text(card)  # that section speaks to the colleague, not to you
    values = {field: element.get("value", "") for field, element in inputs_of(card).items()}
    assert parse_nomination(load_concept("nyborg"), values) == sample_nomination()


def test_the_colleague_chooser_marks_forms_to_correct_and_stays_small_for_a_big_workplace() -> None:
    concept = load_concept("nyborg")
    people = [Invitee("r1", f"29:{'x' * 60}{i:04d}", f"Medarbejder Ærøsen {i} 😀") for i in range(2000)]
    card = paper_chooser_card("da", concept, round_id="r1", workplace_name="Hjemmeplejen Nord", candidates=people,
                              entered={people[0].user_id})
    chooser = inputs_of(card)["colleague"]
    assert chooser["isRequired"] and chooser["style"] == "filtered"
    assert chooser["choices"][0] == {"title": "Medarbejder Ærøsen 0 😀 (papirskema – ret)", "value": people[0].user_id}
    assert wire_size(message_with_card(card, summary="x")) < 40_000
    shown = len(chooser["choices"])
    assert 100 < shown < 2000 and f"{2000 - shown} kolleger er ikke med på listen" in card_text(card)
    assert card["actions"][0]["data"] == {"verb": "nomination.paper.choose", "round_id": "r1"}
    small = paper_chooser_card("da", concept, round_id="r1", workplace_name="", candidates=people[:3], entered=set())
    assert inputs_of(small)["colleague"]["style"] == "compact" and "ikke med på listen" not in card_text(small)


def test_the_paper_receipt_leads_to_the_correction_and_the_next_form() -> None:
    concept = load_concept("nyborg")
    colleague = Invitee("r1", "29:bo", "Bo Bæk")
    card = paper_receipt_card("da", concept, round_id="r1", workplace_name="Hjemmeplejen Nord", colleague=colleague,
                              nomination=sample_nomination(), deadline=DEADLINE, changed=False)
    assert card["body"][0]["text"] == "Papirskemaet er gemt"
    assert [a["data"] for a in card["actions"]] == [
        {"verb": "nomination.paper.choose", "round_id": "r1", "colleague": "29:bo"},
        {"verb": "nomination.paper.open", "round_id": "r1"},
    ]
    assert "fredag den 2. oktober 2026" in card_text(card)
    changed = paper_receipt_card("en", concept, round_id="r1", workplace_name="", colleague=colleague,
                                 nomination=sample_nomination(), deadline=DEADLINE, changed=True)
    assert changed["body"][0]["text"] == "The correction has been saved"


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


def reasons_of(card: dict) -> list[str]:
    """The texts of the TextRuns a card shows, in order (reasons are shown only in TextRuns)."""
    return [run["text"] for run in by_type(card, "TextRun")]


def reason_pages_of(lang: str, concept: Concept, result, kind: Kind) -> list[dict]:
    """Every page of a kind's reasons, as the page cards' own buttons lead through them."""
    cards, page = [], 1
    while True:
        page_card = tally_reasons_card(lang, concept, result, kind=kind, page=page, deadline=DEADLINE, is_open=True)
        cards.append(page_card)
        following = [a["data"] for a in by_type(page_card, "Action.Submit") if a["data"]["page"] == page + 1]
        if not following:
            return cards
        page += 1


def long_answers(concept: Concept, *, people: int = 60, chars: int = 500, named: bool = True):
    """``people`` answers spread over every theme, each reason unique and ``chars`` long, with æøå and emoji."""
    wellbeing = [theme.id for theme in concept.catalogue(Kind.WELLBEING).themes]
    leadership = [theme.id for theme in concept.catalogue(Kind.LEADERSHIP).themes]
    own = concept.catalogue(Kind.WELLBEING).own_proposal.id

    def text(label: str, i: int) -> str:
        return (f"{label} {i:03d}: " + "Vi skal tale om det 😀 – på tværs af afdelinger, ÆØÅ og æøå. " * 20)[:chars]

    records = []
    for i in range(people):
        wb, ld = wellbeing[i % len(wellbeing)], leadership[i % 3]
        nomination = NominationInput(
            ThemeChoice(Kind.WELLBEING, wb, f"Eget forslag {i % 4}" if wb == own else None, text("Trivsel", i), text("Opgave T", i)),
            ThemeChoice(Kind.LEADERSHIP, ld, None, text("Ledelse", i), text("Opgave L", i)),
        )
        records.append(NominationRecord(f"u{i}", f"Medarbejder Ærøsen {i} 😀", nomination, SUBMITTED,
                                        entered_by="u-contact" if i % 10 == 0 else None))
    return tally(concept, records, round_id="r1", invited=people + 5, named_mode=named)


@pytest.mark.parametrize("lang", LANGS)
def test_every_one_of_60_long_reasons_is_on_exactly_one_page_and_every_card_fits(lang: str) -> None:
    concept = load_concept("nyborg")
    result = long_answers(concept)
    main = tally_card(lang, concept, result, deadline=DEADLINE, is_open=True)
    assert_valid_card(message_with_card(main, summary="Optælling"))
    assert t(lang, "tally.truncated") in card_text(main)
    for kind, label in ((Kind.WELLBEING, "Trivsel"), (Kind.LEADERSHIP, "Ledelse")):
        pages = reason_pages_of(lang, concept, result, kind)
        assert len(pages) > 1
        shown: list[str] = []
        for number, page in enumerate(pages, start=1):
            assert_valid_card(message_with_card(page, summary="Begrundelser"))
            says = card_text(page)
            assert t(lang, "tally.page.of", page=number, pages=len(pages)) in says
            # Every card says whether there is more, and the button to it is on the card.
            assert t(lang, "tally.page.more" if number < len(pages) else "tally.page.last") in says
            shown += reasons_of(page)
        expected = [r.why_me for theme in result.kinds[kind].themes for r in theme.reasons]
        expected += [r.core_task for theme in result.kinds[kind].themes for r in theme.reasons]
        assert len(expected) == 120
        for reason in expected:
            assert shown.count(reason) == 1, reason[:20]
        assert sum(1 for text in shown if text.startswith(label)) == 60


@pytest.mark.parametrize("lang", LANGS)
def test_every_tally_button_carries_only_the_round_the_kind_and_a_page(lang: str) -> None:
    concept = load_concept("nyborg")
    result = long_answers(concept)
    cards = [tally_card(lang, concept, result, deadline=DEADLINE, is_open=True)]
    cards += reason_pages_of(lang, concept, result, Kind.WELLBEING)
    buttons = [a["data"] for c in cards for a in by_type(c, "Action.Submit")]
    assert {b["verb"] for b in buttons} == {"tally.reasons", "tally.reasons.page"}
    for data in buttons:
        assert set(data) == {"verb", "round_id", "kind", "page"} and data["round_id"] == "r1"
        payload, verb = REGISTRY.parse(data, concept)
        assert verb.payload is type(payload)
    for forged in ({"page": 0}, {"page": "2"}, {"kind": "both"}, {"round_id": "r1; drop"}, {"theme": "x"}):
        with pytest.raises(PayloadRejected):
            REGISTRY.parse({"verb": "tally.reasons", "round_id": "r1", "kind": "wellbeing", "page": 1, **forged}, concept)


@pytest.mark.parametrize("lang", LANGS)
def test_a_theme_whose_reasons_do_not_all_fit_points_to_the_page_where_the_rest_begin(lang: str) -> None:
    concept = load_concept("nyborg")
    result = long_answers(concept)
    main = tally_card(lang, concept, result, deadline=DEADLINE, is_open=True)
    for kind in Kind:
        laid_out = reason_pages(concept, result, kind)
        for index, entry in enumerate(laid_out.themes):
            rows = [c for c in by_type(main, "Container") if c.get("id") == f"reasons-{kind.value}-{index}"]
            shown = sum(1 for item in rows[0]["items"] if item["type"] == "Container") if rows else 0
            if shown == len(entry.reasons):
                continue
            more = t(lang, "tally.more_reasons", page=laid_out.page_of(index, shown), pages=len(laid_out.pages))
            scopes = [c for c in by_type(main, "Container") if c.get("id") == f"theme-{kind.value}-{index}"]
            if not scopes:  # a theme below the tally's list is reached by "Alle begrundelser"
                continue
            scope = scopes[0]
            button = next((a for a in by_type(scope, "Action.Submit") if a["title"] == more and a["data"]["kind"] == kind.value), None)
            assert button is not None, (kind, index)
            page = tally_reasons_card(lang, concept, result, kind=kind, page=button["data"]["page"], deadline=DEADLINE, is_open=True)
            assert entry.reasons[shown].why_me in reasons_of(page)
            if rows:
                assert t(lang, "tally.reasons.partial", shown=shown, total=len(entry.reasons)) in card_text(rows[0])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("distinct_own", [False, True], ids=["shared-themes", "300-own-proposals"])
def test_tally_of_300_long_reasons_stays_under_40_kb_and_leads_to_every_reason(lang: str, distinct_own: bool) -> None:
    concept = load_concept("nyborg")
    big = huge_tally(concept, distinct_own=distinct_own)
    card = tally_card(lang, concept, big, deadline=DEADLINE, is_open=False)
    assert_valid_card(message_with_card(card, summary="Optælling"))
    assert wire_size(message_with_card(card, summary="Optælling")) < 40_000
    text = card_text(card)
    assert t(lang, "tally.truncated") in text
    for kind in Kind:
        pages = reason_pages(concept, big, kind).pages
        assert sum(len(page) for page in pages) == 300
        all_reasons = [a["data"] for a in by_type(card, "Action.Submit") if a["data"].get("kind") == kind.value and a["data"]["page"] == 1
                       and a["title"] == t(lang, "tally.all_reasons", kind=concept.catalogue(kind).label(lang), count=len(pages))]
        assert all_reasons, kind
    if distinct_own:
        assert any(t(lang, "tally.more_rows", count=hidden) in text for hidden in range(270, 300))


def test_tally_spreads_reasons_breadth_first_over_themes() -> None:
    concept = load_concept("nyborg")
    card = tally_card("da", concept, huge_tally(concept), deadline=DEADLINE, is_open=True)
    shown = [sum(1 for item in c["items"] if item["type"] == "Container")
             for c in by_type(card, "Container") if str(c.get("id", "")).startswith("reasons-")]
    assert min(shown) >= 1 and max(shown) - min(shown) <= 1


def test_show_reasons_turns_into_hide_reasons() -> None:
    """A toggle cannot rename itself: "Vis" and "Skjul" are two action sets that swap places."""
    concept = load_concept("nyborg")
    card = tally_card("da", concept, sample_tally(concept, named=False), deadline=DEADLINE, is_open=True)
    sets = {s["id"]: s for s in by_type(card, "ActionSet") if "id" in s}
    show, hide = sets["show-wellbeing-0"], sets["hide-wellbeing-0"]
    assert show["actions"][0]["title"].startswith("Vis begrundelser") and show.get("isVisible", True)
    assert hide["actions"][0]["title"] == "Skjul begrundelser" and hide["isVisible"] is False
    targets = {"reasons-wellbeing-0", "show-wellbeing-0", "hide-wellbeing-0"}
    assert set(show["actions"][0]["targetElements"]) == set(hide["actions"][0]["targetElements"]) == targets
    assert t("en", "tally.hide_reasons") == "Hide reasons"


def test_the_chart_counts_whole_people_and_long_titles_cannot_squeeze_it() -> None:
    concept = load_concept("nyborg")
    result = long_answers(concept, people=3)
    for lang in LANGS:
        card = tally_card(lang, concept, result, deadline=DEADLINE, is_open=True)
        for chart in by_type(card, "Chart.HorizontalBar"):
            # No axis: Teams' axis has six ticks up to the largest count (0.5, 1.5 … for 3).
            assert chart["displayMode"] == "AbsoluteNoAxis"
            assert all(type(point["y"]) is int for point in chart["data"])
            assert all(len(point["x"]) <= 60 for point in chart["data"])
            values = [fact["value"] for fact in chart["fallback"]["facts"]]
            assert all(value.split()[-1].isdigit() for value in values)
    titles = [p["x"] for c in by_type(tally_card("da", concept, result, deadline=DEADLINE, is_open=True), "Chart.HorizontalBar")
              for p in c["data"]]
    assert "Forudsigelighed, tydelighed og kommunikation" in titles or len(result.kinds[Kind.WELLBEING].themes[0].reasons) < 3
    long_title = "Et meget langt eget forslag om " + "mødekultur og samarbejde på tværs " * 8
    records = [NominationRecord("u1", "Bo", NominationInput(
        ThemeChoice(Kind.WELLBEING, "own", long_title, "a", "b"), ThemeChoice(Kind.LEADERSHIP, "own", long_title, "c", "d")), SUBMITTED)]
    card = tally_card("da", concept, tally(concept, records, round_id="r1", invited=1, named_mode=False), deadline=DEADLINE, is_open=True)
    assert_valid_card(card)
    for chart in by_type(card, "Chart.HorizontalBar"):
        assert long_title[:20] not in card_text(chart)  # own proposals share one bar, typed titles stay off the chart
    assert long_title[:199].rstrip() in card_text(card)  # the list below holds the title


def test_a_paper_form_is_marked_in_named_mode_and_not_in_anonymous_mode() -> None:
    concept = load_concept("nyborg")
    for lang, mark in (("da", "(papirskema)"), ("en", "(paper form)")):
        named = tally_card(lang, concept, long_answers(concept, people=12), deadline=DEADLINE, is_open=True)
        page = tally_reasons_card(lang, concept, long_answers(concept, people=12), kind=Kind.WELLBEING, page=1,
                                  deadline=DEADLINE, is_open=True)
        assert mark in reasons_of(named) or " " + mark in reasons_of(named)
        assert any(mark in text for text in reasons_of(page))
        anonymous = long_answers(concept, people=12, named=False)
        for card in (tally_card(lang, concept, anonymous, deadline=DEADLINE, is_open=True),
                     tally_reasons_card(lang, concept, anonymous, kind=Kind.WELLBEING, page=1, deadline=DEADLINE, is_open=True)):
            assert mark not in card_text(card) and "Medarbejder" not in card_text(card)


def test_a_page_past_the_end_shows_the_last_page_and_says_why() -> None:
    concept = load_concept("nyborg")
    result = long_answers(concept)
    last = len(reason_pages(concept, result, Kind.LEADERSHIP).pages)
    card = tally_reasons_card("da", concept, result, kind=Kind.LEADERSHIP, page=last + 5, deadline=DEADLINE, is_open=True)
    assert t("da", "tally.page.moved") in card_text(card) and t("da", "tally.page.of", page=last, pages=last) in card_text(card)
    empty = tally(concept, [], round_id="r1", invited=3, named_mode=False)
    none = tally_reasons_card("en", concept, empty, kind=Kind.WELLBEING, page=1, deadline=DEADLINE, is_open=True)
    assert t("en", "tally.page.none") in card_text(none) and not by_type(none, "Action.Submit")


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


def status_facts(card: dict) -> dict[str, str]:
    return {fact["title"]: fact["value"] for fact in by_type(card, "FactSet")[0]["facts"]}


UNREACHABLE = ((f"Carl {EVIL}", "blocked"), ("Dorte", "not_found"), ("Erik", "not_installed"), ("Frida", "failed"),
               ("Gorm", "mystery"))


def test_status_names_unreachable_people_with_reasons_in_words() -> None:
    card = status_card("da", sample_status(unreachable=UNREACHABLE))
    text = card_text(card)
    for words in ("har blokeret TalSammen", "kunne ikke findes i Teams", "har ikke TalSammen installeret",
                  "beskeden kunne ikke sendes", "ukendt årsag"):
        assert words in text
    assert "17 af 23" in text


@pytest.mark.parametrize(("lang", "expected"), [
    ("da", {
        "step": "Trin 3: Medarbejderne vælger temaer",
        "Frist": "fredag den 2. oktober 2026",
        "Tid tilbage": "6 arbejdsdage (8 dage i alt), i dag medregnet",
        "Svar": "17 af 23, heraf 2 på papir",
        "Skemaet i Teams": "20 leveret, 1 venter, 2 kunne ikke leveres",
        "Påmindelser sendt": "1",
        "Næste påmindelse": "mandag den 28. september 2026",
        "contact": "Kontaktperson: ",
        "next": "Herefter",
    }),
    ("en", {
        "step": "Step 3: Employees choose themes",
        "Deadline": "Friday 2 October 2026",
        "Time left": "6 working days (8 days in all), today included",
        "Answers": "17 of 23, of whom 2 on paper",
        "The form in Teams": "20 delivered, 1 waiting, 2 could not be delivered",
        "Reminders sent": "1",
        "Next reminder": "Monday 28 September 2026",
        "contact": "Contact person: ",
        "next": "What comes next",
    }),
])
def test_status_says_what_a_planning_group_needs_to_run_the_round(lang: str, expected: dict[str, str]) -> None:
    card = status_card(lang, sample_status())
    facts = status_facts(card)
    for title, value in expected.items():
        if title not in ("step", "contact", "next"):
            assert facts[title] == value, title
    text = card_text(card)
    assert expected["step"] in text and expected["next"] in text
    contact = [b for b in by_type(card, "RichTextBlock") if b["inlines"][0]["text"] == expected["contact"]]
    assert contact and contact[0]["inlines"][1]["text"] == f"Anna {EVIL}"  # a TextRun: inert
    assert "2026-" not in text  # no ISO date a person reads
    assert card["actions"][0]["data"] == {"verb": "tally.show"}


@pytest.mark.parametrize("lang", LANGS)
def test_status_time_left_in_words(lang: str) -> None:
    def left(**changes: object) -> str:
        return list(status_facts(status_card(lang, sample_status(**changes))).values())[1]

    da = lang == "da"
    assert left(time_left=TimeLeft(1, 1)) == ("I dag er sidste dag" if da else "Today is the last day")
    assert left(time_left=TimeLeft(2, 1)) == ("1 arbejdsdag (2 dage i alt), i dag medregnet" if da
                                               else "1 working day (2 days in all), today included")
    assert left(time_left=TimeLeft(0, 0)) == ("Fristen er udløbet" if da else "The deadline has passed")
    early = left(time_left=TimeLeft(0, 0), closed_early_on=date(2026, 9, 30))
    assert early == ("Runden blev lukket før fristen, onsdag den 30. september 2026" if da
                     else "The round was closed before the deadline, on Wednesday 30 September 2026")


@pytest.mark.parametrize("lang", LANGS)
def test_status_after_the_deadline_points_to_the_tally(lang: str) -> None:
    card = status_card(lang, sample_status(step=StepId.TALLY, time_left=TimeLeft(0, 0), next_reminder=None))
    text = card_text(card)
    assert ("Trin 4: Planlægningsgruppen udvælger temaer" if lang == "da" else "Step 4: The planning group selects themes") in text
    assert ("Se optællingen" if lang == "da" else "See the tally") in text
    assert status_facts(card)["Næste påmindelse" if lang == "da" else "Next reminder"] == (
        "Ingen planlagt" if lang == "da" else "None planned")
    # Nominations are over: step 4's selection comes first, the tally right after it.
    assert [a["data"] for a in card["actions"][:2]] == [{"verb": "selection.show"}, {"verb": "tally.show"}]


def test_every_step_has_a_label_in_both_languages() -> None:
    from bot.cards.status import step_label
    from bot.process.dialogue import STEPS
    for s in STEPS:
        assert step_label("da", s) and step_label("en", s) and step_label("da", s) != step_label("en", s)


@pytest.mark.parametrize("lang", LANGS)
def test_status_of_300_with_100_unreachable_stays_small(lang: str) -> None:
    long_name = "Margrethe Alexandrine Þórhildur Ingrid Skovgaard-Christensen"
    many = status_card(lang, sample_status(
        answers=Answers(150, 40, 300), deliveries=Deliveries(190, 10, 100),
        unreachable=tuple((f"{long_name} {i}", "blocked" if i % 2 else "ConversationNotFound") for i in range(100)),
    ))
    assert ("+ 50 flere" if lang == "da" else "+ 50 more") in card_text(many)
    assert len([b for b in by_type(many, "RichTextBlock") if b["inlines"][0]["text"].startswith(long_name)]) == 50
    assert_valid_card(many)
    assert wire_size(many) < 40_000


def test_reminder_carries_the_way_to_the_form() -> None:
    card = reminder_card("da", load_concept("nyborg"), round_id="r1", deadline=DEADLINE, reminder_number=2)
    assert card["actions"][0]["data"] == {"verb": "nomination.open", "round_id": "r1"}
    assert "fredag den 2. oktober 2026" in card_text(card)



def test_every_typed_command_has_a_button_on_some_card() -> None:
    """No dead ends: what can be typed can be pressed, on a card the bot sends before it."""
    pressed = {
        action["data"]["verb"]
        for lang in ("da", "en") for concept in ("nyborg", "dtu") for card in all_cards(lang, load_concept(concept)).values()
        for action in by_type(card, "Action.Submit")
    }  # DTU's cards too: choosing one of its dialogues (selection.kind) is a DTU step
    typed = {command.payload.VERB for command in REGISTRY.ordered_commands}
    assert typed <= pressed, typed - pressed


def test_the_groups_post_mentions_everyone_and_only_a_mention_shaped_msteams_key_passes() -> None:
    """Teams needs the mentions under ``msteams`` (outside the 1.5 schema): checked on their own, then removed."""
    card = all_cards("da", load_concept("nyborg"))["groups_post_60"]
    entities = card["msteams"]["entities"]
    assert {e["mentioned"]["id"] for e in entities} == set(PEOPLE60[:-2])  # the two absent are not seated
    assert all("**" not in e["text"] and "[" not in e["text"] for e in entities)  # the tag Teams shows carries no markup
    assert_valid_card(card)
    forged = [
        {**card, "msteams": {**card["msteams"], "other": 1}},
        {**card, "msteams": {"entities": [{**entities[0], "type": "hashtag"}]}},
        {**card, "msteams": {"entities": [{**entities[0], "text": "Anna"}]}},
        {**card, "msteams": {"entities": [{**entities[0], "text": "<at>Ikke på kortet</at>"}]}},
        {**card, "msteams": {"entities": [{**entities[0], "mentioned": {"id": "29:x"}}]}},
        {**card, "msteams": {"width": "Half"}},
    ]
    for wrong in forged:
        with pytest.raises(AssertionError):
            assert_valid_card(wrong)
    assert_valid_card({**card, "msteams": {**card["msteams"], "width": "Full"}})


def _all_pages(lang: str, build) -> list[dict]:  # noqa: ANN001
    """Every page of a paged card, following its "Næste side" button from the first."""
    pages = [build(0)]
    while (turn := [a["data"]["page"] for a in pages[-1].get("actions", []) if a.get("title") == t(lang, "list.next")]):
        assert turn == [len(pages)] and len(pages) < 100
        pages.append(build(turn[0]))
    return pages


def test_a_day_of_300_people_is_paged_with_every_group_and_name_reachable_and_each_page_under_40_kb() -> None:
    concept = load_concept("nyborg")
    saved = sample_grouping(PEOPLE300)
    views = views_300(concept)
    people = [p for g in saved.grouping.wellbeing for p in g]
    view = GroupingView("d1", saved, NAMES300, PeopleChange((), ()), DAY)
    for lang in ("da", "en"):
        paged = {
            "grouping": _all_pages(lang, lambda n: grouping_card(lang, view, page=n)),
            "post": _all_pages(lang, lambda n: groups_post_card(lang, dialogue_id="d1", grouping=saved.grouping, names=NAMES300, day=DAY, page=n)),
            "plenum": _all_pages(lang, lambda n: plenum_card(lang, concept, dialogue_id="d1", view=views[1][0], theme=None, can_post=True,
                                                       page=n)),
            "plenum_post": _all_pages(lang, lambda n: plenum_post_card(lang, concept, views=views, day=None, dialogue_id="d1", page=n)),
        }
        for name, pages in paged.items():
            assert len(pages) > 1, name
            for number, page in enumerate(pages, start=1):
                assert_valid_card(page)
                assert wire_size(page) < 40_000, (name, number)
                assert t(lang, "plenum.page", page=number, pages=len(pages)) in json.dumps(page, ensure_ascii=False), name
        shown = "".join(json.dumps(p, ensure_ascii=False) for p in paged["grouping"])
        assert all(shown.count(json.dumps(NAMES300[p], ensure_ascii=False)[1:-1]) >= 2 for p in people)  # in both rounds
        mentioned = [e["mentioned"]["id"] for p in paged["post"] for e in p["msteams"]["entities"]]
        assert sorted(set(mentioned)) == sorted(people)
        posted = "".join(json.dumps(p, ensure_ascii=False) for p in paged["plenum_post"])
        for view_, _ in views:
            for result in view_.results:
                for entry in result.key_points + result.desired_actions:
                    for line in entry.split("\n"):  # whole, never shortened (a line is a block of its own)
                        assert json.dumps(line, ensure_ascii=False)[1:-1] in posted
        plenum_text = "".join(json.dumps(p, ensure_ascii=False) for p in paged["plenum"])
        assert all(json.dumps(r.key_points[0].split("\n")[-1], ensure_ascii=False)[1:-1] in plenum_text
                   and json.dumps(r.desired_actions[1].split("\n")[0], ensure_ascii=False)[1:-1] in plenum_text for r in views[1][0].results)
        assert t(lang, "plenum.missing", groups="2") in json.dumps(paged["plenum"][-1], ensure_ascii=False)


def test_the_absentee_card_of_300_people_is_paged_with_everyone_once_and_every_tick_carried() -> None:
    people = [(p, NAMES300[p]) for p in PEOPLE300]
    keys = absentee_keys(PEOPLE300)
    absent = set(PEOPLE300[::7])
    for lang in ("da", "en"):
        pages = _all_pages(lang, lambda n: absentees_card(lang, dialogue_id="d1", version=3, people=people, absent=absent,
                                                          first_held=False, page=n))
        assert len(pages) > 1
        choices = []
        for number, page in enumerate(pages, start=1):
            assert_valid_card(page)
            assert wire_size(page) < 40_000, number
            assert t(lang, "list.page", page=number, pages=len(pages), first=len(choices) + 1,
                     last=len(choices) + ABSENTEES_PER_PAGE if number < len(pages) else 300, total=300) in json.dumps(page, ensure_ascii=False)
            choice_set = next(e for e in page["body"] if e.get("type") == "Input.ChoiceSet")
            on_page = [c["value"] for c in choice_set["choices"]]
            assert set(split_keys(choice_set["value"])) == {keys[p] for p in absent if keys[p] in on_page}
            for action in page["actions"]:  # every button carries the page shown and the ticks of all pages
                assert split_keys(action["data"]["shown"]) == on_page
                assert set(split_keys(action["data"]["marked"])) == {keys[p] for p in absent}
            choices += on_page
        assert sorted(choices) == sorted(keys.values())  # everyone once, by key: no Teams id on the card
        assert not any(p in json.dumps(pages) for p in PEOPLE300)
