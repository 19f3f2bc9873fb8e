"""Steps 13-14 of the guide across the organisation: coordination committees, HR, and what is sent on.

"Opfølgning på tværs i organisationen": before 1 December each workplace sends its development
plan, and the initiatives that need support from outside the workplace (IGLO's Organisation),
to its MED coordination committee (MED-Koordinationsgruppen), which forwards them to HR; HR runs
follow-up workshops on the three themes most workplaces chose. The rules, written down:

* Administrators. The first come from the ``ADMINISTRATORS`` setting; others are granted and
  revoked in the bot (audited). The last administrator cannot be removed (``may_revoke``), so
  someone can always set up the organisation.
* Committees. A team where the bot is installed registers itself as a coordination committee
  (``KIND_COMMITTEE``) or as HR (``KIND_HR``); one team is one committee. A workplace (team) is
  linked to at most one committee; moving it changes where its *next* send goes, while what it
  already sent stays with the committee it was sent to (submissions carry their committee id).
* Sending on. Each send is a new version (1, 2, ...) per workplace and committee with a snapshot
  of the chosen themes and initiatives; a later version is marked "ny version" with what changed
  against the previous one the same committee received (``diff``, by initiative id, named by title).
* Membership of a committee (who may see its overview, nudge and forward to HR) is being in the
  committee's team: the overview and its buttons work only in a conversation of that team, and
  the team is read from the authenticated activity (Teams delivers a channel's messages only from
  the team's members), never from a card. No roster read, no membership stored to go stale.
* Nudging those missing: at most once per person and workplace per Copenhagen day (``nudge_key``;
  the queue's one-a-day slot holds it too).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .development_plan import DevelopmentPlan, Level

KIND_COMMITTEE = "committee"
KIND_HR = "hr"
KINDS = (KIND_COMMITTEE, KIND_HR)
NAME_MAX = 100
COMMENT_MAX = 1000

# Queue kinds (reminder ``kind`` strings) of this part.
SENT_TO_COMMITTEE_KIND = "sent_to_committee"  # key sent_to_committee:<dialogue>:<version>, to the committee's team
COMMITTEE_NUDGE_KIND = "committee_nudge"  # key committee_nudge:<dialogue>:<user>:<day>, to a planning group member
HR_FORWARD_KIND = "hr_forward"  # key hr_forward:<forward id>:<hr committee id>, to HR's team
# Posts to a committee's or HR's channel: many a day to one channel, so not held to one a day.
UNLIMITED_KINDS = frozenset({SENT_TO_COMMITTEE_KIND, HR_FORWARD_KIND})


@dataclass(frozen=True)
class Committee:
    id: str
    team_id: str  # the team (channel) where the bot is installed for it
    name: str
    kind: str  # KIND_COMMITTEE | KIND_HR
    created_by: str
    created_at: datetime

    @property
    def is_hr(self) -> bool:
        return self.kind == KIND_HR


@dataclass(frozen=True)
class SubmittedTheme:
    """A chosen theme as it was sent: kind ("wellbeing"/"leadership"), catalogue id, own title."""

    kind: str
    theme_id: str
    own_title: str | None = None


@dataclass(frozen=True)
class SubmittedInitiative:
    """An initiative as it was sent (a snapshot: later edits to the plan do not change it)."""

    id: str
    title: str
    why: str = ""
    needs_organisation: bool = False
    ask: str = ""  # what is asked of the organisation
    organisation: str = ""  # the IGLO Organisation level's contribution
    owner_name: str = ""


@dataclass(frozen=True)
class Changes:
    """What changed since the previous version the committee received, by initiative title."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True)
class Submission:
    """One version of one workplace's plan, sent to one committee."""

    committee_id: str
    team_id: str
    dialogue_id: str
    version: int  # 1, 2, ... per dialogue
    sent_at: datetime
    sent_by: str
    plan_version: int
    initiatives: tuple[SubmittedInitiative, ...]
    themes: tuple[SubmittedTheme, ...]
    changes: Changes | None = None  # None for the first version
    workplace_name: str = ""

    @property
    def asks(self) -> tuple[SubmittedInitiative, ...]:
        return tuple(i for i in self.initiatives if i.needs_organisation)


@dataclass(frozen=True)
class Forward:
    """A committee forwarded what it received to HR, with its own comment."""

    id: int
    committee_id: str
    forwarded_by: str
    forwarded_at: datetime
    comment: str


# -- Rules ------------------------------------------------------------------------------------------

def committee_id_for(team_id: str) -> str:
    """A committee's id is derived from its team, so registering twice is one committee."""
    return "c-" + hashlib.sha256(team_id.encode()).hexdigest()[:24]


def clean_name(text: str | None) -> str:
    return " ".join((text or "").split())[:NAME_MAX]


def clean_comment(text: str | None) -> str:
    return (text or "").strip()[:COMMENT_MAX]


def may_revoke(admins: Iterable[str], user_id: str) -> bool:
    """At least one administrator always remains."""
    rest = set(admins) - {user_id}
    return user_id in set(admins) and bool(rest)


def snapshot(plan: DevelopmentPlan) -> tuple[SubmittedInitiative, ...]:
    return tuple(SubmittedInitiative(id=i.id, title=i.title, why=i.why, needs_organisation=i.needs_organisation,
                                     ask=i.ask if i.needs_organisation else "",
                                     organisation=i.contribution(Level.ORGANISATION), owner_name=i.owner_name)
                 for i in plan.initiatives)


def diff(before: Iterable[SubmittedInitiative], after: Iterable[SubmittedInitiative]) -> Changes:
    """Initiatives added, removed or changed (any field), matched by id, named by their (new) title."""
    old = {i.id: i for i in before}
    new = {i.id: i for i in after}
    return Changes(added=tuple(new[k].title for k in new if k not in old),
                   removed=tuple(old[k].title for k in old if k not in new),
                   changed=tuple(new[k].title for k in new if k in old and new[k] != old[k]))


def next_submission(previous: Submission | None, *, committee_id: str, team_id: str, dialogue_id: str,
                    plan: DevelopmentPlan, themes: tuple[SubmittedTheme, ...], by: str, now: datetime,
                    version: int, workplace_name: str = "") -> Submission:
    """The submission to store; ``previous`` is the last one *this committee* got from the dialogue
    (a moved workplace's first send to its new committee is not a re-send there)."""
    initiatives = snapshot(plan)
    changes = diff(previous.initiatives, initiatives) if previous is not None else None
    return Submission(committee_id=committee_id, team_id=team_id, dialogue_id=dialogue_id, version=version,
                      sent_at=now, sent_by=by, plan_version=plan.version, initiatives=initiatives,
                      themes=themes, changes=changes, workplace_name=workplace_name)


@dataclass(frozen=True)
class WorkplaceState:
    team_id: str
    name: str
    latest: Submission | None  # None: not sent


@dataclass(frozen=True)
class Overview:
    sent: tuple[WorkplaceState, ...]
    missing: tuple[WorkplaceState, ...]
    asks_by_theme: tuple[tuple[SubmittedTheme, tuple[tuple[str, SubmittedInitiative], ...]], ...] = field(default=())


def overview(committee_id: str, links: Mapping[str, str], names: Mapping[str, str],
             submissions: Iterable[Submission]) -> Overview:
    """Linked workplaces that have sent (latest version) and those that have not; every ask of
    the organisation, under each chosen theme of the workplace that asked (a workplace's asks
    appear under both its themes, since an initiative is not tied to one theme)."""
    latest: dict[str, Submission] = {}
    for s in submissions:
        if s.committee_id == committee_id and (s.team_id not in latest or s.version > latest[s.team_id].version):
            latest[s.team_id] = s
    linked = sorted((t for t, c in links.items() if c == committee_id), key=lambda t: names.get(t, t).casefold())
    sent = [WorkplaceState(t, names.get(t, t), latest[t]) for t in linked if t in latest]
    # What was sent stays with the committee even if the workplace has since moved.
    sent += [WorkplaceState(t, names.get(t, s.workplace_name or t), s) for t, s in latest.items() if t not in linked]
    missing = [WorkplaceState(t, names.get(t, t), None) for t in linked if t not in latest]
    grouped: dict[tuple[str, str, str | None], list[tuple[str, SubmittedInitiative]]] = {}
    order: list[SubmittedTheme] = []
    for w in sent:
        assert w.latest is not None
        for theme in w.latest.themes:
            k = (theme.kind, theme.theme_id, theme.own_title)
            if k not in grouped:
                grouped[k] = []
                order.append(theme)
            grouped[k] += [(w.name, i) for i in w.latest.asks]
    asks = tuple((t, tuple(grouped[(t.kind, t.theme_id, t.own_title)])) for t in order
                 if grouped[(t.kind, t.theme_id, t.own_title)])
    return Overview(tuple(sent), tuple(missing), asks)


def nudge_key(dialogue_id: str, user_id: str, day: date) -> str:
    """One nudge per person and workplace's dialogue per day (the queue ignores a second row)."""
    return f"{COMMITTEE_NUDGE_KIND}:{dialogue_id}:{user_id}:{day.isoformat()}"


def sent_key(dialogue_id: str, version: int) -> str:
    return f"{SENT_TO_COMMITTEE_KIND}:{dialogue_id}:{version}"


def forward_key(forward_id: int, hr_id: str) -> str:
    return f"{HR_FORWARD_KIND}:{forward_id}:{hr_id}"


def forward_of_key(key: str) -> tuple[int, str] | None:
    """(forward id, HR committee id) of an ``hr_forward`` key; None for anything else."""
    parts = key.split(":")
    if len(parts) != 3 or parts[0] != HR_FORWARD_KIND or not parts[1].isdigit():
        return None
    return int(parts[1]), parts[2]


def nudge_obsolete_reason(*, sent: bool, linked: bool, in_group: bool) -> str | None:
    if sent:
        return "sent_on"
    if not linked:
        return "unlinked"
    if not in_group:
        return "not_planning_group"
    return None


# -- JSON snapshots (for storage; pure) ------------------------------------------------------------------

def initiatives_to_json(items: Iterable[SubmittedInitiative]) -> list[dict[str, Any]]:
    return [i.__dict__.copy() for i in items]


def initiatives_from_json(data: Iterable[Mapping[str, Any]]) -> tuple[SubmittedInitiative, ...]:
    return tuple(SubmittedInitiative(**{k: v for k, v in d.items() if k in SubmittedInitiative.__dataclass_fields__})
                 for d in data)


def themes_to_json(items: Iterable[SubmittedTheme]) -> list[dict[str, Any]]:
    return [t.__dict__.copy() for t in items]


def themes_from_json(data: Iterable[Mapping[str, Any]]) -> tuple[SubmittedTheme, ...]:
    return tuple(SubmittedTheme(kind=d["kind"], theme_id=d["theme_id"], own_title=d.get("own_title")) for d in data)


def changes_to_json(c: Changes | None) -> dict[str, list[str]] | None:
    return None if c is None else {"added": list(c.added), "removed": list(c.removed), "changed": list(c.changed)}


def changes_from_json(d: Mapping[str, Any] | None) -> Changes | None:
    if d is None:
        return None
    return Changes(tuple(d.get("added", ())), tuple(d.get("removed", ())), tuple(d.get("changed", ())))
