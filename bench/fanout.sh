#!/usr/bin/env bash
# Benchmark 3: fan-out. SUBSCRIBERS WebSocket viewers of one drill while RATE events per second come in; end-to-end
# p99 (intended send -> on the viewer), viewers lost, server heap at its peak; against raw Vert.x broadcasting frames
# of the same size to the same viewers under the same load. Targets: p99 < 250 ms, no viewer lost, heap < 1 GB.
# Usage: bench/fanout.sh [subscribers] [events-per-second] [seconds]
source "$(dirname "$0")/lib.sh"
SUBSCRIBERS=${1:-2000}
RATE=${2:-10000}
SECONDS_RUN=${3:-30}
RAW_PORT=$((PORT + 2))
build

load() { # url drill -> the load tool's JSON summary
  java -Xmx1g -jar "$JAR" load --url "$1" --token "$TOKEN" --drill "$2" --rate "$RATE" --duration "${SECONDS_RUN}s" \
    --batch 100 --connections 32 --subscribers "$SUBSCRIBERS" --json | tail -n 1
}

start_server
echo "== Warm-up: 15 s at $RATE events/s with 100 viewers, not counted"
java -jar "$JAR" load --url "http://127.0.0.1:$PORT" --token "$TOKEN" --drill "$(new_drill)" --rate "$RATE" \
  --duration 15s --batch 100 --connections 32 --subscribers 100 --json | tail -n 1
DRILL=$(new_drill)
curl -sf -H "Authorization: Bearer $TOKEN" -X POST "http://127.0.0.1:$PORT/api/v1/drills/$DRILL/start" > /dev/null
echo "== Drillboard: $SUBSCRIBERS viewers of drill $DRILL (running), $RATE events/s for ${SECONDS_RUN}s"
# The server's heap in use, sampled each second (jstat: S0U S1U EU OU, in KB).
jstat -gc "$SERVER_PID" 1000 > "$WORK/jstat.txt" &
JSTAT_PID=$!
load "http://127.0.0.1:$PORT" "$DRILL" | tee "$WORK/drillboard.json"
kill "$JSTAT_PID"
PEAK_HEAP_KB=$(awk 'NR > 1 && $3 ~ /^[0-9.]+$/ {used = $3 + $4 + $6 + $8; if (used > peak) peak = used} END {printf "%d", peak}' "$WORK/jstat.txt")
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
FRAME_BYTES=$(python3 -c "import json;print(json.load(open('$WORK/drillboard.json'))['meanFrameBytes'])")

java -Xmx2g -cp "$JAR" "$BENCH_DIR/RawBroadcast.java" "$RAW_PORT" "$FRAME_BYTES" > "$WORK/raw.log" 2>&1 &
RAW_PID=$!
trap 'kill $RAW_PID 2>/dev/null || true' EXIT
until grep -q "Raw broadcast" "$WORK/raw.log"; do sleep 0.2; done
echo "== Raw Vert.x broadcast: the same load, frames of $FRAME_BYTES bytes"
load "http://127.0.0.1:$RAW_PORT" "dxxxxxxxxxxx" | tee "$WORK/raw.json"

python3 - "$WORK/drillboard.json" "$WORK/raw.json" "$PEAK_HEAP_KB" <<'PY'
import json, sys
d, r, heap = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), int(sys.argv[3])
print()
for name, s in (("drillboard", d), ("raw_broadcast", r)):
    e = s["endToEndLatency"]
    print(f"{name}: e2e p50={e['p50']} ms p99={e['p99']} ms max={e['max']} ms, subscribers lost {s['subscribersLost']}"
          f" of {s['subscribers']}, {s['frames']} frames of {s['meanFrameBytes']} bytes, ingest {s['throughput']}/s")
print(f"drillboard_peak_heap_mb={heap / 1024:.0f}  (target < 1024)")
print(f"ratio_p99_raw_over_drillboard={r['endToEndLatency']['p99'] / max(d['endToEndLatency']['p99'], 0.1):.2f}"
      f"  (target: drillboard p99 < 250 ms)")
PY
