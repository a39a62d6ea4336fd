#!/usr/bin/env bash
# Sets up the Python side: a venv in target/py with maturin, pyspark, pyarrow, pandas and
# pytest from PyPI, the `logscrub` package built from crates/python (release, abi3), and the
# release CLI the tests compare against. Idempotent: installs only what is missing and
# rebuilds the package only when its sources changed. Java 17 (for Spark) comes from apt
# when missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/py
export PATH="$PWD/$VENV/bin:$PATH"
PY="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import maturin, pyspark, pyarrow, pandas, pytest" 2>/dev/null \
   || ! [ -x "$VENV/bin/maturin" ]; then
  "$VENV/bin/pip" install -q --upgrade pip
  # pandas < 3: PySpark 4 does not support pandas 3 yet.
  "$VENV/bin/pip" install -q "maturin>=1.7,<2" "pyspark>=3.5,<5" "pyarrow>=12" "pandas>=1.5,<3" "pytest>=7"
fi
if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  else
    echo "python-setup: Java 17 is needed for the Spark tests" >&2
  fi
fi
stamp=$(find Cargo.toml Cargo.lock src crates/python/Cargo.toml crates/python/pyproject.toml \
          crates/python/src crates/python/python -type f ! -name '*.so' ! -path '*__pycache__*' \
        | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-64)
if [ "$(cat "$VENV/.logscrub-stamp" 2>/dev/null || true)" != "$stamp" ] \
   || ! "$VENV/bin/python" -c "import logscrub._logscrub" 2>/dev/null; then
  nice "$VENV/bin/pip" install -q --no-build-isolation --force-reinstall --no-deps ./crates/python
  echo "$stamp" > "$VENV/.logscrub-stamp"
fi
nice cargo build --release --bin logscrub -q
echo "python-setup: $("$VENV/bin/python" -c 'import logscrub, pyspark, pyarrow, pandas; print("logscrub", logscrub.__name__, "pyspark", pyspark.__version__, "pyarrow", pyarrow.__version__, "pandas", pandas.__version__)')"
