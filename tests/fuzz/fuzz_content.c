/* Whole content files through content_load_file, as shipped content and as the user's own,
 * then the cross-file checks. Ids stay one namespace; every message names the file. */
#include "attune/content.h"
#include "fuzz.h"

static void check_content(const Content *c)
{
    /* every id once across patterns, exercises, levels and cards */
    int n = 0;
    for (int i = 0; i < c->nlevels; i++) n += 1 + c->levels[i].ncards;
    n += c->npatterns + c->nexercises;
    const char **ids = malloc(((size_t)n + 1) * sizeof *ids);
    if (!ids) abort();
    n = 0;
    for (int i = 0; i < c->npatterns; i++) ids[n++] = c->patterns[i].id;
    for (int i = 0; i < c->nexercises; i++) ids[n++] = c->exercises[i].id;
    for (int i = 0; i < c->nlevels; i++) {
        ids[n++] = c->levels[i].id;
        for (int k = 0; k < c->levels[i].ncards; k++) ids[n++] = c->levels[i].cards[k].id;
        if (i) FZ_ASSERT(c->levels[i - 1].number < c->levels[i].number);
    }
    for (int i = 0; i < n; i++) {
        FZ_ASSERT(jv_is_id(ids[i]));
        for (int k = 0; k < i; k++) FZ_ASSERT(strcmp(ids[i], ids[k]) != 0);
    }
    free(ids);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fz_write("fuzz.json", data, size);
    char prefix[1300];
    snprintf(prefix, sizeof prefix, "%s: ", path);
    for (int src = CONTENT_SHIPPED; src <= CONTENT_AUTHOR; src++) {
        Content c = {0};
        AtDiag d = {0};
        int n = content_load_file(&c, path, (ContentSource)src, &d);
        FZ_ASSERT(n == d.count);
        fz_check_messages(&d, 0, prefix);
        if (src == CONTENT_USER) FZ_ASSERT(c.nlevels == 0 && c.res.notice == NULL);
        int before = d.count;
        content_check_refs(&c, &d);
        fz_check_messages(&d, before, prefix);
        content_check_shipped(&c, "levels", &d);
        check_content(&c);
        diag_free(&d);
        content_free(&c);
    }
    return 0;
}
