"""Small builders for Adaptive Card 1.5 elements, shared by every card module.

Teams renders markdown in ``TextBlock`` and turns ``<at>…</at>`` into mentions, so anything a
person typed goes through :func:`verbatim` (a ``RichTextBlock`` of ``TextRun``s, which Teams
shows as plain text). ``TextBlock`` is kept for the bot's own wording.
"""
from __future__ import annotations

import json
from typing import Any

from .payload import Payload

CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_VERSION = "1.5"  # Teams renders 1.5 and lower; a card declaring 1.6 fails
CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
# Teams documents ~100 KB for bot messages; the project keeps every message under 40 KB.
MAX_MESSAGE_BYTES = 40_000
MAX_LINES = 12  # lines of one user text shown as separate blocks
# Teams' host config shows at most 6 actions in a row (``actions.maxActions``) and drops the
# rest; actions marked ``"mode": "secondary"`` go to the card's "…" menu instead.
MAX_PRIMARY_ACTIONS = 6

Element = dict[str, Any]


def card(body: list[Element], actions: list[Element] | None = None, *, fallback_text: str | None = None) -> Element:
    """An AdaptiveCard 1.5 with ``body`` and optional card-level ``actions``.

    Beyond six actions, the first five stay buttons and the rest go to the "…" menu, so none is lost.
    """
    result: Element = {"type": "AdaptiveCard", "$schema": CARD_SCHEMA, "version": CARD_VERSION, "body": body}
    if actions:
        result["actions"] = overflow(actions)
    if fallback_text:
        result["fallbackText"] = fallback_text
    return result


def overflow(actions: list[Element]) -> list[Element]:
    """``actions`` with those past Teams' limit marked secondary (already secondary ones stay so)."""
    primary = [a for a in actions if a.get("mode") != "secondary"]
    if len(primary) <= MAX_PRIMARY_ACTIONS:
        return actions
    keep = {id(a) for a in primary[: MAX_PRIMARY_ACTIONS - 1]}
    return [a if id(a) in keep or a.get("mode") == "secondary" else {**a, "mode": "secondary"} for a in actions]


def text(value: str, *, weight: str | None = None, size: str | None = None, color: str | None = None,
         subtle: bool = False, spacing: str | None = None, separator: bool = False, id: str | None = None) -> Element:
    """A wrapping TextBlock for the bot's own text (never for what a user typed)."""
    block: Element = {"type": "TextBlock", "text": value, "wrap": True}
    if weight:
        block["weight"] = weight
    if size:
        block["size"] = size
    if color:
        block["color"] = color
    if subtle:
        block["isSubtle"] = True
    if spacing:
        block["spacing"] = spacing
    if separator:
        block["separator"] = True
    if id:
        block["id"] = id
    return block


def heading(value: str, *, size: str = "Large") -> Element:
    return text(value, weight="Bolder", size=size)


def subheading(value: str, *, separator: bool = False) -> Element:
    return text(value, weight="Bolder", size="Medium", spacing="Medium", separator=separator)


def run(value: str, *, bold: bool = False, italic: bool = False, subtle: bool = False, color: str | None = None) -> Element:
    """A TextRun: plain text, no markdown, no mentions, whatever ``value`` contains."""
    inline: Element = {"type": "TextRun", "text": value}
    if bold:
        inline["weight"] = "Bolder"
    if italic:
        inline["italic"] = True
    if subtle:
        inline["isSubtle"] = True
    if color:
        inline["color"] = color
    return inline


def verbatim(value: str, *, prefix: str | None = None, prefix_subtle: bool = False, bold: bool = False,
             italic: bool = False, subtle: bool = False, spacing: str | None = None) -> Element:
    """Show user-typed ``value`` exactly as typed; ``prefix`` is the bot's own label before it.

    A TextRun is not sure to break lines at ``\\n`` in every client, so a multi-line value
    becomes one RichTextBlock per line (at most ``MAX_LINES``; the rest joins the last line).
    """
    lines = value.split("\n")
    if len(lines) > MAX_LINES:
        lines = lines[: MAX_LINES - 1] + [" ".join(lines[MAX_LINES - 1:])]
    blocks: list[Element] = []
    gap = False
    for line in lines:
        if not line.strip() and blocks:
            gap = True  # an empty line separates paragraphs
            continue
        inlines = []
        if prefix and not blocks:
            inlines.append(run(prefix, bold=not prefix_subtle, subtle=prefix_subtle))
        inlines.append(run(line, bold=bold, italic=italic, subtle=subtle))
        block: Element = {"type": "RichTextBlock", "inlines": inlines}
        if blocks:
            block["spacing"] = "Medium" if gap else "None"
        blocks.append(block)
        gap = False
    if len(blocks) == 1:
        if spacing:
            blocks[0]["spacing"] = spacing
        return blocks[0]
    return container(blocks, spacing=spacing)


def rich(*inlines: Element, spacing: str | None = None) -> Element:
    """A RichTextBlock of the given runs (mix the bot's labels with user text safely)."""
    block: Element = {"type": "RichTextBlock", "inlines": list(inlines)}
    if spacing:
        block["spacing"] = spacing
    return block


def container(items: list[Element], *, style: str | None = None, id: str | None = None, visible: bool = True,
              spacing: str | None = None, separator: bool = False) -> Element:
    block: Element = {"type": "Container", "items": items}
    if style:
        block["style"] = style
    if id:
        block["id"] = id
    if not visible:
        block["isVisible"] = False
    if spacing:
        block["spacing"] = spacing
    if separator:
        block["separator"] = True
    return block


def facts(pairs: list[tuple[str, str]]) -> Element:
    """A FactSet for the bot's own label/value pairs (counts, commands), not user text."""
    return {"type": "FactSet", "facts": [{"title": title, "value": value} for title, value in pairs]}


def submit(title: str, payload: type[Payload], *, style: str | None = None, **data: Any) -> Element:
    """An Action.Submit that sends ``payload``'s verb and ``data``, which its model must accept."""
    unknown = set(data) - payload.fields()
    if unknown:
        raise ValueError(f"{payload.VERB} carries no {sorted(unknown)}")
    action: Element = {"type": "Action.Submit", "title": title, "data": {"verb": payload.VERB, **data}}
    if style:
        action["style"] = style
    return action


def toggle(title: str, *target_ids: str) -> Element:
    return {"type": "Action.ToggleVisibility", "title": title, "targetElements": list(target_ids)}


def open_url(title: str, url: str) -> Element:
    return {"type": "Action.OpenUrl", "title": title, "url": url}


def action_set(actions: list[Element], *, spacing: str | None = None) -> Element:
    block: Element = {"type": "ActionSet", "actions": overflow(actions)}
    if spacing:
        block["spacing"] = spacing
    return block


def as_attachment(adaptive_card: Element) -> Element:
    """The Bot Framework attachment that carries ``adaptive_card``."""
    return {"contentType": CARD_CONTENT_TYPE, "content": adaptive_card}


def in_language(adaptive_card: Element, lang: str) -> Element:
    """The card marked with the language it is written in: the card's own ``lang`` and, in every
    Action.Submit's data, ``card_lang``, so a press on it is answered in the same language."""
    def mark(value: Any) -> Any:
        if isinstance(value, dict):
            marked = {k: mark(v) for k, v in value.items()}
            if marked.get("type") == "Action.Submit" and isinstance(marked.get("data"), dict):
                marked["data"] = {**marked["data"], "card_lang": lang}
            return marked
        if isinstance(value, list):
            return [mark(v) for v in value]
        return value

    return {**mark(adaptive_card), "lang": lang}


def message_with_card(adaptive_card: Element, *, summary: str, lang: str | None = None) -> Element:
    """A message activity with the card; ``summary`` is the plain text notifications show, and
    ``lang`` the card's language (see :func:`in_language`)."""
    if lang is not None:
        adaptive_card = in_language(adaptive_card, lang)
    return {"type": "message", "summary": summary, "attachments": [as_attachment(adaptive_card)]}


def json_size(value: Any) -> int:
    """Bytes on the wire: the SDK serialises with ``ensure_ascii``, so æ costs 6 and 😀 12."""
    return len(json.dumps(value, ensure_ascii=True))
