#include "attune/jsonv.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/strbuf.h"
#include "attune/utf8.h"

/* cJSON turns "\u0000" into a NUL byte that silently ends the string ("ab\u0000cd" reads as
 * "ab"). Content may not hold NUL, so each such escape inside a string is rewritten, in place
 * and at the same length, into three overlong NULs (C0 80, never well-formed UTF-8): the
 * string keeps its full length and the string checks report it with its JSON path. */
static void mark_nul_escapes(char *buf, size_t len)
{
    /* A backslash belongs inside a string (anywhere else the parse fails all the same, at the
     * same line and column), so only backslashes need looking at. */
    for (char *p = buf, *end = buf + len; (p = memchr(p, '\\', (size_t)(end - p))) != NULL;) {
        if (end - p >= 6 && memcmp(p + 1, "u0000", 5) == 0) {
            memcpy(p, JV_NUL_MARK JV_NUL_MARK JV_NUL_MARK, 6);
            p += 6;
        } else {
            p += 2; /* the escaped character, whatever it is */
            if (p > end) break;
        }
    }
}

cJSON *jv_parse_content(char *buf, size_t len, int *line, int *col)
{
    mark_nul_escapes(buf, len);
    return jv_parse_text(buf, len, line, col);
}

cJSON *jv_parse_file(const char *path, AtDiag *diag)
{
    /* Without blocking: a FIFO or a device in the content folder must not hang the start. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        diag_addf(diag, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        diag_addf(diag, "%s: not a regular file, not loaded", path);
        close(fd);
        return NULL;
    }
    if ((uintmax_t)st.st_size > JV_MAX_FILE_BYTES) {
        diag_addf(diag, "%s: larger than %u bytes, not loaded", path, JV_MAX_FILE_BYTES);
        close(fd);
        return NULL;
    }
    /* Sized to the file (one byte more shows a file that grew meanwhile), not to the limit. */
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap + 1);
    bool failed = buf == NULL;
    while (!failed && n < cap) {
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) failed = true;
        if (got <= 0) break;
        n += (size_t)got;
    }
    close(fd);
    if (failed) {
        diag_addf(diag, "%s: cannot read", path);
        free(buf);
        return NULL;
    }
    if (n > JV_MAX_FILE_BYTES || n == cap) {
        diag_addf(diag, "%s: %s, not loaded", path,
                  n > JV_MAX_FILE_BYTES ? "larger than the limit" : "changed while it was read");
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    int line, col;
    cJSON *root = jv_parse_content(buf, n, &line, &col);
    if (!root) diag_addf(diag, "%s: line %d, column %d: not valid JSON", path, line, col);
    free(buf);
    return root;
}

cJSON *jv_parse_text(const char *buf, size_t len, int *line, int *col)
{
    const char *end = NULL;
    size_t text = strlen(buf);
    cJSON *root = text == len ? cJSON_ParseWithOpts(buf, &end, 1) : NULL;
    if (root) return root;
    const char *at = text != len ? buf + text : end && end >= buf && end <= buf + len ? end : buf + len;
    *line = 1;
    *col = 1;
    for (const char *c = buf; c < at; c++) {
        if (*c == '\n') {
            ++*line;
            *col = 1;
        } else {
            ++*col;
        }
    }
    return NULL;
}

void jv_error(JsonV *v, const char *path, const char *fmt, ...)
{
    /* A hostile file could hold a million problems: the first ones say enough. */
    if (v->errors >= JV_MAX_MESSAGES) {
        v->errors++;
        return;
    }
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *where = path && *path ? path : "(top)";
    if (v->line > 0) diag_addf(v->diag, "%s: line %d: %s: %s", v->file, v->line, where, msg);
    else diag_addf(v->diag, "%s: %s: %s", v->file, where, msg);
    v->errors++;
}

/* Appends s to buf[n..cap) as printable text: control characters and bytes that are not UTF-8
 * as \xNN, the six bytes jv_parse_content puts for "\u0000" as \u0000, never a character cut
 * in half. Returns the new length. */
static size_t append_printable(char *buf, size_t n, size_t cap, const char *s, size_t *used)
{
    size_t slen = strlen(s), i = 0;
    while (i < slen && n + 1 < cap) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) { /* printable ASCII, by far the most common: as it is */
            buf[n++] = (char)c;
            i++;
            continue;
        }
        size_t k = utf8_seq_len(s + i, slen - i);
        char esc[8] = "";
        size_t take = k;
        if (slen - i >= 6 && memcmp(s + i, JV_NUL_MARK JV_NUL_MARK JV_NUL_MARK, 6) == 0) {
            snprintf(esc, sizeof esc, "\\u0000");
            take = 6;
        } else if (k == 0 || c < 0x20 || c == 0x7F) {
            snprintf(esc, sizeof esc, "\\x%02X", c);
            take = 1;
        }
        size_t out = esc[0] ? strlen(esc) : k;
        if (n + out >= cap) break;
        memcpy(buf + n, esc[0] ? esc : s + i, out);
        n += out;
        i += take;
    }
    buf[n < cap ? n : cap - 1] = 0;
    if (used) *used = i;
    return n;
}

char *jv_key_path(char *buf, const char *path, const char *key)
{
    /* Called for every field read, error or not: no printf here. */
    size_t n = str_copy(buf, JV_PATH_MAX, path);
    if (n && n < JV_PATH_MAX - 1) buf[n++] = '.';
    append_printable(buf, n, JV_PATH_MAX, key, NULL);
    return buf;
}

const char *jv_quote(char buf[JV_QUOTE_MAX], const char *s)
{
    buf[0] = '"';
    size_t used, n = append_printable(buf, 1, JV_QUOTE_MAX - 4, s, &used); /* room for "…\"" */
    if (used < strlen(s)) {
        memcpy(buf + n, "\xE2\x80\xA6", 3); /* an ellipsis */
        n += 3;
    }
    buf[n++] = '"';
    buf[n] = 0;
    return buf;
}

char *jv_index_path(char *buf, const char *path, int index)
{
    /* Called for every item read, error or not: no printf here. A path too long for the
     * buffer keeps no index (it only names a place in a message). */
    char tail[16], *t = tail + sizeof tail; /* "[N]", written from its end */
    unsigned u = index < 0 ? 0u - (unsigned)index : (unsigned)index;
    *--t = 0;
    *--t = ']';
    do *--t = (char)('0' + u % 10); while (u /= 10);
    if (index < 0) *--t = '-';
    *--t = '[';
    size_t n = str_copy(buf, JV_PATH_MAX, path), tl = strlen(t);
    if (n + tl < JV_PATH_MAX) memcpy(buf + n, t, tl + 1);
    return buf;
}

static const cJSON *field(JsonV *v, const cJSON *obj, const char *path, const char *key,
                          bool required, char *kp)
{
    jv_key_path(kp, path, key);
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it && required) jv_error(v, kp, "missing");
    return it;
}

/* Checks s[0..len) as jv_text_ok does, in one pass, and counts its characters into *chars. */
static bool text_check(JsonV *v, const char *path, const char *s, size_t len, size_t *chars)
{
    size_t n = 0;
    for (size_t i = 0; i < len; n++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        if (c < 0x80) {
            /* Text is drawn on lines the layout measures: a tab, a line break or an escape
             * code would come out as a box or break the layout. */
            jv_error(v, path, "holds a control character (U+%04X at character %zu); text is "
                     "written without tabs or line breaks", c, n + 1);
            return false;
        }
        size_t k = utf8_seq_len(s + i, len - i);
        if (k == 0) {
            if (strncmp(s + i, JV_NUL_MARK, 2) == 0)
                jv_error(v, path, "holds a NUL character (\\u0000), which text may not");
            else
                jv_error(v, path, "is not valid UTF-8 (byte %zu is 0x%02X)", i + 1, c);
            return false;
        }
        i += k;
    }
    if (chars) *chars = n;
    return true;
}

bool jv_text_ok(JsonV *v, const char *path, const char *s)
{
    return text_check(v, path, s, strlen(s), NULL);
}

const char *jv_str_item(JsonV *v, const cJSON *it, const char *path, size_t maxlen)
{
    if (!cJSON_IsString(it) || !it->valuestring) {
        jv_error(v, path, "expected a string");
        return NULL;
    }
    const char *s = it->valuestring;
    size_t len = strlen(s), chars;
    if (!text_check(v, path, s, len, &chars)) return NULL;
    /* Spaces around the text are dropped; each is one byte and one character. */
    while (isspace((unsigned char)*s)) s++, len--, chars--;
    while (len && isspace((unsigned char)s[len - 1])) len--, chars--;
    if (len == 0) {
        jv_error(v, path, "must not be empty");
        return NULL;
    }
    if (chars > maxlen) {
        jv_error(v, path, "too long (%zu characters, at most %zu)", chars, maxlen);
        return NULL;
    }
    char *r = strpool_alloc(v->pool, len + 1);
    if (r) memcpy(r, s, len);
    return r;
}

const char *jv_str(JsonV *v, const cJSON *obj, const char *path, const char *key, size_t maxlen,
                   bool required)
{
    char kp[JV_PATH_MAX];
    const cJSON *it = field(v, obj, path, key, required, kp);
    return it ? jv_str_item(v, it, kp, maxlen) : NULL;
}

const char *jv_prose(JsonV *v, const cJSON *obj, const char *path, const char *key, size_t maxlen,
                     bool required)
{
    return jv_typographic(v, jv_str(v, obj, path, key, maxlen, required));
}

const char *jv_typographic(JsonV *v, const char *s)
{
    if (!s || !strpbrk(s, "'\"")) return s;
    size_t n = utf8_typographic(s, NULL, 0) + 1;
    char *r = strpool_alloc(v->pool, n);
    if (!r) return s;
    utf8_typographic(s, r, n);
    return r;
}

bool jv_is_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!(islower((unsigned char)s[n]) || isdigit((unsigned char)s[n]) || s[n] == '-' ||
              s[n] == '_'))
            return false;
    return n >= 1 && n <= JV_ID_MAX;
}

void jv_check_keys(JsonV *v, const cJSON *obj, const char *path, const char *const *keys, int n)
{
    unsigned char seen[JV_MAX_KEYS] = {0};
    const cJSON *it;
    cJSON_ArrayForEach(it, obj) {
        const char *k = it->string;
        if (!k || k[0] == '_') continue;
        int known = -1;
        for (int i = 0; i < n && known < 0; i++)
            if (strcmp(k, keys[i]) == 0) known = i;
        char kp[JV_PATH_MAX];
        if (known < 0) {
            char list[256] = "";
            size_t len = 0;
            for (int i = 0; i < n && len < sizeof list - 1; i++)
                len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? "|" : "", keys[i]);
            jv_error(v, jv_key_path(kp, path, k), "unknown key (expected one of %s)", list);
        } else if (known < JV_MAX_KEYS && seen[known] < 2 && ++seen[known] == 2) {
            /* A repeated key would be read once and its other values silently ignored. */
            jv_error(v, jv_key_path(kp, path, k), "appears more than once in the same object");
        }
    }
}

const char *jv_id(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required)
{
    const char *s = jv_str(v, obj, path, key, JV_ID_MAX, required);
    if (s && !jv_is_id(s)) {
        char kp[JV_PATH_MAX], q[JV_QUOTE_MAX];
        jv_error(v, jv_key_path(kp, path, key), "%s is not an id (use a-z, 0-9, '-' and '_')",
                 jv_quote(q, s));
        return NULL;
    }
    return s;
}

bool jv_num(JsonV *v, const cJSON *obj, const char *path, const char *key, double min, double max,
            bool required, double *out)
{
    char kp[JV_PATH_MAX];
    const cJSON *it = field(v, obj, path, key, required, kp);
    if (!it) return !required;
    if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble)) {
        jv_error(v, kp, "expected a number");
        return false;
    }
    if (it->valuedouble < min || it->valuedouble > max) {
        jv_error(v, kp, "%g is out of range (%g to %g)", it->valuedouble, min, max);
        return false;
    }
    *out = it->valuedouble;
    return true;
}

bool jv_int(JsonV *v, const cJSON *obj, const char *path, const char *key, long min, long max,
            bool required, long *out)
{
    char kp[JV_PATH_MAX];
    const cJSON *it = field(v, obj, path, key, required, kp);
    if (!it) return !required;
    if (!cJSON_IsNumber(it) || it->valuedouble != floor(it->valuedouble)) {
        jv_error(v, kp, "expected a whole number");
        return false;
    }
    if (it->valuedouble < (double)min || it->valuedouble > (double)max) {
        jv_error(v, kp, "%g is out of range (%ld to %ld)", it->valuedouble, min, max);
        return false;
    }
    *out = (long)it->valuedouble;
    return true;
}

bool jv_bool(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
             bool *out)
{
    char kp[JV_PATH_MAX];
    const cJSON *it = field(v, obj, path, key, required, kp);
    if (!it) return !required;
    if (!cJSON_IsBool(it)) {
        jv_error(v, kp, "expected true or false");
        return false;
    }
    *out = cJSON_IsTrue(it);
    return true;
}

const cJSON *jv_array(JsonV *v, const cJSON *obj, const char *path, const char *key, int min,
                      int max, bool required)
{
    char kp[JV_PATH_MAX];
    const cJSON *it = field(v, obj, path, key, required, kp);
    if (!it) return NULL;
    if (!cJSON_IsArray(it)) {
        jv_error(v, kp, "expected an array");
        return NULL;
    }
    int n = cJSON_GetArraySize(it);
    if (n < min || n > max) {
        if (min == max) jv_error(v, kp, "expected exactly %d entries, found %d", min, n);
        else jv_error(v, kp, "expected %d to %d entries, found %d", min, max, n);
        return NULL;
    }
    return it;
}

const cJSON *jv_object(JsonV *v, const cJSON *obj, const char *path, const char *key,
                       bool required)
{
    char kp[JV_PATH_MAX];
    const cJSON *it = field(v, obj, path, key, required, kp);
    if (!it) return NULL;
    if (!cJSON_IsObject(it)) {
        jv_error(v, kp, "expected an object");
        return NULL;
    }
    return it;
}

int jv_enum(JsonV *v, const cJSON *obj, const char *path, const char *key,
            const char *const *names, int n, bool required)
{
    char kp[JV_PATH_MAX];
    const cJSON *it = field(v, obj, path, key, required, kp);
    if (!it) return required ? -1 : -2;
    if (cJSON_IsString(it) && it->valuestring) {
        for (int i = 0; i < n; i++)
            if (strcmp(it->valuestring, names[i]) == 0) return i;
    }
    char list[256] = "";
    size_t len = 0;
    for (int i = 0; i < n && len < sizeof list - 1; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? "|" : "", names[i]);
    jv_error(v, kp, "expected one of %s", list);
    return -1;
}

bool jv_str_list(JsonV *v, const cJSON *obj, const char *path, const char *key, int min, int max,
                 size_t maxlen, bool ids, const char **out, int *n)
{
    const cJSON *arr = jv_array(v, obj, path, key, min, max, true);
    if (!arr) return false;
    char kp[JV_PATH_MAX], ip[JV_PATH_MAX];
    jv_key_path(kp, path, key);
    bool ok = true;
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        jv_index_path(ip, kp, i++);
        const char *t = jv_str_item(v, it, ip, ids ? JV_ID_MAX : maxlen);
        if (t && ids && !jv_is_id(t)) {
            jv_error(v, ip, "\"%s\" is not an id (use a-z, 0-9, '-' and '_')", t);
            t = NULL;
        }
        if (!t) {
            ok = false;
            continue;
        }
        bool dup = false;
        for (int k = 0; k < *n && !dup; k++) dup = strcmp(out[k], t) == 0;
        if (dup) {
            jv_error(v, ip, "\"%s\" appears twice", t);
            ok = false;
            continue;
        }
        out[(*n)++] = t;
    }
    return ok;
}
