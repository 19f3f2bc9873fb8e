#!/usr/bin/env bash
# The benchmark suite in one command (see BENCHMARKS.md):
#   bash benchmarks/run.sh            quick mode (CI): a few minutes, report in benchmarks/out/report-quick.md
#   bash benchmarks/run.sh --full     the issue's sizes, about 15 minutes: writes BENCHMARKS.md
#   bash benchmarks/run.sh --full --long   also the 45,000-employee fan-out (15+ minutes more)
# PostgreSQL is used where BENCH_POSTGRES_URL (or TEST_POSTGRES_URL, default
# postgresql://postgres@127.0.0.1:5432/test) answers; TALSAMMEN_REQUIRE_POSTGRES=1 makes it mandatory.
# Exits non-zero on a correctness error (failed turn, lost/duplicated/over-limit message), never on a time.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -e '.[test]'
fi
.venv/bin/python -m compileall -q bot >/dev/null  # as scripts/venv.sh: start-up is measured, not compiling
exec .venv/bin/python -m benchmarks "$@"
