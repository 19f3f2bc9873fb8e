"""Typed commands, in Danish and English, mapped to one name each.

Matching is on whole words after the bot mention is removed, never on substrings, so a reason
that happens to contain "start" does not start anything.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

COMMANDS: dict[tuple[str, ...], str] = {
    ("start",): "start",
    ("optælling",): "tally",
    ("optaelling",): "tally",
    ("tally",): "tally",
    ("status",): "status",
    ("mine", "temaer"): "my_themes",
    ("my", "themes"): "my_themes",
    ("hjælp",): "help",
    ("hjaelp",): "help",
    ("help",): "help",
    ("?",): "help",
    ("sprog",): "language",
    ("language",): "language",
    ("gruppe",): "group",
    ("group",): "group",
    ("planlægningsgruppe",): "group",
    ("planning", "group"): "group",
    ("mine", "data"): "my_data",
    ("my", "data"): "my_data",
}

GROUP_ACTIONS = {"tilføj": "add", "tilfoej": "add", "add": "add", "fjern": "remove", "remove": "remove"}
LANGUAGES = {"da": "da", "dansk": "da", "danish": "da", "en": "en", "engelsk": "en", "english": "en"}


@dataclass(frozen=True)
class Command:
    name: str  # one of COMMANDS' values, or "unknown"
    args: tuple[str, ...] = ()


def parse_command(text: str) -> Command:
    words = tuple(unicodedata.normalize("NFC", text).casefold().replace("!", " ").replace(".", " ").split())
    if not words:
        return Command("help")
    for length in (2, 1):
        name = COMMANDS.get(words[:length])
        if name:
            return Command(name, words[length:])
    return Command("unknown", words)
