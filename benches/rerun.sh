#!/usr/bin/env bash
# Benchmark of a batch run again with nothing changed (`hoso batch` twice on the same records).
#
# For each size, it writes a synthetic workspace (`hoso init --people N`), runs a first batch
# (every dossier and form; its time and peak memory are printed), then reruns the same batch
# REPEAT times (default 3). A rerun must decide, for every person, that nothing their documents
# show has changed (the digest of the files their render read, the people of their decisions,
# hoso's version, fonts and templates) and that their outputs are all there: it loads and
# validates the whole workspace and writes nothing. Every run is printed, then the median.
#
#   benches/rerun.sh              # 10000 people (the first batch takes about 6 minutes on 2 cores)
#   REPEAT=5 benches/rerun.sh 1000
#   HOSO=/path/to/hoso benches/rerun.sh   # time that binary instead of building the release one
#
# The first rerun after the first batch may meet a cold file cache (the outputs of 10,000 people
# are 3 GB): it is printed with the others, and the median is of all of them. Disk space: about
# 330 KB per person.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000)
repeat=${REPEAT:-3}

source benches/common.sh
HOSO=$(hoso_binary)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOSO_FONTS=embedded


for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  out="$work/out-$n"
  "$HOSO" init "$ws" --people "$n" >/dev/null 2>&1
  /usr/bin/time -v "$HOSO" batch "$ws" -o "$out" >/dev/null 2>"$work/first-$n.txt"
  printf '%s people: first batch %s s, peak %s MB\n' "$n" "$(seconds "$work/first-$n.txt")" "$(peak_mb "$work/first-$n.txt")"
  runs=()
  for i in $(seq "$repeat"); do
    /usr/bin/time -v "$HOSO" batch "$ws" -o "$out" >/dev/null 2>"$work/rerun-$n-$i.txt"
    # The batch's own summary: everyone skipped, nothing done, nothing failed.
    summary=$(grep -m1 -E 'xong|done' "$work/rerun-$n-$i.txt" || true)
    runs+=("$(seconds "$work/rerun-$n-$i.txt")")
    printf '  rerun %d: %s s, peak %s MB  (%s)\n' "$i" "${runs[-1]}" "$(peak_mb "$work/rerun-$n-$i.txt")" "$summary"
  done
  printf '  median rerun: %s s\n' "$(printf '%s\n' "${runs[@]}" | median '%.2f')"
  rm -rf "$out"
done
