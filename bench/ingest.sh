#!/usr/bin/env bash
# Benchmark 1: durable ingest through the batch endpoint against psql COPYing the same rows into the same table of
# the same PostgreSQL. Target: ratio >= 0.9. Then the acknowledgement latency of batches offered (open loop, ramped)
# at half the rate measured. Target: p99 <= 50 ms.
# Usage: bench/ingest.sh [events-per-second-offered] [seconds] [connections] [rounds]
#
# One run of either side says little on a shared 2-core machine: psql's own COPY has measured 91,000-150,000 rows/s
# between runs. So the two sides take turns, ROUNDS times, each from the same quiet start (a CHECKPOINT, no
# autovacuum on the table), and the medians are compared. The COPY goes into the events table itself, under a drill
# id of its own, so that both sides pay for the same indexes on a table of the same size.
source "$(dirname "$0")/lib.sh"
RATE=${1:-250000}
SECONDS_RUN=${2:-15}
CONNECTIONS=${3:-8}
ROUNDS=${4:-3}
build
start_server
# Autovacuum wakes at random after large inserts and would land in one side's run or the other's.
psql_bench -c "ALTER TABLE events SET (autovacuum_enabled = off)"
WARMUP_DRILL=$(new_drill)
echo "== Warm-up (the JIT compiles the ingest path): 10 s into drill $WARMUP_DRILL, not counted"
load_tool --drill "$WARMUP_DRILL" --rate 30000 \
  --duration 10s --batch 1000 --connections 8 --json | tail -n 1

# A quiet start: dirty pages written out, so no checkpoint falls due during the next side's run.
quiet() { psql_bench -c "CHECKPOINT"; }
# batches_into OUT-FILE RATE [load options...]: from a quiet start, batches of 1,000 into a new drill ($DRILL).
batches_into() {
  local out=$1 rate=$2
  shift 2
  quiet
  DRILL=$(new_drill)
  echo "== load --rate $rate --batch 1000 --connections $CONNECTIONS $* into drill $DRILL"
  load_tool --drill "$DRILL" --rate "$rate" \
    --batch 1000 --connections "$CONNECTIONS" --json "$@" > "$out"
}

DRILLBOARD_RATES=()
RAW_RATES=()
for ROUND in $(seq 1 "$ROUNDS"); do
  echo "== Round $ROUND: Drillboard, then psql"
  batches_into "$WORK/load-$ROUND.out" "$RATE" --duration "${SECONDS_RUN}s"
  DRILLBOARD_RATES+=("$(json_field "$WORK/load-$ROUND.out" 'd["throughput"]')")
  ROWS=$(psql_bench -c "SELECT count(*) FROM events WHERE drill_id = '$DRILL'")
  psql_bench -c "\\copy (SELECT 'raw-$ROUND', seq, client_id, type, sim_time, wall_time, payload FROM events WHERE drill_id = '$DRILL') TO '$WORK/rows.csv' CSV"
  quiet
  START=$(now)
  psql_bench -c "\\copy events (drill_id, seq, client_id, type, sim_time, wall_time, payload) FROM '$WORK/rows.csv' CSV"
  END=$(now)
  RAW_RATES+=("$(python3 -c "print(round($ROWS / ($END - $START)))")")
  echo "   Drillboard ${DRILLBOARD_RATES[-1]} events/s; psql COPY of the same $ROWS rows ${RAW_RATES[-1]} rows/s;" \
    "ratio $(ratio "${DRILLBOARD_RATES[-1]}" "${RAW_RATES[-1]}")"
done
DRILLBOARD_RATE=$(median "${DRILLBOARD_RATES[@]}")
RAW_RATE=$(median "${RAW_RATES[@]}")

HALF_RATE=$(python3 -c "print(round($DRILLBOARD_RATE / 2))")
P99S=()
for ROUND in $(seq 1 "$ROUNDS"); do
  echo "== Latency, round $ROUND: half the median rate, 30 s, the first 15 s a rising ramp, not counted"
  batches_into "$WORK/latency-$ROUND.out" "$HALF_RATE" --duration 30s --warm-up 15s
  P99S+=("$(json_field "$WORK/latency-$ROUND.out" 'd["ackLatency"]["p99"]')")
  echo "   ack p50 $(json_field "$WORK/latency-$ROUND.out" 'd["ackLatency"]["p50"]') ms, p99 ${P99S[-1]} ms"
done

echo
echo "drillboard_batch_ingest_events_per_s=$DRILLBOARD_RATE  (median of ${DRILLBOARD_RATES[*]})"
echo "raw_copy_events_per_s=$RAW_RATE  (median of ${RAW_RATES[*]})"
echo "ratio=$(ratio "$DRILLBOARD_RATE" "$RAW_RATE")  (target >= 0.9)"
echo "batch_ack_p99_ms_at_half_rate=$(median "${P99S[@]}")  (median of ${P99S[*]}; target <= 50)"
