#!/usr/bin/env bash
# JMH benchmarks of the rule engine (src/test/java/io/vigil/rule/RuleEngineBenchmark.java) and the
# sample history's memory per retained sample. Prints JMH's table; figures go to BENCHMARKS.md.
# Usage: bench/rule-engine.sh [extra JMH options, e.g. -f 1 -wi 1 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*/ | while read -r d; do
    if "${d}bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then echo "${d%/}"; fi; done | tail -n 1)
fi
export JAVA_HOME
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
"$JAVA_HOME/bin/java" -cp "$classpath" io.vigil.sample.HistoryFootprint
"$JAVA_HOME/bin/java" -cp "$classpath" org.openjdk.jmh.Main 'io.vigil.rule.RuleEngineBenchmark' "$@"
