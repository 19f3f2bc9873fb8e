"""What each group produced on the day, and the plenum view (step 8).

The group's card is its flip-chart: 2 key points and 2 desired actions, filled in with the
latest version and who wrote it (that name is for the group only). The plenum view names groups
by number; the planning group can post it, for both rounds, to the team's channel.
"""
from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

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
    part in the groups "på lige fod med kolleger" and still needs the whole picture)."""

    VERB: ClassVar[str] = "plenum.show"
    dialogue_id: RoundId
    kind: KindName


FORM_FIELDS = tuple(template.format(n=n) for template in (FIELD_POINT, FIELD_ACTION) for n in range(1, PER_LIST + 1))
OTHER = {Kind.WELLBEING: Kind.LEADERSHIP, Kind.LEADERSHIP: Kind.WELLBEING}


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
                      errors: list[FieldError] | None = None) -> Element:
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
        submit(t(lang, f"action.results.show.{OTHER[kind].value}"), ResultsShow, dialogue_id=dialogue_id, kind=OTHER[kind].value),
        submit(t(lang, "action.plenum.show"), PlenumShow, dialogue_id=dialogue_id, kind=kind.value),
    ])


def _last_saved(lang: str, result: GroupResult, written_by: str) -> Element:
    when = t(lang, "results.last_saved.when", version=result.version, date=result.entered_at, time=clock_time(lang, result.entered_at))
    return rich(run(t(lang, "results.last_saved"), subtle=True), run(written_by, subtle=True), run(", " + when, subtle=True),
                spacing="Medium")


def _entries(lang: str, result: GroupResult, *, limit: int | None = None) -> list[Element]:
    def cut(entry: str) -> str:
        return entry if limit is None or len(entry) <= limit else entry[:limit].rstrip() + "…"

    items: list[Element] = []
    for title, entries in (("results.key_points", result.key_points), ("results.desired_actions", result.desired_actions)):
        items.append(text(t(lang, title), weight="Bolder", spacing="Small"))
        items += [verbatim(cut(e), prefix=f"{n}. ", prefix_subtle=True, spacing="None") for n, e in enumerate(entries, start=1)]
    return items


def results_saved_card(lang: str, concept: Concept, *, dialogue_id: str, kind: Kind, result: GroupResult, written_by: str,
                       theme: ChosenTheme | None, changed: bool) -> Element:
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
        submit(t(lang, f"action.results.show.{OTHER[kind].value}"), ResultsShow, dialogue_id=dialogue_id, kind=OTHER[kind].value),
        submit(t(lang, "action.plenum.show"), PlenumShow, dialogue_id=dialogue_id, kind=kind.value),
    ])


def _plenum_section(lang: str, concept: Concept, view: PlenumView, theme: ChosenTheme | None, *, title_size: str,
                    limit: int | None = None) -> list[Element]:
    items: list[Element] = [heading(t(lang, f"plenum.title.{view.kind.value}"), size=title_size)]
    items += theme_block(lang, concept, theme)
    for result in view.results:
        items.append(container([subheading(t(lang, "results.group", group=result.group)), *_entries(lang, result, limit=limit)],
                               separator=True, spacing="Medium"))
    if not view.results:
        items.append(text(t(lang, "plenum.nothing"), subtle=True, spacing="Small"))
    elif view.missing:
        items.append(text(t(lang, "plenum.missing", groups=", ".join(str(n) for n in view.missing)), color="Attention", spacing="Small"))
    else:
        items.append(text(t(lang, "plenum.complete"), color="Good", spacing="Small"))
    return items


def plenum_card(lang: str, concept: Concept, *, dialogue_id: str, view: PlenumView, theme: ChosenTheme | None,
                can_post: bool, posted: bool = False) -> Element:
    """The plenum view of one round: every group's flip-chart by number, and who is missing.
    Entries are shortened only if the whole would not fit (15 groups of full entries do not)."""
    actions = [submit(t(lang, f"action.results.show.{OTHER[view.kind].value}"), PlenumShow, dialogue_id=dialogue_id,
                      kind=OTHER[view.kind].value)]
    if can_post and not posted:
        actions.append(submit(t(lang, "action.plenum.post"), ResultsPost, style="positive", dialogue_id=dialogue_id, kind=view.kind.value))
    if can_post:  # the planning group's view: on to sorting the input (step 10)
        actions.append(submit(t(lang, "action.sorting.show"), SortingShow, dialogue_id=dialogue_id))
    for limit in (None, 200, 100, 50):
        body = _plenum_section(lang, concept, view, theme, title_size="Large", limit=limit)
        body.insert(1, text(t(lang, "plenum.intro"), subtle=True, spacing="Small"))
        if posted:
            body.append(text(t(lang, "plenum.posted"), color="Good", weight="Bolder", spacing="Medium"))
        if limit is not None:
            body.append(text(t(lang, "plenum.shortened"), subtle=True, spacing="Medium"))
        built = card(body, actions)
        if json_size(built) < MAX_MESSAGE_BYTES - 2_000:
            break
    return built


def plenum_post_card(lang: str, concept: Concept, *, views: list[tuple[PlenumView, ChosenTheme | None]],
                     day: datetime | None) -> Element:
    """The channel's post of both rounds. Entries are shortened only if the whole would not fit."""
    for limit in (None, 200, 100, 50):
        body: list[Element] = [heading(t(lang, "plenum.post.title"))]
        if day is not None:
            body.append(text(t(lang, "plenum.post.intro", date=day), spacing="Small"))
        for view, theme in views:
            body.append(container(_plenum_section(lang, concept, view, theme, title_size="Medium", limit=limit), separator=True,
                                  spacing="Large"))
        if limit is not None:
            body.append(text(t(lang, "plenum.shortened"), subtle=True, spacing="Medium"))
        built = card(body)
        if json_size(built) < MAX_MESSAGE_BYTES - 2_000:
            break
    return built

