#!/usr/bin/env bash
# Data-key benchmarks on the local PostgreSQL (database monocle_bench_keys, dropped and created):
# a whole re-encryption of 100,000 customers (seven sealed fields each) against the same batched
# rewrite without cryptography, and a page of 100 customers read and opened against the same page
# read from an unencrypted table. Results in target/jmh-DataKeyBench.txt.
# Usage: ops/bench/data-keys.sh [JMH options]   (defaults: one fork, 3 timed re-encryptions)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -eq 0 ]; then
  set -- -f 1 -wi 1 -i 3 -w 3s -r 5s
fi
exec ops/bench/jmh.sh DataKeyBench "$@"
