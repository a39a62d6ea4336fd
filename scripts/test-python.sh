#!/usr/bin/env bash
# `npm run test:python`: sets up the Python side (scripts/python-setup.sh), then runs the
# pytest suite of crates/python/tests: API unit tests, byte-for-byte equality with the CLI on
# ../shared/corpus, and the Spark tests in a local Spark (a few minutes on 2 cores).
# Nothing is written into the source tree (no bytecode, no pytest cache).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/python-setup.sh
export PYTHONDONTWRITEBYTECODE=1
exec target/py/bin/python -m pytest -p no:cacheprovider -q crates/python/tests "$@"
