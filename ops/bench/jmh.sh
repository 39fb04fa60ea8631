#!/usr/bin/env bash
# Runs JMH benchmarks of the test sources: ops/bench/jmh.sh <class regex> [JMH options].
# Builds the test classes, puts the test classpath together, silences Monocle's own log lines
# (JUL at WARNING) and writes the result table to target/jmh-<first argument>.txt as well.
# Example: ops/bench/jmh.sh SignatureBench -f 1 -wi 2 -i 3
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 1 ] || { echo "usage: ops/bench/jmh.sh <benchmark regex> [JMH options]" >&2; exit 2; }
pattern=$1; shift
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
printf '.level=WARNING\n' > target/bench-logging.properties
out="target/jmh-$(printf '%s' "$pattern" | tr -c 'A-Za-z0-9_' '_').txt"
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dmonocle.bench.db.url="${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/}" \
  -Djava.util.logging.config.file=target/bench-logging.properties \
  org.openjdk.jmh.Main "$pattern" -rf text -rff "$out" "$@"
echo
cat "$out"
