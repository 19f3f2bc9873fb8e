"""Step 4 of the guide: the planning group looks at what was nominated.

Themes are ranked by nominations; own proposals with the same title (ignoring case and spacing)
count together. Reasons are grouped under their theme. In anonymous mode the reasons carry no
name and are ordered by their text, so their order cannot betray who wrote them or when.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .concept import Concept, Kind, Localized
from .nomination import NominationInput
from .nomination import Round
from .text import fold_title


@dataclass(frozen=True)
class NominationRecord:
    """One stored nomination, as the tally sees it."""

    user_id: str
    name: str
    nomination: NominationInput
    submitted_at: datetime
    entered_by: str | None = None  # the contact person who entered a paper form; None: the employee


@dataclass(frozen=True)
class Reason:
    why_me: str
    core_task: str
    name: str | None = None
    # Entered by the contact person from a paper form (Bilag 2). Set in named mode only: in
    # anonymous mode the planning group knows who got a paper form (the status card names who
    # could not be reached), so a mark would point at the few who wrote that reason.
    on_paper: bool = False


@dataclass
class ThemeCount:
    theme_id: str
    title: Localized | str  # a user's own proposal keeps its own words, untranslated
    is_own: bool
    count: int = 0
    reasons: list[Reason] = field(default_factory=list)

    def title_in(self, lang: str) -> str:
        return self.title if isinstance(self.title, str) else self.title(lang)


@dataclass(frozen=True)
class KindTally:
    kind: Kind
    themes: tuple[ThemeCount, ...]  # ranked, most nominated first; unnominated last


@dataclass(frozen=True)
class Tally:
    round_id: str
    responded: int
    invited: int
    named_mode: bool
    kinds: dict[Kind, KindTally]

    @property
    def response_rate(self) -> float:
        return self.responded / self.invited if self.invited else 0.0


def tally(concept: Concept, records: Iterable[NominationRecord], *, round_id: str, invited: int, named_mode: bool) -> Tally:
    records = list(records)
    kinds: dict[Kind, KindTally] = {}
    for kind in Kind:
        catalogue = concept.catalogue(kind)
        counts: dict[str, ThemeCount] = {
            t.id: ThemeCount(t.id, t.title, is_own=False) for t in catalogue.themes
        }
        order = {t.id: i for i, t in enumerate(catalogue.themes)}
        for record in records:
            choice = record.nomination.choice(kind)
            if choice.theme_id == catalogue.own_proposal.id:
                key = "own:" + fold_title(choice.own_title or "")
                entry = counts.setdefault(key, ThemeCount(key, choice.own_title or "", is_own=True))
            else:
                entry = counts.get(choice.theme_id)
                if entry is None:  # a theme removed from the concept since; still counted
                    entry = counts.setdefault(choice.theme_id, ThemeCount(choice.theme_id, choice.theme_id, is_own=True))
            entry.count += 1
            entry.reasons.append(Reason(choice.why_me, choice.core_task, record.name if named_mode else None,
                                        on_paper=named_mode and record.entered_by is not None))
        for entry in counts.values():
            entry.reasons.sort(key=lambda r: (r.name or "", r.why_me, r.core_task))
        ranked = sorted(
            counts.values(),
            key=lambda c: (-c.count, c.is_own, order.get(c.theme_id, len(order)), str(c.title).casefold()),
        )
        kinds[kind] = KindTally(kind, tuple(ranked))
    return Tally(round_id, len(records), max(invited, len(records)), named_mode, kinds)


@dataclass(frozen=True)
class TallyInputs:
    """What the tally of a workplace's latest round needs, read in one go."""

    round: Round
    records: list[NominationRecord]
    invited: int


def count_themes(nominations: Iterable[NominationInput]) -> Counter[tuple[str, str]]:
    """How often each (kind, theme id) was nominated: the counts that outlive the nominations.

    Each nomination counts once for its well-being theme and once for its leadership theme.
    Own proposals count together under the concept's own-proposal id, whatever their titles:
    a title is free text, which retention deletes and counts across workplaces must not show.
    (The tally above groups own proposals by title instead; it is read while the titles live.)
    """
    counts: Counter[tuple[str, str]] = Counter()
    for nomination in nominations:
        for kind in Kind:
            counts[(kind.value, nomination.choice(kind).theme_id)] += 1
    return counts


def round_to_report(latest_rounds: Iterable[Round | None]) -> Round | None:
    """Which round a planning-group member sees in the tally and the status.

    Asked in a team's channel, the candidates are that team's latest round; asked in a 1:1
    chat, the latest round of every team whose planning group they are in. The newest opened
    of those is reported: it is the one a planning group is working on.
    """
    rounds = [r for r in latest_rounds if r is not None]
    return max(rounds, key=lambda r: r.opened_at) if rounds else None


def paginate(sizes: Sequence[int], *, budget: int, groups: Sequence[int] | None = None,
             header: Sequence[int] | None = None) -> list[range]:
    """Split items of the given ``sizes`` (in order) into consecutive pages of at most ``budget``.

    Items belong to ``groups`` (a theme each, consecutive); a page that holds items of a group
    also shows the group's ``header`` (its title), which costs ``header[group]`` once per page.
    An item too big for an empty page gets a page of its own rather than being lost. The same
    sizes always give the same pages, so a page number on a button means the same reasons
    however often it is pressed (until new nominations arrive).
    """
    pages: list[range] = []
    start, used, shown_groups = 0, 0, set()
    for index, size in enumerate(sizes):
        group = groups[index] if groups is not None else 0
        cost = size + (0 if group in shown_groups or header is None else header[group])
        if index > start and used + cost > budget:
            pages.append(range(start, index))
            start, used, shown_groups = index, 0, set()
            cost = size + (0 if header is None else header[group])
        used += cost
        shown_groups.add(group)
    if start < len(sizes):
        pages.append(range(start, len(sizes)))
    return pages


def page_of(pages: Sequence[range], index: int) -> int:
    """The 1-based page that holds item ``index`` (0 when there is no such item)."""
    return next((number for number, page in enumerate(pages, start=1) if index in page), 0)
