/* The shipped scenario levels for the tests that look at all of them (test_content_cards,
 * test_content_census): every levels/0*.json with a "level" key, loaded in name order. */
#ifndef ATTUNE_SHIPPED_H
#define ATTUNE_SHIPPED_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/content.h"
#include "attune/deck.h"
#include "check.h"

#define LEVELS_DIR ATTUNE_SOURCE_DIR "/levels"
#define MAX_LEVEL_FILES 16

typedef struct Shipped {
    StrPool *pool;
    AtDiag diag;
    DeckLevel levels[MAX_LEVEL_FILES];
    int nlevels;
    int nfiles; /* files with a "level" key */
} Shipped;

/* Sees a level's JSON before the loader does (file: its name in levels/). */
typedef void (*ShippedRawFn)(const char *file, const cJSON *level, void *ud);

static inline int shipped_by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Loads the levels into *s (messages in s->diag), showing each one's JSON to raw first when
 * it is not NULL. Free with free_shipped. */
static inline void load_shipped(Shipped *s, ShippedRawFn raw, void *ud)
{
    memset(s, 0, sizeof *s);
    s->pool = strpool_new();
    DIR *d = opendir(LEVELS_DIR);
    CHECK(d != NULL);
    if (!d) return;
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '0' && len > 5 && strcmp(e->d_name + len - 5, ".json") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, shipped_by_name);
    for (int i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", LEVELS_DIR, names[i]);
        cJSON *root = jv_parse_file(path, &s->diag);
        const cJSON *lv = cJSON_GetObjectItemCaseSensitive(root, "level");
        if (lv && s->nfiles < MAX_LEVEL_FILES) {
            s->nfiles++;
            if (raw) raw(names[i], lv, ud);
            JsonV v = {.file = strpool_dup(s->pool, path), .diag = &s->diag, .pool = s->pool};
            if (deck_level_from_json(&v, lv, "level", &s->levels[s->nlevels])) s->nlevels++;
        }
        cJSON_Delete(root);
        free(names[i]);
    }
}

static inline void free_shipped(Shipped *s)
{
    diag_free(&s->diag);
    strpool_free(s->pool);
}

#endif
