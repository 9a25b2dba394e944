#include "attune/settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/store.h"
#include "attune/strpool.h"
#include "store_fs.h"

#define PATH_BUF 4096
#define LEVEL_COUNT_MAX 1000000000L

static const char *const THEME_NAMES[SETTINGS_THEME_COUNT] = {"dark", "light", "contrast"};

/* Keys this version reads; others are carried over on save. */
static const char *const KNOWN_KEYS[] = {
    "version",    "checkins", "day_start_hour", "weekly_goal",  "muted", "reduced_motion",
    "text_size",  "theme",    "last_pattern",   "last_minutes", "levels",
};

void settings_defaults(Settings *s)
{
    memset(s, 0, sizeof *s);
    s->checkins = true;
    s->day_start_hour = 4;
    s->weekly_goal = 5;
    s->text_size = 1.0;
    s->theme = SETTINGS_THEME_DARK;
}

const char *settings_theme_name(SettingsTheme t)
{
    return (unsigned)t < SETTINGS_THEME_COUNT ? THEME_NAMES[t] : THEME_NAMES[0];
}

static bool valid_id(const char *s) { return jv_is_id(s, SETTINGS_ID_MAX); }

const LevelProgress *settings_find_level(const Settings *s, const char *id)
{
    for (int i = 0; id && i < s->nlevels; i++)
        if (strcmp(s->levels[i].id, id) == 0) return &s->levels[i];
    return NULL;
}

LevelProgress *settings_level(Settings *s, const char *id)
{
    if (!valid_id(id)) return NULL;
    LevelProgress *l = (LevelProgress *)settings_find_level(s, id);
    if (l) return l;
    if (s->nlevels >= SETTINGS_MAX_LEVELS) return NULL;
    l = &s->levels[s->nlevels++];
    memset(l, 0, sizeof *l);
    snprintf(l->id, sizeof l->id, "%s", id);
    return l;
}

cJSON *settings_to_json(const Settings *s)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *levels = cJSON_CreateObject();
    bool ok = o && levels && cJSON_AddNumberToObject(o, "version", 1) &&
              cJSON_AddBoolToObject(o, "checkins", s->checkins) &&
              cJSON_AddNumberToObject(o, "day_start_hour", s->day_start_hour) &&
              cJSON_AddNumberToObject(o, "weekly_goal", s->weekly_goal) &&
              cJSON_AddBoolToObject(o, "muted", s->muted) &&
              cJSON_AddBoolToObject(o, "reduced_motion", s->reduced_motion) &&
              cJSON_AddNumberToObject(o, "text_size", s->text_size) &&
              cJSON_AddStringToObject(o, "theme", settings_theme_name(s->theme)) &&
              cJSON_AddStringToObject(o, "last_pattern", s->last_pattern) &&
              cJSON_AddNumberToObject(o, "last_minutes", s->last_minutes);
    for (int i = 0; ok && i < s->nlevels; i++) {
        cJSON *l = cJSON_CreateObject();
        ok = l && cJSON_AddNumberToObject(l, "seen", s->levels[i].seen) &&
             cJSON_AddNumberToObject(l, "connected", s->levels[i].connected);
        if (ok) ok = cJSON_AddItemToObject(levels, s->levels[i].id, l);
        if (!ok) cJSON_Delete(l);
    }
    if (ok) ok = cJSON_AddItemToObject(o, "levels", levels);
    if (!ok) {
        cJSON_Delete(levels);
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

int settings_from_json(JsonV *v, const cJSON *obj, const char *path, Settings *s)
{
    int before = v->errors;
    if (!cJSON_IsObject(obj)) {
        jv_error(v, path, "expected an object");
        return v->errors - before;
    }
    long n;
    double d;
    jv_bool(v, obj, path, "checkins", false, &s->checkins);
    n = s->day_start_hour;
    if (jv_int(v, obj, path, "day_start_hour", 0, 23, false, &n)) s->day_start_hour = (int)n;
    n = s->weekly_goal;
    if (jv_int(v, obj, path, "weekly_goal", 1, 7, false, &n)) s->weekly_goal = (int)n;
    jv_bool(v, obj, path, "muted", false, &s->muted);
    jv_bool(v, obj, path, "reduced_motion", false, &s->reduced_motion);
    d = s->text_size;
    if (jv_num(v, obj, path, "text_size", 0.5, 3.0, false, &d)) s->text_size = d;
    int t = jv_enum(v, obj, path, "theme", THEME_NAMES, SETTINGS_THEME_COUNT, false);
    if (t >= 0) s->theme = (SettingsTheme)t;
    const cJSON *lp = cJSON_GetObjectItemCaseSensitive(obj, "last_pattern");
    if (cJSON_IsString(lp) && lp->valuestring[0] == 0) s->last_pattern[0] = 0;
    else if (lp) {
        const char *id = jv_id(v, obj, path, "last_pattern", false);
        if (id) snprintf(s->last_pattern, sizeof s->last_pattern, "%s", id);
    }
    n = s->last_minutes;
    if (jv_int(v, obj, path, "last_minutes", 0, 60, false, &n)) s->last_minutes = (int)n;

    const cJSON *levels = jv_object(v, obj, path, "levels", false);
    if (levels) {
        char lpath[JV_PATH_MAX], kp[JV_PATH_MAX];
        jv_key_path(lpath, path, "levels");
        const cJSON *it;
        cJSON_ArrayForEach(it, levels) {
            jv_key_path(kp, lpath, it->string ? it->string : "?");
            if (!valid_id(it->string)) {
                jv_error(v, kp, "not a level id (use a-z, 0-9, '-' and '_', at most %d)",
                         SETTINGS_ID_MAX);
                continue;
            }
            if (!cJSON_IsObject(it)) {
                jv_error(v, kp, "expected an object");
                continue;
            }
            long seen = 0, conn = 0;
            bool ok = jv_int(v, it, kp, "seen", 0, LEVEL_COUNT_MAX, false, &seen);
            ok = jv_int(v, it, kp, "connected", 0, LEVEL_COUNT_MAX, false, &conn) && ok;
            if (!ok) continue;
            if (settings_find_level(s, it->string) == NULL && s->nlevels >= SETTINGS_MAX_LEVELS) {
                jv_error(v, kp, "too many levels (at most %d)", SETTINGS_MAX_LEVELS);
                break;
            }
            LevelProgress *l = settings_level(s, it->string);
            l->seen = (int)seen;
            l->connected = (int)conn;
        }
    }
    return v->errors - before;
}

/* Reads and parses a settings file. 1: *out holds the object; 0: no such file;
 * -1: the file exists but is unusable (why says how); -2: it could not be checked right now
 * (out of memory, a broken folder path), so it must be left alone. */
static int read_settings_file(const char *path, cJSON **out, char *why, size_t n)
{
    *out = NULL;
    size_t len;
    int e = 0;
    char *buf = storefs_read_all(path, SETTINGS_MAX_BYTES, &len, &e);
    if (!buf) {
        if (e == ENOENT) return 0;
        if (e == EFBIG) snprintf(why, n, "larger than %u bytes", SETTINGS_MAX_BYTES);
        else snprintf(why, n, "%s", strerror(e));
        return e == ENOMEM || e == ENOTDIR || e == EINTR || e == EMFILE || e == ENFILE ? -2 : -1;
    }
    int line, col;
    cJSON *root = jv_parse_text(buf, len, &line, &col);
    if (!root) {
        snprintf(why, n, "line %d, column %d: not valid JSON", line, col);
    } else if (!cJSON_IsObject(root)) {
        snprintf(why, n, "expected a JSON object");
        cJSON_Delete(root);
        root = NULL;
    }
    free(buf);
    if (!root) return -1;
    *out = root;
    return 1;
}

static void note(AtDiag *diag, int *problems, const char *fmt, const char *a, const char *b,
                 const char *c)
{
    (*problems)++;
    if (diag) diag_addf(diag, fmt, a, b, c);
}

int settings_load(const char *dir, Settings *s, AtDiag *diag)
{
    settings_defaults(s);
    char path[PATH_BUF], bak[PATH_BUF], aside[PATH_BUF], why[256], err[PATH_BUF + 256];
    int problems = 0;
    if (!storefs_join(path, sizeof path, dir, STORE_SETTINGS_FILE) ||
        (size_t)snprintf(bak, sizeof bak, "%s.bak", path) >= sizeof bak) {
        note(diag, &problems, "%s: %s%s", dir, "folder name too long", "");
        return problems;
    }
    cJSON *root = NULL;
    int r = read_settings_file(path, &root, why, sizeof why);
    if (r == 0) return 0;
    if (r == -2) {
        note(diag, &problems, "%s: cannot read your settings: %s%s", path, why, "");
        return problems;
    }
    if (r == -1) {
        if (storefs_keep_aside(path, aside, sizeof aside, err, sizeof err))
            note(diag, &problems, "%s could not be read (%s); it was kept as %s.", path, why,
                 storefs_base(aside));
        else
            note(diag, &problems, "%s could not be read (%s), and it will not be overwritten (%s).",
                 path, why, err);
        if (read_settings_file(bak, &root, why, sizeof why) == 1) {
            if (diag) diag_addf(diag, "Using your previous settings from %s.", storefs_base(bak));
        } else {
            if (diag) diag_addf(diag, "Using default settings.");
            return problems;
        }
    }
    StrPool *pool = strpool_new();
    JsonV v = {.file = r == 1 ? path : bak, .diag = diag, .pool = pool};
    AtDiag scratch = {0};
    if (!diag) v.diag = &scratch;
    if (pool) problems += settings_from_json(&v, root, "", s);
    else note(diag, &problems, "%s: %s%s", path, "out of memory", "");
    strpool_free(pool);
    diag_free(&scratch);
    cJSON_Delete(root);
    return problems;
}

static bool known_key(const char *k)
{
    for (size_t i = 0; i < sizeof KNOWN_KEYS / sizeof KNOWN_KEYS[0]; i++)
        if (strcmp(k, KNOWN_KEYS[i]) == 0) return true;
    return false;
}

bool settings_save(const char *dir, const Settings *s, char *err, size_t errlen)
{
    char path[PATH_BUF], aside[PATH_BUF], why[256], ferr[PATH_BUF + 256];
    if (err && errlen) err[0] = 0;
    if (!storefs_join(path, sizeof path, dir, STORE_SETTINGS_FILE)) {
        if (err && errlen) snprintf(err, errlen, "folder name too long: %s", dir);
        return false;
    }
    if (!storefs_mkdirs(dir, ferr, sizeof ferr)) {
        if (err && errlen) snprintf(err, errlen, "could not save your settings: %s", ferr);
        return false;
    }
    cJSON *cur = NULL;
    int r = read_settings_file(path, &cur, why, sizeof why);
    if (r == -2) {
        if (err && errlen) snprintf(err, errlen, "could not save your settings: %s: %s", path, why);
        return false;
    }
    if (r == -1 && !storefs_keep_aside(path, aside, sizeof aside, ferr, sizeof ferr)) {
        if (err && errlen)
            snprintf(err, errlen, "%s could not be read (%s) and could not be kept aside (%s); "
                                  "not overwriting it", path, why, ferr);
        return false;
    }
    cJSON *out = settings_to_json(s);
    bool ok = out != NULL;
    const cJSON *it;
    if (cur) {
        cJSON_ArrayForEach(it, cur) {
            if (!ok || !it->string || known_key(it->string)) continue;
            if (cJSON_GetObjectItemCaseSensitive(out, it->string)) continue;
            cJSON *copy = cJSON_Duplicate(it, 1);
            ok = copy && cJSON_AddItemToObject(out, it->string, copy);
            if (!ok) cJSON_Delete(copy);
        }
    }
    cJSON_Delete(cur);
    char *text = ok ? cJSON_Print(out) : NULL;
    cJSON_Delete(out);
    if (!text) {
        if (err && errlen) snprintf(err, errlen, "could not save your settings: out of memory");
        return false;
    }
    size_t len = strlen(text);
    char *data = malloc(len + 2);
    if (!data) {
        cJSON_free(text);
        if (err && errlen) snprintf(err, errlen, "could not save your settings: out of memory");
        return false;
    }
    memcpy(data, text, len);
    data[len++] = '\n';
    cJSON_free(text);
    ok = storefs_write_atomic(path, data, len, r == 1, ferr, sizeof ferr);
    free(data);
    if (!ok && err && errlen) snprintf(err, errlen, "could not save your settings: %s", ferr);
    storefs_sweep_tmp(path);
    return ok;
}
