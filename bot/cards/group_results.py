"""What each group produced on the day, and the plenum view (step 8).

The group's card is its flip-chart: 2 key points and 2 desired actions, filled in with the
latest version and who wrote it (that name is for the group only). The plenum view names groups
by number; the planning group can post it, for both rounds, to the team's channel.
"""
from __future__ import annotations

from datetime import datetime
from collections.abc import Sequence
from typing import Annotated, ClassVar, Literal

from pydantic import Field, field_validator

from bot.process.clock import COPENHAGEN
from bot.process.concept import Concept, Kind
from bot.process.group_results import ENTRY_MAX_CHARS, FIELD_ACTION, FIELD_POINT, PER_LIST, GroupResult, PlenumView
from bot.process.nomination import FieldError, ThemeChoice
from bot.process.selection import ChosenTheme

from ..texts import has_text, t
from .elements import (
    MAX_MESSAGE_BYTES, Element, card, container, heading, json_size, rich, run, subheading, submit, text, verbatim,
)
from .payload import Payload, RoundId, capped
from .safety import safety_note
from .sorting import SortingShow
from .themes import theme_title_block, workplace_line

KindName = Literal["wellbeing", "leadership"]
PageNumber = Annotated[int, Field(ge=0, le=200)]  # 100 groups a round, one a page at the very worst
# What the groups of one page may take: the rest of the card (title, theme, page line, buttons)
# and the message around it are measured or bounded on their own.
PAGE_BYTES = MAX_MESSAGE_BYTES - 2_000


class ResultsShow(Payload):
    """Open one's group's results card, or the plenum view (typed ``resultater`` / ``results``,
    or the run-sheet's and the channel grouping post's buttons)."""

    VERB: ClassVar[str] = "results.show"
    dialogue_id: RoundId | None = None
    kind: Literal["wellbeing", "leadership"] | None = None


class ResultsSave(Payload):
    """The group's flip-chart. Which group is checked on the server: the sender must be in it."""

    VERB: ClassVar[str] = "results.save"
    dialogue_id: RoundId
    kind: KindName
    group: int = Field(ge=1, le=100)
    key_point_1: str | None = None
    key_point_2: str | None = None
    desired_action_1: str | None = None
    desired_action_2: str | None = None

    @field_validator("key_point_1", "key_point_2", "desired_action_1", "desired_action_2")
    @classmethod
    def _cap(cls, value: str | None) -> str | None:
        return capped(value, 2 * ENTRY_MAX_CHARS)

    def form_values(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in FORM_FIELDS}


class ResultsPost(Payload):
    """The planning group posts the plenum view of both rounds to the team's channel (``kind``:
    the round the card showed, shown again once posted)."""

    VERB: ClassVar[str] = "results.post"
    dialogue_id: RoundId
    kind: KindName | None = None


class PlenumShow(Payload):
    """The plenum view of a round, also for someone in a group (a planning-group member takes
    part in the groups "på lige fod med kolleger" and still needs the whole picture); ``page``
    turns the pages of a large day in place."""

    VERB: ClassVar[str] = "plenum.show"
    dialogue_id: RoundId
    kind: KindName
    page: PageNumber | None = None


class PlenumPostPage(Payload):
    """Turn the page of the channel's plenum post, in place: the post is the plenum's own view,
    so whoever turns it turns it for the room."""

    VERB: ClassVar[str] = "plenum.post.page"
    dialogue_id: RoundId
    page: PageNumber


FORM_FIELDS = tuple(template.format(n=n) for template in (FIELD_POINT, FIELD_ACTION) for n in range(1, PER_LIST + 1))
OTHER = {Kind.WELLBEING: Kind.LEADERSHIP, Kind.LEADERSHIP: Kind.WELLBEING}


def _other_round(lang: str, payload: type[ResultsShow] | type[PlenumShow], dialogue_id: str, kind: Kind, one_round: bool) -> list[Element]:
    """The button to the other round; none on a day with one round (a DTU dialogue of one kind)."""
    return [] if one_round else [submit(t(lang, f"action.results.show.{OTHER[kind]}"), payload, dialogue_id=dialogue_id, kind=OTHER[kind].value)]


def clock_time(lang: str, moment: datetime) -> str:
    """'10.45' in Danish, '10:45' in English, on the Copenhagen wall clock."""
    local = moment.astimezone(COPENHAGEN)
    return f"{local.hour:02d}{'.' if lang != 'en' else ':'}{local.minute:02d}"


def theme_block(lang: str, concept: Concept, theme: ChosenTheme | None) -> list[Element]:
    if theme is None:
        return []
    return [container([text(t(lang, "results.theme").strip(), subtle=True, spacing="None"),
                       theme_title_block(lang, concept, ThemeChoice(theme.kind, theme.theme_id, theme.own_title, "", ""))],
                      spacing="Small")]


def _error_text(lang: str, error: FieldError) -> str:
    slot = "key_point" if error.field.startswith("key_point") else "desired_action"
    for key in (f"results.error.{slot}.{error.code}", f"results.error.{error.code}", "results.error.other"):
        if has_text(lang, key):
            return t(lang, key, limit=error.limit or "")
    raise AssertionError("results.error.other exists")


def results_form_card(lang: str, concept: Concept, *, dialogue_id: str, kind: Kind, group: int, members: list[str],
                      theme: ChosenTheme | None, current: GroupResult | None, written_by: str | None,
                      workplace_name: str = "", values: dict[str, str] | None = None,
                      errors: list[FieldError] | None = None, one_round: bool = False) -> Element:
    """The group's flip-chart to fill in: the latest version, or what was just sent with its errors."""
    errors = errors or []
    if values is None:
        values = {}
        if current is not None:
            for template, entries in ((FIELD_POINT, current.key_points), (FIELD_ACTION, current.desired_actions)):
                for n, entry in enumerate(entries, start=1):
                    values[template.format(n=n)] = entry
    body: list[Element] = [heading(t(lang, f"results.title.{kind.value}"))]
    if workplace_name:
        body.append(workplace_line(lang, concept, workplace_name))
    body.append(text(t(lang, "results.group", group=group), weight="Bolder", spacing="Small"))
    body.append(verbatim(", ".join(members), prefix=t(lang, "results.members"), prefix_subtle=True, spacing="None"))
    body += theme_block(lang, concept, theme)
    body.append(text(t(lang, "results.intro"), spacing="Medium"))
    if errors:
        body.append(container([text(t(lang, "results.errors.title"), weight="Bolder", color="Attention")]
                              + [text(_error_text(lang, e), color="Attention", spacing="Small") for e in errors], style="attention"))
    for template, title, slot in ((FIELD_POINT, "results.key_points", "key_point"), (FIELD_ACTION, "results.desired_actions", "desired_action")):
        body.append(subheading(t(lang, title), separator=True))
        if slot == "desired_action":
            body.append(text(t(lang, "results.concrete"), subtle=True, spacing="Small"))
        for n in range(1, PER_LIST + 1):
            name = template.format(n=n)
            field: Element = {
                "type": "Input.Text", "id": name, "label": t(lang, f"results.{slot}.label", n=n), "isMultiline": True,
                "maxLength": ENTRY_MAX_CHARS, "placeholder": t(lang, f"results.{slot}.placeholder"),
            }
            if values.get(name):
                field["value"] = values[name]
            body.append(field)
            body += [text(_error_text(lang, e), color="Attention", spacing="Small") for e in errors if e.field == name]
    if current is not None and written_by is not None:
        body.append(_last_saved(lang, current, written_by))
    body += safety_note(lang, concept)
    return card(body, [
        submit(t(lang, "action.results.save"), ResultsSave, style="positive", dialogue_id=dialogue_id, kind=kind.value, group=group),
        *_other_round(lang, ResultsShow, dialogue_id, kind, one_round),
        submit(t(lang, "action.plenum.show"), PlenumShow, dialogue_id=dialogue_id, kind=kind.value),
    ])


def _last_saved(lang: str, result: GroupResult, written_by: str) -> Element:
    when = t(lang, "results.last_saved.when", version=result.version, date=result.entered_at, time=clock_time(lang, result.entered_at))
    return rich(run(t(lang, "results.last_saved"), subtle=True), run(written_by, subtle=True), run(", " + when, subtle=True),
                spacing="Medium")


def _entries(lang: str, result: GroupResult) -> list[Element]:
    items: list[Element] = []
    for title, entries in (("results.key_points", result.key_points), ("results.desired_actions", result.desired_actions)):
        items.append(text(t(lang, title), weight="Bolder", spacing="Small"))
        items += [verbatim(e, prefix=f"{n}. ", prefix_subtle=True, spacing="None") for n, e in enumerate(entries, start=1)]
    return items


def results_saved_card(lang: str, concept: Concept, *, dialogue_id: str, kind: Kind, result: GroupResult, written_by: str,
                       theme: ChosenTheme | None, changed: bool, one_round: bool = False) -> Element:
    """Replaces the group's form once saved: what stands now, and the way to correct it."""
    body: list[Element] = [
        heading(t(lang, f"results.title.{kind.value}")),
        text(t(lang, "results.saved" if changed else "results.unchanged"), color="Good", weight="Bolder", spacing="Small"),
        text(t(lang, "results.group", group=result.group), weight="Bolder", spacing="Small"),
    ]
    body += theme_block(lang, concept, theme)
    body += _entries(lang, result)
    body.append(_last_saved(lang, result, written_by))
    body.append(text(t(lang, "results.saved.note"), subtle=True, spacing="Medium"))
    return card(body, [
        submit(t(lang, "action.results.edit"), ResultsShow, dialogue_id=dialogue_id, kind=kind.value),
        *_other_round(lang, ResultsShow, dialogue_id, kind, one_round),
        submit(t(lang, "action.plenum.show"), PlenumShow, dialogue_id=dialogue_id, kind=kind.value),
    ])


def pages_by_size(sizes: Sequence[int], budget: int) -> list[range]:
    """Consecutive items into pages of at most ``budget`` bytes, in order; an item larger than the
    budget still gets a page of its own, so every item is reachable. At least one (empty) page."""
    pages: list[range] = []
    first, used = 0, 0
    for index, size in enumerate(sizes):
        if index > first and used + size > budget:
            pages.append(range(first, index))
            first, used = index, 0
        used += size
    pages.append(range(first, len(sizes)))
    return pages


def page_actions(lang: str, payload: type[Payload], page: int, pages: int, **values: object) -> list[Element]:
    """"Forrige side" / "Næste side" as ``payload`` with the page to show."""
    actions: list[Element] = []
    if page > 0:
        actions.append(submit(t(lang, "list.previous"), payload, page=page - 1, **values))
    if page < pages - 1:
        actions.append(submit(t(lang, "list.next"), payload, page=page + 1, **values))
    return actions


def page_line(lang: str, page: int, pages: int) -> Element:
    return text(t(lang, "plenum.page", page=page + 1, pages=pages), weight="Bolder", spacing="Small")


def _group_block(lang: str, result: GroupResult) -> Element:
    return container([subheading(t(lang, "results.group", group=result.group)), *_entries(lang, result)], separator=True, spacing="Medium")


def _round_end(lang: str, view: PlenumView) -> Element:
    if not view.results:
        return text(t(lang, "plenum.nothing"), subtle=True, spacing="Small")
    if view.missing:
        return text(t(lang, "plenum.missing", groups=", ".join(str(n) for n in view.missing)), color="Attention", spacing="Small")
    return text(t(lang, "plenum.complete"), color="Good", spacing="Small")


def plenum_card(lang: str, concept: Concept, *, dialogue_id: str, view: PlenumView, theme: ChosenTheme | None,
                can_post: bool, posted: bool = False, page: int = 0, one_round: bool = False) -> Element:
    """The plenum view of one round: every group's flip-chart by number, and who is missing.
    A large day's groups go on pages, each a message, turned in place; nothing is shortened."""
    actions = _other_round(lang, PlenumShow, dialogue_id, view.kind, one_round)
    if can_post and not posted:
        actions.append(submit(t(lang, "action.plenum.post"), ResultsPost, style="positive", dialogue_id=dialogue_id, kind=view.kind.value))
    if can_post:  # the planning group's view: on to sorting the input (step 10)
        actions.append(submit(t(lang, "action.sorting.show"), SortingShow, dialogue_id=dialogue_id))
    head: list[Element] = [heading(t(lang, f"plenum.title.{view.kind.value}"), size="Large"),
                           text(t(lang, "plenum.intro"), subtle=True, spacing="Small"), *theme_block(lang, concept, theme)]
    tail: list[Element] = [_round_end(lang, view)]
    if posted:
        tail.append(text(t(lang, "plenum.posted"), color="Good", weight="Bolder", spacing="Medium"))
    blocks = [_group_block(lang, r) for r in view.results]
    frame = json_size(card([*head, page_line(lang, 199, 200), *tail], actions + page_actions(lang, PlenumShow, 1, 3)))
    pages = pages_by_size([json_size(b) for b in blocks], PAGE_BYTES - frame)
    page = min(max(page, 0), len(pages) - 1)
    body = head + ([page_line(lang, page, len(pages))] if len(pages) > 1 else [])
    body += [blocks[i] for i in pages[page]]
    if page == len(pages) - 1:
        body += tail
    ids = {"dialogue_id": dialogue_id, "kind": view.kind.value}
    return card(body, page_actions(lang, PlenumShow, page, len(pages), **ids) + actions)


def plenum_post_card(lang: str, concept: Concept, *, views: list[tuple[PlenumView, ChosenTheme | None]],
                     day: datetime | None, dialogue_id: str | None = None, page: int = 0) -> Element:
    """The channel's post of both rounds. A large day's groups go on pages turned in place
    ("Næste side"); without ``dialogue_id`` there is nothing to turn to, so it is always given."""
    head: list[Element] = [heading(t(lang, "plenum.post.title"))]
    if day is not None:
        head.append(text(t(lang, "plenum.post.intro", date=day), spacing="Small"))
    # One item per group, both rounds in order; a round's title and theme go with its first group
    # on a page, its end line with its last.
    items: list[tuple[int, Element]] = [(n, _group_block(lang, r)) for n, (view, _) in enumerate(views) for r in view.results]
    rounds = [[heading(t(lang, f"plenum.title.{view.kind.value}"), size="Medium"), *theme_block(lang, concept, theme)]
              for view, theme in views]
    ends = [_round_end(lang, view) for view, _ in views]
    frame = json_size(card([*head, page_line(lang, 199, 200), *(e for r in rounds for e in r), *ends],
                           page_actions(lang, PlenumPostPage, 1, 3, dialogue_id=dialogue_id or "x")))
    pages = pages_by_size([json_size(block) for _, block in items], PAGE_BYTES - frame)
    page = min(max(page, 0), len(pages) - 1) if dialogue_id else 0
    shown = [items[i] for i in pages[page]]
    last_item = {n: i for i, (n, _) in enumerate(items)}
    first_round = 0 if page == 0 else shown[0][0]
    last_round = len(views) - 1 if page == len(pages) - 1 else shown[-1][0]
    body = head + ([page_line(lang, page, len(pages))] if len(pages) > 1 and dialogue_id else [])
    for n in range(first_round, last_round + 1):
        section = [*rounds[n], *(block for m, block in shown if m == n)]
        if n not in last_item or last_item[n] in pages[page]:
            section.append(ends[n])
        body.append(container(section, separator=True, spacing="Large"))
    actions = page_actions(lang, PlenumPostPage, page, len(pages), dialogue_id=dialogue_id) if dialogue_id else []
    return card(body, actions)
