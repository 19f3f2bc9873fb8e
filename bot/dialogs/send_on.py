"""Step 13 in Teams: the planning group sends the adopted plan on before 1 December (rules: process/send_on.py).

``send videre`` / ``send on`` (or a run-up reminder's button) shows what will be sent: the
adopted plan, the initiatives that need the organisation first with their ask. "Send videre"
is re-checked here (the dialogue's own team, the sender in its planning group, the version the
card showed); the first press records who sent which version when, the run-up reminders still
waiting are dropped, and the card turns into a receipt with a link to the plan as a spreadsheet.
Until the coordination committee receives plans in the bot (issue 12), that file is what is sent.
"""
from __future__ import annotations

from aiohttp import web
from botbuilder.core import TurnContext

from ..cards.follow_up import SendOnShow
from ..cards.send_on import SendOnConfirm, send_on_card
from ..cards.organisation import send_on_committee_block
from ..process.dialogue import Role, send_on_deadline
from ..process.follow_up import SEND_ON_DUE_KIND, SEND_ON_REMINDER_KIND
from ..process.plan_file import plan_workbook
from ..process.send_on import LINK_DAYS, check_link, file_path
from ..scheduler.invitation import calendar_key
from ..services import Services
from ..texts import t
from .follow_up import Found, adopted_plan_of_turn
from .language import language_of, team_language
from .organisation import send_to_committee
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say
from .turn import TurnInfo

AUDIT_SENT = "send_on.sent"
AUDIT_DOWNLOADED = "send_on.downloaded"
AUDIT_REFUSED = "send_on.download_refused"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_url(services: Services, dialogue_id: str, version: int) -> str | None:
    """A fresh signed link to the plan's file, or None when the bot does not know its public address."""
    base = services.settings.public_base_url
    if not base:
        return None
    return base.rstrip("/") + file_path(calendar_key(services.settings), dialogue_id, version, services.clock.now())


async def _card(services: Services, found: Found, lang: str, *, notice: str | None = None) -> dict:
    sent = await services.store.sent_on.get(found.dialogue_id)
    cycle = (await services.store.invitations.team_and_cycle(found.dialogue_id) or (found.team_id, 0))[1]
    name = ""
    url = None
    if sent is not None:
        person = await services.store.people.get(sent.by)
        name = person.name if person and person.name else ""
        url = download_url(services, found.dialogue_id, sent.version)
    committee = await services.store.organisation.committee_of_workplace(found.team_id)
    history = await services.store.organisation.history(found.dialogue_id)
    block = send_on_committee_block(lang, committee, history[-1] if history else None, plan_version=found.plan.version,
                                    sent=sent is not None, dialogue_id=found.dialogue_id)
    return send_on_card(lang, found.plan, deadline=send_on_deadline(cycle, services.window), sent=sent, sent_by_name=name,
                        download_url=url, link_days=LINK_DAYS, notice=notice, committee=block)


async def _found_for_group(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str | None) -> Found | None:
    found = await adopted_plan_of_turn(services, turn, dialogue_id)
    if found is None:
        await say(ctx, lang, "send_on.none")
        return None
    if turn.user_id not in found.planning_group:
        if turn.value is not None:  # a card pressed: stale or forged; ids only
            await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject="send_on:not_planning_group",
                                              now=services.clock.now())
        await say(ctx, lang, "send_on.refused.not_planning_group")
        return None
    return found


async def show(ctx: TurnContext, turn: TurnInfo, services: Services, payload: SendOnShow) -> None:
    lang = await language_of(services, turn)
    found = await _found_for_group(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    cards = {own: await _card(services, found, own) for own in ("da", "en")}
    if turn.is_personal:
        await replace_card(ctx, turn, cards[lang], summary=t(lang, "send_on.summary"), lang=lang)
    else:
        await deliver_privately(ctx, turn, services, lambda own: cards[own], summary="send_on.summary")


async def send(ctx: TurnContext, turn: TurnInfo, services: Services, payload: SendOnConfirm) -> None:
    """The first press sends the version the card showed; the run-up stops; the card becomes the receipt."""
    lang = await language_of(services, turn)
    found = await _found_for_group(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    store, now = services.store, services.clock.now()
    notice = None
    if await store.sent_on.get(found.dialogue_id) is None:
        if payload.version != found.plan.version:
            card = await _card(services, found, lang, notice=t(lang, "send_on.refused.stale"))
            await replace_card(ctx, turn, card, summary=t(lang, "send_on.summary"), lang=lang)
            return
        if await store.sent_on.record(found.dialogue_id, by=turn.user_id, version=found.plan.version, now=now) is not None:
            await store.reminders.drop_pending(found.dialogue_id, "sent_on", kinds=(SEND_ON_DUE_KIND, SEND_ON_REMINDER_KIND))
            await store.audit.record(actor=turn.user_id, action=AUDIT_SENT, subject=f"{found.dialogue_id}:v{found.plan.version}", now=now)
            await send_to_committee(services, dialogue_id=found.dialogue_id, team_id=found.team_id, plan=found.plan, by=turn.user_id)
        else:
            notice = t(lang, "send_on.already")
    elif payload.version != found.plan.version:
        notice = t(lang, "send_on.refused.stale")
    elif await send_to_committee(services, dialogue_id=found.dialogue_id, team_id=found.team_id, plan=found.plan,
                                 by=turn.user_id) is None:  # a new version to the committee, else nothing new
        notice = t(lang, "send_on.already")
    card = await _card(services, found, lang, notice=notice)
    await replace_card(ctx, turn, card, summary=t(lang, "send_on.summary"), lang=lang)


# -- the plan as a file ---------------------------------------------------------------------------------
async def plan_download(request: web.Request, services: Services) -> web.Response:
    """GET /plan/<dialogue>/<version>/<expires>/<token>.xlsx: 403 for a forged link, 410 for an expired one."""
    info = request.match_info
    dialogue_id = info["dialogue_id"]
    now = services.clock.now()
    problem = "forged" if len(dialogue_id) > 40 else check_link(calendar_key(services.settings), dialogue_id, info["version"],
                                                                 info["expires"], info["token"], now)
    if problem is not None:
        await services.store.audit.record(actor="link", action=AUDIT_REFUSED, subject=f"{dialogue_id[:40]}:{problem}", now=now)
        raise web.HTTPGone() if problem == "expired" else web.HTTPForbidden()
    version = int(info["version"])
    plan = next((p for p in await services.store.plans.history(dialogue_id) if p.version == version), None)
    found = await services.store.invitations.team_and_cycle(dialogue_id)
    if plan is None or found is None:
        raise web.HTTPNotFound()
    lang = await team_language(services, found[0])
    body = plan_workbook(plan, lambda key: t(lang, key))
    await services.store.audit.record(actor="link", action=AUDIT_DOWNLOADED, subject=f"{dialogue_id}:v{version}", now=now)
    return web.Response(body=body, content_type=XLSX, headers={
        "Cache-Control": "no-store", "Content-Disposition": 'attachment; filename="udviklingsplan.xlsx"'})


def add_plan_file_route(app: web.Application, services: Services) -> None:
    async def handler(request: web.Request) -> web.Response:
        return await plan_download(request, services)

    app.router.add_get("/plan/{dialogue_id}/{version}/{expires}/{token}.xlsx", handler)


DECLARES = (
    Verb(SendOnShow, show, who=Role.PLANNING_GROUP),
    Verb(SendOnConfirm, send, who=Role.PLANNING_GROUP),
    Command(da=("send videre",), en=("send on",), payload=SendOnShow, who=Role.PLANNING_GROUP, help="help.cmd.send_on"),
)
