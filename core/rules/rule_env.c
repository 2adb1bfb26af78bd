/* SPDX-License-Identifier: MIT */
/*
 * What a rule file sees: base (without load, loadfile, dofile,
 * collectgarbage, print, rawset), string, table, math, utf8 and the
 * `warta` helpers. No io, os, package, require or debug exist at all.
 *
 * Lua's pattern functions are the one dangerous thing left in the string
 * library: find/match/gmatch/gsub with a pattern run inside C, where no
 * hook can interrupt them, and a crafted pattern takes minutes on an
 * article. So string.find searches plain text only, and match, gmatch and
 * gsub are gone; rules use keywords, a:match() (PCRE2 with limits) and
 * warta.contains() instead.
 *
 * The shared tables are read-only proxies and every file gets its own
 * globals, so one rule file cannot change what another one sees.
 */
#include <errno.h>
#include <lauxlib.h>
#include <lualib.h>
#include <string.h>

#include "banned.h"
#include "fold.h"
#include "lua_sandbox.h"
#include "rule_set.h"
#include "warta/log.h"

static int refuse_write(lua_State *L)
{
	return luaL_error(L, "this table is read-only");
}

/* Replaces the table at the top of the stack with a read-only proxy of it. */
static void make_readonly(lua_State *L)
{
	lua_newtable(L);          /* proxy */
	lua_createtable(L, 0, 3); /* its metatable */
	lua_pushvalue(L, -3);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, refuse_write);
	lua_setfield(L, -2, "__newindex");
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);
	lua_remove(L, -2);
}

/* string.find(s, text [, init]): plain search only, whatever the fourth argument says. */
static int plain_find(lua_State *L)
{
	size_t len, needle_len;
	const char *s = luaL_checklstring(L, 1, &len);
	const char *needle = luaL_checklstring(L, 2, &needle_len);
	lua_Integer init = luaL_optinteger(L, 3, 1);
	const char *found;

	if (init < 0)
		init = (lua_Integer)len + init + 1;
	if (init < 1)
		init = 1;
	if ((size_t)init > len + 1) {
		lua_pushnil(L);
		return 1;
	}
	found = memmem(s + init - 1, len - (size_t)(init - 1), needle, needle_len);
	if (!found) {
		lua_pushnil(L);
		return 1;
	}
	lua_pushinteger(L, found - s + 1);
	lua_pushinteger(L, found - s + (lua_Integer)needle_len);
	return 2;
}

static int push_folded(lua_State *L, const char *s, size_t len, struct wa_fold_buf *buf)
{
	if (wa_fold(s, len, buf) < 0) {
		wa_fold_buf_fini(buf);
		return luaL_error(L, "not enough memory");
	}
	return 0;
}

/* warta.fold(s): the folded form keywords are matched in. */
static int helper_fold(lua_State *L)
{
	struct wa_fold_buf buf = { 0 };
	size_t len;
	const char *s = luaL_checklstring(L, 1, &len);

	push_folded(L, s, len, &buf);
	lua_pushlstring(L, buf.data, buf.len);
	wa_fold_buf_fini(&buf);
	return 1;
}

/* True if the folded term occurs in the folded text as a whole word. */
static bool contains_word(const char *text, size_t len, const char *term, size_t term_len)
{
	size_t pos = 0;

	if (term_len == 0)
		return false;
	while (pos + term_len <= len) {
		const char *found = memmem(text + pos, len - pos, term, term_len);

		if (!found)
			return false;
		if (wa_fold_is_whole_word(text, len, (size_t)(found - text), term_len))
			return true;
		pos = (size_t)(found - text) + 1;
	}
	return false;
}

/* warta.contains(s, term...): any term in s, as a whole word, ignoring case. */
static int helper_contains(lua_State *L)
{
	struct wa_fold_buf text = { 0 }, term = { 0 };
	size_t len;
	const char *s = luaL_checklstring(L, 1, &len);
	bool found = false;

	push_folded(L, s, len, &text);
	for (int i = 2; i <= lua_gettop(L) && !found; i++) {
		const char *t = lua_tolstring(L, i, &len);

		if (!t)
			continue;
		if (wa_fold(t, len, &term) < 0)
			break;
		found = contains_word(text.data, text.len, term.data, term.len);
	}
	wa_fold_buf_fini(&text);
	wa_fold_buf_fini(&term);
	lua_pushboolean(L, found);
	return 1;
}

/* warta.split(s [, sep]): pieces between plain separators (default: runs of white space). */
static int helper_split(lua_State *L)
{
	size_t len, sep_len = 0;
	const char *s = luaL_checklstring(L, 1, &len);
	const char *sep = luaL_optlstring(L, 2, NULL, &sep_len);
	lua_Integer n = 0;
	size_t i = 0;

	lua_newtable(L);
	if (sep && sep_len > 0) {
		for (;;) {
			const char *found = memmem(s + i, len - i, sep, sep_len);
			size_t end = found ? (size_t)(found - s) : len;

			lua_pushlstring(L, s + i, end - i);
			lua_rawseti(L, -2, ++n);
			if (!found)
				break;
			i = end + sep_len;
		}
		return 1;
	}
	while (i < len) {
		size_t start;

		while (i < len && strchr(" \t\r\n\f\v", s[i]))
			i++;
		start = i;
		while (i < len && !strchr(" \t\r\n\f\v", s[i]))
			i++;
		if (i > start) {
			lua_pushlstring(L, s + start, i - start);
			lua_rawseti(L, -2, ++n);
		}
	}
	return 1;
}

/* warta.log(message): an info line in the daemon's log. */
static int helper_log(lua_State *L)
{
	wa_log_info("rule says: %s", luaL_checkstring(L, 1));
	return 0;
}

static void open_helpers(lua_State *L)
{
	static const luaL_Reg helpers[] = {
		{ "fold", helper_fold },
		{ "contains", helper_contains },
		{ "split", helper_split },
		{ "log", helper_log },
		{ NULL, NULL },
	};

	luaL_newlib(L, helpers);
	make_readonly(L);
	lua_setglobal(L, "warta");
}

static void restrict_string_library(lua_State *L)
{
	static const char *const removed[] = { "match", "gmatch", "gsub", "dump", NULL };

	lua_getglobal(L, LUA_STRLIBNAME);
	for (const char *const *name = removed; *name; name++) {
		lua_pushnil(L);
		lua_setfield(L, -2, *name);
	}
	lua_pushcfunction(L, plain_find);
	lua_setfield(L, -2, "find");
	/* ("x"):find() goes through the string metatable: hide it from getmetatable. */
	lua_pushliteral(L, "");
	if (lua_getmetatable(L, -1)) {
		lua_pushboolean(L, 0);
		lua_setfield(L, -2, "__metatable");
		lua_pop(L, 1);
	}
	lua_pop(L, 2);
}

int wa_rule_env_open(lua_State *L)
{
	static const char *const shared[] = { LUA_STRLIBNAME, LUA_TABLIBNAME, LUA_MATHLIBNAME,
					      LUA_UTF8LIBNAME, NULL };
	static const char *const removed[] = { "print", "rawset", NULL };

	wa_lua_open_safe_libs(L);
	restrict_string_library(L);
	for (const char *const *name = removed; *name; name++) {
		lua_pushnil(L);
		lua_setglobal(L, *name);
	}
	for (const char *const *name = shared; *name; name++) {
		lua_getglobal(L, *name);
		make_readonly(L);
		lua_setglobal(L, *name);
	}
	open_helpers(L);
	return 0;
}

void wa_rule_env_push_file_env(lua_State *L)
{
	lua_newtable(L);
	lua_pushvalue(L, -1);
	lua_setfield(L, -2, "_G");
	lua_createtable(L, 0, 2);
	lua_pushglobaltable(L);
	lua_setfield(L, -2, "__index");
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);
}
