# Sourced by the benchmarks that run on PostgreSQL (auth.sh, catalog.sh): starts Monocle with
# ops/run on a fresh database with the rate limits raised (everything else as shipped), waits for
# readiness and stops it when the script exits. Sets MONOCLE_URL, admin_password and data.
start_monocle_on_postgres() { # database name
  local db=$1 port
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
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$MONOCLE_URL/health/ready")" = 200 ] && return 0
    sleep 1
  done
  echo "Monocle did not become ready; see $data/server.log" >&2
  return 1
}
