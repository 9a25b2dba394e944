/* Private to export and import: base64 for log lines that are not text. */
#ifndef ATTUNE_EXPORT_CODEC_H
#define ATTUNE_EXPORT_CODEC_H

#include <stdbool.h>
#include <stddef.h>

#include "attune/strbuf.h"

/* Appends the base64 of s[0..n) to t. */
void b64_encode(StrBuf *t, const unsigned char *s, size_t n);
/* Decodes base64 into a malloc'd buffer; NULL if s is not base64. */
unsigned char *b64_decode(const char *s, size_t *out_len);

#endif
