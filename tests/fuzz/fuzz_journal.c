/* The journal: any bytes as notes.jsonl through journal_load, then a search with part of the
 * input as the query. Loading never fails on content,
 * keeps ids unique and entries newest first, and every entry it shows writes back as itself. */
#include "attune/journal.h"
#include "fuzz.h"

static void same_entry(const JournalEntry *a, const JournalEntry *b)
{
    FZ_ASSERT(!strcmp(a->id, b->id) && a->kind == b->kind && !strcmp(a->date, b->date));
    FZ_ASSERT(!strcmp(a->time, b->time) && !strcmp(a->source, b->source) && a->step == b->step);
    FZ_ASSERT(!strcmp(a->card, b->card) && !strcmp(a->feeling, b->feeling) && a->strength == b->strength);
    FZ_ASSERT(!strcmp(a->question, b->question) && !strcmp(a->text, b->text));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_clean();
    fz_write(JOURNAL_FILE, data, size);
    Journal j;
    AtDiag d = {0};
    FZ_ASSERT(journal_load(fz_dir(), &j, &d));
    fz_check_messages(&d, 0, fz_dir());
    FZ_ASSERT(d.count <= JOURNAL_MAX_MESSAGES);
    diag_free(&d);
    for (int i = 0; i < j.count; i++) {
        const JournalEntry *e = &j.entry[i];
        FZ_ASSERT(e->id[0] && strlen(e->id) <= JOURNAL_ID_LEN);
        FZ_ASSERT(e->kind >= 0 && e->kind < JOURNAL_KIND_COUNT);
        FZ_ASSERT(strlen(e->date) == 10 && (e->time[0] == 0 || strlen(e->time) == 8));
        FZ_ASSERT(e->strength >= 0 && e->strength <= JOURNAL_STRENGTH_MAX);
        FZ_ASSERT(utf8_valid(e->text, strlen(e->text), NULL) && utf8_valid(e->question, strlen(e->question), NULL));
        for (int k = 0; k < i; k++) FZ_ASSERT(strcmp(j.entry[k].id, e->id) != 0);
        if (i > 0) {
            int c = strcmp(j.entry[i - 1].date, e->date);
            FZ_ASSERT(c > 0 || (c == 0 && strcmp(j.entry[i - 1].time, e->time) >= 0));
        }
    }
    /* Any words find a subset, in order; none finds everything. */
    int *idx = malloc(((size_t)j.count + 1) * sizeof *idx);
    FZ_ASSERT(idx);
    char *q = fz_text(data, size < 40 ? size : 40);
    int n = journal_search(&j, q, idx);
    FZ_ASSERT(n >= 0 && n <= j.count);
    for (int i = 1; i < n; i++) FZ_ASSERT(idx[i] > idx[i - 1]);
    FZ_ASSERT(journal_search(&j, "", idx) == j.count);
    free(q);
    free(idx);
    /* Written again into a fresh journal, each shown entry reads back as itself. */
    if (j.count > 0) {
        char err[600];
        fz_clean();
        FZ_ASSERT(journal_append(fz_dir(), j.entry, j.count, err, sizeof err));
        Journal back;
        FZ_ASSERT(journal_load(fz_dir(), &back, NULL));
        FZ_ASSERT(back.count == j.count);
        for (int i = 0; i < j.count; i++) same_entry(&j.entry[i], &back.entry[journal_find(&back, j.entry[i].id)]);
        journal_free(&back);
    }
    journal_free(&j);
    return 0;
}
