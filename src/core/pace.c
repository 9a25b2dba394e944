#include "attune/pace.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "attune/settings.h"

double pace_rate(int step)
{
    if (step < 0) step = 0;
    if (step >= PACE_STEPS) step = PACE_STEPS - 1;
    return 6.5 - 0.5 * step;
}

bool pace_pattern(double per_minute, const char *id, const char *title, const char *when,
                  BreathPattern *out)
{
    memset(out, 0, sizeof *out);
    if (!(per_minute > 0 && per_minute <= 30)) return false;
    /* Half a breath each way, rounded to the millisecond: 6.5 a minute is 4615 + 4615 ms. */
    uint32_t half = (uint32_t)lround(30000.0 / per_minute);
    out->id = id;
    out->title = title;
    out->when = when;
    out->nsteps = 2;
    out->steps[0] = (BreathStep){BREATH_IN, half, 1.0f};
    out->steps[1] = (BreathStep){BREATH_OUT, half, 0.0f};
    out->cycle_ms = 2 * half;
    out->minutes = 5;
    return true;
}

int pace_step_breaths(int step)
{
    BreathPattern p;
    if (!pace_pattern(pace_rate(step), "", "", "", &p)) return 1;
    return (int)((PACE_STEP_MS + p.cycle_ms - 1) / p.cycle_ms);
}

double pace_best(const int ratings[PACE_STEPS])
{
    int best = -1;
    for (int i = 0; i < PACE_STEPS; i++) {
        int r = ratings[i];
        if (r < PACE_ALL_RIGHT || r > PACE_COMFORTABLE) continue;
        if (best < 0 || r > ratings[best]) {
            best = i;
            continue;
        }
        if (r < ratings[best]) continue;
        /* Equally comfortable: nearer the average wins; the steps run faster to slower, so on
         * an equal distance the one found first (the faster) stays. */
        if (fabs(pace_rate(i) - PACE_AVERAGE) < fabs(pace_rate(best) - PACE_AVERAGE) - 1e-9)
            best = i;
    }
    return best < 0 ? 0 : pace_rate(best);
}

bool pace_your_pattern(double your_pace, BreathPattern *out, char *when_buf, size_t n)
{
    memset(out, 0, sizeof *out);
    if (!(your_pace >= SETTINGS_PACE_MIN && your_pace <= SETTINGS_PACE_MAX)) return false;
    snprintf(when_buf, n,
             "%.1f slow, even breaths a minute: the pace you found most comfortable. "
             "Find your pace again any time.",
             your_pace);
    return pace_pattern(your_pace, PACE_ID, "Your pace", when_buf, out);
}

static void load_step(PaceSweep *s)
{
    pace_pattern(pace_rate(s->step), PACE_SWEEP_ID, "Find your pace",
                 "Slow, even breathing at a few rates, each rated for comfort.", &s->pattern);
}

void pace_sweep_start(PaceSweep *s)
{
    memset(s, 0, sizeof *s);
    load_step(s);
}

BreathSession pace_sweep_session(const PaceSweep *s, uint32_t ready_ms)
{
    int step = s->step < PACE_STEPS ? s->step : PACE_STEPS - 1;
    return (BreathSession){&s->pattern, ready_ms,
                           (uint64_t)pace_step_breaths(step) * s->pattern.cycle_ms};
}

void pace_sweep_breathed(PaceSweep *s)
{
    if (s->step < PACE_STEPS) s->rating = true;
}

bool pace_sweep_rate(PaceSweep *s, int comfort)
{
    if (!s->rating || s->step >= PACE_STEPS || comfort < PACE_UNCOMFORTABLE ||
        comfort > PACE_COMFORTABLE)
        return false;
    s->ratings[s->step++] = comfort;
    s->rating = false;
    if (s->step < PACE_STEPS) load_step(s);
    return true;
}

bool pace_sweep_done(const PaceSweep *s) { return s->step >= PACE_STEPS; }

double pace_sweep_result(const PaceSweep *s)
{
    return pace_sweep_done(s) ? pace_best(s->ratings) : 0;
}
