#!/usr/bin/env bash
# Cold `stdc check standards/2026` against `node -e 0`, N rounds alternating (default 21), medians in ms.
# BEFORE=dir adds an older build to the same rounds: a folder holding that checkout's bin/ and dist/ (copied
# inside this checkout, e.g. tmp/old/, so that its ajv runtime resolves from node_modules here).
#   bash bench/cold-start.sh                 N=41 BEFORE=tmp/old bash bench/cold-start.sh
set -euo pipefail
N=${N:-21}
runs=("node -e 0" "node bin/stdc.js check standards/2026")
[ -n "${BEFORE:-}" ] && runs+=("node $BEFORE/bin/stdc.js check standards/2026")
for c in "${runs[@]}"; do $c >/dev/null 2>&1 || true; done # a first run leaves each build's code cache
for i in $(seq "$N"); do
  for c in "${runs[@]}"; do
    s=$(date +%s%N); $c >/dev/null 2>&1 || true; e=$(date +%s%N); echo "$c|$(( (e - s) / 1000 ))"
  done
done | awk -F'|' '{ t[$1] = t[$1] " " $2 } END {
  for (k in t) { n = split(t[k], v, " "); asort(v); m[k] = v[int((n + 1) / 2)] / 1000 }
  for (k in m) printf "%-55s median %6.1f ms  %.2f× node -e 0\n", k, m[k], m[k] / m["node -e 0"] }'
