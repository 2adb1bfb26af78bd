#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes data/countries.txt: every ISO 3166-1 country with its Indonesian
and English names and the news spellings Indonesian outlets use.

Facts from Unicode CLDR 41 (Indonesian territory names) and iso-codes
(English and Indonesian ISO 3166-1 names), as kept in
../shared/corpus/gazetteer/, plus the aliases below, which those lists lack
(DOMAIN.md §4.1: spellings seen on Indonesian news pages).

usage: tools/gazetteer_countries.py [--corpus ../shared/corpus] > data/countries.txt
"""
import argparse
import csv
import html
import os
import re

# Spellings in Indonesian news that CLDR and iso-codes lack, and short
# English names the ISO long forms bury ("Korea, Republic of").
NEWS_ALIASES = {
    "BY": ["Belarusia", "Byelorusia", "Republik Belarus", "Belarus"],
    "CN": ["China", "Cina", "RRT", "RRC", "Republik Rakyat Tiongkok", "Republik Rakyat China",
           "Negeri Tirai Bambu"],
    "RU": ["Federasi Rusia", "Negeri Beruang Merah", "Russia", "Rusia"],
    "US": ["AS", "Amerika", "USA", "US", "Paman Sam", "United States", "Amerika Serikat"],
    "GB": ["Inggris", "Britania Raya", "Kerajaan Inggris", "UK", "Britain", "Great Britain"],
    "FR": ["Perancis", "France"],
    "UA": ["Ukraine", "Ukraina"],
    "TR": ["Turkiye", "Türkiye", "Turkey"],
    "KP": ["Korut", "DPRK", "North Korea"],
    "KR": ["Korsel", "South Korea", "Negeri Ginseng"],
    "MY": ["Negeri Jiran"],
    "AU": ["Negeri Kanguru"],
    "DE": ["Germany"],
    "NL": ["Netherlands", "Holland"],
    "JP": ["Japan", "Negeri Sakura"],
    "SA": ["Arab Saudi", "Saudi Arabia", "Saudi"],
    "SY": ["Syria"],
    "IR": ["Iran"],
    "IQ": ["Iraq"],
    "PH": ["Philippines", "Pilipina"],
    "JO": ["Jordania"],
    "LB": ["Libanon"],
    "SG": ["Singapore"],
    "TL": ["Timor Leste", "Timor-Leste", "East Timor"],
    "PG": ["Papua New Guinea"],
    "NZ": ["New Zealand"],
    "AE": ["UEA", "Uni Emirat Arab", "UAE", "United Arab Emirates"],
    "CZ": ["Czech Republic", "Czechia"],
    "IN": ["India"],
    "EG": ["Egypt"],
    "SE": ["Sweden"],
    "FI": ["Finland"],
    "NO": ["Norway"],
    "PL": ["Poland"],
    "GR": ["Greece"],
    "HU": ["Hungary"],
    "RO": ["Romania"],
    "LT": ["Lithuania"],
    "VN": ["Viet Nam"],
    "MM": ["Burma"],
    "AF": ["Afghanistan"],
    "PS": ["Palestine"],
    "YE": ["Yemen"],
    "BR": ["Brazil"],
    "MX": ["Mexico"],
    "ZA": ["South Africa"],
    "TW": ["Taiwan"],
    "ID": ["RI", "Republik Indonesia", "NKRI"],
}

# Where CLDR's full name is not what the news calls the country.
CANONICAL = {"PS": "Palestina"}

# English names that are words or person names more often than countries
# in news text. Only the English column is filtered: "Georgia" and
# "Guinea" are also the Indonesian names, and stay.
SKIP_ENGLISH = {"Jordan", "Chad", "Georgia", "Niger", "Turkey", "Guinea", "Dominica", "Jersey",
                "Man"}


# Bracketed qualifiers that say what kind of place it is, not another name
# for it: "Kongo (Republik)" made every "Republik" a mention of the Congo.
GENERIC_QUALIFIERS = {"Republik", "Negara Kota", "French part", "Dutch part"}


def clean(name):
    """Drops bracketed qualifiers: 'Myanmar (Burma)' -> 'Myanmar', ['Burma']."""
    extra = re.findall(r"\(([^)]*)\)", name)
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    return base, [e for e in extra if e and not e.islower() and e not in GENERIC_QUALIFIERS]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/corpus")
    args = ap.parse_args()
    folder = os.path.join(args.corpus, "gazetteer")
    names, order = {}, []

    def add(code, name, canonical=False, english=False):
        name = html.unescape(name or "")
        # Official long forms ("Kerajaan Bersatu Britania Raya dan Irlandia
        # Utara") never appear in news text; the entity stage takes 8 tokens.
        if not name or "," in name or (english and name in SKIP_ENGLISH) or \
                len(name.split()) > 5:
            return
        base, extra = clean(name)
        entry = names.setdefault(code, [])
        if code not in order:
            order.append(code)
        for i, n in enumerate([base] + extra):
            if n and n[0].isupper() and n not in entry:
                if canonical and i == 0:
                    entry.insert(0, n)
                else:
                    entry.append(n)

    with open(os.path.join(folder, "cldr41-id-territories.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            code = row["code"]
            if not re.fullmatch(r"[A-Z]{2}", code) or code in ("EU", "EZ", "UN", "QO", "ZZ"):
                continue
            add(code, row["name_id"], canonical=(row["alt"] == ""))
    with open(os.path.join(folder, "isocodes-3166-1-id.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["alpha2"] in names:
                add(row["alpha2"], row["name_id"])
                add(row["alpha2"], row["name_en"], english=True)
    for code, name in CANONICAL.items():
        names[code].remove(name)
        names[code].insert(0, name)
    for code, aliases in NEWS_ALIASES.items():
        for a in aliases:
            add(code, a)

    print("""# Every ISO 3166-1 country with its Indonesian and English names and the
# news spellings Indonesian outlets use.
#
#   country:CODE | Canonical name | alias | alias ...
#
# Generated by tools/gazetteer_countries.py from Unicode CLDR 41 and
# iso-codes (Indonesian and English ISO 3166-1 names) plus the news
# spellings of DOMAIN.md 4.1; edit the script, not this file. An alias in
# capitals (AS, UK, RRT) matches only in capitals; the others match when
# capitalised or in a line of capitals.
""")
    for code in sorted(order):
        print(f"country:{code} | " + " | ".join(names[code]))


if __name__ == "__main__":
    main()
