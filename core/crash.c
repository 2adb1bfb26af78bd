/* SPDX-License-Identifier: MIT */
/*
 * Fatal-signal handler. Everything it does is async-signal-safe: it reads a
 * thread-local pointer, appends one byte to a file and writes one log line
 * with write(2), then re-raises the signal with the default action.
 */
#include "crash.h"

#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "banned.h"
#include "spool.h"

#define ALT_STACK_BYTES (64 * 1024)

static int crash_attempts_fd = -1;
static _Thread_local const char *current_id;
static _Thread_local bool has_alt_stack;

static void write_str(const char *s)
{
	(void)!write(STDERR_FILENO, s, strlen(s));
}

static void on_fatal_signal(int sig)
{
	const char *id = current_id;

	if (id && crash_attempts_fd >= 0) {
		wa_spool_attempts_bump(crash_attempts_fd, id);
		write_str("<2>crit: fatal signal while processing article ");
		write_str(id);
		write_str("; it is counted against it and retried alone after restart\n");
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void wa_crash_install(int attempts_fd)
{
	static const int signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	struct sigaction sa;

	crash_attempts_fd = attempts_fd;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		sigaction(signals[i], &sa, NULL);
}

void wa_crash_set_article(const char *id)
{
	if (id && !has_alt_stack) {
		stack_t old, ss = { .ss_size = ALT_STACK_BYTES };

		has_alt_stack = true; /* one try per thread, whatever happens */
		/*
		 * Keep one that is already there (sanitizers install their own and
		 * unmap it when the thread ends). Ours is mapped, not malloc'd, for
		 * the same reason, and lives as long as the thread: the process.
		 */
		if (sigaltstack(NULL, &old) < 0 || (old.ss_flags & SS_DISABLE)) {
			ss.ss_sp = mmap(NULL, ALT_STACK_BYTES, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
			if (ss.ss_sp != MAP_FAILED)
				(void)sigaltstack(&ss, NULL);
		}
	}
	current_id = id;
}
