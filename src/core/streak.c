#include "attune/streak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool streak_counts(const PracticeRecord *r)
{
    return r->completed || r->duration_ms >= STREAK_MIN_MS;
}

int streak_day_of(const PracticeRecord *r, int day_start_hour)
{
    return day_of(r->date, r->time, day_start_hour);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Sorts and removes repeats; returns the new count. */
static int sort_unique(int *d, int n)
{
    if (n == 0) return 0;
    qsort(d, (size_t)n, sizeof *d, cmp_int);
    int w = 1;
    for (int i = 1; i < n; i++)
        if (d[i] != d[w - 1]) d[w++] = d[i];
    return w;
}

/* A practised day: its earliest and latest counting practice, as instants. */
typedef struct PDay {
    int day;
    DayMoment first, last;
    bool known; /* both instants are known */
} PDay;

typedef struct Entry {
    int day;
    DayMoment at;
    bool known;
} Entry;

static int cmp_entry(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    if (x->day != y->day) return (x->day > y->day) - (x->day < y->day);
    return (x->at.utc_s > y->at.utc_s) - (x->at.utc_s < y->at.utc_s);
}

/* Days between practised day a and a later one b, as missed: the local dates, unless the
 * time zone changed between a's last practice and b's first. Then each clock is asked how
 * many days lay between those two instants, and the kinder answer counts, so a day the
 * calendar skipped on a flight east never breaks a streak (it is never a practised day
 * either). Flying west the local dates are already the kinder answer. */
static int missed_between(const PDay *a, const PDay *b, int hour)
{
    int local = b->day - a->day;
    if (a->known && b->known && a->last.utc_offset_min != b->first.utc_offset_min &&
        a->last.utc_s <= b->first.utc_s) {
        int in_a = day_of_moment(b->first, a->last.utc_offset_min, hour) - a->day;
        int in_b = b->day - day_of_moment(a->last, b->first.utc_offset_min, hour);
        if (in_a < local) local = in_a;
        if (in_b < local) local = in_b;
        if (local < 1) local = 1;
    }
    return local - 1;
}

/* Remembers a rest day, dropping the oldest when full. */
static void add_rest_day(StreakInfo *s, int day)
{
    if (s->nrest == STREAK_REST_KEEP) {
        memmove(s->rest_days, s->rest_days + 1, (STREAK_REST_KEEP - 1) * sizeof s->rest_days[0]);
        s->nrest--;
    }
    s->rest_days[s->nrest++] = day;
}

static StreakInfo compute(const PracticeLog *log, int today, const DayMoment *now,
                          int day_start_hour, int weekly_goal)
{
    if (day_start_hour < 0 || day_start_hour > 23) day_start_hour = STREAK_DEFAULT_DAY_START;
    if (weekly_goal < 1 || weekly_goal > 7) weekly_goal = STREAK_DEFAULT_WEEKLY_GOAL;
    StreakInfo s = {0};
    s.today = today;
    s.current_start = s.last_day = DAY_NONE;
    s.week_start = today == DAY_NONE ? DAY_NONE : day_week_start(today);
    s.week_goal = weekly_goal;
    if (today == DAY_NONE) { /* no valid "today": nothing can be said */
        s.week_start = DAY_NONE;
        return s;
    }

    int n = log ? log->count : 0;
    Entry *ent = n ? malloc((size_t)n * sizeof *ent) : NULL;
    PDay *pd = n ? malloc((size_t)n * sizeof *pd) : NULL;
    int *couple = n ? malloc((size_t)n * sizeof *couple) : NULL;
    int ne = 0, nc = 0, nd = 0;
    if (n && (!ent || !pd || !couple)) n = 0; /* out of memory: report an empty history */
    for (int i = 0; i < n; i++) {
        const PracticeRecord *r = &log->rec[i];
        if (!streak_counts(r)) continue;
        int d = streak_day_of(r, day_start_hour);
        if (d == DAY_NONE || d > today + STREAK_AHEAD_DAYS) continue;
        Entry *e = &ent[ne++];
        e->day = d;
        e->known = day_moment_of(r->date, r->time, r->utc_offset_min, &e->at);
        if (practice_is_couple(r)) couple[nc++] = d;
    }
    if (ne) qsort(ent, (size_t)ne, sizeof *ent, cmp_entry);
    for (int i = 0; i < ne; i++) {
        if (nd == 0 || pd[nd - 1].day != ent[i].day)
            pd[nd++] = (PDay){ent[i].day, ent[i].at, ent[i].at, ent[i].known};
        else {
            pd[nd - 1].last = ent[i].at;
            pd[nd - 1].known = pd[nd - 1].known && ent[i].known;
        }
    }
    nc = sort_unique(couple, nc);

    /* Walk the practised days in order: bridge single missed days with held freezes. */
    int run = 0, run_start = DAY_NONE, bridged = 0, held = 0, since_earn = 0;
    for (int i = 0; i < nd; i++) {
        int d = pd[i].day;
        if (i > 0) {
            int missed = missed_between(&pd[i - 1], &pd[i], day_start_hour);
            if (missed == 1 && held > 0) {
                held--;
                s.freezes_used++;
                bridged++;
                add_rest_day(&s, d - 1);
            } else if (missed >= 1) {
                run = 0;
            }
        }
        if (run == 0) {
            run_start = d;
            bridged = 0;
        }
        run++;
        if (run > s.longest) s.longest = run;
        s.freeze_earned_today = false;
        if (++since_earn == STREAK_FREEZE_EVERY) {
            since_earn = 0;
            if (held < STREAK_FREEZE_MAX) {
                held++;
                s.freezes_earned++;
                s.freeze_earned_today = d == today;
            }
        }
    }
    s.practised_days = nd;
    s.freezes_held = held;
    if (nd > 0) {
        int last = pd[nd - 1].day;
        s.last_day = last;
        s.practised_today = last >= today;
        int since = today - last;
        if (since > 1 && now && pd[nd - 1].known) {
            /* Travelled since: "today" as the same kinder of the two clocks sees it. */
            PDay t = {today, *now, *now, true};
            since = missed_between(&pd[nd - 1], &t, day_start_hour) + 1;
        }
        if (since <= 1) {
            s.current = run;
        } else if (since == 2 && held > 0) {
            s.current = run;
            s.freeze_covers_yesterday = true;
            s.freezes_held = held - 1;
            add_rest_day(&s, today - 1);
        }
        if (s.current > 0) {
            s.current_start = run_start;
            s.current_bridged = bridged;
        }
        /* Earlier practice, and either no current streak or one that began today after a gap. */
        s.returning = s.current == 0 || (pd[0].day < run_start && run_start >= today);
        if (!s.practised_today) s.freeze_earned_today = false;
    }

    for (int i = 0; i < nd; i++)
        if (pd[i].day >= s.week_start && pd[i].day < s.week_start + 7) s.week_days++;
    s.week_goal_reached = s.week_days >= weekly_goal;

    /* The couple streak: consecutive days, no freezes. */
    int crun = 0;
    for (int i = 0; i < nc; i++) {
        crun = i > 0 && couple[i] == couple[i - 1] + 1 ? crun + 1 : 1;
        if (crun > s.couple_longest) s.couple_longest = crun;
    }
    s.couple_days = nc;
    if (nc > 0 && today - couple[nc - 1] <= 1) s.couple_current = crun;

    free(ent);
    free(pd);
    free(couple);
    return s;
}

StreakInfo streak_compute(const PracticeLog *log, int today, int day_start_hour, int weekly_goal)
{
    return compute(log, today, NULL, day_start_hour, weekly_goal);
}

StreakInfo streak_compute_at(const PracticeLog *log, DayMoment now, int day_start_hour,
                             int weekly_goal)
{
    int hour = day_start_hour < 0 || day_start_hour > 23 ? STREAK_DEFAULT_DAY_START : day_start_hour;
    return compute(log, day_of_moment(now, now.utc_offset_min, hour), &now, hour, weekly_goal);
}

const char *streak_message(const StreakInfo *s, char *buf, size_t n)
{
    if (!n) return buf;
    if (s->practised_days == 0)
        snprintf(buf, n, "One minute is a good start, whenever you're ready.");
    else if (s->returning)
        snprintf(buf, n, "Welcome back. Every day is a fresh start.");
    else if (s->freeze_covers_yesterday)
        snprintf(buf, n, "A freeze is covering yesterday, so your streak is still here.");
    else if (s->freeze_earned_today && s->current >= 2)
        snprintf(buf, n, "%d days in a row, and a freeze earned for a harder day.", s->current);
    else if (s->freeze_earned_today)
        snprintf(buf, n, "A freeze earned for a harder day. Keep it gentle.");
    else if (s->practised_today && s->current == 1)
        snprintf(buf, n, "Day one. A gentle start.");
    else if (s->practised_today && s->current_bridged)
        snprintf(buf, n, "A %d-day streak. Keep it gentle.", s->current);
    else if (s->practised_today)
        snprintf(buf, n, "%d days in a row. Keep it gentle.", s->current);
    else if (s->current == 1)
        snprintf(buf, n, "You practised yesterday. Today is here whenever you are.");
    else if (s->current_bridged)
        snprintf(buf, n, "A %d-day streak. Today is here whenever you are.", s->current);
    else
        snprintf(buf, n, "%d days in a row. Today is here whenever you are.", s->current);
    return buf;
}
