"""The tally's reasons laid out in pages that each fit one card, and the page cards themselves.

Page boundaries depend on the reasons alone (measured in the longer of the two languages), so a
page number means the same in Danish and English, on the tally and on the page before it. The
buttons carry only the round, the kind and the page, re-checked on the server.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from bot.process.concept import Concept, Kind
from bot.process.tally import Reason, Tally, ThemeCount, page_of, paginate

from ..texts import LANGUAGES, format_date, t
from .elements import MAX_MESSAGE_BYTES, Element, card, container, heading, json_size, rich, run, submit, text, verbatim
from .payload import Payload, RoundId

# Room left for the message envelope (summary, ids, conversation) around the card.
CARD_BUDGET = MAX_MESSAGE_BYTES - 4_000
PAGE_FRAME = 8_000  # a page card's heading, notes and buttons; the reasons get the rest
DISPLAY_CHARS = 1_000  # a single reason is cut here on a card (the stored text is whole)
SEPARATOR = 2  # ", " between list items in the serialised JSON
WIDEST = 99_999  # numbers as wide as any a card shows, for reserving room


class TallyReasons(Payload):
    """A page of one kind's reasons, opened from the tally as a card of its own."""

    VERB: ClassVar[str] = "tally.reasons"
    round_id: RoundId
    kind: Literal["wellbeing", "leadership"]
    page: Annotated[int, Field(ge=1, le=10_000)]


class TallyReasonsPage(TallyReasons):
    """The next or previous page, turned on the page card itself (it is replaced in place)."""

    VERB: ClassVar[str] = "tally.reasons.page"


@dataclass(frozen=True)
class ReasonPages:
    """One kind's reasons in ranked order, cut into pages that each fit one card."""

    themes: list[ThemeCount]  # the nominated themes, ranked
    items: list[tuple[int, int]]  # (theme index, reason index), in page order
    pages: list[range]  # indices into ``items``
    starts: list[int]  # per theme: the index in ``items`` of its first reason

    def page_of(self, theme: int, reason: int) -> int:
        return page_of(self.pages, self.starts[theme] + reason)


def reason_pages(concept: Concept, tally: Tally, kind: Kind, *, budget: int = CARD_BUDGET - PAGE_FRAME) -> ReasonPages:
    themes = nominated(tally, kind)
    items = [(i, r) for i, entry in enumerate(themes) for r in range(len(entry.reasons))]
    starts, count = [], 0
    for entry in themes:
        starts.append(count)
        count += len(entry.reasons)
    sizes = [max(json_size(reason_block(lang, themes[i].reasons[r])) for lang in LANGUAGES) + SEPARATOR for i, r in items]
    header = [max(json_size(segment_header(lang, concept, kind, i, e, WIDEST, WIDEST)) for lang in LANGUAGES) + 200
              for i, e in enumerate(themes)]
    pages = paginate(sizes, budget=budget, groups=[i for i, _ in items], header=header)
    return ReasonPages(themes, items, pages, starts)


def tally_reasons_card(lang: str, concept: Concept, tally: Tally, *, kind: Kind, page: int, deadline: date,
                       is_open: bool) -> Element:
    """Page ``page`` of the reasons for ``kind``; a page past the end (new answers moved the
    boundaries, or a forged number) shows the last page and says so."""
    laid_out = reason_pages(concept, tally, kind)
    label = concept.catalogue(kind).label(lang)
    total = len(laid_out.pages)
    body: list[Element] = [heading(t(lang, "tally.page.title", kind=label))]
    if not total:
        return card(body + [text(t(lang, "tally.page.none"))])
    moved = page > total
    page = min(page, total)
    body += [
        text(t(lang, "tally.page.of", page=page, pages=total), weight="Bolder", spacing="Small"),
        status_line(lang, tally, deadline=deadline, is_open=is_open),
        text(t(lang, "tally.named" if tally.named_mode else "tally.anonymous"), subtle=True, spacing="Small"),
    ]
    if moved:
        body.append(text(t(lang, "tally.page.moved"), color="Warning", spacing="Small"))
    segments: dict[int, list[int]] = {}
    for theme, reason in (laid_out.items[i] for i in laid_out.pages[page - 1]):
        segments.setdefault(theme, []).append(reason)
    for theme, reasons in segments.items():
        entry = laid_out.themes[theme]
        items: list[Element] = [segment_header(lang, concept, kind, theme, entry, reasons[0] + 1, reasons[-1] + 1)]
        items += [reason_block(lang, entry.reasons[r]) for r in reasons]
        body.append(container(items, spacing="Large", separator=True))
    more = page < total
    body.append(text(t(lang, "tally.page.more" if more else "tally.page.last"), color="Warning" if more else None,
                     weight="Bolder", spacing="Large"))
    actions = []
    if page > 1:
        actions.append(submit(t(lang, "tally.page.previous"), TallyReasonsPage, round_id=tally.round_id, kind=kind.value,
                              page=page - 1))
    if more:
        actions.append(submit(t(lang, "tally.page.next", page=page + 1, pages=total), TallyReasonsPage, style="positive",
                              round_id=tally.round_id, kind=kind.value, page=page + 1))
    return card(body, actions or None)


def nominated(tally: Tally, kind: Kind) -> list[ThemeCount]:
    return [c for c in tally.kinds[kind].themes if c.count > 0]


def status_line(lang: str, tally: Tally, *, deadline: date, is_open: bool) -> Element:
    return text(t(lang, "tally.open" if is_open else "tally.closed", deadline=format_date(lang, deadline)), spacing="Small")


def title_runs(lang: str, concept: Concept, kind: Kind, index: int, entry: ThemeCount) -> list[Element]:
    runs = [run(f"{index + 1}. ", bold=True)]
    if entry.is_own and entry.theme_id.startswith("own:"):
        runs.append(run(concept.catalogue(kind).own_proposal.title(lang) + ": ", bold=True))
    return runs + [run(cut(entry.title_in(lang), 200), bold=True), run("  " + t(lang, "tally.count", count=entry.count), subtle=True)]


def segment_header(lang: str, concept: Concept, kind: Kind, index: int, entry: ThemeCount, first: int, last: int) -> Element:
    """A theme's title on a page, and which of its reasons the page holds."""
    key = "tally.page.single" if first == last else "tally.page.range"
    return container([
        rich(*title_runs(lang, concept, kind, index, entry)),
        text(t(lang, key, first=first, last=last, count=entry.count), subtle=True, spacing="None"),
    ])


def reason_block(lang: str, reason: Reason) -> Element:
    items: list[Element] = []
    if reason.name or reason.on_paper:
        runs = [run(cut(reason.name, 200), bold=True)] if reason.name else []
        if reason.on_paper:  # set in named mode only (bot.process.tally)
            runs.append(run((" " if runs else "") + t(lang, "tally.on_paper"), subtle=True))
        items.append(rich(*runs))
    items.append(verbatim(cut(reason.why_me, DISPLAY_CHARS), prefix=t(lang, "tally.why_me") + " ", prefix_subtle=True,
                          spacing="None"))
    items.append(verbatim(cut(reason.core_task, DISPLAY_CHARS), prefix=t(lang, "tally.core_task") + " ",
                          prefix_subtle=True, spacing="Small"))
    return container(items, separator=True, spacing="Small")


def cut(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"
