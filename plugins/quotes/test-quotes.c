/* SPDX-License-Identifier: MIT */
/*
 * quotes: who said what, from paragraphs written for this test in the
 * style of Indonesian news, with each way outlets attribute speech.
 */
#include "wa-pipeline.h"

static const char conf[] =
	"pipeline = { 'ingest_text', 'normalize', 'clean', 'entities', 'quotes' }";

/* The quotation whose text starts with `start`, or NULL. */
static const cJSON *quote(const struct wa_test_run *r, const char *start)
{
	const cJSON *q;

	cJSON_ArrayForEach(q, wa_test_field(r, "quotes"))
	{
		const char *text = wa_json_get_string(q, "text");

		if (text && strncmp(text, start, strlen(start)) == 0)
			return q;
	}
	return NULL;
}

static void expect(const struct wa_test_run *r, const char *start, const char *speaker,
		   const char *kind)
{
	const cJSON *q = quote(r, start);

	if (!q)
		WA_TEST_FAIL("no quotation starting '%s'", start);
	ASSERT_STR_EQ(wa_json_get_string(q, "speaker"), speaker);
	ASSERT_STR_EQ(wa_json_get_string(q, "kind"), kind);
}

WA_TEST(speakers_come_from_verbs_after_and_before_and_from_nya)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Dua Menteri Bertemu di Minsk\n\n"
		"Menteri Pertahanan Rusia Arkady Voronin bertemu Menhan Belarus Pavel "
		"Rudenko di Minsk.\n\n"
		"\"Kami siap menghadapi ancaman dari barat,\" kata Voronin kepada wartawan.\n\n"
		"\"Latihan ini bersifat defensif dan terbuka,\" tegasnya.\n\n"
		"Rudenko mengatakan, \"Belarus menjadi tuan rumah tahun depan.\"\n\n"
		"Pavel Rudenko: \"Semua negara tetangga sudah diberi tahu.\"\n\n"
		"\u2018\u2018Tidak ada yang perlu dikhawatirkan,\u2019\u2019 ujar Menhan "
		"Rudenko.\n");
	expect(&r, "Kami siap menghadapi", "Arkady Voronin", "direct");
	expect(&r, "Latihan ini bersifat", "Arkady Voronin", "direct");
	expect(&r, "Belarus menjadi tuan rumah", "Pavel Rudenko", "direct");
	expect(&r, "Semua negara tetangga", "Pavel Rudenko", "direct");
	expect(&r, "Tidak ada yang perlu", "Pavel Rudenko", "direct");
	/* The text is the quotation alone: no marks, no trailing comma. */
	ASSERT_STR_EQ(wa_json_get_string(quote(&r, "Kami"), "text"),
		      "Kami siap menghadapi ancaman dari barat");
	wa_test_run_done(&r);
}

WA_TEST(indirect_speech_and_the_cited_outlet)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Jakarta Tambah Kapal Patroli\n\n"
			 "Kepala Bakamla Laksdya Bambang Wirasena menegaskan bahwa patroli di Laut "
			 "Natuna Utara akan ditambah tahun ini, seperti dilansir Reuters.\n");
	const cJSON *q = quote(&r, "patroli di Laut");

	ASSERT_NOT_NULL(q);
	ASSERT_STR_EQ(wa_json_get_string(q, "speaker"), "Bambang Wirasena");
	ASSERT_STR_EQ(wa_json_get_string(q, "kind"), "indirect");
	ASSERT_STR_EQ(wa_json_get_string(q, "text"),
		      "patroli di Laut Natuna Utara akan ditambah tahun ini");
	ASSERT_STR_EQ(wa_json_get_string(q, "via"), "Reuters");
	wa_test_run_done(&r);

	wa_test_run_text(&r, conf,
			 "Kapal Asing Diusir\n\n"
			 "Menurut Laksdya Bambang Wirasena, kapal asing itu sudah tiga kali masuk "
			 "perairan Natuna pekan ini.\n");
	q = quote(&r, "kapal asing itu");
	ASSERT_NOT_NULL(q);
	ASSERT_STR_EQ(wa_json_get_string(q, "speaker"), "Bambang Wirasena");
	ASSERT_STR_EQ(wa_json_get_string(q, "kind"), "indirect");
	wa_test_run_done(&r);

	/* The kind of outlet named between the cue and its name is no part of it. */
	wa_test_run_text(
		&r, conf,
		"Belarus Gelar Latihan\n\n"
		"Menteri Pertahanan Belarus Viktor Khrenin mengatakan, \"Kami tidak mengancam "
		"siapa pun,\" seperti dikutip kantor berita BelTA.\n");
	q = quote(&r, "Kami tidak mengancam");
	ASSERT_NOT_NULL(q);
	ASSERT_STR_EQ(wa_json_get_string(q, "speaker"), "Viktor Khrenin");
	ASSERT_STR_EQ(wa_json_get_string(q, "via"), "BelTA");
	wa_test_run_done(&r);
}

WA_TEST(names_in_quotes_are_not_speech)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Jet Tempur Rusia\n\n"
			 "Pesawat itu dijuluki \"Flanker-E\" oleh NATO dan disebut \"jet terbaik\" "
			 "oleh pengamat.\n");
	ASSERT_NULL(wa_test_field(&r, "quotes"));
	wa_test_run_done(&r);
}

WA_TEST(a_quotation_nobody_is_named_for_has_no_speaker)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Warga Resah\n\n"
			 "\"Kami tidak tahu harus mengungsi ke mana,\" kata seorang warga.\n");
	const cJSON *q = quote(&r, "Kami tidak tahu");

	ASSERT_NOT_NULL(q);
	ASSERT_TRUE(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(q, "speaker")));
	wa_test_run_done(&r);

	/*
	 * A ministry, not the person quoted a paragraph earlier, says this one;
	 * the outlet it was cited from comes before the quotation.
	 */
	wa_test_run_text(
		&r, conf,
		"Serangan Drone\n\n"
		"\"Kami butuh lebih banyak pertahanan udara,\" tulis Presiden Ukraina "
		"Volodymyr Zelensky.\n\n"
		"Kementerian Pertahanan Rusia, dikutip kantor berita RIA Novosti, menyatakan "
		"serangan itu ditujukan pada \"sasaran militer yang digunakan angkatan "
		"bersenjata Ukraina\".\n");
	expect(&r, "Kami butuh lebih", "Volodymyr Zelensky", "direct");
	q = quote(&r, "sasaran militer");
	ASSERT_NOT_NULL(q);
	ASSERT_TRUE(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(q, "speaker")));
	ASSERT_STR_EQ(wa_json_get_string(q, "via"), "RIA Novosti");
	wa_test_run_done(&r);
}

WA_TEST(a_long_post_before_the_name_and_a_pronoun_after_the_verb)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Rudal Korut\n\n"
			 "Menteri Pertahanan Arkady Voronin meninjau pangkalan angkatan laut di "
			 "Vladivostok pada Kamis pagi bersama para komandan armada.\n\n"
			 "\"Kami siap menghadapi provokasi apa pun,\" kata dia kepada wartawan, "
			 "disaksikan Presiden Vasily Petrenko.\n\n"
			 "\"Provokasi ini melanggar resolusi Dewan Keamanan,\" kata juru bicara "
			 "Kementerian Unifikasi Korea Selatan Koo Byung-sam.\n");
	expect(&r, "Kami siap menghadapi", "Arkady Voronin", "direct");
	expect(&r, "Provokasi ini melanggar", "Koo Byung-sam", "direct");
	wa_test_run_done(&r);
}

/* English order with the speaker's post: `," Defence Minister X said`, not the last person named.
 */
WA_TEST(an_english_speaker_after_the_quotation_with_a_post)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Warships\n\n"
		"JAKARTA (Reuters) - Ministry spokesman Frega Wenas told reporters the deal "
		"was signed on Tuesday.\n\n"
		"\"These ships will strengthen our presence,\" Defence Minister Sjafrie "
		"Sjamsoeddin said in a statement.\n");
	expect(&r, "These ships will strengthen", "Sjafrie Sjamsoeddin", "direct");
	wa_test_run_done(&r);
}

/* "katanya" is the last person the text made speak, not the last one it named. */
WA_TEST(katanya_is_the_last_speaker_not_the_last_name)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Kerjasama\n\n"
		"Menteri Pertahanan Mohamed Khaled Nordin berkata, persetujuan itu dicapai "
		"bersama rakan sejawatnya dari Indonesia, Sjafrie Sjamsoeddin di Putrajaya.\n\n"
		"\"Kedua-dua negara berkongsi kepentingan yang sama,\" katanya.\n");
	expect(&r, "Kedua-dua negara", "Mohamed Khaled Nordin", "direct");
	wa_test_run_done(&r);
}

/*
 * "ujarnya" in a paragraph whose subject is someone new is that person's,
 * though someone else spoke in the paragraph before; and a quotation that
 * follows with "katanya", no one new named, is theirs too.
 */
WA_TEST(nya_is_the_subject_of_its_own_paragraph)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Patroli\n\n"
		"Kepala Dinas Penerangan Angkatan Laut Laksamana Pertama TNI Tunggul mengatakan "
		"kapal asing itu sudah meninggalkan ZEE Indonesia.\n\n"
		"Menteri Pertahanan Sjafrie Sjamsoeddin meminta semua unsur tetap siaga. "
		"\"Kedaulatan tidak bisa ditawar,\" ujarnya.\n\n"
		"\"Patroli berlanjut sampai akhir bulan,\" katanya.\n");
	expect(&r, "Kedaulatan tidak bisa", "Sjafrie Sjamsoeddin", "direct");
	/* A paragraph naming no one goes on with the last quotation's speaker. */
	expect(&r, "Patroli berlanjut", "Sjafrie Sjamsoeddin", "direct");
	wa_test_run_done(&r);
}

/*
 * Found by fuzz-pipeline: a name, its verb and a comma ending the text read
 * one token past the last. The filler makes the tokens exactly 256, as
 * many as their array holds, so AddressSanitizer sees such a read.
 */
WA_TEST(a_reporting_verb_ending_the_text_quotes_nothing)
{
	char text[4096] = "Kapal\n\nPT PAL menyelesaikan ";
	struct wa_test_run r = { 0 };

	for (int i = 0; i < 243; i++)
		strcat(text, "kapal ");
	strcat(text, "itu. Direktur Utama PT PAL Kaharuddin Djenod mengatakan,");
	wa_test_run_text(&r, conf, text);
	ASSERT_NULL(wa_test_field(&r, "quotes"));
	wa_test_run_done(&r);
}

WA_TEST(speakers_come_from_entities_json_when_the_text_was_set_again)
{
	struct wa_test_run r = { 0 };

	/* normalize after entities sets the text again (the same text here),
	 * dropping the people memo: quotes must read entities[] instead. */
	wa_test_run_text(&r, "pipeline = { 'ingest_text', 'entities', 'normalize', 'quotes' }",
			 "Menhan Bertemu Mitra\n\n"
			 "Menteri Pertahanan Rusia Arkady Voronin tiba di Minsk.\n\n"
			 "\"Kami siap menghadapi ancaman dari barat,\" kata Voronin.\n");
	expect(&r, "Kami siap menghadapi", "Arkady Voronin", "direct");
	wa_test_run_done(&r);
}

/*
 * "kata politikus ... tersebut": a description of someone already named is
 * theirs; "X, menurut Y, ..." is no statement of X's.
 */
WA_TEST(a_description_that_refers_back_is_the_person_named_before)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Kapal Bekas\n\n"
		"Menurut anggota Komisi I DPR Tubagus Hasanuddin, kapal itu terlalu tua. \"Jangan "
		"sampai kita membeli besi tua yang mahal,\" kata politikus PDI Perjuangan "
		"tersebut di Senayan.\n\n"
		"Tolchenov, menurut Frega Wenas, menyampaikan undangan dari Menteri Pertahanan "
		"Rusia untuk menghadiri forum keamanan di Moskow.\n");
	expect(&r, "Jangan sampai kita", "Tubagus Hasanuddin", "direct");
	const cJSON *q;

	cJSON_ArrayForEach(q, wa_test_field(&r, "quotes"))
	{
		const char *text = wa_json_get_string(q, "text");

		ASSERT_TRUE(strncmp(text, "Frega", 5) != 0);
	}
	wa_test_run_done(&r);
}

/* "Menurut Utut, ..." names who speaks as well as "Utut mengatakan" does. */
WA_TEST(a_speaker_after_menurut_speaks_in_the_next_paragraph)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Pangkalan\n\n"
		"Menteri Pertahanan Sjafrie Sjamsoeddin menegaskan tidak ada pangkalan asing. "
		"\"Itu prinsip,\" kata Sjafrie.\n\n"
		"Ketua Komisi I DPR Utut Adianto mendukung sikap pemerintah. Menurut Utut, "
		"kerja sama harus mengedepankan kepentingan nasional.\n\n"
		"\"Kita bersahabat dengan semua, tapi kedaulatan nomor satu,\" tutur politikus "
		"itu.\n");
	expect(&r, "Kita bersahabat", "Utut Adianto", "direct");
	wa_test_run_done(&r);
}

/*
 * "Ia menyebut ...", "Beliau berkata, ...": a pronoun opening the sentence
 * reports the person named last; "X, sebelum ini berkata ..." is X's.
 */
WA_TEST(a_pronoun_or_an_adverb_before_the_verb_keeps_the_speaker)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Menteri Pertahanan Nasional Turki Yasar Guler menyambut baik kesepakatan itu. "
		"Ia menyebut Indonesia sebagai negara pertama yang memesan pesawat itu.\n\n"
		"Panglima Tentera Laut, Laksamana Tan Sri Zulhelmy Ithnain, hadir. Beliau "
		"berkata, kesemua tiga kapal akan ditempatkan di Sabah.\n\n"
		"Menteri Pertahanan, Datuk Seri Mohamed Khaled Nordin, sebelum ini berkata "
		"kerajaan memperuntukkan dana bagi perolehan kapal terbabit.\n");
	expect(&r, "Indonesia sebagai negara pertama", "Yasar Guler", "indirect");
	expect(&r, "kesemua tiga kapal", "Zulhelmy Ithnain", "indirect");
	expect(&r, "kerajaan memperuntukkan dana", "Mohamed Khaled Nordin", "indirect");
	wa_test_run_done(&r);
}

/* "X, Name, mengingatkan ...": the warning makes Name the one "ujarnya" refers to. */
WA_TEST(a_warning_makes_its_subject_the_next_speaker)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Su-57\n\n"
		"\"Kami terbuka terhadap berbagai mekanisme pembayaran,\" kata Dubes Rusia "
		"Sergei Tolchenov.\n\n"
		"Namun, pengamat militer dari Universitas Pertahanan, Yono Reksoprodjo, "
		"mengingatkan risiko sanksi Amerika Serikat melalui undang-undang CAATSA.\n\n"
		"\"Pengalaman pembatalan Su-35 menunjukkan risiko itu nyata,\" ujarnya.\n");
	expect(&r, "Pengalaman pembatalan", "Yono Reksoprodjo", "direct");
	expect(&r, "risiko sanksi", "Yono Reksoprodjo", "indirect");
	wa_test_run_done(&r);
}

WA_TEST_MAIN(WA_TEST_ENTRY(a_long_post_before_the_name_and_a_pronoun_after_the_verb),
	     WA_TEST_ENTRY(a_pronoun_or_an_adverb_before_the_verb_keeps_the_speaker),
	     WA_TEST_ENTRY(a_warning_makes_its_subject_the_next_speaker),
	     WA_TEST_ENTRY(a_reporting_verb_ending_the_text_quotes_nothing),
	     WA_TEST_ENTRY(katanya_is_the_last_speaker_not_the_last_name),
	     WA_TEST_ENTRY(a_description_that_refers_back_is_the_person_named_before),
	     WA_TEST_ENTRY(a_speaker_after_menurut_speaks_in_the_next_paragraph),
	     WA_TEST_ENTRY(nya_is_the_subject_of_its_own_paragraph),
	     WA_TEST_ENTRY(an_english_speaker_after_the_quotation_with_a_post),
	     WA_TEST_ENTRY(speakers_come_from_entities_json_when_the_text_was_set_again),
	     WA_TEST_ENTRY(speakers_come_from_verbs_after_and_before_and_from_nya),
	     WA_TEST_ENTRY(indirect_speech_and_the_cited_outlet),
	     WA_TEST_ENTRY(names_in_quotes_are_not_speech),
	     WA_TEST_ENTRY(a_quotation_nobody_is_named_for_has_no_speaker))
