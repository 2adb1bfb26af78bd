/* SPDX-License-Identifier: MIT */
/*
 * Crash attribution: which article was a thread working on when the
 * process died?
 *
 * Each thread announces the article it works on. If the process then gets
 * a fatal signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT), the handler
 * counts one attempt against that article (state/attempts/ID) and lets the
 * signal kill the process as usual. Only the thread that faults is blamed:
 * articles that merely happened to be in flight, and every article at a
 * SIGKILL or power cut, are not, so an innocent article is never sent to
 * failed/ for someone else's crash.
 */
#ifndef WA_CRASH_H
#define WA_CRASH_H

/* Installs the handlers; attempts_fd is the state/attempts directory (borrowed). */
void wa_crash_install(int attempts_fd);

/*
 * Sets the calling thread's current article (borrows id until the next
 * call), or NULL for none. Also gives the thread an alternate signal
 * stack on first use, so that a stack overflow is attributed too.
 */
void wa_crash_set_article(const char *id);

#endif
