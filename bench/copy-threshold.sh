#!/usr/bin/env bash
# Where the event store's COPY starts to pay against its INSERT: groups of each size, one at a time, written both ways
# into the embedded PostgreSQL of a scratch server. EventWriter.COPY_FROM is picked from this.
# Usage: bench/copy-threshold.sh [seconds-per-size]
source "$(dirname "$0")/lib.sh"
build
start_server
java -cp "$JAR" "$BENCH_DIR/CopyThreshold.java" "postgresql://postgres:postgres@127.0.0.1:$PG_PORT/postgres" \
  "${1:-5}" 2>/dev/null
