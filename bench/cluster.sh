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

start_server
shared_database

load() { # port drill rate subscribers batch connections output
  java -Xmx1g -jar "$JAR" load --url "http://127.0.0.1:$1" --token "$TOKEN" --drill "$2" --rate "$3" \
    --duration "${SECONDS_RUN}s" --subscribers "$4" --batch "$5" --connections "$6" --json | tail -n 1 > "$7"
}

# Runs both phases on nodes at ports $1 (and $2): warm-up, ingest, fan-out. Results in $WORK/$3-*.json.
measure() {
  local first=$1 second=$2 label=$3
  echo "== $label: warm-up, 10 s, not counted"
  SECONDS_RUN=10 load "$first" "$(new_drill "$first")" 20000 0 1000 8 /dev/null &
  local one=$!
  SECONDS_RUN=10 load "$second" "$(new_drill "$second")" 20000 0 1000 8 /dev/null &
  wait $one $!
  echo "== $label: ingest, two drills at $((INGEST_RATE / 2)) events/s offered each, ${SECONDS_RUN}s"
  load "$first" "$(new_drill "$first")" $((INGEST_RATE / 2)) 0 1000 8 "$WORK/$label-ingest-1.json" &
  one=$!
  load "$second" "$(new_drill "$second")" $((INGEST_RATE / 2)) 0 1000 8 "$WORK/$label-ingest-2.json" &
  wait $one $!
  local drill
  drill=$(new_drill "$first")
  start_drill "$first" "$drill"
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
