#!/usr/bin/env bash
# Benchmark 1: durable ingest through the batch endpoint against the raw rate of COPYing the same rows into the same
# PostgreSQL from a plain client. Targets: ratio >= 0.5 and >= 50,000 events/s on a 2-core machine.
# Usage: bench/ingest.sh [events-per-second-offered] [seconds] [connections]
source "$(dirname "$0")/lib.sh"
RATE=${1:-100000}
SECONDS_RUN=${2:-20}
CONNECTIONS=${3:-8}
build
start_server
WARMUP_DRILL=$(new_drill)
echo "== Warm-up (the JIT compiles the ingest path): 10 s into drill $WARMUP_DRILL, not counted"
java -jar "$JAR" load --url "http://127.0.0.1:$PORT" --token "$TOKEN" --drill "$WARMUP_DRILL" --rate 30000 \
  --duration 10s --batch 1000 --connections 8 --json | tail -n 1
DRILL=$(new_drill)
echo "== Drillboard: load --rate $RATE --batch 1000 --duration ${SECONDS_RUN}s --connections $CONNECTIONS into drill $DRILL"
java -jar "$JAR" load --url "http://127.0.0.1:$PORT" --token "$TOKEN" --drill "$DRILL" --rate "$RATE" \
  --duration "${SECONDS_RUN}s" --batch 1000 --connections "$CONNECTIONS" --json | tee "$WORK/load.out" | tail -n 12
DRILLBOARD_RATE=$(tail -n 1 "$WORK/load.out" | python3 -c 'import sys,json;print(json.load(sys.stdin)["throughput"])')

ROWS=$(psql_bench -c "SELECT count(*) FROM events WHERE drill_id = '$DRILL'")
echo "== Raw: COPY the same $ROWS rows into a copy of the events table, from psql"
psql_bench -c "CREATE TABLE events_raw (LIKE events INCLUDING ALL)"
psql_bench -c "\\copy (SELECT drill_id, seq, client_id, type, sim_time, wall_time, payload FROM events WHERE drill_id = '$DRILL') TO '$WORK/rows.csv' CSV"
START=$(now)
psql_bench -c "\\copy events_raw (drill_id, seq, client_id, type, sim_time, wall_time, payload) FROM '$WORK/rows.csv' CSV"
END=$(now)
RAW_RATE=$(python3 -c "print(round($ROWS / ($END - $START)))")
echo
echo "drillboard_batch_ingest_events_per_s=$DRILLBOARD_RATE"
echo "raw_copy_events_per_s=$RAW_RATE"
echo "ratio=$(ratio "$DRILLBOARD_RATE" "$RAW_RATE")  (target >= 0.5, and >= 50000 events/s)"
