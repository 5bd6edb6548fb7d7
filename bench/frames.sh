#!/usr/bin/env bash
# Live frame sizes: one viewer watches a whole autopilot drill of the seed scenario, from its start until it ends, at
# each speed given. Prints the delta frames' sizes against the snapshot's (the whole view, which every frame was
# before deltas carried only what changed), and the same frames deflated as permessage-deflate would.
# Usage: bench/frames.sh [speeds]   (default "60 300"; speed 60 runs the 9 sim hours in 9 minutes;
#        a smoke run: bench/frames.sh 3600, about 10 s)
source "$(dirname "$0")/lib.sh"
SPEEDS=${1:-60 300}
build
start_server
for SPEED in $SPEEDS; do
  # A fixed seed, so that runs at one speed see the same opinion curve.
  DRILL=$(curl -sf -H "Authorization: Bearer $TOKEN" -X POST "http://127.0.0.1:$PORT/api/v1/drills" \
    -d "{\"scenarioId\":\"major-complaint\",\"speed\":$SPEED,\"autopilot\":true,\"seed\":42}" \
    | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  echo "== speed $SPEED: drill $DRILL, from its start until it ends"
  # FrameSizes connects the viewer, then starts the drill.
  java -cp "$JAR" "$BENCH_DIR/FrameSizes.java" "$PORT" "$TOKEN" "$DRILL" | sed "s/^/speed_${SPEED}_/"
done
