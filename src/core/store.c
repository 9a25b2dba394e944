#include "attune/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "attune/cardmemory.h"
#include "attune/clock.h"
#include "attune/day.h"
#include "attune/strpool.h"
#include "store_fs.h"
#include "store_log.h"

#define PATH_BUF 4096
/* The log is read whole; this bounds memory for a damaged or foreign file. */
#define LOG_MAX_BYTES (512u * 1024u * 1024u)

static const char *const KIND_NAMES[PRACTICE_KIND_COUNT] = {"breathing", "grounding", "cards"};
/* Every "kind" a line may have: the practices, then the records about a practice. */
static const char *const LINE_KINDS[] = {"breathing", "grounding", "cards", "rating", "checkpoint",
                                         "choice", "favourite"};
#define LINE_KIND_COUNT 7
#define LINE_KIND_CHOICE 5 /* choice and favourite: records about a card (cardmemory.c) */

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

void practice_rating(PracticeRecord *out, const PracticeRecord *p, int after, time_t t)
{
    memset(out, 0, sizeof *out);
    practice_new_id(out->id);
    if (!practice_stamp(out, t)) {
        memcpy(out->date, p->date, sizeof out->date);
        memcpy(out->time, p->time, sizeof out->time);
        out->utc_offset_min = p->utc_offset_min;
    }
    out->type = RECORD_RATING;
    out->kind = p->kind;
    memcpy(out->practice, p->id, sizeof out->practice);
    out->before = PRACTICE_NO_RATING;
    out->after = after >= 0 && after <= 10 ? after : PRACTICE_NO_RATING;
}

void practice_checkpoint(PracticeRecord *out, const PracticeRecord *p)
{
    *out = *p;
    practice_new_id(out->id);
    out->type = RECORD_CHECKPOINT;
    memcpy(out->practice, p->id, sizeof out->practice);
    out->completed = false;
    out->after = PRACTICE_NO_RATING;
}

bool practice_is_couple(const PracticeRecord *r) { return r->partner_a[0] && r->partner_b[0]; }

/* ---- JSON ---- */

cJSON *practice_to_json(const PracticeRecord *r)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    const char *kind = r->type == RECORD_RATING       ? "rating"
                     : r->type == RECORD_CHECKPOINT ? "checkpoint"
                     : r->type == RECORD_CHOICE     ? "choice"
                     : r->type == RECORD_FAVOURITE  ? "favourite"
                                                    : practice_kind_name(r->kind);
    bool ok = cJSON_AddStringToObject(o, "id", r->id) &&
              cJSON_AddStringToObject(o, "date", r->date) &&
              cJSON_AddStringToObject(o, "time", r->time) &&
              cJSON_AddNumberToObject(o, "utc_offset_min", r->utc_offset_min) &&
              cJSON_AddStringToObject(o, "kind", kind);
    if (r->type == RECORD_CHOICE || r->type == RECORD_FAVOURITE) {
        if (!ok || !cardmemory_record_to_json(o, r)) {
            cJSON_Delete(o);
            return NULL;
        }
        return o;
    }
    if (ok && r->type != RECORD_PRACTICE)
        ok = cJSON_AddStringToObject(o, "practice", r->practice) != NULL;
    if (r->type == RECORD_RATING) {
        if (ok && r->after >= 0) ok = cJSON_AddNumberToObject(o, "after", r->after) != NULL;
        if (!ok) {
            cJSON_Delete(o);
            return NULL;
        }
        return o;
    }
    if (ok && r->type == RECORD_CHECKPOINT)
        ok = cJSON_AddStringToObject(o, "practice_kind", practice_kind_name(r->kind)) != NULL;
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

static bool is_id(const char *s, size_t max) { return jv_is_id(s) && strlen(s) <= max; }

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

    int kind = jv_enum(v, obj, path, "kind", LINE_KINDS, LINE_KIND_COUNT, true);
    if (kind >= LINE_KIND_CHOICE) {
        out->type = kind == LINE_KIND_CHOICE ? RECORD_CHOICE : RECORD_FAVOURITE;
        cardmemory_record_from_json(v, obj, path, out);
        return v->errors == errors;
    }
    if (kind >= PRACTICE_KIND_COUNT) {
        out->type = kind == PRACTICE_KIND_COUNT ? RECORD_RATING : RECORD_CHECKPOINT;
        const char *of = jv_str(v, obj, path, "practice", PRACTICE_ID_LEN, true);
        if (of && !is_id(of, PRACTICE_ID_LEN))
            jv_error(v, jv_key_path(kp, path, "practice"),
                     "expected the id of a practice (1 to %d characters of a-z, 0-9, - or _)",
                     PRACTICE_ID_LEN);
        else if (of) copy_str(out->practice, sizeof out->practice, of);
    }
    if (out->type == RECORD_RATING) {
        /* The rating of a practice: when it was given, and the answer. */
        it = cJSON_GetObjectItemCaseSensitive(obj, "after");
        if (!it) jv_error(v, jv_key_path(kp, path, "after"), "missing");
        else read_rating(v, obj, path, "after", &out->after);
        return v->errors == errors;
    }
    if (out->type == RECORD_CHECKPOINT) {
        int pk = jv_enum(v, obj, path, "practice_kind", KIND_NAMES, PRACTICE_KIND_COUNT, true);
        if (pk >= 0) out->kind = (PracticeKind)pk;
    } else if (kind >= 0) {
        out->kind = (PracticeKind)kind;
    }

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

/* The length an interrupted journaled append left the log at, or -1 when none. */
static long long journal_mark(const char *path)
{
    char jpath[PATH_BUF + 32], *text;
    size_t len;
    int e = 0;
    snprintf(jpath, sizeof jpath, "%s%s", path, STORE_JOURNAL_SUFFIX);
    if (!(text = storefs_read_all(jpath, 4096, &len, &e))) return -1;
    long long mark = -1;
    const char *k = strstr(text, "\nlength ");
    if (k) mark = strtoll(k + 8, NULL, 10);
    free(text);
    return mark >= 0 ? mark : -1;
}

bool log_scan(const char *dir, LogLineFn fn, void *ctx, LogReport *rep, AtDiag *diag)
{
    memset(rep, 0, sizeof *rep);
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
        if (diag)
            diag_addf(diag, "%s: cannot read your practice history: %s", path,
                      storefs_strerror(e));
        return false;
    }
    /* An import that was interrupted: what it wrote is not part of the history. */
    long long mark = journal_mark(path);
    if (mark >= 0 && (unsigned long long)mark < len) {
        len = (size_t)mark;
        rep->import_pending = true;
    }

    AtDiag scratch = {0};
    char where[PATH_BUF + 32];
    int lineno = 0;
    size_t pos = 0;
    bool go = true;
    while (go && pos < len) {
        diag_free(&scratch); /* messages past the first few are only counted */
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
            go = fn(ctx, LOGLINE_TORN, line, ll, NULL);
            continue;
        }
        AtDiag *d = rep->unreadable < LOG_MAX_MESSAGES && diag ? diag : &scratch;
        snprintf(where, sizeof where, "%s: line %d", path, lineno);
        cJSON *obj = shape > 0 ? cJSON_ParseWithLength(line, ll) : NULL;
        if (!obj) {
            diag_addf(d, "%s: not valid JSON", where);
            rep->unreadable++;
            go = fn(ctx, LOGLINE_UNREADABLE, line, ll, NULL);
            continue;
        }
        if (!cJSON_IsObject(obj)) {
            diag_addf(d, "%s: not a record (expected a JSON object)", where);
            cJSON_Delete(obj);
            rep->unreadable++;
            go = fn(ctx, LOGLINE_UNREADABLE, line, ll, NULL);
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
            go = fn(ctx, LOGLINE_UNREADABLE, line, ll, NULL);
            continue;
        }
        go = fn(ctx, LOGLINE_RECORD, line, ll, &r);
    }
    free(buf);
    diag_free(&scratch);
    if (diag && rep->unreadable > LOG_MAX_MESSAGES)
        diag_addf(diag, "%s: %d more unreadable lines", path, rep->unreadable - LOG_MAX_MESSAGES);
    if (!go && diag) diag_addf(diag, "%s: out of memory", path);
    return go;
}

static bool collect_record(void *ctx, LogLine kind, const char *text, size_t len,
                           const PracticeRecord *r)
{
    (void)text;
    (void)len;
    return kind != LOGLINE_RECORD || log_add(ctx, r);
}

typedef struct IdIdx {
    const char *id;
    int idx;
} IdIdx;

static int cmp_ididx(const void *a, const void *b)
{
    const IdIdx *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Index of id in the sorted table, or -1. */
static int find_id(const IdIdx *t, int n, const char *id)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2, c = strcmp(t[mid].id, id);
        if (c == 0) return t[mid].idx;
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
    }
    return -1;
}

/* Drops repeated ids keeping the first; returns how many were dropped, or -1 (out of memory). */
static int drop_repeats(PracticeLog *l)
{
    if (l->count < 2) return 0;
    IdIdx *t = malloc((size_t)l->count * sizeof *t);
    char *drop = calloc((size_t)l->count, 1);
    if (!t || !drop) {
        free(t);
        free(drop);
        return -1;
    }
    for (int i = 0; i < l->count; i++) t[i] = (IdIdx){l->rec[i].id, i};
    qsort(t, (size_t)l->count, sizeof *t, cmp_ididx);
    for (int i = 1; i < l->count; i++)
        if (strcmp(t[i].id, t[i - 1].id) == 0) drop[t[i].idx] = 1;
    int w = 0, dropped = 0;
    for (int i = 0; i < l->count; i++) {
        if (drop[i]) dropped++;
        else l->rec[w++] = l->rec[i];
    }
    l->count = w;
    free(t);
    free(drop);
    return dropped;
}

/* From all records (file order, ids unique) to practices: ratings set `after`, and a practice
 * that never got its own record is made from its longest checkpoint. */
static bool join_records(PracticeLog *all, PracticeLog *out, LogReport *rep)
{
    int n = all->count, np = 0, nc = 0;
    IdIdx *prac = malloc((size_t)(n ? n : 1) * sizeof *prac);
    IdIdx *ckpt = malloc((size_t)(n ? n : 1) * sizeof *ckpt);
    bool ok = prac && ckpt;
    for (int i = 0; ok && i < n; i++) {
        PracticeRecord *r = &all->rec[i];
        if (r->type == RECORD_PRACTICE) {
            ok = log_add(out, r);
            prac[np++] = (IdIdx){r->id, out->count - 1};
        } else if (r->type == RECORD_CHECKPOINT) {
            ckpt[nc++] = (IdIdx){r->practice, i};
        }
    }
    if (ok) {
        /* out->rec has stopped moving: point the table at its ids */
        for (int i = 0; i < np; i++) prac[i].id = out->rec[prac[i].idx].id;
        qsort(prac, (size_t)np, sizeof *prac, cmp_ididx);
        for (int i = 0; i < n; i++) {
            const PracticeRecord *r = &all->rec[i];
            if (r->type != RECORD_RATING) continue;
            int at = find_id(prac, np, r->practice);
            if (at < 0) continue; /* its practice may come later, with an import */
            out->rec[at].after = r->after;
            rep->ratings++;
        }
        qsort(ckpt, (size_t)nc, sizeof *ckpt, cmp_ididx);
        for (int i = 0; ok && i < nc;) {
            int j = i, best = ckpt[i].idx;
            for (; j < nc && strcmp(ckpt[j].id, ckpt[i].id) == 0; j++)
                if (all->rec[ckpt[j].idx].duration_ms >= all->rec[best].duration_ms)
                    best = ckpt[j].idx;
            if (find_id(prac, np, ckpt[i].id) < 0) {
                PracticeRecord r = all->rec[best];
                memcpy(r.id, r.practice, sizeof r.id);
                r.practice[0] = 0;
                r.type = RECORD_PRACTICE;
                r.completed = false;
                ok = log_add(out, &r);
                rep->from_checkpoints++;
            }
            i = j;
        }
    }
    free(prac);
    free(ckpt);
    return ok;
}

bool log_load(const char *dir, PracticeLog *out, LogReport *rep, AtDiag *diag)
{
    LogReport local;
    if (!rep) rep = &local;
    memset(out, 0, sizeof *out);
    PracticeLog all = {0};
    bool ok = log_scan(dir, collect_record, &all, rep, diag);
    if (!ok && rep->lines == 0) { /* the file could not be read */
        log_free(&all);
        return false;
    }
    int dropped = drop_repeats(&all);
    if (dropped > 0) rep->duplicates = dropped;
    if (!join_records(&all, out, rep) && diag)
        diag_addf(diag, "%s/%s: out of memory", dir, STORE_LOG_FILE);
    log_free(&all);
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

char *log_record_line(const PracticeRecord *r, char *err, size_t errlen)
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

static void txn_err(char *err, size_t errlen, const char *path, int e)
{
    if (err && errlen) snprintf(err, errlen, "could not save to %s: %s", path, storefs_strerror(e));
}

bool log_txn_begin(const char *dir, LogTxn *t, bool journal, char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    t->fd = -1;
    if (!storefs_join(t->path, sizeof t->path, dir, STORE_LOG_FILE)) {
        if (err && errlen) snprintf(err, errlen, "folder name too long: %s", dir);
        return false;
    }
    snprintf(t->journal, sizeof t->journal, "%s%s", t->path, STORE_JOURNAL_SUFFIX);
    char ferr[PATH_BUF + 128];
    if (!storefs_mkdirs(dir, ferr, sizeof ferr)) {
        if (err && errlen) snprintf(err, errlen, "could not save to %s: %s", t->path, ferr);
        return false;
    }
    int e = 0;
    t->fd = storefs_open_regular(t->path, O_RDWR | O_APPEND | O_CREAT, &e);
    if (t->fd < 0) {
        txn_err(err, errlen, t->path, e);
        return false;
    }
    while (flock(t->fd, LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        if (errno == ENOLCK || errno == EOPNOTSUPP) break; /* no locks here: go on as before */
        txn_err(err, errlen, t->path, errno);
        close(t->fd);
        t->fd = -1;
        return false;
    }
    struct stat st;
    if (fstat(t->fd, &st) != 0) {
        txn_err(err, errlen, t->path, errno);
        close(t->fd);
        t->fd = -1;
        return false;
    }
    /* An append that was interrupted (a kill, a power cut) is cut off before anything else is
     * added after it: it was never part of the history. */
    long long mark = journal_mark(t->path);
    if (mark >= 0) {
        if ((unsigned long long)mark < (unsigned long long)st.st_size) {
            if (ftruncate(t->fd, (off_t)mark) != 0 || fsync(t->fd) != 0) {
                txn_err(err, errlen, t->path, errno);
                close(t->fd);
                t->fd = -1;
                return false;
            }
            st.st_size = (off_t)mark;
        }
        unlink(t->journal);
        storefs_sync_parent(t->journal);
    }
    t->start = st.st_size;
    t->fresh = st.st_size == 0;
    if (st.st_size > 0) {
        char last = '\n';
        if (pread(t->fd, &last, 1, st.st_size - 1) == 1 && last != '\n') t->need_newline = true;
    }
    if (journal) {
        char text[128];
        int n = snprintf(text, sizeof text, "attune practice log journal\nlength %lld\n",
                         (long long)t->start);
        if (!storefs_write_atomic(t->journal, text, (size_t)n, false, ferr, sizeof ferr)) {
            if (err && errlen) snprintf(err, errlen, "could not save to %s: %s", t->path, ferr);
            unlink(t->journal);
            close(t->fd);
            t->fd = -1;
            return false;
        }
        t->journaled = true;
    }
    return true;
}

bool log_txn_write(LogTxn *t, const char *data, size_t len, char *err, size_t errlen)
{
    if (t->need_newline) {
        /* One write for the newline and the data, so a single record is still one write. */
        struct iovec iov[2] = {{"\n", 1}, {(void *)data, len}};
        ssize_t w;
        do w = writev(t->fd, iov, 2);
        while (w < 0 && errno == EINTR);
        if (w < 0) {
            txn_err(err, errlen, t->path, errno);
            return false;
        }
        t->need_newline = false;
        if (w == 0) {
            txn_err(err, errlen, t->path, EIO);
            return false;
        }
        size_t done = (size_t)w - 1;
        data += done;
        len -= done;
    }
    if (len && !storefs_write_fd(t->fd, data, len)) {
        txn_err(err, errlen, t->path, errno);
        return false;
    }
    return true;
}

void log_txn_abort(LogTxn *t)
{
    if (t->fd < 0) return;
    struct stat st;
    bool cut = fstat(t->fd, &st) == 0 &&
               (st.st_size == t->start || (ftruncate(t->fd, t->start) == 0 && fsync(t->fd) == 0));
    /* The journal goes only once the file is back as it was; until then readers ignore the
     * partial append, and the next writer cuts it off. */
    if (t->journaled && cut) {
        unlink(t->journal);
        storefs_sync_parent(t->journal);
    }
    close(t->fd);
    t->fd = -1;
}

bool log_txn_commit(LogTxn *t, char *err, size_t errlen)
{
    if (fsync(t->fd) != 0) {
        txn_err(err, errlen, t->path, errno);
        log_txn_abort(t);
        return false;
    }
    if (t->journaled) {
        /* The commit point: once the journal is gone (and that is on disk), the records are in. */
        if (unlink(t->journal) != 0 || !storefs_sync_parent(t->journal)) {
            txn_err(err, errlen, t->journal, errno);
            log_txn_abort(t);
            return false;
        }
    } else if (t->fresh && !storefs_sync_parent(t->path)) {
        if (err && errlen)
            snprintf(err, errlen, "saved to %s, but could not sync its folder: %s", t->path,
                     strerror(errno));
        close(t->fd);
        t->fd = -1;
        return false;
    }
    if (close(t->fd) != 0) {
        t->fd = -1;
        txn_err(err, errlen, t->path, errno);
        return false;
    }
    t->fd = -1;
    return true;
}

bool log_append_many(const char *dir, const PracticeRecord *recs, int n, char *err, size_t errlen)
{
    if (err && errlen) err[0] = 0;
    if (n <= 0) return true;
    /* Build the whole text first, so the file sees a single write. */
    size_t cap = 1024, len = 0;
    char *text = malloc(cap);
    if (!text) {
        if (err && errlen) snprintf(err, errlen, "out of memory");
        return false;
    }
    for (int i = 0; i < n; i++) {
        char *line = log_record_line(&recs[i], err, errlen);
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
    LogTxn t;
    bool ok = log_txn_begin(dir, &t, n > 1, err, errlen);
    if (ok && !log_txn_write(&t, text, len, err, errlen)) {
        log_txn_abort(&t);
        ok = false;
    } else if (ok) {
        ok = log_txn_commit(&t, err, errlen);
    }
    free(text);
    return ok;
}

bool log_append(const char *dir, const PracticeRecord *r, char *err, size_t errlen)
{
    return log_append_many(dir, r, 1, err, errlen);
}
