#!/usr/bin/env bash
# Audit trail benchmarks with JMH on PostgreSQL (issue: sustained appends/s and verification
# events/s), each against a baseline measured in the same run (see AuditBench's javadoc):
#   append              durable chained appends from 64 threads   vs appendUnchained (plain INSERTs)
#   verifyFromDatabase  full verification of 200,000 stored events vs readOnly (same SELECT, no hashing)
#   verifyInMemory      hashing and checking only
# Usage: ops/bench/audit.sh [extra JMH options]; BENCH_ITERATIONS / BENCH_SECONDS shorten it.
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${BENCH_ITERATIONS:-3}
seconds=${BENCH_SECONDS:-10}

# Each benchmark's trial recreates its database (monocle_bench_audit_append / _verify).
ops/ci/ensure-postgres >/dev/null
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
printf '.level=WARNING\n' > target/bench-logging.properties
java -Xmx2g -cp "$cp" -Dmonocle.bench.db.url=jdbc:postgresql://127.0.0.1:5432/ \
  -Djava.util.logging.config.file=target/bench-logging.properties \
  org.openjdk.jmh.Main 'dev.monocle.audit.internal.AuditBench' \
  -f 1 -wi 1 -w "${seconds}s" -i "$iterations" -r "${seconds}s" -rf text -rff target/audit-bench.txt "$@"
echo
cat target/audit-bench.txt
