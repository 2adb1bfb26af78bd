/* SPDX-License-Identifier: MIT */
/*
 * The Lua runtime: states with a memory cap and an instruction budget.
 *
 * Everything warta evaluates in Lua (the configuration, later the rules)
 * goes through here, so that no script can exhaust memory or spin forever.
 * A state starts with no libraries at all; callers open the ones they allow
 * with wa_lua_open_safe_libs(). A state is never shared between threads.
 */
#ifndef WA_LUA_SANDBOX_H
#define WA_LUA_SANDBOX_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

/* Creates a state whose allocations may total at most max_bytes. NULL on OOM. */
lua_State *wa_lua_new(size_t max_bytes);
/* Closes L and frees its allocator state. NULL is a no-op. */
void wa_lua_free(lua_State *L);

/* Opens base (without dofile, loadfile, load), string, table, math and utf8. */
void wa_lua_open_safe_libs(lua_State *L);

/*
 * Calls the function below nargs arguments on the stack like lua_pcall(),
 * failing the call once it has run max_instructions VM instructions
 * (0: no limit). On error returns -EINVAL (script error), -E2BIG (budget
 * exhausted) or -ENOMEM (memory cap), with the message and a traceback on
 * the stack top.
 */
int wa_lua_call(lua_State *L, int nargs, int nresults, long max_instructions);

/* Limits of one call; 0 in a field means no limit of that kind. */
struct wa_lua_limits {
	long max_instructions;
	int64_t timeout_ms; /* wall clock, checked every thousand instructions */
	size_t max_bytes;   /* more memory the call may hold, on top of the state's current use */
};

/*
 * wa_lua_call() with all three limits. A call that ran out of time (-ETIME),
 * instructions (-E2BIG) or memory (-ENOMEM) fails even if the script caught
 * the error itself; a garbage collection then frees what it left behind.
 */
int wa_lua_call_limited(lua_State *L, int nargs, int nresults, const struct wa_lua_limits *limits);

/* Bytes the state holds now. */
size_t wa_lua_memory_used(lua_State *L);

/*
 * Loads a chunk of Lua source (text only, never bytecode) with `env` as its
 * only global table: the value at stack index env_index. Pushes the function.
 * On a syntax error returns -EINVAL with the message on the stack.
 */
int wa_lua_load(lua_State *L, const char *source, size_t len, const char *chunk_name,
		int env_index);

#endif
