/* The practice log: any bytes as practice.jsonl through log_load, then the statistics over
 * what loaded. Loading never fails on content, counts every line once, keeps ids unique, and
 * each record it keeps writes back as itself. */
#include "attune/day.h"
#include "attune/stats.h"
#include "attune/store.h"
#include "fuzz.h"

static void same_record(const PracticeRecord *a, const PracticeRecord *b)
{
    FZ_ASSERT(!strcmp(a->id, b->id) && !strcmp(a->date, b->date) && !strcmp(a->time, b->time));
    FZ_ASSERT(a->utc_offset_min == b->utc_offset_min && a->kind == b->kind);
    FZ_ASSERT(!strcmp(a->content, b->content) && a->duration_ms == b->duration_ms);
    FZ_ASSERT(a->completed == b->completed && a->count == b->count);
    FZ_ASSERT(a->before == b->before && a->after == b->after);
    FZ_ASSERT(!strcmp(a->partner_a, b->partner_a) && !strcmp(a->partner_b, b->partner_b));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_clean();
    fz_write(STORE_LOG_FILE, data, size);
    PracticeLog log = {0};
    LogReport rep;
    AtDiag d = {0};
    bool ok = log_load(fz_dir(), &log, &rep, &d);
    FZ_ASSERT(ok);
    fz_check_messages(&d, 0, fz_dir());
    FZ_ASSERT(rep.loaded == log.count);
    FZ_ASSERT(rep.loaded + rep.torn + rep.unreadable + rep.duplicates == rep.lines);
    /* at most LOG_MAX_MESSAGES lines described (a line may have a message per bad field),
     * then one line counting the rest */
    int described = 0, last = -1;
    for (int i = 0; i < d.count; i++) {
        const char *at = strstr(d.msg[i], ": line ");
        int line = at ? atoi(at + 7) : -1;
        if (line >= 0 && line != last) described++, last = line;
    }
    FZ_ASSERT(described <= LOG_MAX_MESSAGES);
    char note[400];
    log_report_summary(&rep, note, sizeof note);
    StrPool *pool = strpool_new();
    for (int i = 0; i < log.count; i++) {
        for (int k = 0; k < i && k < 64; k++) FZ_ASSERT(strcmp(log.rec[i].id, log.rec[k].id) != 0);
        cJSON *o = practice_to_json(&log.rec[i]);
        FZ_ASSERT(o != NULL);
        AtDiag d2 = {0};
        JsonV v = {.file = "again", .diag = &d2, .pool = pool};
        PracticeRecord back;
        FZ_ASSERT(practice_from_json(&v, o, "", &back));
        same_record(&log.rec[i], &back);
        cJSON_Delete(o);
        diag_free(&d2);
    }
    strpool_free(pool);
    Settings st;
    settings_defaults(&st);
    static Stats s; /* large */
    stats_compute(&log, day_parse("2026-03-08"), &st, &s);
    FZ_ASSERT(s.total.minutes >= 0 && s.streak.current >= 0 && s.streak.longest >= s.streak.current);
    char *text = stats_format_text(&s);
    cJSON *j = stats_to_json(&s);
    FZ_ASSERT(text && j);
    free(text);
    cJSON_Delete(j);
    log_free(&log);
    diag_free(&d);
    return 0;
}
