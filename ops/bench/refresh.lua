-- Refresh-grant benchmark: every request spends a refresh token and every response brings the
-- next one, so each wrk connection walks its own token chain. BENCH_TOKENS holds one starting
-- refresh token per connection (comma-separated); each thread takes its share in setup().
dofile("ops/bench/summary.lua")

local tokens_all = {}
for t in string.gmatch(os.getenv("BENCH_TOKENS") or "", "[^,]+") do
  table.insert(tokens_all, t)
end
local next_index = 1
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  pool = {}
end

-- setup() runs in the main Lua state; hand out tokens when all threads exist.
local original_setup = setup
function setup(thread)
  original_setup(thread)
  local share = {}
  local per_thread = math.floor(#tokens_all / tonumber(os.getenv("BENCH_THREADS") or "2"))
  for i = 1, per_thread do
    table.insert(share, tokens_all[next_index])
    next_index = next_index + 1
  end
  thread:set("initial", table.concat(share, ","))
end

function request()
  if initial then
    for t in string.gmatch(initial, "[^,]+") do
      table.insert(pool, 1, t)
    end
    initial = nil
  end
  local token = table.remove(pool)
  if token == nil then
    token = "exhausted"
  end
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"},
    '{"refresh_token":"' .. token .. '"}')
end

local reported = false

function response(status, headers, body)
  if status ~= 200 and not reported then
    reported = true
    io.stderr:write("refresh: first non-200 answer: " .. status .. " " .. string.sub(body or "", 1, 200) .. "\n")
  end
  local token = string.match(body or "", '"refresh_token":"([^"]+)"')
  if token then
    table.insert(pool, token)
  end
end
