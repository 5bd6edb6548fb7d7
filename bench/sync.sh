#!/usr/bin/env bash
# Where the acknowledgement tail of benchmarks 1 and 2 comes from: how long this storage takes to sync a small write
# (what every durable commit waits for), idle and then under a load offered at a fixed rate, side by side with that
# load's acknowledgement latency over the same seconds. A slow sync holds up every commit behind it, whatever the
# store does. Prints both sync distributions, the ratio of their p99.9, and the load's acknowledgement latency.
# Usage: bench/sync.sh [events-per-second] [batch] [seconds]
#   single events at half the rate bench/single.sh measures: bench/sync.sh 9000 1 30
#   batches at half the rate bench/ingest.sh measures:        bench/sync.sh 60000 1000 30
# Single events need the load tool compiled with C2, as in bench/single.sh; batches keep lib.sh's C1.
[ "${2:-1}" -gt 1 ] || : "${LOAD_JAVA_OPTS=}"
source "$(dirname "$0")/lib.sh"
RATE=${1:-9000}
BATCH=${2:-1}
SECONDS_RUN=${3:-30}
# Before anything is measured the server's JIT warms up under the same load: a minute, rising over its first half.
WARMUP=60
# The measured load rises to its rate over this long, not counted and not probed: the load tool starts cold too.
RAMP=15
build
probe() { # [seconds-before-measuring]
  java -cp "$JAR" "$BENCH_DIR/SyncProbe.java" "$WORK/sync-probe.dat" "$SECONDS_RUN" "${1:-0}"
}
field() { grep -o "$1=[0-9.]*" <<< "$2" | cut -d= -f2; }

rm -rf "$WORK" && mkdir -p "$WORK"
echo "== The storage idle: $SECONDS_RUN s"
IDLE=$(probe)
echo "$IDLE"

start_server
DRILL=$(new_drill)
CONNECTIONS=$([ "$BATCH" -gt 1 ] && echo 8 || echo 64)
load() { # seconds ramp-seconds
  load_tool --drill "$DRILL" \
    --rate "$RATE" --duration "$1s" --warm-up "$2s" --batch "$BATCH" --connections "$CONNECTIONS" --json
}
echo "== Warm-up: load --rate $RATE --batch $BATCH --connections $CONNECTIONS for $WARMUP s, not counted"
load "$WARMUP" "$((WARMUP / 2))" > /dev/null 2>&1
echo "== The same load: a $RAMP s ramp, then $SECONDS_RUN s counted and probed"
load "$((RAMP + SECONDS_RUN))" "$RAMP" > "$WORK/load.out" 2>&1 &
LOAD_PID=$!
LOADED=$(probe "$((RAMP + 1))") # the load tool's JVM takes about a second to start
echo "$LOADED"
wait "$LOAD_PID"
echo
echo "sync_p999_under_load_vs_idle=$(ratio "$(field p999 "$LOADED")" "$(field p999 "$IDLE")")  sync_max_ms idle=$(field max "$IDLE") under_load=$(field max "$LOADED")"
echo "slow_syncs_under_load: $(grep -o "slow_ms=.*" <<< "$LOADED")"
echo "ack_ms $(ack_latency "$WORK/load.out")  (offered $RATE events/s, acknowledged $(json_field "$WORK/load.out" 'd["throughput"]'))"
