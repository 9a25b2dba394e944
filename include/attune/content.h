/* All content Attune knows: shipped files under levels/ and the user's own files, loaded
 * side by side. A bad entry is reported (file + JSON path) and skipped; the rest loads. */
#ifndef ATTUNE_CONTENT_H
#define ATTUNE_CONTENT_H

#include <stdbool.h>

#include "attune/breath.h"
#include "attune/deck.h"
#include "attune/diag.h"
#include "attune/ground.h"
#include "attune/strpool.h"

typedef struct CrisisLine {
    const char *region;  /* "Canada" */
    const char *name;    /* "9-8-8 Suicide Crisis Helpline" */
    const char *contact; /* "Call or text 9-8-8" */
} CrisisLine;

#define CONTENT_MAX_FILES 256

typedef struct Content {
    StrPool *pool;
    BreathPattern *patterns;
    int npatterns, cap_patterns;
    GroundExercise *exercises;
    int nexercises, cap_exercises;
    DeckLevel *levels; /* sorted by number */
    int nlevels, cap_levels;
    CrisisLine *crisis;
    int ncrisis, cap_crisis;
    const char *notice; /* "Attune is practice, not therapy" text */
} Content;

/* Loads every *.json file in dir (in name order) into c. `user` marks what comes from the
 * user's data folder. A missing dir is not an error when `user` is set. Returns the number of
 * problems added to diag by this call. */
int content_load_dir(Content *c, const char *dir, bool user, AtDiag *diag);

/* Loads one file. Returns the number of problems added. */
int content_load_file(Content *c, const char *path, bool user, AtDiag *diag);

/* Checks references between files (exercises name breathing patterns, levels name both);
 * call once everything is loaded. Returns the number of problems added. */
int content_check_refs(const Content *c, AtDiag *diag);

const BreathPattern *content_pattern(const Content *c, const char *id);
const GroundExercise *content_exercise(const Content *c, const char *id);
const DeckLevel *content_level(const Content *c, const char *id);

void content_free(Content *c);

#endif
