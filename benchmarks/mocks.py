"""The mock Bot Connector from tests/mock_connector.py, set up the way each benchmark needs it."""
from __future__ import annotations

import gc

from tests.mock_connector import Faults, MockBotConnector

__all__ = ["Faults", "MockBotConnector", "TurnMock", "FanoutMock", "TEAMS_LATENCY", "TEAMS_JITTER"]

# Teams answers in roughly 100-300 ms: a floor of 100 ms plus up to 200 ms drawn uniformly.
TEAMS_LATENCY = 0.1
TEAMS_JITTER = 0.2


class TurnMock(MockBotConnector):
    """Records replies like the strict mock, counts arrivals beyond Teams' limits, refuses none.

    The turn benchmark measures what a turn costs against the SDK's floor. Hundreds of people
    pressing Submit within a second push a stock bot's in-turn replies past the tenant's 50 per
    second; refusing them would measure Teams' throttling, which the fan-out benchmark does.
    TalSammen paces its replies (bot/scheduler/reply_lane.py): any of its requests over the
    limit is a correctness failure of the run (`over_limit_by`).
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.over_limit = 0
        self.over_limit_by: dict[str, int] = {}  # bot -> its requests over the limit
        self.bot = ""

    def serving(self, bot: str) -> None:
        """From now on count arrivals for `bot` alone: the bots run one after the other over
        the same conversations, and one bot's burst must not count against the next."""
        self.bot = bot
        self._arrivals.clear()

    def _over_limit(self, now, tenant, conversation) -> bool:  # noqa: ANN001
        if super()._over_limit(now, tenant, conversation):
            self.over_limit += 1
            self.over_limit_by[self.bot] = self.over_limit_by.get(self.bot, 0) + 1
        return False

    def cards_by_conversation(self) -> dict[str, list[tuple[str, dict]]]:
        """(activity id, activity) of every message with an attachment, per conversation."""
        found: dict[str, list[tuple[str, dict]]] = {}
        for (conversation, activity_id), body in self._activities.items():
            if body.get("attachments"):
                found.setdefault(conversation, []).append((activity_id, body))
        return found

    def activity(self, conversation: str, activity_id: str) -> dict | None:
        return self._activities.get((conversation, activity_id))


class FanoutMock(MockBotConnector):
    """The strict mock, keeping only what the fan-out check needs from each request.

    Tens of thousands of recorded card bodies would make the mock's process pause for garbage
    collection, and a pause stamps the requests that waited meanwhile with bunched arrival
    times: violations of the mock's own making.
    """

    def _record(self, request, kind, tenant, conversation, status, violation, body, at=None, retry_after=None) -> None:  # noqa: ANN001
        super()._record(request, kind, tenant, conversation, status, violation, None, at, retry_after)
        # Even without bodies, tens of thousands of records (each with its headers) make full
        # collections long: 15 violations in 46,467 requests of the 45,000 run (3 December), 0
        # with this. Frozen records are never scanned again.
        if len(self.requests) % 2000 == 0:
            gc.freeze()
