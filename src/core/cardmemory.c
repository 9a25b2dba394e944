#include "attune/cardmemory.h"

#include <stdlib.h>
#include <string.h>

#include "attune/day.h"
#include "attune/strbuf.h"
#include "store_log.h"

/* ---- the records ---- */

static void card_record(PracticeRecord *out, RecordType type, const char *level,
                        const char *card, time_t t)
{
    practice_init(out, PRACTICE_CARDS, level, t);
    out->type = type;
    str_copy(out->card, sizeof out->card, card);
}

void cardmemory_choice_record(PracticeRecord *out, const char *level, const char *card,
                              DeckStyle style, time_t t)
{
    card_record(out, RECORD_CHOICE, level, card, t);
    out->choice = (int)style;
}

void cardmemory_favourite_record(PracticeRecord *out, const char *level, const char *card,
                                 bool on, time_t t)
{
    card_record(out, RECORD_FAVOURITE, level, card, t);
    out->on = on;
}

/* ---- what is remembered ---- */

static CardMark *find_mark(const CardMemory *m, const char *level, const char *card)
{
    for (int i = 0; i < m->count; i++)
        if (strcmp(m->mark[i].card, card) == 0 && strcmp(m->mark[i].level, level) == 0)
            return &m->mark[i];
    return NULL;
}

bool cardmemory_apply(CardMemory *m, const PracticeRecord *r)
{
    if (r->type != RECORD_CHOICE && r->type != RECORD_FAVOURITE) return true;
    DayMoment at;
    if (!day_moment_of(r->date, r->time, r->utc_offset_min, &at)) return true;
    CardMark *k = find_mark(m, r->content, r->card);
    if (!k) {
        if (m->count == m->cap) {
            int cap = m->cap ? m->cap * 2 : 32;
            CardMark *n = realloc(m->mark, (size_t)cap * sizeof *n);
            if (!n) return false;
            m->mark = n;
            m->cap = cap;
        }
        k = &m->mark[m->count++];
        memset(k, 0, sizeof *k);
        str_copy(k->level, sizeof k->level, r->content);
        str_copy(k->card, sizeof k->card, r->card);
        k->choice = -1;
        k->choice_seq = k->favourite_seq = -1;
    }
    long seq = m->seq++;
    if (r->type == RECORD_CHOICE) {
        /* Not older than the one there: the same moment goes to the later line. */
        if (k->choice_seq < 0 || at.utc_s >= k->choice_at) {
            k->choice = r->choice;
            k->choice_at = at.utc_s;
            k->choice_seq = seq;
        }
    } else if (!k->has_favourite || at.utc_s >= k->favourite_at) {
        k->favourite = r->on;
        k->favourite_at = at.utc_s;
        k->favourite_seq = seq;
        k->has_favourite = true;
    }
    return true;
}

static bool apply_line(void *ctx, LogLine kind, const char *text, size_t len,
                       const PracticeRecord *r)
{
    (void)text;
    (void)len;
    return kind != LOGLINE_RECORD || cardmemory_apply(ctx, r);
}

bool cardmemory_load(const char *dir, CardMemory *out, AtDiag *diag)
{
    memset(out, 0, sizeof *out);
    LogReport rep = {0};
    /* The log's own load describes unreadable lines; here they are only skipped. */
    AtDiag quiet = {0};
    bool ok = log_scan(dir, apply_line, out, &rep, &quiet);
    if (!ok && rep.lines == 0) {
        if (diag)
            for (int i = 0; i < quiet.count; i++) diag_addf(diag, "%s", quiet.msg[i]);
        cardmemory_free(out);
    } else if (!ok) {
        if (diag) diag_addf(diag, "%s/%s: out of memory", dir, STORE_LOG_FILE);
        ok = true;
    }
    diag_free(&quiet);
    return ok;
}

void cardmemory_free(CardMemory *m)
{
    free(m->mark);
    memset(m, 0, sizeof *m);
}

int cardmemory_last_choice(const CardMemory *m, const char *level, const char *card)
{
    const CardMark *k = level && card ? find_mark(m, level, card) : NULL;
    return k ? k->choice : -1;
}

bool cardmemory_is_favourite(const CardMemory *m, const char *level, const char *card)
{
    const CardMark *k = level && card ? find_mark(m, level, card) : NULL;
    return k && k->favourite;
}

static int cmp_marked(const void *a, const void *b)
{
    const CardMark *x = *(const CardMark *const *)a, *y = *(const CardMark *const *)b;
    if (x->favourite_at != y->favourite_at) return x->favourite_at < y->favourite_at ? -1 : 1;
    return (x->favourite_seq > y->favourite_seq) - (x->favourite_seq < y->favourite_seq);
}

int cardmemory_favourites(const CardMemory *m, const CardMark **out, int max)
{
    int n = 0;
    for (int i = 0; i < m->count; i++) n += m->mark[i].favourite;
    if (!out || max <= 0 || n == 0) return n;
    const CardMark **all = malloc((size_t)n * sizeof *all);
    if (!all) return 0;
    int k = 0;
    for (int i = 0; i < m->count; i++)
        if (m->mark[i].favourite) all[k++] = &m->mark[i];
    qsort(all, (size_t)n, sizeof *all, cmp_marked);
    for (int i = 0; i < n && i < max; i++) out[i] = all[i];
    free(all);
    return n;
}

/* ---- decks across levels ---- */

static bool mix_alloc(CardMix *out, const char *id, const char *title, int n)
{
    memset(out, 0, sizeof *out);
    out->level.id = id;
    out->level.title = title;
    out->level.intro = "";
    out->level.file = "";
    if (n == 0) return true;
    out->level.cards = calloc((size_t)n, sizeof *out->level.cards);
    out->from = calloc((size_t)n, sizeof *out->from);
    if (!out->level.cards || !out->from) {
        cardmix_free(out);
        return false;
    }
    return true;
}

static void mix_add(CardMix *out, const DeckLevel *level, const DeckCard *card)
{
    out->level.cards[out->level.ncards] = *card;
    out->from[out->level.ncards++] = level;
}

bool cardmix_favourites(CardMix *out, const CardMemory *m, const DeckLevel *levels, int nlevels)
{
    int n = cardmemory_favourites(m, NULL, 0);
    const CardMark **fav = n ? malloc((size_t)n * sizeof *fav) : NULL;
    if (n && !fav) {
        memset(out, 0, sizeof *out);
        return false;
    }
    cardmemory_favourites(m, fav, n);
    int want = n < DECK_MAX_CARDS ? n : DECK_MAX_CARDS;
    if (!mix_alloc(out, CARDMIX_FAVOURITES_ID, "Favourites", want)) {
        free(fav);
        return false;
    }
    /* The latest marked when there are too many; still in the order they were marked. */
    for (int i = n - want; i < n; i++) {
        for (int l = 0; l < nlevels; l++) {
            if (!levels[l].id || strcmp(levels[l].id, fav[i]->level) != 0) continue;
            const DeckCard *c = deck_level_card(&levels[l], fav[i]->card);
            if (c) mix_add(out, &levels[l], c);
            break;
        }
    }
    free(fav);
    return true;
}

bool cardmix_random(CardMix *out, const DeckLevel *levels, int nlevels, uint64_t seed)
{
    int total = 0;
    for (int l = 0; l < nlevels; l++) total += levels[l].ncards;
    int want = total < DECK_MAX_CARDS ? total : DECK_MAX_CARDS;
    if (!mix_alloc(out, CARDMIX_RANDOM_ID, "Random card", want)) return false;
    /* Reservoir sampling: every card has the same chance when there are too many. */
    DeckRng rng;
    deck_rng_seed(&rng, seed);
    int seen = 0;
    for (int l = 0; l < nlevels; l++) {
        for (int i = 0; i < levels[l].ncards; i++, seen++) {
            if (out->level.ncards < want) {
                mix_add(out, &levels[l], &levels[l].cards[i]);
                continue;
            }
            uint32_t j = deck_rng_below(&rng, (uint32_t)seen + 1);
            if ((int)j < want) {
                out->level.cards[j] = levels[l].cards[i];
                out->from[j] = &levels[l];
            }
        }
    }
    return true;
}

const DeckLevel *cardmix_level_of(const CardMix *m, const DeckCard *card)
{
    for (int i = 0; i < m->level.ncards; i++)
        if (&m->level.cards[i] == card) return m->from[i];
    return NULL;
}

void cardmix_free(CardMix *m)
{
    free(m->level.cards);
    free(m->from);
    memset(m, 0, sizeof *m);
}
