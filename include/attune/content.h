/* All content Attune knows: shipped files under levels/ and the user's own files, loaded
 * side by side. A bad entry is reported (file + JSON path) and skipped; the rest loads. */
#ifndef ATTUNE_CONTENT_H
#define ATTUNE_CONTENT_H

#include <stdbool.h>

#include "attune/breath.h"
#include "attune/deck.h"
#include "attune/diag.h"
#include "attune/ground.h"
#include "attune/learn.h"
#include "attune/resources.h"
#include "attune/skill.h"
#include "attune/strpool.h"

/* Where a folder of content comes from, and so what it may hold. */
typedef enum ContentSource {
    CONTENT_SHIPPED = 0, /* levels/ as shipped: everything, and the only source of resources */
    CONTENT_USER = 1,    /* the user's data folder: breathing patterns and grounding exercises */
    CONTENT_AUTHOR = 2,  /* a content author's folder (ATTUNE_CONTENT_DIR): all but resources */
} ContentSource;

#define CONTENT_MAX_FILES 256

typedef struct Content {
    StrPool *pool;
    BreathPattern *patterns;
    int npatterns, cap_patterns;
    GroundExercise *exercises;
    int nexercises, cap_exercises;
    DeckLevel *levels; /* sorted by number */
    int nlevels, cap_levels;
    Resources res;      /* notice, safety note, crisis and abuse lines: shipped only */
    LearnScreen *learn; /* learning screens, in file order */
    int nlearn, cap_learn;
    SkillSet skills;    /* the words of the level skills (skills.file NULL: none loaded) */
    /* Set before loading: files that hold only a card level are parsed but checked and loaded
     * later, by content_load_pending (a window's first screen needs no cards). */
    bool defer_levels;
    struct ContentPending *pending;
    int npending, cap_pending;
} Content;

/* Loads every *.json file in dir (in name order) into c. A section that `src` may not hold
 * (resources outside the shipped folder; levels and resources in the user's folder) is an
 * error naming the file and section, and is not loaded. A missing dir is not an error for
 * CONTENT_USER. Returns the number of problems added to diag by this call. */
int content_load_dir(Content *c, const char *dir, ContentSource src, AtDiag *diag);

/* Loads one file. Returns the number of problems added. */
int content_load_file(Content *c, const char *path, ContentSource src, AtDiag *diag);

/* Checks and loads the level files that defer_levels held back, in the order they were read,
 * and loads any later file whole. Returns the number of problems added. */
int content_load_pending(Content *c, AtDiag *diag);

/* Whether the shipped folder `dir`, loaded into c (before any user content), holds what
 * Attune needs to start: breathing patterns, grounding exercises, card levels (a level file
 * held back counts), and the help
 * notice with crisis lines for everywhere else. If not, adds one message naming dir and what
 * is missing, and returns 1 (else 0). The app and `attune validate` refuse to go on then. */
int content_check_shipped(const Content *c, const char *dir, AtDiag *diag);

/* Checks references between files (exercises name breathing patterns, levels name both,
 * learning screens name levels and cards);
 * call once everything is loaded (after content_load_pending if levels were held back). Returns the number of problems added. */
int content_check_refs(const Content *c, AtDiag *diag);

const BreathPattern *content_pattern(const Content *c, const char *id);
const GroundExercise *content_exercise(const Content *c, const char *id);
const DeckLevel *content_level(const Content *c, const char *id);
const LearnScreen *content_learn(const Content *c, const char *id);
/* The learning screen to offer on the reveal of a card of a level (learn_for_card), or NULL. */
const LearnScreen *content_learn_for_card(const Content *c, const DeckLevel *level,
                                          const DeckCard *card);

void content_free(Content *c);

#endif
