"""Every word the bot says to people, in Danish and English, looked up by key.

One module per step of the guide holds its texts as ``key: (Danish, English)`` side by side,
so a translation is written next to what it translates and a missing one shows at a glance.
There is one lookup (:func:`t`), one fallback (a language the bot does not speak reads
Danish, the guide's language) and one language rule (:func:`choose_language`).

Texts are ``str.format`` templates; a key with a ``.one`` variant is used when ``count`` is 1,
because plurals differ. What a person typed is never formatted into a template: cards show it
in a TextRun (``bot.cards.elements.verbatim``). The Danish follows the guide's own vocabulary:
trivselstema, ledelsestema, planlægningsgruppe, kerneopgaven, hverdagseksempel.

The concept's words for the roles fill ``{planning_group}`` and ``{Planning_group}`` (capitalised, to
start a sentence): Nyborg says "planlægningsgruppen", DTU's file "tovholdergruppen"; likewise
``{leader}``/``{Leader}``: "the leader" in Nyborg's English, "the manager" in DTU's. Each word
carries its article, so a template uses it where "lederen"/"the leader" fits, and its genitive
as ``{leader}s``/``{leader}'s``; "som leder", "ledere" stay plain words. A caller
may pass them; otherwise :func:`t` takes them from the concept of the turn or job at hand,
which the app sets once per request and the scheduler once per job (:func:`use_roles`), so a
text deep in a card reads the organisation's word without every call site carrying it.

Dates and numbers are formatted by Babel from the CLDR data, never from hand-written month
tables: "tirsdag den 15. december 2026" / "Tuesday 15 December 2026".
"""
from __future__ import annotations

from contextvars import ContextVar, Token
from datetime import date, datetime

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from ..process.clock import COPENHAGEN
from ..process.dialogue_kind import Roles

from . import common, deadline, help, invitees, my_data, nomination, paper_form, plan, planning_group, status, tally, welcome
from . import safety
from . import selection
from . import everyday_example
from . import invitation
from . import group_results, evaluation
from . import grouping, run_sheet
from . import cycle_survey
from . import development_plan
from . import leader_loop
from . import follow_up
from . import sorting
from . import organisation
from . import hr_overview
from . import demo

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"

STEP_MODULES = (
    common, welcome, help, plan, invitees, nomination, paper_form, deadline, status, tally, planning_group, my_data,
    safety,
    selection,
    everyday_example,
    invitation,
    group_results, evaluation,
    grouping, run_sheet,
    cycle_survey,
    development_plan,
    follow_up,
    leader_loop,
    sorting,
    organisation,
    hr_overview,
    demo,
)


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in STEP_MODULES:
        for key, pair in module.TEXTS.items():
            if key in merged:
                raise ValueError(f"text key {key!r} is defined twice (again in {module.__name__})")
            merged[key] = pair
    return merged


TEXTS = _merge()

# Babel patterns: the Danish long date as Danes write it, the English as British usage has it.
_DATE_PATTERNS = {"da": "EEEE 'den' d. MMMM y", "en": "EEEE d MMMM y"}
_SHORT_DATE_PATTERNS = {"da": "d. MMMM y", "en": "d MMMM y"}


def language(lang: str | None) -> str:
    """``lang`` if the bot speaks it, else Danish: the one fallback."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def language_of_locale(locale: str | None) -> str | None:
    """The language of a Teams locale (``da-DK``, ``en-US``), or None for one we do not speak."""
    if not locale:
        return None
    prefix = locale.strip().lower()[:2]
    return prefix if prefix in LANGUAGES else None


def choose_language(*, stored: str | None = None, locale: str | None = None, default: str = DEFAULT_LANGUAGE,
                    shared: bool = False, team: str | None = None, typed: str | None = None,
                    card: str | None = None) -> str:
    """The one language rule, for every answer and every proactive message.

    - A ``shared`` conversation (a team's channel, read by everyone in it) speaks the team's
      language ``team`` (chosen by the planning group at set-up), else ``default`` – whoever
      wrote and whatever their locale: one person's en-US must not turn the channel English.
    - A personal chat speaks the person's ``stored`` choice (``sprog``/``language``); else, when
      they ``typed`` a command word only Danish has (``hjælp``, ``mine temaer``), Danish for
      that answer; else the client's ``locale``; else ``default``. Only a Danish word counts:
      Danes type "help" too, while nobody who reads no Danish types "optælling". The locale
      comes last because many Danish employees' Teams (and the Playground) report ``en-US``
      and it varies between a typed message and a card click.
    - A press on a card's button (``card``: the language the card was shown in, which the card
      carries in each button's data) is answered in that language when nothing is stored: the
      invitation went out in the default language, and its receipt must not switch to the
      locale of the click.
    - A proactive message to a person passes no locale (we may not know it): stored, else default.
    """
    if shared:
        return team if team in LANGUAGES else language(default)
    if stored in LANGUAGES:
        return stored
    if card in LANGUAGES:
        return card
    if typed == "da":
        return "da"
    return language_of_locale(locale) or language(default)


# The roles' words of the concept at hand; Nyborg's guide's words when nothing set them (a card
# rendered in a unit test, a script).
_ROLES: ContextVar[Roles] = ContextVar("talsammen_roles", default=Roles())
ROLE_PLACEHOLDERS = ("planning_group", "Planning_group", "leader", "Leader")


def use_roles(roles: Roles) -> Token:
    """Make ``roles`` the words every :func:`t` in this task (and tasks it starts) fills in.

    A ContextVar, so one request's concept never leaks into another request running beside it."""
    return _ROLES.set(roles)


def role_words(lang: str, roles: Roles | None = None) -> dict[str, str]:
    """The values of the role placeholders in ``lang``: ``planning_group``, ``leader`` and their capitalised forms."""
    roles = roles or _ROLES.get()
    return {"planning_group": roles.planning_group(lang), "Planning_group": roles.capitalised("planning_group", lang),
            "leader": roles.leader(lang), "Leader": roles.capitalised("leader", lang)}


def has_text(lang: str, key: str) -> bool:
    return key in TEXTS


def t(lang: str, key: str, **values: object) -> str:
    """The text ``key`` in ``lang``, filled with ``values``; KeyError for an unknown key.

    A date (or a moment) given as a value is written as people write it (:func:`format_date`),
    never as ``str(date)`` would: no ISO date reaches a person through a template."""
    if values.get("count") == 1 and f"{key}.one" in TEXTS:
        key = f"{key}.one"
    values = {name: _readable(lang, value) for name, value in values.items()}
    template = TEXTS[key][1 if language(lang) == "en" else 0]
    if "lanning_group}" in template or "eader}" in template:  # a role's word the caller did not give comes from the concept at hand
        values = {**role_words(language(lang)), **values}
    return template.format(**values)


def _readable(lang: str, value: object) -> object:
    if isinstance(value, datetime):  # a moment is a day in Copenhagen, where the dialogue happens
        value = (value.astimezone(COPENHAGEN) if value.tzinfo else value).date()
    return format_date(lang, value) if isinstance(value, date) else value


def format_date(lang: str, day: date) -> str:
    """'fredag den 3. oktober 2026' / 'Friday 3 October 2026'."""
    lang = language(lang)
    return _babel_date(day, _DATE_PATTERNS[lang], locale=lang)


def format_short_date(lang: str, day: date) -> str:
    """'3. oktober 2026' / '3 October 2026', where the weekday would crowd a line."""
    lang = language(lang)
    return _babel_date(day, _SHORT_DATE_PATTERNS[lang], locale=lang)


def format_number(lang: str, value: float | int) -> str:
    """A number as the language writes it: '1.234,5' in Danish, '1,234.5' in English."""
    return format_decimal(value, locale=language(lang))
