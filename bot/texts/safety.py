"""Boundary-crossing behaviour (Nyborg's Bilag 4): the note on every card with free text.

Who to turn to is the concept's data (``Concept.safety``); only the bot's own frame is here.
Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "safety.heading": (
        "Krænkelser, vold eller mobning? Det tager vi ikke op her – få hjælp med det samme",
        "Harassment, violence or bullying? We do not take it up here – get help straight away",
    ),
    "safety.show": (
        "Se, hvor du kan få hjælp",
        "See where to get help",
    ),
    "safety.for_leaders": (
        "For ledere",
        "For leaders",
    ),
    "safety.leader_concerned": (
        "Er det din egen leder, det drejer sig om? Så kan du gå til:",
        "Is it about your own leader? Then you can go to:",
    ),
}
