"""Where to go with boundary-crossing behaviour (Nyborg's Bilag 4), as a concept file gives it.

Concrete cases of harassment, violence or bullying are never taken up in the dialogue but handled
at once; every card with free text points to these contacts (bot/cards/safety.py)."""
from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .localized import Localized


class SafetyContact(BaseModel):
    """One place to turn to about boundary-crossing behaviour (Nyborg's Bilag 4).

    ``local_choice`` marks an entry the organisation's own material does not name: the bot
    shows it in neutral words, and the organisation fills in who and how.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    who: Localized
    how: Localized
    url: str | None = None
    for_leaders: bool = False
    when_leader_concerned: bool = False
    local_choice: bool = False

    @model_validator(mode="after")
    def _https_only(self) -> "SafetyContact":
        # A link opens from a card in Teams: plain http or another scheme is refused outright.
        if self.url is not None and not is_https(self.url):
            raise ValueError(f"safety contact {self.id!r}: the link must be https://, got {self.url!r}")
        for field in ("who", "how"):
            value: Localized = getattr(self, field)
            if not value.da.strip() or not value.en.strip():
                raise ValueError(f"safety contact {self.id!r}: {field} needs both Danish and English")
        return self


class Safety(BaseModel):
    """Where to go with boundary-crossing behaviour: concrete cases are not taken up in the
    dialogue but handled at once, so every card with free text points here."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    intro: Localized
    contacts: tuple[SafetyContact, ...] = Field(min_length=1)
    local_choice: bool = False  # the intro itself is not the organisation's own words

    @model_validator(mode="after")
    def _checked(self) -> "Safety":
        if not self.intro.da.strip() or not self.intro.en.strip():
            raise ValueError("safety intro needs both Danish and English")
        ids = [c.id for c in self.contacts]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate safety contact ids")
        return self

    @property
    def when_leader_concerned(self) -> tuple[SafetyContact, ...]:
        return tuple(c for c in self.contacts if c.when_leader_concerned)


def is_https(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme == "https" and bool(parts.netloc) and not any(ch.isspace() for ch in url)
