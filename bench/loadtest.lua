-- wrk script: cycle through the public paths listed in a file (one per line), then report
-- requests per second, p50/p99 latency and every kind of error in one line each.
local paths = {}
local counter = 0

init = function(args)
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(paths, line) end
  end
  -- Threads start at different places so they do not request the same page in lockstep.
  counter = math.random(#paths)
end

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("requests: %d in %.1f s\n", summary.requests, summary.duration / 1e6))
  io.write(string.format("requests/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.2f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p99: %.2f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("errors: %d (connect %d, read %d, write %d, timeout %d, HTTP status >= 400: %d)\n",
    errors, e.connect, e.read, e.write, e.timeout, e.status))
end
