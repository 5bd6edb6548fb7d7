#!/usr/bin/env bash
# Benchmark 4: the after-action report over one million stored events (a full fold of the projections), against
# reading the same rows raw with psql. Target: the report in under 3 seconds.
# Usage: bench/fold.sh [events]
source "$(dirname "$0")/lib.sh"
EVENTS=${1:-1000000}
build
start_server
DRILL=$(new_drill)
echo "== Loading $EVENTS events into drill $DRILL"
java -jar "$JAR" load --url "http://127.0.0.1:$PORT" --token "$TOKEN" --drill "$DRILL" --rate 80000 \
  --duration "$(( EVENTS / 80000 + 1 ))s" --batch 1000 --connections 8 --json | tail -n 1
curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/drills/$DRILL/report"
echo "== Report (JSON), three runs"
BEST=999
for _ in 1 2 3; do
  T=$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT/api/v1/drills/$DRILL/report")
  echo "report_seconds=$T"
  BEST=$(python3 -c "print(min($BEST, $T))")
done
echo "== Raw: read the same rows with psql"
START=$(now)
psql_bench -c "\\copy (SELECT seq, client_id, type, sim_time, wall_time, payload FROM events WHERE drill_id = '$DRILL' ORDER BY seq) TO '/dev/null'"
END=$(now)
RAW=$(python3 -c "print(round($END - $START, 3))")
ROWS=$(psql_bench -c "SELECT count(*) FROM events WHERE drill_id = '$DRILL'")
echo
echo "events=$ROWS"
echo "report_best_seconds=$BEST  (target < 3)"
echo "raw_read_seconds=$RAW"
echo "ratio_raw_over_report=$(ratio "$RAW" "$BEST")"
