/* SPDX-License-Identifier: MIT */
/*
 * spam: injected gambling promotion is cut out of the sentence and scored;
 * designators, acronyms and news about gambling are not spam.
 */
#include <math.h>

#include "wa-pipeline.h"

static const char conf[] = "pipeline = { 'ingest_text', 'normalize', 'spam', 'clean' }";

static double score(const struct wa_test_run *r)
{
	const cJSON *s = wa_test_field(r, "spam.score");

	return cJSON_IsNumber(s) ? s->valuedouble : NAN;
}

WA_TEST(an_injected_brand_leaves_the_sentence_whole)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "JAKARTA - Kapal penjaga pantai berpatroli di tengah ketegangan DAFTAR "
			 "TRISULA88 yang terus meningkat sejak awal bulan, kata pejabat Bakamla.");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Kapal penjaga pantai berpatroli di tengah ketegangan yang terus meningkat "
		      "sejak awal bulan, kata pejabat Bakamla.");
	ASSERT_STR_EQ(wa_test_removed(&r, "spam", ""), "DAFTAR TRISULA88");
	ASSERT_STR_EQ(cJSON_GetArrayItem(wa_test_field(&r, "spam.evidence"), 0)->valuestring,
		      "DAFTAR TRISULA88");
	ASSERT_TRUE(score(&r) >= 0.5);
	wa_test_run_done(&r);
}

/* A term of two words ends the injected run after its second word, not its first. */
WA_TEST(an_injection_ending_in_a_term_of_two_words_goes_whole)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "BrahMos merupakan rudal supersonik hasil kerja sama India dan Rusia. "
			 "DAFTAR SEKARANG di MANTAP168 link alternatif anti rungkad Kecepatannya "
			 "mencapai Mach 2,8 dengan jangkauan hingga 290 kilometer.");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "BrahMos merupakan rudal supersonik hasil kerja sama India dan Rusia. "
		      "Kecepatannya mencapai Mach 2,8 dengan jangkauan hingga 290 kilometer.");
	ASSERT_STR_EQ(wa_test_removed(&r, "spam", ""),
		      "DAFTAR SEKARANG di MANTAP168 link alternatif anti rungkad");
	wa_test_run_done(&r);
}

WA_TEST(designators_and_acronyms_are_not_brands)
{
	static const char text[] =
		"Pemerintah membeli jet Su-57 dan KF-21 serta rudal S-400, sementara negara G7 "
		"dan G20 membahas COVID-19; Densus 88 dan KRI Nanggala-402 disebut dalam latihan "
		"RIMPAC2024 bersama pasukan TNI AU dan TNI AL di Natuna.";
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf, text);
	ASSERT_STR_EQ(wa_article_text(r.article), text);
	ASSERT_TRUE(score(&r) == 0);
	ASSERT_NULL(wa_test_field(&r, "spam.evidence"));
	wa_test_run_done(&r);
}

WA_TEST(news_about_gambling_is_kept_and_scores_low)
{
	static const char text[] =
		"Polisi menangkap tiga pengelola situs judi online dan judi bola di Medan, serta "
		"menyita perangkat yang dipakai untuk togel dan slot online, kata Kapolda.";
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf, text);
	ASSERT_STR_EQ(wa_article_text(r.article), text);
	ASSERT_TRUE(score(&r) > 0);
	ASSERT_TRUE(score(&r) < 0.5);
	wa_test_run_done(&r);
}

/* A paragraph that advertises without naming a site goes whole; a report on such ads stays. */
WA_TEST(an_advertising_paragraph_without_a_brand_goes)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"SURABAYA - TNI Angkatan Laut menggelar latihan armada di Laut Jawa mulai "
		"Senin, melibatkan 30 kapal perang.\n\n"
		"Situs slot gacor hari ini gampang maxwin, daftar sekarang dan klaim bonus "
		"new member 100 persen tanpa ribet.\n\n"
		"Latihan dijadwalkan berakhir pada 10 Desember dengan pendaratan amfibi.\n");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "TNI Angkatan Laut menggelar latihan armada di Laut Jawa mulai Senin, "
		      "melibatkan 30 kapal perang.\n\n"
		      "Latihan dijadwalkan berakhir pada 10 Desember dengan pendaratan amfibi.");
	ASSERT_STR_EQ(wa_test_removed(&r, "spam", ""),
		      "Situs slot gacor hari ini gampang maxwin, daftar sekarang dan klaim bonus "
		      "new member 100 persen tanpa ribet.");
	ASSERT_TRUE(score(&r) >= 0.6);
	wa_test_run_done(&r);

	wa_test_run_text(&r, conf,
			 "MEDAN - Polisi menangkap 12 pengelola judi online. Para tersangka "
			 "mempromosikan situs slot gacor melalui media sosial dan mengajak warga "
			 "daftar, kata Kapolda.\n");
	ASSERT_NULL(wa_test_removed(&r, "spam", ""));
	ASSERT_TRUE(score(&r) < 0.5);
	wa_test_run_done(&r);
}

/* Terms are matched whatever their case: the lexicon's quick shape test must not mind it. */
WA_TEST(terms_in_title_case_or_capitals_are_found)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"SURABAYA - Latihan armada digelar di Laut Jawa mulai Senin.\n\n"
		"Situs Slot GACOR Hari Ini Gampang Maxwin, DAFTAR Sekarang Dan Klaim Bonus "
		"New Member Tanpa Ribet.\n\n"
		"Latihan berakhir pada 10 Desember.\n");
	ASSERT_STR_EQ(wa_test_removed(&r, "spam", ""),
		      "Situs Slot GACOR Hari Ini Gampang Maxwin, DAFTAR Sekarang Dan Klaim Bonus "
		      "New Member Tanpa Ribet.");
	wa_test_run_done(&r);
}

WA_TEST(a_page_of_promotion_scores_high)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Slot Gacor Hari Ini\n"
			 "situs slot gacor maxwin terpercaya, daftar ligawin66 dan klaim bonus new "
			 "member sekarang juga di link alternatif kami.\n"
			 "main di mona4d dengan rtp live tertinggi, deposit pulsa tanpa potongan, "
			 "login weton88 untuk jackpot scatter hitam.\n"
			 "pola gacor pragmatic play dan pg soft hanya di istanabet368, wd cepat "
			 "24 jam.");
	ASSERT_TRUE(score(&r) >= 0.9);
	wa_test_run_done(&r);
}

WA_TEST(disguised_letters_are_folded_before_matching)
{
	struct wa_test_run r = { 0 };

	/* Mathematical bold "DAFTAR", Cyrillic "а" in "gаcor", leetspeak "sl0t". */
	wa_test_run_text(
		&r, conf,
		"JAKARTA - Rapat koordinasi keamanan laut digelar hari ini \xf0\x9d\x98\xbf"
		"\xf0\x9d\x98\xbc\xf0\x9d\x99\x81\xf0\x9d\x99\x8f\xf0\x9d\x98\xbc\xf0\x9d"
		"\x99\x8d AERO88 bersama pejabat Bakamla dan TNI AL.\n"
		"Para peserta membahas g\xd0\xb0"
		"cor sl0t MAXWIN88 sebelum pembahasan "
		"patroli bersama di Selat Malaka, kata juru bicara.");
	ASSERT_NULL(strstr(wa_article_text(r.article), "AERO88"));
	ASSERT_NULL(strstr(wa_article_text(r.article), "MAXWIN88"));
	ASSERT_CONTAINS(wa_article_text(r.article), "digelar hari ini bersama pejabat Bakamla");
	wa_test_run_done(&r);
}

WA_TEST(footnote_digits_are_left_for_clean)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "JAKARTA - Konflik di Ukraina245. terus berlanjut dan menjadi perhatian "
			 "para pengamat militer di kawasan.");
	ASSERT_TRUE(score(&r) == 0);
	ASSERT_CONTAINS(wa_article_text(r.article), "Konflik di Ukraina. terus");
	ASSERT_NOT_NULL(wa_test_removed(&r, "footnote", "Ukraina245"));
	wa_test_run_done(&r);
}

/*
 * Lower-case slang pasted after a sentence, a line of gamblers' words
 * without a brand, and capitals glued to a headline in title case: all go,
 * the news around them stays.
 */
WA_TEST(brandless_slang_and_capitals_in_a_headline_go)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Prabowo Resmikan Pabrik Amunisi Baru di Subang SLOT GACOR HARI INI\n\n"
		"Subang - Presiden meresmikan pabrik amunisi kaliber kecil di Subang, Senin. "
		"Pabrik itu memproduksi 450 juta butir peluru per tahun. link slot gacor "
		"terpercaya hari ini\n\n"
		"Sebagian produksi diekspor ke Filipina. Bocoran RTP live slot pragmatic play "
		"gampang menang.\n");
	ASSERT_NOT_NULL(wa_test_removed(&r, "spam", "SLOT GACOR HARI INI"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "spam", "link slot gacor terpercaya hari ini"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "spam", "Bocoran RTP live slot"));
	ASSERT_NULL(strstr(wa_article_text(r.article), "slot"));
	ASSERT_CONTAINS(wa_article_text(r.article), "450 juta butir peluru per tahun.");
	ASSERT_CONTAINS(wa_article_text(r.article), "Sebagian produksi diekspor ke Filipina.");
	ASSERT_TRUE(score(&r) >= 0.9);
	wa_test_run_done(&r);
}

/*
 * Whole advertising sentences pasted between an article's, each with a
 * brand: they go whole, their "hari ini" with them, and the article's
 * sentences around them stay.
 */
WA_TEST(a_pasted_advertisement_with_a_brand_goes_whole)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Kapal Selam Kedua Mulai Dirakit\n\n"
			 "PT PAL memulai perakitan kapal selam kedua di Surabaya. Situs slot gacor "
			 "hari ini MAXWIN138 gampang menang, daftar sekarang juga! Proses ini "
			 "menandai tahap penting alih teknologi.\n\n"
			 "Kapal itu akan diserahkan pada 2029. Link alternatif TOGEL4D rtp live "
			 "tertinggi deposit pulsa tanpa potongan.\n");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "PT PAL memulai perakitan kapal selam kedua di Surabaya. Proses ini "
		      "menandai tahap penting alih teknologi.\n\n"
		      "Kapal itu akan diserahkan pada 2029.");
	ASSERT_NOT_NULL(wa_test_removed(&r, "spam", "Situs slot gacor hari ini"));
	ASSERT_TRUE(score(&r) >= 0.5);
	wa_test_run_done(&r);
}

WA_TEST_MAIN(WA_TEST_ENTRY(an_injected_brand_leaves_the_sentence_whole),
	     WA_TEST_ENTRY(a_pasted_advertisement_with_a_brand_goes_whole),
	     WA_TEST_ENTRY(brandless_slang_and_capitals_in_a_headline_go),
	     WA_TEST_ENTRY(an_injection_ending_in_a_term_of_two_words_goes_whole),
	     WA_TEST_ENTRY(designators_and_acronyms_are_not_brands),
	     WA_TEST_ENTRY(news_about_gambling_is_kept_and_scores_low),
	     WA_TEST_ENTRY(an_advertising_paragraph_without_a_brand_goes),
	     WA_TEST_ENTRY(terms_in_title_case_or_capitals_are_found),
	     WA_TEST_ENTRY(a_page_of_promotion_scores_high),
	     WA_TEST_ENTRY(disguised_letters_are_folded_before_matching),
	     WA_TEST_ENTRY(footnote_digits_are_left_for_clean))
