/* SPDX-License-Identifier: MIT */
/* The Lua runtime's limits: memory cap, instruction budget, library allow-list. */
#include <lauxlib.h>
#include <string.h>

#include "lua_sandbox.h"
#include "wa-test.h"

static int run(lua_State *L, const char *code, long budget)
{
	lua_pushglobaltable(L);
	if (wa_lua_load(L, code, strlen(code), "=test", -1) < 0)
		return -1000;
	lua_remove(L, -2);
	return wa_lua_call(L, 0, 0, budget);
}

WA_TEST(budget_stops_endless_loops_even_under_pcall)
{
	lua_State *L = wa_lua_new(1 << 20);

	wa_lua_open_safe_libs(L);
	ASSERT_EQ(run(L, "while true do end", 100000), -E2BIG);
	ASSERT_CONTAINS(lua_tostring(L, -1), "instruction budget exhausted");
	lua_pop(L, 1);
	/* Catching the error does not buy more time: the hook fires again. */
	ASSERT_EQ(run(L, "for i = 1, 10 do pcall(function() while true do end end) end", 100000),
		  -E2BIG);
	lua_pop(L, 1);
	/* And the next call starts with a fresh budget. */
	ASSERT_OK(run(L, "local x = 0 for i = 1, 1000 do x = x + i end", 100000));
	wa_lua_free(L);
}

WA_TEST(memory_cap_fails_the_call_not_the_process)
{
	lua_State *L = wa_lua_new(1 << 20);

	wa_lua_open_safe_libs(L);
	ASSERT_EQ(run(L, "local t = {} for i = 1, 1e8 do t[i] = string.rep('x', 100) .. i end", 0),
		  -ENOMEM);
	lua_pop(L, 1);
	ASSERT_OK(run(L, "local s = string.rep('x', 1000)", 0));
	wa_lua_free(L);
}

WA_TEST(only_safe_libraries_are_open)
{
	lua_State *L = wa_lua_new(1 << 20);

	wa_lua_open_safe_libs(L);
	ASSERT_OK(run(L, "assert(string and table and math and utf8 and pairs)", 0));
	ASSERT_OK(run(L, "assert(io == nil and os == nil and debug == nil and package == nil)", 0));
	ASSERT_OK(run(
		L, "assert(require == nil and dofile == nil and loadfile == nil and load == nil)",
		0));
	wa_lua_free(L);
}

WA_TEST(errors_carry_a_traceback)
{
	lua_State *L = wa_lua_new(1 << 20);

	wa_lua_open_safe_libs(L);
	ASSERT_EQ(run(L, "local function f() error('boom') end f()", 0), -EINVAL);
	ASSERT_CONTAINS(lua_tostring(L, -1), "test:1: boom");
	ASSERT_CONTAINS(lua_tostring(L, -1), "stack traceback");
	wa_lua_free(L);
}

WA_TEST(binary_chunks_are_refused)
{
	lua_State *L = wa_lua_new(1 << 20);

	lua_pushglobaltable(L);
	ASSERT_EQ(wa_lua_load(L, "\x1bLua", 4, "=bin", -1), -EINVAL);
	ASSERT_CONTAINS(lua_tostring(L, -1), "binary");
	wa_lua_free(L);
}

WA_TEST_MAIN(WA_TEST_ENTRY(budget_stops_endless_loops_even_under_pcall),
	     WA_TEST_ENTRY(memory_cap_fails_the_call_not_the_process),
	     WA_TEST_ENTRY(only_safe_libraries_are_open), WA_TEST_ENTRY(errors_carry_a_traceback),
	     WA_TEST_ENTRY(binary_chunks_are_refused))
