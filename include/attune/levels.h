/* Progress through the card levels: the counts kept in Settings.levels (cards seen), which cards this run has already dealt (so unseen ones come
 * first), and which level to suggest next. The caller owns the LevelsSeen and saves the
 * settings when told they changed. */
#ifndef ATTUNE_LEVELS_H
#define ATTUNE_LEVELS_H

#include <stdbool.h>

#include "attune/content.h"
#include "attune/deck.h"
#include "attune/settings.h"

/* The cards of each level seen in this run (the saved progress keeps counts only). Zero it
 * ({0}) before first use. */
typedef struct LevelsSeen {
    struct {
        char id[SETTINGS_ID_MAX + 1];
        bool seen[DECK_MAX_CARDS]; /* by index into level->cards */
    } level[SETTINGS_MAX_LEVELS];
    int count;
} LevelsSeen;

/* The saved progress of a level, "seen" capped at its card count (zero if none yet). */
LevelProgress levels_progress(const Settings *s, const DeckLevel *level);

/* Ids of the level's cards seen in this run, for dealing unseen cards first; returns how many
 * (at most max). */
int levels_seen_ids(const LevelsSeen *ls, const DeckLevel *level, const char **ids, int max);

/* After a round: marks n cards of the level seen in this run and adds the ones first met in it
 * to the saved "seen" count (capped at the level's size). Nothing about which responses were
 * picked is kept: they are moves, not a score. Returns true if the settings changed (the
 * caller saves them). */
bool levels_add(LevelsSeen *ls, Settings *s, const DeckLevel *level, const DeckCard *const *cards,
                int n);

/* The level to suggest: the first (in content order) with cards not yet seen; 0 when every
 * level has been seen through (or there are none). */
int levels_suggested(const Settings *s, const Content *c);

/* A level named by its id or by its number ("3"), or NULL (s NULL or empty: NULL). */
const DeckLevel *levels_find(const Content *c, const char *s);

#endif
