#include "attune/recap.h"

#include <stdio.h>
#include <string.h>

#include "attune/day.h"
#include "attune/stats.h"
#include "attune/streak.h"

void recap_week(const PracticeLog *log, int day, int day_start_hour, WeekRecap *out)
{
    memset(out, 0, sizeof *out);
    out->start = day == DAY_NONE ? DAY_NONE : day_week_start(day);
    if (day == DAY_NONE) return;
    int end = out->start + 7;
    uint64_t ms[PRACTICE_KIND_COUNT] = {0}, all_ms = 0;
    bool practised[7] = {false};
    double before = 0, after = 0;
    for (int i = 0; log && i < log->count; i++) {
        const PracticeRecord *r = &log->rec[i];
        int d = streak_day_of(r, day_start_hour);
        if (d == DAY_NONE || d < out->start || d >= end) continue;
        if ((unsigned)r->kind >= PRACTICE_KIND_COUNT) continue;
        bool counts = streak_counts(r);
        out->sessions[r->kind] += counts;
        out->total_sessions += counts;
        ms[r->kind] += r->duration_ms;
        all_ms += r->duration_ms;
        if (counts) practised[d - out->start] = true;
        if (r->before >= 0 && r->after >= 0) {
            out->rated++;
            before += r->before;
            after += r->after;
        }
    }
    for (int k = 0; k < PRACTICE_KIND_COUNT; k++) out->minutes[k] = stats_minutes(ms[k]);
    out->total_minutes = stats_minutes(all_ms);
    for (int i = 0; i < 7; i++) out->days += practised[i];
    if (out->rated) {
        out->avg_before = before / out->rated;
        out->avg_after = after / out->rated;
    }
}

bool recap_note(WeekRecap *r, const char *date, const char *text)
{
    if (r->note[0] || r->start == DAY_NONE || !date || !text || !text[0]) return false;
    int d = day_parse(date);
    if (d == DAY_NONE || d < r->start || d >= r->start + 7) return false;
    /* Cut on a character boundary: never half a letter. */
    size_t n = strlen(text);
    if (n > RECAP_NOTE_MAX) {
        n = RECAP_NOTE_MAX;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
    }
    memcpy(r->note, text, n);
    r->note[n] = 0;
    snprintf(r->note_date, sizeof r->note_date, "%s", date);
    return true;
}

static const char *const KIND_ONE[PRACTICE_KIND_COUNT] = {"breathing break", "grounding exercise",
                                                          "round of cards"};
static const char *const KIND_MANY[PRACTICE_KIND_COUNT] = {"breathing breaks",
                                                           "grounding exercises",
                                                           "rounds of cards"};

const char *recap_practice_words(const WeekRecap *r, char *buf, size_t n)
{
    if (!n) return buf;
    if (r->total_sessions == 0) {
        snprintf(buf, n, "Nothing yet this week. A minute is enough to begin.");
        return buf;
    }
    char list[200] = "", item[64];
    int kinds = 0, done = 0;
    for (int k = 0; k < PRACTICE_KIND_COUNT; k++) kinds += r->sessions[k] > 0;
    for (int k = 0; k < PRACTICE_KIND_COUNT; k++) {
        if (!r->sessions[k]) continue;
        snprintf(item, sizeof item, "%d %s", r->sessions[k],
                 r->sessions[k] == 1 ? KIND_ONE[k] : KIND_MANY[k]);
        const char *sep = done == 0 ? "" : done == kinds - 1 ? " and " : ", ";
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%s", sep, item);
        done++;
    }
    char mins[40];
    if (r->total_minutes == 0) snprintf(mins, sizeof mins, "under a minute in all");
    else if (r->total_minutes == 1) snprintf(mins, sizeof mins, "1 minute in all");
    else snprintf(mins, sizeof mins, "%lld minutes in all", (long long)r->total_minutes);
    if (r->days == 1)
        snprintf(buf, n, "You practised on 1 day: %s, %s.", list, mins);
    else
        snprintf(buf, n, "You practised on %d days: %s, %s.", r->days, list, mins);
    return buf;
}

const char *recap_checkin_words(const WeekRecap *r, char *buf, size_t n)
{
    if (!n) return buf;
    double change = r->avg_after - r->avg_before; /* negative: calmer */
    if (r->rated == 0) buf[0] = 0;
    else if (change <= -1.5)
        snprintf(buf, n, "After practice you felt calmer than before, on average.");
    else if (change <= -0.5)
        snprintf(buf, n, "After practice you felt a little calmer than before, on average.");
    else if (change < 0.5)
        snprintf(buf, n, "You felt about the same before and after, on average. "
                         "Noticing how you are is practice too.");
    else
        snprintf(buf, n, "Some practices stirred things up this week. That is part of it "
                         "too; go gently.");
    return buf;
}
