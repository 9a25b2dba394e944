/* Import of an export file (export.c writes it).
 *
 * Import reads the file as a stream, one record at a time, so memory stays proportional to
 * what is kept, not to the file; it stops after IMPORT_STOP_PROBLEMS problems; then it appends
 * the new lines under the log's lock with a journal, so the import is either all in or all
 * out, whatever happens part-way. */
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
#include "export_codec.h"
#include "ids.h"
#include "journal_export.h"
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

static void text_str(StrBuf *t, const char *s) { strbuf_add(t, s, strlen(s)); }

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
    JournalImport *journal; /* their journal lines (checked), or NULL */
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
    } else if (key_is(key, klen, JOURNAL_EXPORT_KEY)) {
        AtDiag scratch = {0};
        journal_import_check(&im->journal, im->file, v, vlen, &scratch);
        take_problems(im, &scratch);
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
    journal_import_free(im->journal);
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
    int journal_added = 0;
    if (ok) ok = journal_import_write(im.journal, dir, &journal_added, im.err, sizeof im.err);
    if (ok) ok = log_txn_commit(&txn, im.err, sizeof im.err);
    else log_txn_abort(&txn);
    if (!ok) journal_import_undo(im.journal, dir);
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
    res->journal_added = journal_added;
    import_free(&im);
    diag_free(&scratch);
    return true;
}
