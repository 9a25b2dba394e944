#include "attune/skill.h"

#include <stdio.h>
#include <string.h>

/* ---- Loading ----------------------------------------------------------------------------- */

bool skill_set_from_json(JsonV *v, const cJSON *obj, const char *path, SkillSet *out)
{
    static const char *const KEYS[] = {"feelings", "needs", "requests", "sort"};
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(obj)) {
        jv_error(v, path, "expected an object");
        return false;
    }
    int errors = v->errors;
    jv_check_keys(v, obj, path, KEYS, 4);
    SkillSet s = {0};
    s.file = v->file;
    jv_str_list(v, obj, path, "feelings", SKILL_LIST_MIN, SKILL_LIST_MAX, SKILL_WORD_MAX, false,
                s.feelings, &s.nfeelings);
    jv_str_list(v, obj, path, "needs", SKILL_LIST_MIN, SKILL_LIST_MAX, SKILL_WORD_MAX, false,
                s.needs, &s.nneeds);
    jv_str_list(v, obj, path, "requests", SKILL_LIST_MIN, SKILL_LIST_MAX, SKILL_REQUEST_MAX, false,
                s.requests, &s.nrequests);
    jv_str_list(v, obj, path, "sort", SKILL_LIST_MIN, SKILL_LIST_MAX, SKILL_SORT_TEXT_MAX, false,
                s.sort, &s.nsort);
    if (v->errors != errors) return false;
    *out = s;
    return true;
}

/* ---- Which cards ------------------------------------------------------------------------- */

Skill skill_of_level(const DeckLevel *level)
{
    if (!level) return SKILL_NONE;
    switch (level->number) {
    case 1: return SKILL_FEEL_FIRST;
    case 2: return SKILL_BREATHE;
    case 3: return SKILL_MESSAGE;
    case 4: return SKILL_SUMMARY;
    case 5: return SKILL_SORT;
    default: return SKILL_NONE;
    }
}

Skill skill_for_card(const SkillSet *set, const DeckLevel *level, int card_index, int position)
{
    if (!level || card_index < 0 || card_index >= level->ncards || position < 0) return SKILL_NONE;
    Skill s = skill_of_level(level);
    bool words = set && set->file;
    bool every = position % SKILL_EVERY == 0;
    switch (s) {
    case SKILL_FEEL_FIRST: return words && every ? s : SKILL_NONE;
    case SKILL_BREATHE: return level->nbreathing > 0 && every ? s : SKILL_NONE;
    case SKILL_MESSAGE: return words && every ? s : SKILL_NONE;
    case SKILL_SUMMARY: return level->cards[card_index].summary.best ? s : SKILL_NONE;
    case SKILL_SORT: return words && every ? s : SKILL_NONE;
    default: return SKILL_NONE;
    }
}

bool skill_before_choice(Skill s)
{
    return s == SKILL_FEEL_FIRST || s == SKILL_BREATHE || s == SKILL_SUMMARY;
}

const char *skill_title(Skill s)
{
    switch (s) {
    case SKILL_FEEL_FIRST: return "Name the feeling";
    case SKILL_BREATHE: return "Three slow breaths";
    case SKILL_MESSAGE: return "Build the message";
    case SKILL_SUMMARY: return "Sum it up";
    case SKILL_SORT: return "Accept or ask";
    default: return "";
    }
}

int skill_pick(int total, int k, unsigned key, int *out)
{
    if (total <= 0 || k <= 0) return 0;
    if (k > total) k = total;
    /* Consecutive windows of k, wrapping: key 0 starts at 0, key 1 at k, ... */
    unsigned start = (unsigned)(((unsigned long long)key * (unsigned)k) % (unsigned)total);
    for (int i = 0; i < k; i++) out[i] = (int)((start + (unsigned)i) % (unsigned)total);
    return k;
}

/* ---- Communicate ------------------------------------------------------------------------- */

static void list_of(const SkillSet *set, int part, const char *const **list, int *n)
{
    *list = NULL;
    *n = 0;
    if (!set) return;
    if (part == SKILL_PART_FEELING) *list = set->feelings, *n = set->nfeelings;
    else if (part == SKILL_PART_NEED) *list = set->needs, *n = set->nneeds;
    else if (part == SKILL_PART_REQUEST) *list = set->requests, *n = set->nrequests;
}

void skill_message_start(SkillMessage *m, const SkillSet *set, unsigned key)
{
    memset(m, 0, sizeof *m);
    for (int p = 0; p < SKILL_PARTS; p++) {
        const char *const *list;
        int n;
        list_of(set, p, &list, &n);
        /* Each part moves on at its own pace, so the same words don't always come together. */
        m->noption[p] = skill_pick(n, SKILL_MESSAGE_SHOWN, key + (unsigned)p, m->option[p]);
        m->chosen[p] = -1;
    }
}

bool skill_message_choose(SkillMessage *m, int part, int i)
{
    if (part < 0 || part >= SKILL_PARTS || i < 0 || i >= m->noption[part]) return false;
    m->chosen[part] = i;
    return true;
}

const char *skill_message_option(const SkillMessage *m, const SkillSet *set, int part, int i)
{
    if (part < 0 || part >= SKILL_PARTS || i < 0 || i >= m->noption[part]) return NULL;
    const char *const *list;
    int n;
    list_of(set, part, &list, &n);
    int k = m->option[part][i];
    return list && k < n ? list[k] : NULL;
}

bool skill_message_complete(const SkillMessage *m)
{
    for (int p = 0; p < SKILL_PARTS; p++)
        if (m->chosen[p] < 0) return false;
    return true;
}

size_t skill_message_text(const SkillMessage *m, const SkillSet *set, char *buf, size_t n)
{
    const char *part[SKILL_PARTS];
    for (int p = 0; p < SKILL_PARTS; p++) {
        part[p] = m->chosen[p] >= 0 ? skill_message_option(m, set, p, m->chosen[p]) : NULL;
        if (!part[p]) part[p] = "\u2026";
    }
    int len = snprintf(buf, n, "I feel %s, and I need %s. %s", part[SKILL_PART_FEELING],
                       part[SKILL_PART_NEED], part[SKILL_PART_REQUEST]);
    return len < 0 ? 0 : (size_t)len;
}

/* ---- Understand -------------------------------------------------------------------------- */

int skill_summary_options(const DeckCard *card, uint64_t seed, const char **out, int *best)
{
    *best = -1;
    if (!card || !card->summary.best) return 0;
    int n = 1 + card->summary.nothers;
    int idx[SKILL_SUMMARY_OPTIONS];
    for (int i = 0; i < n; i++) idx[i] = i;
    DeckRng rng;
    deck_rng_seed(&rng, seed);
    for (int i = n - 1; i > 0; i--) {
        int j = (int)deck_rng_below(&rng, (uint32_t)i + 1);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
    }
    for (int i = 0; i < n; i++) {
        out[i] = idx[i] == 0 ? card->summary.best : card->summary.others[idx[i] - 1];
        if (idx[i] == 0) *best = i;
    }
    return n;
}

/* ---- Accept ------------------------------------------------------------------------------ */

void skill_sort_start(SkillSort *s, const SkillSet *set, unsigned key)
{
    memset(s, 0, sizeof *s);
    s->n = skill_pick(set ? set->nsort : 0, SKILL_SORT_SHOWN, key, s->item);
    for (int i = 0; i < SKILL_SORT_SHOWN; i++) s->side[i] = SKILL_UNSORTED;
}

bool skill_sort_put(SkillSort *s, int i, int side)
{
    if (i < 0 || i >= s->n || side < SKILL_UNSORTED || side > SKILL_ASK) return false;
    s->side[i] = side;
    return true;
}

int skill_sort_count(const SkillSort *s, int side)
{
    int n = 0;
    for (int i = 0; i < s->n; i++) n += s->side[i] == side;
    return n;
}

bool skill_sort_complete(const SkillSort *s)
{
    return s->n > 0 && skill_sort_count(s, SKILL_UNSORTED) == 0;
}

const char *skill_sort_text(const SkillSort *s, const SkillSet *set, int i)
{
    if (!set || i < 0 || i >= s->n || s->item[i] >= set->nsort) return NULL;
    return set->sort[s->item[i]];
}
