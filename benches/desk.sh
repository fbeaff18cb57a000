#!/usr/bin/env bash
# Benchmark of the desk at a đảng ủy's size: the round trip of an edit (the POST that writes
# `que_quan` of one candidate, then the GET of that person's 1-KNĐ preview, as the page does
# them), the branch page, and a new person (the POST of the branch page's form, then the new
# person's page it leads to) deleted again (the POST of the person page's button, then the page
# of deleted records it leads to), on a synthetic workspace of N people against the same at 400.
#
#   benches/desk.sh              # 5000 people against 400, 15 rounds each
#   benches/desk.sh 4000 25      # 4000 people, 25 rounds
#
# Times $HOSO when given, else the release build (built first). For each size: `hoso init
# --people N`, `hoso serve` on it, one round to warm the caches (fonts, Typst's memo, the
# desk's checked workspace), then the rounds, each printed. Last, the medians and their ratio.
# The target of issue 27: the round trip and the branch page at 5,000 people within 1.5× the
# same at 400, and within 150 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-5000}
rounds=${2:-15}

source benches/common.sh
hoso=$(hoso_binary)
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

ms() { awk '{ printf "%.1f", $1 * 1000 }'; }

# Runs the rounds at $1 people; leaves the medians in $work/median-$1.
measure() {
  local n=$1 ws="$work/ws-$1" person=tran-thi-binh-0000
  "$hoso" init "$ws" --people "$n" >/dev/null 2>&1
  # Files written less than a few seconds before they are read are compared by content until
  # then (a coarse clock could hide a change): the rounds measure the desk after that.
  sleep 4
  "$hoso" serve "$ws" --no-open >"$work/address-$n" 2>/dev/null &
  pid=$!
  for _ in $(seq 600); do [ -s "$work/address-$n" ] && break; sleep 0.1; done
  local address port token base cookie v
  address=$(head -1 "$work/address-$n")
  port=${address#http://127.0.0.1:}; port=${port%%/*}
  token=${address#*\?t=}
  base="http://127.0.0.1:$port"
  cookie="hoso_desk_$port=$token"
  v=$(curl -s -b "$cookie" "$base/person/$person" | sed -n 's/.*data-version="\([0-9a-f]*\)".*/\1/p' | head -1)
  [ -n "$v" ] || { echo "no version for $person at $n people" >&2; exit 1; }
  printf '\n%s people\n%-6s %-10s %-12s %-10s %-10s %-10s %-10s\n' "$n" round "edit ms" "preview ms" \
    "total ms" "branch ms" "new ms" "delete ms"
  : >"$work/totals-$n"; : >"$work/branch-$n"; : >"$work/new-$n"; : >"$work/delete-$n"
  for i in $(seq 0 "$rounds"); do
    local place body edit preview branch e p t b c d
    place=$([ $((i % 2)) -eq 0 ] && echo "Xã Tân Dân, tỉnh Quảng Ninh" || echo "Phường Hồng Gai, tỉnh Quảng Ninh")
    body=$(printf '{"version":"%s","path":"que_quan","value":"%s"}' "$v" "$place")
    edit=$(curl -s -o "$work/answer" -w '%{time_total}' -b "$cookie" -H "Origin: $base" \
      -H 'Content-Type: application/json' --data "$body" "$base/person/$person/edit")
    v=$(sed -n 's/.*"version":"\([0-9a-f]*\)".*/\1/p' "$work/answer")
    grep -q '"ok":true' "$work/answer" || { echo "edit refused: $(cat "$work/answer")" >&2; exit 1; }
    preview=$(curl -s -o "$work/preview.svg" -w '%{time_total}' -b "$cookie" \
      "$base/person/$person/preview/1-KND?v=$v")
    head -c 4 "$work/preview.svg" | grep -q '<svg' || { echo "no preview" >&2; exit 1; }
    branch=$(curl -s -o "$work/branch.html" -w '%{time_total}' -b "$cookie" "$base/")
    grep -q "$person" "$work/branch.html" || { echo "the branch page lacks $person" >&2; exit 1; }
    # A new person and their page; deleted again, and the list of deleted records.
    local new delete newcomer nv
    new=$(curl -s -L -o "$work/new.html" -w '%{time_total} %{url_effective}' -b "$cookie" \
      -H "Origin: $base" --data-urlencode "ho_ten=Nguyễn Văn Mới" \
      --data-urlencode "ngay_sinh=01/02/2000" --data "loai=ket-nap" "$base/new")
    newcomer=${new##*/person/}; new=${new%% *}
    grep -q "Nguyễn Văn Mới" "$work/new.html" || { echo "no page for the new person" >&2; exit 1; }
    nv=$(sed -n 's/.*data-version="\([0-9a-f]*\)".*/\1/p' "$work/new.html" | head -1)
    delete=$(curl -s -L -o "$work/deleted.html" -w '%{time_total}' -b "$cookie" -H "Origin: $base" \
      --data "version=$nv" "$base/person/$newcomer/delete")
    grep -q "Nguyễn Văn Mới" "$work/deleted.html" || { echo "$newcomer not deleted" >&2; exit 1; }
    [ "$i" -eq 0 ] && continue
    e=$(echo "$edit" | ms); p=$(echo "$preview" | ms); b=$(echo "$branch" | ms)
    t=$(awk -v a="$e" -v b="$p" 'BEGIN { printf "%.1f", a + b }')
    c=$(echo "$new" | ms); d=$(echo "$delete" | ms)
    echo "$t" >>"$work/totals-$n"; echo "$b" >>"$work/branch-$n"
    echo "$c" >>"$work/new-$n"; echo "$d" >>"$work/delete-$n"
    printf '%-6s %-10s %-12s %-10s %-10s %-10s %-10s\n' "$i" "$e" "$p" "$t" "$b" "$c" "$d"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  echo "$(median %.1f <"$work/totals-$n") $(median %.1f <"$work/branch-$n")" \
    "$(median %.1f <"$work/new-$n") $(median %.1f <"$work/delete-$n")" >"$work/median-$n"
}

measure 400
measure "$size"
read -r t400 b400 c400 d400 <"$work/median-400"
read -r tn bn cn dn <"$work/median-$size"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '\n%-28s %-10s %-10s %-8s\n' "median (ms)" 400 "$size" ratio
printf '%-28s %-10s %-10s %-8s\n' "edit + preview round trip" "$t400" "$tn" "$(ratio "$tn" "$t400")"
printf '%-28s %-10s %-10s %-8s\n' "branch page" "$b400" "$bn" "$(ratio "$bn" "$b400")"
printf '%-28s %-10s %-10s %-8s\n' "new person + their page" "$c400" "$cn" "$(ratio "$cn" "$c400")"
printf '%-28s %-10s %-10s %-8s\n' "delete + deleted list" "$d400" "$dn" "$(ratio "$dn" "$d400")"
