#!/bin/sh
# Runs each target for $1 seconds (default 600), one after the other, logs in fuzz/logs/.
T=${1:-600}
cd "$(dirname "$0")"
mkdir -p logs artifacts
for t in engine policy restore; do
  ./target/x86_64-unknown-linux-gnu/release/$t corpus/$t -max_total_time=$T -max_len=8192 \
    -rss_limit_mb=2048 -artifact_prefix=artifacts/$t- -print_final_stats=1 -fork=1 -ignore_crashes=1 > logs/$t.log 2>&1
  echo "$t exit $?" >> logs/summary.txt
done
