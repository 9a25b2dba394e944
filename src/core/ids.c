/* The set of record ids (ids.h): open addressing, kept under three quarters full. */
#include "ids.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t id_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (size_t)(h ^ (h >> 29));
}

static size_t ids_find(const IdSet *s, const char *id)
{
    size_t i = id_hash(id) & (s->cap - 1);
    while (s->slot[i][0] && strcmp(s->slot[i], id) != 0) i = (i + 1) & (s->cap - 1);
    return i;
}

bool ids_has(const IdSet *s, const char *id)
{
    return s->cap && s->slot[ids_find(s, id)][0];
}

int ids_put(IdSet *s, const char *id)
{
    if ((s->n + 1) * 4 > s->cap * 3) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        IdSet bigger = {calloc(cap, sizeof *s->slot), 0, cap};
        if (!bigger.slot) return -1;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i][0]) {
                memcpy(bigger.slot[ids_find(&bigger, s->slot[i])], s->slot[i], sizeof *s->slot);
                bigger.n++;
            }
        free(s->slot);
        *s = bigger;
    }
    size_t i = ids_find(s, id);
    if (s->slot[i][0]) return 0;
    snprintf(s->slot[i], sizeof s->slot[i], "%s", id);
    s->n++;
    return 1;
}

void ids_free(IdSet *s)
{
    free(s->slot);
    memset(s, 0, sizeof *s);
}
