/* UTF-8 text: the one well-formedness check and character count shared by the content
 * validator and the scripted mode. */
#ifndef ATTUNE_UTF8_H
#define ATTUNE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Whether s[0..n) is well-formed UTF-8 (RFC 3629): no stray continuation bytes, no cut-short
 * sequences, no overlong forms (so no C0 80 for NUL), no surrogates, nothing above U+10FFFF.
 * NUL bytes inside the range are well-formed; callers that forbid them check separately.
 * On false, *bad_at (may be NULL) gets the offset of the first byte that is not. */
bool utf8_valid(const char *s, size_t n, size_t *bad_at);

/* Characters (code points) in s[0..n), assuming well-formed UTF-8: the bytes that are not
 * continuation bytes. */
size_t utf8_chars(const char *s, size_t n);

/* Length in bytes of the well-formed sequence starting at s[0..n), or 0 if there is none. */
size_t utf8_seq_len(const char *s, size_t n);

/* Where the last character of s[0..n) starts (the lead byte before its continuation bytes),
 * or 0 when n is 0: what Backspace leaves of a line of typing. */
size_t utf8_back(const char *s, size_t n);

/* Typographic quotes for prose: copies s into out (at most n bytes with the NUL), with each
 * straight ' and " replaced by its curly form: an apostrophe or a closing quote (’ ”) after a
 * letter, digit or closing punctuation, an opening one (‘ “) after a space, an opening
 * bracket or dash, or at the start. Returns the length of the result (as snprintf: the
 * length it needed, if that is n or more). */
size_t utf8_typographic(const char *s, char *out, size_t n);

#endif
