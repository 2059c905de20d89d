#!/usr/bin/env bash
# Load harness for Vigil's probe engine: N http probes against a local target server, measured
# from the outside over a fixed window. See BENCHMARKS.md for what is measured and how.
#
#   bench/probe-load.sh [--probes 2000] [--interval 1s] [--warmup 30s] [--duration 60s]
#                       [--port 18080] [--target-port 18081] [--retention 2m]
#                       [--jvm-opts "-Xmx256m"] [--target-check 10s|0] [--jfr] [--diagnose]
#                       [--jar PATH] [--out DIR]
#
# Every option can also be given in the environment: PROBES, INTERVAL, WARMUP, DURATION, PORT,
# TARGET_PORT, RETENTION, JVM_OPTS, TARGET_CHECK, JFR=1, DIAGNOSE=1, JAR, OUT.
#   --jar           the quarkus-run.jar to measure (default: target/ of this repository, built if
#                   missing)
#   --target-check  first drive the target alone at the probe rate for this long (0: skip)
#   --jfr           record JFR (profile settings) over the measurement window, to OUT/window.jfr
#   --diagnose      start Vigil with native memory tracking; after the window save a thread dump,
#                   heap info, class histogram, NMT summary and smaps_rollup to OUT (not part of
#                   the figures)
#
# Prints a Markdown table of results on stdout and writes nothing into the repository (logs,
# config, scrapes and results.json go to OUT, a fresh temp directory unless given). Everything
# listens on 127.0.0.1; every wait is bounded; every process started here is stopped on exit.
set -euo pipefail

PROBES=${PROBES:-2000}
INTERVAL=${INTERVAL:-1s}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-60s}
PORT=${PORT:-18080}
TARGET_PORT=${TARGET_PORT:-}
RETENTION=${RETENTION:-2m}
JVM_OPTS=${JVM_OPTS:-}
TARGET_CHECK=${TARGET_CHECK:-10s}
JFR=${JFR:-0}
DIAGNOSE=${DIAGNOSE:-0}
OUT=${OUT:-}
JAR=${JAR:-}
READY_TIMEOUT=180

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --probes) PROBES=$2; shift 2 ;;
    --interval) INTERVAL=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --target-port) TARGET_PORT=$2; shift 2 ;;
    --retention) RETENTION=$2; shift 2 ;;
    --jvm-opts) JVM_OPTS=$2; shift 2 ;;
    --target-check) TARGET_CHECK=$2; shift 2 ;;
    --jfr) JFR=1; shift ;;
    --diagnose) DIAGNOSE=1; shift ;;
    --out) OUT=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
TARGET_PORT=${TARGET_PORT:-$((PORT + 1))}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
MEASURE=("python3" "$BENCH_DIR/measure.py")
log() { printf '[probe-load %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- a JDK >= 21 and the jar (bench/lib.sh) ----
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"
locate_jdk_and_jar

INTERVAL_S=$("${MEASURE[@]}" seconds "$INTERVAL")
WARMUP_S=$("${MEASURE[@]}" seconds "$WARMUP")
DURATION_S=$("${MEASURE[@]}" seconds "$DURATION")
TARGET_CHECK_S=$("${MEASURE[@]}" seconds "$TARGET_CHECK")
RATE=$(python3 -c "import math; print(max(1, math.ceil($PROBES / $INTERVAL_S)))")

if [ -z "$OUT" ]; then
  OUT=$(mktemp -d /tmp/vigil-bench.XXXXXX)
fi
rm -rf "$OUT/run"   # Vigil's working directory (H2 under ./data): every run starts empty
mkdir -p "$OUT/run"
OUT=$(cd "$OUT" && pwd)

# ---- cleanup (bench/lib.sh) and free ports ----
ARTIFACTS="config, logs, scrapes, results.json"
require_free_ports --port/--target-port "$PORT" "$TARGET_PORT"

LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before the run: $LOADAVG (uptime: $(uptime))"

# ---- target server ----
log "starting the target server on 127.0.0.1:$TARGET_PORT"
"$JAVA" -Xmx64m -XX:+UseSerialGC "$BENCH_DIR/TargetServer.java" serve "$TARGET_PORT" >"$OUT/target.log" 2>&1 &
TARGET_PID=$!
PIDS+=("$TARGET_PID")
for _ in $(seq 1 150); do
  if curl -fs --max-time 5 -o /dev/null "http://127.0.0.1:$TARGET_PORT/ready" 2>/dev/null; then break; fi
  kill -0 "$TARGET_PID" 2>/dev/null || { cat "$OUT/target.log" >&2; echo "target server died" >&2; exit 1; }
  sleep 0.2
done
curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$TARGET_PORT/ready" || { echo "target server did not come up" >&2; exit 1; }

TARGET_CHECK_JSON="{}"
if [ "$TARGET_CHECK_S" != "0" ]; then
  CHECK_SECONDS=$(python3 -c "import math; print(max(1, math.ceil($TARGET_CHECK_S)))")
  log "target check: $RATE new connections/s for ${CHECK_SECONDS}s, without Vigil"
  TARGET_CHECK_JSON=$(timeout $((CHECK_SECONDS + 60)) "$JAVA" "$BENCH_DIR/TargetServer.java" \
    load "$TARGET_PORT" "$RATE" "$CHECK_SECONDS" "$TARGET_PID")
  echo "$TARGET_CHECK_JSON" >"$OUT/target-check.json"
  log "target check: $TARGET_CHECK_JSON"
fi

# ---- Vigil ----
"${MEASURE[@]}" config --probes "$PROBES" --interval "$INTERVAL" \
  --target-url "http://127.0.0.1:$TARGET_PORT" --out "$OUT/vigil.yaml"
log "starting Vigil on 127.0.0.1:$PORT with $PROBES http probes every $INTERVAL (history retention $RETENTION)"
# shellcheck disable=SC2086 # JVM_OPTS is a list of options
(
  cd "$OUT/run"
  export VIGIL_CONFIG="$OUT/vigil.yaml" PORT VIGIL_HISTORY_RETENTION="$RETENTION"
  export QUARKUS_HTTP_HOST=127.0.0.1
  NMT=()
  [ "$DIAGNOSE" = "1" ] && NMT=(-XX:NativeMemoryTracking=summary)
  exec "$JAVA" "${NMT[@]}" $JVM_OPTS -jar "$JAR"
) >"$OUT/vigil.log" 2>&1 &
VIGIL_PID=$!
PIDS+=("$VIGIL_PID")

started=$SECONDS
until curl -fs --max-time 5 -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; do
  kill -0 "$VIGIL_PID" 2>/dev/null || { tail -n 40 "$OUT/vigil.log" >&2; echo "Vigil exited during start-up" >&2; exit 1; }
  if [ $((SECONDS - started)) -ge "$READY_TIMEOUT" ]; then
    tail -n 40 "$OUT/vigil.log" >&2; echo "Vigil not ready after ${READY_TIMEOUT}s" >&2; exit 1
  fi
  sleep 0.5
done
log "Vigil ready after $((SECONDS - started))s (pid $VIGIL_PID); warming up for ${WARMUP_S}s"
sleep "$WARMUP_S"
kill -0 "$VIGIL_PID" 2>/dev/null || { echo "Vigil exited during warm-up" >&2; exit 1; }

if [ "$JFR" = "1" ]; then
  log "JFR recording over the window -> $OUT/window.jfr"
  timeout 60 "$JAVA_HOME/bin/jcmd" "$VIGIL_PID" JFR.start name=bench settings=profile \
    "duration=$(python3 -c "import math; print(math.ceil($DURATION_S))")s" filename="$OUT/window.jfr" >/dev/null
fi

log "measuring for ${DURATION_S}s"
"${MEASURE[@]}" measure --pid "$VIGIL_PID" --target-pid "$TARGET_PID" \
  --metrics-url "http://127.0.0.1:$PORT/q/metrics" --target-url "http://127.0.0.1:$TARGET_PORT" \
  --target-port "$TARGET_PORT" --duration "$DURATION_S" --out "$OUT" \
  --meta "probes=$PROBES" --meta "interval=$INTERVAL" --meta "interval_seconds=$INTERVAL_S" \
  --meta "warmup=$WARMUP" --meta "retention=$RETENTION" --meta "jvm_opts=$JVM_OPTS" \
  --meta "jdk=$JDK_DESC" --meta "loadavg=$LOADAVG" --meta "jar=$JAR" | tee "$OUT/results.md"

if [ "$TARGET_CHECK_JSON" != "{}" ]; then
  python3 - "$TARGET_CHECK_JSON" <<'EOF' | tee -a "$OUT/results.md"
import json, sys
c = json.loads(sys.argv[1])
print(f"\nTarget alone (before Vigil started): {c['achieved_rate']:.0f} of {c['requested_rate']} new connections/s "
      f"for {c['seconds']} s, {c['errors']} errors, latency p50 {c['latency_p50_ms']:.1f} ms / "
      f"p99 {c['latency_p99_ms']:.1f} ms, server CPU {c['server_cpu_s_per_1000']:.3f} s per 1,000 requests")
EOF
fi
if [ "$DIAGNOSE" = "1" ]; then
  log "diagnostics (after the window) -> $OUT/diag-*.txt"
  cp "/proc/$VIGIL_PID/smaps_rollup" "$OUT/diag-smaps_rollup.txt" 2>/dev/null || true
  for cmd in Thread.print GC.heap_info VM.native_memory GC.class_histogram; do
    arg=""; [ "$cmd" = "VM.native_memory" ] && arg=summary
    timeout 60 "$JAVA_HOME/bin/jcmd" "$VIGIL_PID" "$cmd" $arg >"$OUT/diag-$cmd.txt" 2>&1 || true
  done
fi
if [ "$JFR" = "1" ]; then
  sleep 2
  log "JFR: $OUT/window.jfr (e.g. jfr print --events jdk.ExecutionSample $OUT/window.jfr)"
fi
