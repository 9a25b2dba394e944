/* Logging: one line on stderr with the program's name. At the bottom of the app: it calls
 * nothing of Attune, so any file may use it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "app_log.h"

void app_log(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("attune: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void app_log_diag(const AtDiag *d)
{
    for (int i = 0; i < d->count; i++) app_log("%s", d->msg[i]);
}

/* Milliseconds since this process was started by the kernel (for the start-up trace). */
static double ms_since_process_start(void)
{
    FILE *f = fopen("/proc/self/stat", "r");
    if (!f) return -1;
    unsigned long long start = 0;
    /* Field 22 is the start time in clock ticks since boot; skip past the command name. */
    int c, field = 2;
    while ((c = fgetc(f)) != EOF && c != ')') {}
    while (field < 22 && (c = fgetc(f)) != EOF)
        if (c == ' ') field++;
    if (fscanf(f, "%llu", &start) != 1) start = 0;
    fclose(f);
    struct timespec ts;
    clock_gettime(CLOCK_BOOTTIME, &ts);
    long hz = sysconf(_SC_CLK_TCK);
    if (!start || hz <= 0) return -1;
    return (double)ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6 - (double)start * 1000.0 / (double)hz;
}

/* CPU time (user + system) this process has used so far, in milliseconds. */
static double cpu_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0) return -1;
    return (double)ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

void app_log_stage(const char *what)
{
    static int trace = -1;
    if (trace < 0) trace = getenv("ATTUNE_TRACE_STARTUP") != NULL;
    if (trace) app_log("start-up: %s at %.1f ms (%.1f ms of CPU)", what, ms_since_process_start(), cpu_ms());
}

void app_log_first_frame(void)
{
    if (getenv("ATTUNE_TRACE_STARTUP"))
        app_log("first frame presented %.1f ms after process start (%.1f ms of CPU)",
                ms_since_process_start(), cpu_ms());
}
