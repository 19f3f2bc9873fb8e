"""Step 4 of the guide as a card: what was nominated, ranked, with the reasons under each theme.

Whatever the input, the card must stay under the message size limit: 300 employees writing
500-character reasons would make a 300 KB card. Rows and reasons are therefore added within a
byte budget (breadth first: the first reason of every theme before the second of any), and the
card says how many were left out.
"""
from __future__ import annotations

from datetime import date
from typing import ClassVar

from bot.process.concept import Concept, Kind
from bot.process.tally import Reason, Tally, ThemeCount

from .elements import (
    MAX_MESSAGE_BYTES,
    Element,
    action_set,
    card,
    container,
    facts,
    heading,
    json_size,
    rich,
    run,
    subheading,
    text,
    toggle,
    verbatim,
)
from ..texts import format_date, t
from .payload import Payload


class TallyShow(Payload):
    """The planning group asks for the tally (sent to them privately)."""

    VERB: ClassVar[str] = "tally.show"

# Room left for the message envelope (summary, ids, conversation) around the card.
CARD_BUDGET = MAX_MESSAGE_BYTES - 4_000
MAX_ROWS_PER_KIND = 30  # beyond this a planning group reads a list, not a ranking
DISPLAY_CHARS = 1_000  # a single reason is cut here on the card (the stored text is whole)
_SEPARATOR = 2  # ", " between list items in the serialised JSON

Selection = dict[Kind, list[int]]  # per kind: one entry per shown row = reasons shown in it


def tally_card(lang: str, concept: Concept, tally: Tally, *, deadline: date, is_open: bool,
               max_bytes: int = CARD_BUDGET) -> Element:
    """The planning group's tally: per kind a chart, the ranked themes and their reasons."""
    nominated = {kind: [c for c in tally.kinds[kind].themes if c.count > 0] for kind in Kind}
    selection = _fit(lang, concept, tally, nominated, deadline=deadline, is_open=is_open, max_bytes=max_bytes)
    return _render(lang, concept, tally, nominated, selection, deadline=deadline, is_open=is_open)


def _render(lang: str, concept: Concept, tally: Tally, nominated: dict[Kind, list[ThemeCount]], selection: Selection,
            *, deadline: date, is_open: bool, reserve_notes: bool = False) -> Element:
    truncated = reserve_notes or any(
        len(rows) < len(nominated[kind]) or any(n < len(nominated[kind][i].reasons) for i, n in enumerate(rows))
        for kind, rows in selection.items()
    )
    percent = round(tally.response_rate * 100)
    body: list[Element] = [
        heading(t(lang, "tally.title")),
        text(t(lang, "tally.open" if is_open else "tally.closed", deadline=format_date(lang, deadline)), spacing="Small"),
        text(t(lang, "tally.responded", responded=tally.responded, invited=tally.invited, percent=percent), weight="Bolder"),
        text(t(lang, "tally.named" if tally.named_mode else "tally.anonymous"), subtle=True, spacing="Small"),
    ]
    if truncated:
        body.append(text(t(lang, "tally.truncated"), color="Warning", spacing="Small"))
    for kind in Kind:
        body.append(_kind_section(lang, concept, tally, kind, nominated[kind], selection[kind], reserve_notes=reserve_notes))
    return card(body)


def _kind_section(lang: str, concept: Concept, tally: Tally, kind: Kind, nominated: list[ThemeCount], shown: list[int],
                  *, reserve_notes: bool) -> Element:
    catalogue = concept.catalogue(kind)
    items: list[Element] = [subheading(catalogue.label(lang), separator=True)]
    if not nominated:
        items.append(text(t(lang, "tally.none_yet"), subtle=True))
    else:
        items.append(_chart(lang, concept, kind, nominated))
        for index, reasons_shown in enumerate(shown):
            items.append(_row(lang, concept, kind, index, nominated[index], reasons_shown, reserve_note=reserve_notes))
        hidden_rows = len(nominated) - len(shown)
        if hidden_rows:
            items.append(text(t(lang, "tally.more_rows", count=hidden_rows), color="Warning"))
    # Joined with middle dots, because titles such as "Mestring, kvalitet og præstationer" hold commas.
    unchosen = [c.title_in(lang) for c in tally.kinds[kind].themes if c.count == 0]
    if unchosen:
        items.append(text(t(lang, "tally.unchosen", themes=" · ".join(unchosen)), subtle=True, spacing="Medium"))
    return container(items, spacing="Large")


def _chart(lang: str, concept: Concept, kind: Kind, nominated: list[ThemeCount]) -> Element:
    """A Teams bar chart; own proposals share one bar, so the chart never shows typed text."""
    bars: list[tuple[str, int]] = [(c.title_in(lang), c.count) for c in nominated if not c.is_own]
    own = sum(c.count for c in nominated if c.is_own)
    if own:
        bars.append((t(lang, "tally.chart.own", own=concept.catalogue(kind).own_proposal.title(lang)), own))
    bars.sort(key=lambda bar: -bar[1])
    return {
        "type": "Chart.HorizontalBar",
        "title": concept.catalogue(kind).label(lang),
        "data": [{"x": label, "y": count} for label, count in bars],
        # Outside Teams (and in the schema check) the chart falls back to plain counts.
        "fallback": facts([(label, t(lang, "tally.count", count=count)) for label, count in bars]),
    }


def _row(lang: str, concept: Concept, kind: Kind, index: int, entry: ThemeCount, reasons_shown: int,
         *, reserve_note: bool = False) -> Element:
    title_runs = [run(f"{index + 1}. ", bold=True)]
    if entry.theme_id.startswith("own:"):
        title_runs.append(run(concept.catalogue(kind).own_proposal.title(lang) + ": ", bold=True))
    title_runs += [run(_cut(entry.title_in(lang), 200), bold=True), run("  " + t(lang, "tally.count", count=entry.count), subtle=True)]
    items: list[Element] = [rich(*title_runs)]
    if entry.reasons:
        reasons_id = f"reasons-{kind.value}-{index}"
        hidden = len(entry.reasons) - reasons_shown
        inner = [_reason(lang, reason) for reason in entry.reasons[:reasons_shown]]
        if hidden or reserve_note:
            inner.append(text(t(lang, "tally.more_reasons", count=hidden or len(entry.reasons)), color="Warning"))
        items.append(action_set([toggle(t(lang, "tally.show_reasons", count=len(entry.reasons)), reasons_id)], spacing="None"))
        items.append(container(inner, id=reasons_id, visible=False, spacing="None"))
    return container(items, spacing="Medium")


def _reason(lang: str, reason: Reason) -> Element:
    items: list[Element] = []
    if reason.name:
        items.append(rich(run(_cut(reason.name, 200), bold=True)))
    items.append(verbatim(_cut(reason.why_me, DISPLAY_CHARS), prefix=t(lang, "tally.why_me") + " ", prefix_subtle=True,
                          spacing="None"))
    items.append(verbatim(_cut(reason.core_task, DISPLAY_CHARS), prefix=t(lang, "tally.core_task") + " ",
                          prefix_subtle=True, spacing="Small"))
    return container(items, separator=True, spacing="Small")


def _cut(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _fit(lang: str, concept: Concept, tally: Tally, nominated: dict[Kind, list[ThemeCount]], *, deadline: date,
         is_open: bool, max_bytes: int) -> Selection:
    """Choose how many rows and reasons to show so the rendered card fits in ``max_bytes``."""
    selection: Selection = {kind: [] for kind in Kind}

    def size(reserve: bool = False) -> int:
        return json_size(_render(lang, concept, tally, nominated, selection, deadline=deadline, is_open=is_open,
                                 reserve_notes=reserve))

    room = max_bytes - size(reserve=True)
    # Rows first, alternating between the kinds so neither crowds the other out.
    blocked: set[Kind] = set()
    for index in range(MAX_ROWS_PER_KIND):
        for kind in Kind:
            if kind in blocked or index >= len(nominated[kind]):
                continue
            cost = json_size(_row(lang, concept, kind, index, nominated[kind][index], 0, reserve_note=True)) + _SEPARATOR
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
                reasons = nominated[kind][index].reasons
                if count != depth or count >= len(reasons):
                    continue
                cost = json_size(_reason(lang, reasons[count])) + _SEPARATOR
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
