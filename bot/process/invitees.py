"""Who is invited to nominate (the invitation list), and the nomination cards they are sent, as pure rules.

The guide's development dialogue is for everyone at the workplace except hourly-paid staff, and
the team in Teams is not quite the workplace: it may hold hourly-paid staff, people on leave and
external members. So the planning group sees the team's members before it starts a round (all
preselected) and may leave people out, and while the round is open it may leave more out or add
members back. Someone who has already answered stays on the list: their answer counts, and the
response rate counts the invited only.

On a card a member is named by a short key derived from their Teams id (``member_keys``), not by
the id itself: Teams ids are ~90 characters, and a 300-member list would not fit in a message.
A key means nothing by itself; the server maps it back through the roster it has just read, so
a card can never invite someone who is not a member of the team.
"""
from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .nomination import Round
from .people import Member
from .reminders import ReminderPlan

KEY_CHARS = 8  # 40 bits: no two of a team's members share one in practice; see member_keys
LONG_KEY_CHARS = 16
PAGE_SIZE = 100  # members per page of a list card; keeps a 300-member team's card under 40 KB
MAX_KEYS = 5_000  # a card never carries more keys than this in one field


class ListRejected(ValueError):
    """A choice on a set-up or invitation-list card that cannot be taken; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # none_invited | contact_required | contact_not_member


def _key(user_id: str, chars: int) -> str:
    digest = hashlib.sha256(user_id.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:chars]


def member_keys(members: Iterable[Member]) -> dict[str, Member]:
    """Each member by the key a card uses for them; longer keys for all in the rare team where two collide."""
    people = list({m.user_id: m for m in members}.values())
    for chars in (KEY_CHARS, LONG_KEY_CHARS):
        keyed = {_key(m.user_id, chars): m for m in people}
        if len(keyed) == len(people):
            return keyed
    raise ValueError("two members share a 16-character key")  # 80 bits: not in this universe


def keys_by_user(keyed: dict[str, Member]) -> dict[str, str]:
    return {m.user_id: k for k, m in keyed.items()}


def split_keys(value: object) -> list[str]:
    """The keys of a multi-select ChoiceSet value (``"k1,k2"``), in order, once each; junk dropped."""
    if not isinstance(value, str):
        return []
    keys = [k.strip() for k in value.split(",")]
    return list(dict.fromkeys(k for k in keys if k and len(k) <= LONG_KEY_CHARS and k.isalnum()))[:MAX_KEYS]


def join_keys(keys: Iterable[str]) -> str:
    return ",".join(keys)


def sort_key(name: str) -> str:
    """Alphabetical as a Dane reads a list: æ, ø, å after z (Python's code points put å before æ)."""
    return name.casefold().replace("æ", "{").replace("ø", "|").replace("å", "}")


def by_name(members: Iterable[Member]) -> list[Member]:
    return sorted(members, key=lambda m: (sort_key(m.name or m.user_id), m.user_id))


def page_count(total: int, size: int | None = None) -> int:
    return max(1, -(-total // (size or PAGE_SIZE)))


def page_of(members: list[Member], page: int, size: int | None = None) -> list[Member]:
    """The members on page ``page`` (0-based, clamped to the pages there are)."""
    size = size or PAGE_SIZE
    page = min(max(page, 0), page_count(len(members), size) - 1)
    return members[page * size:(page + 1) * size]


def left_out_after_page(left_out: Iterable[str], *, shown: Iterable[str], selected: Iterable[str]) -> frozenset[str]:
    """The keys left out so far, after a page of the set-up card: those shown and not selected
    join; those shown and selected (put back) leave."""
    shown_set, chosen = set(shown), set(selected)
    return frozenset((set(left_out) - shown_set) | (shown_set - chosen))


def invited_at_start(roster: Iterable[Member], left_out: Iterable[str]) -> list[Member]:
    """Everyone in the team except those left out; someone who joined the team after the card
    was shown is invited (the card's default is everyone). Refuses an empty list."""
    out = set(left_out)
    invited = [m for k, m in member_keys(roster).items() if k not in out]
    if not invited:
        raise ListRejected("none_invited")
    return by_name(invited)


def choose_contact(key: object, roster: Iterable[Member], *, default: Member | None) -> Member:
    """The contact person the card chose, who must be a member of the team (the roster just read).

    No choice at all (a card from before the choice existed) falls back to ``default``, the
    person setting up, who is acting in the team's own channel."""
    if key in (None, ""):
        if default is None:
            raise ListRejected("contact_required")
        return default
    member = member_keys(roster).get(key) if isinstance(key, str) else None
    if member is None:
        raise ListRejected("contact_not_member")
    return member


@dataclass(frozen=True)
class ListChange:
    """What saving a page of the invitation list does."""

    added: tuple[Member, ...] = ()
    removed: tuple[Member, ...] = ()
    kept: tuple[Member, ...] = ()  # unticked, but they have answered: they stay invited

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


def change_list(*, invited: Iterable[Member], roster: Iterable[Member], shown: Iterable[str], selected: Iterable[str],
                answered: Iterable[str]) -> ListChange:
    """The change a saved page asks for, limited to what may change.

    Only members shown on the page change (a key the server does not know is ignored). A shown
    member ticked and not invited is added, if a member of the team; one unticked and invited
    is left out, unless they have answered.
    """
    invited_by_id = {m.user_id: m for m in invited}
    roster_keyed = member_keys(roster)
    known = {**member_keys(invited_by_id.values()), **roster_keyed}
    chosen, done = set(selected), set(answered)
    added, removed, kept = [], [], []
    for key in dict.fromkeys(shown):
        member = known.get(key)
        if member is None:
            continue
        if key in chosen and member.user_id not in invited_by_id and key in roster_keyed:
            added.append(member)
        elif key not in chosen and member.user_id in invited_by_id:
            (kept if member.user_id in done else removed).append(invited_by_id[member.user_id])
    return ListChange(tuple(added), tuple(removed), tuple(kept))


def listed(invited: Iterable[Member], roster: Iterable[Member]) -> list[Member]:
    """Who the invitation-list card shows: the team's members and anyone invited who has left the team since."""
    people = {m.user_id: m for m in invited}
    people.update({m.user_id: m for m in roster})
    return by_name(people.values())


# -- invitations ------------------------------------------------------------------------------
# The nomination card each invited person gets is a row in the same queue, so a bot that stops
# half-way through 300 invitations finishes the batch after a restart and nobody gets two (the
# queue's claim and lease, bot/scheduler/sweeper.py). Rules:
# * One per person per round: the key ``invitation:<round>:<user>``, so inviting someone twice
#   (a second click, or the set-up card adding them later) adds nothing.
# * In working hours, like every row: a round started at 20:00 sends its cards at 09:00 the next
#   working day, with the channel's "round started" card (``round-started:<round>``, one per
#   round), because an invitation is a request to do something, read in working time.
# * Not limited to one a day, unlike reminders: someone in two teams whose rounds start the same
#   day must get both cards, and the key already makes it one per round.
# * Obsolete at send time when the round is gone, closed or past its deadline, or the person is
#   no longer invited (``invitation_obsolete_reason``).
# * What a crash can still cost: a card Teams took in the very moment the process died, before
#   its answer was written down. The row is marked ``sending`` before the request, so the next
#   sweep does not send it again (never twice wins over maybe once); every card whose request
#   had not started is sent after the dead worker's lease (tests/test_invitations.py).

INVITATION_KIND = "nomination_invitation"
ROUND_STARTED_KIND = "nomination_round_started"


def plan_invitations(round: Round, recipients: Iterable[str], now: datetime) -> list[ReminderPlan]:
    """One invitation card per person, due now (the sweeper holds it for the working window)."""
    return [
        ReminderPlan(f"invitation:{round.id}:{user}", INVITATION_KIND, round.team_id, round.id, user, 1, now)
        for user in dict.fromkeys(recipients)
    ]


def plan_round_started(round: Round, channel_conversation_id: str, now: datetime) -> ReminderPlan:
    """The channel's "round started" card: once per round, to the conversation it was started in."""
    return ReminderPlan(f"round-started:{round.id}", ROUND_STARTED_KIND, round.team_id, round.id, channel_conversation_id, 1, now)


def invitation_obsolete_reason(round: Round | None, *, now: datetime, invited: bool) -> str | None:
    """Why an invitation card must not be sent now, or None when it still should be."""
    if round is None:
        return "round_missing"
    if not round.is_open(now):
        return "round_closed"
    if not invited:
        return "not_invited"
    return None
