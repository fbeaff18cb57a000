# Helpers shared by the benchmarks (sourced, not run): the binary to time, and reading GNU time's
# `-v` report.

# The hoso binary to time: $HOSO when given, else the release build, built first.
hoso_binary() {
  if [ -n "${HOSO:-}" ]; then
    printf '%s\n' "$HOSO"
  else
    cargo build --release --quiet >&2
    printf '%s\n' "${CARGO_TARGET_DIR:-target}/release/hoso"
  fi
}

# The wall clock of a report ($1), in seconds.
seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
# User plus system time of a report ($1), in seconds.
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f\n", s }' "$1"; }
# The peak resident memory of a report ($1), in MB.
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$1"; }
# The median of the numbers on standard input, one a line (the mean of the middle two for an
# even count), printed with the given format ($1).
median() { sort -g | awk -v fmt="$1" '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf fmt "\n", m }'; }
