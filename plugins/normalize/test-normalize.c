/* SPDX-License-Identifier: MIT */
/* normalize: one spelling for quotes, dashes, spaces and composed letters; lines kept. */
#include "wa-pipeline.h"

static const char conf[] = "pipeline = { 'ingest_text', 'normalize' }";

static void check(const char *in, const char *want)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf, in);
	ASSERT_STR_EQ(wa_article_text(r.article), want);
	wa_test_run_done(&r);
}

WA_TEST(curly_quotes_and_dashes_become_ascii)
{
	check("\xe2\x80\x9cKami siap,\xe2\x80\x9d kata Menhan \xe2\x80\x94 di Jakarta.\n"
	      "Jet Su\xe2\x80\x91"
	      "57 dan rudal S\xe2\x80\x93"
	      "400 milik Rusia\xe2\x80\x99s.",
	      "\"Kami siap,\" kata Menhan - di Jakarta.\nJet Su-57 dan rudal S-400 milik Rusia's.");
}

WA_TEST(a_dateline_dash_run_keeps_its_length)
{
	check("REPUBLIKA.CO.ID, MOSKOW \xe2\x80\x94\xe2\x80\x94 Rusia menyatakan.",
	      "REPUBLIKA.CO.ID, MOSKOW -- Rusia menyatakan.");
}

WA_TEST(decomposed_letters_are_composed)
{
	/* "Pokémon" with e + U+0301 becomes the single code point U+00E9. */
	check("Poke\xcc\x81mon", "Pok\xc3\xa9mon");
}

WA_TEST(exotic_spaces_collapse_and_invisible_characters_go)
{
	check("Kapal\xc2\xa0\xc2\xa0perang\xe2\x80\x89KRI\xe2\x80\x8b Nanggala\xc2\xad-402\t tenggelam",
	      "Kapal perang KRI Nanggala-402 tenggelam");
}

WA_TEST(lines_are_trimmed_and_blank_runs_become_one_blank_line)
{
	check("\n\n  Judul berita  \n\n\n\n   Paragraf satu.\nParagraf dua.   \n \n\n",
	      "Judul berita\n\nParagraf satu.\nParagraf dua.");
}

/*
 * Plain ASCII is copied eight bytes a step, single spaces included: at
 * every place of a step, a double space, a tab, a space before a line end
 * or before a character beyond ASCII still comes out as it should.
 */
WA_TEST(spaces_collapse_wherever_they_fall)
{
	static const struct {
		const char *in, *out;
	} seams[] = {
		{ "  ", " " }, { " \t", " " }, { " \n", "\n" }, { " \xc3\xa9", " \xc3\xa9" },
		{ "\t", " " }, { " ", " " },
	};

	for (size_t k = 0; k < sizeof(seams) / sizeof(*seams); k++) {
		for (size_t at = 1; at < 20; at++) {
			char in[64], want[64];
			size_t n = 0, m = 0;

			for (size_t i = 0; i < at; i++)
				in[n++] = want[m++] = (char)(i % 4 == 3 ? ' ' : 'a' + (int)i % 26);
			if (in[n - 1] == ' ')
				in[n - 1] = want[m - 1] = 'x';
			n += (size_t)snprintf(in + n, sizeof(in) - n, "%s", seams[k].in);
			m += (size_t)snprintf(want + m, sizeof(want) - m, "%s", seams[k].out);
			n += (size_t)snprintf(in + n, sizeof(in) - n, "kata lain");
			m += (size_t)snprintf(want + m, sizeof(want) - m, "kata lain");
			check(in, want);
		}
	}
}

WA_TEST(control_characters_are_dropped)
{
	check("Latihan\x01 gabungan\x7f TNI", "Latihan gabungan TNI");
}

WA_TEST(an_article_of_spaces_becomes_empty_text_not_an_error)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf, "x\n \xc2\xa0 \n");
	ASSERT_STR_EQ(wa_article_text(r.article), "x");
	ASSERT_NULL(wa_test_field(&r, "errors"));
	wa_test_run_done(&r);
}

WA_TEST(bad_utf8_from_any_ingest_becomes_replacement_characters)
{
	/* cJSON passes raw bytes through; normalize makes them valid for every later stage. */
	static const char json[] = "{\"title\": \"x\", \"text\": \"Kapal \xff\xc7 perang\"}";
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, "pipeline = { 'ingest_json', 'normalize' }", "a.json", json,
			  strlen(json));
	ASSERT_STR_EQ(wa_article_text(r.article), "Kapal \xef\xbf\xbd\xef\xbf\xbd perang");
	wa_test_run_done(&r);

	/* Bad bytes beside a letter NFC must compose: repaired, then composed. */
	static const char json2[] =
		"{\"title\": \"x\", \"text\": \"Caf\x65\xcc\x81 \xee\xee\xee\xee ok\"}";

	wa_test_run_start(&r, "pipeline = { 'ingest_json', 'normalize' }", "b.json", json2,
			  strlen(json2));
	ASSERT_STR_EQ(wa_article_text(r.article),
		      "Caf\xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd ok");
	ASSERT_NULL(wa_test_field(&r, "errors"));
	wa_test_run_done(&r);
}

WA_TEST_MAIN(WA_TEST_ENTRY(bad_utf8_from_any_ingest_becomes_replacement_characters),
	     WA_TEST_ENTRY(curly_quotes_and_dashes_become_ascii),
	     WA_TEST_ENTRY(a_dateline_dash_run_keeps_its_length),
	     WA_TEST_ENTRY(decomposed_letters_are_composed),
	     WA_TEST_ENTRY(exotic_spaces_collapse_and_invisible_characters_go),
	     WA_TEST_ENTRY(lines_are_trimmed_and_blank_runs_become_one_blank_line),
	     WA_TEST_ENTRY(spaces_collapse_wherever_they_fall),
	     WA_TEST_ENTRY(control_characters_are_dropped),
	     WA_TEST_ENTRY(an_article_of_spaces_becomes_empty_text_not_an_error))
