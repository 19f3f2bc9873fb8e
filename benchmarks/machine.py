"""What the figures were measured on: CPU, cores, memory, OS, Python and database versions."""
from __future__ import annotations

import os
import platform
import sys
from importlib import metadata


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _os_name() -> str:
    try:
        with open("/etc/os-release", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.platform()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe(*, sqlite_version: str, postgres_version: str | None) -> dict[str, str]:
    """The machine and software, as rows for the report."""
    return {
        "CPU": _cpu_model(),
        "cores (usable)": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
        "memory": _memory_gib(),
        "OS": f"{_os_name()} (kernel {platform.release()})",
        "Python": sys.version.split()[0],
        "SQLite": sqlite_version,
        "PostgreSQL": postgres_version or "not available",
        "botbuilder / msrest / aiohttp / SQLAlchemy": " / ".join(
            _version(p) for p in ("botbuilder-core", "msrest", "aiohttp", "SQLAlchemy")
        ),
    }
