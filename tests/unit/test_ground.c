/* Grounding exercises: the step machine under a fake clock, validation messages, and the
 * shipped levels/grounding.json. */
#include "attune/ground.h"
#include "check.h"

#include <stdlib.h>

static BreathPattern box(void)
{
    BreathPattern p = {.id = "box", .title = "Box", .when = "w", .nsteps = 4, .minutes = 3};
    BreathKind k[4] = {BREATH_IN, BREATH_HOLD, BREATH_OUT, BREATH_HOLD_EMPTY};
    for (int i = 0; i < 4; i++) p.steps[i] = (BreathStep){k[i], 4000, k[i] == BREATH_IN};
    p.cycle_ms = 16000;
    return p;
}

/* Parses `json` (one exercise object) into *ex; messages go to *d. Returns the loader's verdict. */
static bool parse_exercise(const char *json, StrPool *pool, AtDiag *d, GroundExercise *ex)
{
    cJSON *obj = cJSON_Parse(json);
    CHECK(obj != NULL);
    JsonV v = {.file = "mem.json", .diag = d, .pool = pool};
    bool ok = ground_exercise_from_json(&v, obj, "exercises[0]", ex);
    cJSON_Delete(obj);
    return ok;
}

/* Loads every exercise of a whole file's "exercises" array, skipping bad ones. */
static int load_all(const cJSON *root, const char *file, StrPool *pool, AtDiag *d,
                    GroundExercise *out, int max)
{
    JsonV v = {.file = file, .diag = d, .pool = pool};
    const cJSON *arr = jv_array(&v, root, "", "exercises", 0, 1000, true);
    int n = 0, i = 0;
    char ip[JV_PATH_MAX];
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        jv_index_path(ip, "exercises", i++);
        if (n < max && ground_exercise_from_json(&v, it, ip, &out[n])) n++;
    }
    return n;
}

static const char *const MIXED =
    "{\"id\":\"mixed\",\"title\":\"Mixed\",\"when\":\"Tests.\",\"minutes\":2,\"steps\":["
    "{\"prompt\":\"Hello.\"},"
    "{\"prompt\":\"Notice three things.\",\"count\":3},"
    "{\"prompt\":\"Wait.\",\"seconds\":15},"
    "{\"prompt\":\"Wait more.\",\"seconds\":10},"
    "{\"prompt\":\"Breathe.\",\"breathe\":{\"pattern\":\"box\",\"breaths\":2}},"
    "{\"prompt\":\"Name it.\",\"feelings\":[\"sad\",\"angry\",\"numb\",\"hurt\"]},"
    "{\"prompt\":\"Done.\",\"note\":true}]}";

enum { HELLO, THREE, WAIT15, WAIT10, BREATHE, NAME, DONE, NSTEPS };

typedef struct Fixture {
    StrPool *pool;
    AtDiag diag;
    GroundExercise ex;
    BreathPattern patterns[1];
} Fixture;

static void fixture(Fixture *f, const char *json)
{
    memset(f, 0, sizeof *f);
    f->pool = strpool_new();
    f->patterns[0] = box();
    CHECK(parse_exercise(json, f->pool, &f->diag, &f->ex));
    CHECK_INT(f->diag.count, 0);
}

static void fixture_free(Fixture *f)
{
    diag_free(&f->diag);
    strpool_free(f->pool);
}

/* Starts at `t` and walks to step `target` by pressing Next, filling counts. */
static void walk_to(GroundRun *r, int target, uint64_t t)
{
    for (int guard = 0; ground_run_step_index(r) < target && guard < 100; guard++)
        ground_run_next(r, t);
}

/* ---------------------------------------------------------------------------------------- */
/* The step machine                                                                         */

static void mixed_exercise_loads_with_every_kind_of_step(void)
{
    Fixture f;
    fixture(&f, MIXED);
    CHECK_INT(f.ex.nsteps, NSTEPS);
    CHECK_INT(f.ex.steps[HELLO].kind, GROUND_STEP_PLAIN);
    CHECK_INT(f.ex.steps[THREE].kind, GROUND_STEP_COUNT);
    CHECK_INT(f.ex.steps[THREE].count, 3);
    CHECK_INT(f.ex.steps[WAIT15].kind, GROUND_STEP_TIMED);
    CHECK_INT(f.ex.steps[WAIT15].ms, 15000);
    CHECK_INT(f.ex.steps[BREATHE].kind, GROUND_STEP_BREATHE);
    CHECK_STR(f.ex.steps[BREATHE].pattern, "box");
    CHECK_INT(f.ex.steps[BREATHE].breaths, 2);
    CHECK_INT(f.ex.steps[NAME].kind, GROUND_STEP_FEELINGS);
    CHECK_INT(f.ex.steps[NAME].nfeelings, 4);
    CHECK_STR(f.ex.steps[NAME].feelings[2], "numb");
    CHECK(f.ex.steps[DONE].note);
    CHECK(!f.ex.steps[HELLO].note);
    CHECK_STR(f.ex.file, "mem.json");
    CHECK_STR(f.ex.path, "exercises[0]");
    CHECK(f.ex.caution == NULL);
    fixture_free(&f);
}

static void next_on_a_plain_step_moves_on(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 5000);
    CHECK(!ground_run_awaiting_ack(&r));
    CHECK_INT(ground_run_step_index(&r), HELLO);
    CHECK_INT(ground_run_step_total(&r), NSTEPS);
    CHECK_STR(ground_run_step(&r)->prompt, "Hello.");
    CHECK(!ground_run_animating(&r)); /* a plain prompt: the app may sleep */
    CHECK_INT(ground_run_update(&r, 999999), GROUND_NONE); /* it never moves on by itself */
    CHECK_INT(ground_run_next(&r, 6000), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), THREE);
    CHECK_INT(ground_run_completed(&r), 1);
    fixture_free(&f);
}

static void a_count_step_fills_one_mark_per_press_and_moves_on_after_a_beat(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 0);
    walk_to(&r, THREE, 0);
    CHECK_INT(ground_run_marks(&r), 0);
    CHECK_INT(ground_run_next(&r, 1000), GROUND_MARKED);
    CHECK_INT(ground_run_next(&r, 2000), GROUND_MARKED);
    CHECK_INT(ground_run_marks(&r), 2);
    CHECK_NEAR(ground_run_progress(&r, 2000), 2.0 / 3.0, 1e-12);
    CHECK(!ground_run_animating(&r)); /* waiting for the user */
    CHECK_INT(ground_run_next(&r, 3000), GROUND_MARKED);
    CHECK_INT(ground_run_marks(&r), 3);
    CHECK_INT(ground_run_step_index(&r), THREE); /* the full row stays on screen a moment */
    CHECK(ground_run_animating(&r));
    CHECK_INT(ground_run_update(&r, 3000 + GROUND_LINGER_MS - 1), GROUND_NONE);
    CHECK_INT(ground_run_update(&r, 3000 + GROUND_LINGER_MS), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), WAIT15);
    CHECK_INT(ground_run_marks(&r), 0);
    /* the next step began when the linger ended, not when update was called */
    CHECK_INT(ground_run_step_ms(&r, 3000 + GROUND_LINGER_MS + 50), 50);
    fixture_free(&f);
}

static void pressing_during_the_linger_moves_on_at_once(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 0);
    walk_to(&r, THREE, 0);
    for (int i = 0; i < 3; i++) ground_run_next(&r, 100);
    CHECK_INT(ground_run_next(&r, 200), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), WAIT15);
    CHECK_INT(ground_run_step_ms(&r, 200), 0);
    fixture_free(&f);
}

static void a_timed_step_moves_on_by_itself_exactly_when_time_is_up(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 1000);
    walk_to(&r, WAIT15, 1000); /* run time 0: the timed step starts at clock 1000 */
    CHECK_INT(ground_run_kind(&r), GROUND_STEP_TIMED);
    CHECK(ground_run_animating(&r));
    CHECK_INT(ground_run_seconds_left(&r, 1000), 15);
    CHECK_INT(ground_run_seconds_left(&r, 1001), 15); /* rounded up: 14.999 s shows 15 */
    CHECK_INT(ground_run_seconds_left(&r, 2000), 14);
    CHECK_NEAR(ground_run_progress(&r, 8500), 0.5, 1e-12);
    CHECK_INT(ground_run_update(&r, 15999), GROUND_NONE);
    CHECK_INT(ground_run_seconds_left(&r, 15999), 1);
    CHECK_INT(ground_run_step_index(&r), WAIT15);
    /* a late frame (37 ms after the deadline) moves on, and the next step began on time */
    CHECK_INT(ground_run_update(&r, 16037), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), WAIT10);
    CHECK_INT(ground_run_step_ms(&r, 16037), 37);
    CHECK_INT(ground_run_update(&r, 25999), GROUND_NONE);
    CHECK_INT(ground_run_update(&r, 26000), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), BREATHE);
    fixture_free(&f);
}

static void a_sleeping_app_catches_up_through_every_step_that_ran_out(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 0);
    walk_to(&r, WAIT15, 0);
    /* 15 s + 10 s + 3 s get-ready + 2 box breaths (32 s) = 60 s; wake up at 61 s */
    CHECK_INT(ground_run_update(&r, 61000), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), NAME);
    CHECK_INT(ground_run_step_ms(&r, 61000), 1000);
    fixture_free(&f);
}

static void a_late_press_does_not_skip_the_step_that_was_due(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 0);
    walk_to(&r, WAIT15, 0);
    /* the app has not called update since the timer ran out; the press lands on WAIT10 */
    CHECK_INT(ground_run_next(&r, 15100), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), WAIT10);
    fixture_free(&f);
}

static void the_user_may_leave_a_timed_step_or_interlude_early(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 0);
    walk_to(&r, WAIT15, 0);
    CHECK_INT(ground_run_next(&r, 4000), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), WAIT10);
    CHECK_INT(ground_run_seconds_left(&r, 4000), 10);
    CHECK_INT(ground_run_next(&r, 5000), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), BREATHE);
    CHECK_INT(ground_run_next(&r, 6000), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), NAME);
    fixture_free(&f);
}

static void an_interlude_ends_after_its_breaths(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 0);
    walk_to(&r, WAIT15, 0);
    ground_run_next(&r, 0);
    ground_run_next(&r, 0); /* the interlude begins at run time 0 */
    CHECK_INT(ground_run_step_index(&r), BREATHE);
    CHECK_INT(ground_run_kind(&r), GROUND_STEP_BREATHE);
    CHECK_STR(ground_run_pattern(&r)->id, "box");
    CHECK(ground_run_animating(&r));
    BreathSessionState st;
    CHECK(ground_run_breath(&r, 1000, &st));
    CHECK(st.getting_ready);
    CHECK_INT(st.ready_left_ms, 2000);
    CHECK_INT(st.cycles_total, 2);
    CHECK_INT(ground_run_interlude_ms(&r, 1000), 0);
    CHECK_INT(ground_run_seconds_left(&r, 0), 35); /* 3 s ready + 2 x 16 s */
    /* the first inhale begins when the get-ready ends */
    CHECK_INT(ground_run_interlude_ms(&r, 3000), 0);
    CHECK_INT(ground_run_interlude_ms(&r, 3000 + 4000), 4000);
    CHECK_INT(breath_at(ground_run_pattern(&r), ground_run_interlude_ms(&r, 7000)).kind,
              BREATH_HOLD);
    CHECK(ground_run_breath(&r, 3000 + 16000, &st));
    CHECK(!st.getting_ready);
    CHECK_INT(st.cycles_done, 1);
    CHECK_NEAR(ground_run_progress(&r, 3000 + 16000), 0.5, 1e-12);
    CHECK_INT(ground_run_update(&r, 34999), GROUND_NONE);
    CHECK_INT(ground_run_step_index(&r), BREATHE);
    CHECK_INT(ground_run_interlude_ms(&r, 34999), 31999);
    CHECK_INT(ground_run_update(&r, 35000), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), NAME);
    CHECK(ground_run_pattern(&r) == NULL);
    CHECK(!ground_run_breath(&r, 35000, &st));
    fixture_free(&f);
}

static void an_interlude_with_an_unknown_pattern_waits_like_a_plain_step(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, NULL, 0, 0); /* no patterns loaded */
    walk_to(&r, BREATHE, 0);
    CHECK_INT(ground_run_step(&r)->kind, GROUND_STEP_BREATHE);
    CHECK_INT(ground_run_kind(&r), GROUND_STEP_PLAIN);
    CHECK(ground_run_pattern(&r) == NULL);
    CHECK(!ground_run_animating(&r));
    CHECK_INT(ground_run_update(&r, 10000000), GROUND_NONE);
    CHECK_INT(ground_run_next(&r, 10000000), GROUND_FORWARD);
    fixture_free(&f);
}

static void pausing_freezes_timed_steps_and_interludes_exactly(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 0);
    walk_to(&r, WAIT15, 0);
    ground_run_pause(&r, 5000);
    CHECK(ground_run_paused(&r));
    CHECK(!ground_run_animating(&r));
    CHECK_INT(ground_run_update(&r, 100000), GROUND_NONE);
    CHECK_INT(ground_run_step_ms(&r, 100000), 5000);
    CHECK_INT(ground_run_seconds_left(&r, 100000), 10);
    CHECK_INT(ground_run_next(&r, 100000), GROUND_NONE); /* input is ignored under an overlay */
    CHECK_INT(ground_run_step_index(&r), WAIT15);
    ground_run_resume(&r, 100000);
    CHECK_INT(ground_run_update(&r, 109999), GROUND_NONE);
    CHECK_INT(ground_run_update(&r, 110000), GROUND_FORWARD); /* 15 s of run time, exactly */
    CHECK_INT(ground_run_elapsed(&r, 110000), 15000);
    /* WAIT10 began at run time 15000 (clock 110000); skip it to reach the interlude */
    ground_run_next(&r, 110000);
    CHECK_INT(ground_run_step_index(&r), BREATHE);
    uint64_t phase_before = ground_run_interlude_ms(&r, 120000);
    ground_run_pause(&r, 120000);
    CHECK_INT(ground_run_interlude_ms(&r, 500000), phase_before);
    BreathSessionState a, b;
    ground_run_breath(&r, 120000, &a);
    ground_run_breath(&r, 500000, &b);
    CHECK_INT(a.phase.step, b.phase.step);
    CHECK_NEAR(a.phase.fill, b.phase.fill, 0);
    ground_run_resume(&r, 500000);
    CHECK_INT(ground_run_interlude_ms(&r, 500001), phase_before + 1);
    /* the interlude began at clock 110000 and lasts 35 s of run time, 380 s of them paused */
    CHECK_INT(ground_run_update(&r, 110000 + 380000 + 34999), GROUND_NONE);
    CHECK_INT(ground_run_update(&r, 110000 + 380000 + 35000), GROUND_FORWARD);
    fixture_free(&f);
}

static void back_returns_to_the_previous_step_with_its_state_reset(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 0);
    CHECK_INT(ground_run_back(&r, 0), GROUND_NONE); /* nothing before the first step */
    CHECK_INT(ground_run_step_index(&r), HELLO);
    walk_to(&r, THREE, 0);
    ground_run_next(&r, 0);
    ground_run_next(&r, 0);
    CHECK_INT(ground_run_marks(&r), 2);
    CHECK_INT(ground_run_back(&r, 100), GROUND_BACK);
    CHECK_INT(ground_run_step_index(&r), HELLO);
    ground_run_next(&r, 200);
    CHECK_INT(ground_run_marks(&r), 0); /* the count starts again */
    walk_to(&r, WAIT15, 300);
    CHECK_INT(ground_run_next(&r, 9000), GROUND_FORWARD); /* leave WAIT15 early at run 9 s */
    CHECK_INT(ground_run_back(&r, 9500), GROUND_BACK);
    CHECK_INT(ground_run_step_index(&r), WAIT15);
    CHECK_INT(ground_run_completed(&r), WAIT10); /* going back does not undo progress */
    CHECK_INT(ground_run_seconds_left(&r, 9500), 15); /* a fresh timer */
    CHECK_INT(ground_run_update(&r, 9500 + 14999), GROUND_NONE);
    CHECK_INT(ground_run_update(&r, 9500 + 15000), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), WAIT10);
    fixture_free(&f);
}

static void a_feelings_step_waits_for_a_feeling_and_keeps_the_choice(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 0);
    CHECK(!ground_run_choose_feeling(&r, 0)); /* not a feelings step */
    CHECK(!ground_run_set_strength(&r, 3));
    walk_to(&r, NAME, 0);
    CHECK_INT(ground_run_kind(&r), GROUND_STEP_FEELINGS);
    CHECK(!ground_run_can_next(&r));
    CHECK_INT(ground_run_next(&r, 100), GROUND_NONE);
    CHECK_INT(ground_run_step_index(&r), NAME);
    CHECK(!ground_run_choose_feeling(&r, 4)); /* only four words */
    CHECK(!ground_run_choose_feeling(&r, -1));
    CHECK(ground_run_choose_feeling(&r, 1));
    CHECK(ground_run_choose_feeling(&r, 3)); /* changing your mind is fine */
    CHECK(!ground_run_set_strength(&r, 0));
    CHECK(!ground_run_set_strength(&r, 6));
    CHECK(ground_run_set_strength(&r, 4));
    CHECK(ground_run_can_next(&r));
    CHECK_INT(ground_run_next(&r, 200), GROUND_FORWARD);
    CHECK_INT(ground_run_feeling(&r, NAME), 3);
    CHECK_STR(f.ex.steps[NAME].feelings[ground_run_feeling(&r, NAME)], "hurt");
    CHECK_INT(ground_run_strength(&r, NAME), 4);
    CHECK_INT(ground_run_feeling(&r, HELLO), -1);
    /* going back to it clears the choice */
    ground_run_back(&r, 300);
    CHECK_INT(ground_run_feeling(&r, NAME), -1);
    CHECK_INT(ground_run_strength(&r, NAME), 0);
    fixture_free(&f);
}

static void the_last_step_finishes_and_the_run_then_stays_still(void)
{
    Fixture f;
    fixture(&f, MIXED);
    GroundRun r;
    ground_run_start(&r, &f.ex, f.patterns, 1, 1000);
    walk_to(&r, NAME, 1000);
    ground_run_choose_feeling(&r, 0);
    walk_to(&r, DONE, 1000);
    CHECK(ground_run_step(&r)->note);
    CHECK_INT(ground_run_completed(&r), DONE);
    CHECK_INT(ground_run_next(&r, 41000), GROUND_FINISHED);
    CHECK(ground_run_finished(&r));
    CHECK(ground_run_step(&r) == NULL);
    CHECK_INT(ground_run_completed(&r), NSTEPS);
    CHECK_INT(ground_run_elapsed(&r, 41000), 40000);
    CHECK_INT(ground_run_elapsed(&r, 99000), 40000); /* frozen at the finish */
    CHECK_INT(ground_run_next(&r, 99000), GROUND_NONE);
    CHECK_INT(ground_run_back(&r, 99000), GROUND_NONE);
    CHECK_INT(ground_run_update(&r, 99000), GROUND_NONE);
    CHECK(!ground_run_animating(&r));
    CHECK(!ground_run_can_next(&r));
    CHECK_INT(ground_run_feeling(&r, NAME), 0); /* still there to record */
    fixture_free(&f);
}

static void a_timed_last_step_finishes_by_itself(void)
{
    Fixture f;
    fixture(&f, "{\"id\":\"t\",\"title\":\"T\",\"when\":\"w\",\"minutes\":1,"
                "\"steps\":[{\"prompt\":\"Sit.\",\"seconds\":3}]}");
    GroundRun r;
    ground_run_start(&r, &f.ex, NULL, 0, 500);
    CHECK_INT(ground_run_update(&r, 3499), GROUND_NONE);
    CHECK_INT(ground_run_update(&r, 3600), GROUND_FINISHED);
    CHECK_INT(ground_run_elapsed(&r, 9999), 3000); /* the step's length, not the late frame */
    fixture_free(&f);
}

static void a_caution_must_be_acknowledged_before_the_first_step(void)
{
    Fixture f;
    fixture(&f, "{\"id\":\"c\",\"title\":\"C\",\"when\":\"w\",\"minutes\":1,"
                "\"caution\":\"Careful.\",\"steps\":[{\"prompt\":\"Sit.\",\"seconds\":3},"
                "{\"prompt\":\"Up.\"}]}");
    CHECK_STR(f.ex.caution, "Careful.");
    GroundRun r;
    ground_run_start(&r, &f.ex, NULL, 0, 0);
    CHECK(ground_run_awaiting_ack(&r));
    CHECK(ground_run_step(&r) == NULL);
    CHECK(ground_run_can_next(&r));
    CHECK(!ground_run_animating(&r));
    CHECK_INT(ground_run_update(&r, 60000), GROUND_NONE); /* reading time is not counted */
    CHECK_INT(ground_run_elapsed(&r, 60000), 0);
    CHECK_INT(ground_run_back(&r, 60000), GROUND_NONE);
    CHECK_INT(ground_run_next(&r, 60000), GROUND_STARTED);
    CHECK(!ground_run_awaiting_ack(&r));
    CHECK_INT(ground_run_step_index(&r), 0);
    CHECK_INT(ground_run_seconds_left(&r, 60000), 3);
    CHECK_INT(ground_run_update(&r, 63000), GROUND_FORWARD);
    CHECK_INT(ground_run_elapsed(&r, 64000), 4000);
    fixture_free(&f);
}

/* ---------------------------------------------------------------------------------------- */
/* Choices: a choose step and the steps shown `only` for one of its options                  */

/* Intro; a choice of a, b or c; two steps for a (one timed), one for b (a count), none for c;
 * a closing step for everyone. */
static const char *const CHOICE =
    "{\"id\":\"pick\",\"title\":\"Pick\",\"when\":\"Tests.\",\"minutes\":2,\"steps\":["
    "{\"prompt\":\"Hello.\"},"
    "{\"prompt\":\"Which?\",\"choose\":{\"options\":[{\"id\":\"a\",\"label\":\"Aa\"},"
    "{\"id\":\"b\",\"label\":\"Bb\"},{\"id\":\"c\",\"label\":\"Cc\"}]}},"
    "{\"only\":\"a\",\"prompt\":\"A one.\"},"
    "{\"only\":\"a\",\"prompt\":\"A two.\",\"seconds\":5},"
    "{\"only\":\"b\",\"prompt\":\"B one.\",\"count\":2},"
    "{\"prompt\":\"The end.\",\"note\":true}]}";

enum { C_HELLO, C_WHICH, C_A1, C_A2, C_B1, C_END, C_NSTEPS };

static void a_choose_step_loads_with_its_options_and_the_steps_that_follow_them(void)
{
    Fixture f;
    fixture(&f, CHOICE);
    CHECK_INT(f.ex.nsteps, C_NSTEPS);
    const GroundStep *w = &f.ex.steps[C_WHICH];
    CHECK_INT(w->kind, GROUND_STEP_CHOOSE);
    CHECK_INT(w->noptions, 3);
    CHECK_STR(w->options[1].id, "b");
    CHECK_STR(w->options[2].label, "Cc");
    CHECK(w->only == NULL);
    CHECK_STR(f.ex.steps[C_A2].only, "a");
    CHECK_INT(f.ex.steps[C_A2].only_step, C_WHICH);
    CHECK_INT(f.ex.steps[C_A2].only_option, 0);
    CHECK_INT(f.ex.steps[C_B1].only_option, 1);
    CHECK_INT(f.ex.steps[C_B1].kind, GROUND_STEP_COUNT); /* `only` goes with any kind */
    CHECK(f.ex.steps[C_END].only == NULL);
    int fewest = 0, most = 0;
    ground_exercise_steps(&f.ex, &fewest, &most);
    CHECK_INT(fewest, 3); /* c: hello, which, end */
    CHECK_INT(most, 5);   /* a: two steps of its own */
    fixture_free(&f);
}

static void next_waits_for_an_option_and_then_follows_only_its_steps(void)
{
    Fixture f;
    fixture(&f, CHOICE);
    GroundRun r;
    ground_run_start(&r, &f.ex, NULL, 0, 0);
    CHECK_INT(ground_run_step_total(&r), 5); /* not chosen yet: the longest way */
    CHECK_INT(ground_run_step_number(&r, C_HELLO), 1);
    CHECK(!ground_run_choose(&r, 0)); /* not a choose step */
    CHECK_INT(ground_run_next(&r, 100), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), C_WHICH);
    CHECK_INT(ground_run_kind(&r), GROUND_STEP_CHOOSE);
    CHECK(!ground_run_can_next(&r));
    CHECK(!ground_run_last_step(&r));
    CHECK_INT(ground_run_next(&r, 200), GROUND_NONE);
    CHECK_INT(ground_run_step_index(&r), C_WHICH);
    CHECK(!ground_run_choose(&r, 3)); /* only three options */
    CHECK(!ground_run_choose(&r, -1));
    CHECK_INT(ground_run_choice(&r, C_WHICH), -1);
    CHECK(ground_run_choose(&r, 0));
    CHECK(ground_run_choose(&r, 1)); /* changing your mind is fine */
    CHECK_INT(ground_run_choice(&r, C_WHICH), 1);
    CHECK_INT(ground_run_choice(&r, C_HELLO), -1);
    CHECK_INT(ground_run_step_total(&r), 4); /* hello, which, b's count, end */
    CHECK(ground_run_step_shown(&r, C_B1));
    CHECK(!ground_run_step_shown(&r, C_A1));
    CHECK(!ground_run_step_shown(&r, C_A2));
    CHECK(ground_run_can_next(&r));
    CHECK_INT(ground_run_next(&r, 300), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), C_B1); /* a's steps are skipped */
    CHECK_INT(ground_run_step_number(&r, C_B1), 3);
    CHECK_INT(ground_run_completed(&r), 2);
    CHECK(!ground_run_last_step(&r));
    ground_run_next(&r, 400);
    ground_run_next(&r, 500);
    CHECK_INT(ground_run_update(&r, 500 + GROUND_LINGER_MS), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), C_END);
    CHECK_INT(ground_run_step_number(&r, C_END), 4);
    CHECK(ground_run_last_step(&r));
    CHECK_INT(ground_run_next(&r, 2000), GROUND_FINISHED);
    CHECK_INT(ground_run_completed(&r), 4);
    CHECK_INT(ground_run_step_total(&r), 4);
    CHECK_INT(ground_run_choice(&r, C_WHICH), 1); /* still there to record */
    /* Another run starts with nothing chosen. */
    ground_run_start(&r, &f.ex, NULL, 0, 0);
    CHECK_INT(ground_run_choice(&r, C_WHICH), -1);
    CHECK_INT(ground_run_step_total(&r), 5);
    fixture_free(&f);
}

static void back_skips_steps_of_other_options_and_keeps_the_choice(void)
{
    Fixture f;
    fixture(&f, CHOICE);
    GroundRun r;
    ground_run_start(&r, &f.ex, NULL, 0, 0);
    ground_run_next(&r, 0);
    ground_run_choose(&r, 1);
    ground_run_next(&r, 0);
    ground_run_next(&r, 0);
    ground_run_next(&r, 0); /* b's two marks: the next press moves on at once */
    ground_run_next(&r, 0);
    CHECK_INT(ground_run_step_index(&r), C_END);
    CHECK_INT(ground_run_back(&r, 100), GROUND_BACK);
    CHECK_INT(ground_run_step_index(&r), C_B1); /* not a's timed step */
    CHECK_INT(ground_run_marks(&r), 0);
    CHECK_INT(ground_run_back(&r, 200), GROUND_BACK);
    CHECK_INT(ground_run_step_index(&r), C_WHICH);
    CHECK_INT(ground_run_choice(&r, C_WHICH), 1); /* kept: Next goes the same way */
    CHECK(ground_run_can_next(&r));
    CHECK_INT(ground_run_step_total(&r), 4);
    /* Choosing another option changes the way on, and the count. */
    CHECK(ground_run_choose(&r, 0));
    CHECK_INT(ground_run_step_total(&r), 5);
    CHECK_INT(ground_run_next(&r, 300), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), C_A1);
    CHECK_INT(ground_run_step_number(&r, C_A1), 3);
    ground_run_next(&r, 400);
    CHECK_INT(ground_run_step_index(&r), C_A2);
    CHECK_INT(ground_run_step_number(&r, C_A2), 4);
    CHECK(!ground_run_last_step(&r));
    /* A timed step that runs out moves on to the next step shown, past b's count. */
    CHECK_INT(ground_run_update(&r, 5399), GROUND_NONE);
    CHECK_INT(ground_run_update(&r, 5400), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), C_END);
    CHECK_INT(ground_run_step_number(&r, C_END), 5);
    CHECK_INT(ground_run_completed(&r), 4);
    /* Back all the way to the start, and no further. */
    CHECK_INT(ground_run_back(&r, 6000), GROUND_BACK);
    CHECK_INT(ground_run_step_index(&r), C_A2);
    CHECK_INT(ground_run_back(&r, 6000), GROUND_BACK);
    CHECK_INT(ground_run_back(&r, 6000), GROUND_BACK);
    CHECK_INT(ground_run_step_index(&r), C_WHICH);
    CHECK_INT(ground_run_back(&r, 6000), GROUND_BACK);
    CHECK_INT(ground_run_step_index(&r), C_HELLO);
    CHECK_INT(ground_run_back(&r, 6000), GROUND_NONE);
    /* An option with no steps of its own goes straight on to the shared ones. */
    ground_run_next(&r, 7000);
    CHECK(ground_run_choose(&r, 2));
    CHECK_INT(ground_run_step_total(&r), 3);
    CHECK_INT(ground_run_next(&r, 7000), GROUND_FORWARD);
    CHECK_INT(ground_run_step_index(&r), C_END);
    CHECK_INT(ground_run_step_number(&r, C_END), 3);
    CHECK(ground_run_last_step(&r));
    CHECK_INT(ground_run_next(&r, 8000), GROUND_FINISHED);
    CHECK_INT(ground_run_completed(&r), 3);
    fixture_free(&f);
}

static void a_choice_waits_while_paused(void)
{
    Fixture f;
    fixture(&f, CHOICE);
    GroundRun r;
    ground_run_start(&r, &f.ex, NULL, 0, 0);
    ground_run_next(&r, 0);
    ground_run_pause(&r, 100);
    CHECK(!ground_run_choose(&r, 0));
    CHECK_INT(ground_run_choice(&r, C_WHICH), -1);
    ground_run_resume(&r, 200);
    CHECK(ground_run_choose(&r, 0));
    fixture_free(&f);
}

static void two_choices_count_each_way_on_its_own(void)
{
    Fixture f;
    fixture(&f, "{\"id\":\"two\",\"title\":\"Two\",\"when\":\"w\",\"minutes\":1,\"steps\":["
                "{\"prompt\":\"First?\",\"choose\":{\"options\":[{\"id\":\"x\",\"label\":\"X\"},"
                "{\"id\":\"y\",\"label\":\"Y\"}]}},"
                "{\"only\":\"x\",\"prompt\":\"x1\"},{\"only\":\"x\",\"prompt\":\"x2\"},"
                "{\"prompt\":\"Second?\",\"choose\":{\"options\":[{\"id\":\"p\",\"label\":\"P\"},"
                "{\"id\":\"q\",\"label\":\"Q\"}]}},"
                "{\"only\":\"q\",\"prompt\":\"q1\"},{\"prompt\":\"End.\"}]}");
    int fewest = 0, most = 0;
    ground_exercise_steps(&f.ex, &fewest, &most);
    CHECK_INT(fewest, 3);
    CHECK_INT(most, 6);
    GroundRun r;
    ground_run_start(&r, &f.ex, NULL, 0, 0);
    CHECK_INT(ground_run_step_total(&r), 6);
    ground_run_choose(&r, 1); /* y: no steps of its own */
    CHECK_INT(ground_run_step_total(&r), 4);
    ground_run_next(&r, 0);
    CHECK_INT(ground_run_step_index(&r), 3);
    CHECK_INT(ground_run_step_number(&r, 3), 2);
    ground_run_choose(&r, 0); /* p: none either */
    CHECK_INT(ground_run_step_total(&r), 3);
    ground_run_next(&r, 0);
    CHECK_INT(ground_run_step_index(&r), 5);
    CHECK_INT(ground_run_step_number(&r, 5), 3);
    CHECK(ground_run_last_step(&r));
    fixture_free(&f);
}

/* ---------------------------------------------------------------------------------------- */
/* Validation                                                                               */

/* Loads `json` (an exercise object) and returns its single message, or "" if it loads. */
static const char *only_message(const char *json, char *buf, size_t n)
{
    StrPool *pool = strpool_new();
    AtDiag d = {0};
    GroundExercise ex;
    bool ok = parse_exercise(json, pool, &d, &ex);
    snprintf(buf, n, "%s", d.count == 1 ? d.msg[0] : d.count == 0 ? "" : "(several messages)");
    if (d.count > 1)
        for (int i = 0; i < d.count; i++) fprintf(stderr, "    message: %s\n", d.msg[i]);
    CHECK(ok == (d.count == 0));
    diag_free(&d);
    strpool_free(pool);
    return buf;
}

#define HEAD "{\"id\":\"x\",\"title\":\"X\",\"when\":\"w\",\"minutes\":1,"
#define STEPS(s) HEAD "\"steps\":[{\"prompt\":\"One.\"}," s "]}"

static void each_problem_is_one_message_naming_the_file_and_json_path(void)
{
    char b[512];
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"count\":12}"), b, sizeof b),
              "mem.json: exercises[0].steps[1].count: 12 is out of range (1 to 10)");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"count\":2.5}"), b, sizeof b),
              "mem.json: exercises[0].steps[1].count: expected a whole number");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"seconds\":2}"), b, sizeof b),
              "mem.json: exercises[0].steps[1].seconds: 2 is out of range (3 to 600)");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"breathe\":{\"pattern\":\"box\","
                                 "\"breaths\":0}}"),
                           b, sizeof b),
              "mem.json: exercises[0].steps[1].breathe.breaths: 0 is out of range (1 to 20)");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"breathe\":{\"pattern\":\"Box!\","
                                 "\"breaths\":2}}"),
                           b, sizeof b),
              "mem.json: exercises[0].steps[1].breathe.pattern: \"Box!\" is not an id (use "
              "a-z, 0-9, '-' and '_')");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"breathe\":\"box\"}"), b, sizeof b),
              "mem.json: exercises[0].steps[1].breathe: expected an object");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"feelings\":[\"a\",\"b\",\"c\"]}"), b,
                           sizeof b),
              "mem.json: exercises[0].steps[1].feelings: expected 4 to 16 entries, found 3");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"feelings\":[\"sad\",\"mad\",\"glad\","
                                 "\"Sad\"]}"),
                           b, sizeof b),
              "mem.json: exercises[0].steps[1].feelings[3]: \"Sad\" is already in the list");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"feelings\":[\"sad\",\"mad\",3,"
                                 "\"glad\"]}"),
                           b, sizeof b),
              "mem.json: exercises[0].steps[1].feelings[2]: expected a string");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"feelings\":[\"sad\",\"mad\",\"  \","
                                 "\"glad\"]}"),
                           b, sizeof b),
              "mem.json: exercises[0].steps[1].feelings[2]: must not be empty");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"count\":2,\"seconds\":10}"), b, sizeof b),
              "mem.json: exercises[0].steps[1]: a step takes only one of "
              "count|seconds|breathe|feelings|choose (found \"count\" and \"seconds\")");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"secnds\":10}"), b, sizeof b),
              "mem.json: exercises[0].steps[1].secnds: unknown key (expected one of "
              "prompt|detail|caution|note|count|seconds|breathe|feelings|choose|only)");
    CHECK_STR(only_message(STEPS("{\"detail\":\"d\"}"), b, sizeof b),
              "mem.json: exercises[0].steps[1].prompt: missing");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"note\":\"yes\"}"), b, sizeof b),
              "mem.json: exercises[0].steps[1].note: expected true or false");
    CHECK_STR(only_message(STEPS("\"Just breathe.\""), b, sizeof b),
              "mem.json: exercises[0].steps[1]: expected an object");
    CHECK_STR(only_message(HEAD "\"steps\":[]}", b, sizeof b),
              "mem.json: exercises[0].steps: expected 1 to 40 entries, found 0");
    CHECK_STR(only_message("{\"id\":\"x\",\"title\":\"X\",\"when\":\"w\",\"steps\":"
                           "[{\"prompt\":\"p\"}]}",
                           b, sizeof b),
              "mem.json: exercises[0].minutes: missing");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"_why\":\"comments are fine\"}"), b,
                           sizeof b),
              "");
    char json[1200];
    char longer[402];
    memset(longer, 'a', 401);
    longer[401] = 0;
    snprintf(json, sizeof json, HEAD "\"caution\":\"%s\",\"steps\":[{\"prompt\":\"p\"}]}", longer);
    CHECK_STR(only_message(json, b, sizeof b),
              "mem.json: exercises[0].caution: too long (401 characters, at most 400)");
    longer[141] = 0;
    snprintf(json, sizeof json, STEPS("{\"prompt\":\"%s\"}"), longer);
    CHECK_STR(only_message(json, b, sizeof b),
              "mem.json: exercises[0].steps[1].prompt: too long (141 characters, at most 140)");
}

static void a_feeling_is_limited_in_characters_not_bytes(void)
{
    /* "é" is two bytes: 20 of them are 20 characters, within the limit; 21 are one too many. */
    char word[(GROUND_FEELING_LEN + 1) * 2 + 1] = "", json[600], b[512];
    for (int i = 0; i < GROUND_FEELING_LEN; i++) strcat(word, "\xC3\xA9");
    snprintf(json, sizeof json, STEPS("{\"prompt\":\"p\",\"feelings\":[\"sad\",\"mad\",\"glad\",\"%s\"]}"),
             word);
    CHECK_STR(only_message(json, b, sizeof b), "");
    strcat(word, "\xC3\xA9");
    snprintf(json, sizeof json, STEPS("{\"prompt\":\"p\",\"feelings\":[\"sad\",\"mad\",\"glad\",\"%s\"]}"),
             word);
    CHECK_STR(only_message(json, b, sizeof b),
              "mem.json: exercises[0].steps[1].feelings[3]: too long (21 characters, at most 20)");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"feelings\":[\"sad\",\"mad\",\"glad\",\"\xFFok\"]}"),
                           b, sizeof b),
              "mem.json: exercises[0].steps[1].feelings[3]: is not valid UTF-8 (byte 1 is 0xFF)");
}

/* Every message for `json`, one per line ("" when it loads). */
static const char *all_messages(const char *json, char *buf, size_t n)
{
    StrPool *pool = strpool_new();
    AtDiag d = {0};
    GroundExercise ex;
    bool ok = parse_exercise(json, pool, &d, &ex);
    size_t len = 0;
    buf[0] = 0;
    for (int i = 0; i < d.count && len < n; i++)
        len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? "\n" : "", d.msg[i]);
    CHECK(ok == (d.count == 0));
    diag_free(&d);
    strpool_free(pool);
    return buf;
}

#define OPT(id, label) "{\"id\":\"" id "\",\"label\":\"" label "\"}"
#define CHOOSE(opts) "{\"prompt\":\"Which?\",\"choose\":{\"options\":[" opts "]}}"

static void choice_problems_name_the_file_and_json_path(void)
{
    char b[1024];
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("a", "A") "," OPT("b", "B")) ",{\"only\":\"b\",\"prompt\":\"p\"}"),
                           b, sizeof b),
              "");
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("a", "A"))), b, sizeof b),
              "mem.json: exercises[0].steps[1].choose.options: expected 2 to 6 entries, found 1");
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("a", "A") "," OPT("b", "B") "," OPT("c", "C") "," OPT("d", "D") ","
                                        OPT("e", "E") "," OPT("f", "F") "," OPT("g", "G"))),
                           b, sizeof b),
              "mem.json: exercises[0].steps[1].choose.options: expected 2 to 6 entries, found 7");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"choose\":[" OPT("a", "A") "," OPT("b", "B") "]}"), b,
                           sizeof b),
              "mem.json: exercises[0].steps[1].choose: expected an object");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"choose\":{}}"), b, sizeof b),
              "mem.json: exercises[0].steps[1].choose.options: missing");
    CHECK_STR(all_messages(STEPS("{\"prompt\":\"p\",\"choose\":{\"option\":[" OPT("a", "A") "," OPT("b", "B") "]}}"),
                           b, sizeof b),
              "mem.json: exercises[0].steps[1].choose.option: unknown key (expected one of options)\n"
              "mem.json: exercises[0].steps[1].choose.options: missing");
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("a", "A") ",\"b\"")), b, sizeof b),
              "mem.json: exercises[0].steps[1].choose.options[1]: expected an object");
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("a", "A") ",{\"id\":\"b\"}")), b, sizeof b),
              "mem.json: exercises[0].steps[1].choose.options[1].label: missing");
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("a", "A") ",{\"id\":\"b\",\"label\":\"B\",\"labl\":\"B\"}")), b,
                           sizeof b),
              "mem.json: exercises[0].steps[1].choose.options[1].labl: unknown key (expected one of id|label)");
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("Cold water", "A") "," OPT("b", "B"))), b, sizeof b),
              "mem.json: exercises[0].steps[1].choose.options[0].id: \"Cold water\" is not an id (use a-z, "
              "0-9, '-' and '_')");
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("a", "Cool water") "," OPT("b", "cool water"))), b, sizeof b),
              "mem.json: exercises[0].steps[1].choose.options[1].label: \"cool water\" is already an option "
              "of this step");
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("a", "A") "," OPT("a", "B"))), b, sizeof b),
              "mem.json: exercises[0].steps[1].choose.options[1].id: \"a\" is already an option in this "
              "exercise");
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("a", "A") "," OPT("b", "B")) "," CHOOSE(OPT("c", "C") "," OPT("b", "D"))),
                           b, sizeof b),
              "mem.json: exercises[0].steps[2].choose.options[1].id: \"b\" is already an option in this "
              "exercise");
    char longer[GROUND_OPTION_LABEL + 2], json[1024];
    memset(longer, 'a', GROUND_OPTION_LABEL + 1);
    longer[GROUND_OPTION_LABEL + 1] = 0;
    snprintf(json, sizeof json, STEPS(CHOOSE(OPT("a", "%s") "," OPT("b", "B"))), longer);
    CHECK_STR(only_message(json, b, sizeof b),
              "mem.json: exercises[0].steps[1].choose.options[0].label: too long (61 characters, at most 60)");
    CHECK_STR(only_message(STEPS("{\"prompt\":\"p\",\"count\":2,\"choose\":{\"options\":[" OPT("a", "A") ","
                                 OPT("b", "B") "]}}"),
                           b, sizeof b),
              "mem.json: exercises[0].steps[1]: a step takes only one of count|seconds|breathe|feelings|choose "
              "(found \"count\" and \"choose\")");
    /* `only` names an option of a choose step that comes before it. */
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("a", "A") "," OPT("b", "B")) ",{\"only\":\"zz\",\"prompt\":\"p\"}"),
                           b, sizeof b),
              "mem.json: exercises[0].steps[2].only: no option \"zz\" in a choose step before this one");
    CHECK_STR(only_message(STEPS("{\"only\":\"a\",\"prompt\":\"p\"}," CHOOSE(OPT("a", "A") "," OPT("b", "B"))),
                           b, sizeof b),
              "mem.json: exercises[0].steps[1].only: option \"a\" is chosen later, at steps[2]");
    CHECK_STR(only_message(HEAD "\"steps\":[{\"only\":\"a\",\"prompt\":\"p\"}]}", b, sizeof b),
              "mem.json: exercises[0].steps[0].only: no option \"a\" in a choose step before this one");
    CHECK_STR(only_message(STEPS("{\"only\":\"Not an id\",\"prompt\":\"p\"}"), b, sizeof b),
              "mem.json: exercises[0].steps[1].only: \"Not an id\" is not an id (use a-z, 0-9, '-' and '_')");
    CHECK_STR(only_message(STEPS("{\"only\":3,\"prompt\":\"p\"}"), b, sizeof b),
              "mem.json: exercises[0].steps[1].only: expected a string");
    CHECK_STR(only_message(STEPS(CHOOSE(OPT("a", "A") "," OPT("b", "B")) ",{\"only\":\"a\",\"prompt\":\"Again?\","
                                 "\"choose\":{\"options\":[" OPT("c", "C") "," OPT("d", "D") "]}}"),
                           b, sizeof b),
              "mem.json: exercises[0].steps[2].only: a choose step is always shown: it cannot depend on another "
              "choice");
}

static void a_bad_exercise_is_skipped_and_the_others_still_load(void)
{
    cJSON *root = cJSON_Parse("{\"exercises\":["
                              STEPS("{\"prompt\":\"p\",\"count\":3}") ","
                              "{\"id\":\"bad\",\"title\":\"Bad\",\"when\":\"w\",\"minutes\":1,"
                              "\"steps\":[{\"prompt\":\"a\"},{\"prompt\":\"b\",\"count\":0}]},"
                              "{\"id\":\"ok2\",\"title\":\"Ok\",\"when\":\"w\",\"minutes\":1,"
                              "\"steps\":[{\"prompt\":\"a\",\"seconds\":5}]}]}");
    CHECK(root != NULL);
    StrPool *pool = strpool_new();
    AtDiag d = {0};
    GroundExercise ex[4];
    int n = load_all(root, "levels/g.json", pool, &d, ex, 4);
    CHECK_INT(n, 2);
    CHECK_STR(ex[0].id, "x");
    CHECK_STR(ex[1].id, "ok2");
    CHECK_STR(ex[1].path, "exercises[2]");
    CHECK_INT(d.count, 1);
    if (d.count >= 1)
        CHECK_STR(d.msg[0], "levels/g.json: exercises[1].steps[1].count: 0 is out of range "
                            "(1 to 10)");
    cJSON_Delete(root);
    diag_free(&d);
    strpool_free(pool);
}

static void breathing_pattern_ids_are_checked_once_patterns_are_loaded(void)
{
    Fixture f;
    fixture(&f, STEPS("{\"prompt\":\"p\",\"breathe\":{\"pattern\":\"box\",\"breaths\":2}},"
                      "{\"prompt\":\"q\",\"breathe\":{\"pattern\":\"nope\",\"breaths\":2}}"));
    CHECK_INT(ground_exercise_check_patterns(&f.ex, f.patterns, 1, &f.diag), 1);
    CHECK_INT(f.diag.count, 1);
    if (f.diag.count >= 1)
        CHECK_STR(f.diag.msg[0], "mem.json: exercises[0].steps[2].breathe.pattern: no "
                                 "breathing pattern \"nope\" is loaded");
    fixture_free(&f);
}

/* ---------------------------------------------------------------------------------------- */
/* The shipped exercises                                                                    */

static const GroundExercise *find(const GroundExercise *ex, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(ex[i].id, id) == 0) return &ex[i];
    return NULL;
}

static int kind_count(const GroundExercise *e, GroundStepKind k)
{
    int n = 0;
    for (int i = 0; i < e->nsteps; i++) n += e->steps[i].kind == k;
    return n;
}

static uint32_t timed_ms(const GroundExercise *e)
{
    uint32_t ms = 0;
    for (int i = 0; i < e->nsteps; i++) ms += e->steps[i].ms;
    return ms;
}

static const GroundStep *first_of(const GroundExercise *e, GroundStepKind k)
{
    for (int i = 0; i < e->nsteps; i++)
        if (e->steps[i].kind == k) return &e->steps[i];
    return NULL;
}

static void shipped_exercises_load_without_a_single_message(void)
{
    AtDiag d = {0};
    const char *path = ATTUNE_SOURCE_DIR "/levels/grounding.json";
    cJSON *root = jv_parse_file(path, &d);
    CHECK(root != NULL);
    StrPool *pool = strpool_new();
    GroundExercise ex[32];
    int n = root ? load_all(root, path, pool, &d, ex, 32) : 0;
    for (int i = 0; i < d.count; i++) fprintf(stderr, "    message: %s\n", d.msg[i]);
    CHECK_INT(d.count, 0);
    CHECK_INT(n, cJSON_GetArraySize(cJSON_GetObjectItem(root, "exercises")));

    /* Every interlude names a pattern the app ships. */
    static const char *const ids[] = {"quick-calm", "box", "478", "coherent", "six-per-minute",
                                      "sigh", "exhale-4-6", "two-to-one", "seven-eleven"};
    BreathPattern pats[9];
    for (int i = 0; i < 9; i++) pats[i] = (BreathPattern){.id = ids[i], .cycle_ms = 10000};
    for (int i = 0; i < n; i++) CHECK_INT(ground_exercise_check_patterns(&ex[i], pats, 9, &d), 0);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) CHECK(strcmp(ex[i].id, ex[j].id) != 0);

    const char *need[] = {"senses", "body-scan", "stop", "rain", "rain-short", "tipp", "name-it"};
    for (int i = 0; i < 7; i++) {
        CHECK(find(ex, n, need[i]) != NULL);
        if (!find(ex, n, need[i])) fprintf(stderr, "    missing exercise %s\n", need[i]);
    }

    const GroundExercise *e = find(ex, n, "senses");
    if (e) {
        int counts[5], nc = 0;
        for (int i = 0; i < e->nsteps; i++)
            if (e->steps[i].kind == GROUND_STEP_COUNT && nc < 5) counts[nc++] = e->steps[i].count;
        CHECK_INT(nc, 5);
        for (int i = 0; i < nc; i++) CHECK_INT(counts[i], 5 - i);
        const GroundStep *b = first_of(e, GROUND_STEP_BREATHE);
        CHECK(b && strcmp(b->pattern, "exhale-4-6") == 0 && b->breaths == 3);
        CHECK(b && b > first_of(e, GROUND_STEP_COUNT) + 4); /* after the senses */
    }
    if ((e = find(ex, n, "body-scan"))) {
        CHECK(kind_count(e, GROUND_STEP_TIMED) >= 8);
        CHECK(timed_ms(e) >= 150000 && timed_ms(e) <= 240000);
    }
    if ((e = find(ex, n, "stop"))) {
        const GroundStep *b = first_of(e, GROUND_STEP_BREATHE);
        CHECK(b && strcmp(b->pattern, "box") == 0);
        CHECK_INT(e->nsteps, 4);
    }
    if ((e = find(ex, n, "rain"))) {
        CHECK(timed_ms(e) >= 300000 && timed_ms(e) <= 420000);
        CHECK_INT(e->minutes, 6);
    }
    if ((e = find(ex, n, "rain-short"))) {
        CHECK(timed_ms(e) >= 90000 && timed_ms(e) <= 150000);
        CHECK_INT(e->minutes, 2);
    }
    if ((e = find(ex, n, "tipp"))) {
        CHECK(e->caution != NULL);
        CHECK_CONTAINS(e->caution, "heart condition");
        CHECK_CONTAINS(e->caution, "low resting heart rate");
        CHECK_CONTAINS(e->caution, "beta-blockers");
        CHECK_CONTAINS(e->caution, "eating disorder");
        CHECK_CONTAINS(e->caution, "Raynaud");
        CHECK_CONTAINS(e->caution, "cold allergy");
        CHECK_CONTAINS(e->caution, "asthma");
        CHECK_CONTAINS(e->caution, "pregnancy");
        CHECK_CONTAINS(e->caution, "injury");
        CHECK_CONTAINS(e->caution, "never icy"); /* and why: */
        CHECK_CONTAINS(e->caution, "slow the heart");
        const GroundStep *b = first_of(e, GROUND_STEP_BREATHE);
        CHECK(b && strcmp(b->pattern, "two-to-one") == 0);
        /* The four skills are alternatives: one choice, each with steps of its own. */
        const GroundStep *c = first_of(e, GROUND_STEP_CHOOSE);
        CHECK(c != NULL);
        CHECK_INT(kind_count(e, GROUND_STEP_CHOOSE), 1);
        static const char *const skills[] = {"water", "move", "breathe", "relax"};
        CHECK_INT(c ? c->noptions : 0, 4);
        for (int k = 0; c && k < 4 && k < c->noptions; k++) {
            CHECK_STR(c->options[k].id, skills[k]);
            int own = 0;
            for (int i = 0; i < e->nsteps; i++) own += e->steps[i].only && !strcmp(e->steps[i].only, skills[k]);
            CHECK(own >= 2);
        }
        CHECK(b && b->only && !strcmp(b->only, "breathe"));
        /* The water's own steps say cool, not icy, and why. */
        bool said = false;
        for (int i = 0; i < e->nsteps; i++)
            if (e->steps[i].only && !strcmp(e->steps[i].only, "water") && e->steps[i].caution)
                said = strstr(e->steps[i].caution, "not icy") && strstr(e->steps[i].caution, "slow your heart");
        CHECK(said);
        int fewest = 0, most = 0;
        ground_exercise_steps(e, &fewest, &most);
        CHECK(most <= 8); /* short, whichever skill fits */
        CHECK(fewest >= 4);
    }
    if ((e = find(ex, n, "body-scan"))) {
        CHECK(strstr(e->when, "far away from yourself") == NULL);
        CHECK_CONTAINS(e->when, "5-4-3-2-1");
        CHECK_CONTAINS(e->when, "eyes-open");
        CHECK_CONTAINS(e->steps[0].detail, "rest softly on the screen");
        CHECK_CONTAINS(e->steps[0].detail, "close them if that feels safe");
        CHECK_CONTAINS(e->steps[0].detail, "skip it or move");
    }
    if ((e = find(ex, n, "name-it"))) {
        const GroundStep *fs = first_of(e, GROUND_STEP_FEELINGS);
        CHECK(fs != NULL);
        CHECK(fs && fs->nfeelings >= 8);
        const GroundStep *b = first_of(e, GROUND_STEP_BREATHE);
        CHECK(b && (strcmp(b->pattern, "exhale-4-6") == 0 || strcmp(b->pattern, "sigh") == 0));
        CHECK(b && fs && b > fs);
        static const char *const words[] = {"scared", "guilty", "rejected", "disappointed", "embarrassed",
                                            "confused", "angry", "anxious", "sad", "numb"};
        for (int k = 0; fs && k < 10; k++) {
            bool has = false;
            for (int i = 0; i < fs->nfeelings; i++) has |= !strcmp(fs->feelings[i], words[k]);
            CHECK(has);
            if (!has) fprintf(stderr, "    name-it lacks \"%s\"\n", words[k]);
        }
    }
    /* The newer exercises, each with what it is for and several steps. */
    static const char *const added[] = {"self-compassion", "breathing-space", "orienting", "soothe",
                                        "opposite-action", "check-facts", "urge-surfing", "kindness"};
    CHECK(n >= 15);
    for (int k = 0; k < 8; k++) {
        e = find(ex, n, added[k]);
        CHECK(e != NULL);
        if (!e) {
            fprintf(stderr, "    missing exercise %s\n", added[k]);
            continue;
        }
        CHECK(e->nsteps >= 5);
        CHECK(strlen(e->when) >= 40);
        CHECK(kind_count(e, GROUND_STEP_PLAIN) < e->nsteps); /* more than prompts to read */
    }
    if ((e = find(ex, n, "orienting"))) { /* eyes open, for feeling detached */
        CHECK_CONTAINS(e->when, "detached");
        CHECK_CONTAINS(e->steps[0].prompt, "eyes open");
        CHECK(kind_count(e, GROUND_STEP_COUNT) >= 1);
        CHECK(kind_count(e, GROUND_STEP_BREATHE) == 0);
    }
    if ((e = find(ex, n, "breathing-space"))) { /* three parts of about a minute */
        CHECK_INT(kind_count(e, GROUND_STEP_TIMED), 3);
        CHECK(timed_ms(e) >= 150000 && timed_ms(e) <= 210000);
    }
    if ((e = find(ex, n, "opposite-action"))) { /* only when the feeling doesn't fit the facts */
        CHECK(e->caution != NULL);
        CHECK(first_of(e, GROUND_STEP_FEELINGS) != NULL);
    }
    if ((e = find(ex, n, "check-facts"))) CHECK(first_of(e, GROUND_STEP_FEELINGS) != NULL);
    if ((e = find(ex, n, "urge-surfing"))) { /* a way to help when the urge is to self-harm */
        bool crisis = false;
        for (int i = 0; i < e->nsteps; i++) crisis |= e->steps[i].caution && strstr(e->steps[i].caution, "F1");
        CHECK(crisis);
    }
    /* The shipped exercises can be walked from start to finish, every option of a choice. */
    for (int i = 0; i < n; i++) {
        for (int opt = 0; opt < GROUND_OPTIONS_MAX; opt++) {
            GroundRun r;
            ground_run_start(&r, &ex[i], pats, 9, 0);
            uint64_t t = 0;
            int options = 0, shown = 0, last = -1;
            for (int guard = 0; !ground_run_finished(&r) && guard < 500; guard++) {
                t += 250;
                const GroundStep *st = ground_run_step(&r);
                if (st && ground_run_step_index(&r) != last) {
                    last = ground_run_step_index(&r);
                    shown++;
                    CHECK_INT(ground_run_step_number(&r, last), shown);
                }
                if (ground_run_kind(&r) == GROUND_STEP_FEELINGS) ground_run_choose_feeling(&r, 0);
                if (ground_run_kind(&r) == GROUND_STEP_CHOOSE) {
                    options = st->noptions;
                    ground_run_choose(&r, opt < options ? opt : options - 1);
                }
                ground_run_next(&r, t);
            }
            CHECK(ground_run_finished(&r));
            CHECK_INT(ground_run_completed(&r), ground_run_step_total(&r));
            CHECK_INT(ground_run_step_total(&r), shown);
            if (opt + 1 >= options) break; /* every option walked (or there was no choice) */
        }
    }
    cJSON_Delete(root);
    diag_free(&d);
    strpool_free(pool);
}

int main(void)
{
    RUN(mixed_exercise_loads_with_every_kind_of_step);
    RUN(next_on_a_plain_step_moves_on);
    RUN(a_count_step_fills_one_mark_per_press_and_moves_on_after_a_beat);
    RUN(pressing_during_the_linger_moves_on_at_once);
    RUN(a_timed_step_moves_on_by_itself_exactly_when_time_is_up);
    RUN(a_sleeping_app_catches_up_through_every_step_that_ran_out);
    RUN(a_late_press_does_not_skip_the_step_that_was_due);
    RUN(the_user_may_leave_a_timed_step_or_interlude_early);
    RUN(an_interlude_ends_after_its_breaths);
    RUN(an_interlude_with_an_unknown_pattern_waits_like_a_plain_step);
    RUN(pausing_freezes_timed_steps_and_interludes_exactly);
    RUN(back_returns_to_the_previous_step_with_its_state_reset);
    RUN(a_feelings_step_waits_for_a_feeling_and_keeps_the_choice);
    RUN(the_last_step_finishes_and_the_run_then_stays_still);
    RUN(a_timed_last_step_finishes_by_itself);
    RUN(a_caution_must_be_acknowledged_before_the_first_step);
    RUN(a_choose_step_loads_with_its_options_and_the_steps_that_follow_them);
    RUN(next_waits_for_an_option_and_then_follows_only_its_steps);
    RUN(back_skips_steps_of_other_options_and_keeps_the_choice);
    RUN(a_choice_waits_while_paused);
    RUN(two_choices_count_each_way_on_its_own);
    RUN(each_problem_is_one_message_naming_the_file_and_json_path);
    RUN(a_feeling_is_limited_in_characters_not_bytes);
    RUN(choice_problems_name_the_file_and_json_path);
    RUN(a_bad_exercise_is_skipped_and_the_others_still_load);
    RUN(breathing_pattern_ids_are_checked_once_patterns_are_loaded);
    RUN(shipped_exercises_load_without_a_single_message);
    return check_report();
}
