"""Step 7 of the guide (Praktisk forberedelse): the groups for the two rounds of the day.

"Dan grupper med 3-4 personer i hver gruppe. Der skal laves en gruppefordeling til første runde
af dialogen, som handler om trivsels-temaet, og en ny gruppefordeling til anden runde, som
handler om ledelsestemaet." New groups, because "nye gruppesammensætninger giver medarbejderne
mulighed for at tale sammen med, og lytte til, andre kolleger" (Bilag 5): so the second round
puts as few pairs as possible together again.

The rules, written down:

* Sizes (``group_sizes``). Groups of 4 and 3, with as many 4s as possible: fewer groups leave
  each more of the 25-minute plenum. Every number from 6 up divides so (6 = 3+3, 7 = 4+3, ...).
  1-5 people form one group: 5 as one group of 5 rather than 3+2, because a pair is no group
  and the guide's plenum wants groups; 1-2 as one group (a local choice; the day hardly works).
* Everyone present gets exactly one group per round; order and membership are decided by a
  seeded shuffle, so the same people and seed always give the same groups.
* The second round (``second_round``). Among the divisions into 3s and 4s it takes the one with
  the fewest repeated pairs, then the most 4s. Zero repeats is possible exactly when some
  division has at least as many groups as the largest first-round group; then the first-round
  groups are dealt out round-robin, which never seats two of them together. Otherwise (up to
  14 people) an exact min-cost flow over how many of each first-round group join each new group
  finds the fewest repeats (``fewest_repeats``). ``Grouping.fewest_possible`` is that optimum
  for the first round as it is, so a card can say "fewer is not possible".
* Absentees and late arrivals (``regroup``). Before the first round, the first round is repaired
  with as few moves as possible: groups that keep 3-4 stay; members of groups that fell below 3
  (or grew past 4) and newcomers fill groups of 3 first, then form new groups, borrowing one
  person from a group of 4 when a remainder of 1, 2 or 5 would not divide. Once the first round
  was held it stays as it happened and only the second round is formed again; a newcomer then
  counts as a group of one.
* One round (``kinds``). A day of one dialogue kind (DTU) has that kind's round only, the other
  empty; absentees and late arrivals repair it until it was held.
"""
from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from math import ceil

from .concept import Kind
from .fewest_repeats import fewest_repeats
from .invitees import keys_by_user, member_keys
from .people import Member

Groups = tuple[tuple[str, ...], ...]
_SINGLE_GROUP_UP_TO = 5


def group_sizes(n: int) -> tuple[int, ...]:
    """The sizes of the groups for ``n`` people (see the module rules), largest first."""
    if n <= 0:
        return ()
    if n <= _SINGLE_GROUP_UP_TO:
        return (n,)
    return _near_uniform(n, ceil(n / 4))


def _near_uniform(n: int, count: int) -> tuple[int, ...]:
    base, extra = divmod(n, count)
    return (base + 1,) * extra + (base,) * (count - extra)


def _divisions(n: int) -> list[tuple[int, ...]]:
    """Every division of ``n`` into groups of 3 and 4 (near-uniform by group count), most 4s first."""
    if n <= _SINGLE_GROUP_UP_TO:
        return [group_sizes(n)] if n else [()]
    return [_near_uniform(n, count) for count in range(ceil(n / 4), n // 3 + 1)]


def _pairs(groups: Iterable[Sequence[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(pair)) for g in groups for pair in combinations(g, 2)}  # type: ignore[misc]


def repeated_pairs(first: Groups, second: Groups) -> tuple[tuple[str, str], ...]:
    """The pairs who sit together in both rounds, sorted."""
    return tuple(sorted(_pairs(first) & _pairs(second)))


@dataclass(frozen=True)
class Grouping:
    """The groups of both rounds, and how many pairs meet twice against the fewest possible."""

    wellbeing: Groups
    leadership: Groups
    repeated: tuple[tuple[str, str], ...]
    fewest_possible: int
    seed: str

    @property
    def repeats(self) -> int:
        return len(self.repeated)

    def groups(self, kind: Kind) -> Groups:
        return self.wellbeing if kind is Kind.WELLBEING else self.leadership

    @property
    def kinds(self) -> tuple[Kind, ...]:  # the rounds it has groups for: both, or a one-kind day's (DTU)
        return tuple(kind for kind in Kind if self.groups(kind)) or tuple(Kind)

    def group_of(self, user_id: str, kind: Kind) -> int | None:
        """The number (from 1, as the card shows it) of ``user_id``'s group in ``kind``'s round."""
        return next((i for i, g in enumerate(self.groups(kind), start=1) if user_id in g), None)


def form_groups(people: Iterable[str], *, seed: str | int, kinds: tuple[Kind, ...] = tuple(Kind)) -> Grouping:
    """The groups of each round ``kinds`` runs, for ``people`` (once each; order does not matter)."""
    rng = random.Random(f"first:{seed}")
    everyone = sorted(set(people))
    rng.shuffle(everyone)
    first, at = [], 0
    for size in group_sizes(len(everyone)):
        first.append(tuple(everyone[at:at + size]))
        at += size
    return _one_round(tuple(first), kinds[0], seed) if len(kinds) == 1 else _with_second_round(tuple(first), everyone, seed)


def _one_round(groups: Groups, kind: Kind, seed: str | int) -> Grouping:
    return Grouping(groups if kind is Kind.WELLBEING else (), groups if kind is Kind.LEADERSHIP else (), (), 0, str(seed))


def _with_second_round(first: Groups, present: Sequence[str], seed: str | int) -> Grouping:
    second, fewest = second_round(first, present, seed=seed)
    return Grouping(first, second, repeated_pairs(first, second), fewest, str(seed))


def second_round(first: Groups, present: Sequence[str], *, seed: str | int) -> tuple[Groups, int]:
    """New groups for ``present`` with the fewest pairs from ``first`` together again, and that number.

    Someone present who was in no first-round group counts as a group of their own.
    """
    rng = random.Random(f"second:{seed}")
    here = set(present)
    placed = {p for g in first for p in g}
    blocks = [[p for p in g if p in here] for g in first]
    blocks = [b for b in blocks if b] + [[p] for p in sorted(here - placed)]
    for block in blocks:
        rng.shuffle(block)
    rng.shuffle(blocks)
    blocks.sort(key=len, reverse=True)  # stable: the shuffle still decides among equal sizes
    n = sum(len(b) for b in blocks)
    divisions = _divisions(n)
    largest = max((len(b) for b in blocks), default=0)
    for sizes in divisions:
        if len(sizes) >= largest:  # round-robin: a block's consecutive places land in distinct groups
            order = [p for b in blocks for p in b]
            dealt: list[list[str]] = [[] for _ in sizes]
            for position, person in enumerate(order):
                dealt[position % len(sizes)].append(person)
            return tuple(tuple(g) for g in dealt), 0
    best: tuple[int, list[list[int]], tuple[int, ...]] | None = None
    for sizes in divisions:
        cost, flow = fewest_repeats([len(b) for b in blocks], sizes)
        if best is None or cost < best[0]:
            best = (cost, flow, sizes)
    assert best is not None
    cost, flow, sizes = best
    groups: list[list[str]] = [[] for _ in sizes]
    for i, block in enumerate(blocks):
        at = 0
        for j, count in enumerate(flow[i]):
            groups[j] += block[at:at + count]
            at += count
    return tuple(tuple(g) for g in groups), cost


def regroup(grouping: Grouping, *, absent: Iterable[str] = (), arrived: Iterable[str] = (),
            first_round_held: bool = False, kinds: tuple[Kind, ...] = tuple(Kind)) -> Grouping:
    """The groups after marking ``absent`` and ``arrived`` people (see the module rules)."""
    gone = set(absent)
    known = {p for g in grouping.wellbeing + grouping.leadership for p in g}
    newcomers = sorted(set(arrived) - known - gone)
    if len(kinds) == 1:  # the day's one round: as it happened once held, else repaired
        held = [[p for p in g if p not in gone] for g in grouping.groups(kinds[0])]
        return grouping if first_round_held else _one_round(_repair(held, newcomers), kinds[0], grouping.seed)
    if first_round_held:
        first = grouping.wellbeing
        present = [p for g in first for p in g if p not in gone] + newcomers
        present += sorted({p for g in grouping.leadership for p in g} - set(present) - gone)
        return _with_second_round(first, present, grouping.seed)
    first = _repair([[p for p in g if p not in gone] for g in grouping.wellbeing], newcomers)
    return _with_second_round(first, [p for g in first for p in g], grouping.seed)


def _repair(groups: list[list[str]], newcomers: list[str]) -> Groups:
    everyone = [p for g in groups for p in g] + newcomers
    if len(everyone) <= _SINGLE_GROUP_UP_TO:
        return (tuple(everyone),) if everyone else ()
    kept = [g for g in groups if 3 <= len(g) <= 4]
    pool = [p for g in groups if not 3 <= len(g) <= 4 for p in g] + newcomers
    while pool and any(len(g) < 4 for g in kept):
        min(kept, key=len).append(pool.pop(0))  # the first of the smallest: deterministic
    if len(pool) in (1, 2, 5):  # does not divide into 3s and 4s: take one from each of a few groups of 4
        donors = [g for g in kept if len(g) == 4][-(2 if len(pool) == 1 else 1):]
        pool += [g.pop() for g in donors]
    at = 0
    for size in group_sizes(len(pool)):
        kept.append(pool[at:at + size])
        at += size
    return tuple(tuple(g) for g in kept)


# -- who takes part, and what changed since the groups were formed ------------------------------
GROUPS_POSTED_KIND = "groups_posted"  # the channel post of the groups: one per grouping version


def groups_posted_key(dialogue_id: str, version: int, page: int = 0) -> str:
    """The queue key of one page of a version's channel post: each page is a message of its own,
    so everyone on it is @mentioned with a notification (an update in place notifies nobody)."""
    return f"{GROUPS_POSTED_KIND}:{dialogue_id}:{version}" + (f"-{page + 1}" if page else "")


def parse_groups_posted_key(key: str) -> tuple[str, int, int] | None:
    """(dialogue id, version, page) from a queue key, or None for a key that is not one of ours."""
    kind, _, rest = key.partition(":")
    dialogue_id, _, tail = rest.rpartition(":")
    version, _, page = tail.partition("-")
    if kind != GROUPS_POSTED_KIND or not dialogue_id or not version.isdigit() or not (page == "" or page.isdigit() and int(page) >= 2):
        return None
    return dialogue_id, int(version), int(page) - 1 if page else 0


def page_recipient(channel_id: str, page: int) -> str:
    """The row's recipient for one page: the channel, marked with the page from the second on, because
    the sweeper keeps one row per recipient, kind and dialogue of a batch (``superseded``)."""
    return channel_id if page == 0 else f"{channel_id}#{page + 1}"


def page_channel(recipient_id: str) -> str:
    return recipient_id.partition("#")[0]


def participants(invited: Iterable[tuple[str, str | None]], absent: Iterable[str] = ()) -> list[str]:
    """Who is grouped: everyone invited (``(user_id, answer)``) except those who answered that they
    cannot come and those marked absent; in the order invited. Not having answered is no "no":
    the guide invites everyone, and a group seat costs nothing if unused."""
    gone = set(absent)
    return [user for user, answer in invited if answer != "cannot_come" and user not in gone]


def seated(grouping: Grouping) -> set[str]:
    """Everyone who has a seat in either round."""
    return {p for g in grouping.wellbeing + grouping.leadership for p in g}


# -- the absentee card of a large day, page by page ---------------------------------------------
ABSENTEES_PER_PAGE = 50  # long names at their longest (60 characters) keep a page under 40 KB


def absentee_keys(people: Iterable[str]) -> dict[str, str]:
    """Each person by the short key the absentee card names them by: a 300-person day's Teams ids
    would not fit in a message, let alone the ticks carried from page to page (see invitees.py)."""
    return keys_by_user(member_keys(Member(p, "") for p in people))


def absent_after_page(marked: Iterable[str], *, shown: Iterable[str], ticked: Iterable[str]) -> frozenset[str]:
    """Who is marked absent after a page of the absentee card: the page's ticks replace what was
    marked for those shown on it; what was marked on the other pages stays."""
    on_page = set(shown)
    return frozenset((set(marked) - on_page) | (set(ticked) & on_page))


@dataclass(frozen=True)
class PeopleChange:
    """How the people differ from those seated when the groups were formed."""

    left: tuple[str, ...]  # seated, but since answered "cannot come" (or were no longer invited)
    joined: tuple[str, ...]  # take part now, but have no seat

    @property
    def is_empty(self) -> bool:
        return not self.left and not self.joined


def people_change(grouping: Grouping, people: Iterable[str], *, absent: Iterable[str] = ()) -> PeopleChange:
    """The difference a re-formation would act on; absentees are not "left" (they were regrouped)."""
    now = list(dict.fromkeys(people))
    seats, gone = seated(grouping), set(absent)
    return PeopleChange(tuple(sorted(seats - set(now) - gone)), tuple(p for p in now if p not in seats))


def reform_seed(dialogue_id: str, version: int) -> str:
    """The seed of a formation: the dialogue id the first time, then the dialogue id and the
    version, so "form again" gives other groups, and the same ones on every machine."""
    return dialogue_id if version <= 1 else f"{dialogue_id}:{version}"


@dataclass(frozen=True)
class SavedGrouping:
    """A grouping as the workplace keeps it: the groups, who was marked absent, whether the first
    round was held, and which version this is (each save counts one up; a card names its version)."""

    dialogue_id: str
    grouping: Grouping
    absent: frozenset[str]
    first_held: bool | None
    version: int
    formed_by: str
    formed_at: datetime
