"""Counts above one workplace (a department, the whole organisation) that cannot single anyone out.

A workplace with fewer respondents than the minimum group size is never shown on its own: the
small ones are merged into one "other workplaces" group, and if even that group is too small
its counts are left out altogether, of the totals too, because a total minus the workplaces
shown would give the small group's counts back.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

OTHER = "other"  # the key of the merged group in `OrganisationCounts.groups`
DEFAULT_MIN_GROUP_SIZE = 5


@dataclass
class WorkplaceCounts:
    """How many answered at one workplace, and how often each (kind, theme id) was chosen."""

    respondents: int = 0
    themes: Counter[tuple[str, str]] = field(default_factory=Counter)


@dataclass(frozen=True)
class OrganisationCounts:
    """What may be shown: per group (a workplace id, or OTHER) and in total."""

    groups: dict[str, WorkplaceCounts]
    totals: Counter[tuple[str, str]]
    respondents: int
    merged_workplaces: int  # small workplaces inside OTHER
    suppressed_workplaces: int  # small workplaces left out entirely


def organisation_theme_counts(counts: Mapping[str, WorkplaceCounts], *, min_group_size: int = DEFAULT_MIN_GROUP_SIZE) -> OrganisationCounts:
    """Theme counts across workplaces, each shown group holding at least `min_group_size` respondents."""
    if min_group_size < 1:
        raise ValueError("min_group_size must be at least 1")
    groups: dict[str, WorkplaceCounts] = {}
    small = [w for w in counts.values() if 0 < w.respondents < min_group_size]
    for team_id, workplace in counts.items():
        if workplace.respondents >= min_group_size:
            groups[team_id] = WorkplaceCounts(workplace.respondents, Counter(workplace.themes))
    merged = WorkplaceCounts()
    for workplace in small:
        merged.respondents += workplace.respondents
        merged.themes.update(workplace.themes)
    merged_count = suppressed = 0
    if merged.respondents >= min_group_size:
        groups[OTHER] = merged
        merged_count = len(small)
    else:
        suppressed = len(small)
    totals: Counter[tuple[str, str]] = Counter()
    for group in groups.values():
        totals.update(group.themes)
    return OrganisationCounts(groups, totals, sum(g.respondents for g in groups.values()), merged_count, suppressed)
