"""The benchmark suite for issue 5: turn cost, fan-out, queries at scale and footprint.

Run it with ``bash benchmarks/run.sh --quick`` (CI) or ``--full`` (people; writes BENCHMARKS.md).
"""
