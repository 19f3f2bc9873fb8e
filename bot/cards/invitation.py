"""The day of the dialogue and the invitation to it (steps 1 and 5, Bilag 3).

The planning group's cards: the day's form and its result, the confirmation before the themes
are announced and its result. The channel's post of the chosen themes. Each employee's
invitation (Bilag 3) with the answer buttons, and the message that the day has moved.
Everything a person typed (a place, a link, an own theme's title, the reasons) is shown in
TextRuns (``verbatim``), never as markdown.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from bot.process.concept import Concept, Kind
from bot.process.invitation import (
    FIELD_DATE, FIELD_LINK, FIELD_PLACE, FIELD_START, LINK_MAX_CHARS, PLACE_MAX_CHARS, Answer, DialogueDay,
)
from bot.process.nomination import FieldError
from bot.process.selection import Selection

from ..texts import format_date, has_text, t
from .elements import Element, action_set, card, container, heading, open_url, subheading, submit, text, verbatim
from .everyday_example import PrepareShow
from .payload import DateText, Payload, RoundId


class DayShow(Payload):
    """Open the day's form (typed ``dag`` / ``day``, or the status card's button)."""

    VERB: ClassVar[str] = "day.show"
    dialogue_id: RoundId | None = None


class AnnounceAsk(Payload):
    """Ask to announce the chosen themes and invite everyone (the selection card's button)."""

    VERB: ClassVar[str] = "themes.announce_ask"
    dialogue_id: RoundId | None = None


class DaySet(Payload):
    """The day's form; every value is checked again on the server (process.invitation.parse_day)."""

    VERB: ClassVar[str] = "day.set"
    dialogue_id: RoundId
    day_date: DateText | None = None
    day_start: DateText | None = None
    # Beyond twice the card's maxLength no client could have sent it: refused as forged.
    day_place: Annotated[str, Field(max_length=2 * PLACE_MAX_CHARS)] | None = None
    day_link: Annotated[str, Field(max_length=2 * LINK_MAX_CHARS)] | None = None


class AnnounceConfirm(Payload):
    """The confirmation: announce the themes and invite everyone now."""

    VERB: ClassVar[str] = "themes.announce"
    dialogue_id: RoundId


class DayAnswer(Payload):
    """An invited employee's answer: coming, or cannot come."""

    VERB: ClassVar[str] = "day.answer"
    dialogue_id: RoundId
    answer: Literal["coming", "cannot_come"]
    # The date and start the card showed, so an answer from a card made before the day moved is
    # not taken for the new day (process.invitation.check_may_answer). Absent on older cards.
    day_date: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = None
    day_start: Annotated[str, Field(pattern=r"^\d{2}:\d{2}$")] | None = None
    # Pressed on the "day has changed" notice rather than the invitation: the answer puts both in place.
    card: Literal["notice"] | None = None


# -- words --------------------------------------------------------------------------------------
def clock_text(lang: str, moment: time) -> str:
    """'8.00' in Danish, '8:00' in English."""
    return f"{moment.hour}{':' if lang == 'en' else '.'}{moment.minute:02d}"


def when_text(lang: str, day: DialogueDay) -> str:
    """'tirsdag den 15. september 2026 kl. 8.00-11.00' / 'Tuesday 15 September 2026, 8:00-11:00'."""
    return t(lang, "day.when", date=format_date(lang, day.date), start=clock_text(lang, day.start), end=clock_text(lang, day.end))


def _where(lang: str, day: DialogueDay) -> list[Element]:
    out: list[Element] = []
    if day.place:
        out.append(verbatim(day.place, prefix=t(lang, "day.place") + " ", spacing="Small"))
    if day.online_link:
        out.append(verbatim(day.online_link, prefix=t(lang, "day.link") + " ", spacing="Small"))
    return out


def _day_block(lang: str, day: DialogueDay) -> list[Element]:
    return [text(when_text(lang, day), weight="Bolder")] + _where(lang, day)


def theme_title(lang: str, concept: Concept, selection: Selection, kind: Kind) -> tuple[str, bool]:
    """The chosen theme's title, and whether it was typed by someone (an own proposal)."""
    chosen = selection.themes.choice(kind)
    if chosen.own_title:
        return chosen.own_title, True
    theme = concept.catalogue(kind).find(chosen.theme_id)
    return (theme.title(lang) if theme else chosen.theme_id), False


def of_day(key: str, kinds: tuple[Kind, ...]) -> str:
    """``key``, or its variant naming the one kind a one-kind day (DTU) runs: "…om ledelse", not "…om trivsel og ledelse"."""
    return f"{key}.{kinds[0].value}" if len(kinds) == 1 else key


def _theme_line(lang: str, concept: Concept, selection: Selection, kind: Kind) -> Element:
    label = t(lang, f"invitation.{kind.value}") + " "
    title, _typed = theme_title(lang, concept, selection, kind)
    return verbatim(title, prefix=label, bold=True, spacing="Small")


# -- the planning group's cards ------------------------------------------------------------------
def day_form_card(lang: str, *, dialogue_id: str, current: DialogueDay | None, min_date: date, max_date: date,
                  values: Mapping[str, object] | None = None, errors: list[FieldError] | None = None) -> Element:
    """The form: date, start time, place and/or link; errors at the top and under their fields."""
    errors = errors or []
    shown = dict(values or {})
    if current is not None and not shown:
        shown = {FIELD_DATE: current.date.isoformat(), FIELD_START: current.start.strftime("%H:%M"),
                 FIELD_PLACE: current.place or "", FIELD_LINK: current.online_link or ""}
    body: list[Element] = [heading(t(lang, "day.title"))]
    if errors:
        body.append(container([text(t(lang, "day.error.title"), weight="Bolder", color="Attention")]
                              + [text(error_text(lang, e), color="Attention", spacing="Small") for e in errors], style="attention"))
    body.append(text(t(lang, "day.intro")))
    if current is not None:
        body.append(text(t(lang, "day.current", when=when_text(lang, current)), subtle=True))
        body += _where(lang, current)

    def value(name: str) -> str:
        raw = shown.get(name)
        return raw if isinstance(raw, str) else ""

    def under(name: str) -> list[Element]:
        return [text(error_text(lang, e), color="Attention", spacing="Small") for e in errors if e.field == name]

    date_input: Element = {"type": "Input.Date", "id": FIELD_DATE, "label": t(lang, "day.label.date"), "isRequired": True,
                           "errorMessage": t(lang, "day.error.not_a_date"), "min": min_date.isoformat(), "max": max_date.isoformat()}
    start_input: Element = {"type": "Input.Time", "id": FIELD_START, "label": t(lang, "day.label.start"), "isRequired": True,
                            "errorMessage": t(lang, "day.error.not_a_time")}
    if value(FIELD_DATE):
        date_input["value"] = value(FIELD_DATE)[:10]
    start_input["value"] = value(FIELD_START)[:5] or "08:00"  # Bilag 5's day starts at 08:00
    body += [date_input, *under(FIELD_DATE), start_input, *under(FIELD_START)]
    body += [{"type": "Input.Text", "id": FIELD_PLACE, "label": t(lang, "day.label.place"), "maxLength": PLACE_MAX_CHARS,
              "placeholder": t(lang, "day.placeholder.place"), "value": value(FIELD_PLACE)}, *under(FIELD_PLACE),
             {"type": "Input.Text", "id": FIELD_LINK, "label": t(lang, "day.label.link"), "maxLength": LINK_MAX_CHARS,
              "style": "Url", "value": value(FIELD_LINK)}, *under(FIELD_LINK),
             text(t(lang, "day.hint.moved"), subtle=True, spacing="Small")]
    return card(body, [submit(t(lang, "action.day.save"), DaySet, style="positive", dialogue_id=dialogue_id)])


def error_text(lang: str, error: FieldError) -> str:
    specific = f"day.error.{error.field}.{error.code}"
    key = specific if has_text(lang, specific) else f"day.error.{error.code}"
    if not has_text(lang, key):
        key = "day.error.required"
    return t(lang, key, limit=error.limit or "")


def day_set_card(lang: str, *, day: DialogueDay, warnings: tuple[str, ...] = (), told: int | None = None,
                 cleared: bool = False, announced: bool = False) -> Element:
    """What the used form turns into: 'Dagen er sat: tirsdag den 15. september 2026 kl. 8.00-11.00'."""
    body: list[Element] = [heading(t(lang, "day.set.title")), text(t(lang, "day.set.text", when=when_text(lang, day)))]
    body += _where(lang, day)
    body += [text(t(lang, f"day.warning.{w}"), color="Warning", spacing="Small") for w in warnings]
    if cleared:
        body.append(text(t(lang, "day.set.cleared"), spacing="Small"))
    if told is not None:
        body.append(text(t(lang, "day.set.told", count=told), subtle=True))
    elif not announced:
        body.append(text(t(lang, "day.set.next"), subtle=True))
    return card(body, [submit(t(lang, "action.day"), DayShow)])


def announce_confirm_card(lang: str, concept: Concept, *, dialogue_id: str, selection: Selection, day: DialogueDay,
                          invited: int) -> Element:
    """Are you sure? The themes, the day and how many will be invited."""
    body: list[Element] = [heading(t(lang, "announce.title"))]
    body += [_theme_line(lang, concept, selection, kind) for kind in selection.themes.kinds]
    body += _day_block(lang, day)
    announce = "announce.text" if len(selection.themes.kinds) > 1 else "announce.text.one_kind"
    body += [text(t(lang, announce, count=invited)), text(t(lang, "announce.after"), subtle=True)]
    return card(body, [submit(t(lang, "action.announce.confirm"), AnnounceConfirm, style="positive", dialogue_id=dialogue_id)])


def announced_card(lang: str, concept: Concept, *, selection: Selection, day: DialogueDay, invited: int) -> Element:
    """What the used confirmation turns into."""
    body: list[Element] = [heading(t(lang, "announce.done.title"))]
    body += [_theme_line(lang, concept, selection, kind) for kind in selection.themes.kinds]
    body += _day_block(lang, day)
    body.append(text(t(lang, "announce.done.text", count=invited)))
    return card(body)


# -- the channel's post ---------------------------------------------------------------------------
def themes_announced_card(lang: str, concept: Concept, *, selection: Selection, day: DialogueDay) -> Element:
    """The chosen themes, each with its catalogue description and why it was chosen, and the day."""
    body: list[Element] = [heading(t(lang, "themes.announced.title")), text(t(lang, "themes.announced.intro"))]
    for kind in selection.themes.kinds:  # one on a one-kind day (DTU)
        chosen = selection.themes.choice(kind)
        body.append(_theme_line(lang, concept, selection, kind))
        theme = concept.catalogue(kind).find(chosen.theme_id)
        if theme is not None and not chosen.own_title:
            body.append(text(theme.description(lang), subtle=True, spacing="Small"))
        body.append(verbatim(chosen.reason, prefix=t(lang, "themes.why") + " ", prefix_subtle=True, spacing="Small"))
    body += [subheading(t(lang, "invitation.when"), separator=True), *_day_block(lang, day)]
    body.append(text(t(lang, "themes.invitation_sent"), subtle=True))
    return card(body)


# -- the invitation (Bilag 3) ----------------------------------------------------------------------
def _answer_actions(lang: str, dialogue_id: str, answer: Answer | None, day: DialogueDay, *, notice: bool = False) -> list[Element]:
    shown = {"dialogue_id": dialogue_id, "day_date": day.date.isoformat(), "day_start": day.start.strftime("%H:%M")}
    if notice:
        shown["card"] = "notice"
    if answer is None:
        return [submit(t(lang, "action.answer.coming"), DayAnswer, style="positive", answer="coming", **shown),
                submit(t(lang, "action.answer.cannot_come"), DayAnswer, answer="cannot_come", **shown)]
    other = Answer.CANNOT_COME if answer is Answer.COMING else Answer.COMING
    return [submit(t(lang, f"action.answer.change.{other.value}"), DayAnswer, answer=other.value, **shown)]


def _links(lang: str, day: DialogueDay, calendar_url: str | None) -> list[Element]:
    links: list[Element] = []
    if calendar_url:
        links.append(open_url(t(lang, "action.calendar"), calendar_url))
    if day.online_link:
        links.append(open_url(t(lang, "action.meeting_link"), day.online_link))
    return links


def invitation_card(lang: str, concept: Concept, *, dialogue_id: str, selection: Selection, day: DialogueDay,
                    answer: Answer | None = None, calendar_url: str | None = None, workplace_name: str = "") -> Element:
    """Bilag 3: date and time, place, the two themes (one on a one-kind day), how to prepare, the
    programme, and the answer."""
    kinds = selection.themes.kinds
    body: list[Element] = [heading(t(lang, of_day("invitation.title", kinds)))]
    if workplace_name:
        body.append(verbatim(workplace_name, prefix=t(lang, "invitation.team") + " ", prefix_subtle=True))
    body += [subheading(t(lang, "invitation.when")), *_day_block(lang, day)]
    body += [text(t(lang, of_day("invitation.purpose", kinds)), spacing="Medium"), text(t(lang, "invitation.themes"))]
    body += [_theme_line(lang, concept, selection, kind) for kind in kinds]
    body += [subheading(t(lang, "invitation.prepare.title")), text(t(lang, of_day("invitation.prepare.text", kinds))),
             text(t(lang, "invitation.prepare.kinds"), spacing="Small")]
    if answer is not Answer.CANNOT_COME:  # who cannot come tells no example (everyday_example.py)
        body.append(action_set([submit(t(lang, "action.prepare"), PrepareShow, dialogue_id=dialogue_id)], spacing="Small"))
    body += [subheading(t(lang, "invitation.programme.title")), text(t(lang, of_day("invitation.programme", kinds)), spacing="Small"),
             text(t(lang, "invitation.closing"), spacing="Medium")]
    links = _links(lang, day, calendar_url)
    if links:
        body.append(action_set(links))
    body.append(_answer_block(lang, answer))
    return card(body, _answer_actions(lang, dialogue_id, answer, day))


def _answer_block(lang: str, answer: Answer | None) -> Element:
    if answer is None:
        return text(t(lang, "invitation.answer.question"), weight="Bolder", separator=True)
    return text(t(lang, f"invitation.answer.{answer.value}"), weight="Bolder", color="Good", separator=True)


def day_changed_card(lang: str, *, dialogue_id: str, day: DialogueDay, answer: Answer | None,
                     calendar_url: str | None = None) -> Element:
    """The day has changed: when and where it is now, and the answer (asked again when a new date
    or time cleared it)."""
    body: list[Element] = [heading(t(lang, "day_changed.title")), text(t(lang, "day_changed.text", when=when_text(lang, day)))]
    body += _where(lang, day)
    links = _links(lang, day, calendar_url)
    if links:
        body.append(action_set(links))
    body.append(_answer_block(lang, answer))
    return card(body, _answer_actions(lang, dialogue_id, answer, day, notice=True))
