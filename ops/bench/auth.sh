#!/usr/bin/env bash
# Auth benchmarks on PostgreSQL (issue: refresh grants/s, password logins/s, and the cost of
# authentication on a GET), each against a baseline measured in the same run:
#   baseline  GET /.well-known/jwks.json without credentials (public, same JAX-RS stack)
#   jwks+auth the same GET with a bearer token: MP-JWT verification, revocation check, caller
#             (also at one connection, where the added p50 is the cost of authentication alone)
#   me        GET /api/v1/auth/me: authentication, authorization, audit, a database read
#   login     POST /api/v1/auth/login: Argon2id (19 MiB, t=2) and a new session
#   refresh   POST /api/v1/auth/refresh: joined read, conditional spend, new token, ES256 signature
# Rate limits are raised for the run; everything else is as shipped. The JVM is warmed up first
# (BENCH_WARMUP, 120 s of refreshes and authenticated GETs): Payara's request path takes a minute
# or two of load before C2 has compiled it, and until then the compiler threads take a third of the
# CPU (measured with per-thread CPU times), so a cold run measures the JIT, not Monocle.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${BENCH_DURATION:-20s}
warmup=${BENCH_WARMUP:-120}
connections=${BENCH_CONNECTIONS:-8}
db=monocle_bench

. ops/bench/postgres-monocle.sh
start_monocle_on_postgres "$db"
# Four refresh chains per connection: a chain whose answer wrk drops (it cannot carry the next
# token) is replaced by a spare instead of turning into 401s. A quarter of the chains warm up, a
# quarter serve the measured run and the other half a run at twice the connections, where the
# commit waits of PostgreSQL no longer leave the CPU idle.
chains=$((connections * 4))
setup=$(python3 ops/bench/auth_setup.py "$MONOCLE_URL" "$admin_password" $((chains * 4)))
field() { python3 -c 'import json,sys; v=json.loads(sys.argv[1])[sys.argv[2]]; print(",".join(v) if isinstance(v,list) else v)' "$setup" "$1"; }
token=$(field access_token)

echo "warming up the JVM (${warmup} s)..."
BENCH_METHOD=POST BENCH_TOKENS=$(field refresh_tokens | cut -d, -f1-$chains) BENCH_THREADS=2 \
  wrk -t2 -c"$connections" -d$((warmup * 2 / 3))s -s ops/bench/refresh.lua "$MONOCLE_URL/api/v1/auth/refresh" >/dev/null
wrk -t2 -c"$connections" -d$((warmup / 3))s -H "Authorization: Bearer $token" "$MONOCLE_URL/api/v1/auth/me" >/dev/null

export BENCH_BASELINE=/.well-known/jwks.json
ops/bench/bench.sh -d "$duration" -c "$connections" -H "Authorization: Bearer $token" \
  jwks+auth /.well-known/jwks.json me /api/v1/auth/me 2>&1 | tail -4
# One connection: no queueing, so the added p50 is the cost of authenticating a request.
ops/bench/bench.sh -d "$duration" -t 1 -c 1 -H "Authorization: Bearer $token" \
  jwks+auth-c1 /.well-known/jwks.json 2>&1 | tail -3
BENCH_BODY=$(field login_body) ops/bench/bench.sh -d "$duration" -c "$connections" \
  -H 'Content-Type: application/json' login 'POST /api/v1/auth/login' 2>&1 | tail -3
BENCH_SCRIPT=ops/bench/refresh.lua BENCH_TOKENS=$(field refresh_tokens | cut -d, -f$((chains + 1))-$((chains * 2))) BENCH_THREADS=2 \
  ops/bench/bench.sh -d "$duration" -c "$connections" refresh 'POST /api/v1/auth/refresh' 2>&1 | grep -E 'refresh|endpoint|baseline'
BENCH_SCRIPT=ops/bench/refresh.lua BENCH_TOKENS=$(field refresh_tokens | cut -d, -f$((chains * 2 + 1))-) BENCH_THREADS=2 \
  ops/bench/bench.sh -d "$duration" -c $((connections * 2)) refresh-c$((connections * 2)) 'POST /api/v1/auth/refresh' 2>&1 | grep -E 'refresh|endpoint|baseline'

