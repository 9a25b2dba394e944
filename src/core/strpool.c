#include "attune/strpool.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK 16384

typedef struct Block {
    struct Block *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
} Block;

struct StrPool {
    Block *head;
};

StrPool *strpool_new(void) { return calloc(1, sizeof(StrPool)); }

void *strpool_alloc(StrPool *p, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    Block *b = p->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > CHUNK ? n : CHUNK;
        b = malloc(sizeof *b + cap);
        if (!b) return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = p->head;
        p->head = b;
    }
    void *r = b->data + b->used;
    b->used += n;
    memset(r, 0, n);
    return r;
}

char *strpool_dup(StrPool *p, const char *s)
{
    size_t n = strlen(s) + 1;
    char *r = strpool_alloc(p, n);
    if (r) memcpy(r, s, n);
    return r;
}

static void free_blocks(Block *b)
{
    for (Block *n; b; b = n) {
        n = b->next;
        free(b);
    }
}

void strpool_clear(StrPool *p)
{
    if (!p || !p->head) return;
    free_blocks(p->head->next);
    p->head->next = NULL;
    p->head->used = 0;
}

void strpool_free(StrPool *p)
{
    if (!p) return;
    free_blocks(p->head);
    free(p);
}
