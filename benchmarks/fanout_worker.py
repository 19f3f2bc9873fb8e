"""The sending side of the fan-out benchmark, as its own process: ``python -m benchmarks.fanout_worker``.

It builds the connector, rate limiter and dispatcher exactly as bot/app.py does, prints
``ready``, waits for a line on stdin, delivers one reminder card to each of COUNT employees
(conversation ``a:fan-<i>`` at the mock's URL) and prints one JSON line: the time taken, the
outcome of every message, and this process's peak memory.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import Counter
from datetime import date

from bot.cards.elements import message_with_card
from bot.cards.status import reminder_card
from bot.concepts import load_concept
from bot.scheduler.messages import OutgoingMessage
from bot.scheduler.dispatcher import Dispatcher
from bot.scheduler.ratelimit import teams_rate_limiter
from bot.teams.connector import ConnectorClient

from .processes import own_peak_rss_mib


async def _main(url: str, count: int, tenant: str) -> dict:
    card = reminder_card("da", load_concept("nyborg"), round_id="0" * 32, deadline=date(2026, 12, 1), reminder_number=1)
    activity = message_with_card(card, summary="Husk at vælge temaer")
    messages = [
        OutgoingMessage(key=f"reminder-{i}", tenant_id=tenant, service_url=url, conversation_id=f"a:fan-{i}", activity=activity)
        for i in range(count)
    ]
    async with ConnectorClient() as connector:
        dispatcher = Dispatcher(connector, limiter=teams_rate_limiter())  # as create_app builds it
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        started = time.monotonic()
        results = await dispatcher.deliver(messages)
        elapsed = time.monotonic() - started
    failed = [r for r in results if r.status != "sent"]
    return {
        "elapsed": elapsed,
        "results": len(results),
        "statuses": dict(Counter(r.status for r in results)),
        "attempts": dict(Counter(r.attempts for r in results)),
        "failures": [f"{r.key}: {r.status} {r.reason}" for r in failed[:5]],
        "peak_rss_mib": own_peak_rss_mib(),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("count", type=int)
    parser.add_argument("tenant")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(_main(args.url, args.count, args.tenant))), flush=True)


if __name__ == "__main__":
    main()
