"""The benchmark report as Markdown: machine, verdicts, figures and ratios, notes."""
from __future__ import annotations

import math

from .fanout import FanoutResult
from .queries import QueryReport
from .stats import ms, percentile, ratio
from .targets import Verdict
from .turns import TurnReport


HOW_TO_RUN = """## How to run

```sh
bash benchmarks/run.sh --quick        # CI: a few minutes; writes benchmarks/out/report-quick.md
bash benchmarks/run.sh --full         # the issue's sizes (about 15 minutes); writes this file
bash benchmarks/run.sh --full --long  # also the fan-out to 45,000 employees (15 minutes more)
```

PostgreSQL is used where `BENCH_POSTGRES_URL` (else `TEST_POSTGRES_URL`, default
`postgresql://postgres@127.0.0.1:5432/test`) answers; each run creates its own databases there and
drops them afterwards, and `TALSAMMEN_REQUIRE_POSTGRES=1` makes PostgreSQL mandatory. The command
exits with 1 on a correctness error only (a failed turn, a lost, duplicated or over-limit
reminder, a query returning wrong rows), never because something was slow. The bots under test
run as their own processes (`python -m bot`, `python -m benchmarks.echo_bot`) against the mock
Bot Connector of tests/mock_connector.py; logs go to benchmarks/out/."""


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(r) + " |" for r in rows)]


def _met(met: bool | None) -> str:
    return "–" if met is None else "**met**" if met else "**not met**"


def _turn_tables(reports: list[TurnReport]) -> list[str]:
    lines: list[str] = []
    for report in reports:
        config = "the SDK's default thread pool (min(32, cores + 4) threads)" if not report.threads else f"the default thread pool widened to {report.threads} threads in both bots"
        lines += ["", f"**{report.backend}, {config}**", ""]
        rows = []
        for n in sorted({run.n for run in report.runs}):
            by_bot = {run.bot: run for run in report.runs if run.n == n}
            ours, echo = by_bot.get("talsammen"), by_bot.get("echo")
            if not ours or not echo:
                continue
            o50, o99 = percentile(ours.latencies, 0.5), percentile(ours.latencies, 0.99)
            e50, e99 = percentile(echo.latencies, 0.5), percentile(echo.latencies, 0.99)
            stock = by_bot.get("echo-stock")
            r99 = lambda run: ms(percentile(run.replies, 0.99))  # noqa: E731
            rows.append([
                str(n), ms(e50), ms(e99), ms(o50), ms(o99), f"**{ratio(o99, e99):.2f}×**", f"{ratio(o50, e50):.2f}×",
                f"{r99(echo)} / {r99(ours)}",
                f"{echo.cpu / n * 1000:.1f} / {ours.cpu / n * 1000:.1f}",
                f"{echo.answered_per_second:.0f} / {ours.answered_per_second:.0f}",
                f"{echo.replies_per_second:.0f} / {ours.replies_per_second:.0f}",
                f"{ms(percentile(stock.latencies, 0.99))} / {r99(stock)}" if stock else "–",
                f"{ours.peak_rss:.0f} / {echo.peak_rss:.0f} MiB",
                str(sum(len(r.problems) for r in by_bot.values())),
            ])
        lines += _table(["N", "echo p50", "echo p99", "TalSammen p50", "TalSammen p99", "p99 ratio", "p50 ratio",
                         "reply arrived p99 (echo / TalSammen)", "bot CPU ms/turn (echo / TalSammen)",
                         "turns answered/s (echo / TalSammen)", "replies/s (echo / TalSammen)",
                         "stock-msrest echo p99 (answered / reply)", "peak memory so far (TalSammen / echo)", "problems"], rows)
        problems = [f"- N={run.n} {run.bot}: {p}" for run in report.runs for p in run.problems]
        if problems:
            lines += ["", "Problems:", *problems]
        over = ", ".join(f"{bot} {count}" for bot, count in report.over_limit_by.items() if bot) or "none"
        lines += ["", "Start-up to ready: " + ", ".join(f"{k} {v:.2f} s" for k, v in report.startup.items())
                  + f". Requests beyond Teams' limits (counted by the mock, not refused): {over}; TalSammen paces its"
                  " in-turn replies to the tenant's rate, so any of its own fails the run."]
    return lines


def _fanout_table(results: list[FanoutResult]) -> list[str]:
    rows = [[f"{r.n:,}", f"{r.elapsed:.1f} s", f"{r.floor:.0f} s", f"**{r.ratio:.3f}×**", f"{r.requests:,}",
             f"{r.throttled} / {r.bad_gateway}", str(r.lost), str(r.duplicates), str(r.violations), f"{r.peak_rss:.0f} MiB"]
            for r in results]
    return _table(["employees", "completed in", "floor N/50", "ratio", "requests", "injected 429 / 502", "lost",
                   "duplicates", "over the limit", "sender peak RSS"], rows)


def _query_table(reports: list[QueryReport]) -> list[str]:
    rows = []
    for report in reports:
        for name, samples in report.timings.items():
            rows.append([report.backend, name, ms(percentile(samples, 0.5)), ms(percentile(samples, 0.99)), ms(max(samples) if samples else math.nan), str(len(samples))])
    lines = _table(["database", "query", "p50", "p99", "max", "runs"], rows)
    for report in reports:
        lines += ["", f"{report.backend}: {report.scale.label}; loaded {sum(report.rows.values()):,} rows "
                  f"({', '.join(f'{k} {v:,}' for k, v in report.rows.items())}) in {report.load_seconds:.1f} s."]
        lines += [f"- problem: {p}" for p in report.problems]
    return lines


def render(*, title: str, command: str, started: str, duration: float, machine: dict[str, str], verdicts: list[Verdict],
           turns: list[TurnReport], fanouts: list[FanoutResult], queries: list[QueryReport], footprint: dict[str, float],
           startups: dict[str, float], notes: list[str], skipped: list[str]) -> str:
    lines = [f"# {title}", "", f"Produced by `{command}` on {started} in {duration / 60:.1f} minutes. "
             "Re-run it to refresh these figures; every ratio below compares figures measured side by side in the same run.", ""]
    lines += [HOW_TO_RUN, "", "## Machine", "", *_table(["", ""], [[k, v] for k, v in machine.items()])]
    lines += ["", "## Targets", "", *_table(["target", "measured", "verdict"], [[v.target, v.measured, _met(v.met)] for v in verdicts])]
    if skipped:
        lines += ["", "Not measured in this run: " + "; ".join(skipped) + "."]
    lines += ["", "## Turn cost against the SDK's floor", "",
              "N simulated employees submit the nomination card at the same moment. p50 and p99 are each HTTP request's "
              "latency from send to answer (when Teams has its answer); \"reply arrived\" is from send to the mock's receipt "
              "of the card update (when the person sees it). TalSammen answers Teams once the nomination is stored and lets "
              "the receipt follow at the tenant's 50 requests a second (bot/teams/turns.py), so its replies per second are "
              "bounded by that rate; the echo bots reply before they answer and ignore the limit. The echo bot answers the same submissions by updating the card in place, as TalSammen does, "
              "so each turn of either bot makes one call to the mock Bot Connector, which answers in 100-300 ms.",
              *_turn_tables(turns)]
    lines += ["", "## Fan-out against Teams' rate limit", "", *_fanout_table(fanouts)]
    lines += ["", "## Queries at scale", "", *_query_table(queries)]
    lines += ["", "## Footprint", "", *_table(["process", "peak resident memory (VmHWM)"], [[k, f"{v:.0f} MiB"] for k, v in footprint.items()]),
              "", *_table(["process", "start-up to ready (spawn until GET /health answers)"], [[k, f"{v:.2f} s"] for k, v in startups.items()])]
    if notes:
        lines += ["", "## What the figures mean", "", *notes]
    return "\n".join(lines) + "\n"
