/* SPDX-License-Identifier: MIT */
/*
 * systemd readiness, status and watchdog (sd_notify). Every call is a
 * no-op when not run by systemd (NOTIFY_SOCKET unset).
 */
#ifndef WA_NOTIFY_H
#define WA_NOTIFY_H

#include <stdint.h>

void wa_notify_ready(void);
void wa_notify_reloading(void);
void wa_notify_stopping(void);
void wa_notify_status(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void wa_notify_watchdog(void);
/* Half the watchdog interval systemd asked for, in ms, or 0 if none. */
uint64_t wa_notify_watchdog_interval_ms(void);

#endif
