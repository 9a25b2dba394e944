/* Searching the journal by word (journal.h): every word of the query must begin a word of the
 * entry, in any case, on UTF-8 text (bytes that are not UTF-8 match only themselves). */
#include "attune/journal.h"
#include "attune/utf8.h"

#include <stdint.h>
#include <string.h>

/* The next code point of s (advancing *s); a byte that is not UTF-8 stands for itself. */
static uint32_t next_cp(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    size_t n = utf8_seq_len(*s, strnlen(*s, 4));
    if (n == 0) {
        (*s)++;
        return 0x110000u + p[0]; /* outside Unicode: equal only to the same stray byte */
    }
    uint32_t c = n == 1 ? p[0] : n == 2 ? p[0] & 0x1Fu : n == 3 ? p[0] & 0x0Fu : p[0] & 0x07u;
    for (size_t i = 1; i < n; i++) c = (c << 6) | (p[i] & 0x3Fu);
    *s += n;
    return c;
}

/* Lower case of the letters of a few scripts; others as they are. */
static uint32_t fold(uint32_t c)
{
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x137 && !(c & 1)) return c + 1;
    if (c >= 0x139 && c <= 0x148 && (c & 1)) return c + 1;
    if (c >= 0x14A && c <= 0x177 && !(c & 1)) return c + 1;
    if (c == 0x178) return 0xFF;
    if (c >= 0x179 && c <= 0x17E && (c & 1)) return c + 1;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
    if (c == 0x3C2) return 0x3C3; /* final sigma */
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

/* Part of a word: letters and digits of ASCII, anything beyond ASCII but a few spaces and
 * quotes (so "café" and "naïve" are single words, and a curly quote is not). */
static bool word_char(uint32_t c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == 0xA0 || (c >= 0x2000 && c <= 0x206F) || c == 0x3000 || c == 0xAB || c == 0xBB ||
        c == 0xBF || c == 0xA1)
        return false;
    return true;
}

#define WORD_MAX 64

/* The next word of *s, folded, into w (at most WORD_MAX code points kept); its length, 0 at
 * the end. */
static int next_word(const char **s, uint32_t *w)
{
    int n = 0;
    while (**s) {
        const char *at = *s;
        uint32_t c = next_cp(s);
        if (word_char(c)) {
            *s = at;
            break;
        }
    }
    while (**s) {
        const char *at = *s;
        uint32_t c = next_cp(s);
        if (!word_char(c)) {
            *s = at;
            break;
        }
        if (n < WORD_MAX) w[n++] = fold(c);
    }
    return n;
}

/* Whether some word of text begins with q[0..qn). */
static bool has_word_starting(const char *text, const uint32_t *q, int qn)
{
    uint32_t w[WORD_MAX];
    int n;
    while ((n = next_word(&text, w)) > 0) {
        if (n < qn) continue;
        int i = 0;
        while (i < qn && w[i] == q[i]) i++;
        if (i == qn) return true;
    }
    return false;
}

bool journal_entry_matches(const JournalEntry *e, const char *query)
{
    uint32_t q[WORD_MAX];
    int n;
    const char *s = query ? query : "";
    while ((n = next_word(&s, q)) > 0) {
        if (!has_word_starting(e->text, q, n) && !has_word_starting(e->feeling, q, n) &&
            !has_word_starting(e->question, q, n))
            return false;
    }
    return true;
}

int journal_search(const Journal *j, const char *query, int *idx)
{
    int n = 0;
    for (int i = 0; i < j->count; i++)
        if (journal_entry_matches(&j->entry[i], query)) idx[n++] = i;
    return n;
}
