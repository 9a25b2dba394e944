/* Export of the whole data folder as one JSON file (import.c reads it back).
 *
 * Export copies the log's lines as they are (keys from a newer Attune included), and keeps the
 * lines this version cannot read under "unreadable". */
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

_Static_assert(PRACTICE_ID_LEN <= IDS_ID_MAX, "an IdSet holds a record id whole");

#define PATH_BUF 4096

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

    /* The journal, under its own key (an older Attune reads past it). */
    char *journal = NULL;
    size_t njournal_bytes = 0;
    int njournal = 0;
    if (!journal_export_text(dir, &journal, &njournal_bytes, &njournal, d)) {
        diag_addf(d, "%s: nothing exported", file);
        free(x.records.s);
        free(x.unreadable.s);
        cJSON_free(settings);
        diag_free(&scratch);
        return false;
    }

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
    if (njournal) {
        text_str(&t, ",\n\"" JOURNAL_EXPORT_KEY "\":[");
        strbuf_add(&t, journal, njournal_bytes);
        text_str(&t, "\n]");
    }
    free(journal);
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
