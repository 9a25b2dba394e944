/* Grounding exercises: one exercise object, as under "exercises". What is accepted, the step
 * machine must walk to the end, forwards, backwards and through time, staying in range. */
#include "attune/ground.h"
#include "fuzz.h"

static const BreathPattern *box(void)
{
    static BreathPattern p = {.id = "box", .title = "Box", .when = "Any time.", .nsteps = 4,
                              .cycle_ms = 16000, .minutes = 3};
    static const BreathKind k[4] = {BREATH_IN, BREATH_HOLD, BREATH_OUT, BREATH_HOLD_EMPTY};
    for (int i = 0; i < 4; i++) p.steps[i] = (BreathStep){k[i], 4000, k[i] == BREATH_IN ? 1.0f : 0.0f};
    return &p;
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
        GroundExercise ex;
        bool ok = ground_exercise_from_json(&v, root, "exercises[0]", &ex);
        fz_check_messages(&d, 0, "fuzz.json: exercises[0]");
        FZ_ASSERT(ok == (v.errors == 0));
        if (ok) {
            FZ_ASSERT(ex.nsteps >= 1 && ex.nsteps <= GROUND_MAX_STEPS);
            int before = d.count;
            ground_exercise_check_patterns(&ex, box(), 1, &d);
            fz_check_messages(&d, before, "fuzz.json: exercises[0].steps[");
            /* Walk it: presses, a step back now and then, feelings, time passing, a pause. */
            GroundRun r;
            uint64_t now = 1000;
            ground_run_start(&r, &ex, box(), 1, now);
            for (int i = 0; i < 4 * GROUND_MAX_STEPS * (GROUND_COUNT_MAX + 2) && !ground_run_finished(&r); i++) {
                FZ_ASSERT(ground_run_step_index(&r) >= 0 && ground_run_step_index(&r) < ex.nsteps);
                double pr = ground_run_progress(&r, now);
                FZ_ASSERT(pr >= 0 && pr <= 1);
                BreathSessionState bs;
                ground_run_breath(&r, now, &bs);
                ground_run_seconds_left(&r, now);
                ground_run_choose_feeling(&r, i % 3);
                ground_run_set_strength(&r, 1 + i % 5);
                if (i % 11 == 5) ground_run_back(&r, now);
                else if (i % 13 == 7) {
                    ground_run_pause(&r, now);
                    now += 5000;
                    ground_run_resume(&r, now);
                } else ground_run_next(&r, now);
                now += (uint64_t)(i % 4) * 997;
                ground_run_update(&r, now);
            }
            /* Time alone finishes an exercise of timed steps; presses finish any. */
            for (int i = 0; i < 2 * GROUND_MAX_STEPS * (GROUND_COUNT_MAX + 2) && !ground_run_finished(&r); i++) {
                ground_run_choose_feeling(&r, 0);
                ground_run_next(&r, now);
            }
            FZ_ASSERT(ground_run_finished(&r));
            FZ_ASSERT(ground_run_completed(&r) == ex.nsteps);
        }
        diag_free(&d);
        strpool_free(pool);
        cJSON_Delete(root);
    }
    free(buf);
    return 0;
}
