"""Step 4 of the guide as cards: what was nominated, ranked, and every reason, on pages if need be.

The tally card must stay under the message size limit, yet 300 employees writing 500-character
reasons write 300 KB. So the tally shows the ranking and as many reasons as fit (breadth first:
the first reason of every theme before the second of any), and the reasons of each kind are
also laid out on pages (``reason_pages``), each page a card of its own under the limit. Every
theme whose reasons are not all on the tally has a button to the page where its unread reasons
begin, and each page says whether there is another. Page boundaries depend on the reasons alone
(measured in the longer of the two languages), so a page number means the same in Danish and
English, on the tally and on the page before it.
"""
from __future__ import annotations

from datetime import date
from typing import ClassVar

from bot.process.concept import Concept, Kind
from bot.process.tally import Tally, ThemeCount

from ..texts import t
from .elements import Element, action_set, card, container, facts, heading, json_size, open_url, rich, submit, subheading, text, toggle
from .payload import Payload
from .selection import SelectionShow
from .reasons import (
    CARD_BUDGET, SEPARATOR, WIDEST, ReasonPages, TallyReasons, cut, reason_block, reason_pages, status_line, title_runs,
)


class TallyShow(Payload):
    """The planning group asks for the tally (sent to them privately)."""

    VERB: ClassVar[str] = "tally.show"


MAX_ROWS_PER_KIND = 30  # beyond this a planning group reads a list, not a ranking
CHART_LABEL_CHARS = 60  # the chart's label line; the ranked list below holds the whole title

Selection = dict[Kind, list[int]]  # per kind: one entry per shown row = reasons shown in it


def tally_card(lang: str, concept: Concept, tally: Tally, *, deadline: date, is_open: bool,
               max_bytes: int = CARD_BUDGET, download_url: str | None = None) -> Element:
    """The planning group's tally: per kind a chart, the ranked themes and their reasons (``download_url``:
    the anonymous tally as a spreadsheet, a link made for the viewer, dialogs/exports.py)."""
    pages = {kind: reason_pages(concept, tally, kind) for kind in Kind}
    button = open_url(t(lang, "hr.download"), download_url) if download_url else None
    budget = max_bytes - (json_size(button) + 16 if button else 0)  # the reasons make room for the button
    selection = _fit(lang, concept, tally, pages, deadline=deadline, is_open=is_open, max_bytes=budget)
    built = _render(lang, concept, tally, pages, selection, deadline=deadline, is_open=is_open)
    if button:
        built["actions"] = [*built.get("actions", []), button]
    return built


def _render(lang: str, concept: Concept, tally: Tally, pages: dict[Kind, ReasonPages], selection: Selection,
            *, deadline: date, is_open: bool, reserve_notes: bool = False) -> Element:
    truncated = {kind: reserve_notes or len(rows) < len(pages[kind].themes)
                 or any(n < len(pages[kind].themes[i].reasons) for i, n in enumerate(rows)) for kind, rows in selection.items()}
    percent = round(tally.response_rate * 100)
    body: list[Element] = [
        heading(t(lang, "tally.title")),
        status_line(lang, tally, deadline=deadline, is_open=is_open),
        text(t(lang, "tally.responded", responded=tally.responded, invited=tally.invited, percent=percent), weight="Bolder"),
        text(t(lang, "tally.named" if tally.named_mode else "tally.anonymous"), subtle=True, spacing="Small"),
    ]
    if any(truncated.values()):
        body.append(text(t(lang, "tally.truncated"), color="Warning", spacing="Small"))
    for kind in Kind:
        body.append(_kind_section(lang, concept, tally, kind, pages[kind], selection[kind], truncated=truncated[kind],
                                  reserve=reserve_notes))
    # The final tally leads on to the choice of themes (step 4, bot/cards/selection.py).
    return card(body, None if is_open else [submit(t(lang, "action.selection.show"), SelectionShow)])


def _kind_section(lang: str, concept: Concept, tally: Tally, kind: Kind, laid_out: ReasonPages, shown: list[int],
                  *, truncated: bool, reserve: bool) -> Element:
    catalogue = concept.catalogue(kind)
    items: list[Element] = [subheading(catalogue.label(lang), separator=True)]
    nominated = laid_out.themes
    if not nominated:
        items.append(text(t(lang, "tally.none_yet"), subtle=True))
    else:
        items.append(_chart(lang, concept, kind, nominated))
        for index, reasons_shown in enumerate(shown):
            items.append(_row(lang, tally, kind, index, laid_out, reasons_shown, concept=concept, reserve=reserve))
        hidden_rows = len(nominated) - len(shown)
        if hidden_rows or reserve:
            items.append(text(t(lang, "tally.more_rows", count=hidden_rows or WIDEST), color="Warning"))
        if truncated and laid_out.pages:
            count = len(laid_out.pages) if not reserve else WIDEST
            items.append(action_set([submit(t(lang, "tally.all_reasons", kind=catalogue.label(lang), count=count),
                                            TallyReasons, round_id=tally.round_id, kind=kind.value, page=1)]))
    # Joined with middle dots, because titles such as "Mestring, kvalitet og præstationer" hold commas.
    unchosen = [c.title_in(lang) for c in tally.kinds[kind].themes if c.count == 0]
    if unchosen:
        items.append(text(t(lang, "tally.unchosen", themes=" · ".join(unchosen)), subtle=True, spacing="Medium"))
    return container(items, spacing="Large")


def _chart(lang: str, concept: Concept, kind: Kind, nominated: list[ThemeCount]) -> Element:
    """A Teams bar chart of whole people; own proposals share one bar, so it never shows typed text.

    ``AbsoluteNoAxis``: Teams draws each label on its own line above its bar and the count
    beside the bar. The default (``AbsoluteWithAxis``) draws six evenly spaced ticks up to the
    largest count (0.5, 1.5 … for 3, with an English decimal point) and puts the labels in a
    column beside the bars, where a long title squeezes the axis to "0.. 1..". The chart has
    no tick or number-format option, so no axis is the only way to show whole numbers."""
    bars: list[tuple[str, int]] = [(c.title_in(lang), c.count) for c in nominated if not c.is_own]
    own = sum(c.count for c in nominated if c.is_own)
    if own:
        bars.append((t(lang, "tally.chart.own", own=concept.catalogue(kind).own_proposal.title(lang)), own))
    bars.sort(key=lambda bar: -bar[1])
    return {
        "type": "Chart.HorizontalBar",
        "title": concept.catalogue(kind).label(lang),
        "displayMode": "AbsoluteNoAxis",
        "data": [{"x": cut(label, CHART_LABEL_CHARS), "y": count} for label, count in bars],
        # Outside Teams (and in the schema check) the chart falls back to plain counts.
        "fallback": facts([(label, t(lang, "tally.count", count=count)) for label, count in bars]),
    }


def _row(lang: str, tally: Tally, kind: Kind, index: int, laid_out: ReasonPages, shown: int, *, concept: Concept,
         reserve: bool = False) -> Element:
    """A ranked theme; its reasons behind "Vis begrundelser", which becomes "Skjul begrundelser"
    (a toggle cannot rename itself, so two action sets swap places), and a button to the page
    where the reasons not shown here begin. ``reserve`` builds the widest form, for sizing."""
    entry = laid_out.themes[index]
    items: list[Element] = [rich(*title_runs(lang, concept, kind, index, entry))]
    total = len(entry.reasons)
    more: list[Element] = []
    if shown < total or reserve:
        page = laid_out.page_of(index, shown) if shown < total else WIDEST
        pages = len(laid_out.pages) if not reserve else WIDEST
        more = [action_set([submit(t(lang, "tally.more_reasons", page=page, pages=pages), TallyReasons,
                                   round_id=tally.round_id, kind=kind.value, page=min(page, 10_000))], spacing="Small")]
    if shown == 0 and not reserve:
        items.append(text(t(lang, "tally.reasons.elsewhere", count=total), subtle=True, spacing="None"))
        return container(items + more, spacing="Medium", id=f"theme-{kind.value}-{index}")
    ids = [f"reasons-{kind.value}-{index}", f"show-{kind.value}-{index}", f"hide-{kind.value}-{index}"]
    inner: list[Element] = [reason_block(lang, reason) for reason in entry.reasons[:shown]]
    if shown < total or reserve:
        inner.append(text(t(lang, "tally.reasons.partial", shown=shown or WIDEST, total=total or WIDEST), color="Warning"))
    items += [
        {**action_set([toggle(t(lang, "tally.show_reasons", count=total), *ids)], spacing="None"), "id": ids[1]},
        {**action_set([toggle(t(lang, "tally.hide_reasons"), *ids)], spacing="None"), "id": ids[2], "isVisible": False},
        container(inner + more, id=ids[0], visible=False, spacing="None"),
    ]
    return container(items, spacing="Medium", id=f"theme-{kind.value}-{index}")


def _fit(lang: str, concept: Concept, tally: Tally, pages: dict[Kind, ReasonPages], *, deadline: date,
         is_open: bool, max_bytes: int) -> Selection:
    """Choose how many rows and reasons to show so the rendered card fits in ``max_bytes``."""
    selection: Selection = {kind: [] for kind in Kind}

    def size(reserve: bool = False) -> int:
        return json_size(_render(lang, concept, tally, pages, selection, deadline=deadline, is_open=is_open,
                                 reserve_notes=reserve))

    room = max_bytes - size(reserve=True)
    # Rows first, alternating between the kinds so neither crowds the other out.
    blocked: set[Kind] = set()
    for index in range(MAX_ROWS_PER_KIND):
        for kind in Kind:
            if kind in blocked or index >= len(pages[kind].themes):
                continue
            row = _row(lang, tally, kind, index, pages[kind], 0, concept=concept, reserve=True)
            cost = json_size(row) + SEPARATOR
            if cost > room:
                blocked.add(kind)
                continue
            selection[kind].append(0)
            room -= cost
    # Then reasons, breadth first.
    depth, progress = 0, True
    while progress:
        progress = False
        for kind in Kind:
            for index, count in enumerate(selection[kind]):
                reasons = pages[kind].themes[index].reasons
                if count != depth or count >= len(reasons):
                    continue
                cost = json_size(reason_block(lang, reasons[count])) + SEPARATOR
                if cost <= room:
                    selection[kind][index] += 1
                    room -= cost
                    progress = True
        depth += 1
    # The estimate above is conservative; this only guards against a wrong estimate.
    while size() > max_bytes and _drop_one(selection):
        pass
    return selection


def _drop_one(selection: Selection) -> bool:
    candidates = [(n, kind, i) for kind, rows in selection.items() for i, n in enumerate(rows) if n > 0]
    if candidates:
        _, kind, index = max(candidates, key=lambda c: c[0])
        selection[kind][index] -= 1
        return True
    for rows in selection.values():
        if rows:
            rows.pop()
            return True
    return False
