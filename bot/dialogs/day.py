"""Step 1's day in Teams: the planning group sets (and moves) the date, time and place of the
dialogue, and anyone with the invitation's link fetches it as a calendar file.

Typed ``dag`` / ``day`` or the status card's button opens the form; saving it is re-checked here
whatever the card said (the sender must be in the planning group of the dialogue's own team;
``parse_day`` checks the values). A day moved after the themes were announced is told to those
``day_change`` names, through the queue, and every invitation card that went out is updated in
place to the new day; a new date or time clears the answers and plans the everyday-example
reminders again.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from aiohttp import web
from botbuilder.core import TurnContext

from ..cards.invitation import DaySet, DayShow, day_form_card, day_set_card, error_text
from ..process.calendar_file import day_calendar, token_matches
from ..process.clock import COPENHAGEN
from ..process.dialogue import Dialogue, Role
from ..process.everyday_example import EVERYDAY_EXAMPLE_KIND, plan_example_reminders
from ..process.leader_loop import LEADER_REMINDER_KINDS, plan_leader_reminders
from ..process.day_move import day_change, plan_day_changed, plan_invitation_refresh, refresh_invitation_cards
from ..process.reminders import ReminderPlan
from ..process.invitation import MAX_DAYS_AHEAD, DayInvalid, DayRefused, check_may_set_day, parse_day
from ..scheduler.invitation import calendar_key
from ..scheduler.runner import sweep_soon
from ..services import Services
from ..texts import t
from .context import first_current, planning_dialogue
from .language import language_of, team_language
from .registry import Command, Verb
from .replies import replace_card, say, send_card
from .turn import TurnInfo


@dataclass(frozen=True)
class _ToBegin:
    """A team without a dialogue of this cycle yet, whose planning group may begin one."""

    team_id: str


async def dialogue_to_manage(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str | None, *,
                             begin: bool = False) -> Dialogue | None:
    """The dialogue the planning group acts on (``planning_dialogue``); None after saying why.
    ``begin`` starts the cycle's dialogue when the team has none yet (setting the day may come first)."""
    async def of_teams(teams: list[str]) -> Dialogue | _ToBegin | None:
        dialogue = await first_current(services, teams)
        return _ToBegin(teams[0]) if dialogue is None and begin and len(teams) == 1 else dialogue

    found = await planning_dialogue(ctx, turn, services, lang, dialogue_id, step="day", none="day.error.no_dialogue", of_teams=of_teams)
    if isinstance(found, _ToBegin):  # begun once the sender is known to be in its planning group
        return await services.store.dialogues.ensure_dialogue(found.team_id, services.clock.now())
    return found


def _dates(services: Services):  # noqa: ANN202
    today = services.clock.now().astimezone(COPENHAGEN).date()
    return today, today + timedelta(days=MAX_DAYS_AHEAD)


async def show_day(ctx: TurnContext, turn: TurnInfo, services: Services, payload: DayShow) -> None:
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id, begin=True)
    if dialogue is None:
        return
    current = await services.store.invitations.get_day(dialogue.id)
    low, high = _dates(services)
    await send_card(ctx, day_form_card(lang, dialogue_id=dialogue.id, current=current, min_date=low, max_date=high),
                    summary=t(lang, "day.title"), lang=lang)


async def set_day(ctx: TurnContext, turn: TurnInfo, services: Services, payload: DaySet) -> None:
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue is None:
        return
    now = services.clock.now()
    store = services.store
    old = await store.invitations.get_day(dialogue.id)
    members = [m.user_id for m in await store.planning_group.members(dialogue.team_id)]
    try:
        check_may_set_day(turn.user_id, planning_group=members, current=old, now=now)
    except DayRefused as refused:
        await say(ctx, lang, f"day.error.{refused.code}")
        return
    values = payload.data()
    try:
        parsed = parse_day(values, now=now, window=services.window)
    except DayInvalid as invalid:
        low, high = _dates(services)
        card = day_form_card(lang, dialogue_id=dialogue.id, current=old, min_date=low, max_date=high, values=values, errors=invalid.errors)
        await replace_card(ctx, turn, card, summary=error_text(lang, invalid.errors[0]), lang=lang)
        return
    new = parsed.day
    await store.invitations.set_day(dialogue.id, new, by=turn.user_id, now=now)
    await store.audit.record(actor=turn.user_id, action="day.scheduled", subject=dialogue.id, now=now)
    selection = await store.selections.get(dialogue.id)
    announced = selection is not None and selection.announced_at is not None
    told: int | None = None
    cleared = False
    if old is not None and announced:
        told, cleared = await _announce_change(services, dialogue, old, new)
    card = day_set_card(lang, day=new, warnings=parsed.warnings, told=told, cleared=cleared, announced=announced)
    await replace_card(ctx, turn, card, summary=t(lang, "day.set.title"), lang=lang)
    if told is not None:  # the day changed: notices and/or invitation cards to update in place
        services.spawn(sweep_soon(services), name=f"day_changed:{dialogue.id}")


async def _announce_change(services: Services, dialogue: Dialogue, old, new) -> tuple[int | None, bool]:  # noqa: ANN001
    """After the announcement: tell whom ``day_change`` names, clear answers and re-plan the
    everyday-example reminders when the date or time moved. Returns (told, answers cleared)."""
    store, now = services.store, services.clock.now()
    invited = await store.invitations.invited(dialogue.id)
    answers = await store.invitations.answers(dialogue.id)
    change = day_change(old, new, [i.user_id for i in invited], answers)
    if change.is_empty:
        return None, False
    # Those whose invitation is still on its way get it with the new day: no second message.
    reached = {i.user_id for i in invited if i.delivery in ("sent", "maybe_delivered")}  # maybe: it may show the old day
    tell = [user for user in change.tell if user in reached]
    if change.clear_answers:
        await store.invitations.clear_answers(dialogue.id)
    number = await store.invitations.changes(dialogue.id)
    plans = plan_day_changed(dialogue_id=dialogue.id, team_id=dialogue.team_id, tell=tell, change_number=number, now=now)
    # Every invitation card that went out is put in place with the new day, told or not (process/invitation.py).
    plans += plan_invitation_refresh(dialogue_id=dialogue.id, team_id=dialogue.team_id, people=refresh_invitation_cards(invited),
                                     change_number=number, now=now)
    replanned: list[ReminderPlan] = []
    if change.replan_reminders:
        await store.reminders.drop_pending(dialogue.id, "day_moved", kinds=(EVERYDAY_EXAMPLE_KIND,))
        replanned += plan_example_reminders(dialogue_id=dialogue.id, team_id=dialogue.team_id, day=new, invitation_sent_at=now,
                                            recipients=[i.user_id for i in invited], window=services.window)
    if new.date != old.date:  # the leader's rows carry the date in their key: a new date, new rows (process/leader_loop.py)
        await store.reminders.drop_pending(dialogue.id, "day_moved", kinds=LEADER_REMINDER_KINDS)
        replanned += plan_leader_reminders(dialogue_id=dialogue.id, team_id=dialogue.team_id, day=new, planned_at=now, window=services.window,
                                           planning_group=[m.user_id for m in await store.planning_group.members(dialogue.team_id)])
    await store.reminders.add(plans + replanned)
    # Back to a date (or time) it had before: those keys exist, dropped by an earlier move (day_move.py).
    await store.reminders.revive(replanned, "day_moved")
    return len(tell), change.clear_answers


# -- the calendar file -------------------------------------------------------------------------------
async def calendar_file(request: web.Request, services: Services) -> web.Response:
    """GET /calendar/<dialogue>/<token>.ics: the day as an iCalendar file; 404 for a wrong token."""
    dialogue_id, token = request.match_info["dialogue_id"], request.match_info["token"]
    if len(dialogue_id) > 40 or not token_matches(calendar_key(services.settings), dialogue_id, token):
        raise web.HTTPNotFound()
    day = await services.store.invitations.get_day(dialogue_id)
    found = await services.store.invitations.team_and_cycle(dialogue_id)
    if day is None or found is None:
        raise web.HTTPNotFound()
    lang = await team_language(services, found[0])
    body = day_calendar(dialogue_id=dialogue_id, day=day, summary=services.concept.dialogue_name(lang),
                        description=t(lang, "invitation.programme"), now=services.clock.now())
    return web.Response(body=body.encode("utf-8"), content_type="text/calendar", charset="utf-8",
                        headers={"Cache-Control": "no-store", "Content-Disposition": 'attachment; filename="udviklingsdialog.ics"'})


def add_calendar_route(app: web.Application, services: Services) -> None:
    async def handler(request: web.Request) -> web.Response:
        return await calendar_file(request, services)

    app.router.add_get("/calendar/{dialogue_id}/{token}.ics", handler)


DECLARES = (
    Verb(DayShow, show_day, who=Role.PLANNING_GROUP),
    Verb(DaySet, set_day, who=Role.PLANNING_GROUP),
    Command(da=("dag", "dato"), en=("day",), payload=DayShow, who=Role.PLANNING_GROUP, help="help.cmd.day"),
)
