#!/usr/bin/env bash
# Benchmark of the desk's round trip: one edit of the demo (write, reload and check the whole
# workspace) and the preview that follows it (typeset 6-KNĐ to SVG), as the page does them.
#
#   benches/desk.sh        # 20 round trips
#   benches/desk.sh 50
#
# Builds the release binary, starts `hoso serve` on a copy of the demo, then alternates the date
# of Trần Thị Bình's branch meeting between two valid days, timing each POST of the edit and the
# GET of the preview with curl. The target of issue 14: the round trip within 150 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}

cargo build --release --quiet
hoso=target/release/hoso
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

"$hoso" init "$work/demo" >/dev/null 2>&1
"$hoso" serve "$work/demo" --no-open >"$work/address" 2>/dev/null &
pid=$!
for _ in $(seq 100); do [ -s "$work/address" ] && break; sleep 0.1; done
address=$(head -1 "$work/address")
port=${address#http://127.0.0.1:}; port=${port%%/*}
token=${address#*\?t=}
base="http://127.0.0.1:$port"
cookie="hoso_desk_$port=$token"

version() {
  curl -s -b "$cookie" "$base/person/tran-thi-binh" | sed -n 's/.*data-version="\([0-9a-f]*\)".*/\1/p' | head -1
}

ms() { awk '{ printf "%.1f", $1 * 1000 }'; }

v=$(version)
# One round first, to warm the caches (fonts are loaded at start; Typst memoises layouts).
printf '%-6s %-10s %-12s %-10s\n' round "edit ms" "preview ms" "total ms"
totals=()
for i in $(seq 0 "$rounds"); do
  day=$([ $((i % 2)) -eq 0 ] && echo 12/10/2026 || echo 16/10/2026)
  body=$(printf '{"version":"%s","path":"hop_chi_bo.ngay","value":"%s"}' "$v" "$day")
  edit=$(curl -s -o "$work/answer" -w '%{time_total}' -b "$cookie" -H "Origin: $base" \
    -H 'Content-Type: application/json' --data "$body" "$base/person/tran-thi-binh/edit")
  v=$(sed -n 's/.*"version":"\([0-9a-f]*\)".*/\1/p' "$work/answer")
  [ -n "$v" ] || { echo "edit refused: $(cat "$work/answer")" >&2; exit 1; }
  preview=$(curl -s -o "$work/preview.svg" -w '%{time_total}' -b "$cookie" \
    "$base/person/tran-thi-binh/preview/6-KND?v=$v")
  head -c 4 "$work/preview.svg" | grep -q '<svg' || { echo "no preview" >&2; exit 1; }
  [ "$i" -eq 0 ] && continue
  e=$(echo "$edit" | ms); p=$(echo "$preview" | ms)
  t=$(awk -v a="$e" -v b="$p" 'BEGIN { printf "%.1f", a + b }')
  totals+=("$t")
  printf '%-6s %-10s %-12s %-10s\n' "$i" "$e" "$p" "$t"
done
printf '%s\n' "${totals[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "median round trip: %.1f ms (min %.1f, max %.1f, %d rounds)\n", a[int((NR + 1) / 2)], a[1], a[NR], NR }'
