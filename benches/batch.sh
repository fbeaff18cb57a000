#!/usr/bin/env bash
# Benchmark of `hoso batch` against the plain way of compiling the same Typst sources.
#
# For each size, it writes a synthetic workspace (`hoso init --people N`), runs `hoso batch`
# (every dossier and form, all cores, `--emit typst`) under /usr/bin/time, then runs
# ../shared/bench/peer_compile.py on exactly the Typst sources that batch emitted (the typst
# Python binding, one reused compiler, the same embedded fonts), and prints both times, their
# ratio and both peak memories.
#
#   benches/batch.sh            # 100 and 1000 people
#   benches/batch.sh 200 2000   # other sizes
#   REPEAT=3 benches/batch.sh   # each side run 3 times, alternating; the median is printed,
#                               # then every run
#
# Shared virtual machines drift by ±10% from run to run: run both sides alternately, several
# times, and compare medians.
#
# Needs: a release build (done here), python3 with `pip install typst==0.15.0`, /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
PEER="${PEER:-../shared/bench/peer_compile.py}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 1000)

cargo build --release --quiet
hoso=target/release/hoso
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOSO_FONTS=embedded

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

printf '%-7s %-10s %-12s %-12s %-8s %-14s %-14s\n' people documents "hoso (s)" "peer (s)" ratio "hoso peak MB" "peer peak MB"
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
repeat="${REPEAT:-1}"

for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  "$hoso" init "$ws" --people "$n" 2>/dev/null
  : >"$work/hs-$n"; : >"$work/ps-$n"; : >"$work/hm-$n"; : >"$work/pm-$n"
  for r in $(seq "$repeat"); do
    out="$work/out-$n-$r"
    # Each side starts with nothing of the other's left to write to the disk.
    sync
    /usr/bin/time -v "$hoso" batch "$ws" -o "$out" --emit typst --format json \
      >"$work/report-$n.json" 2>"$work/time-hoso-$n.txt"
    find "$out/typst" -name '*.typ' ! -name hoso.typ | sort >"$work/files-$n.txt"
    docs=$(wc -l <"$work/files-$n.txt")
    sync
    /usr/bin/time -v python3 "$PEER" --root "$out/typst" --list "$work/files-$n.txt" \
      --font-path assets/fonts --ignore-system-fonts --out "$work/peer-$n-$r" \
      >"$work/peer-$n.txt" 2>"$work/time-peer-$n.txt"
    seconds "$work/time-hoso-$n.txt" >>"$work/hs-$n"; seconds "$work/time-peer-$n.txt" >>"$work/ps-$n"
    peak_mb "$work/time-hoso-$n.txt" >>"$work/hm-$n"; echo >>"$work/hm-$n"
    peak_mb "$work/time-peer-$n.txt" >>"$work/pm-$n"; echo >>"$work/pm-$n"
    rm -rf "$out" "$work/peer-$n-$r"
  done
  hs=$(median <"$work/hs-$n"); ps=$(median <"$work/ps-$n")
  printf '%-7s %-10s %-12s %-12s %-8s %-14s %-14s\n' "$n" "$docs" "$hs" "$ps" \
    "$(awk -v a="$hs" -v b="$ps" 'BEGIN { printf "%.2f", a / b }')" \
    "$(median <"$work/hm-$n")" "$(median <"$work/pm-$n")"
  # Every run, in order, so that the spread is seen and not only the median.
  echo "#   runs: hoso $(paste -sd' ' "$work/hs-$n") | peer $(paste -sd' ' "$work/ps-$n")"
done
