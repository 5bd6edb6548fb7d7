-- wrk script for benchmark 2: one event per POST, each with an id of its own (BENCH_RUN keeps runs apart, so no
-- event is a duplicate of an earlier run's), and the bearer token from BENCH_TOKEN.
local token = os.getenv("BENCH_TOKEN") or ""
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local thread_id = tostring({}):gsub("table: ", "")
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"id":"' .. run .. '-' .. thread_id .. '-' .. counter .. '","type":"load","payload":{"n":' .. counter .. '}}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
