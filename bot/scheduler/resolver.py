"""What a due queue row becomes: a message to send, or ``Obsolete`` with the reason it is not
wanted any more; one resolver per kind of row, chosen by ``ResolverByKind``; what every step's
resolvers share (``StepResolver``); what a step declares of its kinds (``QueueKinds``); and the
report of a sweep."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ..cards.elements import message_with_card
from ..process.clock import Clock
from ..process.concept import Concept
from ..process.nomination import Round
from ..process.people import Person
from ..process.reminders import QueuedReminder
from ..process.workplace import Workplace
from ..storage import Storage
from ..process.dialogue_kind import Roles
from ..texts import choose_language, t, use_roles
from ..process.status import MAYBE_DELIVERED
from .messages import DeliveryResult, OutgoingMessage

if TYPE_CHECKING:
    from ..services import Services

log = logging.getLogger(__name__)

ConceptLoader = Callable[[str], Concept]  # load_concept, or one that prefers the app's loaded concept


@dataclass(frozen=True)
class Obsolete:
    """A reminder that must not be sent any more, and the short code saying why."""

    reason: str


class Resolver(Protocol):
    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        """The message to send for ``reminder`` now, or why it should not be sent."""


class DispatcherLike(Protocol):
    async def deliver(self, messages: Iterable[OutgoingMessage], *, on_result: Any = None) -> list[DeliveryResult]: ...


class ResolverByKind:
    """Routes each reminder to the resolver of its kind; an unknown kind is obsolete."""

    def __init__(self, resolvers: Mapping[str, Resolver], *, roles: Roles | None = None) -> None:
        self._resolvers = dict(resolvers)
        self._roles = roles  # the concept's words for the roles, which the texts fill in (bot/texts)

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        if self._roles is not None:
            use_roles(self._roles)
        resolver = self._resolvers.get(reminder.kind)
        if resolver is None:
            log.error("reminder %s is of kind %r, which this version does not know: dropped", reminder.key, reminder.kind)
            return Obsolete("unknown_kind")
        return await resolver.resolve(reminder)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self._resolvers)

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        """Hand a final outcome to the kind's resolver, if it keeps one (optional ``recorded``).

        Besides sent, unreachable and failed, an outcome may be maybe delivered (``delivery_of``)."""
        hook = getattr(self._resolvers.get(reminder.kind), "recorded", None)
        if hook is not None:
            await hook(reminder, result)


def delivery_of(result: DeliveryResult) -> str:
    """What a step keeps as the delivery of ``result``: its status, or ``MAYBE_DELIVERED`` when
    Teams may have the message but no answer says so (the connection dropped, or the worker died
    between its mark and the answer), which is never sent again."""
    return MAYBE_DELIVERED if getattr(result, "maybe_delivered", False) else result.status


class StepResolver:
    """What every resolver of a step reads: the store, the concept of a round or a workplace,
    languages, the dialogue's workplace; and how a card reaches one person."""

    kind = ""

    def __init__(
        self, store: Storage, concept_loader: ConceptLoader, *, clock: Clock, default_lang: str = "da", default_concept: str = "nyborg",
        bot_id: str = "",
    ) -> None:
        self.store = store
        self.concept_loader = concept_loader
        self.clock = clock
        self.default_lang = default_lang
        self.default_concept = default_concept
        self.bot_id = bot_id

    @classmethod
    def of_services(cls, services: "Services", concept_loader: ConceptLoader) -> "StepResolver":
        """The resolver with the app's store, clock, defaults and whatever ``configure`` takes."""
        resolver = cls(services.store, concept_loader, clock=services.clock, default_lang=services.settings.default_language,
                       default_concept=services.concept.id, bot_id=services.bot_id)
        resolver.configure(services)
        return resolver

    def configure(self, services: "Services") -> None:
        """Take from the app what this kind needs beyond the common (a link, the working window)."""

    def person_lang(self, person: Person | None) -> str:
        """A proactive message speaks the person's stored choice, else the default (no locale: no turn)."""
        return choose_language(stored=person.lang if person else None, default=self.default_lang)

    def team_lang(self, workplace: Workplace | None) -> str:
        """A channel speaks the team's language, else the default."""
        return choose_language(shared=True, team=workplace.lang if workplace else None, default=self.default_lang)

    async def concept_of(self, round_: Round) -> Concept:
        name = getattr(round_, "concept", None)  # the round's own concept
        if not name:
            workplace = await self.store.workplaces.get(round_.team_id)
            name = workplace.concept if workplace and workplace.concept else self.default_concept
        return self.concept_loader(name)

    def workplace_concept(self, workplace: Workplace) -> Concept:
        return self.concept_loader(workplace.concept or self.default_concept)

    async def round_of(self, reminder: QueuedReminder) -> Round | None:
        return await self.store.dialogues.get_round(reminder.round_id) if reminder.round_id else None

    async def workplace_of(self, dialogue_id: str | None) -> Workplace | None:
        """The workplace whose dialogue a row names (its ``round_id``), read at send time."""
        team_id = await self.store.group_results.dialogue_team(dialogue_id) if dialogue_id else None
        return await self.store.workplaces.get(team_id) if team_id else None

    def to_person(self, reminder: QueuedReminder, person: Person | None, card: dict, summary: str, lang: str) -> OutgoingMessage | Obsolete:
        """A message into the person's 1:1 chat with the bot, which must exist already."""
        if person is None or not person.conversation_id or not person.service_url:
            return Obsolete("no_conversation")  # the invitation never reached them either
        return OutgoingMessage(
            key=reminder.key, tenant_id=person.tenant_id, service_url=person.service_url,
            conversation_id=person.conversation_id, activity=message_with_card(card, summary=summary, lang=lang),
        )

    def to_member(self, reminder: QueuedReminder, workplace: Workplace, person: Person | None, card: dict, summary: str,
                  lang: str) -> OutgoingMessage:
        """A message into the person's 1:1 chat; where the bot has none yet, the dispatcher opens
        one as the workplace's member (``remember_chat`` keeps it)."""
        has_chat = person is not None and bool(person.conversation_id)
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id,
            service_url=(person.service_url if has_chat and person and person.service_url else workplace.service_url),
            conversation_id=person.conversation_id if has_chat and person else "", member_id=reminder.recipient_id, bot_id=self.bot_id,
            activity=message_with_card(card, summary=summary, lang=lang),
        )

    async def card_to_member(self, reminder: QueuedReminder, workplace: Workplace, card_of: Callable[[str], dict],
                             summary_key: str) -> OutgoingMessage:
        """The card ``card_of(lang)`` to the row's person in their language (``to_member``)."""
        person = await self.store.people.get(reminder.recipient_id)
        lang = self.person_lang(person)
        return self.to_member(reminder, workplace, person, card_of(lang), t(lang, summary_key), lang)

    async def remember_chat(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        """Keep the 1:1 chat the dispatcher opened for a row naming its dialogue, so the next message finds it."""
        if not result.conversation_id or not reminder.round_id:
            return
        workplace = await self.workplace_of(reminder.round_id)
        if workplace is not None:
            await self.store.people.remember(user_id=reminder.recipient_id, tenant_id=workplace.tenant_id, now=self.clock.now(),
                                             conversation_id=result.conversation_id, service_url=workplace.service_url)


@dataclass(frozen=True)
class QueueKinds:
    """What a step's scheduler module declares once (its ``DECLARES``): the resolver of each of
    its kinds of row, the kinds not held to one message a day per person (``unlimited``), and
    those someone in the room asked for, not held to the working window (``anytime``)."""

    resolvers: tuple[type[StepResolver], ...]
    unlimited: frozenset[str] = frozenset()
    anytime: frozenset[str] = frozenset()

    @classmethod
    def merge(cls, declarations: Iterable["QueueKinds"]) -> "QueueKinds":
        """Every step's kinds as one; a kind declared twice, or a set naming a kind its step does
        not resolve, is refused (at start-up: the runner merges them when it is built)."""
        resolvers: dict[str, type[StepResolver]] = {}
        unlimited: set[str] = set()
        anytime: set[str] = set()
        for declared in declarations:
            for resolver in declared.resolvers:
                if resolver.kind in resolvers:
                    first = resolvers[resolver.kind].__name__
                    raise ValueError(f"queue kind {resolver.kind!r} declared twice: {first}, {resolver.__name__}")
                resolvers[resolver.kind] = resolver
            stray = (declared.unlimited | declared.anytime) - {r.kind for r in declared.resolvers}
            if stray:
                raise ValueError(f"queue kinds {sorted(stray)} are declared without their resolver")
            unlimited |= declared.unlimited
            anytime |= declared.anytime
        return cls(tuple(resolvers.values()), frozenset(unlimited), frozenset(anytime))


@dataclass
class SweepReport:
    """What one ``run_once`` did; ``lost`` counts rows another worker took over meanwhile."""

    outside_window: bool = False
    claimed: int = 0
    sent: int = 0
    unreachable: int = 0
    failed: int = 0
    retried: int = 0
    dropped: int = 0
    postponed: int = 0
    lost: int = 0
    interrupted: int = 0  # left ``sending`` by a worker that stopped: now ``unconfirmed``
    taken_over: int = 0  # claims whose worker's lease ran out, claimed again here
