#include "attune/jsonv.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cJSON *jv_parse_file(const char *path, AtDiag *diag)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_addf(diag, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = malloc(JV_MAX_FILE_BYTES + 1);
    size_t n = buf ? fread(buf, 1, JV_MAX_FILE_BYTES + 1, f) : 0;
    int rerr = ferror(f);
    fclose(f);
    if (!buf || rerr) {
        diag_addf(diag, "%s: cannot read", path);
        free(buf);
        return NULL;
    }
    if (n > JV_MAX_FILE_BYTES) {
        diag_addf(diag, "%s: larger than %u bytes, not loaded", path, JV_MAX_FILE_BYTES);
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    int line, col;
    cJSON *root = jv_parse_text(buf, n, &line, &col);
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
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_addf(v->diag, "%s: %s: %s", v->file, path && *path ? path : "(top)", msg);
    v->errors++;
}

char *jv_key_path(char *buf, const char *path, const char *key)
{
    if (path && *path) snprintf(buf, JV_PATH_MAX, "%s.%s", path, key);
    else snprintf(buf, JV_PATH_MAX, "%s", key);
    return buf;
}

char *jv_index_path(char *buf, const char *path, int index)
{
    snprintf(buf, JV_PATH_MAX, "%s[%d]", path ? path : "", index);
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

const char *jv_str(JsonV *v, const cJSON *obj, const char *path, const char *key, size_t maxlen,
                   bool required)
{
    char kp[JV_PATH_MAX];
    const cJSON *it = field(v, obj, path, key, required, kp);
    if (!it) return NULL;
    if (!cJSON_IsString(it) || !it->valuestring) {
        jv_error(v, kp, "expected a string");
        return NULL;
    }
    const char *s = it->valuestring;
    while (isspace((unsigned char)*s)) s++;
    size_t len = strlen(s);
    while (len && isspace((unsigned char)s[len - 1])) len--;
    if (len == 0) {
        jv_error(v, kp, "must not be empty");
        return NULL;
    }
    size_t chars = 0; /* UTF-8 characters, not bytes */
    for (size_t i = 0; i < len; i++) chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    if (chars > maxlen) {
        jv_error(v, kp, "too long (%zu characters, at most %zu)", chars, maxlen);
        return NULL;
    }
    char *r = strpool_alloc(v->pool, len + 1);
    if (r) memcpy(r, s, len);
    return r;
}

bool jv_is_id(const char *s, size_t max)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > max) return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
            return false;
    return true;
}

const char *jv_id(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required)
{
    const char *s = jv_str(v, obj, path, key, 40, required);
    if (!s) return NULL;
    if (!jv_is_id(s, 40)) {
        char kp[JV_PATH_MAX];
        jv_error(v, jv_key_path(kp, path, key), "\"%s\" is not an id (use a-z, 0-9, '-' and '_')", s);
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
