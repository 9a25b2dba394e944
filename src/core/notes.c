#include "attune/notes.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/day.h"
#include "attune/strbuf.h"
#include "jsonl.h"
#include "store_fs.h"

#define NOTES_MAX_BYTES (64u * 1024u * 1024u)

/* s cut to at most max bytes, on a UTF-8 character boundary. */
static size_t cut_utf8(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) max--;
    return max;
}

bool notes_append(const char *dir, const char *exercise, const int *steps,
                  const char *const *texts, int n, time_t when, char *err, size_t errlen)
{
    char date[11] = "";
    day_format(day_now(when, 0), date);
    if (n <= 0) return true;
    StrBuf out = {0};
    for (int i = 0; i < n && !out.oom; i++) {
        char text[NOTE_TEXT_MAX + 1];
        size_t tl = cut_utf8(texts[i], NOTE_TEXT_MAX);
        memcpy(text, texts[i], tl);
        text[tl] = 0;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "date", date);
        cJSON_AddStringToObject(o, "exercise", exercise);
        cJSON_AddNumberToObject(o, "step", steps[i]);
        cJSON_AddStringToObject(o, "text", text);
        char *line = cJSON_PrintUnformatted(o);
        cJSON_Delete(o);
        if (!line) out.oom = true;
        else strbuf_addf(&out, "%s\n", line);
        cJSON_free(line);
    }
    if (out.oom || !out.s) {
        free(out.s);
        if (err && errlen) snprintf(err, errlen, "out of memory");
        return false;
    }
    bool ok = jsonl_append(dir, NOTES_FILE, out.s, out.len, err, errlen);
    free(out.s);
    return ok;
}

static bool note_from_json(const cJSON *o, Note *n)
{
    const cJSON *date = cJSON_GetObjectItemCaseSensitive(o, "date");
    const cJSON *ex = cJSON_GetObjectItemCaseSensitive(o, "exercise");
    const cJSON *step = cJSON_GetObjectItemCaseSensitive(o, "step");
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
    if (!cJSON_IsString(date) || day_parse(date->valuestring) == DAY_NONE || !cJSON_IsString(ex) ||
        strlen(ex->valuestring) > NOTE_EXERCISE_MAX || !cJSON_IsNumber(step) || step->valuedouble < 1 ||
        step->valuedouble > 1000 || !cJSON_IsString(text))
        return false;
    memset(n, 0, sizeof *n);
    snprintf(n->date, sizeof n->date, "%s", date->valuestring);
    snprintf(n->exercise, sizeof n->exercise, "%s", ex->valuestring);
    n->step = (int)step->valuedouble;
    size_t tl = cut_utf8(text->valuestring, NOTE_TEXT_MAX);
    memcpy(n->text, text->valuestring, tl);
    n->text[tl] = 0;
    return true;
}

typedef struct LoadCtx {
    NoteList *out;
    int cap;
} LoadCtx;

static void add_line(char *line, size_t len, int lineno, bool torn, void *ud)
{
    (void)lineno;
    LoadCtx *c = ud;
    cJSON *o = cJSON_ParseWithLength(line, len);
    Note n;
    bool ok = cJSON_IsObject(o) && note_from_json(o, &n);
    cJSON_Delete(o);
    if (!ok) {
        if (!torn) c->out->unreadable++; /* a torn line was never confirmed as saved */
        return;
    }
    if (c->out->count == c->cap) {
        int cap = c->cap ? c->cap * 2 : 16;
        Note *grown = realloc(c->out->note, (size_t)cap * sizeof *grown);
        if (!grown) {
            c->out->unreadable++;
            return;
        }
        c->out->note = grown;
        c->cap = cap;
    }
    c->out->note[c->out->count++] = n;
}

bool notes_load(const char *dir, NoteList *out, AtDiag *diag)
{
    memset(out, 0, sizeof *out);
    char path[4096];
    if (!storefs_join(path, sizeof path, dir, NOTES_FILE)) {
        if (diag) diag_addf(diag, "%s: folder name too long", dir);
        return false;
    }
    size_t len;
    int e = 0;
    char *buf = storefs_read_all(path, NOTES_MAX_BYTES, &len, &e);
    if (!buf) {
        if (e == ENOENT) return true;
        if (diag) diag_addf(diag, "%s: cannot read your notes: %s", path, strerror(e));
        return false;
    }
    LoadCtx c = {out, 0};
    jsonl_lines(buf, len, add_line, &c);
    free(buf);
    return true;
}

void notes_free(NoteList *l)
{
    free(l->note);
    memset(l, 0, sizeof *l);
}
