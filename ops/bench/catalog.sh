#!/usr/bin/env bash
# Catalog benchmarks on PostgreSQL with 100,000 frames (issue: GET by id ≥ 3,000 req/s, filtered
# search p95 ≤ 20 ms, recommendations p95 ≤ 50 ms), against a baseline measured in the same run:
#   baseline   GET /.well-known/jwks.json without credentials (public, same JAX-RS stack)
#   auth-only  the same GET with the viewer's bearer token (what authentication alone costs)
#   frame      GET /api/v1/catalog/frames/{id} as a viewer (authenticated)
#   search     GET /api/v1/catalog/frames?shape&material&max_price&in_stock (filtered, 20 a page)
#   search-q   GET /api/v1/catalog/frames?q=... (PostgreSQL full text, relevance)
#   recommend  POST /api/v1/catalog/recommendations (face shape, width, preferences)
# Each at BENCH_CONNECTIONS (default 8) and at one connection, where latency is not queueing.
# The frames are loaded through the import endpoint (10 imports of 10,000), which is timed too.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${BENCH_DURATION:-20s}
connections=${BENCH_CONNECTIONS:-8}
frames=${BENCH_FRAMES:-100000}
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
MONOCLE_RATELIMIT_REQUESTS_PER_PRINCIPAL_PER_MINUTE=1000000000 \
MONOCLE_RATELIMIT_ANONYMOUS_PER_ADDRESS_PER_MINUTE=1000000000 \
  ops/run >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$MONOCLE_URL/health/ready")" = 200 ] && break
  sleep 1
done
setup=$(cd ops/bench && python3 catalog_setup.py "$MONOCLE_URL" "$admin_password" "$frames")
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$setup" "$1"; }
echo "imported $frames frames in $(field import_seconds) s ($(field import_rows_per_second) rows/s)"
psql -h 127.0.0.1 -U postgres -d $db -qc "ANALYZE catalog_frame"
token=$(field access_token)
id=$(field frame_id)
search='/api/v1/catalog/frames?shape=round&material=acetate&max_price=150&in_stock=true&limit=20'
text='/api/v1/catalog/frames?q=luna+aurora&limit=20'
export BENCH_BASELINE=/.well-known/jwks.json
for c in "$connections" 1; do
  t=$([ "$c" = 1 ] && echo 1 || echo 2)
  ops/bench/bench.sh -d "$duration" -t "$t" -c "$c" -H "Authorization: Bearer $token" \
    "auth-only-c$c" /.well-known/jwks.json "frame-c$c" "/api/v1/catalog/frames/$id" \
    "search-c$c" "$search" "search-q-c$c" "$text" 2>&1 | tail -6
  BENCH_BODY='{"face_shape":"round","face_width_mm":138,"preferences":{"materials":["titanium","acetate"],"max_price":200},"limit":10}' \
    ops/bench/bench.sh -d "$duration" -t "$t" -c "$c" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' "recommend-c$c" 'POST /api/v1/catalog/recommendations' 2>&1 | tail -3
done
