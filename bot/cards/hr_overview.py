"""HR's overview card (step 14): the top three, the chosen themes, the asks of the organisation, the follow-ups.

A card has a size limit, so it shows the first ``ASKS_ON_CARD`` asks of each theme and committee
and points to the spreadsheet for the rest; counts hidden by the small-numbers rule show "–".
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from pydantic import Field

from ..process.concept import Concept, Kind
from ..process.hr_overview import NOT_REPORTED, PROGRESS_KEYS, HrOverview
from ..process.overview import OTHER
from ..texts import format_number, t
from .elements import MAX_MESSAGE_BYTES, Element, card, container, facts, heading, json_size, open_url, subheading, text, verbatim
from .payload import Payload

ASKS_ON_CARD = 3  # per theme and committee
# Every theme times many committees, each ask up to 1,000 characters, is far more than a card's 40 KB: the
# card tries these (characters of an ask, asks per group, groups) in turn until it fits.
FITS: tuple[tuple[int | None, int, int | None], ...] = (
    (None, ASKS_ON_CARD, None), (200, ASKS_ON_CARD, None), (100, 2, None), (60, 1, None), (60, 1, 30), (60, 0, 20))
HIDDEN = "–"


class HrShow(Payload):
    """Open HR's overview (typed ``hr``)."""

    VERB: ClassVar[str] = "hr.show"
    cycle: int | None = Field(default=None, ge=2000, le=2200)  # None: the newest cycle anyone sent on in


def theme_namer(concept: Concept, lang: str) -> Callable[[str, str], str]:
    """(kind, theme id) -> the theme's title in ``lang``; the own proposal is "Valgfrit (egne forslag)"."""
    def name(kind: str, theme_id: str) -> str:
        try:
            catalogue = concept.catalogue(Kind(kind))
        except ValueError:
            return theme_id
        if theme_id == catalogue.own_proposal.id:
            return t(lang, "hr.own")
        found = catalogue.find(theme_id)
        return found.title(lang) if found else theme_id
    return name


def _count(lang: str, value: int | None) -> str:
    return HIDDEN if value is None else format_number(lang, value)


def hr_overview_card(lang: str, concept: Concept, overview: HrOverview, *, committee_names: Mapping[str, str],
                     download_url: str | None = None, link_days: int = 0) -> Element:
    name = theme_namer(concept, lang)
    body: list[Element] = [heading(t(lang, "hr.title")), text(t(lang, "hr.intro"), subtle=True)]
    if overview.workplaces is None:
        body.append(text(t(lang, "hr.workplaces.few", min=overview.min_group_size), weight="Bolder"))
    else:
        body.append(text(t(lang, "hr.workplaces", count=format_number(lang, overview.workplaces)), weight="Bolder"))
    body += [subheading(t(lang, "hr.top.title"), separator=True), text(t(lang, "hr.top.intro"), subtle=True)]
    if overview.top:
        body.append(facts([(t(lang, "hr.place", place=top.place),
                            f"{name(top.kind, top.theme_id)} – " + (t(lang, "hr.count.hidden") if top.workplaces is None
                                                                    else t(lang, "hr.count", count=format_number(lang, top.workplaces))))
                           for top in overview.top]))
    else:
        body.append(text(t(lang, "hr.top.none"), subtle=True))
    body.append(subheading(t(lang, "hr.themes.title"), separator=True))
    for kind in Kind:
        rows = [r for r in overview.themes if r.kind == kind.value]
        body.append(text(t(lang, f"hr.kind.{kind.value}"), weight="Bolder", spacing="Small"))
        body.append(facts([(name(r.kind, r.theme_id), _count(lang, r.workplaces)) for r in rows]))
    body.append(text(t(lang, "hr.hidden.note", min=overview.min_group_size), subtle=True))
    body += [subheading(t(lang, "hr.asks.title"), separator=True), text(t(lang, "hr.asks.intro"), subtle=True)]
    if not overview.asks:
        body.append(text(t(lang, "hr.asks.none"), subtle=True))
    tail: list[Element] = []
    if overview.asks_withheld:
        tail.append(text(t(lang, "hr.asks.withheld"), subtle=True))
    tail.append(subheading(t(lang, "hr.progress.title"), separator=True))
    for p in overview.progress:
        tail.append(text(t(lang, "hr.progress.months", months=p.months, workplaces=_count(lang, p.workplaces)), weight="Bolder", spacing="Small"))
        tail.append(facts([(t(lang, "hr.progress.not_reported" if k == NOT_REPORTED else f"follow_up.status.{k}"),
                            _count(lang, p.statuses.get(k))) for k in PROGRESS_KEYS]))
    actions: list[Element] = []
    if download_url:
        tail.append(text(t(lang, "hr.download.note", days=link_days), subtle=True, separator=True))
        actions.append(open_url(t(lang, "hr.download"), download_url))
    for fit in FITS:
        built = card(body + _asks(lang, name, overview, committee_names, fit) + tail, actions or None, fallback_text=t(lang, "hr.title"))
        if json_size(built) < MAX_MESSAGE_BYTES - 2_000:
            break
    return built


def _cut(value: str, limit: int | None) -> str:
    return value if limit is None or len(value) <= limit else value[:limit].rstrip() + "…"


def _asks(lang: str, name: Callable[[str, str], str], overview: HrOverview, committee_names: Mapping[str, str],
          fit: tuple[int | None, int, int | None]) -> list[Element]:
    chars, per_group, groups = fit
    out: list[Element] = []
    for group in overview.asks[:groups]:
        committee = t(lang, "hr.asks.other") if group.committee_id == OTHER else committee_names.get(group.committee_id, group.committee_id)
        items: list[Element] = [verbatim(name(group.kind, group.theme_id), bold=True),
                                verbatim(t(lang, "hr.asks.group", committee=committee, count=format_number(lang, group.workplaces)))]
        for ask in group.asks[:per_group]:
            items.append(verbatim(_cut(ask.ask or ask.title, chars), prefix=f"{_cut(ask.title, chars)}: " if ask.ask else None,
                                  prefix_subtle=True))
        if len(group.asks) > per_group:
            items.append(text(t(lang, "hr.asks.more", count=len(group.asks) - per_group), subtle=True))
        out.append(container(items, style="emphasis", spacing="Small"))
    if groups is not None and len(overview.asks) > groups:
        out.append(text(t(lang, "hr.asks.more", count=len(overview.asks) - groups), subtle=True))
    return out
