-- wrk script for POST /api/v1/cycles (Benchmarks/server): each request logs a new cycle with a
-- fresh client-made id for one of the organisation's pairings, signed in with the token in
-- $KATA_TOKEN. Pairings come from $KATA_PAIRS (lines "coach learner"); $KATA_RUN makes the ids of
-- this run differ from any earlier run's. At the end it prints one JSON line: requests/s, latency
-- percentiles, and how many answers were 201 (stored), 200 (the same again) and anything else.
local threads = {}
local counter = 0

function setup(thread)
    thread:set("index", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    pairs_list = {}
    for line in io.lines(os.getenv("KATA_PAIRS")) do
        local coach, learner = line:match("^(%S+)%s+(%S+)$")
        if coach then table.insert(pairs_list, { coach, learner }) end
    end
    run = tonumber(os.getenv("KATA_RUN")) or 0
    created, same, other = 0, 0, 0
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("KATA_TOKEN")
end

function request()
    counter = counter + 1
    local pair = pairs_list[(counter * 7919 + index) % #pairs_list + 1]
    -- Unique by thread, run and counter; the random first part spreads the ids over the primary
    -- key's index as clients' random UUIDs do (ids in sequence would all land on one index page).
    local id = string.format("%08x-%04x-4%03x-8000-%012x", math.random(0, 0x7fffffff), index, run % 4096, counter)
    local body = string.format(
        '{"id":"%s","coach":"%s","learner":"%s","minutes":15,"actualCondition":"load test"}',
        id, pair[1], pair[2])
    return wrk.format(nil, "/api/v1/cycles", nil, body)
end

function response(status, headers, body)
    if status == 201 then
        created = created + 1
    elseif status == 200 then
        same = same + 1
    else
        other = other + 1
        if other <= 3 then io.stderr:write(status .. " " .. body .. "\n") end
    end
end

function done(summary, latency, requests)
    local c, s, o = 0, 0, 0
    for _, thread in ipairs(threads) do
        c = c + thread:get("created")
        s = s + thread:get("same")
        o = o + thread:get("other")
    end
    local seconds = summary.duration / 1e6
    io.write(string.format(
        '{"requests":%d,"seconds":%.3f,"perSecond":%.1f,"p50ms":%.2f,"p99ms":%.2f,"maxms":%.2f,' ..
        '"created":%d,"same":%d,"other":%d,"socketErrors":%d}\n',
        summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000, c, s, o,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
