/* SPDX-License-Identifier: MIT */
/*
 * langid: the languages a news user meets, from one sentence each (written
 * for this test), and Indonesian told from Malay.
 */
#include <ctype.h>

#include "facts.h"
#include "wa-pipeline.h"

static const char conf[] = "pipeline = { 'ingest_json', 'langid' }";

static const char *identify(struct wa_test_run *r, const char *sentence)
{
	cJSON *json = cJSON_CreateObject();

	cJSON_AddStringToObject(json, "title", "");
	cJSON_AddStringToObject(json, "text", sentence);
	char *bytes = cJSON_PrintUnformatted(json);

	wa_test_run_start(r, conf, "s.json", bytes, strlen(bytes));
	free(bytes);
	cJSON_Delete(json);
	return wa_test_string(r, "lang.code");
}

static const struct {
	const char *code, *sentence;
} sentences[] = {
	{ "en",
	  "The defence ministry said on Thursday that the new submarines will be built in the "
	  "country with help from France." },
	{ "id",
	  "Kementerian Pertahanan mengatakan kapal selam baru itu akan dibangun di dalam negeri "
	  "karena pemerintah ingin memperkuat industri." },
	{ "ms", "Kementerian Pertahanan berkata kapal selam baharu itu akan dibina di dalam negara "
		"kerana kerajaan mahu memperkukuh industri tempatan." },
	{ "de", "Das Ministerium teilte am Donnerstag mit, dass die neuen U-Boote im eigenen Land "
		"gebaut werden sollen und nicht im Ausland." },
	{ "fr",
	  "Le ministère a annoncé jeudi que les nouveaux sous-marins seront construits dans le "
	  "pays avec l'aide de la France." },
	{ "es", "El ministerio anunció el jueves que los nuevos submarinos serán construidos en el "
		"país con la ayuda de Francia." },
	{ "pt",
	  "O ministério anunciou na quinta-feira que os novos submarinos serão construídos no "
	  "país com a ajuda da França." },
	{ "it", "Il ministero ha annunciato giovedì che i nuovi sottomarini saranno costruiti nel "
		"paese con l'aiuto della Francia." },
	{ "nl",
	  "Het ministerie heeft donderdag bekendgemaakt dat de nieuwe onderzeeërs in het land "
	  "worden gebouwd met hulp van Frankrijk." },
	{ "sv",
	  "Ministeriet meddelade på torsdagen att de nya ubåtarna ska byggas i landet med hjälp "
	  "från Frankrike och att det är klart." },
	{ "pl",
	  "Ministerstwo poinformowało w czwartek, że nowe okręty podwodne zostaną zbudowane w "
	  "kraju i nie będzie to tanie." },
	{ "tr", "Bakanlık perşembe günü yaptığı açıklamada yeni denizaltıların ülkede inşa "
		"edileceğini ve bu projenin çok önemli olduğunu söyledi." },
	{ "vi", "Bộ Quốc phòng cho biết các tàu ngầm mới sẽ được đóng trong nước với sự hỗ trợ của "
		"Pháp." },
	{ "tl", "Sinabi ng ministeryo na ang mga bagong submarino ay itatayo sa bansa sa tulong ng "
		"Pransya." },
	{ "ru",
	  "Министерство обороны сообщило, что новые подводные лодки будут построены в стране." },
	{ "uk",
	  "Міністерство оборони повідомило, що нові підводні човни будуть побудовані в країні." },
	{ "ar", "أعلنت وزارة الدفاع أن الغواصات الجديدة ستبنى في البلاد بمساعدة فرنسا." },
	{ "fa", "وزارت دفاع اعلام کرد که زیردریایی های جدید در کشور ساخته خواهند شد." },
	{ "zh", "国防部表示，新潜艇将在国内建造。" },
	{ "ja", "防衛省は、新しい潜水艦を国内で建造すると発表した。" },
	{ "ko", "국방부는 새 잠수함을 국내에서 건조할 것이라고 밝혔다." },
	{ "th", "กระทรวงกลาโหมระบุว่าเรือดำน้ำลำใหม่จะสร้างในประเทศ" },
	{ "el", "Το υπουργείο άμυνας ανακοίνωσε ότι τα νέα υποβρύχια θα κατασκευαστούν στη χώρα." },
	{ "he", "משרד הביטחון הודיע כי הצוללות החדשות ייבנו בארץ." },
	{ "hi", "रक्षा मंत्रालय ने कहा कि नई पनडुब्बियां देश में बनाई जाएंगी।" },
};

WA_TEST(one_sentence_in_each_language)
{
	for (size_t i = 0; i < sizeof(sentences) / sizeof(*sentences); i++) {
		struct wa_test_run r = { 0 };
		const char *code = identify(&r, sentences[i].sentence);

		if (!code || strcmp(code, sentences[i].code) != 0)
			WA_TEST_FAIL("'%s...' is %s, not %s", sentences[i].code,
				     code ? code : "(none)", sentences[i].code);
		const cJSON *confidence = wa_test_field(&r, "lang.confidence");

		ASSERT_TRUE(cJSON_IsNumber(confidence) && confidence->valuedouble > 0 &&
			    confidence->valuedouble <= 1);
		wa_test_run_done(&r);
	}
}

WA_TEST(indonesian_and_malay_apart_in_short_sentences)
{
	static const struct {
		const char *code, *sentence;
	} pairs[] = {
		{ "id", "Polisi menangkap dua tersangka karena membawa senjata api." },
		{ "ms", "Polis menahan dua suspek kerana membawa senjata api." },
		{ "id", "Pemerintah bisa menaikkan anggaran pertahanan tahun depan." },
		{ "ms", "Kerajaan boleh menaikkan peruntukan pertahanan tahun hadapan." },
		{ "id", "Rumah sakit itu menerima korban kecelakaan kemarin sore." },
		{ "ms", "Hospital itu menerima mangsa kemalangan petang semalam." },
		/* Mostly words both standards use, decided by the few that only one does
		 * (isteri, muzium, haiwan; tergugat, lulusan). */
		{ "ms", "Pelakon itu terbang ke London bersama isterinya untuk ukuran patung di "
			"muzium lilin." },
		{ "ms", "Menurut pakar, masalah kolesterol tinggi disebabkan makan terlalu banyak "
			"lemak haiwan dan telur." },
		{ "id", "Kuasa hukum tergugat menilai kehadiran kliennya sangat penting dalam "
			"perkara ini." },
		{ "id",
		  "Pemerintah desa berharap peluncuran program itu bermanfaat bagi mutu lulusan "
		  "sekolah." },
	};

	for (size_t i = 0; i < sizeof(pairs) / sizeof(*pairs); i++) {
		struct wa_test_run r = { 0 };
		const char *code = identify(&r, pairs[i].sentence);

		if (!code || strcmp(code, pairs[i].code) != 0)
			WA_TEST_FAIL("\"%s\" is %s, not %s", pairs[i].sentence,
				     code ? code : "(none)", pairs[i].code);
		wa_test_run_done(&r);
	}
}

WA_TEST(no_words_is_undetermined)
{
	struct wa_test_run r = { 0 };

	ASSERT_STR_EQ(identify(&r, "12/3 - 45,6 % 789"), "und");
	ASSERT_TRUE(wa_test_field(&r, "lang.confidence")->valuedouble == 0);
	wa_test_run_done(&r);
}

/* The language and confidence found for text, as "code confidence". */
static void verdict(const char *text, char *out, size_t size)
{
	struct wa_test_run r = { 0 };
	const char *code = identify(&r, text);
	const cJSON *confidence = wa_test_field(&r, "lang.confidence");

	snprintf(out, size, "%s %.2f", code ? code : "(none)",
		 cJSON_IsNumber(confidence) ? confidence->valuedouble : -1);
	wa_test_run_done(&r);
}

/*
 * A word counts the same whether it is read eight bytes a step (text goes
 * on after it) or byte by byte (the text's last bytes), in any case, at
 * any place: each word of the Indonesian and Malay sentences, alone,
 * then followed by a word of no language, then shouted after a few spaces.
 */
WA_TEST(a_word_counts_the_same_wherever_it_falls)
{
	for (size_t i = 0; i < sizeof(sentences) / sizeof(*sentences); i++) {
		if (strcmp(sentences[i].code, "id") != 0 && strcmp(sentences[i].code, "ms") != 0)
			continue;
		const char *s = sentences[i].sentence;

		while (*s) {
			size_t n = strcspn(s, " .,");
			char alone[64], followed[96], shouted[96], want[32], got[32];

			if (n > 0 && n < 40) {
				snprintf(alone, sizeof(alone), "%.*s", (int)n, s);
				snprintf(followed, sizeof(followed), "%.*s qqqqqqqqqqqqqqqq",
					 (int)n, s);
				verdict(alone, want, sizeof(want));
				verdict(followed, got, sizeof(got));
				if (strcmp(want, got) != 0)
					WA_TEST_FAIL("'%s' is %s alone, %s followed", alone, want,
						     got);
				for (size_t pad = 1; pad < 8; pad++) {
					size_t k = (size_t)snprintf(shouted, sizeof(shouted), "%*s",
								    (int)pad, "");

					for (size_t j = 0; j < n; j++)
						shouted[k + j] = (char)toupper((unsigned char)s[j]);
					snprintf(shouted + k + n, sizeof(shouted) - k - n,
						 ", qqqqqqqqqqqqqqqq");
					verdict(shouted, got, sizeof(got));
					if (strcmp(want, got) != 0)
						WA_TEST_FAIL("'%s' is %s, '%s' %s", alone, want,
							     shouted, got);
				}
			}
			s += n;
			s += strspn(s, " .,");
		}
	}
}

/* The model's table keeps every word's facts through its growth, and knows no other word. */
WA_TEST(the_word_table_finds_what_was_added_and_nothing_else)
{
	struct fact_table t = { 0 };
	char word[32];

	for (int i = 0; i < 5000; i++) {
		snprintf(word, sizeof(word), "kata%d", i);
		struct word_facts *f = facts_add(&t, word, strlen(word));

		ASSERT_NOT_NULL(f);
		f->ratio = i;
		f->languages |= (uint32_t)1 << (i % 31);
	}
	ASSERT_EQ(t.n, 5000);
	ASSERT_TRUE(t.n * 2 <= t.mask + 1);
	for (int i = 0; i < 5000; i++) {
		snprintf(word, sizeof(word), "kata%d", i);
		const struct word_facts *f = facts_find(&t, word, strlen(word));

		ASSERT_NOT_NULL(f);
		ASSERT_EQ(f->ratio, i);
		ASSERT_EQ(f->languages, (uint32_t)1 << (i % 31));
	}
	/* Adding a known word again finds its facts, not a second slot. */
	ASSERT_EQ(facts_add(&t, "kata7", 5)->ratio, 7);
	ASSERT_EQ(t.n, 5000);
	ASSERT_NULL(facts_find(&t, "kata5000", 8));
	ASSERT_NULL(facts_find(&t, "kata", 4));
	facts_fini(&t);
}

/* English news about the region is English, for all its Indonesian and Malay names. */
WA_TEST(the_regions_names_do_not_make_english_look_malay)
{
	char got[32];

	verdict("The navies of Indonesia and Malaysia began their annual Malindo Jaya "
		"exercise off the Natuna Islands, Riau Islands province, on Monday, and "
		"the Sultan of Johor attended the ceremony in Kota Kinabalu.",
		got, sizeof(got));
	ASSERT_TRUE(strncmp(got, "en ", 3) == 0);
	ASSERT_TRUE(atof(got + 3) >= 0.8);
}

WA_TEST_MAIN(WA_TEST_ENTRY(the_regions_names_do_not_make_english_look_malay),
	     WA_TEST_ENTRY(one_sentence_in_each_language),
	     WA_TEST_ENTRY(indonesian_and_malay_apart_in_short_sentences),
	     WA_TEST_ENTRY(no_words_is_undetermined),
	     WA_TEST_ENTRY(a_word_counts_the_same_wherever_it_falls),
	     WA_TEST_ENTRY(the_word_table_finds_what_was_added_and_nothing_else))
