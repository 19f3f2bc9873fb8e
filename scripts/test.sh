#!/usr/bin/env bash
# Install TalSammen with its test tools into .venv (first run only) and run every test.
# PostgreSQL cases run when a server answers at TEST_POSTGRES_URL (default
# postgresql://postgres@127.0.0.1:5432/test) and are skipped with the reason otherwise;
# TALSAMMEN_REQUIRE_POSTGRES=1 makes them mandatory. Extra arguments go to pytest.
set -euo pipefail
source "$(dirname "$0")/venv.sh"
exec .venv/bin/python -m pytest "$@"
