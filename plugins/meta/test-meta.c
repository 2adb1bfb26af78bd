/* SPDX-License-Identifier: MIT */
/*
 * meta: title, outlet, dateline, authors and summary, read from the lines
 * clean set aside, for the forms DOMAIN.md lists.
 */
#include "wa-pipeline.h"

static const char conf[] =
	"pipeline = { 'ingest_json', 'ingest_text', 'normalize', 'clean', 'meta' }";

static const char lede[] = " Pasukan kedua negara menggelar latihan bersama di perairan utara "
			   "selama tiga hari, kata juru bicara.\n";

/* An article of one header line and a lede opening with `dateline`. */
static void run_dateline(struct wa_test_run *r, const char *dateline)
{
	char text[1024];

	snprintf(text, sizeof(text), "Latihan Bersama di Perairan Utara\n%s%s", dateline, lede);
	wa_test_run_text(r, conf, text);
}

static void check_dateline(const char *dateline, const char *city, const char *outlet,
			   const char *canonical)
{
	struct wa_test_run r = { 0 };

	run_dateline(&r, dateline);
	if (city)
		ASSERT_STR_EQ(wa_test_string(&r, "dateline.city"), city);
	else
		ASSERT_NULL(wa_test_field(&r, "dateline.city"));
	if (outlet)
		ASSERT_STR_EQ(wa_test_string(&r, "dateline.outlet"), outlet);
	else
		ASSERT_NULL(wa_test_field(&r, "dateline.outlet"));
	if (canonical)
		ASSERT_STR_EQ(wa_test_string(&r, "outlet"), canonical);
	/* The dateline is metadata: the text starts with the sentence. */
	ASSERT_TRUE(strncmp(wa_article_text(r.article), "Pasukan kedua negara", 20) == 0);
	wa_test_run_done(&r);
}

WA_TEST(datelines_of_each_form)
{
	check_dateline("TRIBUNNEWS.COM, MINSK -", "Minsk", "TRIBUNNEWS.COM", "Tribunnews");
	check_dateline("REPUBLIKA.CO.ID, MOSKOW --", "Moskow", "REPUBLIKA.CO.ID", "Republika");
	check_dateline("JAKARTA, KOMPAS.com -", "Jakarta", "KOMPAS.com", "Kompas");
	check_dateline("Jakarta, CNN Indonesia --", "Jakarta", "CNN Indonesia", "CNN Indonesia");
	check_dateline("Baturaja (ANTARA) -", "Baturaja", "ANTARA", "Antara");
	/* Malaysian papers and Bernama. */
	check_dateline("KUALA LUMPUR:", "Kuala Lumpur", NULL, NULL);
	check_dateline("KUALA LUMPUR, 2 Dis (Bernama) --", "Kuala Lumpur", "Bernama", "Bernama");
	check_dateline("AIRSPACE REVIEW -", NULL, "AIRSPACE REVIEW", "Airspace Review");
	check_dateline("KOMPAS.TV -", NULL, "KOMPAS.TV", "Kompas TV");
	check_dateline("ST. PETERSBURG -", "St. Petersburg", NULL, NULL);
	check_dateline("Jakarta -", "Jakarta", NULL, NULL);
	check_dateline("WASHINGTON, March 3 (Reuters) -", "Washington", "Reuters", "Reuters");
	check_dateline("Harianjogja.com, KUPANG-", "Kupang", "Harianjogja.com", "Harian Jogja");
	check_dateline("JAKARTA, Indonesia -", "Jakarta", NULL, NULL);
	check_dateline("SEOUL, South Korea -", "Seoul", NULL, NULL);
	check_dateline("KONTAN.CO.ID - JAKARTA.", "Jakarta", "KONTAN.CO.ID", "Kontan");
	/* Regional papers: a key inside another name ("inews" in "serambinews") is no match. */
	check_dateline("SERAMBINEWS.COM, BANDA ACEH -", "Banda Aceh", "SERAMBINEWS.COM",
		       "Serambinews");
	check_dateline("BANJARMASINPOST.CO.ID, BANJARMASIN -", "Banjarmasin",
		       "BANJARMASINPOST.CO.ID", "Banjarmasin Post");
	check_dateline("Bandung, detikJabar -", "Bandung", "detikJabar", "detikcom");
	check_dateline("MAKASSAR, FAJAR -", "Makassar", "FAJAR", "Fajar");
	check_dateline("WASHINGTON, DC (Reuters) -", "Washington", "Reuters", "Reuters");
}

WA_TEST(the_title_loses_the_page_suffix_and_skips_repeats_and_chrome)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "home nasional internasional infografis\n"
			 "Kapal Selam Baru untuk TNI AL - Halaman all - Tribunnews.com\n"
			 "Kapal Selam Baru untuk TNI AL\n"
			 "JAKARTA -"
			 "Pasukan kedua negara menggelar latihan bersama di perairan utara "
			 "selama tiga hari, kata juru bicara.\n");
	ASSERT_STR_EQ(wa_article_title(r.article), "Kapal Selam Baru untuk TNI AL");
	ASSERT_STR_EQ(wa_test_string(&r, "outlet"), "Tribunnews");
	wa_test_run_done(&r);
}

WA_TEST(a_section_label_above_the_headline_is_not_the_title)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Politik dan Hukum\n"
			 "TNI AL Kerahkan Tiga Kapal ke Natuna\n"
			 "Pasukan kedua negara menggelar latihan bersama di perairan utara "
			 "selama tiga hari, kata juru bicara.\n"
			 "Copyright @ 2025 Media Indonesia\n");
	ASSERT_STR_EQ(wa_article_title(r.article), "TNI AL Kerahkan Tiga Kapal ke Natuna");
	ASSERT_STR_EQ(wa_test_string(&r, "outlet"), "Media Indonesia");
	wa_test_run_done(&r);
}

WA_TEST(a_text_without_a_headline_has_no_title)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf, lede + 1);
	ASSERT_TRUE(cJSON_IsNull(wa_test_field(&r, "title")));
	ASSERT_STR_EQ(
		wa_test_string(&r, "summary"),
		"Pasukan kedua negara menggelar latihan bersama di perairan utara selama tiga "
		"hari, kata juru bicara.");
	wa_test_run_done(&r);
}

WA_TEST(authors_and_editors_from_each_byline_form)
{
	static const struct {
		const char *line, *author, *editor;
	} cases[] = {
		{ "Laporan Wartawan Tribunnews.com, Setya Krisna", "Setya Krisna", NULL },
		{ "Penulis: Rina Wulandari", "Rina Wulandari", NULL },
		{ "Penulis Ardi Ramadhan, Bagus Santosa | Editor Dani Prabowo", "Bagus Santosa",
		  "Dani Prabowo" },
		{ "Pewarta | : Yudi Hartono |", "Yudi Hartono", NULL },
		{ "Reporter: Nanda | Editor: Wahyu Aji", "Nanda", "Wahyu Aji" },
		{ "Oleh: Aryo Putranto", "Aryo Putranto", NULL },
		{ "Danandaya Arya putra , Jurnalis-Selasa, 27 Januari 2026 |09:14 WIB",
		  "Danandaya Arya putra", NULL },
		{ "Laporan: BONFILIO MAHENDRA | Jakarta", "Bonfilio Mahendra", NULL },
		{ "Reporting by Ananda Teresia; Editing by Kanupriya Kapoor", "Ananda Teresia",
		  "Kanupriya Kapoor" },
		{ "By Adib Povera - November 18, 2025 @ 6:45pm", "Adib Povera", NULL },
		/* Liputan6: the name, a dash, the date. */
		{ "Teatrika Handiko Putri - 15 Nov 2025, 09:05 WIB", "Teatrika Handiko Putri",
		  NULL },
		/* Republika: two labels on one line, nothing but a space between. */
		{ "Rep: Fergi Nadira Red: Friska Yolandha", "Fergi Nadira", "Friska Yolandha" },
		/* Reuters' trailer, in brackets: a byline, not an editor's initials. */
		{ "(Reporting by Will Dunham; Editing by Tom Brown)", "Will Dunham", "Tom Brown" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct wa_test_run r = { 0 };
		char text[1024];

		snprintf(text, sizeof(text), "Latihan Bersama di Perairan Utara\n%s\nJAKARTA -%s",
			 cases[i].line, lede);
		wa_test_run_text(&r, conf, text);
		const cJSON *authors = wa_test_field(&r, "authors"), *a;
		bool found = false;

		cJSON_ArrayForEach(a, authors) found |=
			strcmp(a->valuestring, cases[i].author) == 0;
		if (!found)
			WA_TEST_FAIL("'%s': no author '%s'", cases[i].line, cases[i].author);
		if (cases[i].editor)
			ASSERT_STR_EQ(
				cJSON_GetArrayItem(wa_test_field(&r, "editors"), 0)->valuestring,
				cases[i].editor);
		wa_test_run_done(&r);
	}
}

WA_TEST(editor_initials_and_syndication_from_the_tail)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Latihan Bersama di Perairan Utara\nJAKARTA -"
			 " Pasukan kedua negara menggelar latihan bersama di perairan utara selama "
			 "tiga hari, kata juru bicara. (mdk/tyo)\n"
			 "Sumber: Viva.co.id\n");
	ASSERT_STR_EQ(wa_test_string(&r, "editor_initials"), "mdk/tyo");
	ASSERT_STR_EQ(wa_test_string(&r, "syndicated_from"), "VIVA");
	wa_test_run_done(&r);
}

/* A header line opening with the site's address names the outlet, when nothing else does. */
WA_TEST(the_site_address_opening_a_header_line_is_the_outlet)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Menhan Bertemu Mitranya di Canberra\n"
			 "Sindonews.com - 21 Agustus 2025 14:30 WIB\n\n"
			 "CANBERRA -"
			 " Pasukan kedua negara menggelar latihan bersama di perairan utara selama "
			 "tiga hari, kata juru bicara.\n");
	ASSERT_STR_EQ(wa_test_string(&r, "outlet"), "Sindonews");
	wa_test_run_done(&r);
}

/* "(afp/bac)": the agency a story came from is not the outlet that printed it. */
WA_TEST(an_agency_in_the_editors_initials_is_not_the_outlet)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Kapal Induk Berlayar\n"
			 "Kamis, 20 Nov 2025 08:12 WIB\n\n"
			 "Beijing -"
			 " Pasukan kedua negara menggelar latihan bersama di perairan utara selama "
			 "tiga hari, kata juru bicara.\n\n"
			 "(afp/bac)\n");
	ASSERT_STR_EQ(wa_test_string(&r, "editor_initials"), "afp/bac");
	ASSERT_NULL(wa_test_string(&r, "outlet"));
	wa_test_run_done(&r);
}

WA_TEST(ingest_metadata_wins_and_the_url_names_the_outlet)
{
	static const char json[] =
		"{\"title\": \"Rudal Baru Diuji | Republika Online\", \"url\": "
		"\"https://www.republika.co.id/berita/abc\", \"author\": \"Fitriyan\", \"text\": "
		"\"Pasukan kedua negara menggelar latihan bersama di perairan utara selama tiga "
		"hari, kata juru bicara.\"}";
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf, "a.json", json, strlen(json));
	ASSERT_STR_EQ(wa_article_title(r.article), "Rudal Baru Diuji");
	ASSERT_STR_EQ(wa_test_string(&r, "outlet"), "Republika");
	ASSERT_STR_EQ(cJSON_GetArrayItem(wa_test_field(&r, "authors"), 0)->valuestring, "Fitriyan");
	wa_test_run_done(&r);

	/* A page that gives its address for its name is named by its host. */
	static const char address[] =
		"{\"title\": \"Storm Warning\", \"outlet\": \"https://www.hawaiinewsnow.com/\", "
		"\"text\": \"Pasukan kedua negara menggelar latihan bersama di perairan utara selama "
		"tiga hari, kata juru bicara.\"}";

	wa_test_run_start(&r, conf, "b.json", address, strlen(address));
	ASSERT_STR_EQ(wa_test_string(&r, "outlet"), "hawaiinewsnow.com");
	wa_test_run_done(&r);
}

WA_TEST(an_author_the_byline_calls_editor_is_an_editor)
{
	/* The crawler's author field names the desk editor; the page's byline says so. */
	static const char json[] =
		"{\"title\": \"Rudal Baru Diuji\", \"author\": \"Heru Santoso\", \"text\": "
		"\"Rudal Baru Diuji\\nPenulis: Naufal Rahman\\nPasukan kedua negara menggelar "
		"latihan bersama di perairan utara selama tiga hari, kata juru bicara.\\nEditor : "
		"Heru Santoso\"}";
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf, "a.json", json, strlen(json));
	ASSERT_EQ(cJSON_GetArraySize(wa_test_field(&r, "authors")), 1);
	ASSERT_STR_EQ(cJSON_GetArrayItem(wa_test_field(&r, "authors"), 0)->valuestring,
		      "Naufal Rahman");
	ASSERT_STR_EQ(cJSON_GetArrayItem(wa_test_field(&r, "editors"), 0)->valuestring,
		      "Heru Santoso");
	wa_test_run_done(&r);
}

/*
 * A name alone under the text is the writer signing (Airspace Review, and
 * Tempo English in capitals); a name with a headline under it is a link to
 * another article.
 */
WA_TEST(a_name_signed_under_the_text_is_the_author)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Fregat Baru Jalani Uji Berlayar\n\n"
			 "AIRSPACE REVIEW - Pasukan kedua negara menggelar latihan bersama di "
			 "perairan utara selama tiga hari, kata juru bicara.\n\n"
			 "Roni Sontani\n");
	ASSERT_EQ(cJSON_GetArraySize(wa_test_field(&r, "authors")), 1);
	ASSERT_STR_EQ(cJSON_GetArrayItem(wa_test_field(&r, "authors"), 0)->valuestring,
		      "Roni Sontani");
	ASSERT_NULL(strstr(wa_article_text(r.article), "Roni"));
	wa_test_run_done(&r);

	/* Tempo English signs in capitals, a promo under the name. */
	wa_test_run_text(&r, conf,
			 "Indonesia to Buy More Black Hawks\n\n"
			 "TEMPO.CO, Jakarta - The Indonesian Air Force plans to acquire 24 more "
			 "helicopters from the United States, its chief said on Monday.\n\n"
			 "DANIEL A. FAJRI\n\n"
			 "Click here to get the latest news from Tempo on Google News\n");
	ASSERT_EQ(cJSON_GetArraySize(wa_test_field(&r, "authors")), 1);
	ASSERT_STR_EQ(cJSON_GetArrayItem(wa_test_field(&r, "authors"), 0)->valuestring,
		      "Daniel A. Fajri");
	wa_test_run_done(&r);

	wa_test_run_text(&r, conf,
			 "Fregat Baru Jalani Uji Berlayar\n\n"
			 "JAKARTA - Pasukan kedua negara menggelar latihan bersama di perairan "
			 "utara selama tiga hari, kata juru bicara.\n\n"
			 "Artikel Selanjutnya\nPindad Siap Produksi Senapan Baru\n");
	ASSERT_NULL(wa_test_field(&r, "authors"));
	wa_test_run_done(&r);
}

/* Reuters' closing credits: where a reporter filed from is no part of the name. */
WA_TEST(a_reporters_city_is_not_part_of_the_name)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Indonesia Signs Fighter Deal\n\n"
		"JAKARTA, June 11 (Reuters) - Indonesia has signed a contract to buy 48 "
		"fighter jets, the manufacturer said on Wednesday.\n\n"
		"(Reporting by Ananda Teresia; Additional reporting by Huseyin Hayatsever in "
		"Ankara; Editing by Kate Mayberry)\n");
	const cJSON *authors = wa_test_field(&r, "authors");

	ASSERT_EQ(cJSON_GetArraySize(authors), 2);
	ASSERT_STR_EQ(cJSON_GetArrayItem(authors, 1)->valuestring, "Huseyin Hayatsever");
	wa_test_run_done(&r);
}

/* The Jakarta Post prints its name next to the date: the outlet, not a writer. */
WA_TEST(the_outlets_name_by_the_date_is_no_author)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Navy Seizes Fishing Boats\n"
		"The Jakarta Post\n"
		"Jakarta / Thu, November 20, 2025 / 04:12 pm\n\n"
		"The navy has seized three foreign fishing boats operating illegally in the "
		"North Natuna Sea, a navy official said on Wednesday.\n");
	const cJSON *authors = wa_test_field(&r, "authors");

	ASSERT_TRUE(!authors || cJSON_IsNull(authors));
	ASSERT_STR_EQ(wa_test_string(&r, "outlet"), "The Jakarta Post");
	wa_test_run_done(&r);
}

/*
 * detik prints the city and its dash on a line of their own; Beritasatu
 * signs "Oleh : Name / INITIALS", the initials an editor's, not a writer.
 */
WA_TEST(a_city_alone_on_its_line_and_a_byline_with_initials)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Taiwan Laporkan 30 Pesawat Militer China\n\n"
			 "Rita Uli Hutapea - detikNews\n\n"
			 "Taipei -\n\n"
			 "Kementerian Pertahanan Taiwan melaporkan telah mendeteksi 30 pesawat "
			 "militer China di sekitar pulau itu dalam 24 jam terakhir.\n");
	ASSERT_STR_EQ(wa_test_string(&r, "dateline.city"), "Taipei");
	ASSERT_TRUE(strncmp(wa_article_text(r.article), "Kementerian Pertahanan", 22) == 0);
	wa_test_run_done(&r);

	wa_test_run_text(&r, conf,
			 "Wamenhan Tinjau Batalyon Teritorial di NTT\n\n"
			 "Oleh : Yeremia Sukoyo / WBP\n\n"
			 "Kupang, Beritasatu.com - Wakil Menteri Pertahanan meninjau kesiapan "
			 "batalyon teritorial di Kabupaten Kupang, Nusa Tenggara Timur.\n");
	ASSERT_EQ(cJSON_GetArraySize(wa_test_field(&r, "authors")), 1);
	ASSERT_STR_EQ(cJSON_GetArrayItem(wa_test_field(&r, "authors"), 0)->valuestring,
		      "Yeremia Sukoyo");
	wa_test_run_done(&r);
}

WA_TEST_MAIN(WA_TEST_ENTRY(datelines_of_each_form),
	     WA_TEST_ENTRY(a_city_alone_on_its_line_and_a_byline_with_initials),
	     WA_TEST_ENTRY(the_title_loses_the_page_suffix_and_skips_repeats_and_chrome),
	     WA_TEST_ENTRY(a_section_label_above_the_headline_is_not_the_title),
	     WA_TEST_ENTRY(a_text_without_a_headline_has_no_title),
	     WA_TEST_ENTRY(authors_and_editors_from_each_byline_form),
	     WA_TEST_ENTRY(editor_initials_and_syndication_from_the_tail),
	     WA_TEST_ENTRY(ingest_metadata_wins_and_the_url_names_the_outlet),
	     WA_TEST_ENTRY(the_site_address_opening_a_header_line_is_the_outlet),
	     WA_TEST_ENTRY(an_agency_in_the_editors_initials_is_not_the_outlet),
	     WA_TEST_ENTRY(an_author_the_byline_calls_editor_is_an_editor),
	     WA_TEST_ENTRY(a_name_signed_under_the_text_is_the_author),
	     WA_TEST_ENTRY(a_reporters_city_is_not_part_of_the_name),
	     WA_TEST_ENTRY(the_outlets_name_by_the_date_is_no_author))
