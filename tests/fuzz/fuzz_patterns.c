/* Breathing patterns: one pattern object, as under "patterns" in a content file. What the
 * validator accepts, the breathing engine must run for hours without dividing by zero or
 * leaving its ranges. */
#include "attune/breath.h"
#include "fuzz.h"

static void check_phase(const BreathPattern *p, BreathPhase ph)
{
    FZ_ASSERT(ph.step >= 0 && ph.step < p->nsteps);
    FZ_ASSERT(ph.progress >= 0 && ph.progress <= 1);
    FZ_ASSERT(ph.fill >= -1e-9 && ph.fill <= 1 + 1e-9);
    FZ_ASSERT(ph.step_left_ms <= ph.step_ms);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = fz_text(data, size);
    int line, col;
    cJSON *root = jv_parse_content(buf, size, &line, &col);
    if (root) {
        StrPool *pool = strpool_new();
        AtDiag d = {0};
        JsonV v = {.file = "fuzz.json", .diag = &d, .pool = pool};
        BreathPattern p;
        bool ok = breath_pattern_from_json(&v, root, "patterns[0]", &p);
        fz_check_messages(&d, 0, "fuzz.json: patterns[0]");
        FZ_ASSERT(ok == (v.errors == 0));
        if (ok) {
            FZ_ASSERT(p.nsteps >= 2 && p.nsteps <= BREATH_MAX_STEPS);
            FZ_ASSERT(p.cycle_ms >= BREATH_CYCLE_MIN_MS);
            FZ_ASSERT(p.minutes >= 1 && p.minutes <= BREATH_MINUTES_MAX);
            FZ_ASSERT(utf8_valid(p.title, strlen(p.title), NULL));
            const uint64_t at[] = {0, 1, p.cycle_ms - 1, p.cycle_ms, p.cycle_ms + 1,
                                   36000000ull, 36000000ull + 12345, UINT64_MAX / 2};
            for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) check_phase(&p, breath_at(&p, at[i]));
            BreathSession s = breath_session(&p, p.minutes, 3000);
            FZ_ASSERT(s.total_ms % p.cycle_ms == 0 && s.total_ms >= (uint64_t)p.minutes * 60000u);
            for (uint64_t t = 0; t <= s.total_ms + 3000 + p.cycle_ms; t += s.total_ms / 7 + 1) {
                BreathSessionState st = breath_session_at(&s, t);
                FZ_ASSERT(st.cycles_done <= st.cycles_total);
                if (!st.getting_ready) check_phase(&p, st.phase);
            }
        }
        diag_free(&d);
        strpool_free(pool);
        cJSON_Delete(root);
    }
    free(buf);
    return 0;
}
