#include "attune/ground.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define NO_TIME UINT64_MAX

/* ------------------------------------------------------------------------------------------ */
/* Content                                                                                    */

static const char *const EXERCISE_KEYS[] = {"id", "title", "when", "minutes", "caution", "steps"};
static const char *const STEP_KEYS[] = {"prompt", "detail", "caution", "note", "count",
                                        "seconds", "breathe", "feelings", "choose", "only"};
static const char *const BREATHE_KEYS[] = {"pattern", "breaths"};
static const char *const CHOOSE_KEYS[] = {"options"};
static const char *const OPTION_KEYS[] = {"id", "label"};
/* The keys that give a step its kind; a step takes at most one. */
static const char *const KIND_KEYS[] = {"count", "seconds", "breathe", "feelings", "choose"};

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

static bool same_word(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return false;
    return *a == *b;
}

/* The feelings list: 4..16 distinct, non-empty words of at most GROUND_FEELING_LEN characters. */
static void feelings_from_json(JsonV *v, const cJSON *obj, const char *path, GroundStep *s)
{
    char fp[JV_PATH_MAX], ip[JV_PATH_MAX];
    jv_key_path(fp, path, "feelings");
    const cJSON *arr =
        jv_array(v, obj, path, "feelings", GROUND_FEELINGS_MIN, GROUND_FEELINGS_MAX, true);
    if (!arr) return;
    int n = cJSON_GetArraySize(arr);
    const char **words = strpool_alloc(v->pool, (size_t)n * sizeof *words);
    if (!words) {
        jv_error(v, fp, "out of memory");
        return;
    }
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        jv_index_path(ip, fp, i);
        /* Counted in characters, as every length in the content. */
        const char *copy = jv_str_item(v, it, ip, GROUND_FEELING_LEN);
        words[i] = copy;
        for (int j = 0; copy && j < i; j++) {
            if (words[j] && same_word(words[j], copy)) {
                char q[JV_QUOTE_MAX];
                jv_error(v, ip, "%s is already in the list", jv_quote(q, copy));
                break;
            }
        }
        i++;
    }
    s->feelings = words;
    s->nfeelings = n;
    s->kind = GROUND_STEP_FEELINGS;
}

/* "choose": {"options": [{"id", "label"}, ...]}: 2..6 options with distinct labels (ids are
 * checked across the whole exercise by resolve_choices). */
static void choose_from_json(JsonV *v, const cJSON *obj, const char *path, GroundStep *s)
{
    char cp[JV_PATH_MAX], op[JV_PATH_MAX], ip[JV_PATH_MAX];
    const cJSON *c = jv_object(v, obj, path, "choose", true);
    if (!c) return;
    jv_key_path(cp, path, "choose");
    jv_check_keys(v, c, cp, CHOOSE_KEYS, COUNT_OF(CHOOSE_KEYS));
    const cJSON *arr = jv_array(v, c, cp, "options", GROUND_OPTIONS_MIN, GROUND_OPTIONS_MAX, true);
    if (!arr) return;
    jv_key_path(op, cp, "options");
    int n = cJSON_GetArraySize(arr);
    GroundOption *opts = strpool_alloc(v->pool, (size_t)n * sizeof *opts);
    if (!opts) {
        jv_error(v, op, "out of memory");
        return;
    }
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        jv_index_path(ip, op, i);
        GroundOption *o = &opts[i++];
        *o = (GroundOption){NULL, NULL};
        if (!cJSON_IsObject(it)) {
            jv_error(v, ip, "expected an object");
            continue;
        }
        jv_check_keys(v, it, ip, OPTION_KEYS, COUNT_OF(OPTION_KEYS));
        o->id = jv_id(v, it, ip, "id", true);
        o->label = jv_str(v, it, ip, "label", GROUND_OPTION_LABEL, true);
        for (int j = 0; o->label && j < i - 1; j++) {
            if (opts[j].label && same_word(opts[j].label, o->label)) {
                char lp[JV_PATH_MAX];
                jv_error(v, jv_key_path(lp, ip, "label"), "\"%s\" is already an option of this step",
                         o->label);
                break;
            }
        }
    }
    s->options = opts;
    s->noptions = n;
    s->kind = GROUND_STEP_CHOOSE;
}

/* Once every step is read: option ids are unique in the exercise, and each `only` names an
 * option of a choose step that comes before it. A choose step is always shown, so that every
 * later step depends on at most one choice and a walk's length is easy to tell. */
static void resolve_choices(JsonV *v, const char *sp, GroundExercise *ex)
{
    char ip[JV_PATH_MAX], kp[JV_PATH_MAX], op[JV_PATH_MAX], xp[JV_PATH_MAX];
    for (int i = 0; i < ex->nsteps; i++) {
        GroundStep *s = &ex->steps[i];
        jv_index_path(ip, sp, i);
        for (int k = 0; s->kind == GROUND_STEP_CHOOSE && k < s->noptions; k++) {
            const char *id = s->options[k].id;
            bool dup = false;
            for (int j = 0; id && j <= i && !dup; j++) {
                const GroundStep *t = &ex->steps[j];
                if (t->kind != GROUND_STEP_CHOOSE) continue;
                for (int m = 0; m < (j == i ? k : t->noptions) && !dup; m++)
                    dup = t->options[m].id && strcmp(t->options[m].id, id) == 0;
            }
            if (!dup) continue;
            jv_key_path(op, jv_key_path(kp, ip, "choose"), "options");
            jv_key_path(kp, jv_index_path(xp, op, k), "id");
            jv_error(v, kp, "\"%s\" is already an option in this exercise", id);
        }
        if (!s->only) continue;
        jv_key_path(kp, ip, "only");
        if (s->kind == GROUND_STEP_CHOOSE) {
            jv_error(v, kp, "a choose step is always shown: it cannot depend on another choice");
            continue;
        }
        int found = -1;
        for (int j = 0; j < ex->nsteps && found < 0; j++) {
            const GroundStep *t = &ex->steps[j];
            for (int m = 0; t->kind == GROUND_STEP_CHOOSE && m < t->noptions && found < 0; m++) {
                if (!t->options[m].id || strcmp(t->options[m].id, s->only) != 0) continue;
                found = j;
                s->only_step = j;
                s->only_option = m;
            }
        }
        if (found < 0)
            jv_error(v, kp, "no option \"%s\" in a choose step before this one", s->only);
        else if (found > i)
            jv_error(v, kp, "option \"%s\" is chosen later, at steps[%d]", s->only, found);
    }
}

static void step_from_json(JsonV *v, const cJSON *obj, const char *path, GroundStep *s)
{
    memset(s, 0, sizeof *s);
    if (!cJSON_IsObject(obj)) {
        jv_error(v, path, "expected an object");
        return;
    }
    /* A misspelt key ("secnds") would silently turn a step into a plain one. */
    jv_check_keys(v, obj, path, STEP_KEYS, COUNT_OF(STEP_KEYS));
    s->prompt = jv_str(v, obj, path, "prompt", GROUND_PROMPT_MAX, true);
    s->detail = jv_str(v, obj, path, "detail", GROUND_DETAIL_MAX, false);
    s->caution = jv_str(v, obj, path, "caution", GROUND_STEP_CAUTION_MAX, false);
    jv_bool(v, obj, path, "note", false, &s->note);
    s->only = jv_id(v, obj, path, "only", false); /* resolved once all steps are read */

    const char *found[COUNT_OF(KIND_KEYS)];
    int nfound = 0;
    for (int i = 0; i < COUNT_OF(KIND_KEYS); i++)
        if (cJSON_GetObjectItemCaseSensitive(obj, KIND_KEYS[i])) found[nfound++] = KIND_KEYS[i];
    if (nfound > 1) {
        jv_error(v, path,
                 "a step takes only one of count|seconds|breathe|feelings|choose (found \"%s\" and "
                 "\"%s\")",
                 found[0], found[1]);
        return;
    }
    if (nfound == 0) return; /* a plain prompt */
    long n = 0;
    if (strcmp(found[0], "count") == 0) {
        if (jv_int(v, obj, path, "count", 1, GROUND_COUNT_MAX, true, &n)) {
            s->kind = GROUND_STEP_COUNT;
            s->count = (int)n;
        }
    } else if (strcmp(found[0], "seconds") == 0) {
        if (jv_int(v, obj, path, "seconds", GROUND_SECONDS_MIN, GROUND_SECONDS_MAX, true, &n)) {
            s->kind = GROUND_STEP_TIMED;
            s->ms = (uint32_t)n * 1000u;
        }
    } else if (strcmp(found[0], "breathe") == 0) {
        const cJSON *b = jv_object(v, obj, path, "breathe", true);
        if (!b) return;
        char bp[JV_PATH_MAX];
        jv_key_path(bp, path, "breathe");
        jv_check_keys(v, b, bp, BREATHE_KEYS, COUNT_OF(BREATHE_KEYS));
        s->pattern = jv_id(v, b, bp, "pattern", true);
        if (jv_int(v, b, bp, "breaths", 1, GROUND_BREATHS_MAX, true, &n)) s->breaths = (int)n;
        s->kind = GROUND_STEP_BREATHE;
    } else if (strcmp(found[0], "feelings") == 0) {
        feelings_from_json(v, obj, path, s);
    } else {
        choose_from_json(v, obj, path, s);
    }
}

bool ground_exercise_from_json(JsonV *v, const cJSON *obj, const char *path, GroundExercise *out)
{
    int errors = v->errors;
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(obj)) {
        jv_error(v, path, "expected an object");
        return false;
    }
    out->file = v->file;
    out->path = strpool_dup(v->pool, path ? path : "");
    jv_check_keys(v, obj, path, EXERCISE_KEYS, COUNT_OF(EXERCISE_KEYS));
    out->id = jv_id(v, obj, path, "id", true);
    out->title = jv_str(v, obj, path, "title", GROUND_TITLE_MAX, true);
    out->when = jv_str(v, obj, path, "when", GROUND_WHEN_MAX, true);
    out->caution = jv_str(v, obj, path, "caution", GROUND_CAUTION_MAX, false);
    long minutes = 0;
    jv_int(v, obj, path, "minutes", 1, GROUND_MINUTES_MAX, true, &minutes);
    out->minutes = (int)minutes;

    char sp[JV_PATH_MAX], ip[JV_PATH_MAX];
    jv_key_path(sp, path, "steps");
    const cJSON *steps = jv_array(v, obj, path, "steps", 1, GROUND_MAX_STEPS, true);
    if (steps) {
        int n = cJSON_GetArraySize(steps);
        out->steps = strpool_alloc(v->pool, (size_t)n * sizeof *out->steps);
        if (!out->steps) {
            jv_error(v, sp, "out of memory");
        } else {
            const cJSON *st;
            cJSON_ArrayForEach(st, steps) {
                jv_index_path(ip, sp, out->nsteps);
                step_from_json(v, st, ip, &out->steps[out->nsteps++]);
            }
        }
    }
    if (out->steps) resolve_choices(v, sp, out);
    return v->errors == errors && out->id && out->title && out->when && out->path &&
           out->steps;
}

static const BreathPattern *find_pattern(const BreathPattern *patterns, int n, const char *id)
{
    if (!id) return NULL;
    for (int i = 0; i < n; i++)
        if (patterns[i].id && strcmp(patterns[i].id, id) == 0) return &patterns[i];
    return NULL;
}

int ground_exercise_check_patterns(const GroundExercise *ex, const BreathPattern *patterns,
                                   int npatterns, AtDiag *diag)
{
    JsonV v = {.file = ex->file ? ex->file : "?", .diag = diag};
    char sp[JV_PATH_MAX], ip[JV_PATH_MAX], bp[JV_PATH_MAX], pp[JV_PATH_MAX];
    jv_key_path(sp, ex->path, "steps");
    for (int i = 0; i < ex->nsteps; i++) {
        const GroundStep *s = &ex->steps[i];
        if (s->kind != GROUND_STEP_BREATHE) continue;
        const BreathPattern *p = find_pattern(patterns, npatterns, s->pattern);
        jv_key_path(bp, jv_index_path(ip, sp, i), "breathe");
        if (!p)
            jv_error(&v, jv_key_path(pp, bp, "pattern"), "no breathing pattern \"%s\" is loaded",
                     s->pattern ? s->pattern : "");
        else if (p->unpaced) /* an interlude counts breaths: it needs a pace */
            jv_error(&v, jv_key_path(pp, bp, "pattern"), "\"%s\" is unpaced: it has no breaths to count",
                     p->id);
        else if (p->max_breaths > 0 && s->breaths > p->max_breaths)
            jv_error(&v, jv_key_path(pp, bp, "breaths"), "%d is more than \"%s\" allows at a time (%d)",
                     s->breaths, p->id, p->max_breaths);
    }
    return v.errors;
}

/* ------------------------------------------------------------------------------------------ */
/* The step machine. Every instant is kept in run time (timer_elapsed), so pausing the timer
 * freezes everything at once, and each deadline is a stored instant plus a length. */

static uint64_t run_now(const GroundRun *r, uint64_t now)
{
    if (r->awaiting_ack) return 0;
    if (r->finished) return r->end;
    return timer_elapsed(&r->timer, now);
}

static const GroundStep *cur(const GroundRun *r)
{
    if (!r->ex || r->awaiting_ack || r->finished) return NULL;
    return &r->ex->steps[r->step];
}

/* Whether step i is on the chosen path. A choose step is never conditional (resolve_choices),
 * so one look at its choice is enough. */
static bool shown(const GroundRun *r, int i)
{
    const GroundStep *s = &r->ex->steps[i];
    if (!s->only) return true;
    return s->only_step >= 0 && s->only_step < GROUND_MAX_STEPS &&
           r->choice[s->only_step] == s->only_option;
}

/* Steps shown in ex->steps[from..to) with the choices made so far; a choice not yet made
 * counts the steps of its longest option in that range (its shortest with `fewest`). The
 * choices are read from `choice` (NULL: none made). */
static int count_shown(const GroundExercise *ex, const signed char *choice, int from, int to,
                       bool fewest)
{
    int n = 0;
    for (int i = from; i < to; i++) {
        const GroundStep *s = &ex->steps[i];
        if (!s->only) n++;
        else if (choice && choice[s->only_step] >= 0) n += choice[s->only_step] == s->only_option;
    }
    for (int c = 0; c < ex->nsteps; c++) {
        const GroundStep *cs = &ex->steps[c];
        if (cs->kind != GROUND_STEP_CHOOSE || (choice && choice[c] >= 0)) continue;
        int pick = -1;
        for (int o = 0; o < cs->noptions; o++) {
            int k = 0;
            for (int i = from; i < to; i++)
                k += ex->steps[i].only && ex->steps[i].only_step == c && ex->steps[i].only_option == o;
            if (pick < 0 || (fewest ? k < pick : k > pick)) pick = k;
        }
        n += pick > 0 ? pick : 0;
    }
    return n;
}

void ground_exercise_steps(const GroundExercise *ex, int *fewest, int *most)
{
    bool ok = ex && ex->nsteps > 0 && ex->nsteps <= GROUND_MAX_STEPS;
    if (fewest) *fewest = ok ? count_shown(ex, NULL, 0, ex->nsteps, true) : 0;
    if (most) *most = ok ? count_shown(ex, NULL, 0, ex->nsteps, false) : 0;
}

static uint64_t interlude_total(const GroundRun *r)
{
    return (uint64_t)cur(r)->breaths * r->breath->cycle_ms;
}

/* Enters step i at run time `at` with a fresh state. */
static void enter(GroundRun *r, int i, uint64_t at)
{
    const GroundStep *s = &r->ex->steps[i];
    r->step = i;
    r->step_start = at;
    r->marks = 0;
    r->full_at = NO_TIME;
    r->feeling[i] = -1;
    r->strength[i] = 0;
    r->breath = s->kind == GROUND_STEP_BREATHE && s->breaths > 0
                    ? find_pattern(r->patterns, r->npatterns, s->pattern)
                    : NULL;
    if (r->breath && r->breath->cycle_ms == 0) r->breath = NULL; /* never divide by zero */
    if (i > r->furthest) r->furthest = i; /* the steps before i are done */
}

static GroundEvent forward(GroundRun *r, uint64_t at)
{
    int next = r->step + 1;
    while (next < r->ex->nsteps && !shown(r, next)) next++;
    if (next >= r->ex->nsteps) {
        r->finished = true;
        r->end = at;
        r->furthest = r->ex->nsteps;
        r->breath = NULL;
        return GROUND_FINISHED;
    }
    enter(r, next, at);
    return GROUND_FORWARD;
}

/* Run time at which the current step moves on by itself, or NO_TIME. */
static uint64_t deadline(const GroundRun *r)
{
    const GroundStep *s = cur(r);
    if (!s) return NO_TIME;
    switch (ground_run_kind(r)) {
    case GROUND_STEP_TIMED: return r->step_start + s->ms;
    case GROUND_STEP_BREATHE: return r->step_start + GROUND_BREATHE_READY_MS + interlude_total(r);
    case GROUND_STEP_COUNT: return r->full_at == NO_TIME ? NO_TIME : r->full_at + GROUND_LINGER_MS;
    default: return NO_TIME;
    }
}

void ground_run_start(GroundRun *r, const GroundExercise *ex, const BreathPattern *patterns,
                      int npatterns, uint64_t now)
{
    memset(r, 0, sizeof *r);
    r->ex = ex;
    r->patterns = patterns;
    r->npatterns = patterns ? npatterns : 0;
    memset(r->feeling, -1, sizeof r->feeling);
    memset(r->choice, -1, sizeof r->choice);
    timer_start(&r->timer, now);
    if (!ex || ex->nsteps <= 0 || ex->nsteps > GROUND_MAX_STEPS) { /* nothing to walk */
        r->finished = true;
        return;
    }
    r->awaiting_ack = ex->caution != NULL;
    if (!r->awaiting_ack) enter(r, 0, 0);
}

bool ground_run_paused(const GroundRun *r) { return r->timer.paused; }

void ground_run_pause(GroundRun *r, uint64_t now) { timer_pause(&r->timer, now); }

void ground_run_resume(GroundRun *r, uint64_t now) { timer_resume(&r->timer, now); }

bool ground_run_can_next(const GroundRun *r)
{
    if (r->timer.paused || r->finished || !r->ex) return false;
    if (r->awaiting_ack) return true;
    switch (ground_run_kind(r)) {
    case GROUND_STEP_FEELINGS: return r->feeling[r->step] >= 0;
    case GROUND_STEP_CHOOSE: return r->choice[r->step] >= 0;
    default: return true;
    }
}

GroundEvent ground_run_next(GroundRun *r, uint64_t now)
{
    if (!ground_run_can_next(r)) return GROUND_NONE;
    if (r->awaiting_ack) {
        /* Run time starts now: reading the caution is not practice. */
        r->awaiting_ack = false;
        timer_start(&r->timer, now);
        enter(r, 0, 0);
        return GROUND_STARTED;
    }
    /* A deadline that has already passed is honoured first, so a press that arrives late
     * cannot skip the step the user has not seen yet. */
    GroundEvent ev = ground_run_update(r, now);
    if (ev != GROUND_NONE) return ev;
    uint64_t t = run_now(r, now);
    const GroundStep *s = cur(r);
    if (ground_run_kind(r) == GROUND_STEP_COUNT && r->marks < s->count) {
        if (++r->marks == s->count) r->full_at = t;
        return GROUND_MARKED;
    }
    return forward(r, t);
}

GroundEvent ground_run_back(GroundRun *r, uint64_t now)
{
    if (!cur(r) || r->timer.paused) return GROUND_NONE;
    int prev = r->step - 1;
    while (prev >= 0 && !shown(r, prev)) prev--;
    if (prev < 0) return GROUND_NONE;
    enter(r, prev, run_now(r, now));
    return GROUND_BACK;
}

bool ground_run_choose_feeling(GroundRun *r, int index)
{
    const GroundStep *s = cur(r);
    if (!s || r->timer.paused || s->kind != GROUND_STEP_FEELINGS || index < 0 ||
        index >= s->nfeelings)
        return false;
    r->feeling[r->step] = (signed char)index;
    return true;
}

bool ground_run_choose(GroundRun *r, int index)
{
    const GroundStep *s = cur(r);
    if (!s || r->timer.paused || s->kind != GROUND_STEP_CHOOSE || index < 0 || index >= s->noptions)
        return false;
    r->choice[r->step] = (signed char)index;
    return true;
}

bool ground_run_set_strength(GroundRun *r, int strength)
{
    const GroundStep *s = cur(r);
    if (!s || r->timer.paused || s->kind != GROUND_STEP_FEELINGS || strength < 1 ||
        strength > GROUND_STRENGTH_MAX)
        return false;
    r->strength[r->step] = (signed char)strength;
    return true;
}

GroundEvent ground_run_update(GroundRun *r, uint64_t now)
{
    GroundEvent ev = GROUND_NONE;
    if (!cur(r)) return ev;
    uint64_t t = run_now(r, now);
    /* Bounded by the step count: each pass moves on one step or stops. */
    for (uint64_t d; cur(r) && (d = deadline(r)) != NO_TIME && t >= d;) ev = forward(r, d);
    return ev;
}

bool ground_run_awaiting_ack(const GroundRun *r) { return r->awaiting_ack; }

bool ground_run_finished(const GroundRun *r) { return r->finished; }

int ground_run_step_index(const GroundRun *r) { return r->step; }

static bool walkable(const GroundRun *r)
{
    return r->ex && r->ex->nsteps > 0 && r->ex->nsteps <= GROUND_MAX_STEPS;
}

int ground_run_step_number(const GroundRun *r, int step)
{
    if (!walkable(r) || step < 0 || step >= r->ex->nsteps) return 0;
    return count_shown(r->ex, r->choice, 0, step, false) + 1;
}

int ground_run_step_total(const GroundRun *r)
{
    return walkable(r) ? count_shown(r->ex, r->choice, 0, r->ex->nsteps, false) : 0;
}

bool ground_run_last_step(const GroundRun *r)
{
    if (!walkable(r)) return true;
    return count_shown(r->ex, r->choice, r->step + 1, r->ex->nsteps, false) == 0;
}

bool ground_run_step_shown(const GroundRun *r, int step)
{
    return walkable(r) && step >= 0 && step < r->ex->nsteps && shown(r, step);
}

const GroundStep *ground_run_step(const GroundRun *r) { return cur(r); }

GroundStepKind ground_run_kind(const GroundRun *r)
{
    const GroundStep *s = cur(r);
    if (!s) return GROUND_STEP_PLAIN;
    if (s->kind == GROUND_STEP_BREATHE && !r->breath) return GROUND_STEP_PLAIN;
    return s->kind;
}

bool ground_run_animating(const GroundRun *r)
{
    return !r->timer.paused && deadline(r) != NO_TIME;
}

int ground_run_marks(const GroundRun *r) { return cur(r) ? r->marks : 0; }

uint64_t ground_run_step_ms(const GroundRun *r, uint64_t now)
{
    if (!cur(r)) return 0;
    uint64_t t = run_now(r, now);
    return t > r->step_start ? t - r->step_start : 0;
}

double ground_run_progress(const GroundRun *r, uint64_t now)
{
    const GroundStep *s = cur(r);
    double p = 0;
    switch (ground_run_kind(r)) {
    case GROUND_STEP_TIMED: p = (double)ground_run_step_ms(r, now) / (double)s->ms; break;
    case GROUND_STEP_BREATHE:
        p = (double)ground_run_interlude_ms(r, now) / (double)interlude_total(r);
        break;
    case GROUND_STEP_COUNT: p = (double)r->marks / (double)s->count; break;
    default: break;
    }
    return p < 0 ? 0 : p > 1 ? 1 : p;
}

uint32_t ground_run_seconds_left(const GroundRun *r, uint64_t now)
{
    GroundStepKind k = ground_run_kind(r);
    if (k != GROUND_STEP_TIMED && k != GROUND_STEP_BREATHE) return 0;
    uint64_t len = deadline(r) - r->step_start;
    uint64_t in = ground_run_step_ms(r, now);
    return in >= len ? 0 : (uint32_t)((len - in + 999) / 1000);
}

const BreathPattern *ground_run_pattern(const GroundRun *r) { return cur(r) ? r->breath : NULL; }

uint64_t ground_run_interlude_ms(const GroundRun *r, uint64_t now)
{
    if (ground_run_kind(r) != GROUND_STEP_BREATHE) return 0;
    uint64_t in = ground_run_step_ms(r, now);
    if (in <= GROUND_BREATHE_READY_MS) return 0;
    uint64_t b = in - GROUND_BREATHE_READY_MS, total = interlude_total(r);
    return b < total ? b : total;
}

bool ground_run_breath(const GroundRun *r, uint64_t now, BreathSessionState *out)
{
    memset(out, 0, sizeof *out);
    if (ground_run_kind(r) != GROUND_STEP_BREATHE) return false;
    BreathSession s = {r->breath, GROUND_BREATHE_READY_MS, interlude_total(r)};
    *out = breath_session_at(&s, ground_run_step_ms(r, now));
    return true;
}

int ground_run_feeling(const GroundRun *r, int step)
{
    return step >= 0 && step < GROUND_MAX_STEPS ? r->feeling[step] : -1;
}

int ground_run_strength(const GroundRun *r, int step)
{
    return step >= 0 && step < GROUND_MAX_STEPS ? r->strength[step] : 0;
}

uint64_t ground_run_elapsed(const GroundRun *r, uint64_t now) { return run_now(r, now); }

int ground_run_choice(const GroundRun *r, int step)
{
    return step >= 0 && step < GROUND_MAX_STEPS ? r->choice[step] : -1;
}

int ground_run_completed(const GroundRun *r)
{
    if (!walkable(r)) return 0;
    if (r->finished) return ground_run_step_total(r);
    return count_shown(r->ex, r->choice, 0, r->furthest, false);
}
