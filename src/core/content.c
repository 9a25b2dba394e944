#include "attune/content.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A level file held back by defer_levels: parsed, not yet checked. */
struct ContentPending {
    char *path;
    cJSON *root;
    ContentSource src;
};

/* Grows *arr to hold one more element of size sz; returns the new slot or NULL. */
static void *grow(void **arr, int *n, int *cap, size_t sz)
{
    if (*n == *cap) {
        int nc = *cap ? *cap * 2 : 16;
        void *a = realloc(*arr, (size_t)nc * sz);
        if (!a) return NULL;
        *arr = a;
        *cap = nc;
    }
    void *slot = (char *)*arr + (size_t)(*n) * sz;
    memset(slot, 0, sz);
    return slot;
}

const BreathPattern *content_pattern(const Content *c, const char *id)
{
    for (int i = 0; i < c->npatterns; i++)
        if (strcmp(c->patterns[i].id, id) == 0) return &c->patterns[i];
    return NULL;
}

/* Ids are one namespace across all content (patterns, exercises, levels, cards): a record's
 * content id, `attune breathe ID` and a level's practices each name one thing. Writes what
 * already uses id into buf ("a breathing pattern (FILE)") and returns buf, or NULL. */
static const char *id_owner(const Content *c, const char *id, char *buf, size_t n)
{
    for (int i = 0; i < c->npatterns; i++)
        if (strcmp(c->patterns[i].id, id) == 0) {
            snprintf(buf, n, "a breathing pattern (%s)", c->patterns[i].file);
            return buf;
        }
    for (int i = 0; i < c->nexercises; i++)
        if (strcmp(c->exercises[i].id, id) == 0) {
            snprintf(buf, n, "a grounding exercise (%s)", c->exercises[i].file);
            return buf;
        }
    for (int i = 0; i < c->nlevels; i++) {
        if (strcmp(c->levels[i].id, id) == 0) {
            snprintf(buf, n, "a card level (%s)", c->levels[i].file);
            return buf;
        }
        if (deck_level_card(&c->levels[i], id)) {
            snprintf(buf, n, "a card (%s)", c->levels[i].file);
            return buf;
        }
    }
    /* Levels held back still own their ids, as if they had loaded first (read before). */
    for (int i = 0; c->defer_levels && i < c->npending; i++) {
        const cJSON *lv = cJSON_GetObjectItemCaseSensitive(c->pending[i].root, "level");
        const cJSON *lid = cJSON_GetObjectItemCaseSensitive(lv, "id"), *card;
        if (cJSON_IsString(lid) && strcmp(lid->valuestring, id) == 0) {
            snprintf(buf, n, "a card level (%s)", c->pending[i].path);
            return buf;
        }
        cJSON_ArrayForEach(card, cJSON_GetObjectItemCaseSensitive(lv, "cards")) {
            const cJSON *cid = cJSON_GetObjectItemCaseSensitive(card, "id");
            if (cJSON_IsString(cid) && strcmp(cid->valuestring, id) == 0) {
                snprintf(buf, n, "a card (%s)", c->pending[i].path);
                return buf;
            }
        }
    }
    return NULL;
}

static void load_patterns(Content *c, JsonV *v, const cJSON *arr, bool user)
{
    char ip[JV_PATH_MAX];
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        jv_index_path(ip, "patterns", i++);
        BreathPattern p;
        if (!breath_pattern_from_json(v, it, ip, &p)) continue;
        char kp[JV_PATH_MAX], who[JV_PATH_MAX + 40];
        if (content_pattern(c, p.id)) {
            jv_error(v, jv_key_path(kp, ip, "id"), "\"%s\" is already used by another pattern",
                     p.id);
            continue;
        }
        if (id_owner(c, p.id, who, sizeof who)) {
            jv_error(v, jv_key_path(kp, ip, "id"), "\"%s\" is already used by %s", p.id, who);
            continue;
        }
        p.user = user;
        BreathPattern *slot = grow((void **)&c->patterns, &c->npatterns, &c->cap_patterns,
                                   sizeof *slot);
        if (!slot) return;
        *slot = p;
        c->npatterns++;
    }
}

const GroundExercise *content_exercise(const Content *c, const char *id)
{
    for (int i = 0; i < c->nexercises; i++)
        if (strcmp(c->exercises[i].id, id) == 0) return &c->exercises[i];
    return NULL;
}

static void load_exercises(Content *c, JsonV *v, const cJSON *arr)
{
    char ip[JV_PATH_MAX];
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        jv_index_path(ip, "exercises", i++);
        GroundExercise ex;
        if (!ground_exercise_from_json(v, it, ip, &ex)) continue;
        char kp[JV_PATH_MAX], who[JV_PATH_MAX + 40];
        if (content_exercise(c, ex.id)) {
            jv_error(v, jv_key_path(kp, ip, "id"), "\"%s\" is already used by another exercise",
                     ex.id);
            continue;
        }
        if (id_owner(c, ex.id, who, sizeof who)) {
            jv_error(v, jv_key_path(kp, ip, "id"), "\"%s\" is already used by %s", ex.id, who);
            continue;
        }
        GroundExercise *slot = grow((void **)&c->exercises, &c->nexercises, &c->cap_exercises,
                                    sizeof *slot);
        if (!slot) return;
        *slot = ex;
        c->nexercises++;
    }
}

const DeckLevel *content_level(const Content *c, const char *id)
{
    for (int i = 0; i < c->nlevels; i++)
        if (strcmp(c->levels[i].id, id) == 0) return &c->levels[i];
    return NULL;
}

static void load_level(Content *c, JsonV *v, const cJSON *obj)
{
    DeckLevel lv;
    if (!deck_level_from_json(v, obj, "level", &lv)) return;
    char kp[JV_PATH_MAX], who[JV_PATH_MAX + 40];
    if (content_level(c, lv.id)) {
        jv_error(v, "level.id", "\"%s\" is already used by another level", lv.id);
        return;
    }
    if (id_owner(c, lv.id, who, sizeof who) || deck_level_card(&lv, lv.id)) {
        jv_error(v, "level.id", "\"%s\" is already used by %s", lv.id,
                 deck_level_card(&lv, lv.id) ? "one of its own cards" : who);
        return;
    }
    for (int k = 0; k < lv.ncards; k++) {
        const char *id = lv.cards[k].id;
        bool card_elsewhere = false; /* reported below, with the level it is in */
        for (int i = 0; i < c->nlevels && !card_elsewhere; i++)
            card_elsewhere = deck_level_card(&c->levels[i], id) != NULL;
        if (!card_elsewhere && id_owner(c, id, who, sizeof who)) {
            snprintf(kp, sizeof kp, "level.cards[%d].id", k);
            jv_error(v, kp, "\"%s\" is already used by %s", id, who);
            return;
        }
    }
    for (int i = 0; i < c->nlevels; i++) {
        if (c->levels[i].number == lv.number) {
            jv_error(v, "level.number", "%d is already used by %s", lv.number, c->levels[i].file);
            return;
        }
        for (int k = 0; k < lv.ncards; k++) {
            if (deck_level_card(&c->levels[i], lv.cards[k].id)) {
                snprintf(kp, sizeof kp, "level.cards[%d].id", k);
                jv_error(v, kp, "\"%s\" is already used in %s", lv.cards[k].id, c->levels[i].file);
                return;
            }
        }
    }
    DeckLevel *slot = grow((void **)&c->levels, &c->nlevels, &c->cap_levels, sizeof *slot);
    if (!slot) return;
    *slot = lv;
    c->nlevels++;
    /* Keep levels in their suggested order. */
    for (int i = c->nlevels - 1; i > 0 && c->levels[i - 1].number > c->levels[i].number; i--) {
        DeckLevel t = c->levels[i];
        c->levels[i] = c->levels[i - 1];
        c->levels[i - 1] = t;
    }
}

int content_check_shipped(const Content *c, const char *dir, AtDiag *diag)
{
    int shipped_patterns = 0;
    for (int i = 0; i < c->npatterns; i++) shipped_patterns += !c->patterns[i].user;
    const char *missing[4];
    int n = 0;
    if (shipped_patterns == 0) missing[n++] = "breathing patterns";
    if (c->nexercises == 0) missing[n++] = "grounding exercises";
    if (c->nlevels == 0 && c->npending == 0) missing[n++] = "card levels";
    if (!c->res.notice || !c->res.elsewhere.name || c->res.elsewhere.ncrisis == 0)
        missing[n++] = "help and crisis lines (resources with \"notice\" and \"elsewhere\")";
    if (n == 0) return 0;
    char list[300] = "";
    size_t len = 0;
    for (int i = 0; i < n && len < sizeof list; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
                                i == 0 ? "" : i == n - 1 ? " or " : ", ", missing[i]);
    diag_addf(diag, "%s: Attune's content folder has no %s; Attune cannot start without it "
              "(reinstall Attune, or restore the folder)", dir, list);
    return 1;
}

const LearnScreen *content_learn(const Content *c, const char *id)
{
    for (int i = 0; i < c->nlearn; i++)
        if (strcmp(c->learn[i].id, id) == 0) return &c->learn[i];
    return NULL;
}

const LearnScreen *content_learn_for_card(const Content *c, const DeckLevel *level,
                                          const DeckCard *card)
{
    return learn_for_card(c->learn, c->nlearn, level, card);
}

static void load_learn(Content *c, JsonV *v, const cJSON *arr)
{
    char ip[JV_PATH_MAX], kp[JV_PATH_MAX];
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        jv_index_path(ip, "learn", i++);
        LearnScreen s;
        if (!learn_screen_from_json(v, it, ip, &s)) continue;
        s.index = i - 1;
        const LearnScreen *old = content_learn(c, s.id);
        if (old) {
            jv_error(v, jv_key_path(kp, ip, "id"), "\"%s\" is already used by another learning "
                     "screen (%s)", s.id, old->file);
            continue;
        }
        if (c->nlearn == LEARN_MAX) {
            jv_error(v, ip, "more than %d learning screens, the rest are not loaded", LEARN_MAX);
            return;
        }
        LearnScreen *slot = grow((void **)&c->learn, &c->nlearn, &c->cap_learn, sizeof *slot);
        if (!slot) return;
        *slot = s;
        c->nlearn++;
    }
}

static void load_skills(Content *c, JsonV *v, const cJSON *obj)
{
    if (c->skills.file) {
        jv_error(v, "skills", "already loaded from %s (one \"skills\" section in all content)",
                 c->skills.file);
        return;
    }
    SkillSet s;
    if (skill_set_from_json(v, obj, "skills", &s)) c->skills = s;
}

int content_check_refs(const Content *c, AtDiag *diag)
{
    int n = 0;
    for (int i = 0; i < c->nexercises; i++)
        n += ground_exercise_check_patterns(&c->exercises[i], c->patterns, c->npatterns, diag);
    for (int i = 0; i < c->nlevels; i++) {
        const DeckLevel *lv = &c->levels[i];
        for (int k = 0; k < lv->nbreathing; k++)
            if (!content_pattern(c, lv->breathing[k])) {
                diag_addf(diag, "%s: level.practices.breathing[%d]: no breathing pattern \"%s\" is loaded",
                          lv->file, k, lv->breathing[k]);
                n++;
            }
        for (int k = 0; k < lv->ngrounding; k++)
            if (!content_exercise(c, lv->grounding[k])) {
                diag_addf(diag, "%s: level.practices.grounding[%d]: no grounding exercise \"%s\" is loaded",
                          lv->file, k, lv->grounding[k]);
                n++;
            }
    }
    for (int i = 0; i < c->nlearn; i++) {
        const LearnScreen *s = &c->learn[i];
        int at = s->index;
        for (int k = 0; k < s->nlevels; k++)
            if (!content_level(c, s->levels[k])) {
                diag_addf(diag, "%s: learn[%d].levels[%d]: no card level \"%s\" is loaded",
                          s->file, at, k, s->levels[k]);
                n++;
            }
        for (int k = 0; k < s->ncards; k++) {
            bool found = false;
            for (int l = 0; l < c->nlevels && !found; l++)
                found = deck_level_card(&c->levels[l], s->cards[k]) != NULL;
            if (!found) {
                diag_addf(diag, "%s: learn[%d].cards[%d]: no card \"%s\" is loaded", s->file,
                          at, k, s->cards[k]);
                n++;
            }
        }
    }
    return n;
}

/* Which sections each source may hold. */
static bool section_allowed(const char *k, ContentSource src)
{
    if (strcmp(k, "resources") == 0) return src == CONTENT_SHIPPED;
    if (strcmp(k, "level") == 0 || strcmp(k, "learn") == 0 || strcmp(k, "skills") == 0)
        return src != CONTENT_USER;
    return true;
}

/* Whether root holds a card level and nothing else to load (comments aside). */
static bool level_only(const cJSON *root)
{
    bool level = false;
    const cJSON *sec;
    cJSON_ArrayForEach(sec, root) {
        if (strcmp(sec->string, "level") == 0) level = true;
        else if (sec->string[0] != '_') return false;
    }
    return level;
}

/* Loads the sections of a parsed file, then frees root. */
static void load_root(Content *c, const char *path, cJSON *root, ContentSource src, AtDiag *diag)
{
    JsonV v = {.file = strpool_dup(c->pool, path), .diag = diag, .pool = c->pool};
    if (!cJSON_IsObject(root)) {
        jv_error(&v, "", "expected an object with \"patterns\", \"resources\", ...");
    } else {
        bool user = src == CONTENT_USER;
        static const char *const SECTIONS[] = {"patterns", "exercises", "level", "resources",
                                               "learn", "skills"};
        enum { NSECTIONS = (int)(sizeof SECTIONS / sizeof *SECTIONS) };
        bool seen[NSECTIONS] = {false};
        const cJSON *sec;
        cJSON_ArrayForEach(sec, root) {
            const char *k = sec->string;
            char kp[JV_PATH_MAX];
            jv_key_path(kp, "", k);
            bool again = false;
            for (int i = 0; i < NSECTIONS; i++)
                if (strcmp(k, SECTIONS[i]) == 0) again = seen[i], seen[i] = true;
            if (again) {
                jv_error(&v, kp, "appears more than once in the file (one of each section)");
            } else if (k[0] != '_' && !section_allowed(k, src)) {
                jv_error(&v, kp, "%s", src == CONTENT_USER
                    ? "not allowed in your own content (it may hold \"patterns\" and \"exercises\")"
                    : "only the shipped content may hold help and crisis resources");
            } else if (strcmp(k, "patterns") == 0) {
                if (jv_array(&v, root, "", k, 0, 1000, true)) load_patterns(c, &v, sec, user);
            } else if (strcmp(k, "exercises") == 0) {
                if (jv_array(&v, root, "", k, 0, 1000, true)) load_exercises(c, &v, sec);
            } else if (strcmp(k, "level") == 0) {
                if (jv_object(&v, root, "", k, true)) load_level(c, &v, sec);
            } else if (strcmp(k, "resources") == 0) {
                if (jv_object(&v, root, "", k, true)) resources_from_json(&v, sec, k, &c->res);
            } else if (strcmp(k, "learn") == 0) {
                if (jv_array(&v, root, "", k, 1, LEARN_MAX, true)) load_learn(c, &v, sec);
            } else if (strcmp(k, "skills") == 0) {
                if (jv_object(&v, root, "", k, true)) load_skills(c, &v, sec);
            } else if (k[0] != '_') { /* "_comment" and the like are allowed */
                jv_error(&v, kp, "unknown section (expected \"patterns\", \"exercises\", \"level\", "
                         "\"resources\", \"learn\" or \"skills\")");
            }
        }
    }
    cJSON_Delete(root);
    if (v.errors > JV_MAX_MESSAGES)
        diag_addf(diag, "%s: %d more problems not listed", path, v.errors - JV_MAX_MESSAGES);
}

int content_load_file(Content *c, const char *path, ContentSource src, AtDiag *diag)
{
    int before = diag->count;
    if (!c->pool && !(c->pool = strpool_new())) {
        diag_addf(diag, "%s: out of memory", path);
        return 1;
    }
    cJSON *root = jv_parse_file(path, diag);
    if (!root) return diag->count - before;
    struct ContentPending *p = NULL;
    if (c->defer_levels && cJSON_IsObject(root) && level_only(root) &&
        (p = grow((void **)&c->pending, &c->npending, &c->cap_pending, sizeof *p))) {
        *p = (struct ContentPending){strpool_dup(c->pool, path), root, src};
        c->npending++;
        return 0;
    }
    load_root(c, path, root, src, diag);
    return diag->count - before;
}

int content_load_pending(Content *c, AtDiag *diag)
{
    int before = diag->count;
    c->defer_levels = false;
    for (int i = 0; i < c->npending; i++)
        load_root(c, c->pending[i].path, c->pending[i].root, c->pending[i].src, diag);
    free(c->pending);
    c->pending = NULL;
    c->npending = c->cap_pending = 0;
    return diag->count - before;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int content_load_dir(Content *c, const char *dir, ContentSource src, AtDiag *diag)
{
    int before = diag->count;
    DIR *d = opendir(dir);
    if (!d) {
        if (src != CONTENT_USER) diag_addf(diag, "%s: cannot open the content folder", dir);
        return diag->count - before;
    }
    char *names[CONTENT_MAX_FILES];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".json") != 0) continue;
        if (n == CONTENT_MAX_FILES) {
            diag_addf(diag, "%s: more than %d files, the rest are not loaded", dir,
                      CONTENT_MAX_FILES);
            break;
        }
        size_t need = strlen(dir) + len + 2;
        if (!(names[n] = malloc(need))) break;
        snprintf(names[n], need, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, by_name);
    for (int i = 0; i < n; i++) {
        content_load_file(c, names[i], src, diag);
        free(names[i]);
    }
    return diag->count - before;
}

void content_free(Content *c)
{
    for (int i = 0; i < c->npending; i++) cJSON_Delete(c->pending[i].root);
    free(c->pending);
    free(c->patterns);
    free(c->exercises);
    free(c->levels);
    free(c->learn);
    strpool_free(c->pool);
    memset(c, 0, sizeof *c);
}
