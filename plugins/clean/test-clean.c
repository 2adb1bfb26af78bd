/* SPDX-License-Identifier: MIT */
/*
 * clean: the article's sentences stay, page furniture goes to removed[]
 * with its kind, comments go to comments[]. Articles written for these
 * tests in the style of the outlets they name.
 */
#include <sys/stat.h>

#include "wa-pipeline.h"

static const char conf[] = "pipeline = { 'ingest_text', 'normalize', 'clean' }";

static const char tribun_style[] =
	"Belarusia Siapkan Latihan Gabungan dengan Rusia - Tribunnews.com\n"
	"zoom-in Belarusia Siapkan Latihan Gabungan dengan Rusia\n"
	"Laporan Wartawan Tribunnews.com, Hendra Wiratama\n"
	"Minggu, 4 Desember 2022 14:30 WIB\n"
	"TRIBUNNEWS.COM, MINSK - Kementerian Pertahanan Belarusia mengumumkan latihan gabungan "
	"dengan pasukan Rusia di wilayah Brest pada Minggu (4/12/2022).\n"
	"Baca juga: Rusia Kirim Sistem Rudal Iskander-M ke Belarusia\n"
	"\"Latihan ini bersifat defensif,\" kata Menteri Pertahanan Belarusia Viktor Khrenin "
	"kepada wartawan di Minsk.\n"
	"ADVERTISEMENT\n"
	"Polandia menanggapi dengan meningkatkan kesiagaan pasukan di perbatasan timurnya.\n"
	"Penulis: Hendra Wiratama\n"
	"Editor: Dewi Lestari\n"
	"BERITA REKOMENDASI\n"
	"Rusia Uji Rudal Hipersonik Zircon di Laut Barents\n"
	"Polandia Beli 250 Tank Abrams dari Amerika Serikat\n"
	"\xc2\xa9 2022 TRIBUNnews.com,a subsidiary of KG Media. All Right Reserved\n";

WA_TEST(tribun_style_page_keeps_only_the_article)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf, tribun_style);
	ASSERT_STR_EQ(
		wa_article_text(r.article),
		"Kementerian Pertahanan Belarusia mengumumkan latihan gabungan dengan pasukan "
		"Rusia di wilayah Brest pada Minggu (4/12/2022).\n\n"
		"\"Latihan ini bersifat defensif,\" kata Menteri Pertahanan Belarusia Viktor "
		"Khrenin kepada wartawan di Minsk.\n\n"
		"Polandia menanggapi dengan meningkatkan kesiagaan pasukan di perbatasan "
		"timurnya.");
	ASSERT_STR_EQ(wa_test_removed(&r, "dateline", ""), "TRIBUNNEWS.COM, MINSK -");
	ASSERT_NOT_NULL(wa_test_removed(&r, "header", "- Tribunnews.com"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "byline", "Laporan Wartawan"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "byline", "Editor: Dewi Lestari"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "date", "Minggu, 4 Desember 2022 14:30 WIB"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "related", "Iskander-M"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "related", "Tank Abrams"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "promo", "ADVERTISEMENT"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "footer", "All Right Reserved"));
	wa_test_run_done(&r);
}

WA_TEST(glued_boilerplate_is_cut_out_and_both_sides_stay)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Judul Berita Pertahanan\n"
		"waktu baca 2 menitADVERTISEMENTJakarta - Kapal selam KRI Alugoro-405 "
		"menyelesaikan uji selam dalam di perairan utara Bali pekan ini.\n"
		"Uji coba itu disaksikan pejabat Kementerian Pertahanan dan PT PAL.BACA "
		"JUGA:Rumah Dinas Prajurit Diresmikan\n"
		"Kapal itu akan diserahkan kepada TNI AL akhir tahun [Gambas:Video 20detik] "
		"ini.");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Kapal selam KRI Alugoro-405 menyelesaikan uji selam dalam di perairan utara "
		      "Bali pekan ini.\n\n"
		      "Uji coba itu disaksikan pejabat Kementerian Pertahanan dan PT PAL.\n\n"
		      "Kapal itu akan diserahkan kepada TNI AL akhir tahun\n\nini.");
	ASSERT_NOT_NULL(wa_test_removed(&r, "ui", "waktu baca 2 menit"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "related", "Rumah Dinas Prajurit"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "promo", "[Gambas:Video 20detik]"));
	ASSERT_STR_EQ(wa_test_removed(&r, "dateline", ""), "Jakarta -");
	wa_test_run_done(&r);
}

WA_TEST(footnote_digits_go_and_designators_stay)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Konflik bersenjata di Ukraina245. terus berlanjut sejak invasi Rusia, "
		"menurut catatan para pengamat militer yang berulang kali6. dikutip media.\n"
		"Indonesia membeli Su-57, KF-21 dan F16, sementara G7 dan G20 membahas "
		"COVID-19 serta Covid19, dan Densus 88 bersiaga.\n"
		"Rencana itu tertuang dalam dokumen plans.50 Berikutnya, Menhan meninjau "
		"pangkalan udara.");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Konflik bersenjata di Ukraina. terus berlanjut sejak invasi Rusia, menurut "
		      "catatan para pengamat militer yang berulang kali. dikutip media.\n\n"
		      "Indonesia membeli Su-57, KF-21 dan F16, sementara G7 dan G20 membahas "
		      "COVID-19 serta Covid19, dan Densus 88 bersiaga.\n\n"
		      "Rencana itu tertuang dalam dokumen plans. Berikutnya, Menhan meninjau "
		      "pangkalan udara.");
	ASSERT_NOT_NULL(wa_test_removed(&r, "footnote", "Ukraina245"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "footnote", "kali6"));
	wa_test_run_done(&r);
}

WA_TEST(editor_initials_trailer_leaves_the_last_paragraph)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Jakarta, CNN Indonesia -- Panglima TNI meninjau kesiapan pasukan "
		"perdamaian yang akan berangkat ke Lebanon bulan depan.\n"
		"Sebanyak 850 prajurit disiapkan untuk misi tersebut, kata dia. (rds/has)");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Panglima TNI meninjau kesiapan pasukan perdamaian yang akan berangkat ke "
		      "Lebanon bulan depan.\n\n"
		      "Sebanyak 850 prajurit disiapkan untuk misi tersebut, kata dia.");
	ASSERT_NOT_NULL(wa_test_removed(&r, "byline", "(rds/has)"));
	ASSERT_STR_EQ(wa_test_removed(&r, "dateline", ""), "Jakarta, CNN Indonesia --");
	wa_test_run_done(&r);
}

/*
 * A dateline an extractor put on a line of its own, above the lede, is
 * still the dateline; alone above no paragraph it is only a header line.
 */
WA_TEST(a_dateline_on_its_own_line_opens_the_article)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Kemhan Bantah Kontrak Jet Tempur\n"
			 "Senin, 24 Nov 2025 10:15 WIB\n\n"
			 "Jakarta, CNN Indonesia --\n\n"
			 "Kementerian Pertahanan membantah kabar Indonesia telah meneken kontrak "
			 "pembelian jet tempur buatan luar negeri tahun ini.\n\n"
			 "Proses pengadaan masih dalam tahap kajian, kata juru bicara Kemhan.");
	ASSERT_STR_EQ(wa_test_removed(&r, "dateline", ""), "Jakarta, CNN Indonesia --");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Kementerian Pertahanan membantah kabar Indonesia telah meneken kontrak "
		      "pembelian jet tempur buatan luar negeri tahun ini.\n\n"
		      "Proses pengadaan masih dalam tahap kajian, kata juru bicara Kemhan.");
	wa_test_run_done(&r);
	wa_test_run_text(&r, conf,
			 "Jakarta, CNN Indonesia --\n"
			 "Kemhan Bantah Kontrak Jet Tempur\n"
			 "Senin, 24 Nov 2025 10:15 WIB\n\n"
			 "Kementerian Pertahanan membantah kabar Indonesia telah meneken kontrak "
			 "pembelian jet tempur buatan luar negeri tahun ini.");
	ASSERT_NULL(wa_test_removed(&r, "dateline", ""));
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Kementerian Pertahanan membantah kabar Indonesia telah meneken kontrak "
		      "pembelian jet tempur buatan luar negeri tahun ini.");
	wa_test_run_done(&r);
}

/* A first paragraph of one short sentence, with no dateline, is the article's, not its header's. */
WA_TEST(a_standfirst_above_byline_and_date_is_set_aside)
{
	struct wa_test_run r = { 0 };
	const char *lede =
		"SINGAPORE: Singapore will buy eight more jets from the United States, the "
		"minister said on Monday.\n\n"
		"The jets are expected to arrive by 2030, he told Parliament.\n";
	char text[1024];

	snprintf(text, sizeof(text), "%s%s",
		 "Singapore to buy eight more fighter jets\n"
		 "The air force will receive the aircraft by the end of the decade, the minister "
		 "told Parliament.\n"
		 "Wong Pei Ting\n"
		 "03 Mar 2025 12:45PM\n",
		 lede);
	wa_test_run_text(&r, conf, text);
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Singapore will buy eight more jets from the United States, the minister "
		      "said on Monday.\n\n"
		      "The jets are expected to arrive by 2030, he told Parliament.");
	ASSERT_NOT_NULL(wa_test_removed(&r, "standfirst",
					"The air force will receive the aircraft by the end of the "
					"decade, the minister told Parliament."));
	wa_test_run_done(&r);

	/* Without the dateline below it, the same prose line is the lede. */
	wa_test_run_text(&r, conf,
			 "Singapore to buy eight more fighter jets\n"
			 "The air force will receive the aircraft by the end of the decade, the "
			 "minister told Parliament.\n"
			 "The jets are expected to arrive by 2030, he told Parliament.\n");
	ASSERT_NULL(wa_test_removed(&r, "standfirst", ""));
	ASSERT_TRUE(strncmp(wa_article_text(r.article), "The air force", 13) == 0);
	wa_test_run_done(&r);
}

WA_TEST(a_short_lede_without_a_dateline_stays)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Prabowo Tiba di Moskow\n"
			 "Senin, 30 November 2026 08:00 WIB\n\n"
			 "Presiden Prabowo Subianto tiba di Moskow.\n\n"
			 "Kunjungan itu merupakan lawatan kedua Prabowo ke Rusia tahun ini. Ia "
			 "dijadwalkan bertemu Presiden Vladimir Putin di Kremlin, Selasa.\n");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Presiden Prabowo Subianto tiba di Moskow.\n\n"
		      "Kunjungan itu merupakan lawatan kedua Prabowo ke Rusia tahun ini. Ia "
		      "dijadwalkan bertemu Presiden Vladimir Putin di Kremlin, Selasa.");
	ASSERT_NOT_NULL(wa_test_removed(&r, "header", "Prabowo Tiba di Moskow"));
	wa_test_run_done(&r);

	/* A photo's caption above the first paragraph still goes. */
	wa_test_run_text(&r, conf,
			 "Prabowo Tiba di Moskow\n"
			 "Presiden Prabowo Subianto tiba di Moskow, Senin (30/11/2026).\n\n"
			 "Kunjungan itu merupakan lawatan kedua Prabowo ke Rusia tahun ini. Ia "
			 "dijadwalkan bertemu Presiden Vladimir Putin di Kremlin, Selasa.\n");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Kunjungan itu merupakan lawatan kedua Prabowo ke Rusia tahun ini. Ia "
		      "dijadwalkan bertemu Presiden Vladimir Putin di Kremlin, Selasa.");
	wa_test_run_done(&r);
}

WA_TEST(wordpress_comments_go_to_comments_with_their_authors)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Pesawat Tempur Rafale Pertama Tiba di Lanud Roesmin Nurjadin\n"
			 "AIRSPACE REVIEW - Tiga unit pertama pesawat tempur Rafale pesanan "
			 "Indonesia mendarat di Pekanbaru setelah penerbangan feri dari Prancis.\n"
			 "Pesawat-pesawat itu akan memperkuat Skadron Udara 12.\n"
			 "One Reply to \"Pesawat Tempur Rafale Pertama Tiba\"\n"
			 "Bambang says:\n"
			 "22 November 2026 at 10:15\n"
			 "Akhirnya datang juga, semoga segera operasional penuh.\n"
			 "Reply\n"
			 "Leave a Reply\n"
			 "Your email address will not be published. Required fields are marked *\n"
			 "Comment *\n"
			 "Name *\n"
			 "Post Comment\n");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Tiga unit pertama pesawat tempur Rafale pesanan Indonesia mendarat di "
		      "Pekanbaru setelah penerbangan feri dari Prancis.\n\n"
		      "Pesawat-pesawat itu akan memperkuat Skadron Udara 12.");
	const cJSON *comments = wa_test_field(&r, "comments");

	ASSERT_EQ(cJSON_GetArraySize(comments), 1);
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(comments, 0), "author"), "Bambang");
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(comments, 0), "text"),
		      "Akhirnya datang juga, semoga segera operasional penuh.");
	ASSERT_NOT_NULL(wa_test_removed(&r, "comments", "One Reply to"));
	ASSERT_NULL(strstr(wa_article_text(r.article), "Akhirnya"));
	wa_test_run_done(&r);
}

WA_TEST(a_related_list_in_the_middle_ends_at_the_next_paragraph)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "JAKARTA - Badan Keamanan Laut mengerahkan dua kapal patroli ke perairan "
			 "Natuna Utara setelah kapal asing terdeteksi masuk.\n"
			 "Berita Terkait\n"
			 "- Bakamla Tambah Armada Patroli\n"
			 "- Kapal Ikan Asing Ditangkap di Natuna\n"
			 "Kepala Bakamla mengatakan patroli akan dilakukan sepanjang pekan untuk "
			 "memastikan keamanan jalur pelayaran.\n");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Badan Keamanan Laut mengerahkan dua kapal patroli ke perairan Natuna Utara "
		      "setelah kapal asing terdeteksi masuk.\n\n"
		      "Kepala Bakamla mengatakan patroli akan dilakukan sepanjang pekan untuk "
		      "memastikan keamanan jalur pelayaran.");
	ASSERT_NOT_NULL(wa_test_removed(&r, "related", "Kapal Ikan Asing"));
	wa_test_run_done(&r);
}

WA_TEST(a_new_outlets_boilerplate_is_a_line_in_data_dir)
{
	static const char article[] =
		"JAKARTA - Pemerintah menyiapkan anggaran baru untuk modernisasi alutsista "
		"tahun depan, kata juru bicara kementerian.\n"
		"Tonton siaran langsung Warta Pertahanan setiap Senin malam\n"
		"Anggaran itu akan dibahas bersama Komisi I DPR dalam rapat kerja pekan depan.\n";
	struct wa_test_run r = { 0 };
	char conf_dir[1200], path[1024];

	wa_test_run_text(&r, conf, article);
	ASSERT_CONTAINS(wa_article_text(r.article), "Tonton siaran langsung");
	wa_test_run_done(&r);

	snprintf(path, sizeof(path), "%s", wa_test_path("data"));
	ASSERT_OK(mkdir(path, 0755));
	static const char rules[] = "line promo tonton siaran langsung\n";

	wa_test_write("data/boilerplate.txt", rules, sizeof(rules) - 1);
	snprintf(conf_dir, sizeof(conf_dir), "%s data_dir = '%s'", conf, path);
	wa_test_run_text(&r, conf_dir, article);
	ASSERT_NULL(strstr(wa_article_text(r.article), "Tonton"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "promo", "Tonton siaran langsung"));
	wa_test_run_done(&r);
}

WA_TEST(a_broken_rule_file_names_its_line)
{
	struct wa_config config;
	struct wa_plugin_catalog *catalog;
	struct wa_plugin_set *set = NULL;
	char text[1200], *error = NULL, path[1024];

	snprintf(path, sizeof(path), "%s", wa_test_path("bad"));
	ASSERT_OK(mkdir(path, 0755));
	static const char rules[] = "# fine\nline promo iklan$\nline promo (unclosed\n";

	wa_test_write("bad/boilerplate.txt", rules, sizeof(rules) - 1);
	snprintf(text, sizeof(text), "%s data_dir = '%s'", conf, path);
	ASSERT_OK(wa_config_init_defaults(&config));
	ASSERT_OK(wa_config_load_string(text, strlen(text), "test", &config, &error));
	ASSERT_OK(wa_plugin_catalog_new(NULL, &catalog));
	ASSERT_TRUE(wa_plugin_set_new(catalog, &config, 0, &set, &error) < 0);
	ASSERT_CONTAINS(error, "clean");
	free(error);
	wa_plugin_catalog_free(catalog);
	wa_config_fini(&config);
}

WA_TEST(a_japanese_article_keeps_its_opening_sentence)
{
	/* No spaces between words, 。 ends sentences: the first line is prose, not a header. */
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "\xe9\x98\xb2\xe8\xa1\x9b\xe7\x9c\x81\xe3\x81\xaf\xe6\x96\xb0"
			 "\xe3\x81\x97\xe3\x81\x84\xe8\xad\xb7\xe8\xa1\x9b\xe8\x89\xa6"
			 "\xe3\x81\xae\xe5\xbb\xba\xe9\x80\xa0\xe3\x82\x92\xe7\x99\xba"
			 "\xe8\xa1\xa8\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x97\xe3\x81\x9f"
			 "\xe3\x80\x82\n"
			 "\xe5\xbb\xba\xe9\x80\xa0\xe3\x81\xaf\xe6\x9d\xa5\xe5\xb9\xb4"
			 "\xe3\x81\xab\xe5\xa7\x8b\xe3\x81\xbe\xe3\x82\x8a\xe3\x81\xbe"
			 "\xe3\x81\x99\xe3\x80\x82\n");
	/* 防衛省は新しい護衛艦の建造を発表しました。 */
	ASSERT_TRUE(strncmp(wa_article_text(r.article), "\xe9\x98\xb2\xe8\xa1\x9b", 6) == 0);
	wa_test_run_done(&r);
}

WA_TEST(a_photo_credit_is_not_the_copyright_footer)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"JAKARTA - Kementerian Pertahanan menggelar uji coba drone pengintai buatan dalam "
		"negeri di Lanud Halim Perdanakusuma pada Selasa pagi.\n"
		"\xc2\xa9 Budi Santoso Drone pengintai diluncurkan dari landasan di Lanud Halim "
		"Perdanakusuma, Jakarta, Selasa pagi, dalam uji coba terbuka.\n"
		"Uji coba itu diikuti oleh perwakilan tiga matra TNI dan sejumlah industri "
		"pertahanan swasta yang ikut mengembangkan drone tersebut.\n"
		"\xc2\xa9 2025 Kantor Berita Nusantara\n"
		"Tentang kami, kebijakan privasi, dan pedoman media siber.\n");
	ASSERT_CONTAINS(wa_article_text(r.article), "perwakilan tiga matra TNI");
	ASSERT_NULL(strstr(wa_article_text(r.article), "Budi Santoso"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "credit", "Budi Santoso"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "footer", "Kantor Berita Nusantara"));
	ASSERT_NULL(strstr(wa_article_text(r.article), "pedoman media"));
	wa_test_run_done(&r);
}

/* A caption that ends in its photo credit goes whole, in the header and in the body. */
WA_TEST(a_caption_goes_with_the_credit_that_ends_it)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Rusia Uji Coba Rudal Jelajah Baru\n"
			 "Rudal jelajah Burevestnik. (Foto: Reuters)\n"
			 "MOSKOW - Rusia mengklaim berhasil menguji coba rudal jelajah bertenaga "
			 "nuklir yang terbang selama lima belas jam.\n"
			 "Prajurit Rusia menyiapkan peluncur. (Foto: Dok. Kemhan Rusia)\n"
			 "Uji coba itu dilaporkan kepada presiden pada Minggu malam oleh kepala "
			 "staf umum angkatan bersenjata.\n");
	ASSERT_NOT_NULL(wa_test_removed(&r, "caption", "Rudal jelajah Burevestnik."));
	ASSERT_NOT_NULL(wa_test_removed(&r, "caption", "Prajurit Rusia menyiapkan peluncur."));
	ASSERT_NULL(strstr(wa_article_text(r.article), "peluncur"));
	ASSERT_CONTAINS(wa_article_text(r.article), "kepada presiden pada Minggu malam");
	wa_test_run_done(&r);
}

/*
 * "Suara.com - Senin, 10 November 2025 | 21:14 WIB": an outlet's name and a
 * date are the header, not the lede; links to video, WordPress's share
 * widget and a contributor's credit are furniture.
 */
WA_TEST(an_outlets_date_line_the_share_widget_and_a_contributor_are_not_the_article)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Gempa Guncang Maluku, Prajurit Dikerahkan\n"
			 "Suara.com - Senin, 10 November 2025 | 21:14 WIB\n"
			 "Suara.com - Gempa bumi mengguncang wilayah Maluku Tengah pada Senin "
			 "sore, dan prajurit dikerahkan untuk membantu warga.\n"
			 "Lihat Juga Video: Momen Prajurit Mengevakuasi Warga\n"
			 "Dapur umum didirikan di tiga kecamatan yang paling parah terdampak "
			 "gempa tersebut.\n"
			 "Hendra Wijaya berkontribusi dalam penulisan artikel ini.\n"
			 "Share this:\nFacebook\nWhatsApp\nLike this:\nLoading...\n");
	ASSERT_TRUE(strncmp(wa_article_text(r.article), "Gempa bumi mengguncang", 22) == 0);
	ASSERT_NOT_NULL(wa_test_removed(&r, "header", "Suara.com - Senin"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "related", "Lihat Juga Video"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "byline", "berkontribusi"));
	ASSERT_NULL(strstr(wa_article_text(r.article), "Loading"));
	ASSERT_NULL(strstr(wa_article_text(r.article), "Like this"));
	wa_test_run_done(&r);
}

/* A byline a scraper glued to the dateline by a bar goes; the lede stays whole. */
WA_TEST(a_byline_glued_to_the_dateline_leaves_the_lede_whole)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Kapal Perang Tiba di Pelabuhan\n"
			 "Laporan Wartawan TribunJatim.com, Ahmad Zaimul Haq | TRIBUNJATIM.COM, "
			 "MALANG - Kapal perang TNI AL tiba di pelabuhan setempat pada Senin pagi, "
			 "kata juru bicara.\n");
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Kapal perang TNI AL tiba di pelabuhan setempat pada Senin pagi, kata juru "
		      "bicara.");
	ASSERT_NOT_NULL(wa_test_removed(&r, "byline", "Ahmad Zaimul Haq"));
	ASSERT_STR_EQ(wa_test_removed(&r, "dateline", ""), "TRIBUNJATIM.COM, MALANG -");
	wa_test_run_done(&r);
}

/*
 * "Editor: X JAKARTA - ...", "Senin, 17 November 2025 09:00 WIB | JAKARTA
 * - ...": the header a scraper glued to the lede goes, with its kind; the
 * line rule no longer takes the lede with it.
 */
WA_TEST(a_byline_or_date_glued_to_the_lede_goes_and_the_lede_stays)
{
	static const char *const glued[] = {
		"Editor: Budi Santoso JAKARTA - ",
		"Senin, 17 November 2025 09:00 WIB | JAKARTA - ",
	};
	static const char *const kinds[] = { "byline", "date" };

	for (size_t i = 0; i < sizeof(glued) / sizeof(*glued); i++) {
		struct wa_test_run r = { 0 };
		char text[512];

		snprintf(text, sizeof(text),
			 "Kapal Perang Tiba\n\n%sKapal perang TNI AL tiba di pelabuhan setempat "
			 "pada Senin pagi untuk latihan bersama, kata juru bicara.\n\nKapal itu "
			 "berlayar lagi pekan depan menuju Natuna bersama dua kapal lain.\n",
			 glued[i]);
		wa_test_run_text(&r, conf, text);
		ASSERT_TRUE(strncmp(wa_article_text(r.article), "Kapal perang TNI AL tiba", 24) ==
			    0);
		ASSERT_NOT_NULL(wa_test_removed(&r, kinds[i], ""));
		ASSERT_STR_EQ(wa_test_removed(&r, "dateline", ""), "JAKARTA -");
		wa_test_run_done(&r);
	}
}

/*
 * Tempo English signs in capitals under the text, between its "Editor's
 * Choice" link and its Google News prompt; CNBC Indonesia puts a video
 * prompt and its title among the paragraphs, and the next article's
 * headline under "Next Article". None of it is the article, and the
 * paragraph before a trailer stays.
 */
WA_TEST(english_and_video_tails_go_and_a_capitalised_signature_is_a_byline)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Indonesia to Buy More Black Hawks\n"
			 "TEMPO.CO, Jakarta - The Indonesian Air Force plans to acquire 24 more "
			 "UH-60 helicopters from the United States, its chief said on Monday.\n"
			 "Editor's Choice: Prabowo Appoints New Navy Chief\n"
			 "The US State Department approved the sale in September, at an "
			 "estimated $1.1 billion.\n"
			 "DANIEL A. FAJRI\n"
			 "Click here to get the latest news from Tempo on Google News\n");
	const char *text = wa_article_text(r.article);

	ASSERT_NOT_NULL(wa_test_removed(&r, "byline", "DANIEL A. FAJRI"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "related", "Editor's Choice"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "promo", "Click here"));
	ASSERT_TRUE(strstr(text, "$1.1 billion.") == text + strlen(text) - strlen("$1.1 billion."));
	wa_test_run_done(&r);

	wa_test_run_text(&r, conf,
			 "Anggaran Pertahanan 2027 Naik\n"
			 "Jakarta, CNBC Indonesia - Menteri Pertahanan mengungkapkan anggaran "
			 "kementeriannya pada 2027 naik menjadi Rp 180 triliun dari tahun ini.\n"
			 "Saksikan video di bawah ini:\n"
			 "Video: Prabowo Tinjau Pabrik Drone di Bandung\n"
			 "Ketua Komisi I DPR menyatakan dukungan, namun meminta serapan anggaran "
			 "diperbaiki tahun depan.\n"
			 "(fsd/fsd)\n"
			 "Next Article\n"
			 "Kemhan Teken Kontrak 12 Drone Anka dari Turki\n");
	text = wa_article_text(r.article);
	ASSERT_NULL(strstr(text, "Prabowo"));
	ASSERT_NULL(strstr(text, "Anka"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "byline", "(fsd/fsd)"));
	ASSERT_TRUE(strstr(text, "tahun depan.") == text + strlen(text) - strlen("tahun depan."));
	wa_test_run_done(&r);
}

WA_TEST_MAIN(
	WA_TEST_ENTRY(english_and_video_tails_go_and_a_capitalised_signature_is_a_byline),
	WA_TEST_ENTRY(tribun_style_page_keeps_only_the_article),
	WA_TEST_ENTRY(a_dateline_on_its_own_line_opens_the_article),
	WA_TEST_ENTRY(a_japanese_article_keeps_its_opening_sentence),
	WA_TEST_ENTRY(a_photo_credit_is_not_the_copyright_footer),
	WA_TEST_ENTRY(glued_boilerplate_is_cut_out_and_both_sides_stay),
	WA_TEST_ENTRY(footnote_digits_go_and_designators_stay),
	WA_TEST_ENTRY(editor_initials_trailer_leaves_the_last_paragraph),
	WA_TEST_ENTRY(a_standfirst_above_byline_and_date_is_set_aside),
	WA_TEST_ENTRY(a_short_lede_without_a_dateline_stays),
	WA_TEST_ENTRY(wordpress_comments_go_to_comments_with_their_authors),
	WA_TEST_ENTRY(a_related_list_in_the_middle_ends_at_the_next_paragraph),
	WA_TEST_ENTRY(a_new_outlets_boilerplate_is_a_line_in_data_dir),
	WA_TEST_ENTRY(a_broken_rule_file_names_its_line),
	WA_TEST_ENTRY(a_caption_goes_with_the_credit_that_ends_it),
	WA_TEST_ENTRY(a_byline_glued_to_the_dateline_leaves_the_lede_whole),
	WA_TEST_ENTRY(a_byline_or_date_glued_to_the_lede_goes_and_the_lede_stays),
	WA_TEST_ENTRY(an_outlets_date_line_the_share_widget_and_a_contributor_are_not_the_article))
