#!/usr/bin/env bash
# Translation benchmark (issue 6), one run on this machine, same pair (en→es) and same sentence:
#   apy        Apertium APy (Debian's, on loopback): GET /translate?langpair=eng|spa&q=...
#   monocle    Monocle's POST /api/v1/translate with an API key, the translation cache off,
#              served by the local engine (warm Apertium pipelines)
# each at one connection (latency) and at BENCH_CONNECTIONS (throughput), as words/s.
# Then scale-out: the coordinator's local engine drained, its traffic on one Monocle decoder node
# (pinned to CPU 0), then on two (CPU 0 and CPU 1), at the same load.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${BENCH_DURATION:-20s}
connections=${BENCH_CONNECTIONS:-8}
sentence='I see the red glasses on the table.'
words=8
db=monocle_bench

ops/apertium-packages
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
ready() { # url, seconds
  for _ in $(seq 1 "$2"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
    sleep 1
  done
  echo "$1 did not answer 200" >&2; return 1
}

pids=()
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }

apy_port=$(freeport)
ops/apy/apy-loopback -p "$apy_port" /usr/share/apertium/modes >/tmp/monocle-bench-apy.log 2>&1 &
pids+=($!)

# Monocle: PostgreSQL, limits raised for the load, cache off, en-es warm.
export MONOCLE_TRANSLATION_CACHE_ENABLED=false MONOCLE_DECODER_WARM_PAIRS=en-es
export MONOCLE_RATELIMIT_REQUESTS_PER_PRINCIPAL_PER_MINUTE=1000000000
export MONOCLE_TRANSLATION_HEALTH_INTERVAL_MS=1000
. ops/bench/postgres-monocle.sh
start_monocle_on_postgres "$db"
trap 'stop_all; kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
setup=$(cd ops/bench && python3 translation_setup.py "$MONOCLE_URL" "$admin_password")
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
key=$(field "$setup" translate_key)
node_key=$(field "$setup" node_key)
token=$(field "$setup" access_token)
ready "http://127.0.0.1:$apy_port/listPairs" 60

apy_url="http://127.0.0.1:$apy_port/translate?langpair=$(urlencode 'eng|spa')&markUnknown=no&q=$(urlencode "$sentence")"
body="{\"source\":\"en\",\"target\":\"es\",\"segments\":[\"$sentence\"]}"
echo "APy:     $(curl -s "$apy_url")"
echo "Monocle: $(curl -s -X POST -H "X-API-Key: $key" -H 'Content-Type: application/json' -d "$body" "$MONOCLE_URL/api/v1/translate")"

measure() { # name connections url [post]
  local name=$1 c=$2 url=$3 t json
  t=$([ "$c" = 1 ] && echo 1 || echo 2)
  if [ "${4:-}" = post ]; then
    json=$(BENCH_METHOD=POST BENCH_BODY=$body BENCH_HEADERS=$'X-API-Key: '"$key"$'\nContent-Type: application/json' \
      wrk -t"$t" -c"$c" -d"$duration" --latency -s ops/bench/summary.lua "$url" | grep '^{')
  else
    json=$(wrk -t"$t" -c"$c" -d"$duration" --latency -s ops/bench/summary.lua "$url" | grep '^{')
  fi
  python3 - "$name" "$c" "$words" "$json" <<'PY'
import json, sys
name, c, words, j = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
flag = "" if j["non_2xx"] == 0 and j["socket_errors"] == 0 else "  INVALID: non-2xx or socket errors"
print(f'{name:<26} c={c:<3} {j["rps"]:>9.1f} req/s {j["rps"]*words:>9.0f} words/s '
      f'p50 {j["p50_ms"]:>7.2f} ms p95 {j["p95_ms"]:>7.2f} ms p99 {j["p99_ms"]:>7.2f} ms{flag}')
PY
}

echo "warming up (20 s each: the JIT settles)..."
wrk -t2 -c4 -d20s "$apy_url" >/dev/null
BENCH_METHOD=POST BENCH_BODY=$body BENCH_HEADERS=$'X-API-Key: '"$key"$'\nContent-Type: application/json' \
  wrk -t2 -c4 -d20s -s ops/bench/summary.lua "$MONOCLE_URL/api/v1/translate" >/dev/null
printf '\n%s words a request, %s per figure\n' "$words" "$duration"
for c in 1 "$connections"; do
  measure "apy" "$c" "$apy_url"
  measure "monocle local engine" "$c" "$MONOCLE_URL/api/v1/translate" post
done

# A paragraph: the same five sentences (61 words) as one APy text and as five segments.
paragraph=(
  'These frames are made of titanium and weigh only twelve grams.'
  'Round frames suit people with a square face.'
  'The lenses protect your eyes from ultraviolet light.'
  'Customers can return a frame within thirty days.'
  'Light frames are comfortable for long days at work, and the price includes the lenses and the case.'
)
words=$(printf '%s ' "${paragraph[@]}" | wc -w)
apy_url="http://127.0.0.1:$apy_port/translate?langpair=$(urlencode 'eng|spa')&markUnknown=no&q=$(urlencode "${paragraph[*]}")"
body=$(python3 -c 'import json,sys; print(json.dumps({"source":"en","target":"es","segments":sys.argv[1:]}))' "${paragraph[@]}")
printf '\n%s words a request\n' "$words"
measure "apy paragraph" "$connections" "$apy_url"
measure "monocle paragraph" "$connections" "$MONOCLE_URL/api/v1/translate" post
words=8
body="{\"source\":\"en\",\"target\":\"es\",\"segments\":[\"$sentence\"]}"

# Scale-out: decoder nodes on the same database, each pinned to one CPU.
start_decoder() { # cpu: sets decoder_url
  local port
  port=$(freeport)
  MONOCLE_ROLE=decoder MONOCLE_PORT=$port MONOCLE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db \
    MONOCLE_DB_USER=postgres MONOCLE_DATA_DIR=$data MONOCLE_JAVA_OPTS=-Xmx512m \
    taskset -c "$1" ops/run >"$data/decoder-$1.log" 2>&1 &
  pids+=($!)
  decoder_url="http://127.0.0.1:$port"
}
register() { # url -> id
  curl -s -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"url\":\"$1\",\"kind\":\"monocle\",\"api_key\":\"$node_key\"}" "$MONOCLE_URL/api/v1/admin/decoders" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
drain() { # id true|false
  curl -s -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"drained\":$2}" "$MONOCLE_URL/api/v1/admin/decoders/$1"
}
start_decoder 0; d1=$decoder_url
start_decoder 1; d2=$decoder_url
ready "$d1/health/ready" 180
ready "$d2/health/ready" 180
drain local true
warm() { # a short load, so a fresh node's JIT settles before it is measured
  BENCH_METHOD=POST BENCH_BODY=$body BENCH_HEADERS=$'X-API-Key: '"$key"$'\nContent-Type: application/json' \
    wrk -t2 -c4 -d15s -s ops/bench/summary.lua "$MONOCLE_URL/api/v1/translate" >/dev/null
}
statuses() { # what 20 requests answer now
  for _ in $(seq 1 20); do
    curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "X-API-Key: $key" \
      -H 'Content-Type: application/json' -d "$body" "$MONOCLE_URL/api/v1/translate"
  done | sort | uniq -c | tr '\n' ' '; echo
}
id1=$(register "$d1")
warm
printf '\nscale-out (coordinator local engine drained; decoder nodes pinned to one CPU each)\n'
measure "one decoder node" "$connections" "$MONOCLE_URL/api/v1/translate" post
echo "  statuses after: $(statuses)"
id2=$(register "$d2")
warm
measure "two decoder nodes" "$connections" "$MONOCLE_URL/api/v1/translate" post
echo "  statuses after: $(statuses)"
curl -s -H "Authorization: Bearer $token" "$MONOCLE_URL/api/v1/admin/decoders" | python3 -c '
import json, sys
for n in json.load(sys.stdin)["items"]:
    print("  node %-36s %-8s healthy=%s drained=%s circuit=%s p50=%s ms" % (
        n["id"], n["kind"], n["healthy"], n["drained"], n["circuit"], n["latency_ms_p50"]))'
