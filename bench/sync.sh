#!/usr/bin/env bash
# Benchmark 2's tail, explained or not: how long this disk takes to sync a small write (what every durable commit
# waits for), idle and then under the single-event load of bench/single.sh, on the file system of the server's data.
# A slow sync holds up every commit behind it, whatever the store does; if the disk alone stalls longer than the
# latency goal under load, so must each acknowledgement waiting for it. Prints both distributions, the ratio of their
# p99.9, and the slowest group commit of the same load (drillboard_event_commit_seconds_max).
# Usage: bench/sync.sh [connections] [seconds]   (needs wrk: apt-get install wrk)
source "$(dirname "$0")/lib.sh"
CONNECTIONS=${1:-64}
SECONDS_RUN=${2:-30}
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
build
probe() { java -cp "$JAR" "$BENCH_DIR/SyncProbe.java" "$WORK/sync-probe.dat" "$SECONDS_RUN"; }
field() { grep -o "$1=[0-9.]*" <<< "$2" | cut -d= -f2; }

rm -rf "$WORK" && mkdir -p "$WORK"
echo "== The disk idle: $SECONDS_RUN s"
IDLE=$(probe)
echo "$IDLE"

start_server
DRILL=$(new_drill)
export BENCH_TOKEN=$TOKEN BENCH_RUN=run-$RANDOM
WARMUP=20
echo "== The disk under single events (wrk -c $CONNECTIONS): $WARMUP s of load first, then $SECONDS_RUN s probed"
wrk -t1 -c "$CONNECTIONS" -d "$((WARMUP + SECONDS_RUN + 5))s" -s "$BENCH_DIR/single.lua" \
  "http://127.0.0.1:$PORT/api/v1/drills/$DRILL/events" > "$WORK/sync.wrk" &
WRK_PID=$!
sleep "$WARMUP"
LOADED=$(probe)
echo "$LOADED"
COMMIT_MAX=$(curl -sf "http://127.0.0.1:$PORT/metrics" \
  | awk '/^drillboard_event_commit_seconds_max\{.*statement="insert"/ {printf "%.1f", $2 * 1000}')
wait "$WRK_PID"
echo
echo "drillboard_single_events_per_s=$(grep -o 'Requests/sec: *[0-9.]*' "$WORK/sync.wrk" | grep -o '[0-9.]*$')"
echo "sync_p999_under_load_vs_idle=$(ratio "$(field p999 "$LOADED")" "$(field p999 "$IDLE")")  sync_max_ms idle=$(field max "$IDLE") under_load=$(field max "$LOADED")"
echo "slow_syncs_under_load: $(grep -o "slow_ms=.*" <<< "$LOADED")"
echo "slowest_group_commit_ms=$COMMIT_MAX  (the last two minutes, as Micrometer keeps a timer's max)"
