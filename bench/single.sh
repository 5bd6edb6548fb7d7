#!/usr/bin/env bash
# Benchmark 2: single-event ingest (POST /api/v1/drills/{id}/events, one durable event per request) against a bare
# Vert.x endpoint that reads the body and answers 202, under the same wrk load. Target: ratio >= 0.4. Then the
# acknowledgement latency of single events offered (open loop, by the load tool) at half the rate measured.
# Target: p99 <= 50 ms.
# Usage: bench/single.sh [connections] [seconds] [warm-up-seconds] [rounds]   (needs wrk: apt-get install wrk)
# One run of either side says little on a shared 2-core machine: the bare endpoint alone has measured 48,000-77,000
# requests/s from one run to the next. So both servers stay up, the two sides take turns ROUNDS times under the same
# wrk command, and the medians are compared, as in bench/ingest.sh.
# The JIT takes about a minute of this load to settle on Drillboard's path; both sides are warmed before measuring.
# The load tool's JVM compiles with C2 here, unlike lib.sh's default: its event loop sends every request, and with C1's
# slower code it had too little room left at half rate. Two runs each after 60 s of wrk, single events at 9,000/s:
# ack p50 245 and 5 ms, p99 641 and 146 ms with C1; p50 2 and 1 ms, p99 56 and 25 ms with C2 (bench/RESULTS.md).
: "${LOAD_JAVA_OPTS=}"
source "$(dirname "$0")/lib.sh"
CONNECTIONS=${1:-64}
SECONDS_RUN=${2:-15}
WARMUP=${3:-60}
ROUNDS=${4:-3}
BARE_PORT=$((PORT + 1))
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
build
# single_events SECONDS URL: wrk's load of single events, one thread, CONNECTIONS connections.
single_events() { wrk -t1 -c "$CONNECTIONS" -d "$1s" --latency -s "$BENCH_DIR/single.lua" "$2"; }

rate_of() { grep -o 'Requests/sec: *[0-9.]*' "$1" | grep -o '[0-9.]*$'; }

start_server
java -cp "$JAR" "$BENCH_DIR/BareServer.java" "$BARE_PORT" > "$WORK/bare.log" 2>&1 &
BARE_PID=$!
trap 'kill $BARE_PID $SERVER_PID 2>/dev/null || true; wait $BARE_PID $SERVER_PID 2>/dev/null || true' EXIT
until grep -q "Bare endpoint" "$WORK/bare.log"; do sleep 0.2; done
DRILL=$(new_drill)
URL="http://127.0.0.1:$PORT/api/v1/drills/$DRILL/events"
BARE_URL="http://127.0.0.1:$BARE_PORT/"
export BENCH_TOKEN=$TOKEN
echo "== Warm-up: $WARMUP s on each side, not counted"
BENCH_RUN=warm-$RANDOM single_events "$WARMUP" "$URL" > /dev/null
single_events "$WARMUP" "$BARE_URL" > /dev/null
# Each round's client ids start with RUN-ROUND, so that the events of the measured rounds can be counted apart.
RUN=run-$RANDOM
# The group commits of the measured rounds, from /metrics before and after: events per commit, and how much of
# Drillboard's turns a commit was in flight (its insert stage included; with groups pipelined, the sum may pass 100%).
commit_totals() {
  curl -sf "http://127.0.0.1:$PORT/metrics" | awk '/^drillboard_event_commit_seconds_(count|sum)\{.*statement="insert"/ {
    if ($1 ~ /_count/) c = $2; else s = $2 } END { print c + 0, s + 0 }'
}
read -r COMMITS_BEFORE COMMIT_SECONDS_BEFORE <<< "$(commit_totals)"
# Where each event's CPU goes on the shared cores in Drillboard's turns: server, PostgreSQL and wrk, and the server's
# thread switches, summed over the rounds.
SERVER_TICKS=0 POSTGRES_TICKS=0 WRK_TICKS=0 SWITCHES=0 NON_2XX=0
DRILLBOARD_RATES=()
BARE_RATES=()
# drillboard_turn ROUND: one measured wrk run against Drillboard, with the CPU it took.
drillboard_turn() {
  local server postgres switches wrk_pid wrk_ticks=0 # wrk's CPU, read until it exits: at most half a second short
  server=$(cpu_ticks "$SERVER_PID"); postgres=$(postgres_ticks); switches=$(context_switches "$SERVER_PID")
  BENCH_RUN=$RUN-$1 single_events "$SECONDS_RUN" "$URL" > "$WORK/drillboard-$1.wrk" &
  wrk_pid=$!
  while kill -0 "$wrk_pid" 2> /dev/null; do wrk_ticks=$(cpu_ticks "$wrk_pid" 2> /dev/null || echo "$wrk_ticks"); sleep 0.5; done
  wait "$wrk_pid"
  SERVER_TICKS=$((SERVER_TICKS + $(cpu_ticks "$SERVER_PID") - server))
  POSTGRES_TICKS=$((POSTGRES_TICKS + $(postgres_ticks) - postgres))
  SWITCHES=$((SWITCHES + $(context_switches "$SERVER_PID") - switches))
  WRK_TICKS=$((WRK_TICKS + wrk_ticks))
  NON_2XX=$((NON_2XX + $(grep -o 'Non-2xx or 3xx responses: *[0-9]*' "$WORK/drillboard-$1.wrk" | grep -o '[0-9]*$' || echo 0)))
  DRILLBOARD_RATES+=("$(rate_of "$WORK/drillboard-$1.wrk")")
}
for ROUND in $(seq 1 "$ROUNDS"); do
  echo "== Round $ROUND: Drillboard, then the bare endpoint: wrk -t1 -c $CONNECTIONS -d ${SECONDS_RUN}s, single.lua"
  drillboard_turn "$ROUND"
  single_events "$SECONDS_RUN" "$BARE_URL" > "$WORK/bare-$ROUND.wrk"
  BARE_RATES+=("$(rate_of "$WORK/bare-$ROUND.wrk")")
  echo "   Drillboard ${DRILLBOARD_RATES[-1]} events/s, bare Vert.x ${BARE_RATES[-1]} requests/s," \
    "ratio $(ratio "${DRILLBOARD_RATES[-1]}" "${BARE_RATES[-1]}")"
done
echo "   wrk's whole output, latencies included: $WORK/drillboard-N.wrk and $WORK/bare-N.wrk"
read -r COMMITS_AFTER COMMIT_SECONDS_AFTER <<< "$(commit_totals)"
STORED=$(psql_bench -c "SELECT count(*) FROM events WHERE drill_id = '$DRILL' AND client_id LIKE '$RUN-%'")
DRILLBOARD_RATE=$(median "${DRILLBOARD_RATES[@]}")
BARE_RATE=$(median "${BARE_RATES[@]}")
kill "$BARE_PID"; wait "$BARE_PID" 2>/dev/null || true

HALF_RATE=$(python3 -c "print(round($DRILLBOARD_RATE / 2))")
echo "== Acknowledgement latency: load --batch 1 --rate $HALF_RATE (half the median rate), 30 s, the first 15 s a rising ramp, not counted"
load_tool --drill "$DRILL" --rate "$HALF_RATE" \
  --duration 30s --warm-up 15s --batch 1 --connections "$CONNECTIONS" --json | tee "$WORK/latency.out" | tail -n 12

echo
echo "drillboard_single_events_per_s=$DRILLBOARD_RATE  (median of ${DRILLBOARD_RATES[*]}; non-2xx: $NON_2XX; events of the measured rounds stored: $STORED)"
echo "bare_vertx_requests_per_s=$BARE_RATE  (median of ${BARE_RATES[*]})"
echo "ratio=$(ratio "$DRILLBOARD_RATE" "$BARE_RATE")  (target >= 0.4)"
python3 - "$COMMITS_BEFORE" "$COMMITS_AFTER" "$COMMIT_SECONDS_BEFORE" "$COMMIT_SECONDS_AFTER" "$STORED" \
  "$((SECONDS_RUN * ROUNDS))" <<'PY'
import sys
c0, c1, s0, s1, stored, run = map(float, sys.argv[1:])
commits = c1 - c0
print(f"group_commits={commits:.0f}  events_per_commit={stored / max(commits, 1):.1f}  "
      f"commit_in_flight_share={(s1 - s0) / run:.0%}")
PY
python3 -c "n = max($STORED, 1); us = lambda ticks: f'{ticks / $CLOCK_TICKS / n * 1e6:.1f}'
print(f'cpu_us_per_event server={us($SERVER_TICKS)} postgres={us($POSTGRES_TICKS)} wrk={us($WRK_TICKS)}  '
      f'server_thread_switches_per_event={$SWITCHES / n:.2f}')"
echo "ack_at_half_rate_ms $(ack_latency "$WORK/latency.out")  (target p99 <= 50)"
