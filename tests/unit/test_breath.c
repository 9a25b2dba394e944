/* The breathing engine: step boundaries, easing, sessions and long-run exactness. */
#include "attune/breath.h"
#include "attune/clock.h"
#include "check.h"

static BreathPattern box(void)
{
    BreathPattern p = {.id = "box", .title = "Box", .when = "w", .nsteps = 4, .minutes = 3};
    BreathKind k[4] = {BREATH_IN, BREATH_HOLD, BREATH_OUT, BREATH_HOLD_EMPTY};
    for (int i = 0; i < 4; i++) p.steps[i] = (BreathStep){k[i], 4000, k[i] == BREATH_IN};
    p.cycle_ms = 16000;
    return p;
}

static BreathPattern sigh(void)
{
    BreathPattern p = {.id = "sigh", .title = "Sigh", .when = "w", .nsteps = 3, .minutes = 5};
    p.steps[0] = (BreathStep){BREATH_IN, 2000, 0.75f};
    p.steps[1] = (BreathStep){BREATH_IN, 1000, 1.0f};
    p.steps[2] = (BreathStep){BREATH_OUT, 6000, 0.0f};
    p.cycle_ms = 9000;
    return p;
}

static void ease_starts_and_ends_still(void)
{
    CHECK_NEAR(breath_ease(0), 0, 1e-12);
    CHECK_NEAR(breath_ease(1), 1, 1e-12);
    CHECK_NEAR(breath_ease(0.5), 0.5, 1e-12);
    /* zero slope at the ends: the first and last 1% move far less than 1% */
    CHECK(breath_ease(0.01) < 0.001);
    CHECK(1 - breath_ease(0.99) < 0.001);
    CHECK_NEAR(breath_ease(-1), 0, 0);
    CHECK_NEAR(breath_ease(2), 1, 0);
}

static void box_steps_change_exactly_on_the_boundary(void)
{
    BreathPattern p = box();
    CHECK_INT(breath_at(&p, 0).kind, BREATH_IN);
    CHECK_INT(breath_at(&p, 3999).kind, BREATH_IN);
    CHECK_INT(breath_at(&p, 4000).kind, BREATH_HOLD);
    CHECK_INT(breath_at(&p, 7999).kind, BREATH_HOLD);
    CHECK_INT(breath_at(&p, 8000).kind, BREATH_OUT);
    CHECK_INT(breath_at(&p, 12000).kind, BREATH_HOLD_EMPTY);
    CHECK_INT(breath_at(&p, 15999).kind, BREATH_HOLD_EMPTY);
    CHECK_INT(breath_at(&p, 16000).kind, BREATH_IN);
    CHECK_INT(breath_at(&p, 16000).cycle, 1);
    CHECK_INT(breath_at(&p, 15999).cycle, 0);
    CHECK_INT(breath_at(&p, 1000).step_left_ms, 3000);
    CHECK_NEAR(breath_at(&p, 2000).progress, 0.5, 1e-12);
}

static void fill_rises_holds_and_falls(void)
{
    BreathPattern p = box();
    CHECK_NEAR(breath_at(&p, 0).fill, 0, 1e-12);
    CHECK_NEAR(breath_at(&p, 2000).fill, 0.5, 1e-12);
    CHECK(breath_at(&p, 1000).fill < 0.25); /* eased, not linear */
    CHECK_NEAR(breath_at(&p, 4000).fill, 1, 1e-12);
    CHECK_NEAR(breath_at(&p, 6000).fill, 1, 1e-12);
    CHECK_NEAR(breath_at(&p, 10000).fill, 0.5, 1e-12);
    CHECK_NEAR(breath_at(&p, 12000).fill, 0, 1e-12);
    CHECK_NEAR(breath_at(&p, 14000).fill, 0, 1e-12);
}

static void sigh_tops_up_before_the_long_exhale(void)
{
    BreathPattern p = sigh();
    CHECK_INT(breath_at(&p, 1999).step, 0);
    CHECK_INT(breath_at(&p, 2000).step, 1);
    CHECK_INT(breath_at(&p, 2000).kind, BREATH_IN);
    CHECK_NEAR(breath_at(&p, 2000).fill, 0.75, 1e-6);
    CHECK_NEAR(breath_at(&p, 3000).fill, 1.0, 1e-6);
    CHECK_INT(breath_at(&p, 3000).kind, BREATH_OUT);
    CHECK_NEAR(breath_at(&p, 6000).fill, 0.5, 1e-6);
}

static void ten_hours_in_the_boundaries_are_exact(void)
{
    BreathPattern p = box();
    uint64_t ten_hours = 10ull * 3600 * 1000; /* 36,000,000 ms = 2250 whole cycles */
    BreathPhase a = breath_at(&p, ten_hours);
    CHECK_INT(a.cycle, 2250);
    CHECK_INT(a.kind, BREATH_IN);
    CHECK_INT(a.step_left_ms, 4000);
    CHECK_INT(breath_at(&p, ten_hours - 1).kind, BREATH_HOLD_EMPTY);
    CHECK_INT(breath_at(&p, ten_hours + 4000).kind, BREATH_HOLD);
    CHECK_INT(breath_at(&p, ten_hours + 3999).kind, BREATH_IN);
    /* A fake clock ticking 60 fps frames (16.67 ms, rounded per frame from the start time) for
     * ten hours sees every step change on the exact millisecond it is due. */
    uint64_t now = 0;
    AtClock clk = clock_fake(&now);
    AtTimer t;
    timer_start(&t, clock_now(&clk));
    int changes = 0, late = 0;
    BreathKind prev = BREATH_IN;
    for (uint64_t f = 1; f <= 60ull * 3600 * 10; f++) {
        now = f * 1000 / 60;
        BreathPhase ph = breath_at(&p, timer_elapsed(&t, clock_now(&clk)));
        if (ph.kind != prev) {
            changes++;
            /* the step began at a multiple of 4000 ms, at most one frame ago */
            uint64_t began = timer_elapsed(&t, now) - (ph.step_ms - ph.step_left_ms);
            if (began % 4000 != 0 || timer_elapsed(&t, now) - began > 17) late++;
            prev = ph.kind;
        }
    }
    CHECK_INT(changes, 2250 * 4);
    CHECK_INT(late, 0);
}

static void timer_pauses_without_drift(void)
{
    AtTimer t;
    timer_start(&t, 1000);
    CHECK_INT(timer_elapsed(&t, 1500), 500);
    timer_pause(&t, 2000);
    CHECK_INT(timer_elapsed(&t, 9000), 1000);
    timer_resume(&t, 9000);
    CHECK_INT(timer_elapsed(&t, 9500), 1500);
    timer_pause(&t, 9500);
    timer_pause(&t, 9700); /* pausing twice changes nothing */
    timer_resume(&t, 10000);
    CHECK_INT(timer_elapsed(&t, 10000), 1500);
}

/* A hold and the user's pause each stop the timer and are undone on their own. */
static void holds_and_pauses_are_separate(void)
{
    AtTimer t;
    timer_start(&t, 0);
    timer_hold(&t, 1000, true);
    timer_hold(&t, 1500, true); /* holding twice changes nothing */
    CHECK_INT(timer_elapsed(&t, 5000), 1000);
    timer_hold(&t, 5000, false);
    CHECK_INT(timer_elapsed(&t, 6000), 2000);
    timer_pause(&t, 6000);      /* paused by the user, then held (help opened) */
    timer_hold(&t, 7000, true);
    timer_hold(&t, 9000, false); /* help closed: still paused */
    CHECK(t.paused);
    CHECK_INT(timer_elapsed(&t, 12000), 2000);
    timer_hold(&t, 12000, true); /* held, then the pause ends: still held */
    timer_resume(&t, 13000);
    CHECK_INT(timer_elapsed(&t, 14000), 2000);
    timer_hold(&t, 15000, false);
    CHECK_INT(timer_elapsed(&t, 16000), 3000);
}

static void sessions_end_on_a_whole_breath(void)
{
    BreathPattern p = sigh(); /* 9 s breaths: 1 minute is 7 breaths = 63 s */
    CHECK_INT(breath_session_ms(&p, 1), 63000);
    BreathPattern b = box();
    CHECK_INT(breath_session_ms(&b, 1), 64000);
    CHECK_INT(breath_session_ms(&b, 0), 64000);
    BreathSession s = breath_session(&b, 1, 3000);
    BreathSessionState st = breath_session_at(&s, 1000);
    CHECK(st.getting_ready);
    CHECK_INT(st.ready_left_ms, 2000);
    st = breath_session_at(&s, 3000);
    CHECK(!st.getting_ready);
    CHECK_INT(st.phase.kind, BREATH_IN);
    CHECK_INT(st.left_ms, 64000);
    CHECK_INT(st.cycles_total, 4);
    st = breath_session_at(&s, 3000 + 63999);
    CHECK(!st.done);
    CHECK_INT(st.phase.kind, BREATH_HOLD_EMPTY);
    CHECK_INT(st.cycles_done, 3);
    st = breath_session_at(&s, 3000 + 64000);
    CHECK(st.done);
    CHECK_INT(st.cycles_done, 4);
    CHECK_INT(st.left_ms, 0);
    CHECK_NEAR(st.phase.fill, 0, 1e-12);
}

static BreathPattern four_seven_eight(void)
{
    BreathPattern p = {.id = "478", .title = "4-7-8", .when = "w", .nsteps = 3, .minutes = 3,
                       .max_breaths = 4};
    p.steps[0] = (BreathStep){BREATH_IN, 4000, 1.0f};
    p.steps[1] = (BreathStep){BREATH_HOLD, 7000, 1.0f};
    p.steps[2] = (BreathStep){BREATH_OUT, 8000, 0.0f};
    p.cycle_ms = 19000;
    return p;
}

static void max_breaths_caps_every_session(void)
{
    BreathPattern p = four_seven_eight();
    /* 1 minute asks for 4 breaths of 19 s (76 s): exactly the limit, not clamped */
    CHECK_INT(breath_session_breaths(&p, 1), 4);
    CHECK(!breath_minutes_clamped(&p, 1));
    /* 3 and 10 minutes would be 10 and 32 breaths: four, and said to be clamped */
    CHECK_INT(breath_session_breaths(&p, 3), 4);
    CHECK(breath_minutes_clamped(&p, 3));
    CHECK_INT(breath_session_ms(&p, 10), 4 * 19000);
    CHECK(breath_minutes_clamped(&p, 10));
    BreathSession s = breath_session(&p, 10, 3000);
    CHECK_INT(breath_session_at(&s, 3000).cycles_total, 4);
    CHECK(breath_session_at(&s, 3000 + 76000).done);
    CHECK(!breath_session_at(&s, 3000 + 75999).done);
    /* without a limit nothing changes */
    BreathPattern b = box();
    CHECK_INT(breath_session_breaths(&b, 10), 38);
    CHECK(!breath_minutes_clamped(&b, 10));
}

static void an_unpaced_session_is_whole_minutes_and_counts_no_breaths(void)
{
    BreathPattern p = {.id = "notice", .title = "Notice", .when = "w", .minutes = 3,
                       .unpaced = true};
    CHECK_INT(breath_session_ms(&p, 3), 180000);
    CHECK_INT(breath_session_ms(&p, 0), 60000);
    CHECK_INT(breath_session_breaths(&p, 3), 0);
    CHECK(!breath_minutes_clamped(&p, 60));
    BreathPhase ph = breath_at(&p, 12345);
    CHECK_INT(ph.cycle, 0);
    CHECK_NEAR(ph.fill, 0.5, 0);
    BreathSession s = breath_session(&p, 3, 0);
    BreathSessionState st = breath_session_at(&s, 60000);
    CHECK(!st.getting_ready);
    CHECK(!st.done);
    CHECK_INT(st.left_ms, 120000);
    CHECK_INT(st.cycles_total, 0);
    CHECK_INT(st.cycles_done, 0);
    st = breath_session_at(&s, 180000);
    CHECK(st.done);
    CHECK_INT(st.breathing_ms, 180000);
    CHECK_INT(st.cycles_done, 0);
    CHECK_NEAR(st.phase.fill, 0.5, 0);
}

int main(void)
{
    RUN(ease_starts_and_ends_still);
    RUN(box_steps_change_exactly_on_the_boundary);
    RUN(fill_rises_holds_and_falls);
    RUN(sigh_tops_up_before_the_long_exhale);
    RUN(ten_hours_in_the_boundaries_are_exact);
    RUN(timer_pauses_without_drift);
    RUN(holds_and_pauses_are_separate);
    RUN(sessions_end_on_a_whole_breath);
    RUN(max_breaths_caps_every_session);
    RUN(an_unpaced_session_is_whole_minutes_and_counts_no_breaths);
    return check_report();
}
