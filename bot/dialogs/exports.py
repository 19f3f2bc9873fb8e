"""The spreadsheet links (rules: process/exports.py): made for one person, re-checked on every download.

GET /exports/<kind>/<subject>/<expires>/<user>/<sig>.xlsx. The signature and the expiry are
checked first (403 forged, 410 expired); then the named person's role is checked *now*, against
the stored data and, for HR and the committees, the team's roster as Teams lists it at this moment:

* ``hr`` (subject: the cycle): an administrator, or a member of a team registered as HR;
* ``committee`` (subject: the committee id): a member of that committee's team;
* ``plan`` (subject: the dialogue id) and ``tally`` (subject: the team id): in the workplace's
  planning group.

A person without the role gets 403. Every download and every refusal is audited (ids only).
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from aiohttp import web

from ..cards.hr_overview import theme_namer
from ..process.exports import (KIND_COMMITTEE, KIND_HR, KIND_PLAN, KIND_TALLY, XLSX, check_export_link, committee_workbook,
                               export_path, hr_workbook, plan_workbook, tally_workbook)
from ..process.organisation import overview as committee_overview
from ..process.tally import tally
from ..scheduler.invitation import calendar_key
from ..services import Services
from ..teams.connector import ConnectorError
from ..texts import t
from .language import proactive_language

AUDIT_DOWNLOADED = "export.downloaded"
AUDIT_REFUSED = "export.refused"
FILE_NAMES = {KIND_HR: "hr-overblik.xlsx", KIND_COMMITTEE: "udvalg-overblik.xlsx", KIND_PLAN: "udviklingsplan.xlsx",
              KIND_TALLY: "optaelling.xlsx"}


def export_url(services: Services, kind: str, subject: str, user_id: str) -> str | None:
    """A fresh link for ``user_id``, or None when the bot does not know its public address."""
    base = services.settings.public_base_url
    if not base:
        return None
    return base.rstrip("/") + export_path(calendar_key(services.settings), kind, subject, user_id, services.clock.now())


# -- roles, checked now --------------------------------------------------------------------------------
async def in_team(services: Services, team_id: str, user_id: str) -> bool:
    """Whether Teams lists ``user_id`` in the team's roster now (False when the team is unknown)."""
    workplace = await services.store.workplaces.get(team_id)
    if workplace is None:
        return False
    async for page in services.connector.iter_members(workplace.service_url, team_id, page_size=services.settings.roster_page_size):
        if any(m.get("id") == user_id for m in page):
            return True
    return False


async def is_hr(services: Services, user_id: str, *, team_id: str | None = None) -> bool:
    """An administrator, or a member of an HR team (writing in that team's channel is proof enough)."""
    org = services.store.organisation
    if await org.is_administrator(user_id) or user_id in set(services.settings.administrator_ids):
        return True
    hr_teams = await org.hr_teams()
    if team_id is not None and team_id in hr_teams:
        return True
    for hr_team in hr_teams:
        if await in_team(services, hr_team, user_id):
            return True
    return False


async def _committee_member(services: Services, committee_id: str, user_id: str) -> bool:
    committee = await services.store.organisation.committee(committee_id)
    return committee is not None and await in_team(services, committee.team_id, user_id)


async def _in_planning_group(services: Services, team_id: str, user_id: str) -> bool:
    return user_id in {m.user_id for m in await services.store.planning_group.members(team_id)}


# -- the files -------------------------------------------------------------------------------------------
async def _hr_file(services: Services, subject: str, user_id: str, lang: str) -> bytes | None:
    if not await is_hr(services, user_id) or not subject.isdigit():
        return None
    from .hr_overview import build_overview, committee_names  # late: that module imports this one for its links
    overview = await build_overview(services, int(subject))
    names = await committee_names(services)
    return hr_workbook(overview, lambda key: t(lang, key), theme_namer(services.concept, lang), lambda c: names.get(c, c),
                       services.clock.now().astimezone(services.window.tz).date())


async def _committee_file(services: Services, subject: str, user_id: str, lang: str) -> bytes | None:
    if not await _committee_member(services, subject, user_id):
        return None
    org = services.store.organisation
    workplaces = {w.team_id: w.name for w in await org.workplaces()}
    view = committee_overview(subject, await org.links(), workplaces, await org.submissions(subject))
    name = theme_namer(services.concept, lang)
    return committee_workbook(view, lambda key: t(lang, key), name, lambda moment: moment.astimezone(services.window.tz).date())


async def _plan_file(services: Services, subject: str, user_id: str, lang: str) -> bytes | None:
    found = await services.store.invitations.team_and_cycle(subject)
    if found is None or not await _in_planning_group(services, found[0], user_id):
        return None
    plan = await services.store.plans.get(subject)
    if plan is None:
        raise web.HTTPNotFound()
    return plan_workbook(plan, lambda key: t(lang, key))


async def _tally_file(services: Services, subject: str, user_id: str, lang: str) -> bytes | None:
    if not await _in_planning_group(services, subject, user_id):
        return None
    inputs = await services.store.overview.latest_tally_inputs(subject)
    if inputs is None:
        raise web.HTTPNotFound()
    result = tally(services.concept, inputs.records, round_id=inputs.round.id, invited=inputs.invited, named_mode=inputs.round.named_mode)
    return tally_workbook(result, lambda key: t(lang, key), lang, services.clock.now().astimezone(services.window.tz).date())


FILES: dict[str, Callable[[Services, str, str, str], Awaitable[bytes | None]]] = {
    KIND_HR: _hr_file, KIND_COMMITTEE: _committee_file, KIND_PLAN: _plan_file, KIND_TALLY: _tally_file}


async def download(request: web.Request, services: Services) -> web.Response:
    info = request.match_info
    kind, subject, user_id = info["kind"], info["subject"], info["user"]
    now: datetime = services.clock.now()
    audit = services.store.audit
    problem = check_export_link(calendar_key(services.settings), kind, subject, info["expires"], user_id, info["sig"], now)
    where = f"{kind}:{subject[:80]}"
    if problem is not None:
        await audit.record(actor="link", action=AUDIT_REFUSED, subject=f"{where}:{problem}", now=now)
        raise web.HTTPGone() if problem == "expired" else web.HTTPForbidden()
    lang = await proactive_language(services, user_id)
    try:
        body = await FILES[kind](services, subject, user_id, lang)
    except ConnectorError:  # the roster could not be read: refuse rather than guess
        await audit.record(actor=user_id, action=AUDIT_REFUSED, subject=f"{where}:roster_failed", now=now)
        raise web.HTTPServiceUnavailable() from None
    if body is None:
        await audit.record(actor=user_id, action=AUDIT_REFUSED, subject=f"{where}:no_role", now=now)
        raise web.HTTPForbidden()
    await audit.record(actor=user_id, action=AUDIT_DOWNLOADED, subject=where, now=now)
    return web.Response(body=body, content_type=XLSX, headers={
        "Cache-Control": "no-store", "Content-Disposition": f'attachment; filename="{FILE_NAMES[kind]}"'})


def add_export_route(app: web.Application, services: Services) -> None:
    async def handler(request: web.Request) -> web.Response:
        return await download(request, services)

    app.router.add_get("/exports/{kind}/{subject}/{expires}/{user}/{sig}.xlsx", handler)
