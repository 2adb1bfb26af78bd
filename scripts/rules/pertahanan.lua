-- The defence and geopolitics taxonomy of Indonesian OSINT analysts
-- (DOMAIN.md section 5): one rule per tag, Indonesian and English triggers.
--
-- Single words are ambiguous in news ("latihan" is also football practice,
-- "jatuh" is also a market falling), so most rules ask for a military
-- context (`all = { list "militer" }`), two hits (`min_hits`), or keep
-- sports out (`none = list "olahraga"`).

rule "latihan_militer" {
  description = "Joint or military exercise",
  any  = { "latihan bersama", "latma", "latgab", "latgabma", "latihan gabungan",
           "latihan perang", "latihan tempur", "simulasi tempur", "gladi tempur",
           "Super Garuda Shield", "Garuda Shield", "ORRUDA", "Pitch Black", "Cope West",
           "Elang Ausindo", "Sea Garuda", "Zapad", "Komodo", "joint exercise",
           "military exercise", "military drill", "military drills", "war games", "wargame" },
  all  = { list "militer" },
  none = list "olahraga",
}

rule "pengadaan_alutsista" {
  description = "Arms procurement, contracts and deliveries",
  any  = { "pengadaan", "pembelian", "membeli", "akuisisi", "kontrak", "efektif kontrak",
           "pesanan", "memesan", "kedatangan", "tiba di", "serah terima", "diserahterimakan",
           "hibah", "retrofit", "procurement", "purchase", "acquisition", "contract",
           "delivery", "deliveries", "handover", "ordered" },
  all  = { list "alutsista" },
  min_hits = 2,
}

rule "kerja_sama_pertahanan" {
  description = "Defence agreements and military-technical cooperation",
  any  = { "kerja sama pertahanan", "kerja sama militer", "kerja sama teknik militer",
           "kerjasama pertahanan", "kerjasama militer", "MTC", "DCA",
           "nota kesepahaman", "MoU", "LoI", "perjanjian pertahanan", "penandatanganan",
           "komisi bersama", "pertukaran prajurit", "defence cooperation",
           "defense cooperation", "military-technical cooperation", "memorandum" },
  all  = { list "militer" },
}

rule "industri_pertahanan_tot" {
  description = "Defence industry, technology transfer, offsets",
  any  = { "industri pertahanan", "alih teknologi", "transfer teknologi", "ToT", "offset",
           "imbal dagang", "produksi bersama", "KKIP", "PT Pindad", "Pindad", "PT PAL",
           "PT DI", "PT Dirgantara Indonesia", "PT Len", "Defend ID", "Indo Defence", "MILEX",
           "defence industry", "defense industry", "technology transfer", "co-production" },
}

rule "nuklir" {
  description = "Nuclear weapons, doctrine and deployment",
  any  = { "nuklir", "nuclear", "senjata nuklir", "nuklir taktis", "hulu ledak",
           "penempatan nuklir", "triad nuklir", "uji nuklir", "rudal balistik antarbenua",
           "ICBM", "doktrin nuklir", "pengayaan uranium", "IAEA", "Oreshnik", "Sarmat", "Yars",
           "nuclear weapon", "nuclear weapons", "tactical nuclear", "warhead", "warheads" },
  none = { "pembangkit listrik tenaga nuklir", "PLTN", "nuclear power plant" },
  min_hits = 2,
}

rule "rudal_hanud" {
  description = "Missiles and air defence",
  any  = { "rudal", "peluru kendali", "hipersonik", "rudal balistik", "rudal jelajah",
           "uji tembak", "sistem pertahanan udara", "pertahanan udara", "hanud", "S-400",
           "S-300", "Iskander", "Patriot", "Kinzhal", "NASAMS", "missile", "missiles",
           "hypersonic", "ballistic", "cruise missile", "air defence", "air defense",
           "intercept", "intercepted" },
  none = list "olahraga",
  min_hits = 2,
}

rule "drone_nirawak" {
  description = "Drones and counter-drone systems",
  any  = { "drone", "drones", "dron", "nirawak", "pesawat tanpa awak", "UAV", "UCAV",
           "loitering", "Shahed", "Bayraktar", "Anka", "Elang Hitam", "antidrone",
           "anti-drone", "unmanned", "loitering munition", "counter-drone" },
  all  = { list "militer" },
}

rule "pesawat_tempur_udara" {
  description = "Combat aircraft and air forces",
  any  = { "jet tempur", "pesawat tempur", "skadron udara", "skadron", "Lanud", "TNI AU",
           "Rafale", "Sukhoi", "F-16", "F-15EX", "F-35", "KF-21", "J-10", "A400M", "Hercules",
           "C-130J", "fighter jet", "fighter jets", "squadron", "air force" },
  regex = { [[\bSu-?(2[4-7]|3[0-5]|57)\b]] },
}

rule "maritim_kapal_perang" {
  description = "Warships, submarines and navies",
  -- Not "armada" or "fleet" alone: outlets write of an aircraft fleet too ("armada
  -- pesawat", "its ageing F-16 fleet").
  any  = { "kapal perang", "KRI", "fregat", "korvet", "kapal selam", "KCR", "kapal induk",
           "armada laut", "armada kapal", "Komando Armada", "Koarmada", "patroli laut",
           "Bakamla", "TNI AL", "warship", "warships", "frigate", "submarine", "submarines",
           "navy", "naval fleet", "Seventh Fleet", "Pacific Fleet", "destroyer" },
  none = list "olahraga",
}

rule "insiden_perbatasan_kedaulatan" {
  description = "Border and sovereignty incidents",
  any  = { "pelanggaran wilayah", "pelanggaran ruang udara", "intrusi", "penerobosan",
           "kapal asing", "coast guard", "penjaga pantai", "penangkapan ikan ilegal",
           "illegal fishing", "ZEE", "Ambalat", "perbatasan", "force down", "intersepsi", "FIR",
           "incursion", "airspace violation", "border incident", "EEZ", "kedaulatan" },
  min_hits = 2,
}

rule "laut_china_selatan" {
  description = "South China Sea and the North Natuna Sea",
  any  = { "Laut China Selatan", "Laut Cina Selatan", "Laut Tiongkok Selatan",
           "Laut Natuna Utara", "sembilan garis putus-putus", "nine-dash line", "Spratly",
           "Paracel", "Second Thomas", "Scarborough", "South China Sea", "gray zone" },
}

rule "sanksi_embargo" {
  description = "Sanctions and embargoes",
  any  = { "sanksi", "embargo", "CAATSA", "larangan ekspor", "pembekuan aset", "daftar hitam",
           "restriksi", "sanctions", "sanction", "export ban", "blacklist" },
  none = list "olahraga",
  where = function(a)
    -- Sanctions on states or arms deals, not on a club or a civil servant.
    return a:mentions({ "CAATSA", "embargo", "senjata", "militer", "pertahanan", "alutsista" },
                      { "Rusia", "Russia", "Iran", "Korea Utara", "North Korea", "Belarus",
                        "Amerika Serikat", "Uni Eropa", "European Union" })
  end,
}

rule "aliansi_blok" {
  description = "Alliances and blocs",
  any  = { "NATO", "CSTO", "SCO", "BRICS", "AUKUS", "Quad", "nonblok", "non-blok",
           "bebas aktif", "Gerakan Non-Blok", "alliance", "non-aligned", "aksesi" },
}

rule "konflik_rusia_ukraina" {
  description = "The Russia-Ukraine war",
  any  = { "Ukraina", "Ukraine", "operasi militer khusus", "Donbas", "Donbass", "Donetsk",
           "Luhansk", "Kharkiv", "Krimea", "Crimea", "Kyiv", "Kiev", "Zaporizhia",
           "Zaporizhzhia", "Bakhmut", "Kursk", "special military operation" },
  all  = { list "rusia" },
}

rule "konflik_timur_tengah" {
  description = "Middle East conflicts",
  any  = { "Israel", "Gaza", "Hamas", "Hizbullah", "Hezbollah", "Houthi", "Iran", "Laut Merah",
           "Red Sea", "Suriah", "Syria", "Timur Tengah", "Middle East", "Tepi Barat",
           "West Bank", "Yaman", "Yemen" },
  min_hits = 2,
}

rule "rusia_belarus" {
  description = "Russia and Belarus as actors",
  any  = list "rusia_belarus",
  min_hits = 2,
}

-- Entities at work: the exercise words, with Russia or Belarus named as a
-- country in the text (any spelling: Rusia, Federasi Rusia, Belarusia, a
-- Kremlin that acts), not merely a word in a related link.
rule "latihan_rusia_belarus" {
  description = "A military exercise involving Russia or Belarus",
  any   = { "latihan bersama", "latihan gabungan", "latihan militer", "latihan perang",
            "Zapad", "joint exercise", "military exercise", "military drills" },
  where = function(a) return a:mentions_country("RU", "BY") end,
}

rule "diplomasi_pertahanan" {
  description = "Defence diplomacy: visits and meetings",
  any  = { "kunjungan kerja", "kunjungan resmi", "lawatan", "kunjungan kehormatan", "bertemu",
           "pertemuan bilateral", "dialog", "Shangri-La Dialogue", "ADMM", "atase pertahanan",
           "duta besar", "official visit", "bilateral meeting", "defence diplomacy",
           "courtesy call", "met with" },
  all  = { list "militer" },
  none = list "olahraga",
}

rule "anggaran_pertahanan" {
  description = "Defence budget and financing",
  any  = { "anggaran pertahanan", "belanja pertahanan", "anggaran", "APBN", "triliun",
           "pinjaman luar negeri", "Renstra", "MEF", "kekuatan pokok minimum",
           "defence budget", "defense budget", "military spending", "budget" },
  all  = { list "militer" },
  min_hits = 2,
}

rule "keamanan_papua_separatis" {
  description = "Separatist violence in Papua",
  any  = { "KKB", "OPM", "TPNPB", "kelompok kriminal bersenjata", "kelompok separatis",
           "separatis", "Intan Jaya", "Nduga", "Puncak Jaya", "penyelundupan senjata",
           "separatist", "insurgency" },
}

rule "terorisme" {
  description = "Terrorism and counter-terrorism",
  any  = { "teroris", "terorisme", "Densus 88", "Jamaah Ansharut Daulah", "JAD",
           "Jemaah Islamiyah", "ISIS", "terduga teroris", "bom bunuh diri", "terrorism",
           "terrorist", "terrorists" },
}

rule "siber_informasi" {
  description = "Cyber attacks and information warfare",
  any  = { "serangan siber", "peretasan", "peretas", "diretas", "BSSN", "perang informasi",
           "disinformasi", "hoaks", "propaganda", "perang hibrida", "deface", "kebocoran data",
           "ransomware", "cyber attack", "cyberattack", "hacker", "hackers", "disinformation",
           "hybrid warfare" },
  min_hits = 2,
}

rule "kecelakaan_insiden_militer" {
  description = "Military accidents and incidents",
  any  = { "jatuh", "kecelakaan", "tenggelam", "subsunk", "ledakan", "meledak",
           "pemusnahan amunisi", "gugur", "korban jiwa", "tewas", "crash", "crashed",
           "accident", "explosion", "casualties", "killed" },
  all  = { list "militer" },
  none = list "olahraga",
  min_hits = 2,
}

rule "kepemimpinan_personel" {
  description = "Appointments and changes of command",
  any  = { "pelantikan", "dilantik", "melantik", "sertijab", "serah terima jabatan", "mutasi",
           "rotasi jabatan", "pensiun", "fit and proper test", "appointment", "appointed",
           "change of command" },
  all  = { list "militer" },
}
