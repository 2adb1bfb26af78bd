-- Quality and provenance tags (DOMAIN.md section 5, "Meta"): what kind of
-- copy the analyst is looking at, not what it is about.

rule "sumber_media_negara" {
  description = "Cites Russian, Belarusian, Chinese, Iranian or North Korean state media",
  any   = list "media_negara",
  -- "RT" alone is also an Indonesian neighbourhood unit (RT 03/RW 05).
  regex = { [[\bRT\b(?!\s*\d|\s*/)]] },
}

rule "sumber_sekunder" {
  description = "Second-hand: the outlet relays another outlet's report",
  any = { "dilansir", "dilansir dari", "melansir", "dikutip dari", "mengutip",
          "seperti dilaporkan", "seperti dikutip", "as reported by", "according to" },
}

rule "spam_judol" {
  description = "Injected online-gambling promotion",
  any   = list "judol",
  -- A brand: a capitalised word glued to 2-4 digits ("TRISULA88", "Mantap87").
  regex = { [[\b[A-Z][A-Za-z]{2,}[0-9]{2,4}\b]] },
  none  = { "slot penayangan", "slot waktu", "slot iklan", "time slot" },
  where = function(a)
    -- The spam stage scores whole pages once it runs; until then a brand
    -- after a call to action ("DAFTAR TRISULA88"), or slang twice, decides.
    if a.spam and a.spam.score then return a.spam.score >= 0.5 end
    return a:match([[\b(?i:daftar|login|situs|link|akses|main di|bo)\s+[A-Z][A-Za-z]{2,}[0-9]{2,4}\b]]) ~= nil
      or a:count({ "gacor", "maxwin", "togel", "slot gacor", "rtp live", "scatter hitam" }) >= 2
  end,
}

rule "copy_artefacts" {
  description = "Copy artefacts: footnote digits glued to words",
  -- The clean stage strips "Ukraina245." to "Ukraina." and lists each
  -- stripped word in removed[] as a footnote; two or more mark a copy.
  where = function(a)
    local n = 0
    for _, r in ipairs(a.removed or {}) do
      if r.kind == "footnote" then n = n + 1 end
    end
    return n >= 2
  end,
}

rule "low_quality_pbn" {
  description = "Spun republication: split verb prefixes typical of article spinners",
  regex = { [[\b(?i:di)\s(?:laporkan|luncurkan|katakan|sampaikan|ungkapkan|jelaskan|tegaskan|kerahkan)\b]] },
  min_hits = 2,
}

rule "paginated_partial" {
  description = "Only one page of a paginated article",
  any   = { "halaman selanjutnya", "halaman berikutnya", "baca halaman selanjutnya" },
  regex = { [[(?i)\bhalaman\s+1\s+2\b]] },
  none  = { "tampilkan semua", "lihat semua", "show all" },
}
