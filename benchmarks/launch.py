"""Start a bot module with a wider default thread pool: ``python -m benchmarks.launch bot``.

botbuilder sends every reply with ``requests`` through asyncio's default executor, which has
``min(32, cores + 4)`` threads: six on a two-core machine. With Teams answering in 100-300 ms
that caps any botbuilder bot, the echo bot included, at roughly 30 replies a second, and the
queue in front of that pool hides what the bot's own work costs. ``BENCH_EXECUTOR_THREADS``
sets the pool's size for every event loop the module creates, so the benchmark can measure
both bots with and without that cap.
"""
from __future__ import annotations

import asyncio
import os
import runpy
import sys
from concurrent.futures import ThreadPoolExecutor


class _WidePoolPolicy(asyncio.DefaultEventLoopPolicy):
    def __init__(self, threads: int) -> None:
        super().__init__()
        self._threads = threads

    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        loop = super().new_event_loop()
        loop.set_default_executor(ThreadPoolExecutor(max_workers=self._threads, thread_name_prefix="asyncio"))
        return loop


def main() -> None:
    module = sys.argv[1]
    threads = int(os.environ.get("BENCH_EXECUTOR_THREADS", "0"))
    if threads > 0:
        asyncio.set_event_loop_policy(_WidePoolPolicy(threads))
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
