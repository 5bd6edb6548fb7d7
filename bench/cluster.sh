#!/usr/bin/env bash
# Benchmark 5: scale-out. The same load on two clustered nodes and on one node, both on one PostgreSQL, on this
# machine; printed as ratios (two nodes / one node).
#  - Ingest: two drills, each fed at full rate through the batch endpoint by a load tool of its own. On two nodes
#    each drill runs on the node its load goes to. The ratio is the summed throughput.
#  - Fan-out: one running drill; two load tools each inject RATE/2 events/s and hold SUBSCRIBERS/2 viewers. On two
#    nodes they go to different nodes, so half the events are forwarded to the drill's owner and half the viewers get
#    their frames over the event bus. The ratio is the end-to-end p99 (one node's over two nodes').
# Usage: bench/cluster.sh [subscribers] [fan-out events-per-second] [seconds]
source "$(dirname "$0")/lib.sh"
SUBSCRIBERS=${1:-500}
RATE=${2:-2000}
SECONDS_RUN=${3:-20}
INGEST_RATE=60000
build

# The PostgreSQL: the embedded one of a server started only for it; the nodes use a database of their own in it.
start_server
psql_bench -c "CREATE DATABASE nodes"
DB_URL="postgresql://postgres:postgres@127.0.0.1:$PG_PORT/nodes"
NODE_PIDS=()
trap 'kill "${NODE_PIDS[@]}" $SERVER_PID 2>/dev/null || true; wait 2>/dev/null || true' EXIT

start_node() { # name http-port [serve options...]
  local name=$1 port=$2
  shift 2
  java -Xmx2g $SERVER_JAVA_OPTS -jar "$JAR" serve --host 127.0.0.1 --port "$port" --data-dir "$WORK/$name" \
    --jwt-secret "$SECRET" --db-url "$DB_URL" --ingest-queue 400000 --node-name "$name" "$@" \
    > "$WORK/$name.log" 2>&1 &
  NODE_PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null && return
    sleep 0.5
  done
  echo "node $name did not start; see $WORK/$name.log" >&2
  exit 1
}

stop_nodes() {
  kill "${NODE_PIDS[@]}" 2>/dev/null || true
  wait "${NODE_PIDS[@]}" 2>/dev/null || true
  NODE_PIDS=()
}

drill_on() { # port [start] -> a new drill, run by the node on that port
  local id
  id=$(curl -sf -H "Authorization: Bearer $TOKEN" -X POST "http://127.0.0.1:$1/api/v1/drills" \
    -d '{"scenarioId":"major-complaint","speed":1}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  if [ "${2:-}" = start ]; then
    curl -sf -H "Authorization: Bearer $TOKEN" -X POST "http://127.0.0.1:$1/api/v1/drills/$id/start" > /dev/null
  fi
  echo "$id"
}

load() { # port drill rate subscribers batch connections output
  java -Xmx1g -jar "$JAR" load --url "http://127.0.0.1:$1" --token "$TOKEN" --drill "$2" --rate "$3" \
    --duration "${SECONDS_RUN}s" --subscribers "$4" --batch "$5" --connections "$6" --json | tail -n 1 > "$7"
}

# Runs both phases on nodes at ports $1 (and $2): warm-up, ingest, fan-out. Results in $WORK/$3-*.json.
measure() {
  local first=$1 second=$2 label=$3
  echo "== $label: warm-up, 10 s, not counted"
  SECONDS_RUN=10 load "$first" "$(drill_on "$first")" 20000 0 1000 8 /dev/null &
  local one=$!
  SECONDS_RUN=10 load "$second" "$(drill_on "$second")" 20000 0 1000 8 /dev/null &
  wait $one $!
  echo "== $label: ingest, two drills at $((INGEST_RATE / 2)) events/s offered each, ${SECONDS_RUN}s"
  load "$first" "$(drill_on "$first")" $((INGEST_RATE / 2)) 0 1000 8 "$WORK/$label-ingest-1.json" &
  one=$!
  load "$second" "$(drill_on "$second")" $((INGEST_RATE / 2)) 0 1000 8 "$WORK/$label-ingest-2.json" &
  wait $one $!
  local drill
  drill=$(drill_on "$first" start)
  echo "== $label: fan-out, $SUBSCRIBERS viewers of drill $drill, $RATE events/s, ${SECONDS_RUN}s"
  load "$first" "$drill" $((RATE / 2)) $((SUBSCRIBERS / 2)) 10 16 "$WORK/$label-fanout-1.json" &
  one=$!
  load "$second" "$drill" $((RATE / 2)) $((SUBSCRIBERS / 2)) 10 16 "$WORK/$label-fanout-2.json" &
  wait $one $!
}

ONE=$((PORT + 10)); A=$((PORT + 11)); B=$((PORT + 12))
start_node one "$ONE"
measure "$ONE" "$ONE" one-node
stop_nodes

HZ_A=$((PORT + 21)); HZ_B=$((PORT + 22))
MEMBERS="127.0.0.1:$HZ_A,127.0.0.1:$HZ_B"
start_node a "$A" --cluster --cluster-port "$HZ_A" --cluster-members "$MEMBERS"
start_node b "$B" --cluster --cluster-port "$HZ_B" --cluster-members "$MEMBERS"
measure "$A" "$B" two-nodes
stop_nodes

python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
def read(label, kind):
    return [json.load(open(f"{work}/{label}-{kind}-{i}.json")) for i in (1, 2)]
print()
ingest = {}
for label in ("one-node", "two-nodes"):
    runs = read(label, "ingest")
    ingest[label] = sum(r["throughput"] for r in runs)
    print(f"{label}: ingest {ingest[label]} events/s ({' + '.join(str(r['throughput']) for r in runs)}),"
          f" failed {sum(sum(r['failed'].values()) for r in runs)}")
p99 = {}
for label in ("one-node", "two-nodes"):
    runs = read(label, "fanout")
    p99[label] = max(r["endToEndLatency"]["p99"] for r in runs)
    print(f"{label}: fan-out e2e p50 {max(r['endToEndLatency']['p50'] for r in runs)} ms, p99 {p99[label]} ms,"
          f" viewers lost {sum(r['subscribersLost'] for r in runs)} of {sum(r['subscribers'] for r in runs)},"
          f" ingest {sum(r['throughput'] for r in runs)}/s")
print(f"ratio_ingest_two_over_one={ingest['two-nodes'] / max(ingest['one-node'], 1):.2f}")
print(f"ratio_fanout_p99_one_over_two={p99['one-node'] / max(p99['two-nodes'], 0.1):.2f}  (above 1: two nodes faster)")
PY
