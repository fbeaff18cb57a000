#!/usr/bin/env bash
# Benchmark of what a batch pays for the forms beside each dossier printing their own page numbers.
#
# A batch lays out a person's documents once and exports them together as the dossier; each form
# beside it (`<id>/9-KND.pdf`) is cut from a second export of the same pages that prints each
# document's own page numbers, not the dossier's (a form printed alone carries no dossier
# numbering). This times `hoso batch` as a clerk runs it (`alone`) against the same batch with
# the forms cut from the dossier's own export, no second export (`cut`: HOSO_BATCH_ALONE=dossier,
# a setting only this script uses; its forms print the dossier's numbers). The difference is the
# second export's cost.
#
# For each size it writes a synthetic workspace (`hoso init --people N`), then, in rounds, runs
# both under /usr/bin/time, alternating which goes first, each into a fresh output folder, and
# prints the medians of the wall clock, of the CPU time (user plus system) and of the peak memory,
# the ratios alone / cut, then every run.
#
#   benches/alone.sh            # 100 and 500 people, 3 rounds
#   benches/alone.sh 200        # other sizes
#   REPEAT=5 benches/alone.sh   # more rounds
#
# Shared virtual machines drift by ±10% from run to run: compare medians, and read the CPU time,
# less sensitive than the wall clock to what else the machine runs. Outputs are deleted only when
# every run of a size is done (see benches/batch.sh for why).
#
# Needs: a release build (done here) or HOSO=path/to/hoso, /usr/bin/time.
#   HOSO=path/to/hoso      a hoso binary (then no `cargo build`)
#   TIMER=/usr/bin/time    a command taking `-v CMD ARGS...` and writing GNU time's report to stderr
set -euo pipefail
cd "$(dirname "$0")/.."
TIMER="${TIMER:-/usr/bin/time}"
repeat="${REPEAT:-3}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 500)

source benches/common.sh
hoso=$(hoso_binary)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOSO_FONTS=embedded

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }

# One timed run of side $1 (alone, cut) at size $2, round $3.
timed() {
  local side=$1 n=$2 r=$3
  local report="$work/time-$side-$n-$r.txt"
  sync
  if [ "$side" = cut ]; then
    HOSO_BATCH_ALONE=dossier "$TIMER" -v "$hoso" batch "$work/ws-$n" -o "$work/out-$side-$n-$r" \
      --format json >/dev/null 2>"$report"
  else
    "$TIMER" -v "$hoso" batch "$work/ws-$n" -o "$work/out-$side-$n-$r" --format json \
      >/dev/null 2>"$report"
  fi
  seconds "$report" >>"$work/s-$side-$n"
  cpu "$report" >>"$work/c-$side-$n"
  peak_mb "$report" >>"$work/m-$side-$n"
}

format='%-7s %-9s %-11s %-9s %-9s %-11s %-9s %-9s %s\n'
# shellcheck disable=SC2059 # the format is the table's, kept in one place
printf "$format" people "alone (s)" "cut (s)" "ratio" "alone cpu" "cut cpu" "ratio" "alone MB" "cut MB"
echo "#   alone: hoso batch (forms from a second export, their own page numbers); cut: HOSO_BATCH_ALONE=dossier (forms cut from the dossier's export)"

for n in "${sizes[@]}"; do
  "$hoso" init "$work/ws-$n" --people "$n" 2>/dev/null
  for side in alone cut; do : >"$work/s-$side-$n"; : >"$work/c-$side-$n"; : >"$work/m-$side-$n"; done
  for r in $(seq "$repeat"); do
    if [ $((r % 2)) -eq 1 ]; then order=(alone cut); else order=(cut alone); fi
    for side in "${order[@]}"; do timed "$side" "$n" "$r"; done
  done
  # The dossiers are the same bytes either way; only the forms beside them differ.
  for r in $(seq "$repeat"); do
    for dossier in "$work/out-alone-$n-$r"/*/ho-so.pdf; do
      other="$work/out-cut-$n-$r/${dossier#"$work/out-alone-$n-$r/"}"
      cmp -s "$dossier" "$other" || { echo "dossier differs: $dossier $other" >&2; exit 1; }
    done
  done
  rm -rf "$work"/out-*-"$n"-*
  as=$(median '%.2f' <"$work/s-alone-$n")
  cs=$(median '%.2f' <"$work/s-cut-$n")
  ac=$(median '%.1f' <"$work/c-alone-$n")
  cc=$(median '%.1f' <"$work/c-cut-$n")
  # shellcheck disable=SC2059
  printf "$format" "$n" "$as" "$cs" "$(ratio "$as" "$cs")" "$ac" "$cc" "$(ratio "$ac" "$cc")" \
    "$(median '%.0f' <"$work/m-alone-$n")" "$(median '%.0f' <"$work/m-cut-$n")"
  echo "#   runs (s): alone $(paste -sd' ' "$work/s-alone-$n") | cut $(paste -sd' ' "$work/s-cut-$n")"
  echo "#   cpu (s): alone $(paste -sd' ' "$work/c-alone-$n") | cut $(paste -sd' ' "$work/c-cut-$n")"
  echo "#   peaks (MB): alone $(paste -sd' ' "$work/m-alone-$n") | cut $(paste -sd' ' "$work/m-cut-$n")"
done
