/* Validating readers for JSON content. Every problem becomes one diagnostic line of the form
 *   FILE: JSON.PATH: what was expected
 * e.g. "levels/02-regulate.json: cards[3].responses[1].style: expected one of secure|anxious|...".
 * Readers return a safe value on error (NULL, -1, false) so loaders can skip the bad entry
 * and keep loading the rest. */
#ifndef ATTUNE_JSONV_H
#define ATTUNE_JSONV_H

#include <stdbool.h>
#include <stddef.h>
#include <cjson/cJSON.h>

#include "attune/diag.h"
#include "attune/strpool.h"

/* Upper bound on a content file; larger files are refused rather than read. */
#define JV_MAX_FILE_BYTES (4u * 1024u * 1024u)
#define JV_PATH_MAX 160
#define JV_ID_MAX 40
/* At most this many messages per reader (v->errors still counts every problem). */
#define JV_MAX_MESSAGES 200
/* jv_check_keys takes at most this many known keys. */
#define JV_MAX_KEYS 32
/* An overlong NUL, never well-formed UTF-8: jv_parse_content writes three of them over the six
 * bytes of a "\u0000" escape, and the text checks report them as a NUL. */
#define JV_NUL_MARK "\xC0\x80"

typedef struct JsonV {
    const char *file;  /* shown at the start of every message */
    AtDiag *diag;
    StrPool *pool;     /* strings returned by jv_str are copied here */
    int errors;        /* count of messages this reader added */
    int line;          /* when above 0, "line N" follows the file */
} JsonV;

/* Reads and parses a whole file. On failure adds "FILE: line L, column C: ..." and returns NULL.
 * The caller owns the result (cJSON_Delete). */
cJSON *jv_parse_file(const char *path, AtDiag *diag);

/* A value quoted for a message, in buf: "like this", printable (control characters and bytes
 * that are not UTF-8 as \xNN), cut with an ellipsis when long. Returns buf. */
#define JV_QUOTE_MAX 72
const char *jv_quote(char buf[JV_QUOTE_MAX], const char *s);

/* Content text: as jv_parse_text, after rewriting each "\u0000" escape inside a string of buf
 * into JV_NUL_MARKs of the same length (cJSON would otherwise end the string there), so that
 * jv_str and jv_text_ok refuse it with its JSON path. */
cJSON *jv_parse_content(char *buf, size_t len, int *line, int *col);

/* Parses buf[0..len) (NUL-terminated at len) as exactly one JSON value. On failure returns
 * NULL with *line and *col (1-based) where parsing stopped; a NUL byte inside the text is
 * damage, reported at its position. The caller owns the result (cJSON_Delete). */
cJSON *jv_parse_text(const char *buf, size_t len, int *line, int *col);

/* Adds "FILE: PATH: message" (only the first JV_MAX_MESSAGES of a reader; all are counted). */
void jv_error(JsonV *v, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Writes "PATH.KEY" or "PATH[I]" into buf (size JV_PATH_MAX) and returns buf. Control
 * characters and bytes of the key that are not UTF-8 are written as \xNN. */
char *jv_key_path(char *buf, const char *path, const char *key);
char *jv_index_path(char *buf, const char *path, int index);

/* String field: trimmed length 1..maxlen. Returns a pool copy, or NULL (error added when the
 * field is present but wrong, or missing and required). */
const char *jv_str(JsonV *v, const cJSON *obj, const char *path, const char *key, size_t maxlen,
                   bool required);

/* A string value (an object member or an array element) at `path`: text (see jv_text_ok),
 * trimmed length 1..maxlen characters. Returns a pool copy of the trimmed text, or NULL
 * with an error added. */
/* As jv_str, for prose shown to a person: straight quotes and apostrophes become typographic
 * ones (utf8_typographic), so every screen shows them the same way. */
const char *jv_prose(JsonV *v, const cJSON *obj, const char *path, const char *key, size_t maxlen,
                     bool required);
/* s (a string of the pool) with typographic quotes, in the pool; s itself if it has none. */
const char *jv_typographic(JsonV *v, const char *s);
const char *jv_str_item(JsonV *v, const cJSON *it, const char *path, size_t maxlen);

/* Whether s is text content may hold: well-formed UTF-8 without NUL (\u0000) or any other
 * control character (tab, line break, U+007F); if not, adds one error at path saying which. */
bool jv_text_ok(JsonV *v, const char *path, const char *s);

/* Whether s is an id: 1..JV_ID_MAX characters of [a-z0-9_-]. */
bool jv_is_id(const char *s);

/* Reports every key of obj that is not in keys[0..n) (n <= JV_MAX_KEYS) as "unknown key
 * (expected one of ...)", and a known key that appears twice. Keys starting with '_' are
 * comments and pass. */
void jv_check_keys(JsonV *v, const cJSON *obj, const char *path, const char *const *keys, int n);

/* Identifier field: 1..40 chars of [a-z0-9_-]. */
const char *jv_id(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required);

/* Integer field within [min, max]. Missing and not required: *out untouched, returns true. */
bool jv_int(JsonV *v, const cJSON *obj, const char *path, const char *key, long min, long max,
            bool required, long *out);

/* Number field within [min, max]; same convention as jv_int. */
bool jv_num(JsonV *v, const cJSON *obj, const char *path, const char *key, double min, double max,
            bool required, double *out);

/* Boolean field; same convention as jv_int. */
bool jv_bool(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
             bool *out);

/* Array field with min..max elements, or NULL (error added when wrong, or missing and required). */
const cJSON *jv_array(JsonV *v, const cJSON *obj, const char *path, const char *key, int min,
                      int max, bool required);

/* Object field, or NULL. */
const cJSON *jv_object(JsonV *v, const cJSON *obj, const char *path, const char *key,
                       bool required);

/* String field that must be one of names[0..n-1]. Returns its index, or -1. Missing and not
 * required returns -2 without an error. */
int jv_enum(JsonV *v, const cJSON *obj, const char *path, const char *key,
            const char *const *names, int n, bool required);

/* obj.key: an array of min..max distinct strings (jv_str_item, at most maxlen characters
 * each; with ids, each an id as jv_is_id), appended to out[*n...] (room for max more). False
 * with errors added if any is wrong. */
bool jv_str_list(JsonV *v, const cJSON *obj, const char *path, const char *key, int min, int max,
                 size_t maxlen, bool ids, const char **out, int *n);

#endif
