/* Card levels: one level object, as under "level". What is accepted must deal and play a solo
 * round and a couple round to the end, every response keeping its style and why. */
#include "attune/couple.h"
#include "attune/deck.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = fz_text(data, size);
    int line, col;
    cJSON *root = jv_parse_content(buf, size, &line, &col);
    if (root) {
        StrPool *pool = strpool_new();
        AtDiag d = {0};
        JsonV v = {.file = "fuzz.json", .diag = &d, .pool = pool};
        DeckLevel lv;
        bool ok = deck_level_from_json(&v, root, "level", &lv);
        fz_check_messages(&d, 0, "fuzz.json: level");
        if (ok) {
            FZ_ASSERT(lv.ncards >= 1 && lv.ncards <= DECK_MAX_CARDS);
            for (int i = 0; i < lv.ncards; i++) {
                int seen = 0;
                for (int k = 0; k < DECK_RESPONSES; k++) seen |= 1 << lv.cards[i].responses[k].style;
                FZ_ASSERT(seen == (1 << DECK_STYLE_COUNT) - 1);
                for (int j = 0; j < i; j++) FZ_ASSERT(strcmp(lv.cards[i].id, lv.cards[j].id) != 0);
            }
            uint64_t seed = size * 2654435761u;
            const char *seen_ids[1] = {lv.cards[0].id};
            DeckRound r;
            int n = deck_round_start(&r, &lv, DECK_ROUND_MAX, seed, seen_ids, 1);
            FZ_ASSERT(n >= 1 && n <= DECK_ROUND_MAX && n <= lv.ncards);
            for (int i = 0; !deck_round_finished(&r) && i < 2 * DECK_ROUND_MAX; i++) {
                FZ_ASSERT(deck_round_card(&r) != NULL);
                FZ_ASSERT(deck_round_choose(&r, (int)((seed >> i) & 3)));
                FZ_ASSERT(deck_round_next(&r));
            }
            FZ_ASSERT(deck_round_finished(&r) && deck_round_answered(&r) == n);
            char summary[300];
            deck_round_summary(&r, summary, sizeof summary);

            CoupleRound *c = couple_new(&lv, 3, seed, NULL, 0, "Ana", "Ben");
            for (int i = 0; c && couple_state(c) != COUPLE_END && i < 100; i++) {
                if (!couple_choose(c, i & 3) && !couple_handed_over(c) && !couple_next(c))
                    couple_end(c);
            }
            couple_free(c);
        }
        diag_free(&d);
        strpool_free(pool);
        cJSON_Delete(root);
    }
    free(buf);
    return 0;
}
