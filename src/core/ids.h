/* Private to the core: a hash set of record ids (practice records, journal entries), for
 * telling a repeated id from a new one while reading or writing a log. */
#ifndef ATTUNE_IDS_H
#define ATTUNE_IDS_H

#include <stdbool.h>
#include <stddef.h>

#define IDS_ID_MAX 32 /* bytes of an id: PRACTICE_ID_LEN, JOURNAL_ID_LEN */

/* Zero it ({0}) to start, free with ids_free. */
typedef struct IdSet {
    char (*slot)[IDS_ID_MAX + 1]; /* "" = empty */
    size_t n, cap;                /* cap: a power of two, or 0 */
} IdSet;

bool ids_has(const IdSet *s, const char *id);
/* 1: added, 0: already there, -1: out of memory (the set is as it was). */
int ids_put(IdSet *s, const char *id);
void ids_free(IdSet *s);

#endif
