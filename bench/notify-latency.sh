#!/usr/bin/env bash
# Notification latency harness: how long an alert takes from firing to its webhook arriving, with
# group_wait: 0s and every alert its own group. See BENCHMARKS.md ("Notifications").
#
#   bench/notify-latency.sh [--phases "20:3000:300:1 200:6000:1000:1"] [--rule-steady 100:5:15:60]
#                           [--rule-groups 200]
#                           [--port 18090] [--receiver-port 18091] [--bound 10]
#                           [--jvm-opts "-Xmx256m"] [--jfr] [--jar PATH] [--out DIR]
#
# Every option can also be given in the environment: PHASES, RULE_STEADY, RULE_GROUPS, PORT,
# RECEIVER_PORT, BOUND_SECONDS, JVM_OPTS, JFR=1, JAR, OUT.
#   --phases       API phases, run in turn against one Vigil: RATE:COUNT:WARMUP:BATCH each, i.e.
#                  COUNT measured alerts after WARMUP discarded ones, POSTed to /api/v2/alerts at
#                  RATE alerts/s, BATCH alerts a request, each with a unique "id" label
#   --rule-steady  then GROUPS:PERIOD:WARMUP:DURATION: GROUPS rule groups (interval 1s) whose rule
#                  yields a new alert identity every PERIOD seconds, spread over the period
#                  (GROUPS/PERIOD alerts/s); latency from each alert's startsAt (the evaluation that
#                  fired it) to its webhook, over DURATION s after WARMUP s (0: skip)
#   --rule-groups  last, N rule groups of one "vector(1)" rule (for: 0s), brought in by
#                  POST /api/v1/config/reload; latency from the evaluation that fired each alert
#                  (its startsAt) to its webhook (0: skip)
#   --bound        an alert whose webhook has not arrived this many seconds after it was sent is
#                  counted as lost
#   --jfr          record JFR (profile settings) over the whole run, to OUT/notify.jfr
#
# After the run Vigil is stopped and its outbox read from its H2 file, to split each alert's
# latency at the outbox row's creation (the dispatcher's flush) and the first attempt's start.
#
# The receiver and the driver are one process, bench/NotifyBench.java (run with `java File.java`),
# so sent and received times come from one monotonic clock. Prints a Markdown table on stdout and
# writes nothing into the repository (config, logs, results JSON go to OUT, a fresh temp directory
# unless given). Everything listens on 127.0.0.1; every wait is bounded; every process started here
# is stopped on exit.
set -euo pipefail

PHASES=${PHASES:-"20:3000:300:1 200:6000:1000:1"}
RULE_STEADY=${RULE_STEADY:-100:5:15:60}
RULE_GROUPS=${RULE_GROUPS:-200}
PORT=${PORT:-18090}
RECEIVER_PORT=${RECEIVER_PORT:-}
BOUND_SECONDS=${BOUND_SECONDS:-10}
JVM_OPTS=${JVM_OPTS:-}
JFR=${JFR:-0}
OUT=${OUT:-}
JAR=${JAR:-}
READY_TIMEOUT=180

usage() { sed -n '2,33p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --phases) PHASES=$2; shift 2 ;;
    --rule-steady) RULE_STEADY=$2; shift 2 ;;
    --rule-groups) RULE_GROUPS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --receiver-port) RECEIVER_PORT=$2; shift 2 ;;
    --bound) BOUND_SECONDS=$2; shift 2 ;;
    --jvm-opts) JVM_OPTS=$2; shift 2 ;;
    --jfr) JFR=1; shift ;;
    --out) OUT=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
RECEIVER_PORT=${RECEIVER_PORT:-$((PORT + 1))}
export BOUND_SECONDS

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
log() { printf '[notify-latency %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- a JDK >= 21 and the jar (bench/lib.sh) ----
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"
locate_jdk_and_jar

for phase in $PHASES; do
  [[ "$phase" =~ ^[0-9]+(\.[0-9]+)?:[0-9]+:[0-9]+(:[0-9]+)?$ ]] \
    || { echo "bad phase \"$phase\": RATE:COUNT:WARMUP[:BATCH]" >&2; exit 2; }
done

if [ -z "$OUT" ]; then
  OUT=$(mktemp -d /tmp/vigil-notify-bench.XXXXXX)
fi
rm -rf "$OUT/run"   # Vigil's working directory (H2 under ./data): every run starts empty
mkdir -p "$OUT/run"
OUT=$(cd "$OUT" && pwd)

# ---- cleanup (bench/lib.sh) and free ports ----
ARTIFACTS="config, logs, results JSON"
require_free_ports --port/--receiver-port "$PORT" "$RECEIVER_PORT"

LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before the run: $LOADAVG"

# ---- configuration: no probes, an empty rule file (filled by the rule phase), one webhook ----
cat >"$OUT/vigil.yaml" <<EOF
global:
  evaluation_interval: 1s
probes: []
rule_files: [rules.yml]
alertmanager_config: alertmanager.yml
EOF
echo "groups: []" >"$OUT/rules.yml"
cat >"$OUT/alertmanager.yml" <<EOF
route:
  receiver: bench
  group_by: ['...']
  group_wait: 0s
  group_interval: 1m
  repeat_interval: 4h
receivers:
  - name: bench
    webhook_configs:
      - url: http://127.0.0.1:$RECEIVER_PORT/hook
        send_resolved: false
EOF

# ---- Vigil ----
log "starting Vigil on 127.0.0.1:$PORT (webhook receiver on 127.0.0.1:$RECEIVER_PORT)"
# the driver posts alerts and reloads, which are writes: a token of its own, made up per run
VIGIL_BENCH_TOKEN=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
export VIGIL_BENCH_TOKEN
# shellcheck disable=SC2086 # JVM_OPTS is a list of options
(
  cd "$OUT/run"
  export VIGIL_CONFIG="$OUT/vigil.yaml" PORT VIGIL_API_TOKENS="bench:$VIGIL_BENCH_TOKEN"
  export QUARKUS_HTTP_HOST=127.0.0.1
  JFR_OPTS=()
  [ "$JFR" = "1" ] && JFR_OPTS=("-XX:StartFlightRecording=settings=profile,filename=$OUT/notify.jfr")
  exec "$JAVA" "${JFR_OPTS[@]}" $JVM_OPTS -jar "$JAR"
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
log "Vigil ready after $((SECONDS - started))s (pid $VIGIL_PID)"

# Bound on the driver: every phase's sending time plus the bound, plus start-up slack.
LIMIT=$(python3 -c "
import sys
total = 120
for p in sys.argv[1].split():
    rate, count, warmup = (float(x) for x in p.split(':')[:3])
    total += (count + warmup) / rate + float(sys.argv[2]) + 5
print(int(total))" "$PHASES" "$BOUND_SECONDS")

{
  echo "Vigil: $JAR; JVM options: ${JVM_OPTS:-(none)}; $JDK_DESC"
  echo "Load average before the run: $LOADAVG; group_wait 0s, group_by ['...'], webhook on 127.0.0.1; lost = not received within ${BOUND_SECONDS} s"
  echo
} | tee "$OUT/results.md"

# shellcheck disable=SC2086 # PHASES is a list of phases
timeout "$LIMIT" "$JAVA" -Xmx512m "$BENCH_DIR/NotifyBench.java" api "http://127.0.0.1:$PORT" "$RECEIVER_PORT" \
  "$VIGIL_PID" "$OUT" $PHASES | tee -a "$OUT/results.md"

if [ "$RULE_STEADY" != "0" ]; then
  [[ "$RULE_STEADY" =~ ^[0-9]+:[0-9]+:[0-9]+:[0-9]+$ ]] \
    || { echo "bad --rule-steady \"$RULE_STEADY\": GROUPS:PERIOD:WARMUP:DURATION" >&2; exit 2; }
  IFS=: read -r _ _ steady_warmup steady_duration <<<"$RULE_STEADY"
  timeout $((steady_warmup + steady_duration + BOUND_SECONDS + 120)) "$JAVA" -Xmx256m "$BENCH_DIR/NotifyBench.java" \
    rule-steady "http://127.0.0.1:$PORT" "$RECEIVER_PORT" "$VIGIL_PID" "$OUT" "$OUT/rules.yml" "$RULE_STEADY" \
    | tee -a "$OUT/results.md"
fi

if [ "$RULE_GROUPS" != "0" ]; then
  timeout $((BOUND_SECONDS + 120)) "$JAVA" -Xmx256m "$BENCH_DIR/NotifyBench.java" rule "http://127.0.0.1:$PORT" \
    "$RECEIVER_PORT" "$VIGIL_PID" "$OUT" "$OUT/rules.yml" "$RULE_GROUPS" | tee -a "$OUT/results.md"
fi

kill -0 "$VIGIL_PID" 2>/dev/null || { echo "Vigil exited during the run" >&2; exit 1; }
curl -fs --max-time 10 "http://127.0.0.1:$PORT/q/metrics" -H 'Accept: text/plain; version=0.0.4' \
  >"$OUT/metrics-end.txt" 2>/dev/null || true
if [ "$JFR" = "1" ]; then
  timeout 60 "$JAVA_HOME/bin/jcmd" "$VIGIL_PID" JFR.dump filename="$OUT/notify.jfr" >/dev/null 2>&1 || true
  log "JFR: $OUT/notify.jfr"
fi

# ---- where the time goes: Vigil's own timestamps, read from its H2 file once it has stopped ----
log "stopping Vigil to read its outbox"
kill -TERM "$VIGIL_PID" 2>/dev/null || true
for _ in $(seq 1 100); do kill -0 "$VIGIL_PID" 2>/dev/null || break; sleep 0.2; done
H2_JAR=$(ls "$(dirname "$JAR")"/lib/main/com.h2database.h2-*.jar 2>/dev/null | head -n1 || true)
if kill -0 "$VIGIL_PID" 2>/dev/null || [ -z "$H2_JAR" ] || [ ! -f "$OUT/run/data/vigil.mv.db" ]; then
  log "no breakdown: Vigil still running, no H2 jar next to the jar, or no database file"
else
  timeout 120 "$JAVA" -cp "$H2_JAR" org.h2.tools.Shell \
    -url "jdbc:h2:file:$OUT/run/data/vigil;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" -user sa -password '' \
    -sql "CALL CSVWRITE('$OUT/outbox.csv', 'select o.id, o.group_key, extract(epoch from o.created_at) as created_s, extract(epoch from a.attempted_at) as attempted_s, a.latency_seconds, a.outcome from notification_outbox o join notification_attempt a on a.outbox_id = o.id and a.attempt = 1 order by o.id')" \
    >"$OUT/h2-export.log" 2>&1 \
    && timeout 120 "$JAVA" -Xmx512m "$BENCH_DIR/NotifyBench.java" breakdown "$OUT" | tee -a "$OUT/results.md" \
    || log "breakdown failed: see $OUT/h2-export.log"
fi
