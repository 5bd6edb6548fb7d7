#!/usr/bin/env bash
# Benchmark 2: single-event ingest (POST /api/v1/drills/{id}/events, one durable event per request) against a bare
# Vert.x endpoint that reads the body and answers 202, under the same wrk load. Target: ratio >= 0.4. Then the
# acknowledgement latency of single events offered (open loop, by the load tool) at half the rate measured.
# Target: p99 <= 50 ms.
# Usage: bench/single.sh [connections] [seconds] [warm-up-seconds]   (needs wrk: apt-get install wrk)
# The JIT takes about a minute of this load to settle on Drillboard's path; both sides are warmed before measuring.
# The load tool's JVM compiles with C2 here, unlike lib.sh's default: its event loop sends every request, and with C1's
# slower code it had too little room left at half rate. Two runs each after 60 s of wrk, single events at 9,000/s:
# ack p50 245 and 5 ms, p99 641 and 146 ms with C1; p50 2 and 1 ms, p99 56 and 25 ms with C2 (bench/RESULTS.md).
: "${LOAD_JAVA_OPTS=}"
source "$(dirname "$0")/lib.sh"
CONNECTIONS=${1:-64}
SECONDS_RUN=${2:-15}
WARMUP=${3:-60}
BARE_PORT=$((PORT + 1))
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
build
WRK=(wrk -t1 -c "$CONNECTIONS" -d "${SECONDS_RUN}s" --latency -s "$BENCH_DIR/single.lua")

rate_of() { grep -o 'Requests/sec: *[0-9.]*' "$1" | grep -o '[0-9.]*$'; }

start_server
DRILL=$(new_drill)
URL="http://127.0.0.1:$PORT/api/v1/drills/$DRILL/events"
export BENCH_TOKEN=$TOKEN
echo "== Warm-up: $WARMUP s, not counted"
BENCH_RUN=warm-$RANDOM wrk -t1 -c "$CONNECTIONS" -d "${WARMUP}s" -s "$BENCH_DIR/single.lua" "$URL" > /dev/null
export BENCH_RUN=run-$RANDOM
# The group commits of the measured run, from /metrics before and after: events per commit, and how much of the run
# a commit was in flight (its insert stage included; with groups pipelined, the sum may pass 100%).
commit_totals() {
  curl -sf "http://127.0.0.1:$PORT/metrics" | awk '/^drillboard_event_commit_seconds_(count|sum)\{.*statement="insert"/ {
    if ($1 ~ /_count/) c = $2; else s = $2 } END { print c + 0, s + 0 }'
}
read -r COMMITS_BEFORE COMMIT_SECONDS_BEFORE <<< "$(commit_totals)"
# Where each event's CPU goes on the shared cores: server, PostgreSQL and wrk, and the server's thread switches.
SERVER_TICKS=$(cpu_ticks "$SERVER_PID"); POSTGRES_TICKS=$(postgres_ticks); SWITCHES=$(context_switches "$SERVER_PID")
echo "== Drillboard: ${WRK[*]} $URL"
"${WRK[@]}" "$URL" > "$WORK/drillboard.wrk" &
WRK_PID=$!
WRK_TICKS=0 # read until wrk exits, so at most half a second short
while kill -0 "$WRK_PID" 2> /dev/null; do WRK_TICKS=$(cpu_ticks "$WRK_PID" 2> /dev/null || echo "$WRK_TICKS"); sleep 0.5; done
wait "$WRK_PID"
cat "$WORK/drillboard.wrk"
SERVER_TICKS=$(($(cpu_ticks "$SERVER_PID") - SERVER_TICKS)); POSTGRES_TICKS=$(($(postgres_ticks) - POSTGRES_TICKS))
SWITCHES=$(($(context_switches "$SERVER_PID") - SWITCHES))
read -r COMMITS_AFTER COMMIT_SECONDS_AFTER <<< "$(commit_totals)"
NON_2XX=$(grep -o 'Non-2xx or 3xx responses: *[0-9]*' "$WORK/drillboard.wrk" | grep -o '[0-9]*$' || echo 0)
STORED=$(psql_bench -c "SELECT count(*) FROM events WHERE drill_id = '$DRILL' AND client_id LIKE '$BENCH_RUN-%'")
DRILLBOARD_RATE=$(rate_of "$WORK/drillboard.wrk")
HALF_RATE=$(python3 -c "print(round($DRILLBOARD_RATE / 2))")
echo "== Acknowledgement latency: load --batch 1 --rate $HALF_RATE (half the rate measured), 30 s, the first 15 s a rising ramp, not counted"
load_tool --drill "$DRILL" --rate "$HALF_RATE" \
  --duration 30s --warm-up 15s --batch 1 --connections "$CONNECTIONS" --json | tee "$WORK/latency.out" | tail -n 12
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true

java -cp "$JAR" "$BENCH_DIR/BareServer.java" "$BARE_PORT" > "$WORK/bare.log" 2>&1 &
BARE_PID=$!
trap 'kill $BARE_PID 2>/dev/null || true' EXIT
until grep -q "Bare endpoint" "$WORK/bare.log"; do sleep 0.2; done
echo "== Warm-up: $WARMUP s, not counted"
wrk -t1 -c "$CONNECTIONS" -d "${WARMUP}s" -s "$BENCH_DIR/single.lua" "http://127.0.0.1:$BARE_PORT/" > /dev/null
echo "== Bare Vert.x endpoint: ${WRK[*]} http://127.0.0.1:$BARE_PORT/"
"${WRK[@]}" "http://127.0.0.1:$BARE_PORT/" | tee "$WORK/bare.wrk"

BARE_RATE=$(rate_of "$WORK/bare.wrk")
echo
echo "drillboard_single_events_per_s=$DRILLBOARD_RATE  (non-2xx: ${NON_2XX:-0}; events of the measured run stored: $STORED)"
echo "bare_vertx_requests_per_s=$BARE_RATE"
echo "ratio=$(ratio "$DRILLBOARD_RATE" "$BARE_RATE")  (target >= 0.4)"
python3 - "$COMMITS_BEFORE" "$COMMITS_AFTER" "$COMMIT_SECONDS_BEFORE" "$COMMIT_SECONDS_AFTER" "$STORED" \
  "$SECONDS_RUN" <<'PY'
import sys
c0, c1, s0, s1, stored, run = map(float, sys.argv[1:])
commits = c1 - c0
print(f"group_commits={commits:.0f}  events_per_commit={stored / max(commits, 1):.1f}  "
      f"commit_in_flight_share={(s1 - s0) / run:.0%}")
PY
python3 -c "n = max($STORED, 1); us = lambda ticks: f'{ticks / $CLOCK_TICKS / n * 1e6:.1f}'
print(f'cpu_us_per_event server={us($SERVER_TICKS)} postgres={us($POSTGRES_TICKS)} wrk={us($WRK_TICKS)}  '
      f'server_thread_switches_per_event={$SWITCHES / n:.2f}')"
tail -n 1 "$WORK/latency.out" | python3 -c 'import sys, json
a = json.load(sys.stdin)["ackLatency"]
print("ack_at_half_rate_ms p50=%s p99=%s max=%s  (target p99 <= 50)" % (a["p50"], a["p99"], a["max"]))'
