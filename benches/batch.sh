#!/usr/bin/env bash
# Benchmark of `hoso batch` against the plain way of compiling the same Typst sources.
#
# For each size, it writes a synthetic workspace (`hoso init --people N`) and, once and untimed,
# the Typst sources of all its documents (`hoso batch --emit typst`, into a folder of their own).
# Then, in rounds, it times `hoso batch` (every dossier and form, all cores: what a clerk runs)
# under /usr/bin/time, and compiles exactly those sources with ../shared/bench/peer_compile.py (the
# typst Python binding, one reused compiler, the same embedded fonts) twice:
#
#   - the serial peer: one process, one file after another;
#   - the parallel peer, `--jobs $(nproc)`: the same loop dealt to one process per core. This is
#     the fair peer: hoso uses every core, and so can anyone looping over files (`xargs -P`).
#
# It prints the medians of the three and both ratios (hoso / serial peer, hoso / parallel peer),
# the peak memories, then every run.
#
#   benches/batch.sh            # 100 and 1000 people
#   benches/batch.sh 200 2000   # other sizes
#   REPEAT=3 benches/batch.sh   # 3 rounds, each running all three; the median of each is printed,
#                               # then every run
#
# Shared virtual machines drift by ±10% from run to run: run the sides alternately, several
# times, and compare medians. hoso runs first in each round; the two peers swap places from one
# round to the next, so that neither always follows the other. Each side is timed on its own
# work from the same starting point: hoso from the records to every PDF, a peer from the sources to
# the PDFs of the same documents. Writing the sources is neither side's work (the peers are given
# them), so it is done before the rounds; until 2026-12-01 hoso's timed run also emitted them,
# which made it write 4,600 more files at 1,000 people.
#
# Outputs are deleted only when every run of a size is done. On a file system that delays reusing
# the inodes of files deleted a minute ago (ext4 without a journal, as on the machines these
# figures come from), each new file of a run that starts right after thousands of deletions pays
# for a scan past them: the run after the clean-up would be slowed by the benchmark itself, and
# most of all the side that writes the most files. Disk space: about 1 GB per round at 1,000
# people.
#
# CPU time is GNU time's user plus system time of the side's processes (the parallel peer's
# workers included): less sensitive than the wall clock to what else the machine runs.
#
# Peak memory is GNU time's maximum resident set size: for hoso, one process with its threads, the
# whole; for the parallel peer, the largest of its processes, so the peer's total is up to about
# `--jobs` times the figure.
#
# Needs: a release build (done here), python3 with `pip install typst==0.15.0`, /usr/bin/time.
#
# Every command can be replaced, to check the script without building or typesetting:
#   HOSO=path/to/hoso      a hoso binary (then no `cargo build`)
#   PYTHON=python3         the interpreter that runs the peer
#   PEER=path/to/peer.py   the peer script
#   TIMER=/usr/bin/time    a command taking `-v CMD ARGS...` and writing GNU time's report to stderr
#   PEER_JOBS=$(nproc)     worker processes of the parallel peer
set -euo pipefail
cd "$(dirname "$0")/.."
PEER="${PEER:-../shared/bench/peer_compile.py}"
PYTHON="${PYTHON:-python3}"
TIMER="${TIMER:-/usr/bin/time}"
jobs="${PEER_JOBS:-$(nproc)}"
repeat="${REPEAT:-1}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 1000)

source benches/common.sh
hoso=$(hoso_binary)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOSO_FONTS=embedded

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }

# One timed run: $1 the side (hoso, serial, parallel), $2 the size, then the command. The time and
# the peak memory are appended to the side's lists; the command's own output goes to a file.
timed() {
  local side=$1 n=$2
  shift 2
  # Each side starts with nothing of the other's left to write to the disk.
  sync
  "$TIMER" -v "$@" >"$work/stdout-$side-$n.txt" 2>"$work/time-$side-$n.txt"
  seconds "$work/time-$side-$n.txt" >>"$work/s-$side-$n"
  peak_mb "$work/time-$side-$n.txt" >>"$work/m-$side-$n"
  cpu "$work/time-$side-$n.txt" >>"$work/c-$side-$n"
}

peer() {
  local side=$1 n=$2 out=$3 r=$4 j=1
  [ "$side" = parallel ] && j=$jobs
  timed "$side" "$n" "$PYTHON" "$PEER" --jobs "$j" --root "$src/typst" --list "$work/files-$n.txt" \
    --font-path assets/fonts --ignore-system-fonts --out "$work/peer-$side-$n-$r"
}

format='%-7s %-10s %-9s %-11s %-13s %-10s %-12s %-8s %-10s %s\n'
# shellcheck disable=SC2059 # the format is the table's, kept in one place
printf "$format" people documents "hoso (s)" "serial (s)" "parallel (s)" "/ serial" "/ parallel" \
  "hoso MB" "serial MB" "parallel MB"
echo "#   parallel: peer_compile.py --jobs $jobs (the fair peer); ratios are hoso's time over the peer's"

for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  "$hoso" init "$ws" --people "$n" 2>/dev/null
  for side in hoso serial parallel; do : >"$work/s-$side-$n"; : >"$work/m-$side-$n"; : >"$work/c-$side-$n"; done
  src="$work/src-$n"
  "$hoso" batch "$ws" -o "$src" --emit typst --format json >/dev/null
  find "$src/typst" -name '*.typ' ! -name hoso.typ | sort >"$work/files-$n.txt"
  docs=$(wc -l <"$work/files-$n.txt")
  for r in $(seq "$repeat"); do
    out="$work/out-$n-$r"
    timed hoso "$n" "$hoso" batch "$ws" -o "$out" --format json
    if [ $((r % 2)) -eq 1 ]; then order=(serial parallel); else order=(parallel serial); fi
    for side in "${order[@]}"; do peer "$side" "$n" "$out" "$r"; done
  done
  rm -rf "$work"/out-"$n"-* "$work"/peer-*-"$n"-* "$src"
  hs=$(median '%.2f' <"$work/s-hoso-$n")
  ss=$(median '%.2f' <"$work/s-serial-$n")
  ps=$(median '%.2f' <"$work/s-parallel-$n")
  # shellcheck disable=SC2059
  printf "$format" "$n" "$docs" "$hs" "$ss" "$ps" "$(ratio "$hs" "$ss")" "$(ratio "$hs" "$ps")" \
    "$(median '%.0f' <"$work/m-hoso-$n")" "$(median '%.0f' <"$work/m-serial-$n")" \
    "$(median '%.0f' <"$work/m-parallel-$n")"
  # Every run, in the order run, so that the spread is seen and not only the median.
  echo "#   runs (s): hoso $(paste -sd' ' "$work/s-hoso-$n") | serial $(paste -sd' ' "$work/s-serial-$n") | parallel $(paste -sd' ' "$work/s-parallel-$n")"
  echo "#   cpu (s): hoso $(paste -sd' ' "$work/c-hoso-$n") | serial $(paste -sd' ' "$work/c-serial-$n") | parallel $(paste -sd' ' "$work/c-parallel-$n")"
  echo "#   peaks (MB): hoso $(paste -sd' ' "$work/m-hoso-$n") | serial $(paste -sd' ' "$work/m-serial-$n") | parallel $(paste -sd' ' "$work/m-parallel-$n")"
done
