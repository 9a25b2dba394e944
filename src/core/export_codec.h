/* Private to export and import: a set of record ids, and base64 for log lines that are not
 * text. */
#ifndef ATTUNE_EXPORT_CODEC_H
#define ATTUNE_EXPORT_CODEC_H

#include <stdbool.h>
#include <stddef.h>

#include "attune/store.h"
#include "attune/strbuf.h"

/* A hash set of record ids; zero it ({0}) to start, free with ids_free. */
typedef struct IdSet {
    char (*slot)[PRACTICE_ID_LEN + 1]; /* "" = empty */
    size_t n, cap;                     /* cap: a power of two, or 0 */
} IdSet;

bool ids_has(const IdSet *s, const char *id);
/* 1: added, 0: already there, -1: out of memory. */
int ids_put(IdSet *s, const char *id);
void ids_free(IdSet *s);

/* Appends the base64 of s[0..n) to t. */
void b64_encode(StrBuf *t, const unsigned char *s, size_t n);
/* Decodes base64 into a malloc'd buffer; NULL if s is not base64. */
unsigned char *b64_decode(const char *s, size_t *out_len);

#endif
