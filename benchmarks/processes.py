"""Bots under test as separate OS processes, so their start-up and memory can be measured."""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_rss_mib(pid: int) -> float:
    """The process's peak resident set size (VmHWM) in MiB; NaN if it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process (all its threads) has used so far."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def own_peak_rss_mib() -> float:
    return peak_rss_mib(os.getpid())


def working_hours_clock() -> dict[str, str]:
    """Environment that starts a bot's clock at the next opening of the working window, so the
    invitation cards (queue rows that go out in working hours) are sent while the benchmark
    runs, whatever time of day it is run at (bot/test_clock.py; local development only)."""
    from datetime import datetime, timezone

    from bot.process.calendar import WorkingWindow, next_opening

    return {"TEST_CLOCK_START": next_opening(datetime.now(timezone.utc), WorkingWindow()).isoformat()}


def bot_env(database_url: str) -> dict[str, str]:
    """What every benchmark starts TalSammen with: no authentication (the mock connector), quiet
    logs, Nyborg's concept and a clock at the next working-window opening, on `database_url`."""
    return {"LOCAL_DEVELOPMENT": "true", "DATABASE_URL": database_url, "LOG_LEVEL": "WARNING", "CONCEPT": "nyborg", **working_hours_clock()}


@dataclass
class BotProcess:
    """One bot process: started, waited for, measured, stopped."""

    name: str
    module: str
    env: dict[str, str]
    log_path: Path
    args: list[str] = field(default_factory=list)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    startup_seconds: float = float("nan")
    peak_rss: float = float("nan")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self, *, timeout: float = 60.0) -> float:
        """Spawn the process and return the seconds until GET /health answered 200."""
        env = {**os.environ, **self.env, "PORT": str(self.port), "HOST": "127.0.0.1", "PYTHONUNBUFFERED": "1"}
        log = open(self.log_path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the child's exit
        started = time.perf_counter()
        self.process = subprocess.Popen([sys.executable, "-m", self.module, *self.args], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        async with aiohttp.ClientSession() as session:
            while time.perf_counter() - started < timeout:
                if self.process.poll() is not None:
                    raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log_path}")
                try:
                    async with session.get(f"{self.url}/health", timeout=aiohttp.ClientTimeout(total=2)) as response:
                        if response.status == 200:
                            self.startup_seconds = time.perf_counter() - started
                            return self.startup_seconds
                except (aiohttp.ClientError, asyncio.TimeoutError):
                    pass
                await asyncio.sleep(0.01)
        raise RuntimeError(f"{self.name} did not answer /health within {timeout} s; see {self.log_path}")

    def cpu(self) -> float:
        return cpu_seconds(self.process.pid) if self.process is not None else float("nan")

    def measure(self) -> float:
        if self.process is not None and self.process.poll() is None:
            self.peak_rss = peak_rss_mib(self.process.pid)
        return self.peak_rss

    async def stop(self) -> None:
        """Read the peak memory, then ask the process to stop (SIGINT: aiohttp cleans up)."""
        if self.process is None:
            return
        self.measure()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            for _ in range(100):
                if self.process.poll() is not None:
                    break
                await asyncio.sleep(0.05)
            else:
                self.process.kill()
                self.process.wait()
        self.process = None
