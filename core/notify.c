/* SPDX-License-Identifier: MIT */
#include "notify.h"

#include <stdarg.h>
#include <stdio.h>
#include <systemd/sd-daemon.h>
#include <time.h>

#include "banned.h"

void wa_notify_ready(void)
{
	(void)sd_notify(0, "READY=1");
}

void wa_notify_reloading(void)
{
	struct timespec ts;
	char msg[64];

	/* MONOTONIC_USEC lets systemd >= 253 match the reload to this notification. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	snprintf(msg, sizeof(msg), "RELOADING=1\nMONOTONIC_USEC=%llu",
		 (unsigned long long)ts.tv_sec * 1000000ULL +
			 (unsigned long long)ts.tv_nsec / 1000);
	(void)sd_notify(0, msg);
}

void wa_notify_stopping(void)
{
	(void)sd_notify(0, "STOPPING=1");
}

void wa_notify_status(const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	int n = snprintf(msg, sizeof(msg), "STATUS=");

	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	(void)sd_notify(0, msg);
}

void wa_notify_watchdog(void)
{
	(void)sd_notify(0, "WATCHDOG=1");
}

uint64_t wa_notify_watchdog_interval_ms(void)
{
	uint64_t usec = 0;

	if (sd_watchdog_enabled(0, &usec) <= 0)
		return 0;
	return usec / 2000;
}
