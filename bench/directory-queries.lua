-- wrk script for bench/directory.sh: every request searches for another query, drawn at random from
-- 40 words and word pairs (common names, typos, umlauts written out, categories, words found nowhere)
-- and, for a quarter of the requests, a random number (each synthetic name ends in its own number,
-- so these are rare and practically never repeat). Usage: wrk -s bench/directory-queries.lua URL
-- with BENCH_SIZE (businesses generated) in the environment; the URL's path is searched (/unternehmen, /suche).
local words = {
  "B%C3%A4ckerei",
  "Metzgerei",
  "Friseur",
  "Caf%C3%A9",
  "Elektro",
  "Tischlerei",
  "Blumen",
  "Optik",
  "Apotheke",
  "Kiosk",
  "Schmidt",
  "M%C3%BCller",
  "Mueller",
  "Schulte",
  "Wessels",
  "Yilmaz",
  "Hoffmann",
  "Brinkhoff",
  "Tenbrink",
  "B%C3%A4ckereien",
  "Baeckerei",
  "Backerei",
  "B%C3%A4ckrei",
  "Metzgrei",
  "Tischlrei",
  "Apoteke",
  "Fris%C3%B6r",
  "B%C3%A4ckerei%20Schmidt",
  "Optik%20Yilmaz",
  "Kiosk%20Tenbrink",
  "Blumen%20M%C3%BCller",
  "Fahrrad",
  "Fusspflege",
  "Gastronomie",
  "Schloesser",
  "Zechenlicht",
  "Strasse",
  "Lebensmittel",
  "Handwerk",
  "Bottrop"
}
local size = tonumber(os.getenv("BENCH_SIZE") or "10000")

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(os.time() + (seed or 0))
end

function request()
  local q
  if math.random(4) == 1 then
    q = tostring(math.random(61, size))
  else
    q = words[math.random(#words)]
  end
  -- the path given to wrk (/unternehmen or the portal-wide /suche) with the query
  return wrk.format("GET", wrk.path .. "?q=" .. q)
end
