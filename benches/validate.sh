#!/usr/bin/env bash
# Benchmark of `hoso validate` on a synthetic workspace (`hoso init --people N`).
#
#   benches/validate.sh            # 10000 people
#   benches/validate.sh 1000 20000 # other sizes
#
# Builds the release binary (or times $HOSO, if given), writes each workspace once, and times `hoso validate` with
# /usr/bin/time -v (wall clock and peak memory). The target of issue 4: under 2 s for 10,000.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000)

source benches/common.sh
hoso=$(hoso_binary)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-8s %-10s %-12s %-8s\n' people "seconds" "peak MB" result
for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  "$hoso" init "$ws" --people "$n" 2>/dev/null
  # Warm the page cache so that the figure is the tool's, not the disk's.
  "$hoso" validate "$ws" >/dev/null 2>&1 || true
  status=0
  /usr/bin/time -v "$hoso" validate "$ws" >/dev/null 2>"$work/time-$n.txt" || status=$?
  printf '%-8s %-10s %-12s %-8s\n' "$n" "$(seconds "$work/time-$n.txt")" "$(peak_mb "$work/time-$n.txt")" \
    "$([ $status -eq 0 ] && echo clean || echo "exit $status")"
done
