-- wrk script for bench/web.sh: each request takes the next path of a fixed mix (the search API with
-- three facets, or the search page, which counts all seven facets and renders 10 hits with snippets),
-- every thread stops after MAX requests, and the summary prints p50/p95/p99 from wrk's own histogram.
local kind = os.getenv("WEB_BENCH_KIND") or "api"
local max = tonumber(os.getenv("WEB_BENCH_MAX") or "20000")

local queries = {
  "q=gia+%C4%91%C3%ACnh+v%C4%83n+h%C3%B3a",
  "q=phong+trao+thi+dua",
  "q=n%C3%B4ng+th%C3%B4n+m%E1%BB%9Bi&filter=level:x%C3%A3",
  "q=",
  "q=bao+hiem+y+te&filter=year:2023",
  "q=%22chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91%22",
  "q=ph%C3%B2ng+ch%E1%BB%91ng+thi%C3%AAn+tai&filter=province:Ngh%E1%BB%87+An",
  "q=tuy%C3%AAn+truy%E1%BB%81n+ph%C3%A1p+lu%E1%BA%ADt&filter=doc_type:K%E1%BA%BF+ho%E1%BA%A1ch&filter=level:huy%E1%BB%87n",
  "q=tiem+chung*",
  "cites=13/CT-UBND",
}

-- WEB_BENCH_MIX=distinct: instead of the ten, every request a search not asked before in the run (two words of
-- the generated plans' vocabulary, with or without diacritics, and one of eight filters or none: 40 x 39 x 9 =
-- 14,040 searches), so that no cache of answers can help. Each wrk thread takes every second one from its own
-- starting point, and WEB_BENCH_PHASE=run starts past the searches the warm-up asked.
local mix = os.getenv("WEB_BENCH_MIX") or "fixed"
local words = {
  "gia", "đình", "văn", "hóa", "phong", "trào", "thi", "đua", "nông", "thôn", "mới", "bảo", "hiểm", "y", "tế",
  "chuyển", "đổi", "số", "phòng", "chống", "thiên", "tai", "tuyên", "truyền", "pháp", "luật", "tiêm", "chủng",
  "hộ", "nghèo", "nuoc", "sach", "dang", "vien", "moi", "truong", "an", "ninh", "giao", "thong",
}
local filters = {
  "", "&filter=level:x%C3%A3", "&filter=level:huy%E1%BB%87n", "&filter=year:2022", "&filter=year:2023",
  "&filter=province:Ngh%E1%BB%87+An", "&filter=province:Gia+Lai", "&filter=doc_type:K%E1%BA%BF+ho%E1%BA%A1ch",
  "&filter=doc_type:B%C3%A1o+c%C3%A1o",
}

local function encode(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- The i-th distinct search (0-based), as the query string.
local function distinct(i)
  local n = #words
  local a = i % n
  local b = (a + 1 + math.floor(i / n) % (n - 1)) % n
  local f = math.floor(i / (n * (n - 1))) % #filters
  return "q=" .. encode(words[a + 1]) .. "+" .. encode(words[b + 1]) .. filters[f + 1]
end

local function path(q)
  if kind == "page" then
    return "/?" .. q
  end
  return "/api/search?" .. q .. "&facet=doc_type&facet=level&facet=year"
end

local paths = {}
for i, q in ipairs(queries) do
  paths[i] = path(q)
end

local threads = 0
function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

local counter = 0
local sent = 0
local next_distinct = nil

function request()
  if mix == "distinct" then
    if next_distinct == nil then
      -- The warm-up asks from 0 on, the measured run from the middle: at most 20,000 requests a thread in all.
      local start = (os.getenv("WEB_BENCH_PHASE") == "run") and 7020 or 0
      next_distinct = start + (thread_number or 0)
    end
    local q = distinct(next_distinct)
    next_distinct = next_distinct + 2
    return wrk.format("GET", path(q))
  end
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function response(status, headers, body)
  sent = sent + 1
  if status ~= 200 then
    io.stderr:write("non-200 answer: " .. status .. "\n")
  end
  if sent >= max then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  io.write(string.format("%s requests=%d errors=%d req_per_s=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    kind .. (mix == "distinct" and "-distinct" or ""), summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
