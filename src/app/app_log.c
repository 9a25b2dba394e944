/* Logging: one line on stderr with the program's name. At the bottom of the app: it calls
 * nothing of Attune, so any file may use it. */
#include <stdarg.h>
#include <stdio.h>

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
