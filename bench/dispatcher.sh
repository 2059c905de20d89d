#!/usr/bin/env bash
# JMH benchmark of the notification dispatcher's routing and grouping
# (src/test/java/io/vigil/notify/dispatch/DispatcherBenchmark.java: Dispatcher.put of alerts already
# held, 50,000 alerts in 10,000 groups). Prints JMH's table; figures go to BENCHMARKS.md.
# Usage: bench/dispatcher.sh [JMH options; default -f 1 -wi 3 -w 2s -i 5 -r 2s]
# The test classes are compiled afresh each time: JMH's generated classes and its BenchmarkList
# under target/test-classes go stale when benchmarks change.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*/ | while read -r d; do
    if "${d}bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then echo "${d%/}"; fi; done | tail -n 1)
fi
export JAVA_HOME
[ $# -gt 0 ] || set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
rm -rf target/test-classes
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
"$JAVA_HOME/bin/java" -cp "$classpath" org.openjdk.jmh.Main 'io.vigil.notify.dispatch.DispatcherBenchmark' "$@"
