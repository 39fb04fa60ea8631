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

. ops/bench/postgres-monocle.sh
start_monocle_on_postgres "$db"
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
