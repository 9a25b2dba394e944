#include "attune/stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/day.h"
#include "attune/strbuf.h"

int64_t stats_minutes(uint64_t ms) { return (int64_t)((ms + 30000) / 60000); }

typedef struct Rated {
    const PracticeRecord *r;
    int idx;
} Rated;

static int cmp_rated(const void *a, const void *b)
{
    const Rated *x = a, *y = b;
    int c = strcmp(x->r->date, y->r->date);
    if (!c) c = strcmp(x->r->time, y->r->time);
    if (!c) c = (x->idx > y->idx) - (x->idx < y->idx);
    return c;
}

static void compute(const PracticeLog *log, int today, const DayMoment *now,
                    const Settings *settings, Stats *out)
{
    Settings def;
    if (!settings) {
        settings_defaults(&def);
        settings = &def;
    }
    memset(out, 0, sizeof *out);
    int hour = settings->day_start_hour;
    if (hour < 0 || hour > 23) hour = STREAK_DEFAULT_DAY_START;
    out->today = today;
    out->day_start_hour = hour;
    out->streak = now ? streak_compute_at(log, *now, hour, settings->weekly_goal)
                      : streak_compute(log, today, hour, settings->weekly_goal);
    if (today == DAY_NONE) return; /* no valid "today": empty stats */

    int first = day_week_start(today) - (STATS_WEEKS - 1) * 7;
    uint64_t cal_ms[STATS_DAYS] = {0};
    for (int i = 0; i < STATS_DAYS; i++) {
        out->calendar[i].day = first + i;
        out->calendar[i].future = first + i > today;
    }

    int n = log ? log->count : 0;
    Rated *rated = n ? malloc((size_t)n * sizeof *rated) : NULL;
    int nrated = 0;
    double sum_before = 0, sum_after = 0;
    for (int i = 0; i < n; i++) {
        const PracticeRecord *r = &log->rec[i];
        bool counts = streak_counts(r);
        if ((unsigned)r->kind < PRACTICE_KIND_COUNT) {
            StatsTotals *t = &out->by_kind[r->kind];
            t->ms += r->duration_ms;
            t->sessions += counts;
            t->completed += r->completed;
        }
        out->total.ms += r->duration_ms;
        out->total.sessions += counts;
        out->total.completed += r->completed;
        if (counts && practice_is_couple(r)) out->couple_sessions++;

        int d = streak_day_of(r, hour);
        if (d != DAY_NONE && d >= first && d < first + STATS_DAYS &&
            d <= today + STREAK_AHEAD_DAYS) {
            cal_ms[d - first] += r->duration_ms;
            if (counts) {
                out->calendar[d - first].sessions++;
                out->calendar[d - first].practised = true;
            }
        }
        if (r->before >= 0 && r->after >= 0) {
            out->rated++;
            sum_before += r->before;
            sum_after += r->after;
        }
        if (r->before >= 0 || r->after >= 0) {
            out->points_total++;
            if (rated) rated[nrated++] = (Rated){r, i};
        }
    }
    for (int k = 0; k < PRACTICE_KIND_COUNT; k++)
        out->by_kind[k].minutes = stats_minutes(out->by_kind[k].ms);
    out->total.minutes = stats_minutes(out->total.ms);
    for (int i = 0; i < STATS_DAYS; i++) out->calendar[i].minutes = (int)stats_minutes(cal_ms[i]);
    for (int i = 0; i < out->streak.nrest; i++) {
        int d = out->streak.rest_days[i] - first;
        if (d >= 0 && d < STATS_DAYS && !out->calendar[d].practised) out->calendar[d].rested = true;
    }
    if (out->rated) {
        out->avg_before = sum_before / out->rated;
        out->avg_after = sum_after / out->rated;
        out->avg_change = out->avg_after - out->avg_before;
    }
    if (nrated) {
        qsort(rated, (size_t)nrated, sizeof *rated, cmp_rated);
        int from = nrated > STATS_MAX_POINTS ? nrated - STATS_MAX_POINTS : 0;
        for (int i = from; i < nrated; i++) {
            const PracticeRecord *r = rated[i].r;
            StatsPoint *p = &out->points[out->npoints++];
            memcpy(p->date, r->date, sizeof p->date);
            memcpy(p->time, r->time, sizeof p->time);
            p->kind = r->kind;
            p->before = r->before;
            p->after = r->after;
        }
    }
    free(rated);
}

static int cmp_started(const void *a, const void *b)
{
    const PracticeRecord *x = *(const PracticeRecord *const *)a, *y = *(const PracticeRecord *const *)b;
    int c = strcmp(x->date, y->date);
    return c ? c : strcmp(x->time, y->time);
}

int stats_day_practices(const PracticeLog *log, int day, int day_start_hour, const PracticeRecord **out,
                        int max)
{
    if (day_start_hour < 0 || day_start_hour > 23) day_start_hour = STREAK_DEFAULT_DAY_START;
    int n = 0, kept = 0;
    for (int i = 0; log && i < log->count; i++) {
        const PracticeRecord *r = &log->rec[i];
        if (streak_day_of(r, day_start_hour) != day) continue;
        n++;
        if (kept < max) out[kept++] = r;
    }
    if (kept > 1) qsort(out, (size_t)kept, sizeof *out, cmp_started);
    return n;
}

void stats_compute(const PracticeLog *log, int today, const Settings *settings, Stats *out)
{
    compute(log, today, NULL, settings, out);
}

void stats_compute_at(const PracticeLog *log, DayMoment now, const Settings *settings, Stats *out)
{
    int hour = settings ? settings->day_start_hour : STREAK_DEFAULT_DAY_START;
    if (hour < 0 || hour > 23) hour = STREAK_DEFAULT_DAY_START;
    compute(log, day_of_moment(now, now.utc_offset_min, hour), &now, settings, out);
}

/* ---- text ---- */

static void put_long_date(StrBuf *b, int day)
{
    int y, m, d;
    day_to_ymd(day, &y, &m, &d);
    strbuf_addf(b, "%s %d %s %d", day_weekday_name(day_weekday(day)), d, day_month_name(m), y);
}

static const char *days_word(int n) { return n == 1 ? "day" : "days"; }

void stats_week_words(const StreakInfo *k, char *buf, size_t n)
{
    if (k->week_goal_reached || k->week_days >= k->week_goal)
        snprintf(buf, n, "%d %s this week, goal reached", k->week_days, days_word(k->week_days));
    else
        snprintf(buf, n, "%d of %d %s", k->week_days, k->week_goal, days_word(k->week_goal));
}

char *stats_format_text(const Stats *s)
{
    StrBuf b = {0};
    const StreakInfo *k = &s->streak;
    strbuf_addf(&b, "Your practice, as of ");
    put_long_date(&b, s->today);
    strbuf_addf(&b, "\n\n");

    if (k->current > 0)
        strbuf_addf(&b, "  %-16s%d %s%s (longest: %d)\n", "Streak", k->current, days_word(k->current),
            k->freeze_covers_yesterday ? ", a freeze is covering yesterday" : "", k->longest);
    else if (k->longest > 0)
        strbuf_addf(&b, "  %-16sready for a fresh start (longest: %d %s)\n", "Streak", k->longest,
            days_word(k->longest));
    else strbuf_addf(&b, "  %-16sready for a first day\n", "Streak");
    if (k->freezes_held > 0)
        strbuf_addf(&b, "  %-16s%d held (up to %d); each keeps your streak through a day off\n", "Freezes",
            k->freezes_held, STREAK_FREEZE_MAX);
    else
        strbuf_addf(&b, "  %-16snone yet; one is earned every %d practice days\n", "Freezes",
            STREAK_FREEZE_EVERY);
    char week[96];
    stats_week_words(k, week, sizeof week);
    strbuf_addf(&b, "  %-16s%s\n", "This week", week);
    if (k->couple_current > 0)
        strbuf_addf(&b, "  %-16s%d %s together in a row (longest: %d)\n", "Couple", k->couple_current,
            days_word(k->couple_current), k->couple_longest);
    else if (k->couple_days > 0)
        strbuf_addf(&b, "  %-16s%d %s together so far (longest run: %d)\n", "Couple", k->couple_days,
            days_word(k->couple_days), k->couple_longest);

    strbuf_addf(&b, "\n  %-16s%8s  %8s\n", "", "Sessions", "Minutes");
    static const char *const LABELS[PRACTICE_KIND_COUNT] = {"Breathing", "Grounding", "Cards"};
    for (int i = 0; i < PRACTICE_KIND_COUNT; i++)
        strbuf_addf(&b, "  %-16s%8d  %8lld\n", LABELS[i], s->by_kind[i].sessions,
            (long long)s->by_kind[i].minutes);
    strbuf_addf(&b, "  %-16s%8d  %8lld\n", "All", s->total.sessions, (long long)s->total.minutes);

    if (s->rated > 0) {
        strbuf_addf(&b, "\n  %-16s%d %s rated before and after\n", "Check-ins", s->rated,
            s->rated == 1 ? "practice" : "practices");
        strbuf_addf(&b, "  %-16s%.1f before, %.1f after: ", "", s->avg_before, s->avg_after);
        if (s->avg_change <= -0.05) strbuf_addf(&b, "%.1f calmer on average\n", -s->avg_change);
        else if (s->avg_change >= 0.05) strbuf_addf(&b, "%.1f higher on average\n", s->avg_change);
        else strbuf_addf(&b, "about the same on average\n");
    } else if (s->points_total > 0) {
        strbuf_addf(&b, "\n  %-16s%d answered, none yet both before and after a practice\n", "Check-ins",
            s->points_total);
    }

    strbuf_addf(&b, "\n  %-16sfrom ", "Last 26 weeks");
    put_long_date(&b, s->calendar[0].day);
    strbuf_addf(&b, "\n");
    for (int wd = 0; wd < 7; wd++) {
        strbuf_addf(&b, "  %.3s%-13s", day_weekday_name(wd), "");
        for (int w = 0; w < STATS_WEEKS; w++) {
            const StatsDay *c = &s->calendar[w * 7 + wd];
            char ch = c->future ? ' '
                    : c->minutes >= 15 ? '#'
                    : c->minutes >= 5  ? '+'
                    : c->minutes > 0 || c->practised ? '-'
                    : '.';
            strbuf_addf(&b, "%c", ch);
        }
        strbuf_addf(&b, "\n");
    }
    strbuf_addf(&b, "  %-16s. none  - under 5 min  + 5 to 14 min  # 15 min or more\n", "");

    char msg[160];
    strbuf_addf(&b, "\n  %s\n", streak_message(k, msg, sizeof msg));
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

/* ---- JSON ---- */

static cJSON *add_obj(cJSON *parent, const char *key)
{
    cJSON *o = cJSON_CreateObject();
    if (o && !cJSON_AddItemToObject(parent, key, o)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static void add_date(cJSON *o, const char *key, int day)
{
    char d[11];
    if (day == DAY_NONE) cJSON_AddNullToObject(o, key);
    else cJSON_AddStringToObject(o, key, day_format(day, d));
}

static void add_rating(cJSON *o, const char *key, int v)
{
    if (v < 0) cJSON_AddNullToObject(o, key);
    else cJSON_AddNumberToObject(o, key, v);
}

static void add_totals(cJSON *o, const StatsTotals *t)
{
    cJSON_AddNumberToObject(o, "sessions", t->sessions);
    cJSON_AddNumberToObject(o, "completed", t->completed);
    cJSON_AddNumberToObject(o, "minutes", (double)t->minutes);
}

/* One decimal, so the output is stable and readable. */
static double tenth(double x) { return (double)(long long)(x * 10 + (x < 0 ? -0.5 : 0.5)) / 10; }

cJSON *stats_to_json(const Stats *s)
{
    const StreakInfo *k = &s->streak;
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    cJSON_AddNumberToObject(o, "version", 1);
    add_date(o, "today", s->today);
    cJSON_AddNumberToObject(o, "day_start_hour", s->day_start_hour);

    cJSON *st = add_obj(o, "streak");
    if (st) {
        cJSON_AddNumberToObject(st, "current", k->current);
        cJSON_AddNumberToObject(st, "longest", k->longest);
        cJSON_AddNumberToObject(st, "freezes_held", k->freezes_held);
        cJSON_AddNumberToObject(st, "freezes_max", STREAK_FREEZE_MAX);
        cJSON_AddBoolToObject(st, "freeze_covers_yesterday", k->freeze_covers_yesterday);
        cJSON_AddBoolToObject(st, "practised_today", k->practised_today);
        cJSON_AddNumberToObject(st, "practised_days", k->practised_days);
        add_date(st, "last_practice", k->last_day);
    }
    cJSON *wk = add_obj(o, "week");
    if (wk) {
        add_date(wk, "start", k->week_start);
        cJSON_AddNumberToObject(wk, "goal", k->week_goal);
        cJSON_AddNumberToObject(wk, "days", k->week_days);
        cJSON_AddBoolToObject(wk, "reached", k->week_goal_reached);
    }
    cJSON *cp = add_obj(o, "couple");
    if (cp) {
        cJSON_AddNumberToObject(cp, "current", k->couple_current);
        cJSON_AddNumberToObject(cp, "longest", k->couple_longest);
        cJSON_AddNumberToObject(cp, "days", k->couple_days);
        cJSON_AddNumberToObject(cp, "sessions", s->couple_sessions);
    }
    cJSON *pr = add_obj(o, "practices");
    for (int i = 0; pr && i < PRACTICE_KIND_COUNT; i++) {
        cJSON *t = add_obj(pr, practice_kind_name((PracticeKind)i));
        if (t) add_totals(t, &s->by_kind[i]);
    }
    cJSON *tot = add_obj(o, "total");
    if (tot) add_totals(tot, &s->total);

    cJSON *cal = add_obj(o, "calendar");
    if (cal) {
        add_date(cal, "start", s->calendar[0].day);
        cJSON *m = cJSON_AddArrayToObject(cal, "minutes");
        for (int i = 0; m && i < STATS_DAYS && !s->calendar[i].future; i++)
            cJSON_AddItemToArray(m, cJSON_CreateNumber(s->calendar[i].minutes));
    }

    cJSON *ci = add_obj(o, "checkins");
    if (ci) {
        cJSON_AddNumberToObject(ci, "rated", s->rated);
        if (s->rated) {
            cJSON_AddNumberToObject(ci, "average_before", tenth(s->avg_before));
            cJSON_AddNumberToObject(ci, "average_after", tenth(s->avg_after));
            cJSON_AddNumberToObject(ci, "average_change", tenth(s->avg_change));
        } else {
            cJSON_AddNullToObject(ci, "average_before");
            cJSON_AddNullToObject(ci, "average_after");
            cJSON_AddNullToObject(ci, "average_change");
        }
        cJSON *pts = cJSON_AddArrayToObject(ci, "points");
        for (int i = 0; pts && i < s->npoints; i++) {
            const StatsPoint *p = &s->points[i];
            cJSON *e = cJSON_CreateObject();
            if (!e) break;
            cJSON_AddStringToObject(e, "date", p->date);
            cJSON_AddStringToObject(e, "time", p->time);
            cJSON_AddStringToObject(e, "kind", practice_kind_name(p->kind));
            add_rating(e, "before", p->before);
            add_rating(e, "after", p->after);
            cJSON_AddItemToArray(pts, e);
        }
    }
    char msg[160];
    cJSON_AddStringToObject(o, "message", streak_message(k, msg, sizeof msg));
    return o;
}
