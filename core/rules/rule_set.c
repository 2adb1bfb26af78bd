/* SPDX-License-Identifier: MIT */
/*
 * Loading a rule set: read the files, run them in a throw-away Lua state
 * to collect and check the rules, then compile what they match on.
 *
 * Every keyword of every rule and list is folded and goes into one
 * matcher (keywords.c); rules keep the ids of their keywords. Regexes
 * are compiled per rule. The version is a hash over the names and bytes
 * of every rule and list file, so two daemons with the same files report
 * the same rules_version.
 */
#include "rule_set.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "banned.h"
#include "fold.h"
#include "json.h"
#include "lua_sandbox.h"
#include "warta/log.h"

static atomic_uint_fast64_t next_serial = 1;

void wa_rules_limits_default(struct wa_rules_limits *limits)
{
	*limits = (struct wa_rules_limits){
		.max_instructions = 1000000,
		.timeout_ms = 100,
		.max_bytes = 32u << 20,
		.quarantine_after = 5,
	};
}

int wa_rules_report_add(struct wa_rules_report *rep, const char *fmt, ...)
{
	char **grown;
	va_list ap;
	char *line;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&line, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -ENOMEM;
	grown = realloc(rep->lines, (rep->n_lines + 1) * sizeof(*grown));
	if (!grown) {
		free(line);
		return -ENOMEM;
	}
	rep->lines = grown;
	rep->lines[rep->n_lines++] = line;
	return 0;
}

void wa_rules_report_fini(struct wa_rules_report *rep)
{
	for (size_t i = 0; i < rep->n_lines; i++)
		free(rep->lines[i]);
	free(rep->lines);
	*rep = (struct wa_rules_report){ 0 };
}

static void free_strings(char **array, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(array[i]);
	free(array);
}

static void free_terms(struct rule_terms *t)
{
	free_strings(t->words, t->n_words);
	free_strings(t->lists, t->n_lists);
	free(t->ids);
}

static void free_rule(struct rule *rule)
{
	free(rule->name);
	free(rule->description);
	free(rule->file);
	free_strings(rule->tags, rule->n_tags);
	free_terms(&rule->any);
	for (size_t i = 0; i < rule->n_all; i++)
		free_terms(&rule->all[i]);
	free(rule->all);
	free_terms(&rule->none);
	for (size_t i = 0; rule->regexes && i < rule->n_regexes; i++)
		wa_regex_free(rule->regexes[i]);
	free(rule->regexes);
	free_strings(rule->patterns, rule->n_regexes);
	free(rule->meta_json);
}

static void free_set(struct wa_rules *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n_rules; i++)
		free_rule(&set->rules[i]);
	free(set->rules);
	for (size_t i = 0; i < set->n_lists; i++) {
		free(set->lists[i].name);
		free(set->lists[i].file);
		free(set->lists[i].defined_at);
		free_strings(set->lists[i].words, set->lists[i].n_words);
	}
	free(set->lists);
	for (size_t i = 0; i < set->n_files; i++) {
		free(set->files[i].name);
		free(set->files[i].source);
	}
	free(set->files);
	free_strings(set->watch_dirs, set->n_watch_dirs);
	wa_keywords_free(set->keywords);
	free(set->dir);
	free(set);
}

struct wa_rules *wa_rules_ref(struct wa_rules *set)
{
	atomic_fetch_add(&set->refs, 1);
	return set;
}

void wa_rules_unref(struct wa_rules *set)
{
	if (set && atomic_fetch_sub(&set->refs, 1) == 1)
		free_set(set);
}

const char *wa_rules_version(const struct wa_rules *set)
{
	return set->version;
}

size_t wa_rules_count(const struct wa_rules *set)
{
	return set->n_rules;
}

const char *wa_rules_dir(const struct wa_rules *set)
{
	return set->dir;
}

bool wa_rules_has_rule(const struct wa_rules *set, const char *name)
{
	for (size_t i = 0; i < set->n_rules; i++)
		if (strcmp(set->rules[i].name, name) == 0)
			return true;
	return false;
}

size_t wa_rules_n_watch_dirs(const struct wa_rules *set)
{
	return set->n_watch_dirs;
}

const char *wa_rules_watch_dir(const struct wa_rules *set, size_t i)
{
	return set->watch_dirs[i];
}

static int read_at(int dir_fd, const char *name, char **ret_data, size_t *ret_len)
{
	int fd = openat(dir_fd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	char *data;
	size_t len = 0;
	int r = 0;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0)
		r = -errno;
	else if (!S_ISREG(st.st_mode))
		r = -EINVAL;
	if (r < 0) {
		close(fd);
		return r;
	}
	if (st.st_size > WA_RULES_MAX_FILE) {
		close(fd);
		return -EFBIG;
	}
	data = malloc((size_t)st.st_size + 1);
	if (!data) {
		close(fd);
		return -ENOMEM;
	}
	while (len < (size_t)st.st_size) {
		ssize_t n = read(fd, data + len, (size_t)st.st_size - len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			r = n < 0 ? -errno : 0;
			break;
		}
		len += (size_t)n;
	}
	close(fd);
	if (r < 0) {
		free(data);
		return r;
	}
	data[len] = '\0';
	*ret_data = data;
	*ret_len = len;
	return 0;
}

static int is_rule_file(const struct dirent *e)
{
	size_t len = strlen(e->d_name);

	return e->d_name[0] != '.' && len > 4 && strcmp(e->d_name + len - 4, ".lua") == 0;
}

/* `only`: the one file to read (a rule set given as a file), or NULL for every *.lua. */
static int read_rule_files(struct wa_rules *set, int dir_fd, const char *only,
			   struct wa_rules_report *rep)
{
	struct dirent **entries;
	int n, r = 0;

	if (only) {
		entries = malloc(sizeof(*entries));
		if (!entries)
			return -ENOMEM;
		entries[0] = malloc(sizeof(struct dirent));
		if (!entries[0]) {
			free(entries);
			return -ENOMEM;
		}
		snprintf(entries[0]->d_name, sizeof(entries[0]->d_name), "%s", only);
		n = 1;
	} else {
		n = scandirat(dir_fd, ".", &entries, is_rule_file, alphasort);
	}
	if (n < 0)
		return -errno;
	set->files = calloc((size_t)n + 1, sizeof(*set->files));
	if (!set->files)
		r = -ENOMEM;
	for (int i = 0; i < n; i++) {
		struct rule_file *f = &set->files[set->n_files];
		int rr;

		if (r < 0)
			goto next;
		rr = read_at(dir_fd, entries[i]->d_name, &f->source, &f->len);
		if (rr == -ENOMEM) {
			r = rr;
		} else if (rr == -EINVAL) {
			/* A directory named *.lua: not a rule file. */
		} else if (rr < 0) {
			r = -EINVAL;
			(void)wa_rules_report_add(rep, "%s: cannot read: %s", entries[i]->d_name,
						  wa_strerror(rr));
		} else if (!(f->name = strdup(entries[i]->d_name))) {
			free(f->source);
			r = -ENOMEM;
		} else {
			set->n_files++;
		}
next:
		free(entries[i]);
	}
	free(entries);
	return r;
}

/* A list file must stay inside the rules directory: no absolute paths, no "..". */
static bool is_inside(const char *path)
{
	if (path[0] == '/' || path[0] == '\0')
		return false;
	for (const char *p = path; *p;) {
		size_t len = strcspn(p, "/");

		if (len == 2 && p[0] == '.' && p[1] == '.')
			return false;
		p += len;
		p += *p == '/';
	}
	return true;
}

/* One term per line; blank lines and lines starting with '#' are skipped. */
static int parse_list_file(struct rule_list *list, const char *data, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t end = i, start = i;
		char **grown;

		while (end < len && data[end] != '\n')
			end++;
		i = end + 1;
		while (start < end && (data[start] == ' ' || data[start] == '\t'))
			start++;
		while (end > start && strchr(" \t\r", data[end - 1]))
			end--;
		if (start == end || data[start] == '#')
			continue;
		grown = realloc(list->words, (list->n_words + 1) * sizeof(*grown));
		if (!grown)
			return -ENOMEM;
		list->words = grown;
		grown[list->n_words] = strndup(data + start, end - start);
		if (!grown[list->n_words])
			return -ENOMEM;
		list->n_words++;
	}
	return 0;
}

static int add_watch_dir(struct wa_rules *set, const char *dir)
{
	char **grown;

	for (size_t i = 0; i < set->n_watch_dirs; i++)
		if (strcmp(set->watch_dirs[i], dir) == 0)
			return 0;
	grown = realloc(set->watch_dirs, (set->n_watch_dirs + 1) * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	set->watch_dirs = grown;
	grown[set->n_watch_dirs] = strdup(dir);
	if (!grown[set->n_watch_dirs])
		return -ENOMEM;
	set->n_watch_dirs++;
	return 0;
}

static int load_lists(struct wa_rules *set, int dir_fd, XXH3_state_t *hash,
		      struct wa_rules_report *rep)
{
	int r = 0;

	for (size_t i = 0; i < set->n_lists; i++) {
		struct rule_list *list = &set->lists[i];
		char *data, *slash, dir[4096];
		size_t len;
		int rr;

		if (!list->file)
			continue;
		if (!is_inside(list->file)) {
			(void)wa_rules_report_add(
				rep, "%s: list '%s': file '%s' must be a relative path inside %s",
				list->defined_at, list->name, list->file, set->dir);
			r = -EINVAL;
			continue;
		}
		rr = read_at(dir_fd, list->file, &data, &len);
		if (rr == -ENOMEM)
			return rr;
		if (rr < 0) {
			(void)wa_rules_report_add(rep, "%s: list '%s': cannot read '%s': %s",
						  list->defined_at, list->name, list->file,
						  wa_strerror(rr));
			r = -EINVAL;
			continue;
		}
		XXH3_64bits_update(hash, list->file, strlen(list->file) + 1);
		XXH3_64bits_update(hash, data, len);
		rr = parse_list_file(list, data, len);
		free(data);
		if (rr < 0)
			return rr;
		snprintf(dir, sizeof(dir), "%s/%s", set->dir, list->file);
		slash = strrchr(dir, '/');
		*slash = '\0';
		if (add_watch_dir(set, dir) < 0)
			return -ENOMEM;
	}
	return r;
}

static struct rule_list *find_list(struct wa_rules *set, const char *name)
{
	for (size_t i = 0; i < set->n_lists; i++)
		if (strcmp(set->lists[i].name, name) == 0)
			return &set->lists[i];
	return NULL;
}

static int add_id(struct rule_terms *t, int32_t id)
{
	int32_t *grown;

	for (size_t i = 0; i < t->n_ids; i++)
		if (t->ids[i] == id)
			return 0;
	grown = realloc(t->ids, (t->n_ids + 1) * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	t->ids = grown;
	t->ids[t->n_ids++] = id;
	return 0;
}

static int add_word(struct wa_rules *set, struct rule_terms *t, const char *word,
		    struct wa_fold_buf *buf)
{
	int32_t id;

	if (wa_fold(word, strlen(word), buf) < 0)
		return -ENOMEM;
	if (buf->len == 0)
		return 0; /* only white space */
	if (wa_keywords_count(set->keywords) >= WA_RULES_MAX_TERMS)
		return -E2BIG;
	id = wa_keywords_add(set->keywords, buf->data, buf->len);
	if (id < 0)
		return id;
	return add_id(t, id);
}

static int resolve_terms(struct wa_rules *set, struct rule *rule, struct rule_terms *t,
			 struct wa_fold_buf *buf, struct wa_rules_report *rep)
{
	int r = 0;

	for (size_t i = 0; i < t->n_words && r == 0; i++)
		r = add_word(set, t, t->words[i], buf);
	for (size_t i = 0; i < t->n_lists && r == 0; i++) {
		struct rule_list *list = find_list(set, t->lists[i]);

		if (!list) {
			(void)wa_rules_report_add(rep, "%s:%d: rule '%s': no list '%s' is defined",
						  rule->file, rule->line, rule->name, t->lists[i]);
			r = -EINVAL;
			break;
		}
		list->used = true;
		for (size_t j = 0; j < list->n_words && r == 0; j++)
			r = add_word(set, t, list->words[j], buf);
	}
	if (r == -E2BIG)
		(void)wa_rules_report_add(rep, "%s:%d: more than %d keywords in the rule set",
					  rule->file, rule->line, WA_RULES_MAX_TERMS);
	return r == -E2BIG ? -EINVAL : r;
}

static int compile_regexes(struct rule *rule, struct wa_rules_report *rep)
{
	int r = 0;

	if (rule->n_regexes == 0)
		return 0;
	rule->regexes = calloc(rule->n_regexes, sizeof(*rule->regexes));
	if (!rule->regexes)
		return -ENOMEM;
	for (size_t i = 0; i < rule->n_regexes; i++) {
		char error[320];
		int rr = wa_regex_new(rule->patterns[i], strlen(rule->patterns[i]),
				      &rule->regexes[i], error, sizeof(error));

		if (rr == -ENOMEM)
			return rr;
		if (rr < 0) {
			(void)wa_rules_report_add(rep, "%s:%d: rule '%s': regex '%s': %s",
						  rule->file, rule->line, rule->name,
						  rule->patterns[i], error);
			r = -EINVAL;
		}
	}
	return r;
}

static int compile(struct wa_rules *set, struct wa_rules_report *rep)
{
	struct wa_fold_buf buf = { 0 };
	int r = 0;

	set->keywords = wa_keywords_new();
	if (!set->keywords)
		return -ENOMEM;
	for (size_t i = 0; i < set->n_rules && r != -ENOMEM; i++) {
		struct rule *rule = &set->rules[i];
		int rr = resolve_terms(set, rule, &rule->any, &buf, rep);

		for (size_t j = 0; j < rule->n_all && rr == 0; j++)
			rr = resolve_terms(set, rule, &rule->all[j], &buf, rep);
		if (rr == 0)
			rr = resolve_terms(set, rule, &rule->none, &buf, rep);
		if (rr != -ENOMEM) {
			int rx = compile_regexes(rule, rep);

			rr = rr < 0 ? rr : rx;
		}
		if (rr < 0)
			r = rr;
	}
	wa_fold_buf_fini(&buf);
	if (r < 0)
		return r;
	return wa_keywords_compile(set->keywords);
}

static int define_rules(struct wa_rules *set, struct wa_rules_report *rep)
{
	lua_State *L = wa_lua_new(WA_RULES_LOAD_MEMORY);
	int r;

	if (!L)
		return -ENOMEM;
	r = wa_rule_env_open(L);
	if (r == 0)
		r = wa_rule_dsl_run_files(L, set, RULE_DSL_DEFINE, rep);
	wa_lua_free(L);
	return r;
}

int wa_rules_load(const char *dir, const struct wa_rules_limits *limits,
		  struct wa_rules **ret_rules, struct wa_rules_report *rep)
{
	struct wa_rules *set = calloc(1, sizeof(*set));
	XXH3_state_t *hash = XXH3_createState();
	const char *only = NULL;
	int dir_fd = -1, r;
	struct stat st;

	if (!set || !hash) {
		r = -ENOMEM;
		goto fail;
	}
	atomic_init(&set->refs, 1);
	set->serial = atomic_fetch_add(&next_serial, 1);
	set->limits = *limits;
	set->dir = strdup(dir);
	if (!set->dir) {
		r = -ENOMEM;
		goto fail;
	}
	if (stat(dir, &st) == 0 && S_ISREG(st.st_mode)) {
		/* A single rule file: its directory is where its lists are. */
		const char *slash = strrchr(dir, '/');

		only = slash ? slash + 1 : dir;
		free(set->dir);
		set->dir =
			slash ? strndup(dir, (size_t)(slash - dir + (slash == dir))) : strdup(".");
		if (!set->dir) {
			r = -ENOMEM;
			goto fail;
		}
	}
	dir_fd = open(set->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir_fd < 0) {
		r = -errno;
		(void)wa_rules_report_add(rep, "%s: cannot open the rules directory: %s", dir,
					  wa_strerror(r));
		goto fail;
	}
	r = add_watch_dir(set, set->dir);
	if (r == 0)
		r = read_rule_files(set, dir_fd, only, rep);
	if (r < 0)
		goto fail;
	XXH3_64bits_reset(hash);
	for (size_t i = 0; i < set->n_files; i++) {
		XXH3_64bits_update(hash, set->files[i].name, strlen(set->files[i].name) + 1);
		XXH3_64bits_update(hash, set->files[i].source, set->files[i].len);
	}
	/* After a problem, go on as far as possible: `rules check` reports them all. */
	r = define_rules(set, rep);
	if (r == 0 || r == -EINVAL) {
		int rl = load_lists(set, dir_fd, hash, rep);

		r = r < 0 ? r : rl;
	}
	if (r == 0 || r == -EINVAL) {
		int rc = compile(set, rep);

		r = r < 0 ? r : rc;
	}
	if (r < 0)
		goto fail;
	snprintf(set->version, sizeof(set->version), "%016llx",
		 (unsigned long long)XXH3_64bits_digest(hash));
	close(dir_fd);
	XXH3_freeState(hash);
	*ret_rules = set;
	return 0;
fail:
	if (dir_fd >= 0)
		close(dir_fd);
	XXH3_freeState(hash);
	free_set(set);
	return r;
}

static uint64_t load(const atomic_uint_fast64_t *v)
{
	return atomic_load_explicit(v, memory_order_relaxed);
}

cJSON *wa_rules_stats(const struct wa_rules *set)
{
	cJSON *root = cJSON_CreateObject(), *rules = cJSON_CreateArray();
	int r;

	if (!root || !rules) {
		cJSON_Delete(root);
		cJSON_Delete(rules);
		return NULL;
	}
	r = wa_json_set(root, "version", cJSON_CreateString(set->version));
	if (r == 0)
		r = wa_json_set(root, "dir", cJSON_CreateString(set->dir));
	if (r == 0)
		r = wa_json_set(root, "rules", rules);
	for (size_t i = 0; i < set->n_rules && r == 0; i++) {
		const struct rule *rule = &set->rules[i];
		const struct rule_stats *st = &rule->stats;
		uint64_t calls = load(&st->calls);
		cJSON *o = cJSON_CreateObject();

		if (!o)
			r = -ENOMEM;
		if (r == 0)
			r = wa_json_set(o, "name", cJSON_CreateString(rule->name));
		if (r == 0)
			r = wa_json_set(o, "file", cJSON_CreateString(rule->file));
		if (r == 0)
			r = wa_json_set(o, "hits", cJSON_CreateNumber((double)load(&st->hits)));
		if (r == 0)
			r = wa_json_set(o, "calls", cJSON_CreateNumber((double)calls));
		if (r == 0)
			r = wa_json_set(o, "errors", cJSON_CreateNumber((double)load(&st->errors)));
		if (r == 0)
			r = wa_json_set(o, "quarantined",
					cJSON_CreateBool(atomic_load(&st->quarantined)));
		if (r == 0)
			r = wa_json_set(o, "mean_us",
					cJSON_CreateNumber(calls ? (double)load(&st->total_ns) /
									   (double)calls / 1000.0
								 : 0));
		if (r == 0)
			r = wa_json_set(o, "max_us",
					cJSON_CreateNumber((double)load(&st->max_ns) / 1000.0));
		if (r == 0)
			r = wa_json_append(rules, o);
		else
			cJSON_Delete(o);
	}
	if (r < 0) {
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}
