/* The practice log on disk: reading it line by line (torn and unreadable lines), loading it,
 * and appending to it under a lock, all or nothing (export and import share these). */
#include "store_log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "attune/strpool.h"
#include "store_fs.h"

#define PATH_BUF 4096
/* The log is read whole; this bounds memory for a damaged or foreign file. */
#define LOG_MAX_BYTES (512u * 1024u * 1024u)

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
    StrPool *pool = strpool_new(); /* one for every line, cleared after each */
    int lineno = 0;
    size_t pos = 0;
    bool go = pool != NULL;
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
        cJSON *obj = shape > 0 ? cJSON_ParseWithLength(line, ll) : NULL;
        const char *wrong = !obj ? "not valid JSON"
                            : !cJSON_IsObject(obj) ? "not a record (expected a JSON object)" : NULL;
        if (wrong) {
            diag_addf(d, "%s: line %d: %s", path, lineno, wrong);
            cJSON_Delete(obj);
            rep->unreadable++;
            go = fn(ctx, LOGLINE_UNREADABLE, line, ll, NULL);
            continue;
        }
        JsonV v = {.file = path, .line = lineno, .diag = d, .pool = pool};
        PracticeRecord r;
        bool ok = practice_from_json(&v, obj, "", &r);
        cJSON_Delete(obj);
        if (ok) go = fn(ctx, LOGLINE_RECORD, line, ll, &r);
        strpool_clear(pool);
        if (!ok) {
            rep->unreadable++;
            go = fn(ctx, LOGLINE_UNREADABLE, line, ll, NULL);
        }
    }
    strpool_free(pool);
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
static bool join_records(PracticeLog *l, LogReport *rep)
{
    int n = l->count, np = 0, nc = 0, nrec = 0;
    IdIdx *prac = malloc((size_t)(n ? n : 1) * sizeof *prac);
    IdIdx *ckpt = malloc((size_t)(n ? n : 1) * sizeof *ckpt);
    PracticeRecord *recovered = NULL;
    bool ok = prac && ckpt;
    for (int i = 0; ok && i < n; i++) {
        const PracticeRecord *r = &l->rec[i];
        if (r->type == RECORD_PRACTICE) prac[np++] = (IdIdx){r->id, i};
        else if (r->type == RECORD_CHECKPOINT) ckpt[nc++] = (IdIdx){r->practice, i};
    }
    if (ok) {
        qsort(prac, (size_t)np, sizeof *prac, cmp_ididx);
        for (int i = 0; i < n; i++) {
            const PracticeRecord *r = &l->rec[i];
            if (r->type != RECORD_RATING) continue;
            int at = find_id(prac, np, r->practice);
            if (at < 0) continue; /* its practice may come later, with an import */
            l->rec[at].after = r->after;
            rep->ratings++;
        }
        /* A practice that only its checkpoints tell of (Attune stopped before it ended): the
         * longest checkpoint stands for it. Copied out, as the records move below. */
        qsort(ckpt, (size_t)nc, sizeof *ckpt, cmp_ididx);
        for (int i = 0; ok && i < nc;) {
            int j = i, best = ckpt[i].idx;
            for (; j < nc && strcmp(ckpt[j].id, ckpt[i].id) == 0; j++)
                if (l->rec[ckpt[j].idx].duration_ms >= l->rec[best].duration_ms)
                    best = ckpt[j].idx;
            if (find_id(prac, np, ckpt[i].id) < 0) {
                PracticeRecord *grown = realloc(recovered, (size_t)(nrec + 1) * sizeof *grown);
                ok = grown != NULL;
                if (!ok) break;
                recovered = grown;
                PracticeRecord *r = &recovered[nrec++];
                *r = l->rec[best];
                memcpy(r->id, r->practice, sizeof r->id);
                r->practice[0] = 0;
                r->type = RECORD_PRACTICE;
                r->completed = false;
                rep->from_checkpoints++;
            }
            i = j;
        }
    }
    if (ok) {
        /* The practices keep their order at the front; the recovered ones follow, in the
         * room their checkpoints took. */
        int k = 0;
        for (int i = 0; i < n; i++)
            if (l->rec[i].type == RECORD_PRACTICE) {
                if (k != i) l->rec[k] = l->rec[i];
                k++;
            }
        if (nrec) memcpy(l->rec + k, recovered, (size_t)nrec * sizeof *recovered);
        l->count = k + nrec;
    }
    free(prac);
    free(ckpt);
    free(recovered);
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
    if (join_records(&all, rep)) {
        *out = all;
    } else {
        if (diag) diag_addf(diag, "%s/%s: out of memory", dir, STORE_LOG_FILE);
        log_free(&all);
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
