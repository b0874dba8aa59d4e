#!/usr/bin/env bash
# Runs `npm test` several times, each on a fresh clone of one commit, to show the suite is not flaky:
# the first HOGGED runs beside a CPU-heavy process, Playwright retries off (the config has none). Stops at the first
# red run. Results go to $OUT/results.txt, each run's output to $OUT/run-N.log.
#   scripts/repeat-tests.sh [COMMIT] [RUNS=5] [HOGGED=3]
# HOG=build (default): each hogged run beside a `next build` loop of another clone.
# HOG=pair: hogged runs go two at a time, each the other's CPU hog (a whole `npm test`: build, Vitest, Chromium), so no
# machine time is spent on a hog's throwaway work; an odd one out runs beside the build loop.
# Uses ports 3500+10N and the next one (E2E_PORT, its realtime server), so it can run beside a development server.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
COMMIT="$(git -C "$REPO" rev-parse "${1:-HEAD}")"
RUNS="${2:-5}"
HOGGED="${3:-3}"
HOG="${HOG:-build}"
OUT="${OUT:-$(mktemp -d /tmp/musbook-repeat-XXXX)}"
mkdir -p "$OUT"
echo "commit $COMMIT, $RUNS runs, the first $HOGGED beside a CPU hog ($HOG); logs in $OUT" | tee "$OUT/results.txt"

clone() {
  rm -rf "$1"
  git clone -q "$REPO" "$1"
  git -C "$1" checkout -q "$COMMIT"
  (cd "$1" && npm ci --no-audit --no-fund >/dev/null 2>&1)
}

HOG_PID=""
start_build_hog() {
  clone "$OUT/hog"
  # A process group of its own, so stopping it stops every build it started.
  setsid bash -c "cd '$OUT/hog' && while true; do NEXT_TELEMETRY_DISABLED=1 npx next build >/dev/null 2>&1; done" &
  HOG_PID=$!
}
stop_build_hog() { if [ -n "$HOG_PID" ]; then kill -- -"$HOG_PID" 2>/dev/null || true; HOG_PID=""; fi; }
trap stop_build_hog EXIT

# run_test N BESIDE: one run on its own clone; writes its line to results.txt and returns non-zero when red.
run_test() {
  local run="$1" beside="$2" dir="$OUT/clone-$1" started result summary
  started=$(date +%s)
  if (cd "$dir" && CI=1 E2E_PORT=$((3500 + 10 * run)) npm test) >"$OUT/run-$run.log" 2>&1; then result=green; else result=RED; fi
  summary=$(grep -E "^\s+[0-9]+ (passed|failed|flaky)" "$OUT/run-$run.log" | tr -s ' ' | paste -sd, - || true)
  echo "run $run: $result in $(($(date +%s) - started)) s${beside:+, $beside}; e2e:$summary" | tee -a "$OUT/results.txt"
  rm -rf "$dir"
  [ "$result" = green ]
}

run=1
while [ "$run" -le "$RUNS" ]; do
  if [ "$HOG" = pair ] && [ "$run" -lt "$HOGGED" ]; then
    clone "$OUT/clone-$run"
    clone "$OUT/clone-$((run + 1))"
    run_test "$run" "beside run $((run + 1))" &
    first=$!
    run_test "$((run + 1))" "beside run $run" &
    second=$!
    wait "$first" && first_ok=1 || first_ok=0
    wait "$second" && second_ok=1 || second_ok=0
    [ "$first_ok$second_ok" = 11 ] || exit 1
    run=$((run + 2))
    continue
  fi
  clone "$OUT/clone-$run"
  beside=""
  if [ "$run" -le "$HOGGED" ]; then
    start_build_hog
    beside="beside a next build loop"
  fi
  run_test "$run" "$beside" && ok=1 || ok=0
  stop_build_hog
  [ "$ok" = 1 ] || exit 1
  run=$((run + 1))
done
echo "all $RUNS runs green" | tee -a "$OUT/results.txt"
