#!/bin/sh
# Builds, then runs each target for $1 seconds (default 600), one after the other, under
# nice; logs in fuzz/logs/, crashes in fuzz/artifacts/. Targets: $2.. (default: all).
# The small seed inputs in seeds/ start each corpus (corpus/ itself is not committed).
T=${1:-600}
[ $# -gt 0 ] && shift
TARGETS=${*:-engine policy restore json csv eml html}
cd "$(dirname "$0")"
cargo +nightly fuzz build || exit 1
mkdir -p logs artifacts
for t in $TARGETS; do
  mkdir -p corpus/$t
  cp -n seeds/$t/* corpus/$t/ 2>/dev/null
  nice -n 19 ./target/x86_64-unknown-linux-gnu/release/$t corpus/$t -max_total_time=$T -max_len=8192 \
    -rss_limit_mb=2048 -artifact_prefix=artifacts/$t- -print_final_stats=1 -fork=1 -ignore_crashes=1 > logs/$t.log 2>&1
  echo "$t exit $? $(date -u +%H:%M:%S)" >> logs/summary.txt
done
