-- wrk script for comment-submission.sh: every request posts a new comment through the API with the
-- bearer token of one of many accounts (round robin, each thread starting elsewhere), on a random
-- paragraph or, one time in ten, on the whole document. Counts the answers by status.
--
-- Environment: SLUG, TOKENS (file, one token per line), PARAGRAPHS (file, one id per line).

local function lines(path)
    local list = {}
    for line in io.lines(path) do
        if line ~= "" then
            list[#list + 1] = line
        end
    end
    return list
end

local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("thread_number", counter)
    threads[#threads + 1] = thread
end

function init(args)
    tokens = lines(os.getenv("TOKENS"))
    paragraphs = lines(os.getenv("PARAGRAPHS"))
    path = "/api/v1/consultations/" .. os.getenv("SLUG") .. "/comments"
    math.randomseed(thread_number * 7919)
    sent = (thread_number - 1) * 17
    created = 0
    other = 0
    statuses = ""
end

local phrases = {
    "We support this paragraph and suggest naming critical infrastructure explicitly.",
    "The wording agreed in the consensus report should be kept.",
    "Please add a reference to the responsible reporting of vulnerabilities.",
    "Capacity-building needs of developing countries deserve a sentence here.",
    "We propose replacing encourage with call upon.",
}

function request()
    sent = sent + 1
    local token = tokens[(sent % #tokens) + 1]
    local body = phrases[(sent % #phrases) + 1] .. " (load test comment " .. thread_number .. "-" .. sent .. ")"
    local json
    if math.random(10) == 1 then
        json = '{"body":"' .. body .. '"}'
    else
        json = '{"paragraphId":"' .. paragraphs[math.random(#paragraphs)] .. '","body":"' .. body .. '"}'
    end
    return wrk.format("POST", path, {
        ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json",
        ["Accept"] = "application/json",
    }, json)
end

function response(status, headers, body)
    if status == 201 then
        created = created + 1
    else
        other = other + 1
        if #statuses < 200 then
            statuses = statuses .. status .. " "
        end
    end
end

function done(summary, latency, requests)
    local total_created, total_other, seen = 0, 0, ""
    for _, thread in ipairs(threads) do
        total_created = total_created + thread:get("created")
        total_other = total_other + thread:get("other")
        seen = seen .. thread:get("statuses")
    end
    io.write(string.format("created=%d other=%d\n", total_created, total_other))
    if total_other > 0 then
        io.write("other statuses (first ones): " .. seen .. "\n")
    end
end
