/* The journal (journal.h): entries and deletions appended to notes.jsonl, read back newest
 * first with the deleted ones hidden; searching; and the journal's part of export and import
 * (journal_export.h). */
#include "attune/journal.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/clock.h"
#include "attune/day.h"
#include "attune/jsonv.h"
#include "attune/store.h"
#include "attune/strbuf.h"
#include "attune/utf8.h"
#include "ids.h"
#include "journal_export.h"
#include "jsonl.h"
#include "store_fs.h"

_Static_assert(JOURNAL_ID_LEN <= IDS_ID_MAX, "an IdSet holds a journal id whole");

#define JOURNAL_MAX_BYTES (64u * 1024u * 1024u)
#define PATH_BUF 4096

static const char *const KIND_NAMES[JOURNAL_KIND_COUNT] = {"note", "feeling", "reflection"};

const char *journal_kind_name(JournalKind k)
{
    return k >= 0 && k < JOURNAL_KIND_COUNT ? KIND_NAMES[k] : "unknown";
}

void journal_copy_text(char *dst, size_t cap, const char *src)
{
    if (!cap) return;
    size_t n = src ? strlen(src) : 0;
    if (n > cap - 1) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80) n--;
    }
    if (n) memcpy(dst, src, n);
    dst[n] = 0;
}

/* Date, time and offset of local instant t; false if t cannot be converted. */
static bool stamp(time_t t, char date[11], char time_[9], int *offset)
{
    PracticeRecord r;
    memset(&r, 0, sizeof r);
    if (!practice_stamp(&r, t)) return false;
    memcpy(date, r.date, 11);
    memcpy(time_, r.time, 9);
    *offset = r.utc_offset_min;
    return true;
}

void journal_entry_init(JournalEntry *e, JournalKind kind, time_t when)
{
    memset(e, 0, sizeof *e);
    practice_new_id(e->id);
    if (!stamp(when, e->date, e->time, &e->utc_offset_min))
        stamp(clock_wall(clock_program()), e->date, e->time, &e->utc_offset_min);
    e->kind = kind;
}

static bool is_id(const char *s)
{
    return s && strlen(s) <= JOURNAL_ID_LEN && jv_is_id(s);
}

/* ---- one line ---- */

typedef enum LineType { LINE_ENTRY, LINE_DELETE, LINE_OTHER } LineType;

typedef struct Line {
    LineType type;
    JournalEntry e;                 /* LINE_OTHER and LINE_DELETE: id and date only */
    char deletes[JOURNAL_ID_LEN + 1];
    bool had_id;                    /* false: an older note, id derived from its bytes */
} Line;

#define WHY(...) (snprintf(why, whyn, __VA_ARGS__), false)

static const cJSON *item(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

/* An optional string member of at most max bytes into dst (cut on load). */
static bool opt_str(const cJSON *o, const char *key, char *dst, size_t cap, bool cut, char *why,
                    size_t whyn)
{
    const cJSON *s = item(o, key);
    if (!s) return true;
    if (!cJSON_IsString(s)) return WHY("%s: expected text", key);
    if (!utf8_valid(s->valuestring, strlen(s->valuestring), NULL)) return WHY("%s: not UTF-8 text", key);
    if (!cut && strlen(s->valuestring) >= cap) return WHY("%s: longer than %zu bytes", key, cap - 1);
    journal_copy_text(dst, cap, s->valuestring);
    return true;
}

static bool opt_int(const cJSON *o, const char *key, int min, int max, int *out, char *why,
                    size_t whyn)
{
    const cJSON *n = item(o, key);
    if (!n) return true;
    if (!cJSON_IsNumber(n) || n->valuedouble < min || n->valuedouble > max ||
        n->valuedouble != (double)(int)n->valuedouble)
        return WHY("%s: expected a whole number from %d to %d", key, min, max);
    *out = (int)n->valuedouble;
    return true;
}

static bool opt_id(const cJSON *o, const char *key, char *dst, char *why, size_t whyn)
{
    const cJSON *s = item(o, key);
    if (!s) return true;
    if (!cJSON_IsString(s) || !is_id(s->valuestring))
        return WHY("%s: expected an id (1 to %d of a-z, 0-9, _ and -)", key, JOURNAL_ID_LEN);
    snprintf(dst, JOURNAL_ID_LEN + 1, "%s", s->valuestring);
    return true;
}

/* Reads one journal line's object into *l. With need_id (an import) the id must be there.
 * False with the reason in why ("date: expected YYYY-MM-DD"). */
static bool line_from_json(const cJSON *o, Line *l, bool need_id, char *why, size_t whyn)
{
    memset(l, 0, sizeof *l);
    if (!cJSON_IsObject(o)) return WHY("expected an object");
    JournalEntry *e = &l->e;
    if (!opt_id(o, "id", e->id, why, whyn)) return false;
    l->had_id = e->id[0] != 0;
    if (need_id && !l->had_id) return WHY("id: missing");
    const cJSON *date = item(o, "date");
    if (date && (!cJSON_IsString(date) || day_parse(date->valuestring) == DAY_NONE))
        return WHY("date: expected YYYY-MM-DD");
    if (date) snprintf(e->date, sizeof e->date, "%s", date->valuestring);
    const cJSON *tm = item(o, "time");
    if (tm && (!cJSON_IsString(tm) || strlen(tm->valuestring) != 8 || day_parse_time(tm->valuestring) < 0))
        return WHY("time: expected HH:MM:SS");
    if (tm) snprintf(e->time, sizeof e->time, "%s", tm->valuestring);
    if (!opt_int(o, "utc_offset_min", -24 * 60, 24 * 60, &e->utc_offset_min, why, whyn)) return false;

    if (item(o, "deletes")) {
        if (!opt_id(o, "deletes", l->deletes, why, whyn)) return false;
        if (!l->had_id && need_id) return WHY("id: missing");
        l->type = LINE_DELETE;
        return true;
    }
    const cJSON *kind = item(o, "kind");
    int k = JOURNAL_NOTE; /* a line without a kind is a note from before the journal */
    if (kind) {
        if (!cJSON_IsString(kind)) return WHY("kind: expected note|feeling|reflection");
        for (k = 0; k < JOURNAL_KIND_COUNT && strcmp(kind->valuestring, KIND_NAMES[k]) != 0; k++) {}
        if (k == JOURNAL_KIND_COUNT) {
            /* A newer Attune's: kept as it is if it says who it is. */
            if (!l->had_id) return WHY("kind: expected note|feeling|reflection");
            l->type = LINE_OTHER;
            return true;
        }
    }
    if (!date) return WHY("date: missing");
    e->kind = (JournalKind)k;
    if (!opt_id(o, "practice", e->practice, why, whyn)) return false;
    if (k == JOURNAL_REFLECTION) {
        if (!opt_str(o, "deck", e->source, sizeof e->source, false, why, whyn) ||
            !opt_str(o, "card", e->card, sizeof e->card, false, why, whyn) ||
            !opt_str(o, "question", e->question, sizeof e->question, true, why, whyn))
            return false;
    } else {
        if (!opt_str(o, "exercise", e->source, sizeof e->source, false, why, whyn) ||
            !opt_int(o, "step", 1, 1000, &e->step, why, whyn))
            return false;
    }
    if (k == JOURNAL_FEELING) {
        const cJSON *f = item(o, "feeling");
        if (!cJSON_IsString(f) || !f->valuestring[0]) return WHY("feeling: expected a word");
        if (!opt_str(o, "feeling", e->feeling, sizeof e->feeling, false, why, whyn) ||
            !opt_int(o, "strength", 0, JOURNAL_STRENGTH_MAX, &e->strength, why, whyn))
            return false;
    } else {
        const cJSON *t = item(o, "text");
        if (!cJSON_IsString(t) || !t->valuestring[0]) return WHY("text: expected text");
        if (!opt_str(o, "text", e->text, sizeof e->text, true, why, whyn)) return false;
    }
    l->type = LINE_ENTRY;
    return true;
}

/* ---- writing ---- */

static cJSON *entry_to_json(const JournalEntry *e)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    cJSON_AddStringToObject(o, "id", e->id);
    cJSON_AddStringToObject(o, "kind", journal_kind_name(e->kind));
    cJSON_AddStringToObject(o, "date", e->date);
    if (e->time[0]) cJSON_AddStringToObject(o, "time", e->time);
    cJSON_AddNumberToObject(o, "utc_offset_min", e->utc_offset_min);
    if (e->kind == JOURNAL_REFLECTION) {
        if (e->source[0]) cJSON_AddStringToObject(o, "deck", e->source);
        if (e->card[0]) cJSON_AddStringToObject(o, "card", e->card);
        if (e->question[0]) cJSON_AddStringToObject(o, "question", e->question);
    } else {
        if (e->source[0]) cJSON_AddStringToObject(o, "exercise", e->source);
        if (e->step > 0) cJSON_AddNumberToObject(o, "step", e->step);
    }
    if (e->practice[0]) cJSON_AddStringToObject(o, "practice", e->practice);
    if (e->kind == JOURNAL_FEELING) {
        cJSON_AddStringToObject(o, "feeling", e->feeling);
        if (e->strength > 0) cJSON_AddNumberToObject(o, "strength", e->strength);
    } else {
        cJSON_AddStringToObject(o, "text", e->text);
    }
    return o;
}

/* o printed on one line, then "\n". */
static void buf_line(StrBuf *b, const cJSON *o)
{
    char *line = o ? cJSON_PrintUnformatted(o) : NULL;
    if (!line) {
        b->oom = true;
        return;
    }
    strbuf_addf(b, "%s\n", line);
    cJSON_free(line);
}

static bool append_buf(const char *dir, StrBuf *b, char *err, size_t errlen)
{
    if (b->oom) {
        free(b->s);
        if (err && errlen) snprintf(err, errlen, "out of memory");
        return false;
    }
    bool ok = jsonl_append(dir, JOURNAL_FILE, b->s, b->len, err, errlen);
    free(b->s);
    return ok;
}

bool journal_append(const char *dir, const JournalEntry *entries, int n, char *err, size_t errlen)
{
    StrBuf b = {0};
    for (int i = 0; i < n; i++) {
        cJSON *o = entry_to_json(&entries[i]);
        /* What is written must read back: the same checks as on load. */
        Line l;
        char why[200];
        if (!is_id(entries[i].id) || !line_from_json(o, &l, true, why, sizeof why)) {
            if (!is_id(entries[i].id)) snprintf(why, sizeof why, "id: expected an id");
            cJSON_Delete(o);
            free(b.s);
            if (err && errlen) snprintf(err, errlen, "not saved: entry %d: %s", i + 1, why);
            return false;
        }
        buf_line(&b, o);
        cJSON_Delete(o);
    }
    if (n == 0) {
        free(b.s);
        return true;
    }
    return append_buf(dir, &b, err, errlen);
}

bool journal_delete(const char *dir, const char *id, time_t when, char *err, size_t errlen)
{
    if (!is_id(id)) {
        if (err && errlen) snprintf(err, errlen, "not deleted: not an entry's id");
        return false;
    }
    JournalEntry d;
    journal_entry_init(&d, JOURNAL_NOTE, when);
    cJSON *o = cJSON_CreateObject();
    if (o) {
        cJSON_AddStringToObject(o, "id", d.id);
        cJSON_AddStringToObject(o, "deletes", id);
        cJSON_AddStringToObject(o, "date", d.date);
        cJSON_AddStringToObject(o, "time", d.time);
        cJSON_AddNumberToObject(o, "utc_offset_min", d.utc_offset_min);
    }
    StrBuf b = {0};
    buf_line(&b, o);
    cJSON_Delete(o);
    return append_buf(dir, &b, err, errlen);
}

/* ---- reading ---- */

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Every line of the file, read and given an id. */
typedef struct Scan {
    char path[PATH_BUF];
    Line *line;
    char **text;  /* each line's bytes (for export), or NULL when not kept */
    int count, cap;
    bool keep_text;
    IdSet derived; /* ids given to lines without one */
    int unreadable, messages;
    AtDiag *diag;
    bool oom;
} Scan;

static void scan_line(char *text, size_t len, int lineno, bool torn, void *ud)
{
    Scan *s = ud;
    cJSON *o = cJSON_ParseWithLength(text, len);
    Line l;
    char why[200] = "not JSON";
    bool ok = o && line_from_json(o, &l, false, why, sizeof why);
    cJSON_Delete(o);
    if (!ok) {
        if (torn) return; /* an interrupted write: never confirmed as saved */
        s->unreadable++;
        if (s->diag && s->messages++ < JOURNAL_MAX_MESSAGES)
            diag_addf(s->diag, "%s: line %d: %s", s->path, lineno, why);
        return;
    }
    if (!l.had_id) {
        /* A note from before ids: named by its bytes, and by which repeat of them it is. */
        char id[JOURNAL_ID_LEN + 1];
        uint64_t h = fnv(text, len);
        snprintf(id, sizeof id, "n%016llx", (unsigned long long)h);
        for (int k = 2; ids_put(&s->derived, id) == 0; k++) /* (out of memory: the last one) */
            snprintf(id, sizeof id, "n%016llx-%d", (unsigned long long)h, k);
        snprintf(l.e.id, sizeof l.e.id, "%s", id);
    }
    if (s->count == s->cap) {
        int cap = s->cap ? s->cap * 2 : 32;
        Line *g = realloc(s->line, (size_t)cap * sizeof *g);
        char **gt = g && s->keep_text ? realloc(s->text, (size_t)cap * sizeof *gt) : NULL;
        if (g) s->line = g;
        if (gt) s->text = gt;
        if (!g || (s->keep_text && !gt)) {
            s->oom = true;
            return;
        }
        s->cap = cap;
    }
    if (s->keep_text) {
        s->text[s->count] = malloc(len + 1);
        if (!s->text[s->count]) {
            s->oom = true;
            return;
        }
        memcpy(s->text[s->count], text, len + 1);
    }
    s->line[s->count++] = l;
}

static void scan_free(Scan *s)
{
    if (s->text)
        for (int i = 0; i < s->count; i++) free(s->text[i]);
    free(s->text);
    free(s->line);
    ids_free(&s->derived);
}

/* Reads DIR's journal into *s. False if it exists and cannot be read (message in diag). */
static bool scan_dir(const char *dir, Scan *s, bool keep_text, AtDiag *diag)
{
    memset(s, 0, sizeof *s);
    s->keep_text = keep_text;
    s->diag = diag;
    char *path = s->path;
    if (!storefs_join(path, sizeof s->path, dir, JOURNAL_FILE)) {
        if (diag) diag_addf(diag, "%s: folder name too long", dir);
        return false;
    }
    size_t len;
    int e = 0;
    char *buf = storefs_read_all(path, JOURNAL_MAX_BYTES, &len, &e);
    if (!buf) {
        if (e == ENOENT || e == ENOTDIR) return true;
        if (diag) diag_addf(diag, "%s: cannot read your journal: %s", path, storefs_strerror(e));
        return false;
    }
    jsonl_lines(buf, len, scan_line, s);
    free(buf);
    if (s->oom) {
        if (diag) diag_addf(diag, "%s: out of memory reading your journal", path);
        scan_free(s);
        memset(s, 0, sizeof *s);
        return false;
    }
    return true;
}

/* What each line of a scan is to the reader: shown (1), or not (0): a repeated id, a deleted
 * entry. Deletions and other kinds are 2 (kept for export), repeats 0. */
static void scan_marks(const Scan *s, signed char *mark, int *hidden, bool *oom)
{
    IdSet seen = {0}, deleted = {0};
    *oom = false;
    for (int i = 0; i < s->count; i++)
        if (s->line[i].type == LINE_DELETE && ids_put(&deleted, s->line[i].deletes) < 0) *oom = true;
    *hidden = 0;
    for (int i = 0; i < s->count; i++) {
        const Line *l = &s->line[i];
        int put = ids_put(&seen, l->e.id);
        if (put < 0) *oom = true;
        if (put <= 0) {
            mark[i] = 0; /* the first line of an id stands (a retried save repeats it) */
            continue;
        }
        if (l->type != LINE_ENTRY) mark[i] = 2;
        else if (ids_has(&deleted, l->e.id)) {
            mark[i] = 0;
            (*hidden)++;
        } else mark[i] = 1;
    }
    ids_free(&seen);
    ids_free(&deleted);
}

static int newest_first(const void *pa, const void *pb)
{
    const JournalEntry *a = pa, *b = pb;
    int c = strcmp(b->date, a->date);
    if (c) return c;
    return strcmp(b->time, a->time); /* "" (no time) sorts as the oldest of its day */
}

bool journal_load(const char *dir, Journal *out, AtDiag *diag)
{
    memset(out, 0, sizeof *out);
    Scan s;
    if (!scan_dir(dir, &s, false, diag)) return false;
    signed char *mark = malloc((size_t)s.count + 1);
    int hidden = 0;
    bool oom = !mark;
    if (mark) scan_marks(&s, mark, &hidden, &oom);
    out->entry = oom ? NULL : malloc(((size_t)s.count + 1) * sizeof *out->entry);
    if (!out->entry) {
        if (diag) diag_addf(diag, "%s: out of memory reading your journal", s.path);
        free(mark);
        scan_free(&s);
        return false;
    }
    /* File order reversed, then a stable sort by date and time: among entries of the same
     * moment (and undated-time notes of one day), the later line is the newer. */
    for (int i = s.count - 1; i >= 0; i--) {
        if (mark[i] == 1) out->entry[out->count++] = s.line[i].e;
        else if (mark[i] == 2 && s.line[i].type == LINE_OTHER) out->other++;
    }
    /* qsort is not stable: insertion sort keeps ties in order, and a journal is short. */
    for (int i = 1; i < out->count; i++) {
        JournalEntry tmp = out->entry[i];
        int j = i;
        while (j > 0 && newest_first(&out->entry[j - 1], &tmp) > 0) {
            out->entry[j] = out->entry[j - 1];
            j--;
        }
        out->entry[j] = tmp;
    }
    out->hidden = hidden;
    out->unreadable = s.unreadable;
    free(mark);
    scan_free(&s);
    return true;
}

void journal_free(Journal *j)
{
    free(j->entry);
    memset(j, 0, sizeof *j);
}

int journal_find(const Journal *j, const char *id)
{
    for (int i = 0; id && i < j->count; i++)
        if (strcmp(j->entry[i].id, id) == 0) return i;
    return -1;
}

/* ---- export and import (journal_export.h) ---- */

bool journal_export_text(const char *dir, char **out, size_t *len, int *count, AtDiag *diag)
{
    *out = NULL;
    *len = 0;
    *count = 0;
    Scan s;
    if (!scan_dir(dir, &s, true, diag)) return false;
    signed char *mark = malloc((size_t)s.count + 1);
    int hidden;
    bool oom = !mark;
    if (mark) scan_marks(&s, mark, &hidden, &oom);
    StrBuf b = {0};
    for (int i = 0; !oom && i < s.count; i++) {
        if (!mark[i]) continue;
        strbuf_addf(&b, "%s", *count ? ",\n" : "\n");
        (*count)++;
        if (s.line[i].had_id) {
            strbuf_addf(&b, "%s", s.text[i]); /* as it is: keys this version does not know too */
            continue;
        }
        cJSON *o = cJSON_Parse(s.text[i]);
        /* The derived id is written out, so a deletion made here finds it there. */
        if (o && !cJSON_AddStringToObject(o, "id", s.line[i].e.id)) oom = true;
        char *p = o ? cJSON_PrintUnformatted(o) : NULL;
        if (p) strbuf_addf(&b, "%s", p);
        else oom = true;
        cJSON_free(p);
        cJSON_Delete(o);
    }
    free(mark);
    scan_free(&s);
    if (oom || b.oom) {
        free(b.s);
        *count = 0;
        if (diag) diag_addf(diag, "%s/%s: out of memory exporting your journal", dir, JOURNAL_FILE);
        return false;
    }
    *out = b.s;
    *len = b.len;
    return true;
}

struct JournalImport {
    cJSON *lines;   /* the checked array */
    bool wrote;
    off_t before;   /* the file's length before the write, -1 if it did not exist */
};

int journal_import_check(JournalImport **ji, const char *file, const char *v, size_t vlen,
                         AtDiag *diag)
{
    if (!*ji) *ji = calloc(1, sizeof **ji);
    if (!*ji) {
        diag_addf(diag, "%s: %s: out of memory", file, JOURNAL_EXPORT_KEY);
        return 1;
    }
    cJSON *a = cJSON_ParseWithLength(v, vlen);
    if (!cJSON_IsArray(a)) {
        cJSON_Delete(a);
        diag_addf(diag, "%s: %s: expected an array", file, JOURNAL_EXPORT_KEY);
        return 1;
    }
    int problems = 0, i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, a) {
        if (problems >= 1000) break; /* the file is refused either way */
        Line l;
        char why[200];
        if (!line_from_json(it, &l, true, why, sizeof why))
            diag_addf(diag, "%s: %s[%d]%s%s", file, JOURNAL_EXPORT_KEY, i,
                      strncmp(why, "expected", 8) == 0 ? ": " : ".", why), problems++;
        i++;
    }
    if (problems) cJSON_Delete(a);
    else {
        cJSON_Delete((*ji)->lines);
        (*ji)->lines = a;
    }
    return problems;
}

bool journal_import_write(JournalImport *ji, const char *dir, int *added, char *err,
                          size_t errlen)
{
    *added = 0;
    if (!ji || !ji->lines) return true;
    AtDiag d = {0};
    Scan s;
    if (!scan_dir(dir, &s, false, &d)) {
        if (err && errlen) snprintf(err, errlen, "%s", d.count ? d.msg[d.count - 1] : "cannot read your journal");
        diag_free(&d);
        return false;
    }
    diag_free(&d);
    IdSet have = {0};
    bool oom = false;
    for (int i = 0; i < s.count; i++) oom |= ids_put(&have, s.line[i].e.id) < 0;
    StrBuf b = {0};
    const cJSON *it;
    cJSON_ArrayForEach(it, ji->lines) {
        const cJSON *id = item(it, "id");
        int put = ids_put(&have, id->valuestring);
        oom |= put < 0;
        if (put <= 0) continue; /* here already, or earlier in the file */
        buf_line(&b, it);
        (*added)++;
    }
    ids_free(&have);
    scan_free(&s);
    if (oom) b.oom = true;
    if (!*added && !b.oom) {
        free(b.s);
        return true;
    }
    char path[PATH_BUF];
    struct stat st;
    ji->before = storefs_join(path, sizeof path, dir, JOURNAL_FILE) && stat(path, &st) == 0
                     ? st.st_size : -1;
    bool ok = append_buf(dir, &b, err, errlen);
    ji->wrote = ok;
    if (!ok) *added = 0;
    return ok;
}

void journal_import_undo(JournalImport *ji, const char *dir)
{
    char path[PATH_BUF];
    if (!ji || !ji->wrote || !storefs_join(path, sizeof path, dir, JOURNAL_FILE)) return;
    if (ji->before < 0) unlink(path);
    else if (truncate(path, ji->before) != 0) return;
    ji->wrote = false;
}

void journal_import_free(JournalImport *ji)
{
    if (!ji) return;
    cJSON_Delete(ji->lines);
    free(ji);
}

