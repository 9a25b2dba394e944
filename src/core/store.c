#include "attune/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/clock.h"
#include "attune/day.h"
#include "attune/strpool.h"
#include "store_fs.h"

#define PATH_BUF 4096
/* The log is read whole; this bounds memory for a damaged or foreign file. */
#define LOG_MAX_BYTES (512u * 1024u * 1024u)

static const char *const KIND_NAMES[PRACTICE_KIND_COUNT] = {"breathing", "grounding", "cards"};

const char *practice_kind_name(PracticeKind k)
{
    return (unsigned)k < PRACTICE_KIND_COUNT ? KIND_NAMES[k] : "unknown";
}

int practice_kind_from_name(const char *s)
{
    for (int i = 0; s && i < PRACTICE_KIND_COUNT; i++)
        if (strcmp(s, KIND_NAMES[i]) == 0) return i;
    return -1;
}

/* ---- ids, stamps ---- */

static uint64_t mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

void practice_new_id(char out[PRACTICE_ID_LEN + 1])
{
    unsigned char b[16];
    size_t got = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        while (got < sizeof b) {
            ssize_t r = read(fd, b + got, sizeof b - got);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) break;
            got += (size_t)r;
        }
        close(fd);
    }
    if (got < sizeof b) {
        /* Unique enough without /dev/urandom: time, pid and a per-process counter. */
        static uint64_t counter;
        struct timespec ts = {0, 0};
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t a = mix64((uint64_t)ts.tv_sec * 1000000007ull ^ (uint64_t)ts.tv_nsec);
        uint64_t c = mix64(((uint64_t)getpid() << 32) ^ ++counter ^ a);
        for (int i = 0; i < 8; i++) {
            b[i] = (unsigned char)(a >> (8 * i));
            b[8 + i] = (unsigned char)(c >> (8 * i));
        }
    }
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++) {
        out[2 * i] = hex[b[i] >> 4];
        out[2 * i + 1] = hex[b[i] & 15];
    }
    out[PRACTICE_ID_LEN] = 0;
}

bool practice_stamp(PracticeRecord *r, time_t t)
{
    struct tm tm;
    if (!localtime_r(&t, &tm)) return false;
    int y = tm.tm_year + 1900;
    if (y < DAY_YEAR_MIN || y > DAY_YEAR_MAX) return false;
    char d[48], h[48];
    snprintf(d, sizeof d, "%04d-%02d-%02d", y, tm.tm_mon + 1, tm.tm_mday);
    snprintf(h, sizeof h, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
    memcpy(r->date, d, 10);
    r->date[10] = 0;
    memcpy(r->time, h, 8);
    r->time[8] = 0;
    r->utc_offset_min = (int)(tm.tm_gmtoff / 60);
    return true;
}

void practice_init(PracticeRecord *r, PracticeKind kind, const char *content_id, time_t started)
{
    memset(r, 0, sizeof *r);
    practice_new_id(r->id);
    if (!practice_stamp(r, started)) practice_stamp(r, clock_wall(clock_program()));
    r->kind = kind;
    if (content_id) snprintf(r->content, sizeof r->content, "%s", content_id);
    r->before = r->after = PRACTICE_NO_RATING;
}

bool practice_is_couple(const PracticeRecord *r) { return r->partner_a[0] && r->partner_b[0]; }

/* ---- JSON ---- */

cJSON *practice_to_json(const PracticeRecord *r)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    bool ok = cJSON_AddStringToObject(o, "id", r->id) &&
              cJSON_AddStringToObject(o, "date", r->date) &&
              cJSON_AddStringToObject(o, "time", r->time) &&
              cJSON_AddNumberToObject(o, "utc_offset_min", r->utc_offset_min) &&
              cJSON_AddStringToObject(o, "kind", practice_kind_name(r->kind));
    if (ok && r->content[0]) ok = cJSON_AddStringToObject(o, "content", r->content) != NULL;
    ok = ok && cJSON_AddNumberToObject(o, "duration_ms", r->duration_ms) &&
         cJSON_AddBoolToObject(o, "completed", r->completed) &&
         cJSON_AddNumberToObject(o, "count", r->count);
    if (ok && r->before >= 0) ok = cJSON_AddNumberToObject(o, "before", r->before) != NULL;
    if (ok && r->after >= 0) ok = cJSON_AddNumberToObject(o, "after", r->after) != NULL;
    if (ok && (r->partner_a[0] || r->partner_b[0])) {
        const char *names[2] = {r->partner_a, r->partner_b};
        cJSON *p = cJSON_CreateStringArray(names, 2);
        ok = p && cJSON_AddItemToObject(o, "partners", p);
        if (!ok) cJSON_Delete(p);
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

static bool is_id(const char *s, size_t max) { return jv_is_id(s, max); }

static void copy_str(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

/* Optional 0-10 rating; null counts as absent. */
static bool read_rating(JsonV *v, const cJSON *obj, const char *path, const char *key, int *out)
{
    *out = PRACTICE_NO_RATING;
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it || cJSON_IsNull(it)) return true;
    long val = 0;
    if (!jv_int(v, obj, path, key, 0, 10, false, &val)) return false;
    *out = (int)val;
    return true;
}

bool practice_from_json(JsonV *v, const cJSON *obj, const char *path, PracticeRecord *out)
{
    char kp[JV_PATH_MAX];
    memset(out, 0, sizeof *out);
    out->before = out->after = PRACTICE_NO_RATING;
    if (!cJSON_IsObject(obj)) {
        jv_error(v, path, "expected an object");
        return false;
    }
    int errors = v->errors;

    const char *id = jv_str(v, obj, path, "id", PRACTICE_ID_LEN, true);
    if (id && !is_id(id, PRACTICE_ID_LEN))
        jv_error(v, jv_key_path(kp, path, "id"), "expected 1 to %d characters of a-z, 0-9, - or _",
                 PRACTICE_ID_LEN);
    else if (id) copy_str(out->id, sizeof out->id, id);

    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, "date");
    if (!it) jv_error(v, jv_key_path(kp, path, "date"), "missing");
    else if (!cJSON_IsString(it) || day_parse(it->valuestring) == DAY_NONE)
        jv_error(v, jv_key_path(kp, path, "date"), "expected YYYY-MM-DD");
    else copy_str(out->date, sizeof out->date, it->valuestring);

    it = cJSON_GetObjectItemCaseSensitive(obj, "time");
    if (!it) jv_error(v, jv_key_path(kp, path, "time"), "missing");
    else if (!cJSON_IsString(it) || day_parse_time(it->valuestring) < 0)
        jv_error(v, jv_key_path(kp, path, "time"), "expected HH:MM:SS");
    else copy_str(out->time, sizeof out->time, it->valuestring);

    long val = 0;
    if (jv_int(v, obj, path, "utc_offset_min", -18 * 60, 18 * 60, true, &val))
        out->utc_offset_min = (int)val;

    int kind = jv_enum(v, obj, path, "kind", KIND_NAMES, PRACTICE_KIND_COUNT, true);
    if (kind >= 0) out->kind = (PracticeKind)kind;

    it = cJSON_GetObjectItemCaseSensitive(obj, "content");
    if (it && !(cJSON_IsString(it) && it->valuestring[0] == 0)) {
        const char *c = jv_id(v, obj, path, "content", false);
        if (c) copy_str(out->content, sizeof out->content, c);
    }

    val = 0;
    if (jv_int(v, obj, path, "duration_ms", 0, PRACTICE_MAX_DURATION_MS, true, &val))
        out->duration_ms = (uint32_t)val;
    jv_bool(v, obj, path, "completed", true, &out->completed);
    val = 0;
    if (jv_int(v, obj, path, "count", 0, PRACTICE_MAX_COUNT, false, &val)) out->count = (int)val;
    read_rating(v, obj, path, "before", &out->before);
    read_rating(v, obj, path, "after", &out->after);

    const cJSON *p = jv_array(v, obj, path, "partners", 2, 2, false);
    if (p) {
        char ip[JV_PATH_MAX], ap[JV_PATH_MAX];
        jv_key_path(ap, path, "partners");
        char *dst[2] = {out->partner_a, out->partner_b};
        for (int i = 0; i < 2; i++) {
            const cJSON *n = cJSON_GetArrayItem(p, i);
            jv_index_path(ip, ap, i);
            if (!cJSON_IsString(n) || !n->valuestring[0] || utf8_chars(n->valuestring) >
                                                                   PRACTICE_NAME_MAX ||
                strlen(n->valuestring) >= PRACTICE_NAME_BYTES)
                jv_error(v, ip, "expected a name of 1 to %d characters", PRACTICE_NAME_MAX);
            else copy_str(dst[i], PRACTICE_NAME_BYTES, n->valuestring);
        }
    }
    return v->errors == errors;
}

/* ---- the in-memory log ---- */

bool log_add(PracticeLog *log, const PracticeRecord *r)
{
    if (log->count == log->cap) {
        int cap = log->cap ? log->cap * 2 : 64;
        PracticeRecord *n = realloc(log->rec, (size_t)cap * sizeof *n);
        if (!n) return false;
        log->rec = n;
        log->cap = cap;
    }
    log->rec[log->count++] = *r;
    return true;
}

int log_find(const PracticeLog *log, const char *id)
{
    for (int i = 0; i < log->count; i++)
        if (strcmp(log->rec[i].id, id) == 0) return i;
    return -1;
}

void log_free(PracticeLog *log)
{
    free(log->rec);
    log->rec = NULL;
    log->count = log->cap = 0;
}

/* ---- loading ---- */

/* 1 if s[0..n) is one complete JSON value, 0 if it is a valid but unfinished beginning of one
 * (what a cut-short write leaves), -1 otherwise. */
static int json_prefix(const char *s, size_t n)
{
    enum { VALUE, VALUE_OR_END, KEY, KEY_OR_END, COLON, NEXT, DONE } st = VALUE;
    char stack[64];
    int depth = 0;
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            i++;
            continue;
        }
        bool value_done = false;
        switch (st) {
        case DONE:
            return -1;
        case COLON:
            if (c != ':') return -1;
            st = VALUE;
            i++;
            break;
        case NEXT: {
            char top = stack[depth - 1];
            if (c == ',') st = top == '{' ? KEY : VALUE;
            else if (c == (top == '{' ? '}' : ']')) { depth--; value_done = true; }
            else return -1;
            i++;
            break;
        }
        case KEY:
        case KEY_OR_END:
            if (c == '}' && st == KEY_OR_END) {
                depth--;
                value_done = true;
                i++;
                break;
            }
            if (c != '"') return -1;
            /* fallthrough: scan the key as a string */
            /* FALLTHROUGH */
        case VALUE:
        case VALUE_OR_END:
            if (c == ']' && st == VALUE_OR_END) {
                depth--;
                value_done = true;
                i++;
            } else if (c == '{' || c == '[') {
                if (depth == (int)sizeof stack) return -1;
                stack[depth++] = c;
                st = c == '{' ? KEY_OR_END : VALUE_OR_END;
                i++;
            } else if (c == '"') {
                bool key = st == KEY || st == KEY_OR_END;
                i++;
                for (;;) {
                    if (i >= n) return 0;
                    unsigned char ch = (unsigned char)s[i];
                    if (ch == '\\') i += 2;
                    else if (ch == '"') { i++; break; }
                    else if (ch < 0x20) return -1;
                    else i++;
                }
                if (key) st = COLON;
                else value_done = true;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                while (i < n && s[i] && strchr("+-0123456789.eE", s[i])) i++;
                value_done = true;
            } else if (c == 't' || c == 'f' || c == 'n') {
                const char *lit = c == 't' ? "true" : c == 'f' ? "false" : "null";
                for (size_t k = 0; lit[k]; k++, i++) {
                    if (i >= n) return 0;
                    if (s[i] != lit[k]) return -1;
                }
                value_done = true;
            } else {
                return -1;
            }
            break;
        }
        if (value_done) st = depth == 0 ? DONE : NEXT;
    }
    return st == DONE ? 1 : 0;
}

bool log_load(const char *dir, PracticeLog *out, LogReport *rep, AtDiag *diag)
{
    LogReport local;
    if (!rep) rep = &local;
    memset(rep, 0, sizeof *rep);
    memset(out, 0, sizeof *out);
    char path[PATH_BUF];
    if (!storefs_join(path, sizeof path, dir, STORE_LOG_FILE)) {
        if (diag) diag_addf(diag, "%s: folder name too long", dir);
        return false;
    }
    size_t len;
    int e = 0;
    char *buf = storefs_read_all(path, LOG_MAX_BYTES, &len, &e);
    if (!buf) {
        if (e == ENOENT) {
            rep->missing = true;
            return true;
        }
        if (diag) diag_addf(diag, "%s: cannot read your practice history: %s", path, strerror(e));
        return false;
    }

    AtDiag scratch = {0};
    char where[PATH_BUF + 32];
    int lineno = 0;
    size_t pos = 0;
    while (pos < len) {
        char *line = buf + pos;
        char *nl = memchr(line, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - line) : len - pos;
        pos += ll + (nl ? 1 : 0);
        lineno++;
        if (nl) *nl = 0;
        while (ll && (line[ll - 1] == '\r' || line[ll - 1] == ' ' || line[ll - 1] == '\t'))
            line[--ll] = 0;
        size_t lead = 0;
        while (lead < ll && (line[lead] == ' ' || line[lead] == '\t')) lead++;
        if (lead == ll) continue; /* blank */
        rep->lines++;
        int shape = memchr(line, 0, ll) ? 0 : json_prefix(line, ll);
        if (shape == 0) {
            rep->torn++;
            continue;
        }
        AtDiag *d = rep->unreadable < LOG_MAX_MESSAGES && diag ? diag : &scratch;
        snprintf(where, sizeof where, "%s: line %d", path, lineno);
        cJSON *obj = shape > 0 ? cJSON_ParseWithLength(line, ll) : NULL;
        if (!obj) {
            diag_addf(d, "%s: not valid JSON", where);
            rep->unreadable++;
            continue;
        }
        if (!cJSON_IsObject(obj)) {
            diag_addf(d, "%s: not a record (expected a JSON object)", where);
            cJSON_Delete(obj);
            rep->unreadable++;
            continue;
        }
        StrPool *pool = strpool_new();
        JsonV v = {.file = where, .diag = d, .pool = pool};
        PracticeRecord r;
        bool ok = pool && practice_from_json(&v, obj, "", &r);
        if (!pool) diag_addf(d, "%s: out of memory", where);
        cJSON_Delete(obj);
        strpool_free(pool);
        if (!ok) {
            rep->unreadable++;
            continue;
        }
        if (!log_add(out, &r)) {
            if (diag) diag_addf(diag, "%s: out of memory", path);
            break;
        }
    }
    free(buf);
    diag_free(&scratch);
    if (diag && rep->unreadable > LOG_MAX_MESSAGES)
        diag_addf(diag, "%s: %d more unreadable lines", path, rep->unreadable - LOG_MAX_MESSAGES);

    /* Drop repeated ids, keeping the first (a retried append, an interrupted import). */
    if (out->count > 1) {
        int *idx = malloc((size_t)out->count * sizeof *idx);
        char *drop = calloc((size_t)out->count, 1);
        if (idx && drop) {
            for (int i = 0; i < out->count; i++) idx[i] = i;
            /* Shell sort on (id, position): no global state needed for the comparison. */
            for (int gap = out->count / 2; gap > 0; gap /= 2)
                for (int i = gap; i < out->count; i++) {
                    int t = idx[i], j = i;
                    while (j >= gap) {
                        int c = strcmp(out->rec[idx[j - gap]].id, out->rec[t].id);
                        if (c < 0 || (c == 0 && idx[j - gap] < t)) break;
                        idx[j] = idx[j - gap];
                        j -= gap;
                    }
                    idx[j] = t;
                }
            for (int i = 1; i < out->count; i++)
                if (strcmp(out->rec[idx[i]].id, out->rec[idx[i - 1]].id) == 0) drop[idx[i]] = 1;
            int w = 0;
            for (int i = 0; i < out->count; i++) {
                if (drop[i]) rep->duplicates++;
                else out->rec[w++] = out->rec[i];
            }
            out->count = w;
        }
        free(idx);
        free(drop);
    }
    rep->loaded = out->count;
    return true;
}

const char *log_report_summary(const LogReport *rep, char *buf, size_t n)
{
    if (!n) return buf;
    if (!rep || rep->unreadable == 0) buf[0] = 0;
    else if (rep->unreadable == 1)
        snprintf(buf, n, "1 line of your practice history could not be read and was skipped; "
                         "the file was left as it is.");
    else
        snprintf(buf, n, "%d lines of your practice history could not be read and were skipped; "
                         "the file was left as it is.", rep->unreadable);
    return buf;
}

/* ---- appending ---- */

/* The record as one validated line (no newline), malloc'd; NULL with err on a bad record. */
static char *record_line(const PracticeRecord *r, char *err, size_t errlen)
{
    cJSON *o = practice_to_json(r);
    char *line = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!line) {
        if (err && errlen) snprintf(err, errlen, "out of memory");
        return NULL;
    }
    /* Refuse anything that would not load back exactly as a record. */
    cJSON *back = cJSON_Parse(line);
    AtDiag d = {0};
    StrPool *pool = strpool_new();
    JsonV v = {.file = "record", .diag = &d, .pool = pool};
    PracticeRecord check;
    bool ok = back && pool && practice_from_json(&v, back, "", &check);
    if (!ok) {
        if (err && errlen)
            snprintf(err, errlen, "not saved: %s", d.count ? d.msg[0] : "invalid record");
        cJSON_free(line);
        line = NULL;
    }
    cJSON_Delete(back);
    strpool_free(pool);
    diag_free(&d);
    return line;
}

bool log_append_many(const char *dir, const PracticeRecord *recs, int n, char *err, size_t errlen)
{
    if (err && errlen) err[0] = 0;
    if (n <= 0) return true;
    char path[PATH_BUF];
    if (!storefs_join(path, sizeof path, dir, STORE_LOG_FILE)) {
        if (err && errlen) snprintf(err, errlen, "folder name too long: %s", dir);
        return false;
    }
    /* Build the whole text first, so the file sees a single write. */
    size_t cap = 1024, len = 1; /* room for a leading newline */
    char *text = malloc(cap);
    if (!text) {
        if (err && errlen) snprintf(err, errlen, "out of memory");
        return false;
    }
    text[0] = '\n';
    for (int i = 0; i < n; i++) {
        char *line = record_line(&recs[i], err, errlen);
        if (!line) {
            free(text);
            return false;
        }
        size_t ll = strlen(line);
        if (len + ll + 2 > cap) {
            while (len + ll + 2 > cap) cap *= 2;
            char *t = realloc(text, cap);
            if (!t) {
                cJSON_free(line);
                free(text);
                if (err && errlen) snprintf(err, errlen, "out of memory");
                return false;
            }
            text = t;
        }
        memcpy(text + len, line, ll);
        len += ll;
        text[len++] = '\n';
        cJSON_free(line);
    }

    char ferr[PATH_BUF + 128];
    if (!storefs_mkdirs(dir, ferr, sizeof ferr)) {
        if (err && errlen) snprintf(err, errlen, "could not save to %s: %s", path, ferr);
        free(text);
        return false;
    }
    int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (err && errlen) snprintf(err, errlen, "could not save to %s: %s", path, strerror(errno));
        free(text);
        return false;
    }
    struct stat st;
    bool fresh = false, skip_nl = true;
    if (fstat(fd, &st) == 0) {
        fresh = st.st_size == 0;
        if (st.st_size > 0) {
            char last = '\n';
            if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
                skip_nl = false; /* a torn line: start ours on a fresh line */
        }
    }
    const char *data = skip_nl ? text + 1 : text;
    size_t dlen = skip_nl ? len - 1 : len;
    bool ok = storefs_write_fd(fd, data, dlen) && fsync(fd) == 0;
    int e = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    free(text);
    if (!ok) {
        if (err && errlen) snprintf(err, errlen, "could not save to %s: %s", path, strerror(e));
        return false;
    }
    if (fresh && !storefs_sync_parent(path)) {
        if (err && errlen)
            snprintf(err, errlen, "saved to %s, but could not sync its folder: %s", path,
                     strerror(errno));
        return false;
    }
    return true;
}

bool log_append(const char *dir, const PracticeRecord *r, char *err, size_t errlen)
{
    return log_append_many(dir, r, 1, err, errlen);
}
