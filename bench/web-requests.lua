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

local paths = {}
for i, q in ipairs(queries) do
  if kind == "page" then
    paths[i] = "/?" .. q
  else
    paths[i] = "/api/search?" .. q .. "&facet=doc_type&facet=level&facet=year"
  end
end

local counter = 0
local sent = 0

function request()
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
    kind, summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
