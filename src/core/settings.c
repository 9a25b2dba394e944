#include "attune/settings.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/resources.h"
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
    "region",     "welcomed", "cards_safety_seen", "moves_seen", "your_pace", "couple_pairs",
    "quick_calm_checkin",
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

static bool valid_id(const char *s) { return jv_is_id(s) && strlen(s) <= SETTINGS_ID_MAX; }

const LevelProgress *settings_find_level(const Settings *s, const char *id)
{
    for (int i = 0; id && i < s->nlevels; i++)
        if (strcmp(s->levels[i].id, id) == 0) return &s->levels[i];
    return NULL;
}

/* FNV-1a over the lower-cased, trimmed names in sorted order, so "Sam"+"alex" == "Alex"+"sam". */
static unsigned pair_hash(const char *a, const char *b)
{
    char n[2][128];
    const char *in[2] = {a ? a : "", b ? b : ""};
    for (int k = 0; k < 2; k++) {
        const char *p = in[k];
        while (*p == ' ') p++;
        size_t len = strlen(p);
        while (len && p[len - 1] == ' ') len--;
        if (len >= sizeof n[k]) len = sizeof n[k] - 1;
        for (size_t i = 0; i < len; i++)
            n[k][i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] - 'A' + 'a' : p[i]);
        n[k][len] = 0;
    }
    int first = strcmp(n[0], n[1]) <= 0 ? 0 : 1;
    unsigned h = 2166136261u;
    for (int k = 0; k < 2; k++) {
        for (const char *p = n[k ? 1 - first : first]; *p; p++) h = (h ^ (unsigned char)*p) * 16777619u;
        h = (h ^ '\n') * 16777619u;
    }
    return h;
}

bool settings_pair_seen(const Settings *s, const char *a, const char *b)
{
    unsigned h = pair_hash(a, b);
    for (int i = 0; i < s->npairs; i++)
        if (s->pairs[i] == h) return true;
    return false;
}

void settings_pair_mark(Settings *s, const char *a, const char *b)
{
    if (settings_pair_seen(s, a, b)) return;
    if (s->npairs == SETTINGS_MAX_PAIRS) {
        memmove(s->pairs, s->pairs + 1, sizeof s->pairs[0] * (SETTINGS_MAX_PAIRS - 1));
        s->npairs--;
    }
    s->pairs[s->npairs++] = pair_hash(a, b);
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
              cJSON_AddBoolToObject(o, "quick_calm_checkin", s->quick_calm_checkin) &&
              cJSON_AddNumberToObject(o, "text_size", s->text_size) &&
              cJSON_AddStringToObject(o, "theme", settings_theme_name(s->theme)) &&
              cJSON_AddStringToObject(o, "last_pattern", s->last_pattern) &&
              cJSON_AddNumberToObject(o, "last_minutes", s->last_minutes) &&
              cJSON_AddStringToObject(o, "region", s->region) &&
              cJSON_AddBoolToObject(o, "welcomed", s->welcomed) &&
              cJSON_AddBoolToObject(o, "cards_safety_seen", s->cards_safety_seen) &&
              cJSON_AddBoolToObject(o, "moves_seen", s->moves_seen) &&
              cJSON_AddNumberToObject(o, "your_pace", s->your_pace);
    cJSON *pairs = ok ? cJSON_AddArrayToObject(o, "couple_pairs") : NULL;
    for (int i = 0; ok && i < s->npairs; i++) {
        char hex[9];
        snprintf(hex, sizeof hex, "%08x", s->pairs[i]);
        cJSON *h = cJSON_CreateString(hex);
        ok = h && pairs && cJSON_AddItemToArray(pairs, h);
    }
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
    jv_bool(v, obj, path, "quick_calm_checkin", false, &s->quick_calm_checkin);
    d = s->text_size;
    /* Any number is read, then held to the sizes Settings offers. */
    if (jv_num(v, obj, path, "text_size", -1e9, 1e9, false, &d))
        s->text_size = d < SETTINGS_TEXT_SIZE_MIN   ? SETTINGS_TEXT_SIZE_MIN
                       : d > SETTINGS_TEXT_SIZE_MAX ? SETTINGS_TEXT_SIZE_MAX
                                                    : d;
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

    const cJSON *rg = cJSON_GetObjectItemCaseSensitive(obj, "region");
    if (cJSON_IsString(rg) && rg->valuestring[0] == 0) s->region[0] = 0;
    else if (rg) {
        char kp[JV_PATH_MAX];
        if (!cJSON_IsString(rg) || !resources_code(rg->valuestring, s->region))
            jv_error(v, jv_key_path(kp, path, "region"),
                     "expected a two-letter region code such as \"GB\", or \"\"");
    }
    jv_bool(v, obj, path, "welcomed", false, &s->welcomed);
    jv_bool(v, obj, path, "cards_safety_seen", false, &s->cards_safety_seen);
    jv_bool(v, obj, path, "moves_seen", false, &s->moves_seen);
    const cJSON *yp = cJSON_GetObjectItemCaseSensitive(obj, "your_pace");
    if (cJSON_IsNumber(yp) && yp->valuedouble == 0) s->your_pace = 0;
    else if (yp) {
        d = s->your_pace;
        if (jv_num(v, obj, path, "your_pace", SETTINGS_PACE_MIN, SETTINGS_PACE_MAX, false, &d))
            s->your_pace = d;
    }
    const cJSON *pairs = jv_array(v, obj, path, "couple_pairs", 0, SETTINGS_MAX_PAIRS, false);
    if (pairs) {
        s->npairs = 0;
        char pp[JV_PATH_MAX], ip[JV_PATH_MAX];
        jv_key_path(pp, path, "couple_pairs");
        int i = 0;
        const cJSON *it;
        cJSON_ArrayForEach(it, pairs) {
            jv_index_path(ip, pp, i++);
            char *end = NULL;
            unsigned long h = cJSON_IsString(it) ? strtoul(it->valuestring, &end, 16) : 0;
            if (!end || *end || strlen(it->valuestring) != 8) {
                jv_error(v, ip, "expected 8 hex digits");
                continue;
            }
            s->pairs[s->npairs++] = (unsigned)h;
        }
    }

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
        else snprintf(why, n, "%s", storefs_strerror(e));
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

/* settings_load and settings_peek: keep_aside says whether an unreadable file may be renamed
 * (only for callers that will write settings); raw, when not NULL, gets the object used. */
static int load_settings(const char *dir, Settings *s, AtDiag *diag, bool keep_aside, cJSON **raw)
{
    settings_defaults(s);
    if (raw) *raw = NULL;
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
        if (!keep_aside)
            note(diag, &problems, "%s could not be read (%s); it was left as it is.%s", path, why,
                 "");
        else if (storefs_keep_aside(path, aside, sizeof aside, err, sizeof err))
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
    if (raw) *raw = root;
    else cJSON_Delete(root);
    return problems;
}

int settings_load(const char *dir, Settings *s, AtDiag *diag)
{
    return load_settings(dir, s, diag, true, NULL);
}

int settings_peek(const char *dir, Settings *s, cJSON **raw, AtDiag *diag)
{
    return load_settings(dir, s, diag, false, raw);
}

static bool known_key(const char *k)
{
    for (size_t i = 0; i < sizeof KNOWN_KEYS / sizeof KNOWN_KEYS[0]; i++)
        if (strcmp(k, KNOWN_KEYS[i]) == 0) return true;
    return false;
}

/* DIR/settings.json.lock held while settings are read, merged and written, so two processes
 * never save over each other's changes. */
static int lock_settings(const char *dir, char *err, size_t errlen)
{
    char lock[PATH_BUF], ferr[PATH_BUF + 256];
    if (!storefs_join(lock, sizeof lock, dir, STORE_SETTINGS_FILE ".lock")) {
        if (err && errlen) snprintf(err, errlen, "folder name too long: %s", dir);
        return -1;
    }
    if (!storefs_mkdirs(dir, ferr, sizeof ferr)) {
        if (err && errlen) snprintf(err, errlen, "could not save your settings: %s", ferr);
        return -1;
    }
    int fd = storefs_lock(lock, ferr, sizeof ferr);
    if (fd < 0 && err && errlen) snprintf(err, errlen, "could not save your settings: %s", ferr);
    return fd;
}

/* Reads the current file for a save (under the lock): 1 with *cur, 0 when there is none (or
 * it was unusable and has been kept aside), false-y -1 when the save must not go on. */
static int current_for_save(const char *path, cJSON **cur, char *err, size_t errlen)
{
    char why[256], aside[PATH_BUF], ferr[PATH_BUF + 256];
    int r = read_settings_file(path, cur, why, sizeof why);
    if (r == -2) {
        if (err && errlen) snprintf(err, errlen, "could not save your settings: %s: %s", path, why);
        return -1;
    }
    if (r == -1 && !storefs_keep_aside(path, aside, sizeof aside, ferr, sizeof ferr)) {
        if (err && errlen)
            snprintf(err, errlen, "%s could not be read (%s) and could not be kept aside (%s); "
                                  "not overwriting it", path, why, ferr);
        return -1;
    }
    return r == 1 ? 1 : 0;
}

/* Writes obj (pretty, with a final newline) over path atomically, keeping a backup when an
 * old version exists. */
static bool write_settings(const char *path, const cJSON *obj, bool backup, char *err,
                           size_t errlen)
{
    char ferr[PATH_BUF + 256];
    char *text = cJSON_Print(obj);
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
    bool ok = storefs_write_atomic(path, data, len, backup, ferr, sizeof ferr);
    free(data);
    if (!ok && err && errlen) snprintf(err, errlen, "could not save your settings: %s", ferr);
    storefs_sweep_tmp(path);
    return ok;
}

/* The start of every save: the settings file's path, the lock held (its descriptor is
 * returned, -1 on failure with err set), and what the file holds now (*cur, NULL if nothing
 * readable; *backup: whether an old version exists to keep). */
static int begin_save(const char *dir, char path[PATH_BUF], cJSON **cur, bool *backup, char *err,
                      size_t errlen)
{
    if (err && errlen) err[0] = 0;
    *cur = NULL;
    if (!storefs_join(path, PATH_BUF, dir, STORE_SETTINGS_FILE)) {
        if (err && errlen) snprintf(err, errlen, "folder name too long: %s", dir);
        return -1;
    }
    int lock = lock_settings(dir, err, errlen);
    if (lock < 0) return -1;
    int r = current_for_save(path, cur, err, errlen);
    if (r < 0) {
        storefs_unlock(lock);
        return -1;
    }
    *backup = r == 1;
    return lock;
}

bool settings_save(const char *dir, const Settings *s, char *err, size_t errlen)
{
    char path[PATH_BUF];
    cJSON *cur;
    bool backup;
    int lock = begin_save(dir, path, &cur, &backup, err, errlen);
    if (lock < 0) return false;
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
    if (ok) ok = write_settings(path, out, backup, err, errlen);
    else if (err && errlen) snprintf(err, errlen, "could not save your settings: out of memory");
    cJSON_Delete(out);
    storefs_unlock(lock);
    return ok;
}

/* Level progress only grows: the larger counts of a and b for every level in either, into a
 * (an object {"id": {"seen", "connected"}}). */
static bool merge_level_objects(cJSON *a, const cJSON *b)
{
    const cJSON *lb;
    cJSON_ArrayForEach(lb, b) {
        if (!lb->string || !cJSON_IsObject(lb)) continue;
        cJSON *la = cJSON_GetObjectItemCaseSensitive(a, lb->string);
        if (!cJSON_IsObject(la)) {
            cJSON *copy = cJSON_Duplicate(lb, 1);
            if (!copy) return false;
            if (la) cJSON_DeleteItemFromObjectCaseSensitive(a, lb->string);
            if (!cJSON_AddItemToObject(a, lb->string, copy)) {
                cJSON_Delete(copy);
                return false;
            }
            continue;
        }
        static const char *const counts[2] = {"seen", "connected"};
        for (int i = 0; i < 2; i++) {
            const cJSON *vb = cJSON_GetObjectItemCaseSensitive(lb, counts[i]);
            cJSON *va = cJSON_GetObjectItemCaseSensitive(la, counts[i]);
            if (!cJSON_IsNumber(vb)) continue;
            if (cJSON_IsNumber(va) && va->valuedouble >= vb->valuedouble) continue;
            cJSON *n = cJSON_CreateNumber(vb->valuedouble);
            if (!n) return false;
            if (va) cJSON_ReplaceItemInObjectCaseSensitive(la, counts[i], n);
            else if (!cJSON_AddItemToObject(la, counts[i], n)) {
                cJSON_Delete(n);
                return false;
            }
        }
    }
    return true;
}

/* Sets key in obj to a copy of val, replacing what was there. */
static bool put_copy(cJSON *obj, const char *key, const cJSON *val)
{
    cJSON *copy = cJSON_Duplicate(val, 1);
    if (!copy) return false;
    if (cJSON_GetObjectItemCaseSensitive(obj, key))
        return cJSON_ReplaceItemInObjectCaseSensitive(obj, key, copy);
    if (!cJSON_AddItemToObject(obj, key, copy)) {
        cJSON_Delete(copy);
        return false;
    }
    return true;
}

bool settings_update(const char *dir, Settings *base, Settings *s, AtDiag *diag, char *err,
                     size_t errlen)
{
    char path[PATH_BUF];
    cJSON *cur;
    bool backup;
    int lock = begin_save(dir, path, &cur, &backup, err, errlen);
    if (lock < 0) return false;
    cJSON *ours = settings_to_json(s), *was = settings_to_json(base);
    cJSON *merged = cur ? cur : cJSON_Duplicate(ours, 1);
    bool ok = ours && was && merged;
    /* What this process changed since it last read or wrote the file wins; everything else
     * is as the file has it now (another window, an import); level progress only grows. */
    const cJSON *it;
    if (ok && cur) cJSON_ArrayForEach(it, ours) {
        if (!ok || !strcmp(it->string, "levels")) continue;
        const cJSON *before = cJSON_GetObjectItemCaseSensitive(was, it->string);
        if (before && cJSON_Compare(it, before, true)) continue;
        ok = put_copy(merged, it->string, it);
    }
    if (ok && cur) {
        cJSON *ml = cJSON_GetObjectItemCaseSensitive(merged, "levels");
        const cJSON *ol = cJSON_GetObjectItemCaseSensitive(ours, "levels");
        if (!cJSON_IsObject(ml)) ok = put_copy(merged, "levels", ol);
        else ok = merge_level_objects(ml, ol);
    }
    Settings next;
    settings_defaults(&next);
    if (ok) {
        StrPool *pool = strpool_new();
        AtDiag scratch = {0};
        JsonV v = {.file = path, .diag = diag ? diag : &scratch, .pool = pool};
        ok = pool != NULL;
        if (ok) settings_from_json(&v, merged, "", &next);
        strpool_free(pool);
        diag_free(&scratch);
    }
    if (ok) ok = write_settings(path, merged, backup, err, errlen);
    else if (err && errlen) snprintf(err, errlen, "could not save your settings: out of memory");
    if (ok) {
        *s = next;
        *base = next;
    }
    cJSON_Delete(ours);
    cJSON_Delete(was);
    cJSON_Delete(merged);
    storefs_unlock(lock);
    return ok;
}

int settings_import(const char *dir, const cJSON *theirs, bool *used, char *err, size_t errlen)
{
    char path[PATH_BUF];
    *used = false;
    if (!storefs_join(path, sizeof path, dir, STORE_SETTINGS_FILE)) {
        if (err && errlen) snprintf(err, errlen, "folder name too long: %s", dir);
        return -1;
    }
    int lock = lock_settings(dir, err, errlen);
    if (lock < 0) return -1;
    /* Theirs, as they are (keys this version does not know included), on a new computer. */
    int e = 0, fd = storefs_open_regular(path, O_RDONLY, &e);
    if (fd >= 0) close(fd);
    if (fd < 0 && e == ENOENT) {
        bool ok = write_settings(path, theirs, false, err, errlen);
        storefs_unlock(lock);
        *used = ok;
        return ok ? 0 : -1;
    }
    /* Otherwise ours stay, with level progress merged (the larger counts). */
    cJSON *cur = NULL;
    int r = current_for_save(path, &cur, err, errlen);
    if (r < 0) {
        storefs_unlock(lock);
        return -1;
    }
    char bak[PATH_BUF + 8], why[256];
    snprintf(bak, sizeof bak, "%s.bak", path);
    if (!cur && read_settings_file(bak, &cur, why, sizeof why) != 1) cur = NULL; /* kept aside */
    if (!cur) cur = cJSON_CreateObject();
    cJSON *before = cur ? cJSON_Duplicate(cur, 1) : NULL;
    const cJSON *tl = cJSON_GetObjectItemCaseSensitive(theirs, "levels");
    cJSON *ml = cJSON_GetObjectItemCaseSensitive(cur, "levels");
    bool ok = cur && before;
    if (ok && cJSON_IsObject(tl)) {
        if (!cJSON_IsObject(ml)) {
            ok = put_copy(cur, "levels", tl);
        } else {
            ok = merge_level_objects(ml, tl);
        }
    }
    int merged = 0;
    if (ok && cJSON_IsObject(tl)) {
        const cJSON *after = cJSON_GetObjectItemCaseSensitive(cur, "levels");
        const cJSON *was = cJSON_GetObjectItemCaseSensitive(before, "levels"), *l;
        cJSON_ArrayForEach(l, after) {
            const cJSON *w = cJSON_GetObjectItemCaseSensitive(was, l->string);
            if (!w || !cJSON_Compare(w, l, true)) merged++;
        }
    }
    if (ok && merged) ok = write_settings(path, cur, r == 1, err, errlen);
    else if (!ok && err && errlen) snprintf(err, errlen, "could not save your settings: out of memory");
    cJSON_Delete(cur);
    cJSON_Delete(before);
    storefs_unlock(lock);
    return ok ? merged : -1;
}
