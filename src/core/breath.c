#include "attune/breath.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const KIND_NAMES[BREATH_KIND_COUNT] = {"in", "hold", "out", "hold-empty"};
static const char *const PATTERN_KEYS[] = {"id", "title", "when", "minutes", "steps", "max_breaths",
                                            "caution", "unpaced"};
static const char *const STEP_KEYS[] = {"kind", "ms", "to"};
static const char *const KIND_WORDS[BREATH_KIND_COUNT] = {"Breathe in", "Hold", "Breathe out",
                                                          "Rest"};

const char *breath_kind_name(BreathKind k) { return k < BREATH_KIND_COUNT ? KIND_NAMES[k] : "?"; }
const char *breath_kind_words(BreathKind k) { return k < BREATH_KIND_COUNT ? KIND_WORDS[k] : ""; }

double breath_ease(double t)
{
    if (t <= 0) return 0;
    if (t >= 1) return 1;
    return 0.5 - 0.5 * cos(M_PI * t);
}

/* Fill at the start of step i: the target of the last moving step before it (cyclically). */
static double fill_before(const BreathPattern *p, int i)
{
    for (int k = 1; k <= p->nsteps; k++) {
        const BreathStep *s = &p->steps[(i - k + p->nsteps) % p->nsteps];
        if (s->kind == BREATH_IN || s->kind == BREATH_OUT) return s->to;
    }
    return 0;
}

BreathPhase breath_at(const BreathPattern *p, uint64_t elapsed_ms)
{
    BreathPhase ph = {0};
    if (p->unpaced || p->cycle_ms == 0 || p->nsteps <= 0) { /* nothing to follow: at rest */
        ph.kind = BREATH_HOLD;
        ph.fill = 0.5;
        return ph;
    }
    ph.cycle = elapsed_ms / p->cycle_ms;
    uint32_t t = (uint32_t)(elapsed_ms % p->cycle_ms);
    int i = 0;
    while (i < p->nsteps - 1 && t >= p->steps[i].ms) t -= p->steps[i++].ms;
    const BreathStep *s = &p->steps[i];
    ph.step = i;
    ph.kind = s->kind;
    ph.step_ms = s->ms;
    ph.step_left_ms = s->ms - t;
    ph.progress = (double)t / (double)s->ms;
    double from = fill_before(p, i);
    double to = (s->kind == BREATH_IN || s->kind == BREATH_OUT) ? s->to : from;
    ph.fill = from + (to - from) * breath_ease(ph.progress);
    return ph;
}

/* Whole breaths of at least `minutes`, before max_breaths. */
static uint64_t breaths_asked(const BreathPattern *p, int minutes)
{
    uint64_t target = (uint64_t)(minutes > 0 ? minutes : 1) * 60000u;
    uint64_t cycles = (target + p->cycle_ms - 1) / p->cycle_ms;
    return cycles ? cycles : 1;
}

uint64_t breath_session_breaths(const BreathPattern *p, int minutes)
{
    if (p->unpaced || p->cycle_ms == 0) return 0;
    uint64_t n = breaths_asked(p, minutes);
    if (p->max_breaths > 0 && n > (uint64_t)p->max_breaths) n = (uint64_t)p->max_breaths;
    return n;
}

bool breath_minutes_clamped(const BreathPattern *p, int minutes)
{
    if (p->unpaced || p->cycle_ms == 0 || p->max_breaths <= 0) return false;
    return breaths_asked(p, minutes) > (uint64_t)p->max_breaths;
}

uint64_t breath_session_ms(const BreathPattern *p, int minutes)
{
    if (p->unpaced || p->cycle_ms == 0) return (uint64_t)(minutes > 0 ? minutes : 1) * 60000u;
    return breath_session_breaths(p, minutes) * p->cycle_ms;
}

bool breath_id_reserved(const char *id)
{
    return id && (!strcmp(id, "your-pace") || !strcmp(id, "find-your-pace"));
}

BreathSession breath_session(const BreathPattern *p, int minutes, uint32_t ready_ms)
{
    return (BreathSession){p, ready_ms, breath_session_ms(p, minutes)};
}

BreathSessionState breath_session_at(const BreathSession *s, uint64_t elapsed_ms)
{
    BreathSessionState st = {0};
    bool paced = !s->pattern->unpaced && s->pattern->cycle_ms > 0;
    st.cycles_total = paced ? s->total_ms / s->pattern->cycle_ms : 0;
    if (elapsed_ms < s->ready_ms) {
        st.getting_ready = true;
        st.ready_left_ms = s->ready_ms - (uint32_t)elapsed_ms;
        st.left_ms = s->total_ms;
        st.phase = breath_at(s->pattern, 0);
        return st;
    }
    uint64_t b = elapsed_ms - s->ready_ms;
    if (b >= s->total_ms) {
        st.done = true;
        b = s->total_ms;
        /* The final instant: the end of the last exhale, lungs at rest. */
        st.phase = breath_at(s->pattern, s->total_ms - 1);
        st.phase.progress = 1;
        st.phase.step_left_ms = 0;
        if (paced) st.phase.fill = fill_before(s->pattern, 0);
    } else {
        st.phase = breath_at(s->pattern, b);
    }
    st.breathing_ms = b;
    st.left_ms = s->total_ms - b;
    st.cycles_done = paced ? b / s->pattern->cycle_ms : 0;
    return st;
}

bool breath_pattern_from_json(JsonV *v, const cJSON *obj, const char *path, BreathPattern *out)
{
    int errors = v->errors;
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(obj)) {
        jv_error(v, path, "expected an object");
        return false;
    }
    out->file = v->file;
    jv_check_keys(v, obj, path, PATTERN_KEYS, (int)(sizeof PATTERN_KEYS / sizeof *PATTERN_KEYS));
    out->id = jv_id(v, obj, path, "id", true);
    out->title = jv_str(v, obj, path, "title", BREATH_TITLE_MAX, true);
    out->when = jv_str(v, obj, path, "when", BREATH_WHEN_MAX, true);
    if (out->id && breath_id_reserved(out->id)) {
        char kp[JV_PATH_MAX];
        jv_error(v, jv_key_path(kp, path, "id"), "\"%s\" is kept for Find your pace", out->id);
    }
    long minutes = 3;
    jv_int(v, obj, path, "minutes", 1, BREATH_MINUTES_MAX, false, &minutes);
    out->minutes = (int)minutes;
    out->caution = jv_str(v, obj, path, "caution", BREATH_CAUTION_MAX, false);
    /* Unsure whether it is paced, the steps cannot be judged: this one message is enough. */
    if (!jv_bool(v, obj, path, "unpaced", false, &out->unpaced)) return false;
    long max_breaths = 0;
    jv_int(v, obj, path, "max_breaths", 1, BREATH_MAX_BREATHS, false, &max_breaths);
    out->max_breaths = (int)max_breaths;
    if (out->unpaced) {
        /* Nothing to follow: steps or a breath count would be a pace after all. */
        char kp[JV_PATH_MAX];
        static const char *const PACED_ONLY[] = {"steps", "max_breaths"};
        for (int i = 0; i < 2; i++)
            if (cJSON_GetObjectItemCaseSensitive(obj, PACED_ONLY[i]))
                jv_error(v, jv_key_path(kp, path, PACED_ONLY[i]),
                         "not allowed in an unpaced pattern");
        out->max_breaths = 0;
        return v->errors == errors && out->id && out->title && out->when;
    }

    char sp[JV_PATH_MAX], ip[JV_PATH_MAX];
    jv_key_path(sp, path, "steps");
    const cJSON *steps = jv_array(v, obj, path, "steps", 2, BREATH_MAX_STEPS, true);
    bool has_in = false, has_out = false;
    if (steps) {
        const cJSON *st;
        cJSON_ArrayForEach(st, steps) {
            jv_index_path(ip, sp, out->nsteps);
            BreathStep *s = &out->steps[out->nsteps++];
            if (!cJSON_IsObject(st)) {
                jv_error(v, ip, "expected an object");
                continue;
            }
            jv_check_keys(v, st, ip, STEP_KEYS, (int)(sizeof STEP_KEYS / sizeof *STEP_KEYS));
            int k = jv_enum(v, st, ip, "kind", KIND_NAMES, BREATH_KIND_COUNT, true);
            long ms = 0;
            jv_int(v, st, ip, "ms", BREATH_STEP_MIN_MS, BREATH_STEP_MAX_MS, true, &ms);
            s->kind = k >= 0 ? (BreathKind)k : BREATH_HOLD;
            s->ms = (uint32_t)ms;
            out->cycle_ms += s->ms;
            double to = s->kind == BREATH_IN ? 1.0 : 0.0;
            if (!jv_num(v, st, ip, "to", 0.0, 1.0, false, &to)) continue;
            s->to = (float)to;
            has_in |= s->kind == BREATH_IN;
            has_out |= s->kind == BREATH_OUT;
        }
        if (v->errors == errors) {
            if (!has_in || !has_out)
                jv_error(v, sp, "a pattern needs at least one \"in\" and one \"out\" step");
            else if (out->cycle_ms < BREATH_CYCLE_MIN_MS)
                jv_error(v, sp, "one breath must last at least %u ms", BREATH_CYCLE_MIN_MS);
            else {
                /* Each inhale must fill more, each exhale empty more, than the step before. */
                for (int i = 0; i < out->nsteps; i++) {
                    const BreathStep *s = &out->steps[i];
                    double from = fill_before(out, i);
                    if ((s->kind == BREATH_IN && s->to <= from) ||
                        (s->kind == BREATH_OUT && s->to >= from)) {
                        jv_error(v, jv_index_path(ip, sp, i),
                                 "\"%s\" goes the wrong way (fill %.2f to %.2f)",
                                 KIND_NAMES[s->kind], from, s->to);
                        break;
                    }
                }
            }
        }
    }
    return v->errors == errors && out->id && out->title && out->when;
}
