#include "attune/utf8.h"

size_t utf8_seq_len(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0) return 0;
    unsigned c = s[0];
    if (c < 0x80) return 1;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;              /* no overlong forms */
    else if (c == 0xED) len = 3, hi = 0x9F;              /* no surrogates */
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;              /* no overlong forms */
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;              /* nothing above U+10FFFF */
    else return 0;                                       /* 80-C1, F5-FF */
    if (n < len || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return len;
}

bool utf8_valid(const char *s, size_t n, size_t *bad_at)
{
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq_len(s + i, n - i);
        if (k == 0) {
            if (bad_at) *bad_at = i;
            return false;
        }
        i += k;
    }
    return true;
}

size_t utf8_chars(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; i++) chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return chars;
}

size_t utf8_back(const char *s, size_t n)
{
    while (n > 0 && ((unsigned char)s[--n] & 0xC0) == 0x80) {}
    return n;
}

size_t utf8_typographic(const char *s, char *out, size_t n)
{
    size_t len = 0;
    unsigned char prev = ' ';
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        const char *put = NULL;
        if (c == '\'' || c == '"') {
            /* Opening at the start, after a space or an opening bracket or dash. */
            bool open = prev == ' ' || prev == '\t' || prev == '\n' || prev == '(' || prev == '[' ||
                        prev == '-' || prev == 0x93 || prev == 0x94 /* the end of an en or em dash */;
            if (c == '\'') put = open ? "\u2018" : "\u2019";
            else put = open ? "\u201c" : "\u201d";
        }
        if (put) {
            for (const char *q = put; *q; q++, len++)
                if (len + 1 < n) out[len] = *q;
            prev = (unsigned char)put[2];
        } else {
            if (len + 1 < n) out[len] = (char)c;
            len++;
            prev = c;
        }
    }
    if (n) out[len < n ? len : n - 1] = '\0';
    return len;
}
