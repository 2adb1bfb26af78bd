/* SPDX-License-Identifier: MIT */
/*
 * dates: the forms Indonesian outlets print (DOMAIN.md 2.2), resolved
 * against the publication date; published only from the page's header.
 */
#include <stdio.h>

#include "wa-pipeline.h"

static const char conf_json[] =
	"pipeline = { 'ingest_json', 'normalize', 'clean', 'meta', 'dates' }";
static const char conf_text[] =
	"pipeline = { 'ingest_text', 'normalize', 'clean', 'meta', 'dates' }";

/* Runs `sentence` as the text of an article published on 2025-08-10 10:00 WIB. */
static void run_sentence(struct wa_test_run *r, const char *sentence)
{
	char json[2048];

	snprintf(json, sizeof(json),
		 "{\"title\": \"Uji tanggal\", \"published\": \"2025-08-10T10:00+07:00\", "
		 "\"text\": \"%s\"}",
		 sentence);
	wa_test_run_start(r, conf_json, "case.json", json, strlen(json));
}

static void check(const char *sentence, const char *text, const char *date, const char *kind)
{
	struct wa_test_run r = { 0 };

	run_sentence(&r, sentence);
	const cJSON *first = cJSON_GetArrayItem(wa_test_field(&r, "dates"), 0);

	if (!first)
		WA_TEST_FAIL("no date found in \"%s\"", sentence);
	ASSERT_STR_EQ(wa_json_get_string(first, "text"), text);
	ASSERT_STR_EQ(wa_json_get_string(first, "date"), date);
	ASSERT_STR_EQ(wa_json_get_string(first, "kind"), kind);
	wa_test_run_done(&r);
}

WA_TEST(numeric_dates_are_day_month_year)
{
	check("Latihan digelar Minggu (4/12/2022) di Brest.", "Minggu (4/12/2022)", "2022-12-04",
	      "absolute");
	check("Sejak Minggu, 4/12/2022 pasukan bersiaga.", "Minggu, 4/12/2022", "2022-12-04",
	      "absolute");
	check("Dokumen bertanggal 4/12/2022 itu bocor.", "4/12/2022", "2022-12-04", "absolute");
	check("Kapal tiba Jumat (8/8/2025) pagi.", "Jumat (8/8/2025)", "2025-08-08", "absolute");
}

WA_TEST(header_forms_with_times_and_zones)
{
	check("Ahad , 03 Aug 2025, 17:35 WIB", "Ahad , 03 Aug 2025, 17:35 WIB",
	      "2025-08-03T17:35+07:00", "absolute");
	check("Ahad 03 Aug 2025 17:35 WIB", "Ahad 03 Aug 2025 17:35 WIB", "2025-08-03T17:35+07:00",
	      "absolute");
	check("Ahad, 03 Agu 2025, 17:35 WIB", "Ahad, 03 Agu 2025, 17:35 WIB",
	      "2025-08-03T17:35+07:00", "absolute");
	check("03 Aug 2025, 17:35 WIB", "03 Aug 2025, 17:35 WIB", "2025-08-03T17:35+07:00",
	      "absolute");
	check("Senin, 28 Juli 2025 14:05 WIB", "Senin, 28 Juli 2025 14:05 WIB",
	      "2025-07-28T14:05+07:00", "absolute");
	check("Kamis, 12 Januari 2023 | 10:15 WIB", "Kamis, 12 Januari 2023 | 10:15 WIB",
	      "2023-01-12T10:15+07:00", "absolute");
	check("Rabu, 6 Agt 2025 09:00 WITA", "Rabu, 6 Agt 2025 09:00 WITA",
	      "2025-08-06T09:00+08:00", "absolute");
	check("Selasa, 5 Desember 2023 - 19:42 WIB", "Selasa, 5 Desember 2023 - 19:42 WIB",
	      "2023-12-05T19:42+07:00", "absolute");
	check("Sabtu, 9 Maret 2024 pukul 08.30 WIB", "Sabtu, 9 Maret 2024 pukul 08.30 WIB",
	      "2024-03-09T08:30+07:00", "absolute");
	check("Jumat, 19 September 2025 - 07:40:00 WIT", "Jumat, 19 September 2025 - 07:40:00 WIT",
	      "2025-09-19T07:40+09:00", "absolute");
	check("RABU, 16 AGUSTUS 2023 | 09:20 WIB | LAPORAN: BONFILIO",
	      "RABU, 16 AGUSTUS 2023 | 09:20 WIB", "2023-08-16T09:20+07:00", "absolute");
	check("Sunday, December 4, 2022", "Sunday, December 4, 2022", "2022-12-04", "absolute");
	/* English and Malaysian pages: twelve-hour clocks, offsets from GMT. */
	check("November 24, 2026 7:12 AM GMT+7", "November 24, 2026 7:12 AM GMT+7",
	      "2026-11-24T07:12+07:00", "absolute");
	check("Disember 2, 2025 @ 7:16pm", "Disember 2, 2025 @ 7:16pm", "2025-12-02T19:16",
	      "absolute");
	check("December 4, 2022 12:05 a.m. UTC", "December 4, 2022 12:05 a.m. UTC",
	      "2022-12-04T00:05+00:00", "absolute");
	check("4 December 2022 11:30 PM GMT-5", "4 December 2022 11:30 PM GMT-5",
	      "2022-12-04T23:30-05:00", "absolute");
	/* Antara English: hours and minutes without a colon. */
	check("November 19, 2025 20:15 GMT+700", "November 19, 2025 20:15 GMT+700",
	      "2025-11-19T20:15+07:00", "absolute");
}

WA_TEST(dates_without_a_year_take_the_publication_year)
{
	check("Perjanjian diteken pada 28 Juli lalu.", "28 Juli", "2025-07-28", "partial");
	/* A month alone, past or to come: the nearest such month on that side. */
	check("Marles berkunjung ke Jakarta pada Februari lalu.", "Februari", "2025-02", "partial");
	check("Latihan itu digelar Oktober lalu.", "Oktober", "2024-10", "partial");
	check("Latihan berikutnya digelar Juni mendatang.", "Juni", "2026-06", "partial");
	/* After "pada", "sejak", "in", "since": past, unless the words point ahead. */
	check("Kontrak itu diteken pada Oktober.", "Oktober", "2024-10", "partial");
	check("Local media reported in March that the deal was signed.", "March", "2025-03",
	      "partial");
	check("Latihan itu akan digelar pada Oktober.", "Oktober", "2025-10", "partial");
	/* A day more than a month after publication is last year's; within the month, this year's.
	 */
	check("Pameran dibuka 21 November di Jakarta.", "21 November", "2024-11-21", "partial");
	check("Latihan gabungan dimulai pada 18 Agustus.", "18 Agustus", "2025-08-18", "partial");
}

WA_TEST(dates_the_words_say_are_to_come_take_the_year_ahead)
{
	/* Published 2025-08-10: each of these is still to come. */
	check("Latihan itu berlangsung hingga 16 Agustus.", "16 Agustus", "2025-08-16", "partial");
	check("Pameran akan dibuka pada 21 November di Jakarta.", "21 November", "2025-11-21",
	      "partial");
	check("Kapal tiba 5 Oktober mendatang.", "5 Oktober", "2025-10-05", "partial");
	check("Kontrak berlaku sampai 31 Januari.", "31 Januari", "2026-01-31", "partial");
	/* "lalu" after the day says it is past, whatever came before. */
	check("Kapal itu akan diperbaiki setelah rusak 21 November lalu.", "21 November",
	      "2024-11-21", "partial");
	/* A cue of the sentence before does not count. */
	check("Patroli berlangsung hingga kini. Pada 21 November kapal itu rusak.", "21 November",
	      "2024-11-21", "partial");
	/* More than half a year ahead is taken as past: this July, not next. */
	check("Program itu berjalan hingga 1 Juli.", "1 Juli", "2025-07-01", "partial");
}

WA_TEST(the_weekday_picks_the_year)
{
	/* 2/7/2025 is a Wednesday: Rabu (2/7) is this year's. */
	check("Menhan berkunjung Rabu (2/7).", "Rabu (2/7)", "2025-07-02", "partial");
	/* 4/12 was a Sunday in 2022, not in 2024 or 2025. */
	check("Rapat digelar Minggu (4/12).", "Minggu (4/12)", "2022-12-04", "partial");
	check("Kunjungan itu Kamis (21 November).", "Kamis (21 November)", "2024-11-21", "partial");
}

WA_TEST(relative_expressions_count_back_from_publication)
{
	check("Serangan terjadi kemarin di perbatasan.", "kemarin", "2025-08-09", "relative");
	check("Rudal diluncurkan 2 jam yang lalu.", "2 jam yang lalu", "2025-08-10T08:00+07:00",
	      "relative");
	check("Kapal itu berlayar 3 hari lalu.", "3 hari lalu", "2025-08-07", "relative");
	/* Counts written out, and one of a unit in one word. */
	check("Tim itu kembali dari Cherbourg empat hari lalu.", "empat hari lalu", "2025-08-06",
	      "relative");
	check("Rapat digelar tiga bulan yang lalu.", "tiga bulan yang lalu", "2025-05", "relative");
	check("Kapal itu tiba sepekan lalu.", "sepekan lalu", "2025-08-03", "relative");
	check("Latihan dimulai dua hari lagi.", "dua hari lagi", "2025-08-12", "relative");
	/* A month or a year back or ahead is that month or year, not a day in it. */
	check("Kontrak diteken bulan lalu.", "bulan lalu", "2025-07", "relative");
	check("Kapal itu tiba tahun depan.", "tahun depan", "2026", "relative");
	/* Malay's own words. */
	check("Pesawat itu tiba semalam.", "semalam", "2025-08-09", "relative");
	check("Kontrak ditandatangani tahun lepas.", "tahun lepas", "2024", "relative");
	check("Perjanjian ditandatangani pada Khamis, 13 Mac 2025.", "Khamis, 13 Mac 2025",
	      "2025-03-13", "absolute");
	check("Latihan bermula 4 Ogos 2025.", "4 Ogos 2025", "2025-08-04", "absolute");
	check("Presiden tiba Rabu lalu di Minsk.", "Rabu lalu", "2025-08-06", "relative");
	check("Rapat dijadwalkan minggu depan.", "minggu depan", "2025-08-17", "relative");
	/* Two weeks back, not last week: the count is part of the expression. */
	check("Dua minggu lalu kapal merapat.", "Dua minggu lalu", "2025-07-27", "relative");
	/* A day name alone is that day of the week of publication (a Sunday). */
	check("Kapal itu tiba pada Rabu di Surabaya.", "Rabu", "2025-08-06", "relative");
	check("Ledakan terdengar Kamis malam.", "Kamis", "2025-08-07", "relative");
	check("Pada Minggu pagi kapal bersandar.", "Minggu", "2025-08-10", "relative");
	check("Insiden terjadi Selasa pukul 14.00 WIB.", "Selasa pukul 14.00 WIB",
	      "2025-08-05T14:00+07:00", "relative");
	check("Upacara akan digelar pada Rabu.", "Rabu", "2025-08-13", "relative");
	check("Pesawat itu mendarat di Lanud Halim Perdanakusuma, Jakarta, Selasa.", "Selasa",
	      "2025-08-05", "relative");
	check("The two ministers met on Friday in Canberra.", "Friday", "2025-08-08", "relative");
	check("The pact was signed on the 30th November 2024 in Jakarta.", "30th November 2024",
	      "2024-11-30", "absolute");
	check("It takes effect on November 1st, 2025.", "November 1st, 2025", "2025-11-01",
	      "absolute");
}

WA_TEST(a_day_name_that_names_no_day_is_no_date)
{
	static const char *const sentences[] = {
		"Kapal patroli berlayar setiap Rabu dari dermaga utama.",
		"Minggu ini kapal patroli kembali berlayar dari dermaga utama.",
		"Kapal patroli berlayar Senin, Rabu, dan Jumat dari dermaga utama.",
	};

	for (size_t i = 0; i < sizeof(sentences) / sizeof(*sentences); i++) {
		struct wa_test_run r = { 0 };

		run_sentence(&r, sentences[i]);
		ASSERT_NULL(wa_test_field(&r, "dates"));
		wa_test_run_done(&r);
	}
}

WA_TEST(minggu_is_a_week_in_lower_case_and_numbers_are_not_dates)
{
	struct wa_test_run r = { 0 };

	run_sentence(&r, "Sebanyak 1.500 prajurit berlatih selama satu minggu dengan 2/3 kekuatan "
			 "penuh dan anggaran 245,2 triliun.");
	ASSERT_NULL(wa_test_field(&r, "dates"));
	wa_test_run_done(&r);
}

WA_TEST(a_time_alone_is_kept_as_a_time)
{
	struct wa_test_run r = { 0 };

	run_sentence(&r, "Ledakan terdengar sekitar pukul 05.30 WIB.");
	const cJSON *first = cJSON_GetArrayItem(wa_test_field(&r, "dates"), 0);

	ASSERT_STR_EQ(wa_json_get_string(first, "text"), "pukul 05.30 WIB");
	ASSERT_STR_EQ(wa_json_get_string(first, "time"), "05:30+07:00");
	ASSERT_STR_EQ(wa_json_get_string(first, "kind"), "partial");
	wa_test_run_done(&r);
	/* With its zone a time needs no "pukul", as live reports write it; a bare number does. */
	run_sentence(&r, "10.15 WIB - Kemlu mengimbau WNI menjauhi perbatasan.");
	first = cJSON_GetArrayItem(wa_test_field(&r, "dates"), 0);
	ASSERT_STR_EQ(wa_json_get_string(first, "text"), "10.15 WIB");
	ASSERT_STR_EQ(wa_json_get_string(first, "time"), "10:15+07:00");
	wa_test_run_done(&r);
	run_sentence(&r, "Harga naik 10.15 persen tahun ini.");
	ASSERT_NULL(wa_test_field(&r, "dates"));
	wa_test_run_done(&r);
}

/*
 * A wire story's dateline gives day and month; the year is the one of its
 * arrival (here the epoch the test runner gives), and the story's weekdays
 * count from that day.
 */
WA_TEST(a_wire_datelines_day_is_the_publication_date)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf_text,
		"Indonesia Signs Submarine Deal\n"
		"JAKARTA, March 28 (Reuters) - Indonesia signed a contract on Thursday to "
		"buy two submarines from France's Naval Group, the defence ministry said.\n");
	const char *published = wa_test_string(&r, "published");
	const cJSON *first = cJSON_GetArrayItem(wa_test_field(&r, "dates"), 0);

	ASSERT_NOT_NULL(published);
	ASSERT_EQ(strlen(published), 10);
	ASSERT_STR_EQ(published + 4, "-03-28");
	ASSERT_STR_EQ(wa_json_get_string(first, "text"), "Thursday");
	/* 28 March 1969 was a Friday: the Thursday before it. */
	ASSERT_STR_EQ(wa_json_get_string(first, "date"), "1969-03-27");
	wa_test_run_done(&r);
}

/* Metadata's date as the source wrote it is made ISO 8601, or dropped when it is none. */
WA_TEST(a_given_publication_date_in_words_is_made_iso)
{
	static const struct {
		const char *given, *published;
	} cases[] = {
		{ "30 November 2026 14:05 WIB", "2026-11-30T14:05+07:00" },
		{ "Senin, 30/11/2026", "2026-11-30" },
		{ "2026-11-30T14:05:00+07:00", "2026-11-30T14:05:00+07:00" },
		{ "segera", NULL },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct wa_test_run r = { 0 };
		char json[512];

		snprintf(json, sizeof(json),
			 "{\"title\": \"Uji tanggal\", \"published\": \"%s\", \"text\": "
			 "\"Kapal selam tiba di Surabaya pada Senin pagi.\"}",
			 cases[i].given);
		wa_test_run_start(&r, conf_json, "case.json", json, strlen(json));
		if (cases[i].published)
			ASSERT_STR_EQ(wa_test_string(&r, "published"), cases[i].published);
		else
			ASSERT_TRUE(cJSON_IsNull(wa_test_field(&r, "published")));
		wa_test_run_done(&r);
	}
}

WA_TEST(published_comes_from_the_header_not_from_captions_or_related_links)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf_text,
			 "Kapal Perang Rusia Bersandar di Tanjung Priok\n"
			 "Kompas.com - 08/11/2022, 13:27 WIB\n"
			 "JAKARTA, KOMPAS.com - Kapal perang Rusia bersandar di Tanjung Priok pada "
			 "Senin (7/11/2022) dalam rangka kunjungan persahabatan.\n"
			 "Foto: kapal Rusia saat latihan (6/2/2012). Dok. Istimewa\n"
			 "Baca juga: Latihan Bersama Digelar Kamis (1/9/2022)\n"
			 "Kunjungan berlangsung hingga Rabu (9/11/2022), kata juru bicara.\n");
	ASSERT_STR_EQ(wa_test_string(&r, "published"), "2022-11-08T13:27+07:00");
	const cJSON *dates = wa_test_field(&r, "dates"), *e;

	ASSERT_EQ(cJSON_GetArraySize(dates), 2);
	cJSON_ArrayForEach(e, dates)
	{
		const char *d = wa_json_get_string(e, "date");

		ASSERT_TRUE(strcmp(d, "2022-11-07") == 0 || strcmp(d, "2022-11-09") == 0);
	}
	wa_test_run_done(&r);
}

WA_TEST(no_header_date_means_published_is_null_and_updated_is_kept)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf_text,
			 "Jakarta - TNI AU menerima dua pesawat angkut baru pada Senin (7/11/2022) "
			 "di Lanud Halim Perdanakusuma, kata juru bicara.\n");
	ASSERT_NOT_NULL(wa_test_field(&r, "published"));
	ASSERT_TRUE(cJSON_IsNull(wa_test_field(&r, "published")));
	wa_test_run_done(&r);

	wa_test_run_text(
		&r, conf_text,
		"Drone Turki untuk TNI AD\n"
		"Diperbarui 18 Jun 2025, 14:05 WIB\n"
		"Liputan6.com, Jakarta - TNI AD menjajaki pembelian drone dari Turki untuk "
		"memperkuat pengawasan perbatasan, kata Kepala Dinas Penerangan.\n");
	ASSERT_STR_EQ(wa_test_string(&r, "updated"), "2025-06-18T14:05+07:00");
	ASSERT_STR_EQ(wa_test_string(&r, "published"), "2025-06-18T14:05+07:00");
	wa_test_run_done(&r);
}

/*
 * Without the page's date, the lede's own dated day is what later dates
 * count from, not the day the file arrived (years later, in a test).
 */
WA_TEST(without_a_page_date_the_ledes_day_is_the_reference)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf_text,
			 "Jakarta, IDM - Wakil Menteri Pertahanan menerima delegasi Belarus di "
			 "Kantor Kemhan, Kamis (27/11/2025).\n\n"
			 "Kedua pihak membahas kerja sama yang disepakati pada Juli lalu, dan "
			 "delegasi kembali ke Minsk pada Sabtu.\n");
	ASSERT_TRUE(cJSON_IsNull(wa_test_field(&r, "published")));
	const cJSON *d = wa_test_field(&r, "dates");

	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(d, 0), "date"), "2025-11-27");
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(d, 1), "date"), "2025-07");
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(d, 2), "date"), "2025-11-22");
	wa_test_run_done(&r);
}

/* A range gives its first day and its last; a time after a bracketed date is its time. */
WA_TEST(a_range_of_days_and_a_time_after_a_bracketed_date)
{
	struct wa_test_run r = { 0 };

	run_sentence(&r, "Latihan digelar 17-18 November 2025, setelah kapal tiba Senin "
			 "(17/11/2025) pukul 14.30 WIB bersama 2.000 personel.");
	const cJSON *d = wa_test_field(&r, "dates");

	ASSERT_EQ(cJSON_GetArraySize(d), 2);
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(d, 0), "text"), "17-18 November 2025");
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(d, 0), "date"), "2025-11-17");
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(d, 0), "end"), "2025-11-18");
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(d, 1), "date"),
		      "2025-11-17T14:30+07:00");
	wa_test_run_done(&r);
}

/* "awal Desember" in a November article is this December; "tadi malam" is the night before. */
WA_TEST(a_part_of_a_month_and_last_night)
{
	check("Kapal tiba awal Desember.", "Desember", "2025-12", "partial");
	check("Kapal tiba akhir Juli.", "Juli", "2025-07", "partial");
	check("Drone melintas tadi malam.", "tadi malam", "2025-08-09", "relative");
	check("The ship sailed last week.", "last week", "2025-08-03", "relative");
}

/* A page's placeholder date is no publication date; the header's is. */
WA_TEST(a_placeholder_publication_date_gives_way_to_the_header)
{
	static const char json[] =
		"{\"title\": \"Kapal Tiba\", \"published\": \"0001-01-01T00:00:00Z\", \"text\": "
		"\"Kapal Tiba\\nSelasa, 18 November 2025 10:00 WIB\\nJAKARTA - Kapal patroli tiba di "
		"dermaga utama pada Selasa pagi, kata juru bicara.\"}";
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf_json, "case.json", json, strlen(json));
	ASSERT_STR_EQ(wa_test_string(&r, "published"), "2025-11-18T10:00+07:00");
	wa_test_run_done(&r);
}

WA_TEST_MAIN(WA_TEST_ENTRY(a_given_publication_date_in_words_is_made_iso),
	     WA_TEST_ENTRY(without_a_page_date_the_ledes_day_is_the_reference),
	     WA_TEST_ENTRY(a_range_of_days_and_a_time_after_a_bracketed_date),
	     WA_TEST_ENTRY(a_part_of_a_month_and_last_night),
	     WA_TEST_ENTRY(a_placeholder_publication_date_gives_way_to_the_header),
	     WA_TEST_ENTRY(a_wire_datelines_day_is_the_publication_date),
	     WA_TEST_ENTRY(a_day_name_that_names_no_day_is_no_date),
	     WA_TEST_ENTRY(numeric_dates_are_day_month_year),
	     WA_TEST_ENTRY(header_forms_with_times_and_zones),
	     WA_TEST_ENTRY(dates_without_a_year_take_the_publication_year),
	     WA_TEST_ENTRY(dates_the_words_say_are_to_come_take_the_year_ahead),
	     WA_TEST_ENTRY(the_weekday_picks_the_year),
	     WA_TEST_ENTRY(relative_expressions_count_back_from_publication),
	     WA_TEST_ENTRY(minggu_is_a_week_in_lower_case_and_numbers_are_not_dates),
	     WA_TEST_ENTRY(a_time_alone_is_kept_as_a_time),
	     WA_TEST_ENTRY(published_comes_from_the_header_not_from_captions_or_related_links),
	     WA_TEST_ENTRY(no_header_date_means_published_is_null_and_updated_is_kept))
