/* Codecs shared by export and import (export_codec.h). */
#include "export_codec.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- ids: a hash set of record ids ---- */

static size_t id_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (size_t)(h ^ (h >> 29));
}

static size_t ids_find(const IdSet *s, const char *id)
{
    size_t i = id_hash(id) & (s->cap - 1);
    while (s->slot[i][0] && strcmp(s->slot[i], id) != 0) i = (i + 1) & (s->cap - 1);
    return i;
}

bool ids_has(const IdSet *s, const char *id)
{
    return s->cap && s->slot[ids_find(s, id)][0];
}

/* 1: added, 0: already there, -1: out of memory. */
int ids_put(IdSet *s, const char *id)
{
    if ((s->n + 1) * 4 > s->cap * 3) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        IdSet bigger = {calloc(cap, sizeof *s->slot), 0, cap};
        if (!bigger.slot) return -1;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i][0]) {
                memcpy(bigger.slot[ids_find(&bigger, s->slot[i])], s->slot[i], sizeof *s->slot);
                bigger.n++;
            }
        free(s->slot);
        *s = bigger;
    }
    size_t i = ids_find(s, id);
    if (s->slot[i][0]) return 0;
    snprintf(s->slot[i], sizeof s->slot[i], "%s", id);
    s->n++;
    return 1;
}

void ids_free(IdSet *s)
{
    free(s->slot);
    memset(s, 0, sizeof *s);
}

/* ---- base64, for unreadable lines that are not text ---- */

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void b64_encode(StrBuf *t, const unsigned char *s, size_t n)
{
    char q[4];
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16 | (i + 1 < n ? (uint32_t)s[i + 1] << 8 : 0) |
                     (i + 2 < n ? s[i + 2] : 0);
        q[0] = B64[v >> 18 & 63];
        q[1] = B64[v >> 12 & 63];
        q[2] = i + 1 < n ? B64[v >> 6 & 63] : '=';
        q[3] = i + 2 < n ? B64[v & 63] : '=';
        strbuf_add(t, q, 4);
    }
}

/* Decodes base64 into a malloc'd buffer; NULL if s is not base64. */
unsigned char *b64_decode(const char *s, size_t *out_len)
{
    size_t n = strlen(s);
    if (n % 4) return NULL;
    unsigned char *out = malloc(n / 4 * 3 + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i += 4) {
        uint32_t v = 0;
        int pad = 0;
        for (int k = 0; k < 4; k++) {
            const char *p = s[i + k] ? strchr(B64, s[i + k]) : NULL;
            if (s[i + k] == '=' && i + 4 == n && k >= 2) {
                pad++;
                v <<= 6;
                continue;
            }
            if (!p || pad) {
                free(out);
                return NULL;
            }
            v = v << 6 | (uint32_t)(p - B64);
        }
        out[o++] = (unsigned char)(v >> 16);
        if (pad < 2) out[o++] = (unsigned char)(v >> 8);
        if (pad < 1) out[o++] = (unsigned char)v;
    }
    *out_len = o;
    return out;
}
