"""How a refused nomination form names its problems: a summary at the top and a line under each
field, in the words of the guide's form ("Højst 500 tegn – forkort dit svar.")."""
from __future__ import annotations

from bot.process.concept import Concept, Kind
from bot.process.nomination import FIELD_CORE_TASK, FIELD_OWN_TITLE, FIELD_THEME, FIELD_WHY_ME, FieldError, field_name

from ..texts import has_text, t
from .elements import Element, container, text

# Which template each input was built from, to name it in error messages.
_SLOTS = {FIELD_THEME: "theme", FIELD_OWN_TITLE: "own_title", FIELD_WHY_ME: "why_me", FIELD_CORE_TASK: "core_task"}


def _slot(field: str) -> tuple[Kind | None, str]:
    for kind in Kind:
        for template, slot in _SLOTS.items():
            if field == field_name(template, kind):
                return kind, slot
    return None, "other"


def error_message(lang: str, error: FieldError) -> str:
    """The words for one field's problem, e.g. 'Højst 500 tegn – forkort dit svar.'"""
    kind, slot = _slot(error.field)
    candidates = [f"nomination.error.{slot}.{error.code}", f"nomination.error.{error.code}", "nomination.error.other"]
    if kind is not None:
        candidates.insert(0, f"nomination.error.{slot}.{error.code}.{kind.value}")
    key = next(k for k in candidates if has_text(lang, k))
    return t(lang, key, limit=error.limit or "")


def error_summary(lang: str, concept: Concept, errors: list[FieldError]) -> Element:
    items: list[Element] = [text(t(lang, "nomination.errors.title"), weight="Bolder", color="Attention")]
    for error in errors:
        kind, slot = _slot(error.field)
        where = t(lang, f"nomination.slot.{slot}")
        if kind is not None:
            where = f"{concept.catalogue(kind).label(lang)}, {where}"
        items.append(text(f"{where}: {error_message(lang, error)}", color="Attention", spacing="Small"))
    return container(items, style="attention")


def field_errors(lang: str, field: str, errors: list[FieldError]) -> list[Element]:
    return [text(error_message(lang, e), color="Attention", spacing="Small") for e in errors if e.field == field]
