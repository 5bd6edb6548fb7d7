# Shared by the benchmark scripts: build the jar once, start a server on a scratch data dir, mint tokens.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
JAR="$ROOT/target/drillboard.jar"
WORK=${BENCH_WORK:-/tmp/drillboard-bench}
PORT=${BENCH_PORT:-18400}
SECRET=bench-secret-that-is-long-enough-for-hs256
# Extra JVM options for the server, e.g. SERVER_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/ingest.jfr
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
# The load tool's JVM, where it shares the cores with the server and PostgreSQL. In a 15 s batch run its C2 compiler
# took 3.2 s of CPU of the tool's 8.8 s; with C1 alone compiling took 0.3 s and the tool's event loop used no more
# CPU (bench/RESULTS.md, 2026-12-06 night). LOAD_JAVA_OPTS= (empty) gives the JVM's default, which single events need:
# bench/single.sh and bench/sync.sh set it so for them (bench/RESULTS.md, 2026-12-06 late night).
LOAD_JAVA_OPTS=${LOAD_JAVA_OPTS--XX:TieredStopAtLevel=1}

# load_tool [options...]: the load tool against the server of start_server, with its token and LOAD_JAVA_OPTS.
load_tool() {
  java $LOAD_JAVA_OPTS -jar "$JAR" load --url "http://127.0.0.1:$PORT" --token "$TOKEN" "$@"
}

build() {
  [ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q package -DskipTests)
}

start_server() {
  rm -rf "$WORK" && mkdir -p "$WORK"
  java -Xmx2g $SERVER_JAVA_OPTS -jar "$JAR" serve --host 127.0.0.1 --port "$PORT" --data-dir "$WORK/data" --jwt-secret "$SECRET" \
    --ingest-queue 400000 "$@" > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  trap 'kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break
    sleep 0.5
  done
  # The embedded PostgreSQL's port: line 4 of its postmaster.pid (the server's banner no longer names it).
  PG_PORT=$(sed -n 4p "$WORK/data/postgres/postmaster.pid")
  TOKEN=$(java -jar "$JAR" token --data-dir "$WORK/data" --jwt-secret "$SECRET" --role director --ttl 2h)
}

# new_drill [http-port] [speed] -> the id of a new drill of the seed scenario, created through that server.
new_drill() {
  curl -sf -H "Authorization: Bearer $TOKEN" -X POST "http://127.0.0.1:${1:-$PORT}/api/v1/drills" \
    -d "{\"scenarioId\":\"major-complaint\",\"speed\":${2:-1}}" \
    | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])'
}

# start_drill http-port drill
start_drill() {
  curl -sf -H "Authorization: Bearer $TOKEN" -X POST "http://127.0.0.1:$1/api/v1/drills/$2/start" > /dev/null
}

# Cluster benchmarks: nodes on a database of their own in the embedded PostgreSQL of start_server.
declare -A NODE_PID
shared_database() {
  psql_bench -c "CREATE DATABASE nodes"
  DB_URL="postgresql://postgres:postgres@127.0.0.1:$PG_PORT/nodes"
  trap 'kill "${NODE_PID[@]}" $SERVER_PID 2>/dev/null || true; wait 2>/dev/null || true' EXIT
}

# start_node name http-port [serve options...]: a node on $DB_URL, its pid in NODE_PID[name]; waits until healthy.
start_node() {
  local name=$1 port=$2
  shift 2
  java -Xmx2g $SERVER_JAVA_OPTS -jar "$JAR" serve --host 127.0.0.1 --port "$port" --data-dir "$WORK/$name" \
    --jwt-secret "$SECRET" --db-url "$DB_URL" --ingest-queue 400000 --node-name "$name" "$@" \
    > "$WORK/$name.log" 2>&1 &
  NODE_PID[$name]=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null && return
    sleep 0.5
  done
  echo "node $name did not start; see $WORK/$name.log" >&2
  exit 1
}

stop_nodes() {
  kill "${NODE_PID[@]}" 2>/dev/null || true
  wait "${NODE_PID[@]}" 2>/dev/null || true
  NODE_PID=()
}

psql_bench() {
  PGPASSWORD=postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

CLOCK_TICKS=$(getconf CLK_TCK)

cpu_ticks() { # pid [children] -> its user + system CPU time so far, in clock ticks (all its threads; with
  # "children", also those of its children that have exited)
  awk -v children="${2:-}" '{sub(/^.*\) /, ""); printf "%.0f\n", $12 + $13 + (children ? $14 + $15 : 0)}' "/proc/$1/stat"
}

# The embedded PostgreSQL's CPU time so far, in clock ticks: the postmaster with its exited backends, and every
# backend and worker still running.
postgres_ticks() {
  local postmaster
  postmaster=$(head -n 1 "$WORK/data/postgres/postmaster.pid")
  { cpu_ticks "$postmaster" children
    for child in $(pgrep -P "$postmaster"); do cpu_ticks "$child" 2>/dev/null || true; done; } | awk '{s += $1} END {print s + 0}'
}

context_switches() { # pid -> the context switches of all its threads so far, voluntary or not
  cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ {s += $2} END {print s + 0}'
}

# Seconds since the epoch, with nanoseconds.
now() { date +%s.%N; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
median() { python3 -c "import statistics,sys;print(round(statistics.median(float(x) for x in sys.argv[1:])))" "$@"; }
# json_field FILE EXPR: EXPR of d, the last line of the load tool's --json output in FILE (its summary).
json_field() { tail -n 1 "$1" | python3 -c "import sys,json;d=json.load(sys.stdin);print($2)"; }
# ack_latency FILE: that run's acknowledgement latency, as p50=... p99=... max=... (ms).
ack_latency() { json_field "$1" '"p50=%s p99=%s max=%s" % tuple(d["ackLatency"][k] for k in ("p50", "p99", "max"))'; }
