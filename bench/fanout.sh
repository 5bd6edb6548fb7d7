#!/usr/bin/env bash
# Benchmark 3: fan-out. SUBSCRIBERS WebSocket viewers of one drill while RATE events per second come in; end-to-end
# p99 (intended send -> on the viewer), viewers lost, server heap at its peak; against raw Vert.x broadcasting frames
# of the same size to the same viewers under the same load. Targets: p99 < 250 ms, no viewer lost, heap < 1 GB.
# Also, for each run: the server's CPU, the bytes it wrote and the bytes through loopback; and during Drillboard's run,
# the latency of GET /api/v1/drills/{id} (what a page reads) asked 20 times a second.
# Usage: [DEFLATE=1] bench/fanout.sh [subscribers] [events-per-second] [seconds]
#   DEFLATE=1: the viewers offer permessage-deflate, as browsers do (the load tool's --deflate), in both runs.
source "$(dirname "$0")/lib.sh"
SUBSCRIBERS=${1:-2000}
RATE=${2:-10000}
SECONDS_RUN=${3:-30}
DEFLATE=${DEFLATE:-0}
RAW_PORT=$((PORT + 2))
DEFLATE_OPTION=()
VIEWERS_OFFER=""
if [ "$DEFLATE" = 1 ]; then
  DEFLATE_OPTION=(--deflate)
  VIEWERS_OFFER=", the viewers offering permessage-deflate"
fi
build

load() { # url drill -> the load tool's JSON summary
  java -Xmx1g -jar "$JAR" load --url "$1" --token "$TOKEN" --drill "$2" --rate "$RATE" --duration "${SECONDS_RUN}s" \
    --batch 100 --connections 32 --subscribers "$SUBSCRIBERS" "${DEFLATE_OPTION[@]}" --json | tail -n 1
}

loopback_bytes() { # bytes received + sent through lo (each byte counts twice: sent and received), by every process
  sed -n 's/^ *lo://p' /proc/net/dev | awk '{printf "%.0f\n", $1 + $9}'
}

written_bytes() { # pid -> the bytes it has written so far (sockets and files alike): unlike lo, no other process' traffic
  awk '$1 == "wchar:" {print $2}' "/proc/$1/io"
}

# measured name pid url drill: one load run, and the server's CPU and bytes over it, in $WORK/name.json, name.host.json
measured() {
  local name=$1 pid=$2 ticks_before bytes_before written_before started
  ticks_before=$(cpu_ticks "$pid")
  bytes_before=$(loopback_bytes)
  written_before=$(written_bytes "$pid")
  started=$(now)
  load "$3" "$4" | tee "$WORK/$name.json"
  python3 -c "import json,sys; json.dump({'cpu_seconds': ($(cpu_ticks "$pid") - $ticks_before) / $CLOCK_TICKS,
    'wall_seconds': $(now) - $started, 'loopback_bytes': $(loopback_bytes) - $bytes_before,
    'written_bytes': $(written_bytes "$pid") - $written_before}, sys.stdout)" \
    > "$WORK/$name.host.json"
}

# 2,000 viewers on one token: the per-token guards (1,000 streams, 2,000 connections) are for people, not this bench.
start_server --live-streams-per-token 0 --connections-per-token 0
echo "== Warm-up: 15 s at $RATE events/s with 100 viewers, not counted"
java -jar "$JAR" load --url "http://127.0.0.1:$PORT" --token "$TOKEN" --drill "$(new_drill)" --rate "$RATE" \
  --duration 15s --batch 100 --connections 32 --subscribers 100 "${DEFLATE_OPTION[@]}" --json | tail -n 1
DRILL=$(new_drill)
start_drill "$PORT" "$DRILL"
echo "== Drillboard: $SUBSCRIBERS viewers of drill $DRILL (running), $RATE events/s for ${SECONDS_RUN}s$VIEWERS_OFFER"
# The server's heap in use, sampled each second (jstat: S0U S1U EU OU, in KB).
jstat -gc "$SERVER_PID" 1000 > "$WORK/jstat.txt" &
JSTAT_PID=$!
# A page reading the drill while the viewers watch it: 20 GETs a second on one keep-alive connection, each timed
# from its intended send (a stall delays the ones behind it, and they count it), until told to stop.
python3 - "$PORT" "$DRILL" "$TOKEN" > "$WORK/get.json" <<'PY' &
import http.client, json, signal, sys, time
port, drill, token = sys.argv[1:4]
stopped = False
def stop(*_):
    global stopped
    stopped = True
signal.signal(signal.SIGTERM, stop)
connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
latencies, errors, start, sent = [], 0, time.monotonic(), 0
while not stopped:
    intended = start + sent * 0.05
    time.sleep(max(0.0, intended - time.monotonic()))
    sent += 1
    try:
        connection.request("GET", f"/api/v1/drills/{drill}", headers={"Authorization": f"Bearer {token}"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            errors += 1
            continue
        latencies.append((time.monotonic() - intended) * 1000)
    except (OSError, http.client.HTTPException):
        errors += 1
        connection.close()
latencies.sort()
at = lambda p: latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] if latencies else 0
json.dump({"count": len(latencies), "errors": errors, "p50": at(50), "p99": at(99), "max": at(100)}, sys.stdout)
PY
SAMPLER_PID=$!
trap 'kill $SAMPLER_PID $JSTAT_PID $SERVER_PID 2>/dev/null || true; wait 2>/dev/null || true' EXIT
measured drillboard "$SERVER_PID" "http://127.0.0.1:$PORT" "$DRILL"
kill "$SAMPLER_PID" "$JSTAT_PID"
wait "$SAMPLER_PID" || true
PEAK_HEAP_KB=$(awk 'NR > 1 && $3 ~ /^[0-9.]+$/ {used = $3 + $4 + $6 + $8; if (used > peak) peak = used} END {printf "%d", peak}' "$WORK/jstat.txt")
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
FRAME_BYTES=$(python3 -c "import json;print(json.load(open('$WORK/drillboard.json'))['meanFrameBytes'])")

java -Xmx2g -cp "$JAR" "$BENCH_DIR/RawBroadcast.java" "$RAW_PORT" "$FRAME_BYTES" > "$WORK/raw.log" 2>&1 &
RAW_PID=$!
trap 'kill $RAW_PID 2>/dev/null || true; wait $RAW_PID 2>/dev/null || true' EXIT
until grep -q "Raw broadcast" "$WORK/raw.log"; do sleep 0.2; done
echo "== Raw Vert.x broadcast: the same load, frames of $FRAME_BYTES bytes"
measured raw_broadcast "$RAW_PID" "http://127.0.0.1:$RAW_PORT" "dxxxxxxxxxxx"

python3 - "$WORK" "$PEAK_HEAP_KB" "$DEFLATE" <<'PY'
import json, sys
work, heap, deflate = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
runs = {name: (json.load(open(f"{work}/{name}.json")), json.load(open(f"{work}/{name}.host.json")))
        for name in ("drillboard", "raw_broadcast")}
print(f"\nviewers offering permessage-deflate: {'yes' if deflate else 'no'}")
for name, (s, host) in runs.items():
    e = s["endToEndLatency"]
    print(f"{name}_e2e_ms: p50={e['p50']} p99={e['p99']} max={e['max']} ({e['count']} events timed)")
    print(f"{name}_subscribers_lost={s['subscribersLost']} of {s['subscribers']}")
    print(f"{name}_frames={s['frames']} of {s['meanFrameBytes']} bytes on average (decompressed)")
    print(f"{name}_ingest={s['throughput']} events/s")
    print(f"{name}_server_cpu_seconds={host['cpu_seconds']:.1f} over {host['wall_seconds']:.1f} s"
          f" = {host['cpu_seconds'] / host['wall_seconds']:.2f} cores on average")
    print(f"{name}_loopback_mb={host['loopback_bytes'] / 1e6:.0f}"
          "  (rx + tx on lo, each byte counted twice; any other process' traffic on lo counts too)")
    print(f"{name}_server_written_mb={host['written_bytes'] / 1e6:.0f}"
          "  (all the server process wrote: frames, answers, and Drillboard's PostgreSQL and logs)")
get = json.load(open(f"{work}/get.json"))
print(f"drillboard_get_drill_ms: p50={get['p50']:.1f} p99={get['p99']:.1f} max={get['max']:.1f}"
      f" ({get['count']} answered, {get['errors']} failed)")
print(f"drillboard_peak_heap_mb={heap / 1024:.0f}  (target < 1024)")
d, r = runs["drillboard"][0], runs["raw_broadcast"][0]
print(f"ratio_p99_raw_over_drillboard={r['endToEndLatency']['p99'] / max(d['endToEndLatency']['p99'], 0.1):.2f}"
      f"  (target: drillboard p99 < 250 ms)")
PY
