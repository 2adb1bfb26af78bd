/* SPDX-License-Identifier: MIT */
/*
 * entities: what an analyst pivots on, from sentences written for this
 * test in the style of Indonesian defence news.
 */
#include "wa-pipeline.h"

static const char conf[] = "pipeline = { 'ingest_text', 'normalize', 'clean', 'entities' }";

/* The entity of this type and canonical name, or NULL. */
static const cJSON *entity(const struct wa_test_run *r, const char *type, const char *name)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, wa_test_field(r, "entities"))
	{
		const char *t = wa_json_get_string(e, "type"), *n = wa_json_get_string(e, "name");

		if (t && n && strcmp(t, type) == 0 && strcmp(n, name) == 0)
			return e;
	}
	return NULL;
}

static int count_of_type(const struct wa_test_run *r, const char *type)
{
	const cJSON *e;
	int n = 0;

	cJSON_ArrayForEach(e, wa_test_field(r, "entities"))
	{
		const char *t = wa_json_get_string(e, "type");

		n += t && strcmp(t, type) == 0;
	}
	return n;
}

static int mentions(const cJSON *e)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(e, "mentions");

	return cJSON_IsNumber(m) ? (int)m->valuedouble : -1;
}

static bool has_alias(const cJSON *e, const char *alias)
{
	const cJSON *a;

	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(e, "aliases"))
	{
		if (cJSON_IsString(a) && strcmp(a->valuestring, alias) == 0)
			return true;
	}
	return false;
}

WA_TEST(countries_by_code_whatever_the_spelling)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Latihan Bersama di Perbatasan\n\n"
			 "Belarusia dan Rusia menggelar latihan bersama, sementara Tiongkok, China "
			 "dan Cina disebut sebagai mitra. AS dan Amerika Serikat memantau, begitu "
			 "pula Korut. Pejabat Inggris dan Perancis hadir sebagai pengamat.\n");
	const cJSON *by = entity(&r, "country", "Belarus"), *cn = entity(&r, "country", "Tiongkok");
	const cJSON *us = entity(&r, "country", "Amerika Serikat");

	ASSERT_NOT_NULL(by);
	ASSERT_STR_EQ(wa_json_get_string(by, "code"), "BY");
	ASSERT_TRUE(has_alias(by, "Belarusia"));
	ASSERT_NOT_NULL(cn);
	ASSERT_EQ(mentions(cn), 3);
	ASSERT_NOT_NULL(us);
	ASSERT_STR_EQ(wa_json_get_string(us, "code"), "US");
	ASSERT_EQ(mentions(us), 2);
	ASSERT_NOT_NULL(entity(&r, "country", "Korea Utara"));
	ASSERT_NOT_NULL(entity(&r, "country", "Inggris Raya"));
	ASSERT_NOT_NULL(entity(&r, "country", "Prancis"));
	ASSERT_NOT_NULL(entity(&r, "country", "Rusia"));
	wa_test_run_done(&r);
}

WA_TEST(lower_case_words_are_not_acronym_countries)
{
	struct wa_test_run r = { 0 };

	/* "as" and "us" in English, "ri" nowhere: only capitals make AS, US, RI. */
	wa_test_run_text(&r, conf,
			 "Defence Talks\n\nThe minister spoke as the talks ended and told us "
			 "that the navy would wait.\n");
	ASSERT_EQ(count_of_type(&r, "country"), 0);
	wa_test_run_done(&r);
}

WA_TEST(people_merge_full_name_surname_and_spelling_variant)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Menhan Rusia Bertemu Mitranya\n\n"
			 "Menteri Pertahanan Rusia Sergei Kuzhugetovich bertemu Menhan Belarus "
			 "Viktor Khrenin di Minsk. Kuzhugetovich mengatakan kerja sama akan "
			 "diperluas. Sergey Kuzhugetovich juga meninjau pabrik.\n\n"
			 "\"Kami siap,\" kata Khrenin.\n");
	const cJSON *sk = entity(&r, "person", "Sergei Kuzhugetovich");
	const cJSON *vk = entity(&r, "person", "Viktor Khrenin");

	ASSERT_NOT_NULL(sk);
	ASSERT_EQ(mentions(sk), 3);
	ASSERT_TRUE(has_alias(sk, "Kuzhugetovich"));
	ASSERT_TRUE(has_alias(sk, "Sergey Kuzhugetovich"));
	ASSERT_STR_EQ(wa_json_get_string(sk, "role"), "Menteri Pertahanan Rusia");
	ASSERT_NOT_NULL(vk);
	ASSERT_EQ(mentions(vk), 2);
	ASSERT_STR_EQ(wa_json_get_string(vk, "role"), "Menhan Belarus");
	ASSERT_EQ(count_of_type(&r, "person"), 2);
	ASSERT_NOT_NULL(entity(&r, "place", "Minsk"));
	wa_test_run_done(&r);
}

/*
 * A double-barrelled surname mentioned alone is cut at its hyphen (as
 * "Rusia-Belarus" is): either half still names the person in full.
 */
WA_TEST(half_a_double_barrelled_surname_merges_into_the_full_name)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Polandia Kerahkan Tentara\n\n"
			 "Menteri Pertahanan Polandia Wladyslaw Kosiniak-Kamysz mengatakan langkah "
			 "itu diambil untuk mencegah provokasi.\n\n"
			 "\"Kami harus siap,\" ujar Kosiniak-Kamysz.\n");
	const cJSON *wk = entity(&r, "person", "Wladyslaw Kosiniak-Kamysz");

	ASSERT_NOT_NULL(wk);
	ASSERT_EQ(mentions(wk), 2);
	ASSERT_EQ(count_of_type(&r, "person"), 1);
	wa_test_run_done(&r);
}

/* "CEO KNDS France Nicolas Chamussy": the company's acronym is the post's, not the person. */
WA_TEST(a_company_acronym_after_a_post_is_part_of_the_post)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Kerja Sama Amunisi\n\n"
			 "Penandatanganan dilakukan oleh Direktur Utama PT Pindad Sigit P. Santosa "
			 "dan CEO KNDS France Nicolas Chamussy di Jakarta.\n");
	const cJSON *nc = entity(&r, "person", "Nicolas Chamussy");

	ASSERT_NOT_NULL(nc);
	ASSERT_STR_EQ(wa_json_get_string(nc, "role"), "CEO KNDS France");
	ASSERT_NOT_NULL(entity(&r, "org", "KNDS"));
	ASSERT_NULL(entity(&r, "person", "KNDS"));
	ASSERT_NOT_NULL(entity(&r, "person", "Sigit P. Santosa"));
	wa_test_run_done(&r);
}

/* "Marietta, Georgia, Amerika Serikat" is the US state; a list of countries keeps Georgia one. */
WA_TEST(georgia_before_the_united_states_is_the_state)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Pesawat Kelima Tiba\n\n"
		"Pesawat C-130J itu diterbangkan dari pabrik di Marietta, Georgia, Amerika "
		"Serikat melalui Hawaii dan Guam.\n");
	ASSERT_NOT_NULL(entity(&r, "place", "Georgia"));
	ASSERT_NULL(entity(&r, "country", "Georgia"));
	ASSERT_NOT_NULL(entity(&r, "country", "Amerika Serikat"));
	wa_test_run_done(&r);
	wa_test_run_text(&r, conf,
			 "Latihan Bersama\n\n"
			 "Latihan itu diikuti Turki, Georgia, dan Azerbaijan di dekat Tbilisi.\n");
	ASSERT_NOT_NULL(entity(&r, "country", "Georgia"));
	wa_test_run_done(&r);
}

/* English adjectives of peoples and regions are no one's name. */
WA_TEST(an_adjective_of_a_people_is_no_person)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Defence Spending\n\n"
			 "The purchase comes as Southeast Asian nations boost defence spending, "
			 "while Australian and Japanese officials watch the South China Sea.\n");
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	wa_test_run_done(&r);
}

/* "Kepala Biro Informasi Pertahanan Setjen Kemhan Brigjen TNI Frega Wenas": the bureau is the
 * post's. */
WA_TEST(a_bureau_after_its_head_is_the_posts_organisation)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Kapal Selam\n\n"
			 "Kepala Biro Informasi Pertahanan Setjen Kemhan Brigjen TNI Frega Wenas "
			 "mengatakan kapal selam pertama ditargetkan diluncurkan pada 2029. Atase "
			 "Pertahanan Rusia untuk Indonesia, Kolonel Sergei Zhukov, ikut hadir. "
			 "Penasihat Keamanan Nasional Filipina Eduardo Ano juga datang.\n");
	const cJSON *fw = entity(&r, "person", "Frega Wenas");

	ASSERT_NOT_NULL(fw);
	ASSERT_STR_EQ(wa_json_get_string(fw, "role"),
		      "Kepala Biro Informasi Pertahanan Setjen Kemhan Brigjen TNI");
	ASSERT_NOT_NULL(entity(&r, "org", "Biro Informasi Pertahanan"));
	ASSERT_NOT_NULL(entity(&r, "person", "Sergei Zhukov"));
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Eduardo Ano"), "role"),
		      "Penasihat Keamanan Nasional Filipina");
	ASSERT_EQ(count_of_type(&r, "person"), 3);
	wa_test_run_done(&r);
}

/* "Republik" is a word of many names ("PT Republik Aero Dirgantara"), not the Congo. */
WA_TEST(republik_alone_names_no_country)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Pabrik Drone\n\n"
			 "Presiden meresmikan pabrik pesawat nirawak milik PT Republik Aero "
			 "Dirgantara di Bandung.\n");
	ASSERT_EQ(count_of_type(&r, "country"), 0);
	ASSERT_NOT_NULL(entity(&r, "org", "PT Republik Aero Dirgantara"));
	wa_test_run_done(&r);
}

WA_TEST(ranks_with_qualifiers_and_reporting_verbs_find_people)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Pangkalan Baru Diresmikan\n\n"
			 "Peresmian dihadiri Letjen TNI (Purn) Harsono Wibisono dan Kolonel (Mar) "
			 "Dimas Aryaguna. Acara dibuka pukul 09.00, ujar Ratna Kusumawati.\n");
	const cJSON *hw = entity(&r, "person", "Harsono Wibisono");

	ASSERT_NOT_NULL(hw);
	ASSERT_STR_EQ(wa_json_get_string(hw, "role"), "Letjen TNI (Purn)");
	ASSERT_NOT_NULL(entity(&r, "person", "Dimas Aryaguna"));
	ASSERT_NOT_NULL(entity(&r, "person", "Ratna Kusumawati"));
	wa_test_run_done(&r);
}

WA_TEST(equipment_designators_are_normalised)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Jet Tempur Baru\n\n"
			 "TNI AU membandingkan Su 35, SU-35 dan Sukhoi 35 dengan Su-27/30, F-16C/D "
			 "serta Rafale. KRI Nanggala-402 dan rudal S-400 juga dibahas. Angka G20, "
			 "COVID-19 dan SLOT88 bukan alutsista.\n");
	const cJSON *su35 = entity(&r, "equipment", "Su-35");

	ASSERT_NOT_NULL(su35);
	ASSERT_EQ(mentions(su35), 3);
	ASSERT_NOT_NULL(entity(&r, "equipment", "Su-27"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "Su-30"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "F-16C"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "F-16D"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "Rafale"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "KRI Nanggala-402"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "S-400"));
	ASSERT_EQ(count_of_type(&r, "equipment"), 8);
	ASSERT_NOT_NULL(entity(&r, "org", "TNI AU"));
	wa_test_run_done(&r);
}

/* A variant after the space ("Su 30MK2") and a hull number after one ("KRI Nanggala 402"). */
WA_TEST(designators_and_hull_numbers_written_with_a_space)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Alutsista\n\n"
			 "TNI AU mengoperasikan Sukhoi Su 30MK2 dan Su-30MK2, sementara kapal "
			 "selam KRI Nanggala 402 tenggelam pada 2021 di perairan Bali.\n");
	const cJSON *su = entity(&r, "equipment", "Su-30MK2");

	ASSERT_NOT_NULL(su);
	ASSERT_EQ(mentions(su), 2);
	ASSERT_NOT_NULL(entity(&r, "equipment", "KRI Nanggala-402"));
	ASSERT_EQ(count_of_type(&r, "equipment"), 2);
	wa_test_run_done(&r);
}

WA_TEST(a_designators_sub_variant_after_a_second_hyphen_is_kept)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Pesawat Angkut Tiba\n\n"
			 "TNI AU menerima C-130J-30 Super Hercules, sementara Rusia mengirim "
			 "Il-76MD-90A dan Su-30MK2.\n");
	ASSERT_NOT_NULL(entity(&r, "equipment", "C-130J-30"));
	ASSERT_NULL(entity(&r, "equipment", "C-130J-30 Super"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "Il-76MD-90A"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "Su-30MK2"));
	wa_test_run_done(&r);

	/* A known thing's acronym in brackets is its other name, not an organisation. */
	wa_test_run_text(&r, conf,
			 "Kapal Baru untuk TLDM\n\n"
			 "The Littoral Mission Ships (LMS) will be based in Sabah. The LMS fleet "
			 "grows next year.\n");
	const cJSON *lms = entity(&r, "equipment", "Littoral Mission Ship");

	ASSERT_NOT_NULL(lms);
	ASSERT_TRUE(has_alias(lms, "LMS"));
	ASSERT_NULL(entity(&r, "org", "LMS"));
	wa_test_run_done(&r);
}

WA_TEST(places_orgs_events_and_acting_seats_of_government)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Zapad 2025 Dimulai\n\n"
		"Latihan Zapad 2025 digelar dekat Laut China Selatan, kata pejabat Kemenhan. "
		"Kremlin menegaskan latihan itu defensif. Delegasi tiba di Moskow pada pagi "
		"hari dan bertemu wakil Universitas Pertahanan.\n");
	const cJSON *ru = entity(&r, "country", "Rusia");

	ASSERT_NOT_NULL(entity(&r, "event", "Zapad 2025"));
	ASSERT_NOT_NULL(entity(&r, "place", "Laut China Selatan"));
	ASSERT_NULL(entity(&r, "country", "Tiongkok")); /* inside the sea's name */
	ASSERT_NOT_NULL(entity(&r, "org", "Kementerian Pertahanan"));
	ASSERT_NOT_NULL(entity(&r, "org", "Universitas Pertahanan"));
	ASSERT_NOT_NULL(entity(&r, "place", "Moskow"));
	/* Kremlin acts; Moskow is only where the delegation went. */
	ASSERT_NOT_NULL(ru);
	ASSERT_EQ(mentions(ru), 1);
	ASSERT_TRUE(has_alias(ru, "Kremlin"));
	wa_test_run_done(&r);

	/* A capital that acts is its country only; where someone arrives, a place. */
	wa_test_run_text(&r, conf,
			 "Protes Diplomatik\n\n"
			 "Beijing membantah tuduhan itu. Sehari kemudian utusan khusus Australia "
			 "tiba di Beijing untuk berunding.\n");
	const cJSON *cn = entity(&r, "country", "Tiongkok"),
		    *beijing = entity(&r, "place", "Beijing");

	ASSERT_NOT_NULL(cn);
	ASSERT_EQ(mentions(cn), 1);
	ASSERT_NOT_NULL(beijing);
	ASSERT_EQ(mentions(beijing), 1);
	wa_test_run_done(&r);
}

WA_TEST(offsets_are_code_points_of_the_text)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf, "Judul Berita\n\nPara pejabat Türkiye bertemu di Jenewa.\n");
	const char *text = wa_test_string(&r, "text");
	const cJSON *ch = entity(&r, "place", "Jenewa");

	ASSERT_NOT_NULL(text);
	ASSERT_NOT_NULL(ch);
	const cJSON *span = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(ch, "offsets"), 0);
	int start = cJSON_GetArrayItem(span, 0)->valueint,
	    end = cJSON_GetArrayItem(span, 1)->valueint;
	/* Count code points to find the byte where the span starts. */
	const char *p = text;

	for (int c = 0; c < start; p++)
		c += ((unsigned char)p[1] & 0xc0) != 0x80;
	ASSERT_EQ(end - start, 6);
	ASSERT_TRUE(strncmp(p, "Jenewa", 6) == 0);
	ASSERT_NOT_NULL(entity(&r, "country", "Turki"));
	wa_test_run_done(&r);
}

WA_TEST(removed_boilerplate_gives_no_entities)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Kapal Selam Baru untuk TNI AL\n\n"
			 "JAKARTA - Kapal selam baru tiba di dermaga pada Senin pagi.\n"
			 "Baca juga: Vietnam Borong Jet Tempur dari Swedia\n"
			 "Kapal itu akan bertugas di perairan timur.\n");
	ASSERT_NULL(entity(&r, "country", "Vietnam"));
	ASSERT_NULL(entity(&r, "country", "Swedia"));
	wa_test_run_done(&r);
}

WA_TEST(an_organisation_named_for_two_portfolios_is_one)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Rapat Koordinasi\n\n"
			 "Kementerian Hukum dan Hak Asasi Manusia menerbitkan aturan baru. "
			 "Badan Pengelola Keuangan dan Aset Daerah ikut hadir, bersama "
			 "Kementerian Pertahanan dan TNI. Kepala Dinas Pertanian dan Peternakan "
			 "Diah Ningrum menyambut mereka.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Kementerian Hukum dan Hak Asasi Manusia"));
	ASSERT_NOT_NULL(entity(&r, "org", "Badan Pengelola Keuangan dan Aset Daerah"));
	ASSERT_NULL(entity(&r, "org", "Kementerian Hukum"));
	/* Another name after "dan" is another organisation. */
	ASSERT_NOT_NULL(entity(&r, "org", "Kementerian Pertahanan"));
	ASSERT_NULL(entity(&r, "org", "Kementerian Pertahanan dan TNI"));
	/* The field after "dan" is everyday words: a name after it is a person's. */
	ASSERT_NOT_NULL(entity(&r, "org", "Dinas Pertanian dan Peternakan"));
	ASSERT_NOT_NULL(entity(&r, "person", "Diah Ningrum"));
	wa_test_run_done(&r);
}

WA_TEST(a_ministers_portfolio_is_no_part_of_the_name)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Rapat Kabinet\n\n"
			 "Menteri Agama Nasaruddin Umar hadir bersama Menteri Tenaga Kerja dan "
			 "Transmigrasi Hanif Dhakiri serta Menteri Perumahan Rakyat Basuki "
			 "Hadimuljono. Presiden Terpilih Joko Widodo menyambut mereka.\n");
	const cJSON *agama = entity(&r, "person", "Nasaruddin Umar");

	ASSERT_NOT_NULL(agama);
	ASSERT_STR_EQ(wa_json_get_string(agama, "role"), "Menteri Agama");
	ASSERT_NOT_NULL(entity(&r, "person", "Hanif Dhakiri"));
	ASSERT_NOT_NULL(entity(&r, "person", "Basuki Hadimuljono"));
	ASSERT_NOT_NULL(entity(&r, "person", "Joko Widodo"));
	ASSERT_NULL(entity(&r, "person", "Agama Nasaruddin Umar"));
	ASSERT_NULL(entity(&r, "person", "Transmigrasi Hanif Dhakiri"));
	ASSERT_NULL(entity(&r, "person", "Rakyat Basuki Hadimuljono"));
	ASSERT_NULL(entity(&r, "person", "Terpilih Joko Widodo"));
	wa_test_run_done(&r);
}

/* A post's field in an everyday word, then its body: "Dirjen Anggaran Kemenkeu Luky Alfirman". */
WA_TEST(a_posts_field_and_body_belong_to_the_role)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Anggaran Pertahanan\n\n"
			 "Dirjen Anggaran Kemenkeu Luky Alfirman hadir bersama Direktur Operasi PT "
			 "PAL Budi Santoso di Surabaya.\n");
	const cJSON *luky = entity(&r, "person", "Luky Alfirman");
	const cJSON *budi = entity(&r, "person", "Budi Santoso");

	ASSERT_NOT_NULL(luky);
	ASSERT_STR_EQ(wa_json_get_string(luky, "role"), "Dirjen Anggaran Kemenkeu");
	ASSERT_NOT_NULL(budi);
	ASSERT_STR_EQ(wa_json_get_string(budi, "role"), "Direktur Operasi PT PAL");
	wa_test_run_done(&r);
}

WA_TEST(degrees_and_ceremonies_are_no_people)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Kabar Kampus\n\n"
			 "Sebanyak 120 lulusan mengikuti Wisuda Magister Manajemen dan Sarjana "
			 "Manajemen di Jakarta, kata Rektor Budi Santoso.\n");
	ASSERT_EQ(count_of_type(&r, "person"), 1);
	ASSERT_NOT_NULL(entity(&r, "person", "Budi Santoso"));
	wa_test_run_done(&r);
}

WA_TEST(a_partys_board_and_a_numbered_post_belong_to_the_role)
{
	struct wa_test_run r = { 0 };
	const cJSON *p;

	wa_test_run_text(&r, conf,
			 "Koalisi itu dinilai tetap solid, kata Wakil Ketua Umum II DPP Partai "
			 "Golkar, Theo Sambuaga, di Jakarta.\n");
	ASSERT_NOT_NULL(p = entity(&r, "person", "Theo Sambuaga"));
	ASSERT_STR_EQ(cJSON_GetStringValue(cJSON_GetObjectItem(p, "role")),
		      "Wakil Ketua Umum II DPP Partai Golkar");
	ASSERT_NOT_NULL(entity(&r, "org", "Partai Golkar"));
	ASSERT_EQ(count_of_type(&r, "person"), 1);
	ASSERT_EQ(count_of_type(&r, "org"), 1);
	wa_test_run_done(&r);

	/* A party's council is a part of the post, not an organisation of its own. */
	wa_test_run_text(&r, conf,
			 "Wakil Sekretaris Jenderal Dewan Pimpinan Pusat (DPP) Partai Demokrat "
			 "Rachlan Nashidik membantah kabar itu.\n");
	ASSERT_NOT_NULL(p = entity(&r, "person", "Rachlan Nashidik"));
	ASSERT_STR_EQ(cJSON_GetStringValue(cJSON_GetObjectItem(p, "role")),
		      "Wakil Sekretaris Jenderal Dewan Pimpinan Pusat (DPP) Partai Demokrat");
	ASSERT_EQ(count_of_type(&r, "org"), 1);
	wa_test_run_done(&r);

	/* Without a post before it, the council is an organisation. */
	wa_test_run_text(&r, conf,
			 "Sebanyak 31 Dewan Pimpinan Daerah (DPD) Golkar menolak hasil musyawarah "
			 "itu.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Dewan Pimpinan Daerah"));
	ASSERT_NOT_NULL(entity(&r, "org", "Partai Golkar"));
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	wa_test_run_done(&r);
}

WA_TEST(posts_of_state_are_roles_not_names)
{
	struct wa_test_run r = { 0 };
	const cJSON *p;

	wa_test_run_text(&r, conf,
			 "Kepala Negara mengatakan hal itu di depan para Hakim Konstitusi. "
			 "Presiden dan Ibu Negara Ny Ani Yudhoyono lalu bertolak ke Bali.\n");
	ASSERT_NOT_NULL(p = entity(&r, "person", "Ani Yudhoyono"));
	ASSERT_STR_EQ(cJSON_GetStringValue(cJSON_GetObjectItem(p, "role")), "Ibu Negara Ny");
	ASSERT_EQ(count_of_type(&r, "person"), 1);
	wa_test_run_done(&r);

	wa_test_run_text(&r, conf, "Menkokesra Agung Laksono membuka pameran itu.\n");
	ASSERT_NOT_NULL(p = entity(&r, "person", "Agung Laksono"));
	ASSERT_STR_EQ(cJSON_GetStringValue(cJSON_GetObjectItem(p, "role")), "Menkokesra");
	wa_test_run_done(&r);
}

WA_TEST(names_where_places_stand_are_places)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Pasukan dari kota Misrata mengatakan mereka merebut bandara. Warga "
			 "Sangatta, Kutai Timur, Kalimantan Timur, menemukan drone itu. Siswa asal "
			 "Delhi juga hadir, kata Raja Jordania Abdullah II.\n");
	ASSERT_NOT_NULL(entity(&r, "place", "Misrata"));
	ASSERT_NOT_NULL(entity(&r, "place", "Kutai Timur"));
	ASSERT_NOT_NULL(entity(&r, "place", "Delhi"));
	ASSERT_NOT_NULL(entity(&r, "country", "Yordania"));
	ASSERT_NOT_NULL(entity(&r, "person", "Abdullah II"));
	ASSERT_EQ(count_of_type(&r, "person"), 1);
	wa_test_run_done(&r);
}

WA_TEST(a_posts_field_belongs_to_the_role)
{
	struct wa_test_run r = { 0 };
	const cJSON *p;

	wa_test_run_text(
		&r, conf,
		"Hal itu dikatakan Staf Khusus Presiden Bidang Komunikasi Politik Daniel "
		"Sparingga. Ketua Bidang Edukasi DPP Partai Demokrat Andi Nurpati hadir.\n");
	ASSERT_NOT_NULL(p = entity(&r, "person", "Daniel Sparingga"));
	ASSERT_STR_EQ(cJSON_GetStringValue(cJSON_GetObjectItem(p, "role")),
		      "Staf Khusus Presiden Bidang Komunikasi Politik");
	ASSERT_NOT_NULL(p = entity(&r, "person", "Andi Nurpati"));
	ASSERT_STR_EQ(cJSON_GetStringValue(cJSON_GetObjectItem(p, "role")),
		      "Ketua Bidang Edukasi DPP Partai Demokrat");
	ASSERT_EQ(count_of_type(&r, "person"), 2);
	wa_test_run_done(&r);
}

WA_TEST(a_known_ones_name_as_anothers_surname_is_another_person)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Wapres Boediono membuka pameran didampingi Ny Herawati Boediono. Kata Budi "
		"Prabowo, warga setempat, Presiden Prabowo tiba kemudian.\n");
	ASSERT_NOT_NULL(entity(&r, "person", "Boediono"));
	ASSERT_NOT_NULL(entity(&r, "person", "Herawati Boediono"));
	ASSERT_NOT_NULL(entity(&r, "person", "Budi Prabowo"));
	ASSERT_NOT_NULL(entity(&r, "person", "Prabowo Subianto"));
	ASSERT_EQ(count_of_type(&r, "person"), 4);
	wa_test_run_done(&r);
}

WA_TEST(a_lone_name_among_kin_or_as_an_author_is_a_person)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Ada 113 foto yang dipajang di rumah itu. Semuanya hasil jepretan Mendur "
			 "bersaudara. Pameran juga menampilkan karya Affandi.\n");
	ASSERT_NOT_NULL(entity(&r, "person", "Mendur"));
	ASSERT_NOT_NULL(entity(&r, "person", "Affandi"));
	wa_test_run_done(&r);
}

WA_TEST(a_units_number_is_part_of_its_name_and_a_year_is_not)
{
	struct wa_test_run r = { 0 };
	const cJSON *p;

	wa_test_run_text(
		&r, conf,
		"Komandan Yonif 509 Mayor Inf Andi Wijaya memimpin upacara. Saham PT Mobile "
		"8 Telecom Tbk naik. Anggaran Kementerian Pertahanan 2025 naik 10 persen.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Yonif 509"));
	ASSERT_NOT_NULL(p = entity(&r, "person", "Andi Wijaya"));
	ASSERT_STR_EQ(cJSON_GetStringValue(cJSON_GetObjectItem(p, "role")),
		      "Komandan Yonif 509 Mayor Inf");
	ASSERT_NOT_NULL(entity(&r, "org", "PT Mobile 8 Telecom Tbk"));
	ASSERT_NOT_NULL(entity(&r, "org", "Kementerian Pertahanan"));
	ASSERT_EQ(count_of_type(&r, "org"), 3);
	wa_test_run_done(&r);
	/* A unit named by its number keeps it wherever it comes, whatever follows. */
	wa_test_run_text(
		&r, conf,
		"Rafale memperkuat Skadron Udara 12. Skadron Udara 12 berada di Pekanbaru. "
		"Batalyon Infanteri 412 bergerak dan Armada III siaga.\n");
	ASSERT_EQ(mentions(entity(&r, "org", "Skadron Udara 12")), 2);
	ASSERT_NOT_NULL(entity(&r, "org", "Batalyon Infanteri 412"));
	ASSERT_NOT_NULL(entity(&r, "org", "Armada III"));
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	wa_test_run_done(&r);
}

WA_TEST(a_generic_body_followed_by_a_foreign_country_is_that_countrys)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Angkatan Laut Rusia dan Angkatan Udara Amerika Serikat ikut latihan. "
		"Kementerian Luar Negeri Tiongkok membantah. Kementerian Pertahanan Belarus "
		"menyebutnya defensif. Kemhan RI dan Angkatan Laut menyiapkan kapal.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Angkatan Laut Rusia"));
	ASSERT_NOT_NULL(entity(&r, "org", "Angkatan Udara Amerika Serikat"));
	ASSERT_NOT_NULL(entity(&r, "org", "Kementerian Luar Negeri Tiongkok"));
	ASSERT_NOT_NULL(entity(&r, "org", "Kementerian Pertahanan Belarus"));
	ASSERT_NOT_NULL(entity(&r, "country", "Tiongkok"));
	ASSERT_NOT_NULL(entity(&r, "country", "Amerika Serikat"));
	/* Indonesia's own: the country after it is its own, and alone it is TNI AL. */
	ASSERT_TRUE(has_alias(entity(&r, "org", "Kementerian Pertahanan"), "Kemhan RI"));
	ASSERT_EQ(mentions(entity(&r, "org", "TNI AL")), 1);
	ASSERT_NULL(entity(&r, "org", "Kemenlu"));
	wa_test_run_done(&r);
	/* ... or followed by another country's or body's name. */
	wa_test_run_text(
		&r, conf,
		"Angkatan Udara Kerajaan Australia mengirim pesawat, sementara Angkatan Laut "
		"Tentara Pembebasan Rakyat berlatih. Ketua Mahkamah Konstitusi Anwar Usman "
		"hadir.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Angkatan Udara Kerajaan Australia"));
	ASSERT_NOT_NULL(entity(&r, "org", "Angkatan Laut Tentara Pembebasan Rakyat"));
	ASSERT_NULL(entity(&r, "org", "TNI AL"));
	ASSERT_NULL(entity(&r, "org", "TNI AU"));
	ASSERT_NOT_NULL(entity(&r, "person", "Anwar Usman"));
	wa_test_run_done(&r);
	/* The same for a body named by its head word, and inside a post. */
	wa_test_run_text(&r, conf,
			 "Departemen Luar Negeri Jepang membantah. Juru bicara Departemen Keuangan "
			 "Inggris Anna Price hadir.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Departemen Luar Negeri Jepang"));
	ASSERT_NOT_NULL(entity(&r, "country", "Jepang"));
	ASSERT_NOT_NULL(entity(&r, "org", "Departemen Keuangan Inggris"));
	ASSERT_NOT_NULL(entity(&r, "country", "Inggris Raya"));
	ASSERT_NOT_NULL(entity(&r, "person", "Anna Price"));
	wa_test_run_done(&r);
}

WA_TEST(a_currency_named_for_a_country_is_no_mention_of_it)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Kontrak senilai 2 miliar dolar AS itu diteken Indonesia. Singapura membayar "
		"500 juta dolar Singapura dan US$ 300 juta lagi.\n");
	ASSERT_NULL(entity(&r, "country", "Amerika Serikat"));
	ASSERT_EQ(mentions(entity(&r, "country", "Singapura")), 1);
	ASSERT_NOT_NULL(entity(&r, "country", "Indonesia"));
	wa_test_run_done(&r);
}

WA_TEST(a_name_with_a_model_number_is_equipment_not_a_person)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Pesawat latih Pilatus PC24 milik Swiss mengawal tiga Rafale.\n");
	ASSERT_NOT_NULL(entity(&r, "equipment", "Pilatus PC24"));
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	wa_test_run_done(&r);
	/* Airbus numbers take no hyphen; the A-10 Thunderbolt's does. */
	wa_test_run_text(&r, conf,
			 "Dua A330 dan satu A320 tiba, disusul A-10 Thunderbolt dan H225M.\n");
	ASSERT_NOT_NULL(entity(&r, "equipment", "A330"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "H225M"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "A320"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "A-10"));
	wa_test_run_done(&r);
	/* After a reporting verb, a designator is still the thing, not who spoke. */
	wa_test_run_text(&r, conf, "Pengamat itu menilai J-10C bisa menjadi alternatif murah.\n");
	ASSERT_NOT_NULL(entity(&r, "equipment", "J-10C"));
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	wa_test_run_done(&r);
}

WA_TEST(an_acronym_the_text_defined_is_a_posts_body_not_a_name)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"TNI AU menerima helikopter dari PT Dirgantara Indonesia (PTDI) di Bandung. "
		"Direktur Utama PTDI Gita Amperiawan mengatakan pesanan selesai.\n");
	ASSERT_NOT_NULL(entity(&r, "person", "Gita Amperiawan"));
	ASSERT_EQ(mentions(entity(&r, "org", "PT Dirgantara Indonesia")), 2);
	wa_test_run_done(&r);
	/* A body the text has named already ends there; the person follows. */
	wa_test_run_text(&r, conf,
			 "Prabowo meresmikan pabrik PT Dahana di Subang. Direktur Utama PT Dahana "
			 "Wildan Widarman menyebut kapasitasnya 1.500 ton.\n");
	ASSERT_NOT_NULL(entity(&r, "person", "Wildan Widarman"));
	ASSERT_EQ(mentions(entity(&r, "org", "PT Dahana")), 2);
	wa_test_run_done(&r);
}

WA_TEST(an_everyday_word_after_a_post_is_no_name)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Korea Utara menembakkan rudal, menurut Kepala Staf Gabungan Korea Selatan. "
		"Kepala Staf Angkatan Darat Jenderal Maruli Simanjuntak hadir.\n");
	ASSERT_EQ(count_of_type(&r, "person"), 1);
	ASSERT_NOT_NULL(entity(&r, "person", "Maruli Simanjuntak"));
	wa_test_run_done(&r);
}

WA_TEST(foreign_navies_ships_and_capitals_that_act)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Kapal perusak JS Akizuki dan HMCS Ottawa melintasi Selat Taiwan. Tokyo "
			 "menyebut pelayaran itu sah.\n");
	ASSERT_NOT_NULL(entity(&r, "equipment", "JS Akizuki"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "HMCS Ottawa"));
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	ASSERT_NOT_NULL(entity(&r, "country", "Jepang")); /* Tokyo acting */
	wa_test_run_done(&r);
}

WA_TEST(defence_jargon_acronyms_are_no_organisations)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Tim SAR TNI AL menyisir ZEE dan ALKI dengan UAV, sementara sistem SAM dan "
		"MBT disiagakan di perbatasan.\n");
	ASSERT_EQ(count_of_type(&r, "org"), 1);
	ASSERT_NOT_NULL(entity(&r, "org", "TNI AL"));
	wa_test_run_done(&r);
}

WA_TEST(an_amount_in_rupiah_is_no_organisation)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Anggaran kapal selam itu mencapai Rp6.500 triliun, naik dari Rp9.050 "
			 "miliar tahun lalu, kata Laksamana Muhammad Ali.\n");
	ASSERT_EQ(count_of_type(&r, "org"), 0);
	ASSERT_NOT_NULL(entity(&r, "person", "Muhammad Ali"));
	wa_test_run_done(&r);
}

WA_TEST(a_word_that_starts_no_name_opens_an_organisation_with_a_tail)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Indonesia signed the contract with Turkey's Defence Industry Agency on "
		"Monday, while Russia's Defense Ministry denied the report. The deal builds "
		"on the 2024 Defense Cooperation Agreement.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Defence Industry Agency"));
	ASSERT_NULL(entity(&r, "org", "Industry Agency"));
	ASSERT_NOT_NULL(entity(&r, "org", "Defense Ministry"));
	/* A treaty ends in no organisation's word: still no name. */
	ASSERT_NULL(entity(&r, "org", "Defense Cooperation Agreement"));
	ASSERT_NULL(entity(&r, "person", "Defense Cooperation"));
	wa_test_run_done(&r);
}

WA_TEST(an_exercise_named_after_its_words_is_an_event_without_a_year)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Ratusan prajurit mengikuti latihan bersama Malindo Darsasa di Sarawak, "
			 "sementara operasi Madago Raya berlanjut. Seorang pria bernama Rudi "
			 "Hartawan ikut menonton.\n");
	ASSERT_NOT_NULL(entity(&r, "event", "Malindo Darsasa"));
	ASSERT_NOT_NULL(entity(&r, "event", "Madago Raya"));
	ASSERT_NULL(entity(&r, "person", "Malindo Darsasa"));
	/* "bernama" names people too. */
	ASSERT_NOT_NULL(entity(&r, "person", "Rudi Hartawan"));
	wa_test_run_done(&r);
}

WA_TEST(the_base_a_post_commands_belongs_to_the_role)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Komandan Pangkalan Udara Halim Marsma TNI Andi Kurniawan memimpin "
			 "upacara itu.\n");
	const cJSON *andi = entity(&r, "person", "Andi Kurniawan");

	ASSERT_NOT_NULL(andi);
	ASSERT_STR_EQ(wa_json_get_string(andi, "role"),
		      "Komandan Pangkalan Udara Halim Marsma TNI");
	ASSERT_NOT_NULL(entity(&r, "place", "Pangkalan Udara Halim"));
	wa_test_run_done(&r);

	/* A long post: base, force, its acronym, the town, then rank and corps. */
	wa_test_run_text(&r, conf,
			 "Kapal Tiba di Kupang\n\n"
			 "Komandan Pangkalan TNI AL (Lanal) Kupang Kolonel Laut (P) Budi Hartono "
			 "mengatakan kapal itu tiba pekan lalu.\n");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Budi Hartono"), "role"),
		      "Komandan Pangkalan TNI AL (Lanal) Kupang Kolonel Laut (P)");
	wa_test_run_done(&r);
}

WA_TEST(nasional_stands_inside_an_organisations_name)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Persatuan Nasional Karen (KNU) merebut pos itu. Rapat Dewan Keamanan "
			 "Nasional digelar kemudian, dan KNU menolak hadir.\n");
	const cJSON *knu = entity(&r, "org", "Persatuan Nasional Karen");

	ASSERT_NOT_NULL(knu);
	ASSERT_TRUE(has_alias(knu, "KNU"));
	ASSERT_EQ(mentions(knu), 2);
	ASSERT_NOT_NULL(entity(&r, "org", "Dewan Keamanan Nasional"));
	ASSERT_NULL(entity(&r, "person", "Karen"));
	wa_test_run_done(&r);
}

WA_TEST(a_bodys_roman_number_is_part_of_its_name_but_not_the_full_stop)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Kapal Perang Tiba\n\nKapal itu berasal dari Komando Armada I.\n\n"
			 "Pasukan dari Kodam IV Diponegoro tiba, kata Joko S. Widodo.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Komando Armada I"));
	ASSERT_NULL(entity(&r, "org", "Komando Armada I."));
	ASSERT_NOT_NULL(entity(&r, "org", "Kodam IV Diponegoro"));
	/* A capital and a period inside a line is still an initial. */
	ASSERT_NOT_NULL(entity(&r, "person", "Joko S. Widodo"));
	wa_test_run_done(&r);
}

WA_TEST(english_bodies_and_doctors)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Jets for Singapore\n\n"
		"The jets will replace the Republic of Singapore Air Force's ageing F-16 "
		"fleet, Defence Minister Ng Eng Hen told Parliament. \"It keeps us ahead,\" "
		"said Dr Ng. The Ministry of Defence did not disclose the cost.\n");
	const cJSON *ng = entity(&r, "person", "Ng Eng Hen");

	ASSERT_NOT_NULL(ng);
	ASSERT_EQ(mentions(ng), 2); /* "Dr Ng" is him, with his title */
	ASSERT_NULL(entity(&r, "person", "Dr Ng"));
	ASSERT_NOT_NULL(entity(&r, "org", "Air Force"));
	ASSERT_NULL(entity(&r, "person", "Air Force"));
	ASSERT_NULL(entity(&r, "person", "Parliament"));
	ASSERT_NULL(entity(&r, "org", "The Ministry"));
	wa_test_run_done(&r);

	wa_test_run_text(&r, conf,
			 "Jets for Indonesia\n\n"
			 "The Indonesian Ministry of Defence announced the deal. Turkish Aerospace "
			 "CEO Mehmet Demiroglu said deliveries would begin soon.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Indonesian Ministry of Defence"));
	ASSERT_NULL(entity(&r, "org", "Indonesian Ministry"));
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Mehmet Demiroglu"), "role"), "CEO");
	wa_test_run_done(&r);

	/* A people's adjective before Navy or Army: the force, not a loose word. */
	wa_test_run_text(
		&r, conf,
		"Patrols in the Strait\n\n"
		"Officials of the Indonesian Navy said the Russian Army was not involved.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Indonesian Navy"));
	ASSERT_NOT_NULL(entity(&r, "org", "Russian Army"));
	ASSERT_NULL(entity(&r, "org", "Navy"));
	wa_test_run_done(&r);
}

WA_TEST(a_name_in_a_paragraphs_capitalised_opening_is_the_same_entity)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Wisuda di Jakarta\n\n"
			 "INTERNATIONAL Golden Institute menggelar wisuda pekan ini. Para lulusan "
			 "International Golden Institute menerima ijazah. Rektor International "
			 "Golden Institute menyampaikan pesan.\n");
	const cJSON *igi = entity(&r, "org", "International Golden Institute");

	ASSERT_NOT_NULL(igi);
	/* After a post too: the span before "Institute" is no person. */
	ASSERT_EQ(mentions(igi), 3);
	ASSERT_TRUE(has_alias(igi, "INTERNATIONAL Golden Institute"));
	ASSERT_NULL(entity(&r, "org", "INTERNATIONAL Golden Institute"));
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	wa_test_run_done(&r);
}

WA_TEST(an_acronym_the_text_defines_names_the_same_organisation)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Rapat Industri\n\n"
			 "Badan Usaha Milik Negara (BUMN) di sektor pertahanan diminta berbenah. "
			 "Dewan Pertimbangan Presiden (Wantimpres) mendukung langkah itu.\n\n"
			 "BUMN akan diaudit, kata Wantimpres.\n");
	const cJSON *bumn = entity(&r, "org", "Badan Usaha Milik Negara");
	const cJSON *dpp = entity(&r, "org", "Dewan Pertimbangan Presiden");

	ASSERT_NOT_NULL(bumn);
	ASSERT_TRUE(has_alias(bumn, "BUMN"));
	/* The name with its bracketed acronym is one mention, spanning both. */
	ASSERT_EQ(mentions(bumn), 2);
	const cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItem(bumn, "offsets"), 0);
	ASSERT_EQ(cJSON_GetArrayItem(first, 1)->valueint - cJSON_GetArrayItem(first, 0)->valueint,
		  (int)strlen("Badan Usaha Milik Negara (BUMN)"));
	ASSERT_NOT_NULL(dpp);
	ASSERT_TRUE(has_alias(dpp, "Wantimpres"));
	ASSERT_EQ(mentions(dpp), 2);
	ASSERT_NULL(entity(&r, "org", "BUMN"));
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	wa_test_run_done(&r);
}

WA_TEST(a_text_of_endless_names_is_capped_not_quadratic)
{
	struct wa_test_run r = { 0 };
	size_t size = 40000 * 24 + 64, len = 0;
	char *text = malloc(size);

	ASSERT_NOT_NULL(text);
	len += (size_t)snprintf(text, size, "Daftar Nama\n\nHadir");
	for (int i = 0; i < 40000; i++)
		len += (size_t)snprintf(text + len, size - len, " Nama%05d Orang%05d", i, i);
	snprintf(text + len, size - len, ".\n");
	wa_test_run_text(&r, conf, text);
	ASSERT_EQ(r.status, 0);
	int n = cJSON_GetArraySize(wa_test_field(&r, "entities"));

	/* Merging 40,000 people pairwise would not finish; the cap keeps 2,000. */
	ASSERT_TRUE(n > 0 && n <= 2000);
	wa_test_run_done(&r);
	free(text);
}

WA_TEST(headings_and_sentence_capitals_are_not_people)
{
	/*
	 * A blog's Title Case subheading names nobody; an everyday word that
	 * opens a sentence is no part of the name after it.
	 */
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Pelajaran dari Latihan Gabungan\n"
		"Pasukan kedua negara menutup latihan di Natuna pada Jumat pagi.\n"
		"Kisah Rindu Senja Sekatung\n"
		"Mendukung Hendra Wiratama, para perwira muda menyusun rencana baru. Hendra "
		"Wiratama mengatakan rencana itu selesai pekan depan.\n");
	ASSERT_NOT_NULL(entity(&r, "person", "Hendra Wiratama"));
	ASSERT_EQ(count_of_type(&r, "person"), 1);
	wa_test_run_done(&r);

	/* An English name ending in a word that also heads names is an organisation. */
	wa_test_run_text(&r, conf,
			 "Pasukan kedua negara menutup latihan di Natuna pada Jumat pagi.\n"
			 "Laporan terbaru Lowy Institute menyebut latihan itu sebagai pesan kepada "
			 "negara tetangga.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Lowy Institute"));
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	wa_test_run_done(&r);

	/* A name does not run on from a short line into the paragraph after it. */
	wa_test_run_text(&r, conf,
			 "Pasukan kedua negara menutup latihan di Natuna pada Jumat pagi.\n"
			 "Sorotan Marwoto\n"
			 "Bambang Irawan menegaskan latihan berikutnya digelar tahun depan.\n");
	ASSERT_NOT_NULL(entity(&r, "person", "Bambang Irawan"));
	wa_test_run_done(&r);

	/* The speaker after an organisation is no part of its name. */
	wa_test_run_text(&r, conf,
			 "Pasukan kedua negara menutup latihan di Natuna pada Jumat pagi.\n"
			 "Pengamat militer dari Universitas Pertahanan Beni Sukadis mengatakan "
			 "latihan itu penting. Juru bicara Komisi Eropa Peter Stano mengatakan hal "
			 "serupa, dan Komando Daerah Militer Iskandar Muda menyatakan siaga.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Universitas Pertahanan"));
	ASSERT_NOT_NULL(entity(&r, "person", "Beni Sukadis"));
	ASSERT_NOT_NULL(entity(&r, "org", "Komisi Eropa"));
	ASSERT_NOT_NULL(entity(&r, "person", "Peter Stano"));
	ASSERT_NOT_NULL(entity(&r, "org", "Komando Daerah Militer Iskandar Muda"));
	ASSERT_EQ(count_of_type(&r, "person"), 2);
	wa_test_run_done(&r);

	/* An exercise is named before its year; a consensus is no one. */
	wa_test_run_text(&r, conf,
			 "Pasukan kedua negara menutup latihan di Natuna pada Jumat pagi.\n"
			 "Latihan bertajuk Vibrant Sakti 2026 itu berlangsung dua pekan, sesuai "
			 "Konsensus Lima Poin yang dibahas Komando Pasukan Khusus.\n");
	ASSERT_NOT_NULL(entity(&r, "event", "Vibrant Sakti 2026"));
	ASSERT_NOT_NULL(entity(&r, "org", "Kopassus"));
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	wa_test_run_done(&r);

	/* A conjunction with a particle opens a sentence; a defined term spells its acronym. */
	wa_test_run_text(&r, conf,
			 "Pasukan kedua negara menutup latihan di Natuna pada Jumat pagi.\n"
			 "Kalaupun menemui jalan buntu, rapat akan dilanjutkan pekan depan, kata "
			 "Yudi Prasetyo. Laporan itu memuat Net Interest Margin NIM dan Return on "
			 "Equity ROE bank-bank pelat merah.\n");
	ASSERT_NOT_NULL(entity(&r, "person", "Yudi Prasetyo"));
	ASSERT_EQ(count_of_type(&r, "person"), 1);
	wa_test_run_done(&r);
}

WA_TEST(a_deputy_an_acting_or_a_former_holder_keeps_that_in_the_role)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Wakil Perdana Menteri Polandia Wladyslaw Kosiniak-Kamysz menyebut langkah "
		"itu eskalasi. Plt Kepala Dinas Penerangan Angkatan Darat Kolonel Inf "
		"Donny Pramono membantahnya, sementara Mantan Presiden Filipina Rodrigo "
		"Duterte memilih diam.\n");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Wladyslaw Kosiniak-Kamysz"), "role"),
		      "Wakil Perdana Menteri Polandia");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Donny Pramono"), "role"),
		      "Plt Kepala Dinas Penerangan Angkatan Darat Kolonel Inf");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Rodrigo Duterte"), "role"),
		      "Mantan Presiden Filipina");
	wa_test_run_done(&r);
}

WA_TEST(the_body_a_head_leads_is_an_organisation_not_a_name)
{
	struct wa_test_run r = { 0 };

	/* "Kepala" then "Badan ...": the body's own name, never a person's. */
	wa_test_run_text(&r, conf,
			 "Kontrak itu diteken Kepala Badan Sarana Pertahanan Kemhan Marsdya TNI "
			 "Yusuf Jauhari. Kepala Badan Intelijen Negara (BIN) Herindra ikut hadir, "
			 "begitu pula juru bicara Deplu AS Tammy Bruce.\n");
	ASSERT_EQ(count_of_type(&r, "person"), 3);
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Yusuf Jauhari"), "role"),
		      "Kepala Badan Sarana Pertahanan Kemhan Marsdya TNI");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Herindra"), "role"),
		      "Kepala Badan Intelijen Negara (BIN)");
	ASSERT_NOT_NULL(entity(&r, "org", "Badan Sarana Pertahanan Kemhan"));
	ASSERT_NOT_NULL(entity(&r, "org", "Departemen Luar Negeri Amerika Serikat"));
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Tammy Bruce"), "role"),
		      "juru bicara Deplu AS");
	wa_test_run_done(&r);
}

WA_TEST(drills_named_with_a_glued_year_and_an_acronyms_long_form)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Latihan bertajuk Strait Thunder-2025B digelar setelah latihan Joint "
			 "Sword-2024A. Indonesia juga memesan fregat kelas PPA (Pattugliatore "
			 "Polivalente d'Altura) dari Fincantieri. Serangan udara menghantam "
			 "pelabuhan Ras Isa.\n");
	ASSERT_NOT_NULL(entity(&r, "event", "Strait Thunder-2025B"));
	ASSERT_NOT_NULL(entity(&r, "event", "Joint Sword-2024A"));
	ASSERT_NOT_NULL(entity(&r, "place", "Ras Isa"));
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	wa_test_run_done(&r);
}

WA_TEST(territorial_commands_short_forms_and_envoys_belong_to_the_role)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Pangdam XVI/Pattimura Mayjen TNI Syafrial mengirim pasukan Kodam "
			 "XVI/Pattimura. Kepala Biro Informasi Pertahanan (Karo Infohan) Setjen "
			 "Kemhan Brigjen TNI Frega Wenas hadir bersama Duta Besar Rusia untuk "
			 "Indonesia Sergei Tolchenov.\n");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Syafrial"), "role"),
		      "Pangdam XVI/Pattimura Mayjen TNI");
	ASSERT_NOT_NULL(entity(&r, "org", "Kodam XVI/Pattimura"));
	ASSERT_NULL(entity(&r, "person", "Pattimura"));
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Frega Wenas"), "role"),
		      "Kepala Biro Informasi Pertahanan (Karo Infohan) Setjen Kemhan Brigjen TNI");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Sergei Tolchenov"), "role"),
		      "Duta Besar Rusia untuk Indonesia");
	wa_test_run_done(&r);
	/* After the post's country, a city's name then a name word is a first name. */
	wa_test_run_text(&r, conf,
			 "Menteri Pertahanan Taiwan Wellington Koo dan Gubernur Jawa Timur "
			 "Khofifah Indar Parawansa hadir.\n");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Wellington Koo"), "role"),
		      "Menteri Pertahanan Taiwan");
	ASSERT_NULL(entity(&r, "place", "Wellington"));
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Khofifah Indar Parawansa"), "role"),
		      "Gubernur Jawa Timur");
	wa_test_run_done(&r);
	/* The party or faction a member comes from, after "dari", is part of the post. */
	wa_test_run_text(&r, conf,
			 "Anggota Komisi I DPR dari Fraksi PDI Perjuangan TB Hasanuddin dan Ketua "
			 "DPR dari PDI Perjuangan Puan Maharani hadir.\n");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "TB Hasanuddin"), "role"),
		      "Anggota Komisi I DPR dari Fraksi PDI Perjuangan");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Puan Maharani"), "role"),
		      "Ketua DPR dari PDI Perjuangan");
	wa_test_run_done(&r);
	/* An analyst's field in lower case, then the institute. */
	wa_test_run_text(
		&r, conf,
		"Pengamat militer dari Universitas Pertahanan Connie Rahakundini hadir.\n");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Connie Rahakundini"), "role"),
		      "Pengamat militer dari Universitas Pertahanan");
	ASSERT_NOT_NULL(entity(&r, "org", "Universitas Pertahanan"));
	wa_test_run_done(&r);
}

WA_TEST(coast_guards_subsidiaries_and_north_korean_missiles)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Kapal China Coast Guard membayangi kapal survei PT Pertamina Hulu "
			 "Energi, sementara Philippine Coast Guard memantau. PT Pindad (Persero) "
			 "memamerkan senapan. Korea Utara menguji rudal Hwasong-16B di dekat "
			 "Johor.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "China Coast Guard"));
	ASSERT_NOT_NULL(entity(&r, "org", "Philippine Coast Guard"));
	ASSERT_NOT_NULL(entity(&r, "org", "PT Pertamina Hulu Energi"));
	ASSERT_NOT_NULL(entity(&r, "org", "PT Pindad"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "Hwasong-16B"));
	ASSERT_NOT_NULL(entity(&r, "place", "Johor"));
	ASSERT_EQ(count_of_type(&r, "person"), 0);
	wa_test_run_done(&r);
	/* A group known by one word, then a country: the group, and the country. */
	wa_test_run_text(&r, conf,
			 "Kelompok Houthi Yaman mengklaim serangan itu. Houthi juga menembakkan "
			 "drone.\n");
	ASSERT_EQ(mentions(entity(&r, "org", "Houthi")), 2);
	ASSERT_NOT_NULL(entity(&r, "country", "Yaman"));
	wa_test_run_done(&r);
}

WA_TEST(a_ship_named_short_an_agreements_title_and_a_spelling_of_a_known_leader)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"KRI dr. Radjiman Wedyodiningrat-992 berangkat ke Gaza. KRI dr. Radjiman "
		"membawa bantuan, seperti KRI Nanggala dulu. Filipina memberlakukan "
		"Perjanjian Akses Timbal Balik (RAA). Presiden Ukraina Volodymyr Zelenskyy "
		"meminta IRIS-T SLM.\n");
	const cJSON *ship = entity(&r, "equipment", "KRI dr. Radjiman Wedyodiningrat-992");

	ASSERT_NOT_NULL(ship);
	ASSERT_EQ(mentions(ship), 2);
	ASSERT_NULL(entity(&r, "equipment", "KRI dr. Radjiman"));
	/* Without the full name in the text, the short one stands. */
	ASSERT_NOT_NULL(entity(&r, "equipment", "KRI Nanggala"));
	ASSERT_NULL(entity(&r, "person", "Akses Timbal Balik"));
	ASSERT_TRUE(has_alias(entity(&r, "person", "Volodymyr Zelensky"), "Volodymyr Zelenskyy"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "IRIS-T SLM"));
	ASSERT_EQ(count_of_type(&r, "person"), 1);
	wa_test_run_done(&r);
	/* A tank's variant is its own entry, not the family's. */
	wa_test_run_text(&r, conf, "Latihan melibatkan 40 tank Leopard 2A4 dan Leopard 2RI.\n");
	ASSERT_NOT_NULL(entity(&r, "equipment", "Leopard 2A4"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "Leopard 2RI"));
	wa_test_run_done(&r);
}

/* Berita Harian's posts and ranks: "Panglima Tentera Darat, Jeneral Tan Sri ...". */
WA_TEST(malaysian_posts_and_ranks_in_apposition)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Turut hadir, Panglima Tentera Darat, Jeneral Tan Sri Muhammad "
			 "Hafizuddeain Jantan di Kem Sungai Besi. Timbalan Perdana Menteri Datuk "
			 "Seri Ahmad Zahid Hamidi berkata demikian.\n");
	ASSERT_STR_EQ(
		wa_json_get_string(entity(&r, "person", "Muhammad Hafizuddeain Jantan"), "role"),
		"Panglima Tentera Darat");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Ahmad Zahid Hamidi"), "role"),
		      "Timbalan Perdana Menteri Datuk Seri");
	ASSERT_NOT_NULL(entity(&r, "place", "Kem Sungai Besi"));
	ASSERT_EQ(count_of_type(&r, "person"), 2);
	wa_test_run_done(&r);
	/* A post of two words or more, a comma, then the name; "Hakim" inside a name. */
	wa_test_run_text(
		&r, conf,
		"Turut hadir, Timbalan Menteri Pertahanan, Adly Zahari dan Ketua Setiausaha "
		"Kementerian Pertahanan, Datuk Lokman Hakim Ali.\n");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Adly Zahari"), "role"),
		      "Timbalan Menteri Pertahanan");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Lokman Hakim Ali"), "role"),
		      "Ketua Setiausaha Kementerian Pertahanan");
	ASSERT_EQ(count_of_type(&r, "person"), 2);
	wa_test_run_done(&r);
}

WA_TEST(commands_conventions_and_a_ship_named_for_a_balinese_hero)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Upacara dipimpin Komandan Komando Indo-Pasifik AS (INDOPACOM) Laksamana "
			 "Samuel Paparo. Kapal perusak Tentara Pembebasan Rakyat Angkatan Laut "
			 "dibayangi KRI I Gusti Ngurah Rai-332 sesuai Konvensi Hukum Laut PBB. Ia "
			 "menerima Wakil Menteri Pertahanan Pertama Belarus Mayor Jenderal Pavel "
			 "Muraveyko.\n");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Samuel Paparo"), "role"),
		      "Komandan Komando Indo-Pasifik AS (INDOPACOM) Laksamana");
	ASSERT_NOT_NULL(entity(&r, "org", "Komando Indo-Pasifik AS"));
	ASSERT_NOT_NULL(entity(&r, "org", "Angkatan Laut Tentara Pembebasan Rakyat"));
	ASSERT_NOT_NULL(entity(&r, "equipment", "KRI I Gusti Ngurah Rai-332"));
	ASSERT_NOT_NULL(entity(&r, "org", "UNCLOS"));
	ASSERT_NULL(entity(&r, "place", "Samudra Pasifik"));
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Pavel Muraveyko"), "role"),
		      "Wakil Menteri Pertahanan Pertama Belarus Mayor Jenderal");
	ASSERT_EQ(count_of_type(&r, "person"), 2);
	wa_test_run_done(&r);
}

WA_TEST(a_company_by_its_short_name_and_english_bodies_and_ranks)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"PT Len Industri menargetkan laba. Direktur Utama Len Industri Joga Dharma "
		"Setiawan mengatakan itu kepada Kontan. Len membawahi PT Pindad.\n\n"
		"Navy commander Rear Adm. Fauzi handed the crew to the Maritime Affairs "
		"and Fisheries Ministry, he told The Jakarta Post.\n");
	const cJSON *len = entity(&r, "org", "PT Len Industri");

	ASSERT_EQ(mentions(len), 3);
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Joga Dharma Setiawan"), "role"),
		      "Direktur Utama Len Industri");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Fauzi"), "role"), "Rear Adm.");
	ASSERT_NOT_NULL(entity(&r, "org", "Kontan"));
	ASSERT_NOT_NULL(entity(&r, "org", "Maritime Affairs and Fisheries Ministry"));
	ASSERT_NOT_NULL(entity(&r, "org", "The Jakarta Post"));
	ASSERT_EQ(count_of_type(&r, "person"), 2);
	wa_test_run_done(&r);
}

/* "dan HAM", "Islam", "Dunia": words that start no name still stand inside a body's. */
WA_TEST(a_bodys_name_runs_through_ham_islam_and_dunia)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Partai itu didaftarkan ke Kementerian Hukum dan HAM. Kementerian Sosial "
			 "mengajak Himpunan Mahasiswa Islam (HMI) berdialog, sementara Badan "
			 "Kesehatan Dunia (WHO) menguji vaksin.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Kementerian Hukum dan HAM"));
	ASSERT_TRUE(has_alias(entity(&r, "org", "Himpunan Mahasiswa Islam"), "HMI"));
	ASSERT_TRUE(has_alias(entity(&r, "org", "Badan Kesehatan Dunia"), "WHO"));
	ASSERT_NULL(entity(&r, "org", "Kementerian Hukum"));
	wa_test_run_done(&r);
}

/* "Menurut Sharif, ..." at a sentence's start names a person; "In May" no place. */
WA_TEST(a_lone_name_after_menurut_opening_a_sentence_is_a_person)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Menurut Sharif, ekonomi kelautan perlu didukung peraturan. Ia pernah "
			 "menjabat Jaksa Agung Muda Pidana Umum. In May, the ministry said so.\n");
	ASSERT_NOT_NULL(entity(&r, "person", "Sharif"));
	ASSERT_NULL(entity(&r, "person", "Pidana Umum"));
	ASSERT_NULL(entity(&r, "place", "May"));
	wa_test_run_done(&r);
}

/* Numbered units inside a post, a governor's province named before, a glossed acronym. */
WA_TEST(units_in_posts_a_governors_province_and_a_glossed_acronym)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Komandan Satuan Kapal Eskorta Koarmada II Kolonel Laut (P) Hendra Gunawan "
		"menambahkan, awak kapal siap. Drone menghantam wilayah Kostroma. Gubernur "
		"Kostroma Sergei Sitnikov mengatakan tidak ada korban. Menteri Pertahanan "
		"Nasional Turki Yasar Guler hadir. Kesepakatan dicapai dalam Sidang Komite "
		"Perbatasan Umum (General Border Committee/GBC) ke-50. GBC dibentuk pada 1971.\n");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Hendra Gunawan"), "role"),
		      "Komandan Satuan Kapal Eskorta Koarmada II Kolonel Laut (P)");
	ASSERT_NOT_NULL(entity(&r, "org", "Koarmada II"));
	ASSERT_NULL(entity(&r, "org", "Satuan"));
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Sergei Sitnikov"), "role"),
		      "Gubernur Kostroma");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Yasar Guler"), "role"),
		      "Menteri Pertahanan Nasional Turki");
	const cJSON *gbc = entity(&r, "org", "Komite Perbatasan Umum");

	ASSERT_TRUE(has_alias(gbc, "GBC"));
	ASSERT_EQ(mentions(gbc), 2);
	ASSERT_EQ(count_of_type(&r, "person"), 3); /* not "Border", the English rank's catch */
	wa_test_run_done(&r);
}

/*
 * "Pangkalan Udara (Lanud) Halim Perdanakusuma": the short form in brackets
 * leaves the name whole, and a regency named again without "Kabupaten" is
 * still the regency; exercises after two words of kind, fairs by name; a
 * name that opens a longer one is the same person.
 */
WA_TEST(a_bracketed_short_form_inside_a_name_and_a_name_cut_short)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Pesawat mendarat di Pangkalan Udara (Lanud) Halim Perdanakusuma. Marinir "
		"berlatih di Pusat Latihan Tempur (Puslatpur) Baluran. Kedua negara menggelar "
		"latihan udara gabungan Iron Falcon dan tampil di pameran IDEF 2026. Panglima "
		"ATM Jeneral Tan Sri Mohd Nizam Jaffar hadir. Mohd Nizam menyebut Malaysia siap "
		"berbagi data. Pabrik itu berdiri di Kabupaten Subang. Pabrik amunisi Subang "
		"merupakan yang terbesar.\n");
	ASSERT_NOT_NULL(entity(&r, "place", "Lanud Halim Perdanakusuma"));
	ASSERT_EQ(mentions(entity(&r, "place", "Kabupaten Subang")), 2);
	ASSERT_NOT_NULL(entity(&r, "place", "Puslatpur Baluran"));
	ASSERT_NULL(entity(&r, "place", "Pusat"));
	ASSERT_NOT_NULL(entity(&r, "event", "Iron Falcon"));
	ASSERT_NOT_NULL(entity(&r, "event", "IDEF 2026"));
	ASSERT_EQ(mentions(entity(&r, "person", "Mohd Nizam Jaffar")), 2);
	ASSERT_EQ(count_of_type(&r, "person"), 1);
	wa_test_run_done(&r);
}

/*
 * "televisi Al-Masirah mengatakan": a body after the word for its kind,
 * though a verb follows; an exercise with its acronym and force between
 * its word and its name; a Chinese maker before its designator; one word
 * next in a list of places is a place, two a person's name.
 */
WA_TEST(a_broadcaster_an_exercise_behind_its_acronym_and_a_chinese_maker)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Juru bicara militer Houthi, Yahya Saree, dalam pernyataan yang disiarkan "
			 "televisi Al-Masirah mengatakan serangan itu balasan. Prajurit mengikuti "
			 "Latihan Gabungan (Latgab) TNI Dharma Yudha 2026 di Situbondo. Indonesia "
			 "menimbang jet tempur Chengdu J-10C. J-10C itu bermesin Rusia. Drone "
			 "menyasar wilayah Kursk, Belgorod dan Rylsk. Warga di Bryansk dan Sergei "
			 "Ivanov menolak.\n");
	ASSERT_NOT_NULL(entity(&r, "org", "Al-Masirah"));
	ASSERT_NOT_NULL(entity(&r, "place", "Rylsk"));
	ASSERT_NOT_NULL(entity(&r, "person", "Sergei Ivanov"));
	ASSERT_NOT_NULL(entity(&r, "event", "Dharma Yudha 2026"));
	ASSERT_EQ(mentions(entity(&r, "equipment", "J-10C")), 2);
	ASSERT_EQ(count_of_type(&r, "person"), 2); /* Yahya Saree, Sergei Ivanov */
	wa_test_run_done(&r);
}

/*
 * English posts that a body's name opens ("Air Force Chief of Staff"), an
 * exercise English names before its word, and a body the gazetteer files
 * under its country followed by that country.
 */
WA_TEST(english_posts_and_exercises_and_a_body_followed_by_its_own_country)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"The Indonesian Air Force will buy 24 helicopters, Air Force Chief of Staff "
		"Marshal Tonny Harjono said, after the bilateral Cassowary exercise ended. "
		"Sebuah kapal perusak milik Angkatan Laut Tentara Pembebasan Rakyat China "
		"(PLAN) terdeteksi di dekat Natuna. Kapal IRIS Dena milik Angkatan Laut "
		"Republik Islam Iran berlabuh; Angkatan Laut Iran mengirim dua kapal. They "
		"signed the General Security of Military Information Agreement (GSOMIA) and a "
		"Reciprocal Access Agreement. Rafale ikut latihan bersama Elang Thainesia 2026 "
		"di Korat; Elang Thainesia pertama digelar pada 1981.\n");
	ASSERT_STR_EQ(wa_json_get_string(entity(&r, "person", "Tonny Harjono"), "role"),
		      "Air Force Chief of Staff Marshal");
	ASSERT_NULL(entity(&r, "org", "Air Force Chief of Staff"));
	ASSERT_NOT_NULL(entity(&r, "event", "Cassowary"));
	ASSERT_TRUE(
		has_alias(entity(&r, "org", "Angkatan Laut Tentara Pembebasan Rakyat"), "PLAN"));
	ASSERT_NOT_NULL(entity(&r, "country", "Tiongkok"));
	ASSERT_NULL(entity(&r, "org", "Angkatan Laut Tentara Pembebasan Rakyat China"));
	/* A foreign body by any of its country's names is one body. */
	ASSERT_EQ(mentions(entity(&r, "org", "Angkatan Laut Iran")), 2);
	ASSERT_NOT_NULL(entity(&r, "equipment", "IRIS Dena"));
	/* English names the agreement last: its title is no one's name. */
	ASSERT_NULL(entity(&r, "person", "Security"));
	ASSERT_NULL(entity(&r, "person", "Reciprocal Access"));
	ASSERT_EQ(mentions(entity(&r, "event", "Elang Thainesia 2026")), 2);
	ASSERT_EQ(count_of_type(&r, "person"), 1); /* Tonny Harjono */
	wa_test_run_done(&r);
}

WA_TEST_MAIN(WA_TEST_ENTRY(a_text_of_endless_names_is_capped_not_quadratic),
	     WA_TEST_ENTRY(english_posts_and_exercises_and_a_body_followed_by_its_own_country),
	     WA_TEST_ENTRY(a_broadcaster_an_exercise_behind_its_acronym_and_a_chinese_maker),
	     WA_TEST_ENTRY(units_in_posts_a_governors_province_and_a_glossed_acronym),
	     WA_TEST_ENTRY(a_bracketed_short_form_inside_a_name_and_a_name_cut_short),
	     WA_TEST_ENTRY(a_lone_name_after_menurut_opening_a_sentence_is_a_person),
	     WA_TEST_ENTRY(a_bodys_name_runs_through_ham_islam_and_dunia),
	     WA_TEST_ENTRY(a_company_by_its_short_name_and_english_bodies_and_ranks),
	     WA_TEST_ENTRY(commands_conventions_and_a_ship_named_for_a_balinese_hero),
	     WA_TEST_ENTRY(malaysian_posts_and_ranks_in_apposition),
	     WA_TEST_ENTRY(a_ship_named_short_an_agreements_title_and_a_spelling_of_a_known_leader),
	     WA_TEST_ENTRY(territorial_commands_short_forms_and_envoys_belong_to_the_role),
	     WA_TEST_ENTRY(coast_guards_subsidiaries_and_north_korean_missiles),
	     WA_TEST_ENTRY(a_deputy_an_acting_or_a_former_holder_keeps_that_in_the_role),
	     WA_TEST_ENTRY(the_body_a_head_leads_is_an_organisation_not_a_name),
	     WA_TEST_ENTRY(drills_named_with_a_glued_year_and_an_acronyms_long_form),
	     WA_TEST_ENTRY(headings_and_sentence_capitals_are_not_people),
	     WA_TEST_ENTRY(an_acronym_the_text_defines_names_the_same_organisation),
	     WA_TEST_ENTRY(countries_by_code_whatever_the_spelling),
	     WA_TEST_ENTRY(lower_case_words_are_not_acronym_countries),
	     WA_TEST_ENTRY(people_merge_full_name_surname_and_spelling_variant),
	     WA_TEST_ENTRY(half_a_double_barrelled_surname_merges_into_the_full_name),
	     WA_TEST_ENTRY(a_company_acronym_after_a_post_is_part_of_the_post),
	     WA_TEST_ENTRY(georgia_before_the_united_states_is_the_state),
	     WA_TEST_ENTRY(designators_and_hull_numbers_written_with_a_space),
	     WA_TEST_ENTRY(an_adjective_of_a_people_is_no_person),
	     WA_TEST_ENTRY(a_bureau_after_its_head_is_the_posts_organisation),
	     WA_TEST_ENTRY(republik_alone_names_no_country),
	     WA_TEST_ENTRY(ranks_with_qualifiers_and_reporting_verbs_find_people),
	     WA_TEST_ENTRY(equipment_designators_are_normalised),
	     WA_TEST_ENTRY(a_designators_sub_variant_after_a_second_hyphen_is_kept),
	     WA_TEST_ENTRY(places_orgs_events_and_acting_seats_of_government),
	     WA_TEST_ENTRY(offsets_are_code_points_of_the_text),
	     WA_TEST_ENTRY(removed_boilerplate_gives_no_entities),
	     WA_TEST_ENTRY(an_organisation_named_for_two_portfolios_is_one),
	     WA_TEST_ENTRY(a_ministers_portfolio_is_no_part_of_the_name),
	     WA_TEST_ENTRY(a_posts_field_and_body_belong_to_the_role),
	     WA_TEST_ENTRY(degrees_and_ceremonies_are_no_people),
	     WA_TEST_ENTRY(a_name_in_a_paragraphs_capitalised_opening_is_the_same_entity),
	     WA_TEST_ENTRY(a_generic_body_followed_by_a_foreign_country_is_that_countrys),
	     WA_TEST_ENTRY(a_currency_named_for_a_country_is_no_mention_of_it),
	     WA_TEST_ENTRY(a_name_with_a_model_number_is_equipment_not_a_person),
	     WA_TEST_ENTRY(an_acronym_the_text_defined_is_a_posts_body_not_a_name),
	     WA_TEST_ENTRY(an_everyday_word_after_a_post_is_no_name),
	     WA_TEST_ENTRY(foreign_navies_ships_and_capitals_that_act),
	     WA_TEST_ENTRY(defence_jargon_acronyms_are_no_organisations),
	     WA_TEST_ENTRY(an_amount_in_rupiah_is_no_organisation),
	     WA_TEST_ENTRY(a_partys_board_and_a_numbered_post_belong_to_the_role),
	     WA_TEST_ENTRY(posts_of_state_are_roles_not_names),
	     WA_TEST_ENTRY(a_word_that_starts_no_name_opens_an_organisation_with_a_tail),
	     WA_TEST_ENTRY(an_exercise_named_after_its_words_is_an_event_without_a_year),
	     WA_TEST_ENTRY(the_base_a_post_commands_belongs_to_the_role),
	     WA_TEST_ENTRY(nasional_stands_inside_an_organisations_name),
	     WA_TEST_ENTRY(english_bodies_and_doctors),
	     WA_TEST_ENTRY(a_bodys_roman_number_is_part_of_its_name_but_not_the_full_stop),
	     WA_TEST_ENTRY(names_where_places_stand_are_places),
	     WA_TEST_ENTRY(a_posts_field_belongs_to_the_role),
	     WA_TEST_ENTRY(a_known_ones_name_as_anothers_surname_is_another_person),
	     WA_TEST_ENTRY(a_lone_name_among_kin_or_as_an_author_is_a_person),
	     WA_TEST_ENTRY(a_units_number_is_part_of_its_name_and_a_year_is_not))
