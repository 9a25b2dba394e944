#include "attune/learn.h"

#include <ctype.h>
#include <string.h>

/* Every key a screen may hold; any other is an error (keys starting with '_' are comments). */
static const char *const SCREEN_KEYS[] = {"id", "title", "body", "read_more", "levels", "themes",
                                          "cards"};
#define NKEYS(a) (int)(sizeof a / sizeof *a)

int learn_word_count(const char *s)
{
    int n = 0;
    bool in_word = false;
    for (; s && *s; s++) {
        bool space = isspace((unsigned char)*s);
        if (!space && !in_word) n++;
        in_word = !space;
    }
    return n;
}

/* An optional list of 1..max distinct ids at obj.key. */
static bool id_list(JsonV *v, const cJSON *obj, const char *path, const char *key, int max,
                    const char **out, int *n)
{
    if (!cJSON_GetObjectItemCaseSensitive(obj, key)) return true;
    return jv_str_list(v, obj, path, key, 1, max, JV_ID_MAX, true, out, n);
}

/* An optional list of 1..DECK_THEME_COUNT distinct card themes. */
static bool theme_list(JsonV *v, const cJSON *obj, const char *path, uint32_t *out)
{
    if (!cJSON_GetObjectItemCaseSensitive(obj, "themes")) return true;
    const cJSON *arr = jv_array(v, obj, path, "themes", 1, DECK_THEME_COUNT, false);
    if (!arr) return false;
    char kp[JV_PATH_MAX], ip[JV_PATH_MAX];
    jv_key_path(kp, path, "themes");
    bool ok = true;
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        jv_index_path(ip, kp, i++);
        int t = -1;
        for (int k = 0; cJSON_IsString(it) && k < DECK_THEME_COUNT && t < 0; k++)
            if (strcmp(it->valuestring, deck_theme_name((DeckTheme)k)) == 0) t = k;
        if (t < 0) {
            jv_error(v, ip, "expected a card theme (see levels/README.md)");
            ok = false;
        } else if (*out & (1u << t)) {
            jv_error(v, ip, "\"%s\" appears twice", deck_theme_name((DeckTheme)t));
            ok = false;
        } else {
            *out |= 1u << t;
        }
    }
    return ok;
}

bool learn_screen_from_json(JsonV *v, const cJSON *obj, const char *path, LearnScreen *out)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(obj)) {
        jv_error(v, path, "expected an object");
        return false;
    }
    int errors = v->errors;
    jv_check_keys(v, obj, path, SCREEN_KEYS, NKEYS(SCREEN_KEYS));
    LearnScreen s = {0};
    s.file = v->file;
    s.id = jv_id(v, obj, path, "id", true);
    s.title = jv_str(v, obj, path, "title", LEARN_TITLE_MAX, true);
    s.body = jv_str(v, obj, path, "body", LEARN_BODY_MAX, true);
    if (s.body) {
        int words = learn_word_count(s.body);
        if (words > LEARN_BODY_WORDS) {
            char kp[JV_PATH_MAX];
            jv_error(v, jv_key_path(kp, path, "body"), "%d words, at most %d", words,
                     LEARN_BODY_WORDS);
        }
    }
    s.read_more = jv_str(v, obj, path, "read_more", LEARN_READ_MORE_MAX, true);
    id_list(v, obj, path, "levels", DECK_LEVEL_MAX, s.levels, &s.nlevels);
    theme_list(v, obj, path, &s.themes);
    id_list(v, obj, path, "cards", LEARN_MAX_CARDS, s.cards, &s.ncards);
    if (v->errors != errors || !s.id || !s.title || !s.body || !s.read_more) return false;
    *out = s;
    return true;
}

int learn_match(const LearnScreen *s, const DeckLevel *level, const DeckCard *card)
{
    int score = 0;
    for (int i = 0; card && i < s->ncards; i++)
        if (strcmp(s->cards[i], card->id) == 0) score += 8;
    if (card && (s->themes & card->themes)) score += 2;
    for (int i = 0; level && i < s->nlevels; i++)
        if (strcmp(s->levels[i], level->id) == 0) score += 1;
    return score;
}

/* FNV-1a: a small, stable hash of a card id. */
static uint32_t hash_id(const char *s)
{
    uint32_t h = 2166136261u;
    for (; s && *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

const LearnScreen *learn_for_card(const LearnScreen *screens, int n, const DeckLevel *level,
                                  const DeckCard *card)
{
    int best = 0, ties = 0;
    for (int i = 0; i < n; i++) {
        int m = learn_match(&screens[i], level, card);
        if (m > best) best = m, ties = 1;
        else if (m == best && m > 0) ties++;
    }
    if (best == 0) return NULL;
    int pick = (int)(hash_id(card ? card->id : "") % (uint32_t)ties);
    for (int i = 0; i < n; i++)
        if (learn_match(&screens[i], level, card) == best && pick-- == 0) return &screens[i];
    return NULL;
}
