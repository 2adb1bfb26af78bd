#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generates data/langid-idms.txt, the Indonesian-or-Malay model of langid.

A naive Bayes model over words, written as one log-likelihood ratio per
word (log P(w|id) - log P(w|ms)), keeping the words whose ratio says
something. Counts are smoothed by adding SMOOTHING (a tenth), not one:
the Indonesian text is larger than the Malay, and with add-one a word
seen once in Indonesian and never in Malay came out as Malay evidence,
only because the Malay total is smaller. The plugin sums the ratios of a text's words.
(Character n-grams were tried and did worse on the held-out sentences:
with this little Malay text, whole words carry the difference - kerana /
karena, boleh / bisa, kerajaan / pemerintah.)

Training data, all redistributable:
  - the DSL shared-task Indonesian/Malay sentences (CC0) in
    ../shared/corpus/langid/test-none-gold.id-my.tsv: the EVEN-numbered
    sentences of each language only; the odd ones are held out for
    bench/langid.py, so its figures are on sentences the model never saw;
  - the Indonesian sentences of idner-news-2k (MIT),
    ../shared/corpus/ner/train.txt and dev.txt, each word counted
    NER_WEIGHT times: they are news of another source, and at full weight
    their vocabulary outvoted the DSL sentences;
  - the known differences between the two standards, listed below
    (facts of the languages, written here), each counted as if seen
    LEXICON_COUNT times: 500 Malay sentences cannot hold every word that
    tells the languages apart, and a word Malay spells its own way
    (kerana, wang, kualiti) is evidence wherever it turns up.

usage: tools/langid_model.py [--corpus ../shared/corpus] [--out data/langid-idms.txt]
"""
import argparse
import collections
import math
import os
import re

MIN_RATIO = 0.3
LEXICON_COUNT = 3
NER_WEIGHT = 0.3
SMOOTHING = 0.1

# The same thing in Malay and in Indonesian: spelling (kerana/karena,
# -iti/-itas, sihat/sehat, fikir/pikir) and word choice (kerajaan/pemerintah).
PAIRS = """
kerana karena | bahawa bahwa | iaitu yaitu | sahaja saja | wang uang | kerajaan pemerintah
boleh bisa | semalam kemarin | polis polisi | kereta mobil | bas bus | teksi taksi
syarikat perusahaan | pejabat kantor | projek proyek | kualiti kualitas | universiti universitas
komuniti komunitas | aktiviti aktivitas | fasiliti fasilitas | kapasiti kapasitas
identiti identitas | realiti realitas | majoriti mayoritas | minoriti minoritas
prioriti prioritas | integriti integritas | kreativiti kreativitas | produktiviti produktivitas
baharu baru | cuba coba | kenyataan pernyataan | hospital rumah | doktor dokter | ubat obat
tentera tentara | perlembagaan konstitusi | parlimen parlemen | parti partai | kempen kampanye
jurucakap juru | peratus persen | bilion miliar | trilion triliun | minit menit
antarabangsa internasional | televisyen televisi | filem film | muzik musik | lelaki pria
apabila ketika | sekiranya jika | selepas setelah | pelbagai berbagai | sebahagian sebagian
bahagian bagian | sedar sadar | kesedaran kesadaran | fikir pikir | berfikir berpikir
faham paham | fahaman paham | hadapan depan | kesihatan kesehatan | sihat sehat
mesyuarat rapat | setiausaha sekretaris | pengerusi ketua | naib wakil | timbalan wakil
pengarah direktur | pengurus manajer | kakitangan karyawan | cukai pajak | kewangan keuangan
perbelanjaan pengeluaran | menerusi melalui | kenderaan kendaraan | perniagaan bisnis
pelaburan investasi | pelancongan pariwisata | pelancong wisatawan | keganasan kekerasan
pengganas teroris | kes kasus | siasatan penyelidikan | menyiasat menyelidiki | mangsa korban
kemalangan kecelakaan | lori truk | motosikal motor | basikal sepeda | pelajar siswa
pensyarah dosen | peperiksaan ujian | elektrik listrik | teknikal teknis | praktikal praktis
akademik akademis | automatik otomatis | kritikal kritis | moden modern | pemodenan modernisasi
dadah narkoba | pengangkutan transportasi | kad kartu | kos biaya | bajet anggaran
memberitahu mengatakan | contohnya misalnya | manakala sedangkan | semasa selama
belia pemuda | askar prajurit | kastam bea | insurans asuransi | perkhidmatan layanan
khidmat jasa | perkakasan perangkat | perisian perangkat | telefon telepon | emel surel
laman situs | rangkaian jaringan | jualan penjualan
isteri istri | muzium museum | stesen stasiun | haiwan hewan | kerusi kursi | tandas toilet
pesakit pasien | wabak wabah | jangkitan infeksi | dijangkiti terinfeksi | terkorban tewas
taufan topan | ribut badai | rasmi resmi | merasmikan meresmikan | perasmian peresmian
jawapan jawaban | mahu mau | hutang utang | berhutang berutang | sentiasa senantiasa
seketika sebentar | esok besok | petang sore | lapan delapan | justeru justru
khamis kamis | jumaat jumat | isnin senin | mac maret | jun juni | julai juli | ogos agustus
disember desember | syarikat serikat | inggeris inggris | perancis prancis | jepun jepang
sempadan perbatasan | jiran tetangga | bekalan pasokan | membekalkan memasok | pembekal pemasok
jawatankuasa komite | bendahari bendahara | pengurusan pengelolaan | menguruskan mengelola
rundingan perundingan | berunding bernegosiasi | menganjurkan menyelenggarakan
penganjur penyelenggara | majlis acara | memaklumkan memberitahukan | maklumat informasi
difahamkan dipahami | dianggarkan diperkirakan | dijangka diprediksi | jangkaan prediksi
penglibatan keterlibatan | pembangkang oposisi | peguam pengacara | pendakwa jaksa
mahkamah pengadilan | jenayah kejahatan | penjenayah penjahat | tertuduh terdakwa
suspek tersangka | kilang pabrik | memandu menyetir | pemandu sopir | petrol bensin
rakan rekan | berjaya berhasil | percuma gratis | kedai toko | kasut sepatu | seluar celana
beg tas | bilik kamar | jurutera insinyur | arkitek arsitek | akauntan akuntan | saintis ilmuwan
saintifik ilmiah | strategik strategis | taktikal taktis | sistematik sistematis
dinamik dinamis | realistik realistis | simbolik simbolis | persatuan asosiasi
perbadanan korporasi | pangsapuri apartemen | kemudahan fasilitas | sesetengah sebagian
tanggungjawab tanggung | bertanggungjawab bertanggung | melabur berinvestasi
"""

# Words of one standard only: titles, currencies, administrative units, colloquial particles.
MALAY_ONLY = """beliau awak encik puan cik datuk dato datin sri yb yab ringgit negeri
dewan ahli jabatan ialah turut walau bagaimanapun disebabkan berkata
rm berhad bhd sdn sebarang sesiapa tiada nak dah je kat sikit mendakwa
dakwaan bertanding berpandu kanak kerjasama warganegara lebuhraya mengundi
pengundi jawatan kecederaan soalan bersetuju rawatan pertubuhan serantau pelabur membabitkan
terbabit peniaga usahawan""".split()
INDONESIAN_ONLY = """tersebut yakni rupiah rp provinsi kabupaten kecamatan kelurahan pemilu dpr
dprd mpr nggak enggak gak sih dong kok banget lho aja udah bilang kayak gimana kapan agar wni
bupati gubernur walikota camat lurah polri kapolri mengungkapkan menuturkan
tbk ujarnya imbuhnya tuturnya ungkapnya usai lantaran toh nih tuh deh doang bikin bandara
rudal tni maskapai tempur longsor""".split()


def lexicon():
    """(word, lang) of the known differences."""
    for pair in re.split(r"[|\n]", PAIRS):
        if not pair.strip():
            continue
        malay, indonesian = pair.split()
        yield malay, "ms"
        yield indonesian, "id"
    yield from ((w, "ms") for w in MALAY_ONLY)
    yield from ((w, "id") for w in INDONESIAN_ONLY)
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def features(sentence):
    """The sentence's words, lower case (entities masked as #NE# left out)."""
    return WORD.findall(sentence.replace("#NE#", " ").lower())


def dsl_sentences(path, held_out):
    """(sentence, lang) of the even (training) or odd (held-out) rows of each language."""
    seen = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "\t" not in line:
                continue
            text, label = line.rstrip("\n").rsplit("\t", 1)
            lang = {"id": "id", "my": "ms"}.get(label)
            if not lang:
                continue
            n = seen[lang]
            seen[lang] += 1
            if (n % 2 == 1) == held_out:
                yield text, lang


def ner_sentences(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                if words:
                    yield " ".join(words)
                words = []
            else:
                words.append(line.split()[0])
    if words:
        yield " ".join(words)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--out", default="data/langid-idms.txt")
    args = ap.parse_args()
    counts = {"id": collections.Counter(), "ms": collections.Counter()}
    # (NER_WEIGHT and SMOOTHING were chosen by five-fold cross-validation on
    # the training half, never on the held-out sentences.)
    dsl = os.path.join(args.corpus, "langid/test-none-gold.id-my.tsv")
    for text, lang in dsl_sentences(dsl, held_out=False):
        counts[lang].update(features(text))
    for part in ("train.txt", "dev.txt"):
        for text in ner_sentences(os.path.join(args.corpus, "ner", part)):
            for word in features(text):
                counts["id"][word] += NER_WEIGHT
    for word, lang in lexicon():
        counts[lang][word] += LEXICON_COUNT
    vocab = set(counts["id"]) | set(counts["ms"])
    totals = {lang: sum(c.values()) + SMOOTHING * len(vocab) for lang, c in counts.items()}
    rows = []
    for w in vocab:
        ratio = (math.log((counts["id"][w] + SMOOTHING) / totals["id"])
                 - math.log((counts["ms"][w] + SMOOTHING) / totals["ms"]))
        if abs(ratio) >= MIN_RATIO:
            rows.append((w, ratio))
    rows.sort()
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Indonesian (positive) or Malay (negative): a log-likelihood ratio\n"
                  "# per lower-case word. Generated by tools/langid_model.py from CC0 and\n"
                  "# MIT-licensed sentences (see there); do not edit by hand.\n")
        for f, ratio in rows:
            out.write(f"{f}\t{ratio:.3f}\n")
    print(f"{len(rows)} features from {sum(counts['id'].values()):.0f} id and "
          f"{sum(counts['ms'].values())} ms feature occurrences -> {args.out}")


if __name__ == "__main__":
    main()
