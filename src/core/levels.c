#include "attune/levels.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int find_seen(const LevelsSeen *ls, const char *id)
{
    for (int i = 0; i < ls->count; i++)
        if (!strcmp(ls->level[i].id, id)) return i;
    return -1;
}

LevelProgress levels_progress(const Settings *s, const DeckLevel *level)
{
    LevelProgress lp = {{0}, 0, 0};
    snprintf(lp.id, sizeof lp.id, "%s", level->id);
    const LevelProgress *saved = settings_find_level(s, level->id);
    if (saved) lp = *saved;
    if (lp.seen > level->ncards) lp.seen = level->ncards;
    return lp;
}

int levels_seen_ids(const LevelsSeen *ls, const DeckLevel *level, const char **ids, int max)
{
    int k = find_seen(ls, level->id), n = 0;
    for (int i = 0; k >= 0 && i < level->ncards && i < DECK_MAX_CARDS && n < max; i++)
        if (ls->level[k].seen[i]) ids[n++] = level->cards[i].id;
    return n;
}

bool levels_add(LevelsSeen *ls, Settings *s, const DeckLevel *level, const DeckCard *const *cards,
                int n)
{
    int k = find_seen(ls, level->id);
    if (k < 0 && ls->count < SETTINGS_MAX_LEVELS) {
        k = ls->count++;
        memset(&ls->level[k], 0, sizeof ls->level[k]);
        snprintf(ls->level[k].id, sizeof ls->level[k].id, "%s", level->id);
    }
    int fresh = 0;
    for (int i = 0; k >= 0 && i < n; i++) {
        ptrdiff_t c = cards[i] - level->cards;
        if (c >= 0 && c < level->ncards && c < DECK_MAX_CARDS && !ls->level[k].seen[c]) {
            ls->level[k].seen[c] = true;
            fresh++;
        }
    }
    LevelProgress *saved = settings_level(s, level->id);
    if (!saved) return false;
    saved->seen += fresh;
    if (saved->seen > level->ncards) saved->seen = level->ncards;
    return true;
}

int levels_suggested(const Settings *s, const Content *c)
{
    for (int i = 0; i < c->nlevels; i++)
        if (levels_progress(s, &c->levels[i]).seen < c->levels[i].ncards) return i;
    return 0;
}

const DeckLevel *levels_find(const Content *c, const char *s)
{
    if (!s || !*s) return NULL;
    const DeckLevel *l = content_level(c, s);
    if (l) return l;
    char *end;
    long n = strtol(s, &end, 10);
    if (*end) return NULL;
    for (int i = 0; i < c->nlevels; i++)
        if (c->levels[i].number == n) return &c->levels[i];
    return NULL;
}
