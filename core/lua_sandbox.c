/* SPDX-License-Identifier: MIT */
/*
 * Lua states with limits.
 *
 * Memory: the allocator counts bytes and refuses past the cap, which Lua
 * turns into a catchable "not enough memory" error. Time: a count hook
 * raises an error once the budget is spent; it re-arms itself on every
 * call, so a script that catches the error with pcall is interrupted again
 * straight away (Redis does the same).
 */
#include "lua_sandbox.h"

#include <errno.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "banned.h"

#define HOOK_EVERY 1000 /* instructions between budget checks */

struct lua_limits {
	size_t used_bytes;
	size_t max_bytes;      /* the state's cap */
	size_t call_max_bytes; /* the running call's cap (at most max_bytes) */
	long budget;           /* instructions left, in HOOK_EVERY units; < 0 without limit */
	int64_t deadline_ns;   /* CLOCK_MONOTONIC; 0 without one */
	bool out_of_budget;
	bool out_of_time;
	bool refused_memory;
};

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct lua_limits *limits = ud;
	size_t old = ptr ? osize : 0;

	if (nsize == 0) {
		free(ptr);
		limits->used_bytes -= old;
		return NULL;
	}
	if (nsize > old && limits->used_bytes + (nsize - old) > limits->call_max_bytes) {
		limits->refused_memory = true;
		return NULL;
	}
	ptr = realloc(ptr, nsize);
	if (ptr)
		limits->used_bytes = limits->used_bytes - old + nsize;
	return ptr;
}

static struct lua_limits *get_limits(lua_State *L)
{
	void *ud;

	lua_getallocf(L, &ud);
	return ud;
}

lua_State *wa_lua_new(size_t max_bytes)
{
	struct lua_limits *limits = calloc(1, sizeof(*limits));
	lua_State *L;

	if (!limits)
		return NULL;
	limits->max_bytes = max_bytes;
	limits->call_max_bytes = max_bytes;
	limits->budget = -1;
	L = lua_newstate(limited_alloc, limits);
	if (!L) {
		free(limits);
		return NULL;
	}
	return L;
}

void wa_lua_free(lua_State *L)
{
	struct lua_limits *limits;

	if (!L)
		return;
	limits = get_limits(L);
	lua_close(L);
	free(limits);
}

void wa_lua_open_safe_libs(lua_State *L)
{
	static const luaL_Reg libs[] = {
		{ LUA_GNAME, luaopen_base },       { LUA_STRLIBNAME, luaopen_string },
		{ LUA_TABLIBNAME, luaopen_table }, { LUA_MATHLIBNAME, luaopen_math },
		{ LUA_UTF8LIBNAME, luaopen_utf8 }, { NULL, NULL },
	};
	static const char *const unsafe_base[] = { "dofile", "loadfile", "load", "collectgarbage",
						   NULL };

	for (const luaL_Reg *lib = libs; lib->func; lib++) {
		luaL_requiref(L, lib->name, lib->func, 1);
		lua_pop(L, 1);
	}
	for (const char *const *name = unsafe_base; *name; name++) {
		lua_pushnil(L);
		lua_setglobal(L, *name);
	}
}

/* Raises msg with the position of the running Lua code, so rule writers see the line. */
static void raise_here(lua_State *L, const char *msg)
{
	luaL_where(L, 0);
	lua_pushstring(L, msg);
	lua_concat(L, 2);
	lua_error(L);
}

static void on_count_hook(lua_State *L, lua_Debug *ar)
{
	struct lua_limits *limits = get_limits(L);

	(void)ar;
	if (!limits->out_of_budget && !limits->out_of_time) {
		if (limits->budget >= 0 && --limits->budget <= 0)
			limits->out_of_budget = true;
		else if (limits->deadline_ns > 0 && now_ns() >= limits->deadline_ns)
			limits->out_of_time = true;
		else
			return;
		/* From now on every instruction raises again, so pcall cannot buy time. */
		lua_sethook(L, on_count_hook, LUA_MASKCOUNT, 1);
	}
	raise_here(L, limits->out_of_time ? "time limit exceeded" : "instruction budget exhausted");
}

static int on_error(lua_State *L)
{
	const char *msg = lua_tostring(L, 1);

	if (!msg)
		msg = luaL_typename(L, 1);
	luaL_traceback(L, L, msg, 1);
	return 1;
}

int wa_lua_call_limited(lua_State *L, int nargs, int nresults, const struct wa_lua_limits *call)
{
	struct lua_limits *limits = get_limits(L);
	int base = lua_gettop(L) - nargs;
	int status;

	limits->out_of_budget = false;
	limits->out_of_time = false;
	limits->refused_memory = false;
	if (call->max_bytes > 0 && limits->used_bytes + call->max_bytes < limits->max_bytes)
		limits->call_max_bytes = limits->used_bytes + call->max_bytes;
	limits->deadline_ns = call->timeout_ms > 0 ? now_ns() + call->timeout_ms * 1000000 : 0;
	if (call->max_instructions > 0 || call->timeout_ms > 0) {
		limits->budget =
			call->max_instructions > 0 ? call->max_instructions / HOOK_EVERY + 1 : -1;
		lua_sethook(L, on_count_hook, LUA_MASKCOUNT, HOOK_EVERY);
	}
	lua_pushcfunction(L, on_error);
	lua_insert(L, base);
	status = lua_pcall(L, nargs, nresults, base);
	lua_remove(L, base);
	lua_sethook(L, NULL, 0, 0);
	limits->budget = -1;
	limits->deadline_ns = 0;
	limits->call_max_bytes = limits->max_bytes;
	if (limits->out_of_budget || limits->out_of_time || limits->refused_memory) {
		/* Even if the script swallowed every error, it did not finish its work. */
		if (status == LUA_OK) {
			lua_pop(L, nresults == LUA_MULTRET ? lua_gettop(L) - base + 1 : nresults);
			lua_pushstring(L, limits->out_of_time     ? "time limit exceeded"
					  : limits->out_of_budget ? "instruction budget exhausted"
								  : "not enough memory");
		}
		/* Give back what the failed call held before the next one runs. */
		lua_gc(L, LUA_GCCOLLECT);
		if (limits->out_of_time)
			return -ETIME;
		return limits->out_of_budget ? -E2BIG : -ENOMEM;
	}
	if (status == LUA_OK)
		return 0;
	return status == LUA_ERRMEM ? -ENOMEM : -EINVAL;
}

int wa_lua_call(lua_State *L, int nargs, int nresults, long max_instructions)
{
	struct wa_lua_limits call = { .max_instructions = max_instructions };

	return wa_lua_call_limited(L, nargs, nresults, &call);
}

size_t wa_lua_memory_used(lua_State *L)
{
	return get_limits(L)->used_bytes;
}

int wa_lua_load(lua_State *L, const char *source, size_t len, const char *chunk_name, int env_index)
{
	env_index = lua_absindex(L, env_index);
	if (luaL_loadbufferx(L, source, len, chunk_name, "t") != LUA_OK)
		return -EINVAL;
	/* The first upvalue of a main chunk is its _ENV. */
	lua_pushvalue(L, env_index);
	if (!lua_setupvalue(L, -2, 1))
		lua_pop(L, 1);
	return 0;
}
