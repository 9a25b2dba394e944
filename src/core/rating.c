#include <string.h>
#include "attune/rating.h"

int rating_valid(int r) { return r >= 0 && r <= RATING_MAX ? r : RATING_NONE; }

void rating_remember_after(RatingMemory *m, int rating, uint64_t now)
{
    m->last_after = rating_valid(rating);
    m->at = m->last_after != RATING_NONE ? (now ? now : 1) : 0;
}

int rating_reused_before(const RatingMemory *m, uint64_t now)
{
    if (m->last_after == RATING_NONE || !m->at || now < m->at || now - m->at >= RATING_REUSE_MS)
        return RATING_NONE;
    return m->last_after;
}

bool rating_ask_before(bool checkins, bool shared, int reused)
{
    return checkins && !shared && reused == RATING_NONE;
}

bool rating_before_wanted(bool breathing, const char *content_id, bool quick_before)
{
    bool quick = breathing && content_id && !strcmp(content_id, RATING_QUICK_CALM_ID);
    return !quick || quick_before;
}

bool rating_ask_after(bool checkins, bool shared, bool completed, uint64_t duration_ms)
{
    return checkins && !shared && (completed || duration_ms >= RATING_AFTER_MIN_MS);
}
