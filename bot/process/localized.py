"""A text in every language the bot speaks, as a concept file gives it."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

LANGUAGES = ("da", "en")


class Localized(BaseModel):
    """A text in every language the bot speaks."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    da: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.da
