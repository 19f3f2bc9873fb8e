"""Step 4 of the guide: the planning group looks at what was nominated.

Themes are ranked by nominations; own proposals with the same title (ignoring case and spacing)
count together. Reasons are grouped under their theme. In anonymous mode the reasons carry no
name and are ordered by their text, so their order cannot betray who wrote them or when.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
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
            entry.reasons.append(Reason(choice.why_me, choice.core_task, record.name if named_mode else None))
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
