"""Checks every card must pass: the official Adaptive Card 1.5 schema, and the message size.

Teams-only elements (``Chart.*``) are outside the 1.5 schema, so each is replaced by its
``fallback`` before validation, which is also what a client without charts renders. The same
goes for the card's top-level ``msteams`` key (mention entities, full width): Teams requires
it (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format
#mention-support-within-adaptive-cards), the 1.5 schema forbids it, so it is checked here on
its own and removed before the schema check. The schema is the copy in tests/schemas/ so a
fresh clone validates without network access.
"""
from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft6Validator

SCHEMA_PATH = Path(__file__).parent / "schemas" / "adaptive-cards" / "adaptive-card-1.5.0.json"
MAX_MESSAGE_BYTES = 40_000
CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"


@lru_cache(maxsize=1)
def _validator() -> Draft6Validator:
    return Draft6Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def wire_size(value: Any) -> int:
    """Bytes as the SDK sends them (``ensure_ascii``: æ is 6 bytes, an emoji 12)."""
    return len(json.dumps(value, ensure_ascii=True))


def cards_in(card_or_activity: dict[str, Any]) -> list[dict[str, Any]]:
    """The adaptive cards in an activity, or the card itself."""
    if card_or_activity.get("type") == "AdaptiveCard":
        return [card_or_activity]
    cards = [a["content"] for a in card_or_activity.get("attachments", []) if a.get("contentType") == CARD_CONTENT_TYPE]
    assert cards, "no adaptive card in the activity"
    return cards


def replace_charts(node: Any) -> Any:
    """A copy with every ``Chart.*`` element replaced by its fallback (which must be an element)."""
    if isinstance(node, list):
        return [replace_charts(item) for item in node]
    if not isinstance(node, dict):
        return node
    if str(node.get("type", "")).startswith("Chart."):
        fallback = node.get("fallback")
        assert isinstance(fallback, dict), f"{node['type']} needs a fallback element, got {fallback!r}"
        return replace_charts(fallback)
    return {key: replace_charts(value) for key, value in node.items()}


MENTION_TEXT = re.compile(r"^<at>[^<>]+</at>$")


def without_msteams(card: dict[str, Any]) -> dict[str, Any]:
    """A copy without the card's ``msteams`` key, after checking it holds only what Teams reads:
    ``width`` ("Full") and ``entities`` of type "mention" with text ``<at>…</at>`` (found in the
    card's own text, where Teams looks for it) and ``mentioned`` {id, name}."""
    if "msteams" not in card:
        return card
    teams = card["msteams"]
    assert isinstance(teams, dict) and set(teams) <= {"entities", "width"}, f"msteams may hold entities and width only: {teams!r:.200}"
    if "width" in teams:
        assert teams["width"] == "Full", f"msteams width must be 'Full', got {teams['width']!r}"
    entities = teams.get("entities", [])
    assert isinstance(entities, list), "msteams entities must be a list"
    rest = {key: value for key, value in card.items() if key != "msteams"}
    shown = "\n".join(value for _, value in walk(rest) if isinstance(value, str))
    for entity in entities:
        assert isinstance(entity, dict) and set(entity) == {"type", "text", "mentioned"}, f"a mention is type, text, mentioned: {entity!r:.200}"
        assert entity["type"] == "mention", f"only mention entities, got {entity['type']!r}"
        assert isinstance(entity["text"], str) and MENTION_TEXT.match(entity["text"]), f"mention text must be <at>…</at>: {entity['text']!r}"
        assert entity["text"] in shown, f"{entity['text']} is mentioned but not in the card's text"
        mentioned = entity["mentioned"]
        assert isinstance(mentioned, dict) and set(mentioned) == {"id", "name"}, f"mentioned is {{id, name}}: {mentioned!r:.200}"
        assert all(isinstance(mentioned[k], str) and mentioned[k] for k in ("id", "name")), f"empty mention: {mentioned!r:.200}"
    return rest


def walk(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every (path, value) in a JSON tree, depth first."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, path + (index,))


def assert_valid_card(card_or_activity: dict[str, Any]) -> None:
    """Fail with a readable message unless every card is valid 1.5 and the whole message fits."""
    size = wire_size(card_or_activity)
    assert size < MAX_MESSAGE_BYTES, f"message is {size} bytes; the limit is {MAX_MESSAGE_BYTES}"
    for card in cards_in(card_or_activity):
        assert card.get("version") == "1.5", f"version must be exactly '1.5', got {card.get('version')!r}"
        assert card.get("$schema"), "the card lacks $schema"
        plain = replace_charts(copy.deepcopy(without_msteams(card)))
        errors = sorted(_validator().iter_errors(plain), key=lambda e: len(e.path))
        if errors:
            messages = [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in errors[:5]]
            raise AssertionError("card does not match the Adaptive Card 1.5 schema:\n" + "\n".join(messages))
        _assert_ids(plain)


def _assert_ids(card: dict[str, Any]) -> None:
    """Element ids are unique (Teams mixes up duplicate inputs) and toggles point at real ids."""
    ids: list[str] = []
    targets: list[str] = []
    for path, value in walk(card):
        if isinstance(value, dict):
            if "id" in value and path and path[-1] != "data":
                ids.append(value["id"])
            if value.get("type") == "Action.ToggleVisibility":
                for target in value.get("targetElements", []):
                    targets.append(target if isinstance(target, str) else target["elementId"])
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"duplicate element ids: {sorted(duplicates)}"
    missing = set(targets) - set(ids)
    assert not missing, f"toggle targets without an element: {sorted(missing)}"
