#!/usr/bin/env bash
# Monocle's benchmark harness: measures each target endpoint with wrk for a fixed time, right
# after a baseline endpoint measured in the same run, and prints requests/s, latency percentiles
# and the ratio to the baseline.
#
#   ops/bench/bench.sh [-d 20s] [-c 16] [-t 2] [-H 'Name: value']... NAME PATH [NAME PATH]...
#
# PATH may be 'METHOD PATH' (e.g. 'POST /api/v1/auth/refresh'); BENCH_BODY sets a body;
# BENCH_SCRIPT replaces the targets' wrk Lua script (single-use requests are not warmed up).
# Monocle is started from ops/run on a free port with a scratch data directory, unless
# MONOCLE_URL points at a running instance (e.g. one on PostgreSQL). The baseline is
# BENCH_BASELINE (default /health/live). A run with any non-2xx response or socket error fails:
# a throughput figure of errors is not a figure.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=20s connections=16 threads=2 headers=""
while getopts "d:c:t:H:" opt; do
  case $opt in
    d) duration=$OPTARG ;;
    c) connections=$OPTARG ;;
    t) threads=$OPTARG ;;
    H) headers+="$OPTARG"$'\n' ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $(( $# % 2 )) -eq 0 ] || { echo "targets come in NAME PATH pairs" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

if [ -z "${MONOCLE_URL:-}" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  data=$(mktemp -d /tmp/monocle-bench.XXXXXX)
  log=$data/server.log
  echo "starting Monocle on :$port (data $data, log $log)"
  MONOCLE_PORT=$port MONOCLE_DATA_DIR=$data ops/run >"$log" 2>&1 &
  server_pid=$!
  MONOCLE_URL=http://127.0.0.1:$port
  for _ in $(seq 1 180); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$MONOCLE_URL/health/ready")" = 200 ] && break
    kill -0 "$server_pid" 2>/dev/null || { tail -20 "$log"; exit 1; }
    sleep 1
  done
fi
[ "$(curl -s -o /dev/null -w '%{http_code}' "$MONOCLE_URL/health/ready")" = 200 ] \
  || { echo "Monocle at $MONOCLE_URL is not ready" >&2; exit 1; }

run() { # name, 'METHOD PATH' or 'PATH', duration [, lua script] -> JSON line
  local spec=$2 method=GET path=$2
  if [[ $spec == *" "* ]]; then method=${spec%% *}; path=${spec#* }; fi
  BENCH_METHOD=$method BENCH_HEADERS=$headers BENCH_BODY=${BENCH_BODY:-} \
    wrk -t"$threads" -c"$connections" -d"$3" --latency -s "${4:-ops/bench/summary.lua}" "$MONOCLE_URL$path" \
    | grep '^{'
}

field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }

baseline=${BENCH_BASELINE:-/health/live}
echo "warming up (10 s)..."
run warmup "$baseline" 5s >/dev/null
# A target whose requests are single-use (BENCH_SCRIPT, e.g. refresh tokens) is not warmed up.
[ $# -gt 0 ] && [ -z "${BENCH_SCRIPT:-}" ] && run warmup "$2" 5s >/dev/null

printf '\nwrk -t%s -c%s -d%s against %s\n' "$threads" "$connections" "$duration" "$MONOCLE_URL"
printf '%-28s %10s %9s %9s %9s %9s %8s %7s\n' endpoint req/s p50_ms p90_ms p95_ms p99_ms non2xx ratio
status=0
base_json=$(BENCH_BODY="" headers="" run baseline "$baseline" "$duration" ops/bench/summary.lua)
base_rps=$(field "$base_json" rps)
report() { # name json
  local json=$2 rps
  rps=$(field "$json" rps)
  printf '%-28s %10s %9s %9s %9s %9s %8s %7s\n' "$1" "$rps" "$(field "$json" p50_ms)" \
    "$(field "$json" p90_ms)" "$(field "$json" p95_ms)" "$(field "$json" p99_ms)" "$(field "$json" non_2xx)" \
    "$(python3 -c "print(f'{$rps/$base_rps:.2f}')")"
  if [ "$(field "$json" non_2xx)" != 0 ] || [ "$(field "$json" socket_errors)" != 0 ]; then
    echo "  ^ $1 had non-2xx responses or socket errors: not a valid figure" >&2
    status=1
  fi
}
report "baseline $baseline" "$base_json"
while [ $# -gt 0 ]; do
  report "$1" "$(run "$1" "$2" "$duration" "${BENCH_SCRIPT:-ops/bench/summary.lua}")"
  shift 2
done
exit $status
