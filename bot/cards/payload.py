"""What a card's button sends back: one strict model per verb.

A card submission is written by the client, so anything in it can be forged: another person's
id, a theme the card never offered, a round of another team, a number where text belongs, or a
megabyte of text. Each verb's model forbids unknown keys (Teams' own ``msteams`` key
excepted), checks types without coercion, limits ids and lengths, and limits choices to those
the card offered. Who is acting never comes from here: the sender is the authenticated
activity's ``from``.

Each step's card module declares the models of the buttons it owns, with the verb as
``VERB``; a card builds its buttons from the model (``elements.submit``), and the step's
dialog registers the same model with its handler, so a verb's name is written once.
Lengths a real client cannot exceed (the card's ``maxLength``) are refused as forged only
beyond twice the limit; between the two, the form shows a polite "too long" error.
"""
from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

# Round ids are uuid4 hex; a little slack for other id schemes, never more than the column.
RoundId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,40}$")]
# An ISO date from Input.Date; anything longer is not a date.
DateText = Annotated[str, Field(max_length=32)]
# Set by Teams itself on some submissions (messageBack); its content is never read.
TeamsData = dict[str, Any] | None


class Payload(BaseModel):
    """Every verb's payload: its verb, Teams' own data, nothing else unless declared."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    VERB: ClassVar[str]
    verb: str
    msteams: TeamsData = None
    # The language the card was shown in (``elements.in_language``), so pressing its button is
    # answered in the same language; a hint like the locale, never a choice the person made.
    card_lang: Literal["da", "en"] | None = None

    @classmethod
    def fields(cls) -> frozenset[str]:
        """The keys a card may put beside the verb."""
        return frozenset(cls.model_fields) - {"verb", "msteams", "card_lang"}

    def data(self) -> dict[str, Any]:
        """The checked values, without Teams' own key."""
        return self.model_dump(exclude={"msteams", "card_lang"})

    @classmethod
    def of(cls, **values: Any) -> Payload:
        """The payload a typed command stands for (the same as pressing the button)."""
        return cls.model_validate({"verb": cls.VERB, **{k: v for k, v in values.items() if v is not None}})


def capped(value: str | None, limit: int) -> str | None:
    """Refuse text no card could have sent (twice its ``maxLength``); the form handles the rest."""
    if value is not None and len(value) > limit:
        raise ValueError("over_hard_limit")
    return value
