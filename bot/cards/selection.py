"""The selection of the day's themes (step 4): the planning group's card, and what replaces it.

The form shows the tally beside the guide's considerations (section 4) and offers, per kind,
what ``process.selection.theme_choices`` offers: nominated themes first with their counts, then
the rest of the catalogue, then a new own proposal. Input ids come from the process module, so
the form and its parser cannot drift apart. Own-proposal titles are what employees typed: the
card shows them in TextRuns and choice titles, never in markdown.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from pydantic import ValidationInfo, field_validator

from bot.process.concept import Concept, Kind, Localized
from bot.process.nomination import FieldError
from bot.process.selection import (
    BOTH, CONSIDERATIONS, FIELD_OWN_TITLE, FIELD_REASON, FIELD_THEME, NOMINATED_OWN_PREFIX, Selection, chooses_kind, field_name,
    tally_pointers, theme_choices,
)
from bot.process.tally import Tally, ThemeCount
from bot.process.text import fold_title

from ..texts import has_text, t
from .dialogue_kind import TeamId, dialogue_kind_block
from .elements import Element, card, container, heading, rich, run, subheading, submit, text, verbatim
from .invitation import AnnounceAsk
from .payload import Payload, RoundId, capped
from .themes import workplace_line


class SelectionShow(Payload):
    """Open the selection card (typed ``vælg temaer`` / ``choose themes``, or the final tally's button)."""

    VERB: ClassVar[str] = "selection.show"
    dialogue_id: RoundId | None = None


class SelectionSubmit(Payload):
    """The planning group's choice. Theme values are checked against what the card offered by
    ``process.selection.parse_selection``; here only types and hard length caps."""

    VERB: ClassVar[str] = "selection.submit"
    dialogue_id: RoundId | None = None
    team_id: TeamId | None = None
    kinds: Literal["wellbeing", "leadership", "both"] | None = None  # what the card asked for (a concept with dialogue kinds)
    wellbeing_theme: str | None = None
    wellbeing_own_title: str | None = None
    wellbeing_reason: str | None = None
    leadership_theme: str | None = None
    leadership_own_title: str | None = None
    leadership_reason: str | None = None

    @field_validator("wellbeing_theme", "leadership_theme")
    @classmethod
    def _theme_cap(cls, value: str | None, info: ValidationInfo) -> str | None:
        # "own:" + a nominated title, folded (NFKC may lengthen it a little)
        return capped(value, len(NOMINATED_OWN_PREFIX) + 2 * (info.context or {})["concept"].limits.own_title_max_chars)

    @field_validator("wellbeing_own_title", "leadership_own_title")
    @classmethod
    def _title_cap(cls, value: str | None, info: ValidationInfo) -> str | None:
        return capped(value, 2 * (info.context or {})["concept"].limits.own_title_max_chars)

    @field_validator("wellbeing_reason", "leadership_reason")
    @classmethod
    def _reason_cap(cls, value: str | None, info: ValidationInfo) -> str | None:
        return capped(value, 2 * (info.context or {})["concept"].limits.reason_max_chars)

    def form_values(self) -> dict[str, str | None]:
        return {f"{kind.value}_{slot}": getattr(self, f"{kind.value}_{slot}") for kind in Kind for slot in ("theme", "own_title", "reason")}


MAX_NOMINATED_OWN = 15  # nominated own proposals offered per kind; any other can be typed as a new one (it keeps its count)


def _title(lang: str, title: str | Localized) -> str:
    return title if isinstance(title, str) else title(lang)


def _offered(lang: str, concept: Concept, kind: Kind, tally: Tally | None) -> list[tuple[str, str, int]]:
    own_id = concept.catalogue(kind).own_proposal.id
    out, own_shown = [], 0
    for value, title, count in theme_choices(concept, kind, tally):
        if value.startswith(NOMINATED_OWN_PREFIX):
            own_shown += 1
            if own_shown > MAX_NOMINATED_OWN:
                continue
        label = t(lang, "selection.own.choice", own=_title(lang, title)) if value == own_id else _title(lang, title)
        out.append((value, label, count))
    return out


# -- the form ---------------------------------------------------------------------------------
def selection_card(lang: str, concept: Concept, *, dialogue_id: str | None, tally: Tally | None, team_id: str | None = None,
                   workplace_name: str = "", current: Selection | None = None, chosen_by_name: str = "",
                   values: Mapping[str, object] | None = None, errors: list[FieldError] | None = None,
                   kinds: tuple[Kind, ...] = BOTH) -> Element:
    """The planning group's form: the tally and the guide's considerations, then per kind the day
    runs (``kinds``) a theme and why. ``current`` pre-fills the stored choice and says who made it
    and when; ``values`` (raw card inputs) refill it after the server refused a submission,
    ``errors`` say why. A concept with dialogue kinds (DTU) first offers the choice of dialogue."""
    errors = errors or []
    offered = {kind: _offered(lang, concept, kind, tally) for kind in kinds}
    filled = _prefill(current, values, offered)
    body: list[Element] = [heading(t(lang, "selection.title"))]
    if workplace_name:
        body.append(workplace_line(lang, concept, workplace_name))
    body.append(text(t(lang, "selection.intro" if len(kinds) > 1 else "selection.intro.one"), spacing="Small"))
    if current is not None:
        body.append(verbatim(chosen_by_name or current.chosen_by, prefix=t(lang, "selection.current", date=current.chosen_at),
                             prefix_subtle=True, spacing="Small"))
        body.append(text(t(lang, "selection.current.hint"), subtle=True, spacing="None"))
    if chooses_kind(concept):
        body.append(dialogue_kind_block(lang, concept, kinds, dialogue_id=dialogue_id, team_id=team_id))
    if errors:
        body.append(_error_summary(lang, concept, errors))
    body.append(_considerations(lang, concept, tally, kinds))
    for kind in kinds:
        body.append(_kind_section(lang, concept, kind, offered[kind], filled, errors))
    ids: dict[str, str] = {"dialogue_id": dialogue_id} if dialogue_id else {"team_id": team_id} if team_id else {}
    if chooses_kind(concept):
        ids["kinds"] = kinds[0].value if len(kinds) == 1 else "both"
    return card(body, [submit(t(lang, "action.selection.save"), SelectionSubmit, style="positive", **ids)])


def _prefill(current: Selection | None, values: Mapping[str, object] | None,
             offered: dict[Kind, list[tuple[str, str, int]]]) -> dict[str, str]:
    filled: dict[str, str] = {}
    if current is not None:
        for kind in offered:
            chosen = current.themes.choice(kind)
            if chosen is None:
                continue
            value, own_title = chosen.theme_id, chosen.own_title or ""
            nominated = NOMINATED_OWN_PREFIX + fold_title(own_title) if own_title else None
            if nominated and any(v == nominated for v, _, _ in offered[kind]):
                value, own_title = nominated, ""  # the nominated own proposal it was, under its own title
            filled[field_name(FIELD_THEME, kind)] = value
            filled[field_name(FIELD_OWN_TITLE, kind)] = own_title
            filled[field_name(FIELD_REASON, kind)] = chosen.reason
    for key, value in (values or {}).items():
        if isinstance(value, str):  # a forged non-text value is dropped, not echoed back
            filled[key] = value
    return filled


def _considerations(lang: str, concept: Concept, tally: Tally | None, kinds: tuple[Kind, ...]) -> Element:
    """The guide's questions; under those the tally can answer, what it points to per kind."""
    items: list[Element] = [text(t(lang, "selection.considerations.title"), weight="Bolder")]
    if tally is None:
        items.append(text(t(lang, "selection.no_tally"), spacing="Small"))
    else:
        percent = round(tally.response_rate * 100)
        items.append(text(t(lang, "selection.responded", responded=tally.responded, invited=tally.invited, percent=percent),
                          spacing="Small"))
    pointers = {kind: tally_pointers(tally.kinds[kind]) for kind in Kind} if tally is not None else None
    for consideration in CONSIDERATIONS:
        items.append(text("• " + consideration.question(lang), spacing="Small"))
        if not consideration.from_tally or pointers is None:
            continue
        for kind in kinds:
            items.append(_pointer(lang, concept, kind, pointers[kind][consideration.id]))
    if pointers is not None:
        items.append(text(t(lang, "selection.pointer.yours"), subtle=True, spacing="Small"))
    return container(items, style="emphasis", spacing="Medium")


def _pointer(lang: str, concept: Concept, kind: Kind, themes: tuple[ThemeCount, ...]) -> Element:
    label = run(f"{concept.catalogue(kind).label(lang)}: ", subtle=True)
    if not themes:
        return rich(label, run(t(lang, "selection.pointer.none"), subtle=True), spacing="None")
    runs = [label]
    for i, theme in enumerate(themes[:5]):
        runs.append(run(("" if i == 0 else " · ") + theme.title_in(lang), bold=True))  # an own title: a TextRun, as typed
        runs.append(run(f" ({t(lang, 'selection.count', count=theme.count)})"))
    return rich(*runs, spacing="None")


def _kind_section(lang: str, concept: Concept, kind: Kind, offered: list[tuple[str, str, int]], filled: dict[str, str],
                  errors: list[FieldError]) -> Element:
    catalogue, limits = concept.catalogue(kind), concept.limits
    theme_field, own_field, reason_field = (field_name(f, kind) for f in (FIELD_THEME, FIELD_OWN_TITLE, FIELD_REASON))
    choices = [{"title": label + (f" – {t(lang, 'selection.count', count=count)}" if count else ""), "value": value}
               for value, label, count in offered]
    theme_input: Element = {
        "type": "Input.ChoiceSet", "id": theme_field, "label": t(lang, "selection.choose", kind=catalogue.label(lang).lower()),
        "style": "compact", "placeholder": t(lang, "selection.choose.placeholder"), "isRequired": True,
        "errorMessage": t(lang, "selection.error.theme.required"), "wrap": True, "choices": choices,
    }
    if filled.get(theme_field) in {value for value, _, _ in offered}:
        theme_input["value"] = filled[theme_field]
    own_input: Element = {
        "type": "Input.Text", "id": own_field, "maxLength": limits.own_title_max_chars,
        "label": t(lang, "selection.own_title.label", limit=limits.own_title_max_chars),
        "errorMessage": t(lang, "selection.error.own_title.required"),
    }
    reason_input: Element = {
        "type": "Input.Text", "id": reason_field, "maxLength": limits.reason_max_chars, "isMultiline": True, "isRequired": True,
        "label": t(lang, "selection.reason.label", limit=limits.reason_max_chars),
        "errorMessage": t(lang, "selection.error.reason.required"),
    }
    for element, field in ((own_input, own_field), (reason_input, reason_field)):
        if filled.get(field):
            element["value"] = filled[field]
    return container([
        subheading(catalogue.label(lang), separator=True),
        theme_input, *_field_errors(lang, theme_field, errors),
        own_input, *_field_errors(lang, own_field, errors),
        reason_input, *_field_errors(lang, reason_field, errors),
    ], spacing="Large")


_SLOTS = {FIELD_THEME: "theme", FIELD_OWN_TITLE: "own_title", FIELD_REASON: "reason"}


def _slot(field: str) -> tuple[Kind | None, str]:
    for kind in Kind:
        for template, slot in _SLOTS.items():
            if field == field_name(template, kind):
                return kind, slot
    return None, "other"


def error_message(lang: str, error: FieldError) -> str:
    """'Højst 500 tegn – forkort teksten.', the words for one field's problem."""
    _, slot = _slot(error.field)
    candidates = (f"selection.error.{slot}.{error.code}", f"selection.error.{error.code}", "selection.error.other")
    return t(lang, next(k for k in candidates if has_text(lang, k)), limit=error.limit or "")


def _error_summary(lang: str, concept: Concept, errors: list[FieldError]) -> Element:
    items: list[Element] = [text(t(lang, "selection.errors.title"), weight="Bolder", color="Attention")]
    for error in errors:
        kind, slot = _slot(error.field)
        where = t(lang, f"selection.slot.{slot}") if slot != "other" else ""
        if kind is not None:
            where = f"{concept.catalogue(kind).label(lang)}, {where}"
        items.append(text(f"{where}: {error_message(lang, error)}" if where else error_message(lang, error),
                          color="Attention", spacing="Small"))
    return container(items, style="attention")


def _field_errors(lang: str, field: str, errors: list[FieldError]) -> list[Element]:
    return [text(error_message(lang, e), color="Attention", spacing="Small") for e in errors if e.field == field]


# -- the result that replaces it ----------------------------------------------------------------
RESULT_TITLES = {"saved": "selection.result.title.saved", "unchanged": "selection.result.title.unchanged",
                 "shown": "selection.result.title.shown"}


def selection_result_card(lang: str, concept: Concept, *, selection: Selection, chosen_by_name: str = "",
                          workplace_name: str = "", saved: str = "saved") -> Element:
    """Both themes with why and who chose them; until announced, the buttons to change the
    choice or announce it and invite (step 5); after, that it is announced and fixed."""
    announced = selection.announced_at is not None
    body: list[Element] = [heading(t(lang, "selection.result.title.announced" if announced else RESULT_TITLES[saved]))]
    if workplace_name:
        body.append(workplace_line(lang, concept, workplace_name))
    for kind in selection.themes.kinds:
        chosen = selection.themes.choice(kind)
        catalogue = concept.catalogue(kind)
        if chosen.theme_id == catalogue.own_proposal.id:
            title = rich(run(catalogue.own_proposal.title(lang) + ": ", bold=True), run(chosen.own_title or "", bold=True))
        else:
            theme = catalogue.find(chosen.theme_id)
            title = text(theme.title(lang), weight="Bolder") if theme else verbatim(chosen.theme_id, bold=True)
        count = t(lang, "selection.count", count=chosen.nominations) if chosen.nominations else t(lang, "selection.result.not_nominated")
        body.append(container([
            subheading(catalogue.label(lang)),
            title,
            text(count, subtle=True, spacing="None"),
            verbatim(chosen.reason, prefix=t(lang, "selection.result.why") + " ", prefix_subtle=True, spacing="Small"),
        ], separator=True, spacing="Medium"))
    footer: list[Element] = [
        verbatim(chosen_by_name or selection.chosen_by, prefix=t(lang, "selection.result.chosen_by", date=selection.chosen_at),
                 prefix_subtle=True),
    ]
    if announced:
        footer.append(text(t(lang, "selection.result.announced", date=selection.announced_at), weight="Bolder", spacing="Small"))
        return card(body + [container(footer, separator=True, spacing="Large")])
    footer.append(text(t(lang, "selection.result.next"), spacing="Small"))
    body.append(container(footer, separator=True, spacing="Large"))
    return card(body, [
        submit(t(lang, "action.selection.change"), SelectionShow, dialogue_id=selection.dialogue_id),
        submit(t(lang, "action.selection.announce"), AnnounceAsk, style="positive", dialogue_id=selection.dialogue_id),
    ])
