#!/usr/bin/env bash
# Benchmark 6: takeover. Three clustered nodes on one PostgreSQL; a running drill owned by node b; the load tool injects
# RATE events/s through node a (forwarded to b) for SECONDS, and b is SIGKILLed halfway. Printed: when the new owner
# ran the drill (from its log), how long the drill went without answering (polled through node c), and the load's
# acknowledgement p99 and max against those of the same load, through the same node, with no kill (the baseline).
# Usage: bench/takeover.sh [events-per-second] [seconds]
source "$(dirname "$0")/lib.sh"
RATE=${1:-1000}
SECONDS_RUN=${2:-16}
build

start_server
shared_database
A=$((PORT + 11)); B=$((PORT + 12)); C=$((PORT + 13))
MEMBERS="127.0.0.1:$((PORT + 21)),127.0.0.1:$((PORT + 22)),127.0.0.1:$((PORT + 23))"
start_node a $A --cluster --cluster-port $((PORT + 21)) --cluster-members "$MEMBERS"
start_node b $B --cluster --cluster-port $((PORT + 22)) --cluster-members "$MEMBERS"
start_node c $C --cluster --cluster-port $((PORT + 23)) --cluster-members "$MEMBERS"

drill_on() { # port -> a new running drill (speed 60), owned by the node on that port
  local id
  id=$(new_drill "$1" 60)
  start_drill "$1" "$id"
  echo "$id"
}
load() { # drill output
  java -jar "$JAR" load --url "http://127.0.0.1:$A" --token "$TOKEN" --drill "$1" --rate "$RATE" \
    --duration "${SECONDS_RUN}s" --batch 10 --connections 16 --json | tail -n 1 > "$2"
}

echo "== warm-up through a into a drill of b, 10 s, not counted"
SECONDS_RUN=10 load "$(drill_on $B)" /dev/null
echo "== baseline: $RATE events/s through a into a drill of b, ${SECONDS_RUN}s"
load "$(drill_on $B)" "$WORK/baseline.json"
DRILL=$(drill_on $B)
echo "== takeover: the same into drill $DRILL, b killed after $((SECONDS_RUN / 2)) s"
load "$DRILL" "$WORK/takeover.json" &
LOAD_PID=$!
sleep $((SECONDS_RUN / 2))
KILLED_AT=$(date +%s.%N)
kill -9 "${NODE_PID[b]}"
# Through c, how long the drill does not answer (each poll waits 1 s at most).
until curl -sf -m 1 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$C/api/v1/drills/$DRILL" > /dev/null; do
  sleep 0.05
done
ANSWERED_AT=$(date +%s.%N)
wait $LOAD_PID
RAN_AT=$(grep -h "Running drill $DRILL" "$WORK/a.log" "$WORK/c.log" | head -n 1 | cut -c1-23)

python3 - "$WORK" "$KILLED_AT" "$ANSWERED_AT" "$RAN_AT" <<'PY'
import json, sys, datetime
work, killed, answered, ran = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
ran_at = datetime.datetime.strptime(ran, "%Y-%m-%d %H:%M:%S.%f").timestamp()  # the logs' local time
base, take = (json.load(open(f"{work}/{name}.json")) for name in ("baseline", "takeover"))
print()
print(f"new owner running the drill {(ran_at - killed) * 1000:.0f} ms after the kill (from its log)")
print(f"drill answering again through c {(answered - killed) * 1000:.0f} ms after the kill")
for name, s in (("baseline", base), ("takeover", take)):
    a = s["ackLatency"]
    print(f"{name}: acknowledged {s['acknowledged']} of {s['sent']}, failed {s['failed']}, ack p50 {a['p50']} ms,"
          f" p99 {a['p99']} ms, max {a['max']} ms")
print(f"ratio_ack_max_takeover_over_baseline={take['ackLatency']['max'] / max(base['ackLatency']['max'], 0.1):.2f}")
PY
