/* A string arena: content strings live here and are freed together with the content. */
#ifndef ATTUNE_STRPOOL_H
#define ATTUNE_STRPOOL_H

#include <stddef.h>

typedef struct StrPool StrPool;

StrPool *strpool_new(void);
/* Returns a copy of s owned by the pool, or NULL on out-of-memory. */
char *strpool_dup(StrPool *p, const char *s);
/* Returns n zeroed bytes owned by the pool (aligned for any type), or NULL. */
void *strpool_alloc(StrPool *p, size_t n);
/* Forgets every string the pool holds and keeps one block's memory for the next ones. */
void strpool_clear(StrPool *p);
void strpool_free(StrPool *p);

#endif
