/* Settings: any bytes as settings.json through settings_load. Whatever the file holds, the
 * settings that come out are in range, and they save and load back unchanged. */
#include "attune/settings.h"
#include "attune/store.h"
#include "fuzz.h"

static void in_range(const Settings *s)
{
    FZ_ASSERT(s->day_start_hour >= 0 && s->day_start_hour <= 23);
    FZ_ASSERT(s->weekly_goal >= 1 && s->weekly_goal <= 7);
    FZ_ASSERT(s->text_size >= 0.5 && s->text_size <= 3.0);
    FZ_ASSERT((unsigned)s->theme < SETTINGS_THEME_COUNT);
    FZ_ASSERT(s->last_minutes >= 0 && s->last_minutes <= 60);
    FZ_ASSERT(s->your_pace == 0 || (s->your_pace >= SETTINGS_PACE_MIN && s->your_pace <= SETTINGS_PACE_MAX));
    FZ_ASSERT(s->npairs >= 0 && s->npairs <= SETTINGS_MAX_PAIRS);
    FZ_ASSERT(s->nlevels >= 0 && s->nlevels <= SETTINGS_MAX_LEVELS);
    FZ_ASSERT(s->last_pattern[0] == 0 || jv_is_id(s->last_pattern));
    for (int i = 0; i < s->nlevels; i++) {
        FZ_ASSERT(jv_is_id(s->levels[i].id));
        FZ_ASSERT(s->levels[i].seen >= 0 && s->levels[i].connected >= 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_clean();
    fz_write(STORE_SETTINGS_FILE, data, size);
    static Settings s, back;
    AtDiag d = {0};
    settings_load(fz_dir(), &s, &d);
    fz_check_messages(&d, 0, NULL);
    in_range(&s);
    char err[600];
    FZ_ASSERT(settings_save(fz_dir(), &s, err, sizeof err));
    AtDiag d2 = {0};
    FZ_ASSERT(settings_load(fz_dir(), &back, &d2) == 0);
    FZ_ASSERT(s.checkins == back.checkins && s.muted == back.muted &&
              s.reduced_motion == back.reduced_motion && s.welcomed == back.welcomed &&
              s.cards_safety_seen == back.cards_safety_seen && s.moves_seen == back.moves_seen);
    FZ_ASSERT(s.day_start_hour == back.day_start_hour && s.weekly_goal == back.weekly_goal &&
              s.theme == back.theme && s.last_minutes == back.last_minutes);
    FZ_ASSERT(s.text_size == back.text_size && s.your_pace == back.your_pace);
    FZ_ASSERT(!strcmp(s.last_pattern, back.last_pattern) && !strcmp(s.region, back.region));
    FZ_ASSERT(s.npairs == back.npairs && !memcmp(s.pairs, back.pairs, sizeof s.pairs[0] * (size_t)s.npairs));
    FZ_ASSERT(s.nlevels == back.nlevels);
    for (int i = 0; i < s.nlevels; i++)
        FZ_ASSERT(!strcmp(s.levels[i].id, back.levels[i].id) && s.levels[i].seen == back.levels[i].seen &&
                  s.levels[i].connected == back.levels[i].connected);
    diag_free(&d);
    diag_free(&d2);
    return 0;
}
