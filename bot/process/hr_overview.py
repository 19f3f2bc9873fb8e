"""Step 14 of the guide (2. december): HR's overview across all workplaces.

"Efter at alle ledere og afdelinger har gennemført TalSammendialogerne har alle ledere meldt ind
til HR, hvilket emne, det efter dialogerne er blevet besluttet, at man ønsker at arbejde videre
med ... de tre tematikker, som flest afdelinger er optagede af at arbejde med og forbedre." The
rules, written down:

* What is counted. Only what planning groups sent on (``organisation.Submission``): the themes
  they *chose* (not the nominated ones), their initiatives, and the statuses they recorded at the
  follow-ups. Nothing an employee wrote reaches this level.
* A workplace counts once: its latest send (highest version, then latest time) wins, whichever
  committee it went to. A workplace moved to another committee appears under the committee its
  latest send went to (what it sent earlier stays in the old committee's own overview).
* Top three. Across both kinds, by how many workplaces chose the theme. Equal counts share a
  place (1, 1, 3 ...) and every theme placed 1st-3rd is shown, so a tie at third place shows all
  tied, ordered by catalogue order (well-being catalogue first, then leadership); the bot never
  breaks a tie by chance: HR picks. Own proposals ("Valgfrit") are counted in the table but never
  placed: each workplace's own proposal is a different theme, no workshop is about "own proposal".
  No top three is shown before at least ``min_group_size`` workplaces have sent on.
* Small numbers. A count from 1 to ``min_group_size``-1 is hidden ("–"); so that a hidden count
  cannot be worked out from the total minus the rest, further counts of the same table are hidden
  (the smallest first) until at least two are hidden and together they hold ``min_group_size``.
* Asks of the organisation, by theme and committee. A workplace's asks appear under both its
  chosen themes (an initiative is not tied to one theme; the committee overview does the same).
  Under a theme, a committee whose asking workplaces are fewer than ``min_group_size`` is merged
  into "other committees" (``OTHER``); if even that group is too small its asks are left out here
  (they stay in the committees' own overviews) and ``asks_withheld`` says that something was.
  Workplace names are not shown at this level.
* Progress. At the 3- and 6-month follow-up (counted from the plan's adoption, as the follow-up
  step does), each sent initiative's newest status recorded from that follow-up's day until the
  next one's; none is "not reported". Only follow-ups whose day has come count.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from .calendar import WorkingWindow, schedule_at
from .dialogue import FOLLOW_UP_MONTHS, follow_up_days
from .follow_up import Status, StatusEntry
from .organisation import Submission, SubmittedInitiative
from .overview import DEFAULT_MIN_GROUP_SIZE, OTHER

TOP_PLACES = 3
NOT_REPORTED = "not_reported"
PROGRESS_KEYS = tuple(s.value for s in Status) + (NOT_REPORTED,)
K = TypeVar("K")


def latest_per_workplace(submissions: Iterable[Submission]) -> dict[str, Submission]:
    """Team id -> its latest send (a re-send replaces the earlier one; a move follows the latest)."""
    latest: dict[str, Submission] = {}
    for s in submissions:
        held = latest.get(s.team_id)
        if held is None or (s.version, s.sent_at) > (held.version, held.sent_at):
            latest[s.team_id] = s
    return latest


def suppress(counts: Mapping[K, int], min_group_size: int, order: Sequence[K] = ()) -> dict[K, int | None]:
    """The counts that may be shown; None where hidden (see the module's rule on small numbers)."""
    rank = {k: i for i, k in enumerate(order)}
    hidden = {k for k, v in counts.items() if 0 < v < min_group_size}
    if hidden:
        rest = sorted((k for k, v in counts.items() if v >= min_group_size), key=lambda k: (counts[k], rank.get(k, len(rank))))
        while rest and (len(hidden) < 2 or sum(counts[k] for k in hidden) < min_group_size):
            hidden.add(rest.pop(0))
    return {k: (None if k in hidden else v) for k, v in counts.items()}


@dataclass(frozen=True)
class ThemeRow:
    kind: str
    theme_id: str
    workplaces: int | None  # None: hidden
    own: bool = False


@dataclass(frozen=True)
class TopTheme:
    place: int
    kind: str
    theme_id: str
    workplaces: int | None


@dataclass(frozen=True)
class AskGroup:
    kind: str
    theme_id: str
    committee_id: str  # or OTHER: committees with too few asking workplaces, merged
    workplaces: int
    asks: tuple[SubmittedInitiative, ...]


@dataclass(frozen=True)
class FollowUpProgress:
    months: int
    workplaces: int | None  # workplaces whose follow-up day has come (None: hidden)
    statuses: dict[str, int | None]  # PROGRESS_KEYS -> initiatives (None: hidden)


@dataclass(frozen=True)
class FollowUpInputs:
    """One dialogue's follow-up moments (months -> when due) and every status recorded."""

    moments: dict[int, datetime]
    statuses: tuple[StatusEntry, ...] = ()


@dataclass(frozen=True)
class HrOverview:
    workplaces: int | None  # workplaces that sent on (None: fewer than the minimum)
    themes: tuple[ThemeRow, ...]
    top: tuple[TopTheme, ...]
    asks: tuple[AskGroup, ...]
    asks_withheld: bool
    progress: tuple[FollowUpProgress, ...]
    min_group_size: int


def follow_up_moments(adopted_on: date, window: WorkingWindow) -> dict[int, datetime]:
    """Months -> when that follow-up falls due, as the follow-up step computes it (``follow_up.follow_up_moments``)."""
    return {m: schedule_at(d, window) for m, d in zip(FOLLOW_UP_MONTHS, follow_up_days(adopted_on, window))}


def follow_up_inputs(adopted_at: datetime, statuses: Iterable[StatusEntry], window: WorkingWindow,
                     cache: dict[date, dict[int, datetime]] | None = None) -> FollowUpInputs:
    """One dialogue's inputs; ``cache`` (adoption day -> moments) spares the calendar for plans adopted the same day."""
    day = adopted_at.astimezone(window.tz).date()
    if cache is None:
        return FollowUpInputs(follow_up_moments(day, window), tuple(statuses))
    if day not in cache:
        cache[day] = follow_up_moments(day, window)
    return FollowUpInputs(cache[day], tuple(statuses))


def top_three(counts: Mapping[tuple[str, str], int], order: Sequence[tuple[str, str]]) -> list[tuple[int, tuple[str, str]]]:
    """(place, (kind, theme id)) of every theme placed 1st-3rd; equal counts share a place."""
    rank = {k: i for i, k in enumerate(order)}
    ranked = sorted((k for k, v in counts.items() if v > 0), key=lambda k: (-counts[k], rank.get(k, len(rank)), k))
    out = []
    for key in ranked:
        place = 1 + sum(1 for v in counts.values() if v > counts[key])
        if place > TOP_PLACES:
            break
        out.append((place, key))
    return out


def hr_overview(submissions: Iterable[Submission], *, catalogue: Mapping[str, Sequence[str]], own_ids: Mapping[str, str],
                follow_ups: Mapping[str, FollowUpInputs], now: datetime,
                min_group_size: int = DEFAULT_MIN_GROUP_SIZE) -> HrOverview:
    """The overview. ``catalogue``: kind -> theme ids in catalogue order; ``own_ids``: kind -> the
    own-proposal id; ``follow_ups``: dialogue id -> its follow-up inputs (missing: no adopted plan)."""
    if min_group_size < 1:
        raise ValueError("min_group_size must be at least 1")
    latest = latest_per_workplace(submissions)
    order = [(kind, t) for kind, ids in catalogue.items() for t in ids] + [(kind, own) for kind, own in own_ids.items()]
    chosen: Counter[tuple[str, str]] = Counter({k: 0 for k in order})
    for s in latest.values():
        for theme in s.themes:
            chosen[(theme.kind, theme.theme_id)] += 1
    order += sorted(k for k in chosen if k not in set(order))  # a theme removed from the concept since
    own = {(kind, own) for kind, own in own_ids.items()}
    shown: dict[tuple[str, str], int | None] = {}
    for kind in catalogue:
        shown.update(suppress({k: v for k, v in chosen.items() if k[0] == kind}, min_group_size, order))
    themes = tuple(ThemeRow(k[0], k[1], shown[k], own=k in own) for k in order)
    enough = len(latest) >= min_group_size
    top = tuple(TopTheme(place, k[0], k[1], shown[k])
                for place, k in top_three({k: v for k, v in chosen.items() if k not in own}, order)) if enough else ()
    asks, withheld = _asks(latest.values(), order, min_group_size)
    return HrOverview(len(latest) if enough else None, themes, top, asks, withheld,
                      _progress(latest.values(), follow_ups, now, min_group_size), min_group_size)


def _asks(latest: Iterable[Submission], order: Sequence[tuple[str, str]], min_group_size: int) -> tuple[tuple[AskGroup, ...], bool]:
    by_theme: dict[tuple[str, str], dict[str, list[Submission]]] = defaultdict(lambda: defaultdict(list))
    for s in sorted(latest, key=lambda s: s.team_id):
        if s.asks:
            for theme in s.themes:
                by_theme[(theme.kind, theme.theme_id)][s.committee_id].append(s)
    groups: list[AskGroup] = []
    withheld = False
    for key in [k for k in order if k in by_theme]:
        merged: list[Submission] = []
        for committee_id in sorted(by_theme[key]):
            senders = by_theme[key][committee_id]
            if len(senders) >= min_group_size:
                groups.append(AskGroup(key[0], key[1], committee_id, len(senders), tuple(a for s in senders for a in s.asks)))
            else:
                merged += senders
        if len(merged) >= min_group_size:
            groups.append(AskGroup(key[0], key[1], OTHER, len(merged), tuple(a for s in merged for a in s.asks)))
        elif merged:
            withheld = True
    return tuple(groups), withheld


def status_at(entries: Iterable[StatusEntry], initiative_id: str, start: datetime, end: datetime | None) -> str:
    """The initiative's newest status recorded in [start, end), or NOT_REPORTED."""
    found = [e for e in entries if e.initiative_id == initiative_id and e.at >= start and (end is None or e.at < end)]
    return max(found, key=lambda e: e.at).status.value if found else NOT_REPORTED


def _progress(latest: Iterable[Submission], follow_ups: Mapping[str, FollowUpInputs], now: datetime,
              min_group_size: int) -> tuple[FollowUpProgress, ...]:
    due: Counter[int] = Counter()
    counts: dict[int, Counter[str]] = {m: Counter({k: 0 for k in PROGRESS_KEYS}) for m in FOLLOW_UP_MONTHS}
    for s in latest:
        inputs = follow_ups.get(s.dialogue_id)
        if inputs is None:
            continue
        moments = sorted(inputs.moments.items())
        for n, (months, start) in enumerate(moments):
            if now < start:
                continue
            end = moments[n + 1][1] if n + 1 < len(moments) else None
            due[months] += 1
            for initiative in s.initiatives:
                counts[months][status_at(inputs.statuses, initiative.id, start, end)] += 1
    out = []
    for months in FOLLOW_UP_MONTHS:
        workplaces = due[months]
        if 0 < workplaces < min_group_size:  # too few workplaces: their statuses would point at them
            out.append(FollowUpProgress(months, None, {k: None for k in PROGRESS_KEYS}))
        else:
            out.append(FollowUpProgress(months, workplaces, suppress(counts[months], min_group_size, PROGRESS_KEYS)))
    return tuple(out)
