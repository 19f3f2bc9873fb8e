"""Demo mode (``DEMO=true``, local development only): a whole year of the dialogue, ready to look at.

When the app is added to a team, the workplace is filled in before the welcome, through the
storage APIs like any turn would: a finished nomination round with answers from the team's
members and some made-up colleagues, the chosen themes, the day with everyone's answers, the
groups of both rounds and what they wrote, and an adopted development plan with two
initiatives whose 3-month follow-up is recorded (the sample data: bot/demo_data.py). Whoever
added the app is the planning group, so every planning-group command works for them. Then a
card in the channel says what to try.

A newcomer sees the bot's cards in the Agents Playground without a tenant. It is never for
production: the settings refuse DEMO without LOCAL_DEVELOPMENT, and the dates only make sense
with the demo's settable clock (``demo_data.DEMO_NOW``; the settings start the test clock there).
A team that already has a dialogue is never filled in twice.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from botbuilder.core import TurnContext
from botbuilder.schema import ChannelAccount

from . import demo_data as d
from .cards.elements import Element, card, facts, heading, text
from .dialogs.bot import TalSammenBot
from .dialogs.invitees import read_roster
from .dialogs.language import team_language
from .dialogs.replies import send_card
from .dialogs.turn import TurnInfo, read_turn
from .process.clock import COPENHAGEN
from .process.concept import Concept, Kind
from .process.development_plan import DevelopmentPlan, Initiative
from .process.follow_up import StatusEntry, plan_after_adoption
from .process.grouping import form_groups
from .process.invitation import Answer, DialogueDay
from .process.nomination import NominationInput, RoundAlreadyOpen, ThemeChoice
from .process.people import Member
from .process.plan import end_of_local_day
from .process.selection import ChosenTheme, Selection, SelectionInput
from .services import Services
from .texts import format_date, t

log = logging.getLogger(__name__)

# What the welcome card suggests, in the order of the guide (each a typed command of its step).
TRY = ("tally", "status", "themes", "day", "groups", "results", "plan", "follow_up", "send_on", "help")


class DemoBot(TalSammenBot):
    """The bot, plus: added to a team, it fills the workplace in first and says what to try after the welcome."""

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext) -> None:
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        turn = read_turn(activity, bot_id)
        added_to_team = bool(turn.team_id) and any(m.id == bot_id for m in members_added)
        if added_to_team:
            await seed(self.services, turn)
        await super().on_members_added_activity(members_added, turn_context)
        if added_to_team:
            lang = await team_language(self.services, turn.team_id)
            people = len(await self.services.store.invitations.invited(await _dialogue_id(self.services, turn.team_id) or ""))
            await send_card(turn_context, demo_card(lang, self.services.concept, people=people, now=self.services.clock.now()),
                            summary=t(lang, "demo.summary"), lang=lang)


async def _dialogue_id(services: Services, team_id: str) -> str | None:
    dialogue = await services.store.dialogues.current_dialogue(team_id, services.clock.now())
    return dialogue.id if dialogue else None


def demo_card(lang: str, concept: Concept, *, people: int, now: datetime) -> Element:
    """The channel's card after the welcome: what the demo filled in and what to type to see it."""
    body: list[Element] = [
        heading(t(lang, "demo.title")),
        text(t(lang, "demo.intro", dialogue=concept.dialogue_name(lang), people=people)),
        text(t(lang, "demo.clock", date=format_date(lang, now.astimezone(COPENHAGEN).date())), subtle=True),
        text(t(lang, "demo.try"), weight="Bolder", spacing="Medium"),
        facts([(t(lang, f"demo.cmd.{key}"), t(lang, f"demo.what.{key}")) for key in TRY]),
        text(t(lang, "demo.private"), subtle=True, spacing="Medium"),
    ]
    return card(body, fallback_text=t(lang, "demo.title"))


def _theme(concept: Concept, kind: Kind, wanted: str, index: int) -> str:
    """The sample's theme if the concept has it, else one of the concept's own (another concept's catalogue)."""
    catalogue = concept.catalogue(kind)
    if catalogue.find(wanted) is not None:
        return wanted
    ids = catalogue.choice_ids
    return ids[index % len(ids)]


def _choice(concept: Concept, kind: Kind, answer: tuple[str, str | None, str, str], index: int) -> ThemeChoice:
    theme_id, own_title, why_me, core_task = answer
    theme = _theme(concept, kind, theme_id, index)
    own = concept.catalogue(kind).own_proposal.id
    return ThemeChoice(kind, theme, (own_title or "Mødekultur") if theme == own else None, why_me, core_task)


async def _people(services: Services, turn: TurnInfo) -> list[Member]:
    """The planning group (who added the app) first, then the team's members, then the made-up colleagues."""
    planner = Member(turn.user_id, turn.name or turn.user_id)
    try:
        roster = await read_roster(services, team_id=turn.team_id, tenant_id=turn.tenant_id, service_url=turn.service_url)
    except Exception:  # a demo without the roster still shows something: the installer and the colleagues
        log.warning("DEMO: could not read the team's roster; using the sample colleagues only", exc_info=True)
        roster = []
    members = [planner] + [m for m in roster if m.user_id != planner.user_id]
    return members + [Member(c.user_id, c.name) for c in d.COLLEAGUES]


async def seed(services: Services, turn: TurnInfo) -> bool:
    """Fill a team's workplace with the sample year; False (and nothing written) if it has a dialogue already."""
    store, now = services.store, services.clock.now()
    team_id = turn.team_id
    assert team_id
    if await store.dialogues.latest_round(team_id) is not None or await store.dialogues.current_dialogue(team_id, now) is not None:
        return False
    # The sample year sits before DEMO_NOW; with the clock elsewhere it moves along by whole weeks (weekdays kept).
    shift = timedelta(weeks=round((now - d.DEMO_NOW) / timedelta(weeks=1)))

    def at(moment: datetime) -> datetime:
        return moment + shift

    def on(day: date) -> date:
        return day + shift

    concept = services.concept
    people = await _people(services, turn)
    planner = people[0]
    await store.planning_group.add(team_id, planner.user_id, planner.name, added_by=planner.user_id, now=at(d.ROUND_OPENED))

    # Steps 1-3: the nomination round, its answers (one on paper), the deadline passed.
    try:
        round_ = await store.dialogues.open_round(
            team_id=team_id, opened_by=planner.user_id, opened_at=at(d.ROUND_OPENED), deadline_at=end_of_local_day(on(d.ROUND_DEADLINE_DAY)),
            contact_name=planner.name, named_mode=False, concept=concept.id, contact_user_id=planner.user_id,
        )
    except RoundAlreadyOpen:  # the same install raced in twice: the other one fills it in
        return False
    log.info("DEMO: filling in workplace %s with %d people", team_id, len(people))
    await store.dialogues.add_invitees(round_.id, people)
    for person in people:
        await store.dialogues.record_card_delivery(round_.id, person.user_id, delivery="sent")
    counts: Counter[tuple[Kind, str]] = Counter()
    for i, (person, answer) in enumerate(zip(people, d.ANSWERS)):
        nomination = NominationInput(_choice(concept, Kind.WELLBEING, answer.wellbeing, i), _choice(concept, Kind.LEADERSHIP, answer.leadership, i))
        counts.update((kind, nomination.choice(kind).theme_id) for kind in Kind)
        await store.nominations.save(round_.id, person.user_id, nomination, at(d.ROUND_OPENED) + timedelta(hours=3 * i + 1),
                                     entered_by=planner.user_id if answer.on_paper else None)
    dialogue_id = round_.dialogue_id
    assert dialogue_id

    # Step 4: the chosen themes, announced.
    chosen = {}
    for i, kind in enumerate(Kind):
        theme_id, own_title, reason = d.CHOSEN[kind]
        theme = _theme(concept, kind, theme_id, i)
        chosen[kind] = ChosenTheme(kind, theme, own_title, reason, nominations=counts[(kind, theme)])
    await store.selections.save(Selection(dialogue_id, SelectionInput(chosen[Kind.WELLBEING], chosen[Kind.LEADERSHIP]), planner.user_id,
                                          at(d.THEMES_CHOSEN)))
    await store.selections.mark_announced(dialogue_id, at(d.THEMES_CHOSEN))

    # Steps 5-7: the day, everyone invited and answering, everyday examples ready, the groups.
    await store.invitations.set_day(dialogue_id, DialogueDay(on(d.DAY), d.DAY_START, d.DAY_PLACE), by=planner.user_id, now=at(d.THEMES_CHOSEN))
    await store.invitations.invite(dialogue_id, people)
    away = {p.user_id for p in people[-d.CANNOT_COME:]}
    for i, person in enumerate(people):
        answered = at(d.THEMES_CHOSEN) + timedelta(days=1, hours=i)
        await store.invitations.answer(dialogue_id, person.user_id, Answer.CANNOT_COME if person.user_id in away else Answer.COMING, now=answered)
        if person.user_id not in away and i % 3 != 2:
            await store.examples.mark_ready(dialogue_id, person.user_id, True, now=answered + timedelta(days=7))
    # The planning group leads the day; the others talk in small groups.
    grouping = form_groups([p.user_id for p in people[1:] if p.user_id not in away], seed=f"demo:{dialogue_id}")
    await store.groupings.save(dialogue_id, grouping, absent=away, by=planner.user_id, now=at(d.GROUPS_FORMED))

    # Step 8: what each group wrote on its flip-chart in both rounds.
    for kind in Kind:
        for number, group in enumerate(grouping.groups(kind), start=1):
            flip_chart = d.FLIP_CHARTS[kind][(number - 1) % len(d.FLIP_CHARTS[kind])]
            await store.group_results.enter(dialogue_id, kind, number, flip_chart, sender=group[0], now=at(d.RESULTS_ENTERED))

    # Steps 10-12: the plan, adopted and told; its milestones reached; the 3-month follow-up recorded.
    others = people[1:3] if len(people) >= 3 else [planner, planner]
    owners = ((others[0].user_id, others[0].name), (others[1].user_id, others[1].name))
    initiatives = tuple(_moved(i, on) for i in d.initiatives(owners))
    draft = DevelopmentPlan(dialogue_id, initiatives, version=1, edited_by=planner.user_id, edited_at=at(d.PLAN_ADOPTED) - timedelta(days=2))
    await store.plans.save(draft, expected_version=None)
    adopted = await store.plans.adopt(dialogue_id, by=planner.user_id, now=at(d.PLAN_ADOPTED))
    # What adoption queues (the 6-month follow-up, the run-up to 1 December, milestone nudges),
    # as the adoption handler does; only what lies ahead, so moving the demo's clock shows it.
    cycle = (await store.dialogues.current_dialogue(team_id, now)).cycle
    rows = plan_after_adoption(adopted, team_id=team_id, cycle=cycle, window=services.window, now=at(d.PLAN_ADOPTED))
    await store.reminders.add([row for row in rows if row.due_at > now])
    await store.plans.mark_announced(dialogue_id, 1)
    owner_of = {i.id: i.owner_id or planner.user_id for i in initiatives}
    for initiative_id, milestone_id, when in d.REACHED:
        await store.follow_ups.mark(dialogue_id, initiative_id, milestone_id, True, by=owner_of[initiative_id], now=at(when))
    for initiative_id, status, note in d.FOLLOW_UP:
        await store.follow_ups.record(StatusEntry(dialogue_id, initiative_id, status, note, planner.user_id, at(d.FOLLOW_UP_RECORDED)))
    return True


def _moved(initiative: Initiative, on: Callable[[date], date]) -> Initiative:
    """The initiative with its milestones' dates moved with the demo's clock."""
    return replace(initiative, milestones=tuple(replace(m, due=on(m.due)) for m in initiative.milestones))
