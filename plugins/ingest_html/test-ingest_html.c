/* SPDX-License-Identifier: MIT */
/*
 * ingest_html: a page in an Indonesian outlet's style becomes its article
 * and metadata; charsets, broken markup and non-HTML are handled.
 */
#include <stdio.h>

#include "wa-pipeline.h"

static const char conf[] = "pipeline = { 'ingest_json', 'ingest_html', 'ingest_text', "
			   "'normalize', 'spam', 'clean', 'meta', 'dates', 'langid' }";

static void run_file(struct wa_test_run *r, const char *name)
{
	char path[512], *data;
	FILE *f;
	long len;

	snprintf(path, sizeof(path), "%s/tests/fixtures/html/%s", WA_SOURCE_ROOT, name);
	f = fopen(path, "rb");
	ASSERT_NOT_NULL(f);
	ASSERT_OK(fseek(f, 0, SEEK_END));
	len = ftell(f);
	rewind(f);
	data = malloc((size_t)len);
	ASSERT_NOT_NULL(data);
	ASSERT_EQ(fread(data, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	wa_test_run_start(r, conf, name, data, (size_t)len);
	free(data);
}

WA_TEST(an_outlet_page_becomes_its_article_and_metadata)
{
	struct wa_test_run r = { 0 };

	run_file(&r, "kompas-style.html");
	ASSERT_STR_EQ(wa_test_string(&r, "source.format"), "html");
	ASSERT_STR_EQ(wa_article_title(r.article), "Kemenhan Terima Dua Pesawat Angkut A400M");
	ASSERT_STR_EQ(wa_test_string(&r, "outlet"), "Kompas");
	ASSERT_STR_EQ(wa_test_string(&r, "published"), "2025-03-11T09:20:00+07:00");
	ASSERT_STR_EQ(wa_test_string(&r, "updated"), "2025-03-11T11:02:00+07:00");
	ASSERT_STR_EQ(wa_test_string(&r, "source.url"),
		      "https://nasional.kompas.com/read/2025/03/11/09200011/kemenhan-terima-a400m");
	ASSERT_EQ(cJSON_GetArraySize(wa_test_field(&r, "authors")), 2);
	ASSERT_STR_EQ(wa_test_string(&r, "dateline.city"), "Jakarta");
	ASSERT_STR_EQ(wa_test_string(&r, "lang.code"), "id");
	ASSERT_STR_EQ(
		wa_article_text(r.article),
		"Kementerian Pertahanan menerima dua pesawat angkut berat Airbus A400M yang "
		"dipesan untuk memperkuat kemampuan logistik TNI Angkatan Udara.\n\n"
		"Juru bicara kementerian mengatakan, kedua pesawat akan ditempatkan di Skadron "
		"Udara 31 dan dipakai untuk misi kemanusiaan, angkutan pasukan, serta "
		"pengiriman logistik ke wilayah terpencil.\n\n"
		"\"Pesawat ini mampu membawa muatan hingga 37 ton,\" ujarnya di Jakarta, Selasa "
		"(11/3/2025).");
	ASSERT_NOT_NULL(wa_test_removed(&r, "caption", "Lanud Halim"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "hidden", "TRISULA88"));
	ASSERT_NOT_NULL(wa_test_removed(&r, "related", "Berita terkait satu tentang pesawat"));
	/* The hidden gambling block is spam evidence. */
	ASSERT_TRUE(wa_test_field(&r, "spam.score")->valuedouble >= 0.5);
	wa_test_run_done(&r);
}

WA_TEST(a_wordpress_page_keeps_its_comments_apart)
{
	struct wa_test_run r = { 0 };

	run_file(&r, "wordpress-comments.html");
	ASSERT_STR_EQ(wa_article_title(r.article),
		      "Pesawat Tempur Rafale Pertama Tiba di Pekanbaru");
	ASSERT_STR_EQ(wa_test_string(&r, "outlet"), "Airspace Review");
	ASSERT_STR_EQ(cJSON_GetArrayItem(wa_test_field(&r, "authors"), 0)->valuestring,
		      "Roni Sontani");
	const cJSON *comments = wa_test_field(&r, "comments");

	ASSERT_EQ(cJSON_GetArraySize(comments), 1);
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(comments, 0), "author"),
		      "Bambang Sutejo");
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(comments, 0), "text"),
		      "Akhirnya datang juga, semoga segera operasional penuh.");
	const char *text = wa_article_text(r.article);

	ASSERT_TRUE(strncmp(text, "Tiga unit pertama pesawat tempur", 32) == 0);
	ASSERT_NULL(strstr(text, "Akhirnya"));
	ASSERT_NULL(strstr(text, "Baca Juga"));
	ASSERT_NULL(strstr(text, "Recent Posts"));
	ASSERT_NULL(strstr(text, "Leave a Reply"));
	ASSERT_TRUE(strstr(text, "akhir tahun.") == text + strlen(text) - strlen("akhir tahun."));
	wa_test_run_done(&r);
}

static void check_text(const char *name, const char *html, const char *want)
{
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf, name, html, strlen(html));
	ASSERT_STR_EQ(wa_test_string(&r, "source.format"), "html");
	ASSERT_CONTAINS(wa_article_text(r.article), want);
	wa_test_run_done(&r);
}

WA_TEST(charsets_declared_or_not)
{
	/* Latin-1 bytes under a declared charset: "Kementerian Pertahanan Prancis (Défense)". */
	check_text(
		"latin1.html",
		"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Kementerian "
		"Pertahanan Prancis (D\xe9"
		"fense) mengumumkan pembelian kapal baru untuk angkatan lautnya.</p></body></html>",
		"Prancis (D\xc3\xa9"
		"fense) mengumumkan");
	/* UTF-8 with no declaration is not read as Latin-1. */
	check_text("utf8.html",
		   "<html><body><p>Menteri Pertahanan Prancis berkunjung ke Jakarta dan "
		   "membahas kerja sama d\xc3\xa9"
		   "fense dengan pejabat Indonesia.</p></body></html>",
		   "kerja sama d\xc3\xa9"
		   "fense dengan");
}

WA_TEST(a_truncated_page_still_gives_its_text)
{
	check_text("cut.html",
		   "<!DOCTYPE html><html><head><title>Kapal Perang Baru</title></head><body><div "
		   "class=\"content\"><p>TNI AL meluncurkan kapal perang baru buatan dalam negeri "
		   "di Surabaya pada Senin pagi, disaksikan Kepala Staf TNI AL.</p><p>Kapal itu "
		   "akan bertugas di wilayah Armada II dan menjaga perairan timur <b>Indon",
		   "meluncurkan kapal perang baru");
}

static void check_text_without(const char *name, const char *html, const char *want,
			       const char *unwanted)
{
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf, name, html, strlen(html));
	ASSERT_CONTAINS(wa_article_text(r.article), want);
	ASSERT_NULL(strstr(wa_article_text(r.article), unwanted));
	wa_test_run_done(&r);
}

#define PARAGRAPH_1                                                                    \
	"Kapal selam KRI Alugoro-405 menyelesaikan uji selam dalam di perairan utara " \
	"Bali, menurut keterangan Dinas Penerangan TNI AL pada Kamis sore."
#define PARAGRAPH_2                                                                         \
	"Uji tersebut melibatkan tim gabungan dari galangan kapal, Dislitbang TNI AL, dan " \
	"perwakilan pabrikan, yang memantau kekedapan lambung pada setiap kedalaman."
#define PARAGRAPH_3                                                                      \
	"Setelah seluruh uji selesai, kapal akan kembali ke Surabaya untuk pemeriksaan " \
	"akhir sebelum diserahkan kepada Komando Armada II pada awal tahun depan."

WA_TEST(a_theme_that_names_its_wrapper_a_sidebar_still_gives_the_article)
{
	/* Blog themes put "sidebar" on the layout wrapper that holds the post itself. */
	check_text_without(
		"theme.html",
		"<html><body><div class=\"container penci_sidebar\"><div class=\"inner\">"
		"<h1>Uji Selam Alugoro</h1><p>" PARAGRAPH_1 "</p><p>" PARAGRAPH_2
		"</p><p>" PARAGRAPH_3 "</p></div></div>"
		"<div class=\"share-buttons\"><a href=\"/s\">Bagikan ke teman</a></div>"
		"</body></html>",
		"pemeriksaan akhir sebelum diserahkan", "Bagikan");
}

WA_TEST(an_article_split_into_named_parts_comes_out_whole)
{
	/* Parts of the body named alike, each in its own grid cell, an advertisement between. */
	check_text_without(
		"parts.html",
		"<html><body><article><div class=\"grid\"><div class=\"article__body\"><p>" PARAGRAPH_1
		"</p><p>" PARAGRAPH_2 "</p></div></div><div class=\"grid\"><div "
		"class=\"ad-slot\">Pasang iklan Anda di sini, hubungi tim pemasaran kami hari ini "
		"juga untuk penawaran khusus akhir tahun.</div></div><div class=\"grid\"><div "
		"class=\"article__body\"><p>" PARAGRAPH_3 "</p></div></div></article>"
		"<div class=\"more\"><p>Berita lain hari ini dari redaksi, termasuk kabar olahraga, "
		"hiburan, gaya hidup, dan banyak lagi, tersedia di halaman depan kami.</p></div>"
		"</body></html>",
		PARAGRAPH_1 "\n\n" PARAGRAPH_2 "\n\n" PARAGRAPH_3, "Pasang iklan");
}

WA_TEST(the_body_a_page_names_wins_over_a_longer_block_of_headlines)
{
	/* A short article in <br>-separated lines; below it, a long list of linked headlines. */
	check_text_without(
		"named.html",
		"<html><body><div class=\"row\"><div itemprop=\"articleBody\">" PARAGRAPH_1
		"<br><br>" PARAGRAPH_2 "</div></div><div class=\"wrap\"><div><a href=\"/1\">Harga "
		"cabai naik, pedagang di pasar induk mengeluh, pembeli berkurang</a>, kata warga, "
		"<a href=\"/2\">Banjir rob kembali merendam pesisir utara, ratusan rumah "
		"terdampak</a>, menurut BPBD, <a href=\"/3\">Timnas muda menang tipis, pelatih "
		"puas, suporter bersorak di stadion</a>, <a href=\"/4\">Jalan tol baru dibuka, arus "
		"mudik diprediksi lebih lancar, kata menteri</a></div></div></body></html>",
		"Dislitbang TNI AL", "Harga cabai");
}

WA_TEST(text_written_straight_into_a_container_is_its_paragraphs)
{
	/*
	 * No <p> at all: lines between <br>s, a centred caption block between
	 * them. That container is the article, not the whole page around it.
	 */
	struct wa_test_run r = { 0 };
	static const char html[] =
		"<html><body><div class=\"kanal\"><a href=\"/a\">Nasional</a> <a "
		"href=\"/b\">Internasional</a></div><div class=\"x\"><h1>Uji Selam Alugoro</h1><div "
		"class=\"y\">" PARAGRAPH_1
		"<br><br><center><em>Foto: Dispenal</em></center><br>" PARAGRAPH_2
		"<br><br>" PARAGRAPH_3 "</div></div><div class=\"z\"><a href=\"/d\">Indeks berita "
		"hari ini</a></div></body></html>";

	wa_test_run_start(&r, conf, "bare.html", html, strlen(html));
	ASSERT_STR_EQ(wa_article_text(r.article),
		      PARAGRAPH_1 "\n\n" PARAGRAPH_2 "\n\n" PARAGRAPH_3);
	ASSERT_NOT_NULL(wa_test_removed(&r, "caption", "Dispenal"));
	wa_test_run_done(&r);
}

WA_TEST(table_rows_are_lines_and_lines_above_the_lede_stay)
{
	/*
	 * The extractor chose the article's container, so its short opening
	 * lines are the article's, not a page header; a results table reads
	 * a row per line.
	 */
	struct wa_test_run r = { 0 };
	static const char html[] =
		"<html><head><title>Hasil Lomba Dayung Antarmatra</title></head><body><div "
		"class=\"entry-content\"><p>Hasil akhir lomba:</p><table><tr><td>1</td><td>Tim "
		"Koarmada II</td><td>7:02</td></tr><tr><td>2</td><td>Tim Kopaska</td><td>7:15</td>"
		"</tr></table><p>Lomba dayung antarmatra digelar di Kolinlamil, Jakarta, pada Sabtu "
		"pagi dan diikuti dua belas tim dari tiga matra TNI serta Polri.</p><p>Panitia "
		"menyebut lomba tahun ini yang paling ramai sejak pertama kali digelar, dengan "
		"ratusan penonton memadati dermaga.</p></div></body></html>";

	wa_test_run_start(&r, conf, "table.html", html, strlen(html));
	ASSERT_TRUE(
		strncmp(wa_article_text(r.article),
			"Hasil akhir lomba:\n\n1 Tim Koarmada II 7:02\n\n2 Tim Kopaska 7:15\n\n",
			60) == 0);
	wa_test_run_done(&r);
}

static void check_title(const char *head, const char *body, const char *want)
{
	struct wa_test_run r = { 0 };
	char html[2048];

	snprintf(html, sizeof(html),
		 "<html><head>%s</head><body>%s<p>" PARAGRAPH_1 "</p><p>" PARAGRAPH_2
		 "</p></body></html>",
		 head, body);
	wa_test_run_start(&r, conf, "title.html", html, strlen(html));
	ASSERT_STR_EQ(wa_article_title(r.article), want);
	wa_test_run_done(&r);
}

WA_TEST(a_page_title_loses_the_sites_name_and_keeps_its_own_dashes)
{
	/* The site's name as og:site_name, as its host, or after the page's own headline. */
	check_title("<title>Alugoro Selesai Uji Selam - Warta Matra</title>"
		    "<meta property=\"og:site_name\" content=\"Warta Matra\">",
		    "", "Alugoro Selesai Uji Selam");
	check_title("<title>Alugoro Selesai Uji Selam | Matranews | 12.03.2025</title>"
		    "<link rel=\"canonical\" href=\"https://nasional.matranews.co.id/a/1\">",
		    "", "Alugoro Selesai Uji Selam");
	check_title("<title>Alugoro Selesai Uji Selam :: Harian Laut Kita</title>",
		    "<h1>Alugoro Selesai Uji Selam</h1>", "Alugoro Selesai Uji Selam");
	/* A dash inside the headline is the headline's. */
	check_title("<title>Rusia - Ukraina Sepakati Pertukaran Tawanan</title>"
		    "<link rel=\"canonical\" href=\"https://www.matranews.com/b/2\">",
		    "", "Rusia - Ukraina Sepakati Pertukaran Tawanan");
}

WA_TEST(valid_utf8_is_read_as_utf8_whatever_the_page_declares)
{
	/* A page moved to UTF-8 that still declares Latin-1. */
	check_text("moved.html",
		   "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Delegasi Prancis "
		   "membahas kerja sama d\xc3\xa9"
		   "fense dengan Kementerian Pertahanan di Jakarta pekan ini.</p></body></html>",
		   "kerja sama d\xc3\xa9"
		   "fense dengan");
}

WA_TEST(an_author_slug_reads_as_a_name)
{
	struct wa_test_run r = { 0 };
	static const char html[] =
		"<html><head><meta name=\"author\" content=\"rina-wulandari\"></head><body><p>" PARAGRAPH_1
		"</p></body></html>";

	wa_test_run_start(&r, conf, "slug.html", html, strlen(html));
	ASSERT_STR_EQ(cJSON_GetArrayItem(wa_test_field(&r, "authors"), 0)->valuestring,
		      "Rina Wulandari");
	wa_test_run_done(&r);
}

static double spam_score_of(const char *name, const char *html, const char *evidence)
{
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf, name, html, strlen(html));
	double score = wa_test_field(&r, "spam.score")->valuedouble;

	if (evidence) {
		char *all = cJSON_PrintUnformatted(wa_test_field(&r, "spam.evidence"));

		ASSERT_CONTAINS(all, evidence);
		free(all);
	}
	wa_test_run_done(&r);
	return score;
}

WA_TEST(links_to_gambling_sites_are_spam_evidence_and_other_links_are_not)
{
	/* A hacked page's footer: the site's own link, a gambling link, an agency's. */
	static const char hacked[] =
		"<html><head><link rel=\"canonical\" href=\"https://www.matranews.co.id/a/1\">"
		"</head><body><p>" PARAGRAPH_1 "</p><p>" PARAGRAPH_2 "</p><footer><a "
		"href=\"https://news.matranews.co.id/redaksi\">Redaksi</a> <a "
		"href=\"http://gacor.example/\">SLOT GACOR HARI INI</a> <a "
		"href=\"https://www.reuters.com/\">Reuters</a></footer></body></html>";
	static const char cites[] = "<html><body><p>" PARAGRAPH_1
				    "</p><p>Menurut <a href=\"https://www.reuters.com/x\">"
				    "laporan Reuters</a>, uji itu berhasil.</p></body></html>";
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf, "hacked.html", hacked, strlen(hacked));
	ASSERT_STR_EQ(wa_test_removed(&r, "links", ""), "SLOT GACOR HARI INI\nReuters");
	wa_test_run_done(&r);
	ASSERT_TRUE(spam_score_of("hacked.html", hacked, "GACOR") >= 0.5);
	ASSERT_TRUE(spam_score_of("cites.html", cites, NULL) == 0);
}

/* The page's field, as compact JSON ("null" when absent). */
static void check_names(const char *html, const char *field, const char *want_json)
{
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf, "byline.html", html, strlen(html));
	char *got = cJSON_PrintUnformatted(wa_test_field(&r, field));

	ASSERT_STR_EQ(got ? got : "null", want_json);
	free(got);
	wa_test_run_done(&r);
}

static void check_authors(const char *html, const char *want_json)
{
	check_names(html, "authors", want_json);
}

WA_TEST(the_element_a_page_marks_as_its_author_names_the_writer)
{
	/* No author in the metadata: the outlet's byline element, in its own forms. */
	check_authors("<html><body><h1>Alugoro Selesai Uji Selam</h1><div "
		      "class=\"detail__author\">Rina Wulandari - detikNews</div><div "
		      "class=\"detail__body-text\"><p>" PARAGRAPH_1 "</p></div></body></html>",
		      "[\"Rina Wulandari\"]");
	check_authors(
		"<html><body><span itemprop=\"author\">Oleh: Bayu Pratama</span><p>" PARAGRAPH_1
		"</p></body></html>",
		"[\"Bayu Pratama\"]");
	/* An author's box is a biography, not a byline. */
	check_authors("<html><body><p>" PARAGRAPH_1 "</p><div class=\"author-box\">Bayu Pratama "
		      "menulis tentang pertahanan sejak 2010.</div></body></html>",
		      "null");
	/* The metadata names the desk editor; the page's author elements say who is who. */
	check_authors("<html><head><script type=\"application/ld+json\">{\"@type\": "
		      "\"NewsArticle\", \"author\": {\"name\": \"Heru Santoso\"}}</script></head>"
		      "<body><div class=\"info-author\">Editor : Heru Santoso</div><div "
		      "class=\"author-2\">Naufal Rahman</div><p>" PARAGRAPH_1 "</p></body></html>",
		      "[\"Naufal Rahman\"]");
}

WA_TEST(the_element_a_page_marks_as_its_editor_names_the_editor)
{
	static const char page[] =
		"<html><body><h1>Zapad 2025 Dimulai</h1><div class=\"credit\"><div "
		"id=\"penulis\">Penulis: <a href=\"/u/1\">Hasan Gultom</a></div><div "
		"id=\"editor\">Editor: <a href=\"/u/2\">Whiesa Daniswara</a></div></div><div "
		"class=\"txt-article\"><p>" PARAGRAPH_1 "</p></div></body></html>";

	check_names(page, "authors", "[\"Hasan Gultom\"]");
	check_names(page, "editors", "[\"Whiesa Daniswara\"]");
	/* Without its label an editor's element is no byline: an editor's-picks heading. */
	check_names("<html><body><div class=\"pilihan-editor\">Pilihan Editor</div><p>" PARAGRAPH_1
		    "</p></body></html>",
		    "editors", "null");
}

WA_TEST(the_element_a_page_prints_its_date_in_dates_it_when_the_metadata_does_not)
{
	/* A Blogger page: no metadata date, the date header above the post, a comment's date. */
	static const char page[] =
		"<html><body><h2 class=\"date-header\"><span>Selasa, 04 Maret 2025</span></h2>"
		"<h3 class=\"post-title\">Kapal Selam Alugoro Selesai Uji Selam</h3><div "
		"class=\"post-body\"><p>" PARAGRAPH_1 "</p></div><div class=\"comments\"><span "
		"class=\"comment-date\">1 Januari 2025</span><p>Mantap.</p></div></body></html>";

	check_names(page, "published", "\"2025-03-04\"");
	/* The page's metadata wins over what it prints. */
	check_names("<html><head><meta property=\"article:published_time\" "
		    "content=\"2025-03-05T08:00:00+07:00\"></head><body><div "
		    "class=\"post-date\">Selasa, 04 Maret 2025</div><p>" PARAGRAPH_1
		    "</p></body></html>",
		    "published", "\"2025-03-05T08:00:00+07:00\"");
	/* A meta tag's "2025-10-02 11:20:00" or "2025/10/02 11:20" is made ISO 8601. */
	check_names("<html><head><meta name=\"content_PublishedDate\" content=\"2025-10-02 "
		    "11:20:00\"></head><body><p>" PARAGRAPH_1 "</p></body></html>",
		    "published", "\"2025-10-02T11:20:00\"");
	check_names("<html><head><meta property=\"article:published_time\" content=\"2025/10/02 "
		    "11:20\"></head><body><p>" PARAGRAPH_1 "</p></body></html>",
		    "published", "\"2025-10-02T11:20\"");
}

WA_TEST(text_that_is_not_html_is_left_to_ingest_text)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Judul Berita\nJAKARTA - Isi berita tentang <b>kapal</b> yang ditulis "
			 "sebagai teks biasa oleh wartawan di lapangan hari ini.\n");
	ASSERT_STR_EQ(wa_test_string(&r, "source.format"), "text");
	wa_test_run_done(&r);
}

WA_TEST(a_page_with_nothing_in_it_is_refused)
{
	static const char html[] = "<html><head></head><body><script>x()</script></body></html>";
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf, "empty.html", html, strlen(html));
	ASSERT_EQ(r.status, WA_PIPELINE_REJECTED);
	ASSERT_CONTAINS(wa_article_rejection(r.article), "HTML page without text");
	wa_test_run_done(&r);
}

/*
 * A theme that marks each comment as a whole, its author and date beside
 * its paragraphs; WordPress's "Like Loading..." under the text; the page's
 * own outlet quoted in the text is an organisation, no person.
 */
WA_TEST(bare_comments_and_the_pages_own_outlet)
{
	static const char page[] =
		"<html><head><title>Jakarta Orders Two More Submarines - Naval Insight</title>"
		"<meta property=\"og:site_name\" content=\"Naval Insight\"></head><body>"
		"<article><h1>Jakarta Orders Two More Submarines</h1><div class=\"entry-content\">"
		"<p>Indonesia's Ministry of Defence has signed an amendment with Naval Group for "
		"two more submarines, bringing the total on order to four, officials said.</p>"
		"<p>\"This secures a production line in Surabaya for the decade,\" PT PAL "
		"president director Kaharuddin Djenod told Naval Insight on Thursday.</p>"
		"<p>Local media reported in March that the first contract was worth about two "
		"billion dollars.</p><p>Like Loading...</p></div></article>"
		"<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">"
		"<li class=\"comment\"><div class=\"comment-author\">Bima_ID</div>"
		"<div class=\"comment-metadata\">November 27, 2026 at 10:14 am</div>"
		"<p>Hope PAL delivers on time this time.</p></li></ol></div></body></html>";
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r,
			  "pipeline = { 'ingest_html', 'normalize', 'spam', 'clean', 'meta', "
			  "'dates', 'langid', 'entities' }",
			  "insight.html", page, sizeof(page) - 1);
	const cJSON *comments = wa_test_field(&r, "comments");

	ASSERT_EQ(cJSON_GetArraySize(comments), 1);
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(comments, 0), "author"), "Bima_ID");
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(comments, 0), "text"),
		      "Hope PAL delivers on time this time.");
	const char *text = wa_article_text(r.article);

	ASSERT_NULL(strstr(text, "Loading"));
	ASSERT_NULL(strstr(text, "Hope PAL"));
	const cJSON *e;
	int people = 0, insight = 0;

	cJSON_ArrayForEach(e, wa_test_field(&r, "entities"))
	{
		const char *type = wa_json_get_string(e, "type");

		people += strcmp(type, "person") == 0;
		insight += strcmp(type, "org") == 0 &&
			   strcmp(wa_json_get_string(e, "name"), "Naval Insight") == 0;
	}
	ASSERT_EQ(people, 1); /* Kaharuddin Djenod; not "Naval Insight", not "Local" */
	ASSERT_EQ(insight, 1);
	wa_test_run_done(&r);
}

WA_TEST_MAIN(
	WA_TEST_ENTRY(an_outlet_page_becomes_its_article_and_metadata),
	WA_TEST_ENTRY(bare_comments_and_the_pages_own_outlet),
	WA_TEST_ENTRY(a_wordpress_page_keeps_its_comments_apart),
	WA_TEST_ENTRY(charsets_declared_or_not),
	WA_TEST_ENTRY(a_truncated_page_still_gives_its_text),
	WA_TEST_ENTRY(a_theme_that_names_its_wrapper_a_sidebar_still_gives_the_article),
	WA_TEST_ENTRY(an_article_split_into_named_parts_comes_out_whole),
	WA_TEST_ENTRY(the_body_a_page_names_wins_over_a_longer_block_of_headlines),
	WA_TEST_ENTRY(table_rows_are_lines_and_lines_above_the_lede_stay),
	WA_TEST_ENTRY(text_written_straight_into_a_container_is_its_paragraphs),
	WA_TEST_ENTRY(a_page_title_loses_the_sites_name_and_keeps_its_own_dashes),
	WA_TEST_ENTRY(valid_utf8_is_read_as_utf8_whatever_the_page_declares),
	WA_TEST_ENTRY(an_author_slug_reads_as_a_name),
	WA_TEST_ENTRY(links_to_gambling_sites_are_spam_evidence_and_other_links_are_not),
	WA_TEST_ENTRY(the_element_a_page_marks_as_its_author_names_the_writer),
	WA_TEST_ENTRY(the_element_a_page_marks_as_its_editor_names_the_editor),
	WA_TEST_ENTRY(the_element_a_page_prints_its_date_in_dates_it_when_the_metadata_does_not),
	WA_TEST_ENTRY(text_that_is_not_html_is_left_to_ingest_text),
	WA_TEST_ENTRY(a_page_with_nothing_in_it_is_refused))
