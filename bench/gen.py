#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Deterministic synthetic news articles for benchmarks.

    bench/gen.py OUTDIR COUNT [--size BYTES] [--lang id|en|mix] [--seed N]

Writes OUTDIR/artikel-NNNNNNN.txt, each about BYTES long (default 4096), in
the shape of the outlets warta reads: a headline, a dateline lede, body
paragraphs with quotes and numbers, page junk ("Baca juga:", a byline, a
copyright footer). The same arguments always give the same bytes; every
article is distinct, so none is a duplicate of another.
"""
import argparse
import os
import random

ID = {
    "cities": ["JAKARTA", "MOSKOW", "MINSK", "BEIJING", "SURABAYA", "NATUNA", "KYIV", "WASHINGTON"],
    "outlets": ["TRIBUNNEWS.COM", "REPUBLIKA.CO.ID", "KOMPAS.com", "AIRSPACE REVIEW", "ANTARA"],
    "people": ["Prabowo Subianto", "Sergei Shoigu", "Alexander Lukashenko", "Sjafrie Sjamsoeddin",
               "Vladimir Putin", "Agus Subiyanto", "Valery Revenko", "Retno Marsudi"],
    "roles": ["Menteri Pertahanan", "Presiden", "Panglima TNI", "Kepala Staf Angkatan Udara", "juru bicara"],
    "things": ["rudal Iskander-M", "jet tempur Su-35", "kapal selam Scorpene", "sistem S-400",
               "pesawat Rafale", "drone Bayraktar TB2", "KRI Nanggala-402", "helikopter Mi-17V5"],
    "verbs": ["menggelar", "menandatangani", "membahas", "mengirim", "memperkuat", "menyepakati"],
    "words": ("latihan gabungan kerja sama pertahanan wilayah perbatasan keamanan kawasan "
              "angkatan bersenjata kesepakatan industri strategis modernisasi alutsista "
              "anggaran triliun rupiah pasukan perdamaian laut china selatan diplomasi").split(),
    "quote": ["ujar", "kata", "tegas", "jelas"],
    "junk": ["Baca juga: {t}", "Penulis: {p} | Editor: {q}", "Copyright 2026 {o}. All rights reserved.",
             "Simak berita lainnya di Google News", "Dapatkan update berita pilihan setiap hari."],
}
EN = {
    "cities": ["WASHINGTON", "LONDON", "MOSCOW", "MINSK", "BEIJING", "CANBERRA", "SINGAPORE"],
    "outlets": ["Reuters", "Defense News", "The Diplomat", "Breaking Defense"],
    "people": ["Lloyd Austin", "Sergei Shoigu", "Alexander Lukashenko", "Richard Marles", "Ng Eng Hen"],
    "roles": ["Defence Minister", "President", "spokesperson", "Chief of Staff"],
    "things": ["Su-57 fighters", "the S-400 system", "F-35A jets", "Iskander-M missiles", "HIMARS launchers"],
    "verbs": ["announced", "signed", "discussed", "deployed", "strengthened", "agreed on"],
    "words": ("joint exercise defence cooperation border security regional forces agreement "
              "procurement budget billion dollars modernisation strategic industry naval patrol").split(),
    "quote": ["said", "told reporters", "added"],
    "junk": ["Read more: {t}", "Reporting by {p}; editing by {q}", "(c) 2026 {o}. All rights reserved.",
             "Sign up for our newsletter."],
}


def sentence(rng, v):
    n = rng.randint(8, 18)
    words = [rng.choice(v["words"]) for _ in range(n)]
    if rng.random() < 0.5:
        words.insert(rng.randint(0, n), rng.choice(v["things"]))
    if rng.random() < 0.3:
        words.insert(rng.randint(0, n), f"{rng.randint(2, 999)}.{rng.randint(100, 999)}")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def make_article(i, size, lang, seed):
    rng = random.Random(seed * 1_000_003 + i)
    v = ID if lang == "id" or (lang == "mix" and i % 3) else EN
    person, role = rng.choice(v["people"]), rng.choice(v["roles"])
    title = f"{person} {rng.choice(v['verbs'])} {rng.choice(v['things'])} ({i})"
    lines = [title, ""]
    lede = f"{rng.choice(v['cities'])} - {rng.choice(v['outlets'])} - {role} {person} {rng.choice(v['verbs'])} {rng.choice(v['things'])}. {sentence(rng, v)}"
    lines += [lede, ""]
    while sum(len(line) + 1 for line in lines) < size - 200:
        para = " ".join(sentence(rng, v) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.3:
            para += f' "{sentence(rng, v)}" {rng.choice(v["quote"])} {person.split()[-1]}.'
        lines += [para, ""]
        if rng.random() < 0.15:
            lines += [rng.choice(v["junk"]).format(t=sentence(rng, v)[:60], p=rng.choice(v["people"]),
                                                    q=rng.choice(v["people"]), o=rng.choice(v["outlets"])), ""]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("count", type=int)
    ap.add_argument("--size", type=int, default=4096)
    ap.add_argument("--lang", choices=("id", "en", "mix"), default="mix")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    for i in range(args.count):
        with open(os.path.join(args.outdir, f"artikel-{i:07d}.txt"), "w") as f:
            f.write(make_article(i, args.size, args.lang, args.seed))


if __name__ == "__main__":
    main()
