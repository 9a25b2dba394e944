/* A growable string: text built piece by piece (an export, the stats in words, lines of a log).
 * Zero it ({0}) to start; on out-of-memory it stops growing and says so in oom; free s. */
#ifndef ATTUNE_STRBUF_H
#define ATTUNE_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct StrBuf {
    char *s; /* NUL-terminated once anything was added */
    size_t len, cap;
    bool oom;
} StrBuf;

/* Copies src (NULL: "") into dst[n] (n > 0), cut to fit, without printf (it runs for every
 * field of every record read); returns the length copied. */
size_t str_copy(char *dst, size_t n, const char *src);

/* Appends n bytes of s. */
void strbuf_add(StrBuf *b, const char *s, size_t n);

/* Appends printf-formatted text. */
void strbuf_addf(StrBuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
