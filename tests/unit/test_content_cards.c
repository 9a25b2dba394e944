/* The shipped scenario cards: every level file loads cleanly, the five levels are complete,
 * and every practice a level suggests exists. */
#include "attune/content.h"
#include "attune/deck.h"
#include "check.h"

#include <dirent.h>
#include <stdlib.h>

#define LEVELS_DIR ATTUNE_SOURCE_DIR "/levels"
#define MAX_LEVEL_FILES 16

typedef struct Shipped {
    StrPool *pool;
    AtDiag diag;
    DeckLevel levels[MAX_LEVEL_FILES];
    int nlevels;
    int nfiles; /* files with a "level" key */
} Shipped;

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Loads every levels/0*.json that has a "level" key, in name order. */
static void load_shipped(Shipped *s)
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
    qsort(names, (size_t)n, sizeof *names, by_name);
    for (int i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", LEVELS_DIR, names[i]);
        free(names[i]);
        cJSON *root = jv_parse_file(path, &s->diag);
        const cJSON *lv = cJSON_GetObjectItemCaseSensitive(root, "level");
        if (lv && s->nfiles < MAX_LEVEL_FILES) {
            s->nfiles++;
            JsonV v = {.file = strpool_dup(s->pool, path), .diag = &s->diag, .pool = s->pool};
            if (deck_level_from_json(&v, lv, "level", &s->levels[s->nlevels])) s->nlevels++;
        }
        cJSON_Delete(root);
    }
}

static void free_shipped(Shipped *s)
{
    diag_free(&s->diag);
    strpool_free(s->pool);
}

static void print_messages(const AtDiag *d)
{
    for (int i = 0; i < d->count; i++) fprintf(stderr, "  %s\n", d->msg[i]);
}

static void every_level_file_loads_without_a_message(void)
{
    Shipped s;
    load_shipped(&s);
    CHECK_INT(s.diag.count, 0);
    print_messages(&s.diag);
    CHECK_INT(s.nlevels, s.nfiles);
    free_shipped(&s);
}

static void there_are_five_levels_numbered_one_to_five(void)
{
    Shipped s;
    load_shipped(&s);
    CHECK_INT(s.nlevels, 5);
    bool have[DECK_LEVEL_MAX + 1] = {false};
    for (int i = 0; i < s.nlevels; i++) {
        int n = s.levels[i].number;
        if (n >= DECK_LEVEL_MIN && n <= DECK_LEVEL_MAX) {
            if (have[n]) fprintf(stderr, "  level number %d is used twice\n", n);
            CHECK(!have[n]);
            have[n] = true;
        }
    }
    for (int n = DECK_LEVEL_MIN; n <= DECK_LEVEL_MAX; n++) {
        if (!have[n]) fprintf(stderr, "  no level numbered %d\n", n);
        CHECK(have[n]);
    }
    free_shipped(&s);
}

static void each_level_has_enough_complete_cards(void)
{
    Shipped s;
    load_shipped(&s);
    int total = 0;
    for (int i = 0; i < s.nlevels; i++) {
        const DeckLevel *l = &s.levels[i];
        if (l->ncards < 12) fprintf(stderr, "  %s: only %d cards\n", l->file, l->ncards);
        CHECK(l->ncards >= 12);
        total += l->ncards;
        for (int c = 0; c < l->ncards; c++) {
            const DeckCard *card = &l->cards[c];
            bool style[DECK_STYLE_COUNT] = {false};
            for (int r = 0; r < DECK_RESPONSES; r++) {
                style[card->responses[r].style] = true;
                CHECK(card->responses[r].text && card->responses[r].text[0]);
                CHECK(card->responses[r].why && card->responses[r].why[0]);
            }
            for (int st = 0; st < DECK_STYLE_COUNT; st++) CHECK(style[st]);
            CHECK(card->situation && card->situation[0]);
            CHECK(card->try_saying && card->try_saying[0]);
            CHECK(card->reflect && card->reflect[0]);
        }
    }
    CHECK(total >= 60);
    if (total < 60) fprintf(stderr, "  %d cards in all, expected at least 60\n", total);
    free_shipped(&s);
}

static void card_ids_are_unique_across_levels(void)
{
    Shipped s;
    load_shipped(&s);
    int dups = 0;
    for (int i = 0; i < s.nlevels; i++)
        for (int c = 0; c < s.levels[i].ncards; c++)
            for (int j = 0; j <= i; j++)
                for (int d = 0; d < (j == i ? c : s.levels[j].ncards); d++)
                    if (strcmp(s.levels[i].cards[c].id, s.levels[j].cards[d].id) == 0) {
                        fprintf(stderr, "  card id \"%s\" is in %s and %s\n",
                                s.levels[i].cards[c].id, s.levels[j].file, s.levels[i].file);
                        dups++;
                    }
    CHECK_INT(dups, 0);
    free_shipped(&s);
}

static void cards_cover_every_relationship_and_area(void)
{
    Shipped s;
    load_shipped(&s);
    int rel[DECK_REL_COUNT] = {0}, area[DECK_AREA_COUNT] = {0};
    for (int i = 0; i < s.nlevels; i++)
        for (int c = 0; c < s.levels[i].ncards; c++) {
            rel[s.levels[i].cards[c].relationship]++;
            area[s.levels[i].cards[c].area]++;
        }
    for (int r = 0; r < DECK_REL_COUNT; r++) {
        if (!rel[r]) fprintf(stderr, "  no card about %s\n", deck_relationship_name((DeckRelationship)r));
        CHECK(rel[r] > 0);
    }
    for (int a = 0; a < DECK_AREA_COUNT; a++) {
        if (!area[a]) fprintf(stderr, "  no card in the %s area\n", deck_area_name((DeckArea)a));
        CHECK(area[a] > 0);
    }
    free_shipped(&s);
}

static void every_breathing_practice_a_level_names_exists(void)
{
    Shipped s;
    load_shipped(&s);
    Content c = {0};
    AtDiag diag = {0};
    CHECK_INT(content_load_file(&c, LEVELS_DIR "/patterns.json", false, &diag), 0);
    print_messages(&diag);
    for (int i = 0; i < s.nlevels; i++)
        for (int p = 0; p < s.levels[i].nbreathing; p++) {
            const char *id = s.levels[i].breathing[p];
            if (!content_pattern(&c, id))
                fprintf(stderr, "  %s: breathing pattern \"%s\" is not in levels/patterns.json\n",
                        s.levels[i].file, id);
            CHECK(content_pattern(&c, id) != NULL);
        }
    content_free(&c);
    diag_free(&diag);
    free_shipped(&s);
}

static void every_grounding_practice_a_level_names_exists(void)
{
    Shipped s;
    load_shipped(&s);
    AtDiag diag = {0};
    cJSON *root = jv_parse_file(LEVELS_DIR "/grounding.json", &diag);
    if (!root) {
        fprintf(stderr, "  levels/grounding.json could not be read, so the grounding ids the "
                        "levels name cannot be checked:\n");
        print_messages(&diag);
    }
    CHECK(root != NULL);
    const cJSON *ex = cJSON_GetObjectItemCaseSensitive(root, "exercises");
    if (root && !cJSON_IsArray(ex))
        fprintf(stderr, "  levels/grounding.json has no \"exercises\" array\n");
    CHECK(!root || cJSON_IsArray(ex));
    for (int i = 0; root && i < s.nlevels; i++)
        for (int p = 0; p < s.levels[i].ngrounding; p++) {
            const char *id = s.levels[i].grounding[p];
            bool found = false;
            const cJSON *it;
            cJSON_ArrayForEach(it, ex) {
                const cJSON *eid = cJSON_GetObjectItemCaseSensitive(it, "id");
                found |= cJSON_IsString(eid) && strcmp(eid->valuestring, id) == 0;
            }
            if (!found)
                fprintf(stderr, "  %s: grounding exercise \"%s\" is not in levels/grounding.json\n",
                        s.levels[i].file, id);
            CHECK(found);
        }
    cJSON_Delete(root);
    diag_free(&diag);
    free_shipped(&s);
}

int main(void)
{
    RUN(every_level_file_loads_without_a_message);
    RUN(there_are_five_levels_numbered_one_to_five);
    RUN(each_level_has_enough_complete_cards);
    RUN(card_ids_are_unique_across_levels);
    RUN(cards_cover_every_relationship_and_area);
    RUN(every_breathing_practice_a_level_names_exists);
    RUN(every_grounding_practice_a_level_names_exists);
    return check_report();
}
