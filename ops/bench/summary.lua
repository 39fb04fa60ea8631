-- wrk hooks for Monocle's benchmarks: optional method/body/headers from the environment, and a
-- one-line JSON summary at the end. wrk exits 0 whatever the status codes, so the summary counts
-- non-2xx/3xx responses and socket errors; bench.sh refuses a figure that has any.
local method = os.getenv("BENCH_METHOD")
local body = os.getenv("BENCH_BODY")
local headers = os.getenv("BENCH_HEADERS") -- "Name: value\nName: value"

if method and method ~= "" then wrk.method = method end
if body and body ~= "" then wrk.body = body end
if headers and headers ~= "" then
  for line in headers:gmatch("[^\n]+") do
    local name, value = line:match("^([^:]+):%s*(.*)$")
    if name then wrk.headers[name] = value end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
  io.write(string.format(
    '{"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,' ..
    '"max_ms":%.3f,"non_2xx":%d,"socket_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status, errors))
end
