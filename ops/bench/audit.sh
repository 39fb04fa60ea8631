#!/usr/bin/env bash
# Audit trail benchmarks with JMH on PostgreSQL (issue: sustained appends/s and verification
# events/s), each against a baseline measured in the same run (see AuditBench's javadoc):
#   append              durable chained appends from 64 threads   vs appendUnchained (plain INSERTs)
#   verifyFromDatabase  full verification of 200,000 stored events vs readOnly (same SELECT, no hashing)
#   verifyInMemory      hashing and checking only
# Each benchmark's trial recreates its database (monocle_bench_audit_append / _verify).
# Usage: ops/bench/audit.sh [extra JMH options]; BENCH_ITERATIONS / BENCH_SECONDS shorten it.
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${BENCH_ITERATIONS:-3}
seconds=${BENCH_SECONDS:-10}
ops/ci/ensure-postgres >/dev/null
exec ops/bench/jmh.sh 'dev.monocle.audit.internal.AuditBench' \
  -f 1 -wi 1 -w "${seconds}s" -i "$iterations" -r "${seconds}s" "$@"
