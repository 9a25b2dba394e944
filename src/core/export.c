/* Export and import of the whole data folder as one JSON file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "attune/clock.h"
#include "attune/settings.h"
#include "attune/store.h"
#include "attune/strbuf.h"
#include "attune/strpool.h"
#include "store_fs.h"

#define PATH_BUF 4096
/* A bad import lists at most this many problems, then how many more. */
#define IMPORT_MAX_MESSAGES 20

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

bool store_export(const char *dir, const char *file, int *nrecords, AtDiag *diag)
{
    if (nrecords) *nrecords = 0;
    PracticeLog log = {0};
    LogReport rep;
    if (!log_load(dir, &log, &rep, diag)) {
        if (diag) diag_addf(diag, "%s: nothing exported", file);
        return false;
    }
    Settings s;
    settings_load(dir, &s, diag);

    char stamp[128];
    now_iso(stamp, sizeof stamp);
    cJSON *root = cJSON_CreateObject();
    cJSON *records = cJSON_CreateArray();
    bool ok = root && records && cJSON_AddNumberToObject(root, "attune_export", STORE_EXPORT_VERSION) &&
              cJSON_AddStringToObject(root, "exported", stamp);
    cJSON *sj = ok ? settings_to_json(&s) : NULL;
    ok = ok && sj && cJSON_AddItemToObject(root, "settings", sj);
    if (!ok) cJSON_Delete(sj);
    for (int i = 0; ok && i < log.count; i++) {
        cJSON *r = practice_to_json(&log.rec[i]);
        ok = r && cJSON_AddItemToArray(records, r);
        if (!ok) cJSON_Delete(r);
    }
    if (ok) ok = cJSON_AddItemToObject(root, "records", records);
    else cJSON_Delete(records);
    int count = log.count;
    log_free(&log);

    /* One record per line: readable, and diffs well. */
    StrBuf t = {0};
    if (ok) {
        cJSON *recs = cJSON_DetachItemFromObject(root, "records");
        char *head = cJSON_PrintUnformatted(root);
        cJSON_AddItemToObject(root, "records", recs);
        ok = head != NULL;
        if (ok) {
            strbuf_add(&t, head, strlen(head) - 1); /* without the closing brace */
            strbuf_add(&t, ",\n\"records\":[", 13);
        }
        cJSON_free(head);
        const cJSON *it;
        int i = 0;
        cJSON_ArrayForEach(it, recs) {
            char *line = cJSON_PrintUnformatted(it);
            if (!line) t.oom = true;
            else {
                if (i++) strbuf_add(&t, ",", 1);
                strbuf_add(&t, "\n", 1);
                strbuf_add(&t, line, strlen(line));
            }
            cJSON_free(line);
        }
        strbuf_add(&t, "\n]}\n", 4);
        ok = !t.oom;
    }
    char *text = t.s;
    size_t len = t.len;
    cJSON_Delete(root);
    if (!ok) {
        free(text);
        if (diag) diag_addf(diag, "%s: out of memory, nothing exported", file);
        return false;
    }
    char err[PATH_BUF + 256];
    ok = storefs_write_atomic(file, text, len, false, err, sizeof err);
    free(text);
    if (!ok) {
        if (diag) diag_addf(diag, "%s: not exported: %s", file, err);
        return false;
    }
    if (nrecords) *nrecords = count;
    return true;
}

/* ---- import ---- */

static int cmp_id(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

typedef struct IdPos {
    const char *id;
    int pos;
} IdPos;

static int cmp_idpos(const void *a, const void *b)
{
    const IdPos *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

/* Reads and parses the export file; messages name the file and a line/column. */
/* Copies to add the records whose ids are neither in have nor earlier in recs, counting the
 * others in *already. Returns how many were copied, or -1 when out of memory. */
static int keep_new(const PracticeLog *have, const PracticeRecord *recs, int nrec,
                    PracticeRecord *add, int *already)
{
    int nids = have->count, nadd = -1;
    const char **ids = nids ? malloc((size_t)nids * sizeof *ids) : NULL;
    IdPos *order = nrec ? malloc((size_t)nrec * sizeof *order) : NULL;
    char *repeat = nrec ? calloc((size_t)nrec, 1) : NULL;
    if ((nids && !ids) || (nrec && (!order || !repeat))) goto out;
    for (int i = 0; i < nids; i++) ids[i] = have->rec[i].id;
    if (nids) qsort(ids, (size_t)nids, sizeof *ids, cmp_id);
    /* Repeats inside the file: sort (id, position) pairs and keep each id's first. */
    for (int i = 0; i < nrec; i++) order[i] = (IdPos){recs[i].id, i};
    if (nrec) qsort(order, (size_t)nrec, sizeof *order, cmp_idpos);
    for (int i = 1; i < nrec; i++)
        if (strcmp(order[i].id, order[i - 1].id) == 0) repeat[order[i].pos] = 1;
    nadd = 0;
    for (int i = 0; i < nrec; i++) {
        const char *key = recs[i].id;
        if (repeat[i] || (nids && bsearch(&key, ids, (size_t)nids, sizeof *ids, cmp_id)))
            (*already)++;
        else add[nadd++] = recs[i];
    }
out:
    free(ids);
    free(order);
    free(repeat);
    return nadd;
}

static cJSON *parse_export(const char *file, AtDiag *diag)
{
    size_t len;
    int e = 0;
    char *buf = storefs_read_all(file, STORE_IMPORT_MAX_BYTES, &len, &e);
    if (!buf) {
        if (e == EFBIG)
            diag_addf(diag, "%s: larger than %u bytes, not imported", file, STORE_IMPORT_MAX_BYTES);
        else diag_addf(diag, "%s: cannot read: %s", file, strerror(e));
        return NULL;
    }
    int line, col;
    cJSON *root = jv_parse_text(buf, len, &line, &col);
    if (!root) diag_addf(diag, "%s: line %d, column %d: not valid JSON", file, line, col);
    free(buf);
    return root;
}

/* Larger counts per level from `from` into `into`; returns how many levels grew. */
static int merge_levels(Settings *into, const Settings *from)
{
    int merged = 0;
    for (int i = 0; i < from->nlevels; i++) {
        const LevelProgress *f = &from->levels[i];
        const LevelProgress *have = settings_find_level(into, f->id);
        if (have && have->seen >= f->seen && have->connected >= f->connected) continue;
        LevelProgress *l = settings_level(into, f->id);
        if (!l) continue;
        if (f->seen > l->seen) l->seen = f->seen;
        if (f->connected > l->connected) l->connected = f->connected;
        merged++;
    }
    return merged;
}

bool store_import(const char *dir, const char *file, ImportResult *res, AtDiag *diag)
{
    ImportResult local;
    if (!res) res = &local;
    memset(res, 0, sizeof *res);
    AtDiag scratch = {0};
    AtDiag *d = diag ? diag : &scratch;

    cJSON *root = parse_export(file, d);
    if (!root) {
        diag_free(&scratch);
        return false;
    }

    /* 1. Validate everything; collect problems in a private list, then report a few. */
    AtDiag problems = {0};
    StrPool *pool = strpool_new();
    JsonV v = {.file = file, .diag = &problems, .pool = pool};
    PracticeRecord *recs = NULL;
    int nrec = 0;
    Settings theirs;
    settings_defaults(&theirs);
    bool have_theirs = false;
    if (!pool) jv_error(&v, "", "out of memory");
    else if (!cJSON_IsObject(root)) jv_error(&v, "", "expected an Attune export (a JSON object)");
    else {
        long version = 0;
        const cJSON *ver = cJSON_GetObjectItemCaseSensitive(root, "attune_export");
        if (!ver) jv_error(&v, "attune_export", "missing: this is not an Attune export");
        else if (jv_int(&v, root, "", "attune_export", 1, 1000000, true, &version) &&
                 version > STORE_EXPORT_VERSION)
            jv_error(&v, "attune_export", "version %ld comes from a newer Attune; update first",
                     version);
        const cJSON *sj = cJSON_GetObjectItemCaseSensitive(root, "settings");
        if (sj) have_theirs = settings_from_json(&v, sj, "settings", &theirs) == 0;
        const cJSON *arr = jv_array(&v, root, "", "records", 0, 10000000, true);
        int n = arr ? cJSON_GetArraySize(arr) : 0;
        recs = n ? malloc((size_t)n * sizeof *recs) : NULL;
        if (n && !recs) jv_error(&v, "records", "out of memory");
        const cJSON *it;
        int i = 0;
        char ip[JV_PATH_MAX];
        if (recs) cJSON_ArrayForEach(it, arr) {
            jv_index_path(ip, "records", i++);
            if (practice_from_json(&v, it, ip, &recs[nrec])) nrec++;
        }
        res->in_file = n;
    }
    strpool_free(pool);
    cJSON_Delete(root);
    if (problems.count) {
        for (int i = 0; i < problems.count && i < IMPORT_MAX_MESSAGES; i++)
            diag_addf(d, "%s", problems.msg[i]);
        if (problems.count > IMPORT_MAX_MESSAGES)
            diag_addf(d, "%s: %d more problems", file, problems.count - IMPORT_MAX_MESSAGES);
        diag_addf(d, "%s: nothing was imported", file);
        diag_free(&problems);
        diag_free(&scratch);
        free(recs);
        return false;
    }

    /* 2. Keep only ids we do not have (nor seen earlier in the file). */
    PracticeLog have = {0};
    LogReport rep;
    if (!log_load(dir, &have, &rep, d)) {
        diag_addf(d, "%s: nothing was imported", file);
        free(recs);
        diag_free(&scratch);
        return false;
    }
    PracticeRecord *add = nrec ? malloc((size_t)nrec * sizeof *add) : NULL;
    int nadd = nrec && !add ? -1 : keep_new(&have, recs, nrec, add, &res->already_there);
    log_free(&have);
    free(recs);
    if (nadd < 0) {
        diag_addf(d, "%s: out of memory, nothing was imported", file);
        free(add);
        diag_free(&scratch);
        return false;
    }

    /* 3. Append the new records in one write. */
    char err[PATH_BUF + 256];
    bool ok = log_append_many(dir, add, nadd, err, sizeof err);
    free(add);
    if (!ok) {
        diag_addf(d, "%s: %s (importing again is safe)", file, err);
        diag_free(&scratch);
        return false;
    }
    res->added = nadd;

    /* 4. Settings: theirs only if we have none; level progress merged either way. */
    char spath[PATH_BUF];
    struct stat st;
    bool ours_exist = storefs_join(spath, sizeof spath, dir, STORE_SETTINGS_FILE) &&
                      (stat(spath, &st) == 0 || errno != ENOENT);
    if (have_theirs) {
        Settings next;
        bool save = false;
        if (!ours_exist) {
            next = theirs;
            res->settings_used = true;
            save = true;
        } else {
            settings_load(dir, &next, d);
            res->levels_merged = merge_levels(&next, &theirs);
            save = res->levels_merged > 0;
        }
        if (save && !settings_save(dir, &next, err, sizeof err)) {
            diag_addf(d, "%s: the records were imported, but %s", file, err);
            res->settings_used = false;
            res->levels_merged = 0;
            diag_free(&scratch);
            return false;
        }
    }
    diag_free(&scratch);
    return true;
}
