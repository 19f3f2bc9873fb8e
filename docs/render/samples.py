"""The cards the guides show, built by the bot's own card functions from a small sample workplace.

``scripts/render_cards.py`` draws these as PNGs (docs/img/<lang>/<name>.png) and records a hash of
each card's JSON; tests/test_docs.py builds them again and fails if a picture is older than the
card the bot sends today. The sample is "Hjemmeplejen Nord" in the Playground's mock tenant.
What people type is in the picture's language, as it would be in a real workplace.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timezone

from bot.cards import help_card, nomination_card, nomination_receipt_card, reminder_card, round_setup_card, \
    round_started_card, status_card, tally_card, team_welcome_card
from bot.cards.development_plan import plan_card
from bot.cards.evaluation import evaluation_card
from bot.cards.everyday_example import preparation_card
from bot.cards.follow_up import follow_up_card
from bot.cards.group_results import plenum_card, results_form_card
from bot.cards.committee_overview import overview_card
from bot.cards.grouping import GroupingView, grouping_card
from bot.cards.hr_overview import hr_overview_card
from bot.cards.invitation import day_form_card, invitation_card
from bot.cards.leader_loop import leader_card
from bot.cards.organisation import committee_card, link_card, submission_card
from bot.cards.paper_form import paper_chooser_card
from bot.cards.plan import SetupForm
from bot.cards.run_sheet import run_sheet_card
from bot.cards.selection import selection_card
from bot.cards.send_on import send_on_card
from bot.concepts import load_concept
from bot.dialogs.router import REGISTRY
from bot.process.concept import Concept, Kind
from bot.process.development_plan import DevelopmentPlan, Initiative, Level, Milestone, Phase
from bot.process.dialogue import Role, StepId, step as dialogue_step
from bot.process.everyday_example import ExampleNotes, Preparation
from bot.process.follow_up import Status, StatusEntry
from bot.process.group_results import GroupResult, PlenumView
from bot.process.grouping import PeopleChange, SavedGrouping, form_groups
from bot.process.hr_overview import FollowUpInputs, hr_overview
from bot.process.invitation import DialogueDay
from bot.process.leader_loop import DevelopmentArea, LeaderLoop
from bot.process.nomination import Invitee, NominationInput, ThemeChoice
from bot.process.organisation import KIND_COMMITTEE, KIND_HR, Committee, Submission, SubmittedInitiative, SubmittedTheme, \
    overview as committee_view
from bot.process.people import Member
from bot.process.run_sheet import run_sheet_for
from bot.process.selection import ChosenTheme, Selection, SelectionInput
from bot.process.status import Answers, Deliveries, RoundStatus, TimeLeft, next_step
from bot.process.tally import NominationRecord, tally
from bot.process.workplace import Workplace

WORKPLACE = "Hjemmeplejen Nord"
DEADLINE = date(2026, 9, 4)
SUBMITTED = datetime(2026, 8, 27, 8, 0, tzinfo=timezone.utc)
CHOSEN_AT = datetime(2026, 9, 8, 9, 30, tzinfo=timezone.utc)
DAY = DialogueDay(date(2026, 9, 29), time(8, 0), place="Mødelokalet, Havnegade 12")
NAMES = ["Mette Holm", "Jonas Berg", "Sara Nielsen", "Ali Hassan", "Karen Dahl", "Peter Lund", "Line Friis", "Omar Saleh",
         "Eva Krogh", "Niels Bak", "Hanne Juul", "Tobias Møller"]
PEOPLE = {f"29:{i}": name for i, name in enumerate(NAMES)}


def w(lang: str, da: str, en: str) -> str:
    """What a person typed, in the picture's language."""
    return da if lang == "da" else en


def nomination(lang: str, i: int = 0) -> NominationInput:
    wellbeing = ("social-support-trust",) * 5 + ("predictability-clarity-communication",) * 3 + ("balance-energy",) * 4
    wellbeing = wellbeing[i]
    leadership = ("shared-direction-goals", "communication-collaboration-culture")[i % 2]
    return NominationInput(
        ThemeChoice(Kind.WELLBEING, wellbeing, None,
                    why_me=w(lang, "Vi har travlt og hjælper ikke altid hinanden.", "We are busy and do not always help each other."),
                    core_task=w(lang, "Borgerne mærker det, når vi står sammen.", "The citizens notice when we stand together.")),
        ThemeChoice(Kind.LEADERSHIP, leadership, None,
                    why_me=w(lang, "Jeg vil gerne vide, hvor vi er på vej hen.", "I would like to know where we are heading."),
                    core_task=w(lang, "Fælles mål gør prioriteringerne lettere.", "Shared goals make priorities easier.")),
    )


def selection(concept: Concept, lang: str) -> Selection:
    return Selection("d1", SelectionInput(
        ChosenTheme(Kind.WELLBEING, "social-support-trust", None,
                    w(lang, "Flest stemmer, og vi hører det hver dag.", "Most nominations, and we hear it every day."), nominations=5),
        ChosenTheme(Kind.LEADERSHIP, "shared-direction-goals", None,
                    w(lang, "Næstflest stemmer og lederens eget ønske.", "Second most nominations and the leader's own wish."),
                    nominations=4),
    ), chosen_by="29:0", chosen_at=CHOSEN_AT, announced_at=CHOSEN_AT)


def plan(lang: str) -> DevelopmentPlan:
    initiative = Initiative(
        "i1", w(lang, "Makkerordning på travle dage", "A buddy scheme on busy days"),
        why=w(lang, "Det ønskede flest grupper i begge runder.", "Most groups asked for it in both rounds."),
        actions=(w(lang, "Makkerpar på vagtplanen", "Buddy pairs on the rota"),
                 w(lang, "Kort tjek-ind ved morgenmødet", "A short check-in at the morning meeting")),
        milestones=(Milestone("m1", Phase.PLANNING, w(lang, "Makkerpar aftalt", "Buddy pairs agreed"), date(2026, 10, 30)),
                    Milestone("m2", Phase.EXECUTION, w(lang, "Første måned prøvet", "First month tried"), date(2026, 12, 1)),
                    Milestone("m3", Phase.EVALUATION, w(lang, "Evalueret på personalemødet", "Evaluated at the staff meeting"),
                              date(2027, 3, 1))),
        follow_up=w(lang, "På personalemødet efter 3 og 6 måneder.", "At the staff meeting after 3 and 6 months."),
        owner_id="29:2", owner_name="Sara Nielsen",
        communication=w(lang, "Status i kanalen hver måned.", "Progress in the channel every month."),
        iglo=((Level.INDIVIDUAL, w(lang, "Spørg din makker", "Ask your buddy")),
              (Level.GROUP, w(lang, "Tjek-ind hver morgen", "Check in every morning")),
              (Level.LEADERSHIP, w(lang, "Plads i vagtplanen", "Room in the rota")),
              (Level.ORGANISATION, w(lang, "Vikardækning ved sygdom", "Temp cover when people are ill"))),
        needs_organisation=True, ask=w(lang, "Vikardækning ved sygdom", "Temp cover when people are ill"))
    return DevelopmentPlan("d1", (initiative,), version=3, edited_by="29:0", edited_at=CHOSEN_AT, adopted_at=CHOSEN_AT,
                           adopted_by="29:0", adopted_version=3, announced_version=3)


def cards(lang: str, concept: Concept | None = None) -> dict[str, dict]:
    """The guides' cards in ``lang``: name -> the Adaptive Card the bot sends."""
    concept = concept or load_concept("nyborg")
    return {name: build(lang, concept) for name, build in BUILDERS.items()}


def _tally(concept: Concept, lang: str):
    records = [NominationRecord(user, name, nomination(lang, i), SUBMITTED) for i, (user, name) in enumerate(PEOPLE.items())
               if i < 9]
    return tally(concept, records, round_id="r1", invited=len(PEOPLE), named_mode=False)


def _grouping_view() -> GroupingView:
    saved = SavedGrouping("d1", form_groups(PEOPLE, seed="d1"), absent=frozenset(), first_held=False, version=1,
                          formed_by="29:0", formed_at=CHOSEN_AT)
    return GroupingView("d1", saved, PEOPLE, PeopleChange((), ()), DAY)


def _plenum(lang: str) -> PlenumView:
    points = ((w(lang, "Vi savner tid til at spørge hinanden", "We lack time to ask each other"),
               w(lang, "Nye kolleger føler sig alene", "New colleagues feel alone")),
              (w(lang, "Makkerordning på travle dage", "A buddy scheme on busy days"),
               w(lang, "Fast tjek-ind om morgenen", "A fixed check-in in the morning")))
    return PlenumView(Kind.WELLBEING, tuple(GroupResult("d1", Kind.WELLBEING, n, *points, "29:0", CHOSEN_AT, version=1)
                                            for n in (1, 2)), (3,))


def _status() -> RoundStatus:
    now = dialogue_step(StepId.NOMINATION)
    return RoundStatus(step=now, next_step=next_step(now), deadline=DEADLINE, time_left=TimeLeft(8, 6), closed_early_on=None,
                       answers=Answers(9, 1, 12), deliveries=Deliveries(11, 0, 1), reminders_sent=1,
                       next_reminder=date(2026, 9, 3), contact_name="Jonas Berg", unreachable=(("Omar Saleh", "not_installed"),))


def _members() -> dict[str, Member]:
    return {f"k{i}": Member(user, name) for i, (user, name) in enumerate(PEOPLE.items())}


# --- across the organisation: two coordination committees, HR, and the workplaces linked to them ---------------

SENT_AT = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
COMMITTEES = (Committee("c-0", "19:med-sos@thread.tacv2", "MED Social og Sundhed", KIND_COMMITTEE, "29:0", SENT_AT),
              Committee("c-1", "19:med-bu@thread.tacv2", "MED Børn og Unge", KIND_COMMITTEE, "29:0", SENT_AT),
              Committee("c-hr", "19:hr@thread.tacv2", "HR og Udvikling", KIND_HR, "29:0", SENT_AT))
WORKPLACES = {  # team name -> committee; the first 24 have sent on
    **{name: "c-0" for name in ("Hjemmeplejen Nord", "Hjemmeplejen Syd", "Hjemmeplejen Vest", "Plejecenter Egevang",
                                "Plejecenter Solgården", "Plejecenter Havebo", "Sygeplejen", "Træningsenheden", "Rehabiliteringen",
                                "Myndighed Ældre", "Aktivitetscentret", "Hjælpemiddeldepotet", "Socialpsykiatrien",
                                "Bostedet Lærkehøj", "Sundhedshuset", "Visitationen", "Madservice", "Misbrugscentret")},
    **{name: "c-1" for name in ("Børnehuset Mælkebøtten", "Børnehuset Regnbuen", "Dagplejen", "Sundhedsplejen", "Tandplejen",
                                "PPR", "Familieafdelingen", "Ungdomsskolen", "Vuggestuen Troldehøj", "Klubben Vestergade")},
}
SENT = 24
# The themes the workplaces chose, in workplace order: a realistic spread with a clear top three.
WELLBEING = ("social-support-trust",) * 9 + ("balance-energy",) * 7 + ("predictability-clarity-communication",) * 5 + \
    ("influence-involvement", "meaning-direction", "own")
LEADERSHIP = ("shared-direction-goals",) * 10 + ("communication-collaboration-culture",) * 7 + ("citizen-at-centre",) * 4 + \
    ("whole-cross-collaboration", "own", "results-optimisation-development")
ASKS = (("Makkerordning på travle dage", "A buddy scheme on busy days", "Vikardækning ved sygdom", "Temp cover when people are ill"),
        ("Introforløb for nye kolleger", "An introduction for new colleagues", "Tid til en fast mentor", "Time for a regular mentor"),
        ("Færre dobbeltregistreringer", "Less double recording", "Omsorgssystemet på telefonen", "The care system on our phones"),
        ("Fælles mål for året", "Shared goals for the year", "Områdets mål i god tid", "The area's goals in good time"))


def _submission(lang: str, n: int, name: str) -> Submission:
    title, ask = (w(lang, *ASKS[n % 4][:2]), w(lang, *ASKS[n % 4][2:]))
    initiatives = (SubmittedInitiative(f"i{n}a", title, needs_organisation=n % 3 != 2, ask=ask if n % 3 != 2 else ""),
                   SubmittedInitiative(f"i{n}b", w(lang, "Tjek-ind på personalemødet", "A check-in at the staff meeting")))
    own = {Kind.WELLBEING: w(lang, "Ro til dokumentation", "Quiet time for records"),
           Kind.LEADERSHIP: w(lang, "Synlig ledelse i weekenden", "Visible leadership at weekends")}
    themes = tuple(SubmittedTheme(kind.value, theme, own[kind] if theme == "own" else None)
                   for kind, theme in ((Kind.WELLBEING, WELLBEING[n]), (Kind.LEADERSHIP, LEADERSHIP[n])))
    return Submission(WORKPLACES[name], f"19:w{n}@thread.tacv2", f"d{n}", 1, SENT_AT, "29:0", 3, initiatives, themes,
                      workplace_name=name)


def _submissions(lang: str) -> list[Submission]:
    return [_submission(lang, n, name) for n, name in enumerate(list(WORKPLACES)[:SENT])]


def _committee_view(lang: str):
    names = {f"19:w{n}@thread.tacv2": name for n, name in enumerate(WORKPLACES)}
    links = {team: WORKPLACES[name] for team, name in names.items()}
    return committee_view("c-1", links, names, _submissions(lang))


def _hr_view(lang: str, concept: Concept):
    moments = {3: datetime(2027, 1, 4, 8, 0, tzinfo=timezone.utc), 6: datetime(2027, 4, 1, 7, 0, tzinfo=timezone.utc)}
    statuses = tuple(StatusEntry(f"d{n}", f"i{n}{part}", (Status.ON_TRACK, Status.ON_TRACK, Status.DONE, Status.OFF_TRACK)[n % 4], "",
                                 "29:2", datetime(2027, 1, 20, 9, 0, tzinfo=timezone.utc)) for n in range(SENT) if n % 5 for part in "ab")
    return hr_overview(_submissions(lang), catalogue={k.value: tuple(th.id for th in concept.catalogue(k).themes) for k in Kind},
                       own_ids={k.value: concept.catalogue(k).own_proposal.id for k in Kind},
                       follow_ups={f"d{n}": FollowUpInputs(moments, statuses) for n in range(SENT)},
                       now=datetime(2027, 2, 15, 9, 0, tzinfo=timezone.utc))


def _workplaces() -> list[Workplace]:
    return [Workplace(f"19:w{n}@thread.tacv2", "tenant", "https://smba.example", f"19:w{n}", name, "nyborg", SENT_AT)
            for n, name in enumerate(WORKPLACES) if n >= SENT - 2]


# Name -> builder. The names are the PNGs' names; tests/test_docs.py checks each is one of bot/cards' builders' cards.
BUILDERS: dict[str, Callable[[str, Concept], dict]] = {
    # employee
    "nomination": lambda lang, c: nomination_card(lang, c, round_id="r1", deadline=DEADLINE, contact_name="Jonas Berg",
                                                  named_mode=False, workplace_name=WORKPLACE),
    "nomination_receipt": lambda lang, c: nomination_receipt_card(lang, c, round_id="r1", nomination=nomination(lang),
                                                                  deadline=DEADLINE, can_edit=True, named_mode=False),
    "reminder": lambda lang, c: reminder_card(lang, c, round_id="r1", deadline=DEADLINE, reminder_number=1),
    "invitation": lambda lang, c: invitation_card(lang, c, dialogue_id="d1", selection=selection(c, lang), day=DAY,
                                                  calendar_url="https://talsammen.example/calendar/d1.ics",
                                                  workplace_name=WORKPLACE),
    "preparation": lambda lang, c: preparation_card(
        lang, c, dialogue_id="d1", themes=selection(c, lang).themes, day=DAY, workplace_name=WORKPLACE,
        preparation=Preparation(notes=ExampleNotes(w(lang, "Da Karen tog min tur, så jeg kunne nå min datters skolefest.",
                                                     "When Karen took my round so I could make my daughter's school party."))),
    ),
    "results_form": lambda lang, c: results_form_card(lang, c, dialogue_id="d1", kind=Kind.WELLBEING, group=1,
                                                      members=NAMES[:4], theme=selection(c, lang).themes.choice(Kind.WELLBEING),
                                                      current=None, written_by=None),
    "evaluation": lambda lang, c: evaluation_card(lang, c, dialogue_id="d1", workplace_name=WORKPLACE, closes=date(2026, 10, 13),
                                                  min_count=5),
    # planning group
    "setup": lambda lang, c: round_setup_card(
        lang, c, form=SetupForm(deadline=DEADLINE, channel_lang=lang, contact="k1", left_out=frozenset(), page=0),
        members=_members(), contact_choices=_members(), min_date=date(2026, 8, 20), max_date=date(2026, 11, 30)),
    "round_started": lambda lang, c: round_started_card(lang, c, deadline=DEADLINE, contact_name="Jonas Berg", named_mode=False,
                                                        invited=12, unreachable=1),
    "status": lambda lang, c: status_card(lang, _status()),
    "tally": lambda lang, c: tally_card(lang, c, _tally(c, lang), deadline=DEADLINE, is_open=False),
    "selection": lambda lang, c: selection_card(lang, c, dialogue_id="d1", tally=_tally(c, lang), workplace_name=WORKPLACE),
    "day_form": lambda lang, c: day_form_card(lang, dialogue_id="d1", current=DAY, min_date=date(2026, 9, 7),
                                              max_date=date(2027, 9, 7)),
    "grouping": lambda lang, c: grouping_card(lang, _grouping_view()),
    "plenum": lambda lang, c: plenum_card(lang, c, dialogue_id="d1", view=_plenum(lang),
                                          theme=selection(c, lang).themes.choice(Kind.WELLBEING), can_post=True),
    "development_plan": lambda lang, c: plan_card(lang, dialogue_id="d1", plan=plan(lang), names=PEOPLE, acknowledged=7),
    "follow_up": lambda lang, c: follow_up_card(
        lang, plan(lang), months=3, due=True, done={("i1", "m1"): CHOSEN_AT},
        latest={"i1": StatusEntry("d1", "i1", Status.ON_TRACK, w(lang, "Godt i gang", "Well under way"), "29:2", CHOSEN_AT)}),
    # leader
    "run_sheet": lambda lang, c: run_sheet_card(lang, dialogue_id="d1", day=DAY, sheet=run_sheet_for(DAY), group_sizes={3, 4},
                                                groups_per_round={Kind.WELLBEING: 3, Kind.LEADERSHIP: 3}),
    "leader": lambda lang, c: leader_card(
        lang, dialogue_id="d1", stage="after", day=DAY.date,
        loop=LeaderLoop("d1", areas=(DevelopmentArea(w(lang, "Tydeligere retning", "Clearer direction"),
                                                     w(lang, "Månedligt overblik på personalemødet",
                                                       "A monthly overview at the staff meeting")),))),
    # contact person
    "paper_chooser": lambda lang, c: paper_chooser_card(
        lang, c, round_id="r1", workplace_name=WORKPLACE, entered={"29:11"},
        candidates=[Invitee("r1", user, name) for user, name in list(PEOPLE.items())[8:]]),
    # coordination committee and HR: what the planning group sends them, what they get and see
    "send_on": lambda lang, c: send_on_card(lang, plan(lang), deadline=date(2026, 12, 1)),
    "submission": lambda lang, c: submission_card(lang, c, _submissions(lang)[18], sent_by_name="Mette Holm"),
    "committee_overview": lambda lang, c: overview_card(lang, c, COMMITTEES[1], _committee_view(lang), has_hr=True,
                                                        download_url="https://talsammen.example/exports/c-1.xlsx"),
    "hr_overview": lambda lang, c: hr_overview_card(lang, c, _hr_view(lang, c), committee_names={x.id: x.name for x in COMMITTEES},
                                                    download_url="https://talsammen.example/exports/hr/2026.xlsx", link_days=14),
    # administrator: what a team sees when the app is added
    "team_welcome": lambda lang, c: team_welcome_card(lang, c, []),
    "help": lambda lang, c: help_card(lang, c, role="planning_group", in_channel=True, can_start=False,
                                      commands=REGISTRY.help_lines({Role.EMPLOYEE, Role.PLANNING_GROUP}),
                                      privacy_url="https://talsammen.example/privatliv"),
    "committee": lambda lang, c: committee_card(lang, team_name="MED Social og Sundhed"),
    "link": lambda lang, c: link_card(lang, _workplaces(), COMMITTEES, {"19:w22@thread.tacv2": "c-1"}),
    # administrator: the same with CONCEPT=dtu
    "help_dtu": lambda lang, c: help_card(lang, load_concept("dtu"), role="employee", in_channel=False,
                                          commands=REGISTRY.help_lines({Role.EMPLOYEE}, in_team=False)),
    "team_welcome_dtu": lambda lang, c: team_welcome_card(lang, load_concept("dtu"), []),
}
