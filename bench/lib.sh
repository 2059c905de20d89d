# Shared by the load harnesses under bench/ (sourced, not run): a JDK >= 21 and the jar to measure.
# Expects REPO (the repository) and log(); sets JAVA_HOME (exported), JAVA, JDK_DESC and JAR.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

# JAVA_HOME if it is a JDK >= 21, else the newest under /usr/lib/jvm
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    [ -L "$dir" ] && continue
    major=$(java_major "$dir" || true)
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$dir; best_major=$major
    fi
  done
  [ -n "$best" ] || { echo "no JDK >= 21 found (set JAVA_HOME or install one under /usr/lib/jvm)" >&2; exit 1; }
  echo "$best"
}

# JAR if given (made absolute), else target/ of the repository, built when missing
locate_jdk_and_jar() {
  export JAVA_HOME
  JAVA_HOME=$(find_jdk)
  JAVA="$JAVA_HOME/bin/java"
  JDK_DESC="$("$JAVA" -version 2>&1 | sed -n 2p)"
  log "JDK: $JAVA_HOME ($JDK_DESC)"
  if [ -n "$JAR" ]; then
    [ -f "$JAR" ] || { echo "no such jar: $JAR" >&2; exit 1; }
    JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
  else
    JAR="$REPO/target/quarkus-app/quarkus-run.jar"
  fi
  if [ ! -f "$JAR" ]; then
    log "building $JAR"
    (cd "$REPO" && ./mvnw -B -q package -DskipTests)
  fi
}

# Stops exactly the processes whose pids the harness put in PIDS, on any exit; ARTIFACTS says what OUT holds.
PIDS=()
cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  log "artifacts (${ARTIFACTS:-}) in ${OUT:-}"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# require_free_ports HINT PORT...: stop with a message naming the option to change when one is taken
require_free_ports() {
  local hint=$1 p
  shift
  for p in "$@"; do
    port_free "$p" || { echo "port $p on 127.0.0.1 is in use; choose another with $hint" >&2; exit 1; }
  done
}
