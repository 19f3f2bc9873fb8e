"""Step 10 of the guide, first half: sort the input into topics and prioritise them.

"Start med at sortere input fra Udviklingsdialogen i emner/overskrifter, og under hvert emne
sorterer I de konkrete forslag, der er til ønskede handlinger og indsatser. Derefter skal I
prioritere indsatser og forslag til handlinger i forhold til, hvad der vil skabe den største
forbedring af jeres samarbejde om kerneopgaven." The planning group does the sorting; the bot
only proposes which entries seem to belong together, and the group accepts, moves or ignores
each proposal, names the topics (emner) and gives each a priority.

The rules, written down:

* What is sorted. Every key point and desired action every group entered, of both rounds
  (``items_of``), named by round, group number and place, never by who wrote it.
* A topic (``Topic``) has a title, a priority (high, medium, low, or none yet) and its entries;
  an entry is in at most one topic. A proposal the group ignored is not proposed again.
* Priorities follow the guide's criteria (the texts in bot/texts/sorting.py quote them).

## Proposed topics: how the bot groups the input (README section)

When the planning group types `sortér` / `sort`, the bot proposes which of the groups' key
points and desired actions belong to the same topic. It is computed on the bot's own server,
from the text alone: nothing is sent to any other service, and no language model is used.

1. Each entry is normalised (lower case, punctuation and digits removed), split into words,
   and common Danish and English words are dropped ("og", "at", "the"), with a few that say
   little about a topic in a desired action ("bedre", "fast", "ny", "better"). An entry counts
   as English when it has more English than Danish small words, else as Danish.
2. Each word is cut to its stem with the Snowball stemmer of its language (the
   `snowballstemmer` package): "opgaverne" and "opgaver" both become "opgav", "meetings"
   "meet".
3. Danish compounds: a word that ends with another stem of at least 4 letters found in the
   input also counts as that stem ("arbejdsfordeling" also counts as "fordeling"), and so does
   a stem that is another plus a letter or two the stemmer left ("kollega" and "kolleg"). A
   compound whose parts never occur alone in the input is not split, and short parts
   ("møde" in "morgenmøde") are not found: that is the method's main limit in Danish.
4. Each entry becomes a TF-IDF vector (a stem counts more the rarer it is across all entries),
   and two entries' similarity is the cosine of their vectors (0: no stem in common, 1: the
   same stems).
5. Entries are grouped by average-linkage agglomerative clustering: the two groups of entries
   with the highest average similarity are joined, again and again, while that average is at
   least `THRESHOLD` (0.2). Ties go to the earliest entries, so the same input always gives
   the same proposals.
6. Each group of two or more entries is a proposal. Its suggested title is its most central
   entry, the one most similar to the others on average (of two, the shorter): a stem is no
   readable title, and the central entry usually reads like the heading of them all. The
   planning group renames it as it sees fit.

Only entries not yet in a topic are proposed, and a proposal the group ignored is not made
again. The card shows 8 proposals at a time; 120 entries (15 groups in both rounds) take a
fraction of a second.

Limits: the method sees words, not meaning. Synonyms ("samtale" and "dialog"), misspellings,
compounds whose parts never occur alone, and short parts ("møder" and "tavlemøde": "mød" is
too short to look for) keep entries apart; a common word ("leder" in most leadership entries)
can bring entries together that differ in meaning, and the threshold is a compromise between
the two. It is a starting point for the group's own sorting, never a decision.
"""
from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import cache
from typing import Literal

from .concept import Kind
from .group_results import GroupResult

THRESHOLD = 0.2  # the least average cosine similarity at which two groups of entries join
PART_MIN = 4  # the shortest stem looked for inside a compound
TITLE_MAX_CHARS = 80  # a suggested title longer than this is cut
TOPIC_TITLE_MAX_CHARS = 120  # what the planning group may type as a topic's title

Slot = Literal["point", "action"]
_SLOT_LETTER = {"point": "p", "action": "a"}


class Priority(IntEnum):
    """The guide's "prioritere": which topics will create the greatest value (see the criteria)."""

    HIGH = 1
    MEDIUM = 2
    LOW = 3


@dataclass(frozen=True)
class Item:
    """One key point or desired action of one group in one round, as the group wrote it."""

    kind: Kind
    group: int
    slot: Slot
    index: int  # 0-based place in the group's list
    text: str

    @property
    def key(self) -> str:
        """A short stable name: round, group, point/action, place (``w-2-a-0``)."""
        return f"{self.kind.value[0]}-{self.group}-{_SLOT_LETTER[self.slot]}-{self.index}"


@dataclass(frozen=True)
class Topic:
    """An emne/overskrift of the planning group: its title, priority and entries (text snapshots)."""

    dialogue_id: str
    id: str
    title: str
    priority: Priority | None
    position: int  # the order topics were made in; ties of priority keep it
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Proposal:
    """Entries the bot suggests belong to one topic, and a suggested title."""

    key: str  # a hash of the entries' keys: the same entries give the same proposal
    title: str
    items: tuple[Item, ...]
    terms: tuple[str, ...]  # the stems the entries share most, for tests and curiosity


def items_of(results: Iterable[GroupResult]) -> list[Item]:
    """Every entry of both rounds: well-being first, by group, key points before desired actions."""
    order = {Kind.WELLBEING: 0, Kind.LEADERSHIP: 1}
    items: list[Item] = []
    for result in sorted(results, key=lambda r: (order[r.kind], r.group)):
        items += [Item(result.kind, result.group, "point", i, text) for i, text in enumerate(result.key_points)]
        items += [Item(result.kind, result.group, "action", i, text) for i, text in enumerate(result.desired_actions)]
    return items


def proposal_key(keys: Iterable[str]) -> str:
    return hashlib.sha1("|".join(sorted(keys)).encode()).hexdigest()[:16]


def ordered_topics(topics: Iterable[Topic]) -> list[Topic]:
    """Prioritised first (high to low), then the rest, each in the order they were made."""
    return sorted(topics, key=lambda t: (t.priority if t.priority is not None else 99, t.position))


# -- the method ------------------------------------------------------------------------------

DANISH_STOP = frozenset("""
    af alle allerede alt anden andet andre at bare bedre fast faste blev blive bliver da de dem den denne der deres det dette dig din
    dine disse dit du efter eller en end er et flere for fordi fra få får gerne godt gør gøre gøres ham han hans har have
    hele hende her hos hun hvad hver hvis hvor hvordan hvornår i ikke ind ingen jeg jer jeres kan kunne lidt man mange
    med meget mellem men mere mig min mine mit mod må måske ned noget nogle nu ny nye nyt når og også om op os over på samme selv
    sig sin sine sit skal skulle som så sådan til ud under vi vil ville vores være været
""".split())
ENGLISH_STOP = frozenset("""
    a about all also an and any are as at be been being better but by can could do does every for from get have how i if in
    into is it its just make more most need needs new of on or our ours out over should so some such than that the their
    them there these they this those through to up us very regular was we were what when where which who will with would you
    your
""".split())
_STOP = DANISH_STOP | ENGLISH_STOP
_STEMMER_NAMES = {"da": "danish", "en": "english"}


@cache
def _stemmer(language: str):  # noqa: ANN202 - snowballstemmer's classes are generated per language
    import snowballstemmer  # here, not at the top: it loads 30 languages, and only sorting needs two

    return snowballstemmer.stemmer(_STEMMER_NAMES[language])


def words(text: str) -> list[str]:
    """Case-folded words without punctuation or digits (NFC, so "ø" is one letter)."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return re.findall(r"[^\W\d_]+", folded)


def language_of(tokens: Sequence[str]) -> str:
    """"en" if the entry has more English small words than Danish ones, else "da"."""
    en = sum(1 for w in tokens if w in ENGLISH_STOP and w not in DANISH_STOP)
    da = sum(1 for w in tokens if w in DANISH_STOP and w not in ENGLISH_STOP)
    return "en" if en > da else "da"


def stems(text: str) -> list[str]:
    """The entry's content words, stemmed in its language."""
    tokens = words(text)
    content = [w for w in tokens if w not in _STOP and len(w) > 1]
    return _stemmer(language_of(tokens)).stemWords(content)


def with_compound_parts(documents: list[list[str]]) -> list[list[str]]:
    """Each document's stems plus the other stems of the input its compounds end with (a Danish
    compound's head, its last part, says what it is: "arbejdsfordeling" is a "fordeling")."""
    vocabulary = sorted({s for doc in documents for s in doc if len(s) >= PART_MIN})
    result = []
    for doc in documents:
        extra = [part for stem in doc for part in vocabulary
                 if part != stem and (len(stem) - len(part) >= 3 and stem.endswith(part)  # arbejds|fordeling
                                      or len(stem) - len(part) <= 2 and stem.startswith(part))]  # kolleg|a
        result.append(doc + extra)
    return result


def tf_idf(documents: list[list[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (smoothed idf, as scikit-learn's default)."""
    n = len(documents)
    df = Counter(term for doc in documents for term in set(doc))
    vectors = []
    for doc in documents:
        weights = {term: count * (math.log((1 + n) / (1 + df[term])) + 1) for term, count in Counter(doc).items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        vectors.append({term: w / norm for term, w in weights.items()} if norm else {})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def cluster(similarity: list[list[float]], threshold: float = THRESHOLD) -> list[list[int]]:
    """Average-linkage agglomerative clusters of indices, each sorted, in order of their first index.

    The average similarity of a joined cluster to the others is updated from the two it was
    made of (Lance-Williams), so 120 entries take milliseconds, not seconds."""
    clusters = {i: [i] for i in range(len(similarity))}
    average = {(a, b): similarity[a][b] for a in clusters for b in clusters if a < b}
    while len(clusters) > 1:
        best, pair = threshold, None
        for key in average:  # made in index order and never reordered: ties go to the earliest entries
            if average[key] > best or (pair is None and average[key] >= best):
                best, pair = average[key], key
        if pair is None:
            break
        a, b = pair
        size_a, size_b = len(clusters[a]), len(clusters[b])
        for c in clusters:
            if c not in (a, b):
                joined = (size_a * average[min(a, c), max(a, c)] + size_b * average[min(b, c), max(b, c)]) / (size_a + size_b)
                average[min(a, c), max(a, c)] = joined
        clusters[a] = sorted(clusters[a] + clusters.pop(b))
        average = {key: value for key, value in average.items() if b not in key}
    return sorted(clusters.values(), key=lambda c: c[0])


def propose(items: Sequence[Item], *, threshold: float = THRESHOLD) -> list[Proposal]:
    """Proposals for ``items``: every cluster of two or more entries, in the order of its first entry."""
    documents = with_compound_parts([stems(item.text) for item in items])
    vectors = tf_idf(documents)
    similarity = [[cosine(vectors[i], vectors[j]) for j in range(len(items))] for i in range(len(items))]
    proposals = []
    for members in cluster(similarity, threshold):
        if len(members) < 2:
            continue
        spread = Counter(term for i in members for term in set(documents[i]))
        weight: Counter[str] = Counter()
        for i in members:
            weight.update(vectors[i])
        terms = sorted(spread, key=lambda term: (-spread[term], -weight[term], term))
        # The most central entry (highest average similarity to the others; of equals the shortest)
        # reads most like the heading of them all.
        central = max(members, key=lambda i: (sum(similarity[i][j] for j in members if j != i), -len(items[i].text), -i))
        title = items[central].text
        chosen = tuple(items[i] for i in members)
        proposals.append(Proposal(proposal_key(i.key for i in chosen), short_title(title), chosen, tuple(terms[:3])))
    return proposals


def short_title(text: str) -> str:
    """An entry as a topic title: its first line, cut at ``TITLE_MAX_CHARS``."""
    line = text.strip().split("\n")[0].strip()
    return line if len(line) <= TITLE_MAX_CHARS else line[:TITLE_MAX_CHARS - 1].rstrip() + "…"


def open_proposals(items: Sequence[Item], topics: Iterable[Topic], ignored: Iterable[str], *,
                   threshold: float = THRESHOLD) -> list[Proposal]:
    """What to propose now: clusters of the entries not in a topic yet, minus those ignored."""
    placed = {item.key for topic in topics for item in topic.items}
    skip = set(ignored)
    return [p for p in propose([i for i in items if i.key not in placed], threshold=threshold) if p.key not in skip]


def new_topic_id(dialogue_id: str, seed: str) -> str:
    """A topic's id from what made it (a proposal's key, or the moved entries and the title), so
    the same press twice makes one topic."""
    return hashlib.sha1(f"{dialogue_id}|{seed}".encode()).hexdigest()[:16]
