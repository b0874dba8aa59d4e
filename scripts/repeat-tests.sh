#!/usr/bin/env bash
# Runs `npm test` several times in a row, each on a fresh clone of one commit, to show the suite is not flaky:
# the first HOGGED runs beside a CPU hog (`next build` of another clone, over and over), Playwright retries off (the
# config has none). Stops at the first red run. Results go to $OUT/results.txt, each run's output to $OUT/run-N.log.
#   scripts/repeat-tests.sh [COMMIT] [RUNS=5] [HOGGED=3]
# Uses ports 3510+N for the app under test (E2E_PORT), so it can run beside a development server.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
COMMIT="$(git -C "$REPO" rev-parse "${1:-HEAD}")"
RUNS="${2:-5}"
HOGGED="${3:-3}"
OUT="${OUT:-$(mktemp -d /tmp/musbook-repeat-XXXX)}"
mkdir -p "$OUT"
echo "commit $COMMIT, $RUNS runs, the first $HOGGED beside a CPU hog; logs in $OUT" | tee "$OUT/results.txt"

clone() {
  rm -rf "$1"
  git clone -q "$REPO" "$1"
  git -C "$1" checkout -q "$COMMIT"
  (cd "$1" && npm ci --no-audit --no-fund >/dev/null 2>&1)
}

HOG_PID=""
stop_hog() { if [ -n "$HOG_PID" ]; then kill -- -"$HOG_PID" 2>/dev/null || true; HOG_PID=""; fi; }
trap stop_hog EXIT

for run in $(seq 1 "$RUNS"); do
  dir="$OUT/clone-$run"
  clone "$dir"
  if [ "$run" -le "$HOGGED" ]; then
    clone "$OUT/hog"
    # A process group of its own, so stopping it stops every build it started.
    setsid bash -c "cd '$OUT/hog' && while true; do NEXT_TELEMETRY_DISABLED=1 npx next build >/dev/null 2>&1; done" &
    HOG_PID=$!
  fi
  started=$(date +%s)
  if (cd "$dir" && CI=1 E2E_PORT=$((3510 + run)) npm test) >"$OUT/run-$run.log" 2>&1; then result=green; else result=RED; fi
  stop_hog
  summary=$(grep -E "^\s+[0-9]+ (passed|failed|flaky)" "$OUT/run-$run.log" | tr -s ' ' | paste -sd, - || true)
  echo "run $run: $result in $(( $(date +%s) - started )) s$([ "$run" -le "$HOGGED" ] && echo ", beside a CPU hog"); e2e:$summary" | tee -a "$OUT/results.txt"
  rm -rf "$dir"
  [ "$result" = green ] || exit 1
done
echo "all $RUNS runs green" | tee -a "$OUT/results.txt"
