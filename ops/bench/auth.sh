#!/usr/bin/env bash
# Auth benchmarks on PostgreSQL (issue: refresh grants/s, password logins/s, and the cost of
# authentication on a GET), each against a baseline measured in the same run:
#   baseline  GET /.well-known/jwks.json without credentials (public, same JAX-RS stack)
#   jwks+auth the same GET with a bearer token: MP-JWT verification, revocation check, caller
#             (also at one connection, where the added p50 is the cost of authentication alone)
#   me        GET /api/v1/auth/me: authentication, authorization, audit, a database read
#   login     POST /api/v1/auth/login: Argon2id (19 MiB, t=2) and a new session
#   refresh   POST /api/v1/auth/refresh: row lock, spend, new token, ES256 signature
# Rate limits are raised for the run; everything else is as shipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${BENCH_DURATION:-20s}
connections=${BENCH_CONNECTIONS:-8}
db=monocle_bench

ops/ci/ensure-postgres >/dev/null
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d /tmp/monocle-bench.XXXXXX)
admin_password="bench admin $(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
export MONOCLE_URL=http://127.0.0.1:$port
MONOCLE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db MONOCLE_DB_USER=postgres MONOCLE_DATA_DIR=$data \
MONOCLE_PORT=$port MONOCLE_BOOTSTRAP_ADMIN_USERNAME=root MONOCLE_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
MONOCLE_RATELIMIT_LOGIN_PER_ADDRESS_PER_MINUTE=1000000000 \
MONOCLE_RATELIMIT_REQUESTS_PER_PRINCIPAL_PER_MINUTE=1000000000 \
MONOCLE_RATELIMIT_ANONYMOUS_PER_ADDRESS_PER_MINUTE=1000000000 \
  ops/run >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$MONOCLE_URL/health/ready")" = 200 ] && break
  sleep 1
done
# Four refresh chains per connection: a chain whose answer wrk drops (it cannot carry the next
# token) is replaced by a spare instead of turning into 401s.
setup=$(python3 ops/bench/auth_setup.py "$MONOCLE_URL" "$admin_password" $((connections * 4)))
field() { python3 -c 'import json,sys; v=json.loads(sys.argv[1])[sys.argv[2]]; print(",".join(v) if isinstance(v,list) else v)' "$setup" "$1"; }
token=$(field access_token)

export BENCH_BASELINE=/.well-known/jwks.json
ops/bench/bench.sh -d "$duration" -c "$connections" -H "Authorization: Bearer $token" \
  jwks+auth /.well-known/jwks.json me /api/v1/auth/me 2>&1 | tail -4
# One connection: no queueing, so the added p50 is the cost of authenticating a request.
ops/bench/bench.sh -d "$duration" -t 1 -c 1 -H "Authorization: Bearer $token" \
  jwks+auth-c1 /.well-known/jwks.json 2>&1 | tail -3
BENCH_BODY=$(field login_body) ops/bench/bench.sh -d "$duration" -c "$connections" \
  -H 'Content-Type: application/json' login 'POST /api/v1/auth/login' 2>&1 | tail -3
BENCH_SCRIPT=ops/bench/refresh.lua BENCH_TOKENS=$(field refresh_tokens) BENCH_THREADS=2 \
  ops/bench/bench.sh -d "$duration" -c "$connections" refresh 'POST /api/v1/auth/refresh' 2>&1 | grep -E 'refresh|endpoint|baseline'

