/* Find your pace: the sweep's rates and lengths, the choice of the most comfortable rate, and
 * "Your pace" as it is stored in settings and used as a breathing pattern. */
#include "attune/pace.h"
#include "attune/settings.h"
#include "check.h"
#include "storetest.h"

static void sweep_runs_from_six_and_a_half_down_to_four_and_a_half(void)
{
    const double want[PACE_STEPS] = {6.5, 6.0, 5.5, 5.0, 4.5};
    for (int i = 0; i < PACE_STEPS; i++) CHECK_NEAR(pace_rate(i), want[i], 1e-12);
}

static void each_rate_is_even_and_lasts_about_a_minute_of_whole_breaths(void)
{
    const int breaths[PACE_STEPS] = {7, 6, 6, 5, 5};
    for (int i = 0; i < PACE_STEPS; i++) {
        BreathPattern p;
        CHECK(pace_pattern(pace_rate(i), "x", "X", "w", &p));
        CHECK_INT(p.nsteps, 2);
        CHECK_INT(p.steps[0].kind, BREATH_IN);
        CHECK_INT(p.steps[1].kind, BREATH_OUT);
        CHECK_INT(p.steps[0].ms, p.steps[1].ms); /* even in and out */
        CHECK_NEAR(60000.0 / p.cycle_ms, pace_rate(i), 0.001);
        CHECK_INT(pace_step_breaths(i), breaths[i]);
        uint64_t ms = (uint64_t)pace_step_breaths(i) * p.cycle_ms;
        CHECK(ms >= 60000 && ms < 60000 + p.cycle_ms); /* at least a minute, under a breath more */
    }
    BreathPattern p;
    CHECK(pace_pattern(5.5, "x", "X", "w", &p));
    CHECK_INT(p.steps[0].ms, 5455); /* 30000 / 5.5 = 5454.5..., to the millisecond */
    CHECK(!pace_pattern(0, "x", "X", "w", &p));
    CHECK(!pace_pattern(-3, "x", "X", "w", &p));
    CHECK(!pace_pattern(31, "x", "X", "w", &p));
}

static void the_most_comfortable_rate_wins(void)
{
    int r[PACE_STEPS] = {1, 2, 2, 3, 1};
    CHECK_NEAR(pace_best(r), 5.0, 1e-12);
    int s[PACE_STEPS] = {3, 1, 1, 1, 1};
    CHECK_NEAR(pace_best(s), 6.5, 1e-12);
    int t[PACE_STEPS] = {1, 1, 1, 1, 2};
    CHECK_NEAR(pace_best(t), 4.5, 1e-12);
}

static void ties_go_to_the_rate_nearest_the_average_then_the_faster(void)
{
    int all[PACE_STEPS] = {3, 3, 3, 3, 3};
    CHECK_NEAR(pace_best(all), 5.5, 1e-12);
    int outer[PACE_STEPS] = {3, 2, 1, 2, 3}; /* 6.5 and 4.5, both 1.0 from 5.5 */
    CHECK_NEAR(pace_best(outer), 6.5, 1e-12);
    int inner[PACE_STEPS] = {3, 3, 1, 3, 3}; /* 6.0 and 5.0 are nearest, equally */
    CHECK_NEAR(pace_best(inner), 6.0, 1e-12);
    int slow[PACE_STEPS] = {2, 1, 1, 2, 2}; /* 5.0 is nearer than 6.5 and 4.5 */
    CHECK_NEAR(pace_best(slow), 5.0, 1e-12);
}

static void nothing_is_kept_when_no_rate_felt_all_right(void)
{
    int none[PACE_STEPS] = {1, 1, 1, 1, 1};
    CHECK_NEAR(pace_best(none), 0, 0);
    int unrated[PACE_STEPS] = {0, 0, 0, 0, 0};
    CHECK_NEAR(pace_best(unrated), 0, 0);
    int odd[PACE_STEPS] = {7, -1, 1, 0, 1}; /* out of range counts as unrated */
    CHECK_NEAR(pace_best(odd), 0, 0);
}

static void the_sweep_breathes_then_waits_for_each_rating(void)
{
    PaceSweep s;
    pace_sweep_start(&s);
    CHECK_INT(s.step, 0);
    CHECK(!s.rating);
    CHECK(!pace_sweep_rate(&s, PACE_COMFORTABLE)); /* not yet breathed */
    BreathSession sess = pace_sweep_session(&s, 3000);
    CHECK_INT(sess.total_ms, 7 * s.pattern.cycle_ms);
    BreathSessionState st = breath_session_at(&sess, 3000 + sess.total_ms);
    CHECK(st.done);
    CHECK_INT(st.cycles_done, 7);
    const int ratings[PACE_STEPS] = {1, 2, 3, 2, 1};
    for (int i = 0; i < PACE_STEPS; i++) {
        CHECK_NEAR(60000.0 / s.pattern.cycle_ms, pace_rate(i), 0.001);
        CHECK(!pace_sweep_done(&s));
        CHECK_NEAR(pace_sweep_result(&s), 0, 0);
        pace_sweep_breathed(&s);
        CHECK(s.rating);
        CHECK(!pace_sweep_rate(&s, 0)); /* out of range */
        CHECK(!pace_sweep_rate(&s, 4));
        CHECK(pace_sweep_rate(&s, ratings[i]));
        CHECK(!s.rating);
    }
    CHECK(pace_sweep_done(&s));
    CHECK(!pace_sweep_rate(&s, 3));
    CHECK_NEAR(pace_sweep_result(&s), 5.5, 1e-12);
}

static void your_pace_is_a_pattern_only_once_found(void)
{
    BreathPattern p;
    char when[200];
    CHECK(!pace_your_pattern(0, &p, when, sizeof when));
    CHECK(!pace_your_pattern(4.4, &p, when, sizeof when));
    CHECK(!pace_your_pattern(6.6, &p, when, sizeof when));
    CHECK(pace_your_pattern(5.0, &p, when, sizeof when));
    CHECK_STR(p.id, "your-pace");
    CHECK_STR(p.title, "Your pace");
    CHECK_CONTAINS(p.when, "5.0 slow, even breaths a minute");
    CHECK_INT(p.cycle_ms, 12000);
    CHECK(!p.unpaced);
    CHECK_INT(p.max_breaths, 0);
    CHECK(breath_id_reserved(p.id));
    CHECK(breath_id_reserved(PACE_SWEEP_ID));
    CHECK(!breath_id_reserved("box"));
}

/* What the sweep keeps is saved as "your_pace" and comes back as the same pattern. */
static void the_found_pace_is_saved_and_breathed_after_a_restart(void)
{
    char dir[512], err[600];
    st_tmpdir(dir, sizeof dir, "pace");
    PaceSweep sw;
    pace_sweep_start(&sw);
    const int ratings[PACE_STEPS] = {2, 2, 1, 3, 2};
    for (int i = 0; i < PACE_STEPS; i++) {
        pace_sweep_breathed(&sw);
        pace_sweep_rate(&sw, ratings[i]);
    }
    Settings s;
    settings_defaults(&s);
    CHECK_NEAR(s.your_pace, 0, 0);
    s.your_pace = pace_sweep_result(&sw);
    CHECK_NEAR(s.your_pace, 5.0, 1e-12);
    CHECK(settings_save(dir, &s, err, sizeof err));

    char path[700];
    st_path(path, sizeof path, dir, "settings.json");
    char *text = st_read(path, NULL);
    CHECK_CONTAINS(text, "\"your_pace\"");
    free(text);

    Settings back;
    CHECK_INT(settings_load(dir, &back, NULL), 0);
    CHECK_NEAR(back.your_pace, 5.0, 1e-12);
    BreathPattern p;
    char when[200];
    CHECK(pace_your_pattern(back.your_pace, &p, when, sizeof when));
    CHECK_INT(p.cycle_ms, 12000);
    CHECK_INT(breath_session_ms(&p, 1), 60000);
    st_rmrf(dir);
}

int main(void)
{
    RUN(sweep_runs_from_six_and_a_half_down_to_four_and_a_half);
    RUN(each_rate_is_even_and_lasts_about_a_minute_of_whole_breaths);
    RUN(the_most_comfortable_rate_wins);
    RUN(ties_go_to_the_rate_nearest_the_average_then_the_faster);
    RUN(nothing_is_kept_when_no_rate_felt_all_right);
    RUN(the_sweep_breathes_then_waits_for_each_rating);
    RUN(your_pace_is_a_pattern_only_once_found);
    RUN(the_found_pace_is_saved_and_breathed_after_a_restart);
    return check_report();
}
