#include "attune/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void diag_addf(AtDiag *d, const char *fmt, ...)
{
    if (d->count == d->cap) {
        int cap = d->cap ? d->cap * 2 : 8;
        char **m = realloc(d->msg, (size_t)cap * sizeof *m);
        if (!m) return;
        d->msg = m;
        d->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    char *s = malloc((size_t)n + 1);
    if (!s) return;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    d->msg[d->count++] = s;
}

void diag_free(AtDiag *d)
{
    for (int i = 0; i < d->count; i++) free(d->msg[i]);
    free(d->msg);
    d->msg = NULL;
    d->count = d->cap = 0;
}
