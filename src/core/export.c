/* Export and import of the whole data folder as one JSON file.
 *
 * Export copies the log's lines as they are (keys from a newer Attune included), and keeps the
 * lines this version cannot read under "unreadable". Import reads the file as a stream, one
 * record at a time, so memory stays proportional to what is kept, not to the file; it stops
 * after IMPORT_STOP_PROBLEMS problems; then it appends the new lines under the log's lock with
 * a journal, so the import is either all in or all out, whatever happens part-way. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "attune/clock.h"
#include "attune/settings.h"
#include "attune/store.h"
#include "attune/strbuf.h"
#include "attune/strpool.h"
#include "store_fs.h"
#include "store_log.h"

#define PATH_BUF 4096
/* A bad import lists at most this many problems, then how many more... */
#define IMPORT_MAX_MESSAGES 20
/* ...and stops checking after this many: the file is refused either way. */
#define IMPORT_STOP_PROBLEMS 1000
/* New lines are written to the log in pieces of about this size. */
#define IMPORT_CHUNK (1u << 20)
#define JSON_MAX_DEPTH 64

static void now_iso(char *buf, size_t n)
{
    time_t t = clock_wall(clock_program());
    struct tm tm;
    if (!localtime_r(&t, &tm)) {
        snprintf(buf, n, "unknown");
        return;
    }
    int off = (int)(tm.tm_gmtoff / 60) % (24 * 60);
    char sign = off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off / 60,
             off % 60);
}

static void text_str(StrBuf *t, const char *s) { strbuf_add(t, s, strlen(s)); }

/* ---- ids: a hash set of record ids ---- */

typedef struct IdSet {
    char (*slot)[PRACTICE_ID_LEN + 1]; /* "" = empty */
    size_t n, cap;                     /* cap: a power of two, or 0 */
} IdSet;

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

static bool ids_has(const IdSet *s, const char *id)
{
    return s->cap && s->slot[ids_find(s, id)][0];
}

/* 1: added, 0: already there, -1: out of memory. */
static int ids_put(IdSet *s, const char *id)
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

static void ids_free(IdSet *s)
{
    free(s->slot);
    memset(s, 0, sizeof *s);
}

/* ---- base64, for unreadable lines that are not text ---- */

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void b64_encode(StrBuf *t, const unsigned char *s, size_t n)
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
static unsigned char *b64_decode(const char *s, size_t *out_len)
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

/* True if s[0..n) is valid UTF-8 without control characters: it can be a JSON string. */
static bool plain_text(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x20 || c == 0x7f) return false;
        int more = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
        if (more < 0 || n - i <= (size_t)more) return false;
        for (int k = 1; k <= more; k++)
            if ((s[i + (size_t)k] & 0xC0) != 0x80) return false;
        i += (size_t)more + 1;
    }
    return true;
}

/* A JSON string literal for s[0..n) (plain text: only " and \ need escapes). */
static void json_string(StrBuf *t, const char *s, size_t n)
{
    strbuf_add(t, "\"", 1);
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '"' && s[i] != '\\') continue;
        strbuf_add(t, s + from, i - from);
        strbuf_add(t, "\\", 1);
        from = i;
    }
    strbuf_add(t, s + from, n - from);
    strbuf_add(t, "\"", 1);
}

/* ---- export ---- */

/* Where an export to `file` really goes: symbolic links followed to the file they name (which
 * may not exist yet). False with why on a loop or a name too long. */
static bool export_target(const char *file, char *out, size_t n, char *why, size_t wn)
{
    char cur[PATH_BUF], link[PATH_BUF];
    if (snprintf(cur, sizeof cur, "%s", file) >= (int)sizeof cur) {
        snprintf(why, wn, "name too long");
        return false;
    }
    for (int hops = 0; hops < 40; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) {
            /* The folder it is in, resolved; the name itself is kept. */
            const char *base = storefs_base(cur);
            char dir[PATH_BUF], real[PATH_MAX];
            if (base == cur) snprintf(dir, sizeof dir, ".");
            else if (base == cur + 1) snprintf(dir, sizeof dir, "/");
            else snprintf(dir, sizeof dir, "%.*s", (int)(base - cur - 1), cur);
            if (!realpath(dir, real)) {
                snprintf(why, wn, "%s: %s", dir, strerror(errno));
                return false;
            }
            if (!*base || !strcmp(base, ".") || !strcmp(base, "..")) {
                snprintf(why, wn, "not a file name");
                return false;
            }
            if (snprintf(out, n, "%s/%s", strcmp(real, "/") ? real : "", base) >= (int)n) {
                snprintf(why, wn, "name too long");
                return false;
            }
            return true;
        }
        ssize_t l = readlink(cur, link, sizeof link - 1);
        if (l < 0) {
            snprintf(why, wn, "%s", strerror(errno));
            return false;
        }
        link[l] = 0;
        if (link[0] == '/') snprintf(cur, sizeof cur, "%s", link);
        else {
            const char *base = storefs_base(cur);
            char next[PATH_BUF];
            if (snprintf(next, sizeof next, "%.*s%s", (int)(base - cur), cur, link) >=
                (int)sizeof next) {
                snprintf(why, wn, "name too long");
                return false;
            }
            memcpy(cur, next, sizeof cur);
        }
    }
    snprintf(why, wn, "%s", strerror(ELOOP));
    return false;
}

/* True if path (resolved, absolute) is the data folder or lies anywhere inside it: compared by
 * device and inode, folder by folder up to /, so no spelling of the name can get past. */
static bool inside_folder(const char *path, const struct stat *folder)
{
    char p[PATH_BUF];
    snprintf(p, sizeof p, "%s", path);
    struct stat st;
    if (stat(p, &st) == 0 && st.st_dev == folder->st_dev && st.st_ino == folder->st_ino)
        return true;
    for (char *slash; (slash = strrchr(p, '/'));) {
        if (slash == p) slash[1] = 0;
        else *slash = 0;
        if (stat(p, &st) == 0 && st.st_dev == folder->st_dev && st.st_ino == folder->st_ino)
            return true;
        if (slash == p) break;
    }
    return false;
}

typedef struct ExportLines {
    StrBuf records, unreadable;
    IdSet seen;
    int nrecords, nunreadable;
    bool oom;
} ExportLines;

static bool export_line(void *ctx, LogLine kind, const char *text, size_t len,
                        const PracticeRecord *r)
{
    ExportLines *x = ctx;
    if (kind == LOGLINE_RECORD) {
        /* One record per id, the first, as on load (a retried save repeats a line). */
        int put = ids_put(&x->seen, r->id);
        if (put < 0) return x->oom = true, false;
        if (put == 0) return true;
        text_str(&x->records, x->nrecords++ ? ",\n" : "\n");
        strbuf_add(&x->records, text, len); /* as it is: keys this version does not know too */
    } else {
        text_str(&x->unreadable, x->nunreadable++ ? ",\n" : "\n");
        if (plain_text((const unsigned char *)text, len)) json_string(&x->unreadable, text, len);
        else {
            text_str(&x->unreadable, "{\"base64\":\"");
            b64_encode(&x->unreadable, (const unsigned char *)text, len);
            text_str(&x->unreadable, "\"}");
        }
    }
    return !(x->records.oom || x->unreadable.oom);
}

bool store_export(const char *dir, const char *file, int *nrecords, AtDiag *diag)
{
    if (nrecords) *nrecords = 0;
    AtDiag scratch = {0};
    AtDiag *d = diag ? diag : &scratch;
    char target[PATH_BUF], why[PATH_BUF + 64];
    if (!export_target(file, target, sizeof target, why, sizeof why)) {
        diag_addf(d, "%s: not exported: %s", file, why);
        diag_free(&scratch);
        return false;
    }
    struct stat folder;
    if (stat(dir, &folder) == 0 && inside_folder(target, &folder)) {
        diag_addf(d, "%s: not exported: that is inside your data folder (%s); choose a file "
                     "outside it", file, dir);
        diag_free(&scratch);
        return false;
    }

    /* The log, line by line: records as they are; what this version cannot read is kept. */
    ExportLines x = {0};
    LogReport rep;
    if (!log_scan(dir, export_line, &x, &rep, d) || x.oom) {
        diag_addf(d, "%s: nothing exported", file);
        free(x.records.s);
        free(x.unreadable.s);
        ids_free(&x.seen);
        diag_free(&scratch);
        return false;
    }
    ids_free(&x.seen);

    Settings s;
    cJSON *raw = NULL;
    settings_peek(dir, &s, &raw, d);
    if (!raw) raw = settings_to_json(&s);
    char *settings = raw ? cJSON_PrintUnformatted(raw) : NULL;
    cJSON_Delete(raw);

    char stamp[128];
    now_iso(stamp, sizeof stamp);
    StrBuf t = {0};
    char head[256];
    snprintf(head, sizeof head, "{\"attune_export\":%d,\"exported\":\"%s\",\"settings\":",
             STORE_EXPORT_VERSION, stamp);
    text_str(&t, head);
    if (settings) text_str(&t, settings);
    else t.oom = true;
    cJSON_free(settings);
    /* One record per line: readable, and diffs well. */
    text_str(&t, ",\n\"records\":[");
    if (x.records.s) strbuf_add(&t, x.records.s, x.records.len);
    text_str(&t, "\n]");
    if (x.nunreadable) {
        text_str(&t, ",\n\"unreadable\":[");
        strbuf_add(&t, x.unreadable.s, x.unreadable.len);
        text_str(&t, "\n]");
    }
    text_str(&t, "}\n");
    bool ok = !t.oom && !x.records.oom && !x.unreadable.oom;
    free(x.records.s);
    free(x.unreadable.s);
    if (!ok) {
        free(t.s);
        diag_addf(d, "%s: out of memory, nothing exported", file);
        diag_free(&scratch);
        return false;
    }
    char err[PATH_BUF + 256];
    ok = storefs_write_atomic(target, t.s, t.len, false, err, sizeof err);
    free(t.s);
    if (!ok) {
        diag_addf(d, "%s: not exported: %s", file, err);
        diag_free(&scratch);
        return false;
    }
    if (nrecords) *nrecords = x.nrecords;
    diag_free(&scratch);
    return true;
}

/* ---- a streaming reader for the export file ---- */

typedef struct Scan {
    const char *s;
    size_t n, pos;
} Scan;

static void sc_ws(Scan *c)
{
    while (c->pos < c->n && (c->s[c->pos] == ' ' || c->s[c->pos] == '\t' ||
                             c->s[c->pos] == '\n' || c->s[c->pos] == '\r'))
        c->pos++;
}

static bool sc_lit(Scan *c, const char *lit)
{
    size_t l = strlen(lit);
    if (c->n - c->pos < l || memcmp(c->s + c->pos, lit, l) != 0) return false;
    c->pos += l;
    return true;
}

static bool sc_digits(Scan *c)
{
    size_t p = c->pos;
    while (c->pos < c->n && c->s[c->pos] >= '0' && c->s[c->pos] <= '9') c->pos++;
    return c->pos > p;
}

static bool sc_string(Scan *c)
{
    if (c->pos >= c->n || c->s[c->pos] != '"') return false;
    c->pos++;
    while (c->pos < c->n) {
        unsigned char ch = (unsigned char)c->s[c->pos];
        if (ch == '"') {
            c->pos++;
            return true;
        }
        if (ch < 0x20) return false;
        if (ch == '\\') {
            if (++c->pos >= c->n) return false;
            char e = c->s[c->pos];
            if (e == 'u') {
                for (int k = 1; k <= 4; k++) {
                    char h = c->pos + (size_t)k < c->n ? c->s[c->pos + (size_t)k] : 0;
                    if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F')))
                        return false;
                }
                c->pos += 4;
            } else if (!strchr("\"\\/bfnrt", e) || !e) {
                return false;
            }
        }
        c->pos++;
    }
    return false;
}

/* Skips one JSON value, checking its syntax. */
static bool sc_value(Scan *c, int depth)
{
    sc_ws(c);
    if (c->pos >= c->n || depth > JSON_MAX_DEPTH) return false;
    char ch = c->s[c->pos];
    if (ch == '"') return sc_string(c);
    if (ch == '{' || ch == '[') {
        char close = ch == '{' ? '}' : ']';
        c->pos++;
        sc_ws(c);
        if (c->pos < c->n && c->s[c->pos] == close) {
            c->pos++;
            return true;
        }
        for (;;) {
            if (ch == '{') {
                sc_ws(c);
                if (!sc_string(c)) return false;
                sc_ws(c);
                if (c->pos >= c->n || c->s[c->pos++] != ':') return false;
            }
            if (!sc_value(c, depth + 1)) return false;
            sc_ws(c);
            if (c->pos >= c->n) return false;
            char sep = c->s[c->pos++];
            if (sep == close) return true;
            if (sep != ',') return false;
        }
    }
    if (ch == '-' || (ch >= '0' && ch <= '9')) {
        if (ch == '-') c->pos++;
        if (c->pos < c->n && c->s[c->pos] == '0') c->pos++;
        else if (!sc_digits(c)) return false;
        if (c->pos < c->n && c->s[c->pos] == '.') {
            c->pos++;
            if (!sc_digits(c)) return false;
        }
        if (c->pos < c->n && (c->s[c->pos] == 'e' || c->s[c->pos] == 'E')) {
            c->pos++;
            if (c->pos < c->n && (c->s[c->pos] == '+' || c->s[c->pos] == '-')) c->pos++;
            if (!sc_digits(c)) return false;
        }
        return true;
    }
    return sc_lit(c, "true") || sc_lit(c, "false") || sc_lit(c, "null");
}

/* Line and column (1-based) of position pos. */
static void sc_where(const Scan *c, size_t pos, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < pos && i < c->n; i++) {
        if (c->s[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

/* What the walk over the file calls for each part. */
typedef struct ImportWalk {
    /* a top-level key's value (not "records" or "unreadable"), at s[from..to) */
    bool (*member)(void *ctx, const char *key, size_t klen, const char *v, size_t vlen);
    /* one element of "records" (index i) or "unreadable" */
    bool (*record)(void *ctx, int i, const char *v, size_t vlen);
    bool (*unreadable)(void *ctx, int i, const char *v, size_t vlen);
    void *ctx;
} ImportWalk;

static bool key_is(const char *k, size_t kl, const char *name)
{
    return kl == strlen(name) && memcmp(k, name, kl) == 0;
}

/* Walks the top-level object; false on a syntax error (*err_pos where) or when a callback
 * says stop (*err_pos = (size_t)-1). */
static bool walk_export(const char *s, size_t n, const ImportWalk *w, size_t *err_pos)
{
    Scan c = {s, n, 0};
    *err_pos = (size_t)-1;
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        c.pos = 3; /* a byte-order mark */
    sc_ws(&c);
    if (c.pos >= n || s[c.pos] != '{') goto syntax;
    c.pos++;
    sc_ws(&c);
    if (c.pos < n && s[c.pos] == '}') {
        c.pos++;
        goto end;
    }
    for (;;) {
        sc_ws(&c);
        size_t k0 = c.pos;
        if (!sc_string(&c)) goto syntax;
        const char *key = s + k0 + 1;
        size_t klen = c.pos - k0 - 2;
        sc_ws(&c);
        if (c.pos >= n || s[c.pos++] != ':') goto syntax;
        sc_ws(&c);
        bool rec = key_is(key, klen, "records"), unr = key_is(key, klen, "unreadable");
        if ((rec || unr) && c.pos < n && s[c.pos] == '[') {
            c.pos++;
            sc_ws(&c);
            int i = 0;
            if (c.pos < n && s[c.pos] == ']') c.pos++;
            else for (;;) {
                sc_ws(&c);
                size_t v0 = c.pos;
                if (!sc_value(&c, 1)) goto syntax;
                bool go = rec ? w->record(w->ctx, i, s + v0, c.pos - v0)
                              : w->unreadable(w->ctx, i, s + v0, c.pos - v0);
                if (!go) return false;
                i++;
                sc_ws(&c);
                if (c.pos >= n) goto syntax;
                char sep = s[c.pos++];
                if (sep == ']') break;
                if (sep != ',') goto syntax;
            }
            if (!w->member(w->ctx, key, klen, "[]", 2)) return false; /* (already walked) */
        } else {
            size_t v0 = c.pos;
            if (!sc_value(&c, 0)) goto syntax;
            if (!w->member(w->ctx, key, klen, s + v0, c.pos - v0)) return false;
        }
        sc_ws(&c);
        if (c.pos >= n) goto syntax;
        char sep = s[c.pos++];
        if (sep == '}') break;
        if (sep != ',') goto syntax;
    }
end:
    sc_ws(&c);
    if (c.pos == n) return true;
syntax:
    *err_pos = c.pos;
    return false;
}

/* ---- import ---- */

typedef struct Import {
    const char *file;
    AtDiag *d;            /* the caller's */
    int problems;         /* all of them; the first IMPORT_MAX_MESSAGES are in d */
    long version;
    bool has_version, has_records;
    cJSON *settings;      /* their settings object (validated), or NULL */
    int in_file;          /* records */
    int nunreadable;
    /* pass 2 */
    bool writing;
    IdSet log_ids;        /* ids already in the log */
    IdSet written;        /* ids written by this import (or repeated in the file) */
    StrBuf unreadable_here; /* the log's unreadable lines, "\n"-separated, for exact repeats */
    StrBuf out;
    LogTxn *txn;
    int added, extra_added, already, unreadable_added;
    char err[PATH_BUF + 256];
    bool failed;
} Import;

static void problem(Import *im, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void problem(Import *im, const char *fmt, ...)
{
    im->problems++;
    if (im->problems > IMPORT_MAX_MESSAGES) return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_addf(im->d, "%s: %s", im->file, msg);
}

/* Problems from a JsonV scratch list become the import's (bounded). */
static void take_problems(Import *im, AtDiag *scratch)
{
    for (int i = 0; i < scratch->count; i++) {
        im->problems++;
        if (im->problems <= IMPORT_MAX_MESSAGES) diag_addf(im->d, "%s", scratch->msg[i]);
    }
    diag_free(scratch);
}

static bool stop_checking(const Import *im) { return im->problems >= IMPORT_STOP_PROBLEMS; }

static bool on_member(void *ctx, const char *key, size_t klen, const char *v, size_t vlen)
{
    Import *im = ctx;
    if (im->writing) return true;
    if (key_is(key, klen, "records") || key_is(key, klen, "unreadable")) {
        if (vlen == 0 || v[0] != '[')
            problem(im, "%.*s: expected an array", (int)klen, key);
        im->has_records |= key_is(key, klen, "records");
    } else if (key_is(key, klen, "attune_export")) {
        cJSON *n = cJSON_ParseWithLength(v, vlen);
        double x = cJSON_IsNumber(n) ? n->valuedouble : -1;
        cJSON_Delete(n);
        im->has_version = true;
        /* Compared as a double first: a huge or infinite number never meets a cast to long. */
        if (x < 1 || x > 1e9 || x != (double)(long)x)
            problem(im, "attune_export: expected a format version (a whole number from 1)");
        else if (x > STORE_EXPORT_VERSION)
            problem(im, "attune_export: version %ld comes from a newer Attune; update first",
                    (long)x);
        else im->version = (long)x;
    } else if (key_is(key, klen, "settings")) {
        cJSON *o = cJSON_ParseWithLength(v, vlen);
        Settings theirs;
        settings_defaults(&theirs);
        AtDiag scratch = {0};
        StrPool *pool = strpool_new();
        JsonV jv = {.file = im->file, .diag = &scratch, .pool = pool};
        if (!o || !pool) problem(im, "settings: out of memory");
        else if (settings_from_json(&jv, o, "settings", &theirs) == 0) {
            cJSON_Delete(im->settings);
            im->settings = o;
            o = NULL;
        }
        take_problems(im, &scratch);
        strpool_free(pool);
        cJSON_Delete(o);
    }
    /* Other keys ("exported", or from a newer Attune) are read past. */
    return !stop_checking(im);
}

/* Parses and validates element i of "records" into *r; its object goes to *obj if wanted. */
static bool read_record(Import *im, int i, const char *v, size_t vlen, PracticeRecord *r,
                        cJSON **obj)
{
    char path[JV_PATH_MAX];
    jv_index_path(path, "records", i);
    cJSON *o = cJSON_ParseWithLength(v, vlen);
    if (!o) {
        problem(im, "%s: out of memory", path);
        return false;
    }
    AtDiag scratch = {0};
    StrPool *pool = strpool_new();
    JsonV jv = {.file = im->file, .diag = &scratch, .pool = pool};
    bool ok = pool && practice_from_json(&jv, o, path, r);
    if (!pool) problem(im, "%s: out of memory", path);
    take_problems(im, &scratch);
    strpool_free(pool);
    if (ok && obj) *obj = o;
    else cJSON_Delete(o);
    return ok;
}

static bool flush_out(Import *im, bool last)
{
    if (im->out.oom) {
        snprintf(im->err, sizeof im->err, "out of memory");
        return false;
    }
    if (!last && im->out.len < IMPORT_CHUNK) return true;
    if (im->out.len && !log_txn_write(im->txn, im->out.s, im->out.len, im->err, sizeof im->err))
        return false;
    im->out.len = 0;
    return true;
}

static bool on_record(void *ctx, int i, const char *v, size_t vlen)
{
    Import *im = ctx;
    PracticeRecord r;
    if (!im->writing) {
        im->in_file++;
        read_record(im, i, v, vlen, &r, NULL);
        return !stop_checking(im);
    }
    /* Pass 2: the file is known good. New ids go to the log, as they are in the file. */
    cJSON *o = NULL;
    if (!read_record(im, i, v, vlen, &r, &o)) return im->failed = true, false;
    if (ids_has(&im->log_ids, r.id) || ids_has(&im->written, r.id)) {
        if (r.type == RECORD_PRACTICE) im->already++;
        cJSON_Delete(o);
        return true;
    }
    char *line = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    bool ok = line && ids_put(&im->written, r.id) > 0;
    if (ok) {
        text_str(&im->out, line);
        strbuf_add(&im->out, "\n", 1);
        if (r.type == RECORD_PRACTICE) im->added++;
        else im->extra_added++;
    }
    cJSON_free(line);
    if (!ok) snprintf(im->err, sizeof im->err, "out of memory");
    if (!ok || !flush_out(im, false)) return im->failed = true, false;
    return true;
}

/* The text of an "unreadable" element (malloc'd, *len), or NULL with a problem. */
static char *unreadable_text(Import *im, int i, const char *v, size_t vlen, size_t *len)
{
    char path[JV_PATH_MAX];
    jv_index_path(path, "unreadable", i);
    cJSON *o = cJSON_ParseWithLength(v, vlen);
    char *out = NULL;
    const cJSON *b64 = cJSON_GetObjectItemCaseSensitive(o, "base64");
    if (cJSON_IsString(o)) {
        *len = strlen(o->valuestring);
        out = malloc(*len + 1);
        if (out) memcpy(out, o->valuestring, *len + 1);
    } else if (cJSON_IsString(b64)) {
        out = (char *)b64_decode(b64->valuestring, len);
        if (!out) problem(im, "%s.base64: not base64", path);
    } else {
        problem(im, "%s: expected a line of text, or {\"base64\": ...}", path);
    }
    cJSON_Delete(o);
    if (out && (memchr(out, '\n', *len) || memchr(out, '\r', *len))) {
        problem(im, "%s: expected one line", path);
        free(out);
        out = NULL;
    }
    return out;
}

/* True if the log already holds this unreadable line. */
static bool unreadable_here(const Import *im, const char *s, size_t n)
{
    const char *p = im->unreadable_here.s, *end = p ? p + im->unreadable_here.len : NULL;
    while (p && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t l = (size_t)(nl - p);
        if (l == n && memcmp(p, s, n) == 0) return true;
        p = nl + 1;
    }
    return false;
}

static bool on_unreadable(void *ctx, int i, const char *v, size_t vlen)
{
    Import *im = ctx;
    size_t len = 0;
    char *text = unreadable_text(im, i, v, vlen, &len);
    if (!im->writing) {
        im->nunreadable++;
        free(text);
        return !stop_checking(im);
    }
    if (!text) return im->failed = true, false;
    /* A line an older Attune could not read may be a record to this one: then it goes in
     * (or not) by its id, like any record. */
    cJSON *o = len ? cJSON_ParseWithLength(text, len) : NULL;
    PracticeRecord r;
    AtDiag quiet = {0};
    StrPool *pool = o ? strpool_new() : NULL;
    JsonV jv = {.file = im->file, .diag = &quiet, .pool = pool};
    bool record = pool && practice_from_json(&jv, o, "", &r);
    strpool_free(pool);
    diag_free(&quiet);
    cJSON_Delete(o);
    if (record) {
        if (!ids_has(&im->log_ids, r.id) && ids_put(&im->written, r.id) > 0) {
            strbuf_add(&im->out, text, len);
            strbuf_add(&im->out, "\n", 1);
            if (r.type == RECORD_PRACTICE) im->added++;
            else im->extra_added++;
        }
    } else if (len && !unreadable_here(im, text, len)) {
        /* Kept for a version that can read it, unless the log has it already. */
        strbuf_add(&im->out, text, len);
        strbuf_add(&im->out, "\n", 1);
        strbuf_add(&im->unreadable_here, text, len);
        strbuf_add(&im->unreadable_here, "\n", 1);
        im->unreadable_added++;
    }
    free(text);
    if (!flush_out(im, false)) return im->failed = true, false;
    return true;
}

static bool collect_log(void *ctx, LogLine kind, const char *text, size_t len,
                        const PracticeRecord *r)
{
    Import *im = ctx;
    if (kind == LOGLINE_RECORD) return ids_put(&im->log_ids, r->id) >= 0;
    if (kind == LOGLINE_UNREADABLE) {
        strbuf_add(&im->unreadable_here, text, len);
        strbuf_add(&im->unreadable_here, "\n", 1);
    }
    return !im->unreadable_here.oom;
}

static void import_free(Import *im)
{
    cJSON_Delete(im->settings);
    ids_free(&im->log_ids);
    ids_free(&im->written);
    free(im->unreadable_here.s);
    free(im->out.s);
}

bool store_import(const char *dir, const char *file, ImportResult *res, AtDiag *diag)
{
    ImportResult local;
    if (!res) res = &local;
    memset(res, 0, sizeof *res);
    AtDiag scratch = {0};
    AtDiag *d = diag ? diag : &scratch;

    /* Mapped, not read: the file's pages are the page cache's, not this process's memory. */
    int e = 0, fd = storefs_open_regular(file, O_RDONLY, &e);
    struct stat fst;
    if (fd >= 0 && fstat(fd, &fst) != 0) e = errno;
    else if (fd >= 0 && (unsigned long long)fst.st_size > STORE_IMPORT_MAX_BYTES) e = EFBIG;
    size_t len = fd >= 0 && !e ? (size_t)fst.st_size : 0;
    char *buf = len ? mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0) : (char *)"";
    if (buf == MAP_FAILED) e = errno;
    if (fd >= 0) close(fd);
    if (fd < 0 || e) {
        if (e == EFBIG)
            diag_addf(d, "%s: larger than %u bytes, not imported", file, STORE_IMPORT_MAX_BYTES);
        else diag_addf(d, "%s: cannot read: %s", file, storefs_strerror(e));
        diag_free(&scratch);
        return false;
    }

    /* 1. Check everything, one record at a time, keeping only the ids. */
    Import im = {.file = file, .d = d};
    ImportWalk w = {on_member, on_record, on_unreadable, &im};
    size_t at;
    bool syntax_ok = walk_export(buf, len, &w, &at);
    if (!syntax_ok && at != (size_t)-1) {
        int line, col;
        Scan c = {buf, len, 0};
        sc_where(&c, at, &line, &col);
        problem(&im, "line %d, column %d: not valid JSON", line, col);
    }
    if (syntax_ok && !im.has_version && !im.problems)
        problem(&im, "attune_export: missing: this is not an Attune export");
    if (syntax_ok && !im.has_records && !im.problems) problem(&im, "records: missing");
    res->in_file = im.in_file;
    if (im.problems) {
        if (im.problems > IMPORT_MAX_MESSAGES)
            diag_addf(d, "%s: %d more problem%s%s", file, im.problems - IMPORT_MAX_MESSAGES,
                      im.problems - IMPORT_MAX_MESSAGES == 1 ? "" : "s",
                      stop_checking(&im) ? " (checking stopped there)" : "");
        diag_addf(d, "%s: nothing was imported", file);
        import_free(&im);
        if (len) munmap(buf, len);
        diag_free(&scratch);
        return false;
    }

    /* 2. Under the log's lock, with a journal: only ids the log does not have yet, in file
     * order, then settings, then the commit. Any failure or a kill undoes the records. */
    LogTxn txn;
    char err[PATH_BUF + 256];
    if (!log_txn_begin(dir, &txn, true, err, sizeof err)) {
        diag_addf(d, "%s: %s; nothing was imported", file, err);
        import_free(&im);
        if (len) munmap(buf, len);
        diag_free(&scratch);
        return false;
    }
    LogReport rep;
    bool ok = log_scan(dir, collect_log, &im, &rep, NULL);
    if (!ok) snprintf(im.err, sizeof im.err, "cannot read your practice history");
    im.writing = true;
    im.txn = &txn;
    if (ok) {
        ok = walk_export(buf, len, &w, &at) && !im.failed && flush_out(&im, true);
        if (!ok && !im.err[0]) snprintf(im.err, sizeof im.err, "the file changed while reading it");
    }
    if (len) munmap(buf, len);
    bool used = false;
    int levels = 0;
    if (ok && im.settings) {
        levels = settings_import(dir, im.settings, &used, err, sizeof err);
        if (levels < 0) {
            snprintf(im.err, sizeof im.err, "%s", err);
            ok = false;
        }
    }
    if (ok) ok = log_txn_commit(&txn, im.err, sizeof im.err);
    else log_txn_abort(&txn);
    if (!ok) {
        diag_addf(d, "%s: %s; nothing was imported", file, im.err);
        import_free(&im);
        diag_free(&scratch);
        return false;
    }
    res->added = im.added;
    res->other_added = im.extra_added + im.unreadable_added;
    res->already_there = im.already;
    res->settings_used = used;
    res->levels_merged = levels > 0 ? levels : 0;
    import_free(&im);
    diag_free(&scratch);
    return true;
}
