#include "attune/deck.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* ---- Vocabulary ------------------------------------------------------------------------ */

static const char *const STYLE_NAMES[DECK_STYLE_COUNT] = {"secure", "anxious", "avoidant",
                                                          "fearful"};
static const char *const STYLE_TITLES[DECK_STYLE_COUNT] = {"Connection-oriented", "Anxious",
                                                           "Avoidant", "Fearful-avoidant"};
static const char *const REL_NAMES[DECK_REL_COUNT] = {"partner", "family", "friend", "work",
                                                      "self"};
static const char *const REL_TITLES[DECK_REL_COUNT] = {"Partner", "Family", "Friend", "Work",
                                                       "Yourself"};
static const char *const THEME_NAMES[DECK_THEME_COUNT] = {
    "good-moment", "repair", "dating", "breakup", "parenting", "blended-family", "caregiving",
    "illness", "grief", "lgbtq", "culture", "faith", "generations", "neurodivergence",
    "disability", "digital", "long-distance", "shift-work", "money", "conflict", "boundaries",
    "home", "respect", "mistakes"};
static const char *const AREA_NAMES[DECK_AREA_COUNT] = {"emotional", "cognitive", "behavioural",
                                                        "social"};
static const char *const AREA_TITLES[DECK_AREA_COUNT] = {"Emotional", "Cognitive", "Behavioural",
                                                         "Social"};

/* Every key each object may hold; any other is an error (keys starting with '_' are comments). */
static const char *const LEVEL_KEYS[] = {"id", "number", "title", "intro", "safety_note", "practices",
                                         "cards"};
static const char *const PRACTICES_KEYS[] = {"breathing", "grounding"};
static const char *const CARD_KEYS[] = {"id", "relationship", "area", "themes", "situation",
                                        "responses", "try_saying", "reflect", "summary"};
static const char *const RESPONSE_KEYS[] = {"style", "text", "why"};
#define KEYS(a) a, (int)(sizeof a / sizeof *a)

/* Enums may be unsigned: compare as unsigned so negative values are out of range too. */
#define IN_RANGE(x, n) ((unsigned)(x) < (unsigned)(n))

const char *deck_style_name(DeckStyle s) { return IN_RANGE(s, DECK_STYLE_COUNT) ? STYLE_NAMES[s] : "?"; }
const char *deck_style_title(DeckStyle s) { return IN_RANGE(s, DECK_STYLE_COUNT) ? STYLE_TITLES[s] : ""; }
const char *deck_relationship_name(DeckRelationship r) { return IN_RANGE(r, DECK_REL_COUNT) ? REL_NAMES[r] : "?"; }
const char *deck_relationship_title(DeckRelationship r) { return IN_RANGE(r, DECK_REL_COUNT) ? REL_TITLES[r] : ""; }
const char *deck_area_name(DeckArea a) { return IN_RANGE(a, DECK_AREA_COUNT) ? AREA_NAMES[a] : "?"; }
const char *deck_area_title(DeckArea a) { return IN_RANGE(a, DECK_AREA_COUNT) ? AREA_TITLES[a] : ""; }

const char *deck_theme_name(DeckTheme t) { return IN_RANGE(t, DECK_THEME_COUNT) ? THEME_NAMES[t] : "?"; }

bool deck_relationship_for_couples(DeckRelationship r)
{
    return r == DECK_REL_PARTNER || r == DECK_REL_FAMILY || r == DECK_REL_FRIEND;
}

int deck_style_from_name(const char *name)
{
    for (int i = 0; name && i < DECK_STYLE_COUNT; i++)
        if (strcmp(name, STYLE_NAMES[i]) == 0) return i;
    return -1;
}

/* ---- Loading ----------------------------------------------------------------------------- */

/* One array element that must be an id string (same rules as jv_id). */
static const char *id_item(JsonV *v, const cJSON *it, const char *path)
{
    if (!cJSON_IsString(it) || !it->valuestring) {
        jv_error(v, path, "expected an id (a string)");
        return NULL;
    }
    const char *s = it->valuestring;
    if (!jv_text_ok(v, path, s)) return NULL;
    size_t len = strlen(s);
    if (len == 0 || len > JV_ID_MAX) {
        jv_error(v, path, "expected an id of 1 to %d characters", JV_ID_MAX);
        return NULL;
    }
    if (!jv_is_id(s)) {
        char q[JV_QUOTE_MAX];
        jv_error(v, path, "%s is not an id (use a-z, 0-9, '-' and '_')", jv_quote(q, s));
        return NULL;
    }
    return strpool_dup(v->pool, s);
}

/* practices.<key>: 1..DECK_MAX_PRACTICES distinct ids. */
static void practice_ids(JsonV *v, const cJSON *obj, const char *path, const char *key,
                         const char **ids, int *n)
{
    char kp[JV_PATH_MAX], ip[JV_PATH_MAX];
    jv_key_path(kp, path, key);
    const cJSON *arr = jv_array(v, obj, path, key, 1, DECK_MAX_PRACTICES, true);
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        jv_index_path(ip, kp, i++);
        const char *id = id_item(v, it, ip);
        if (!id) continue;
        bool dup = false;
        for (int k = 0; k < *n && !dup; k++) dup = strcmp(ids[k], id) == 0;
        if (dup) {
            jv_error(v, ip, "\"%s\" appears twice", id);
            continue;
        }
        ids[(*n)++] = id;
    }
}

/* themes: optional, 1..DECK_MAX_THEMES distinct names from THEME_NAMES. */
static bool card_themes(JsonV *v, const cJSON *obj, const char *path, uint32_t *out)
{
    char kp[JV_PATH_MAX], ip[JV_PATH_MAX];
    if (!cJSON_GetObjectItemCaseSensitive(obj, "themes")) return true;
    const cJSON *arr = jv_array(v, obj, path, "themes", 1, DECK_MAX_THEMES, false);
    if (!arr) return false;
    jv_key_path(kp, path, "themes");
    bool ok = true;
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        jv_index_path(ip, kp, i++);
        int t = -1;
        for (int k = 0; cJSON_IsString(it) && k < DECK_THEME_COUNT && t < 0; k++)
            if (strcmp(it->valuestring, THEME_NAMES[k]) == 0) t = k;
        if (t < 0) {
            jv_error(v, ip, "expected a theme (see levels/README.md)");
            ok = false;
        } else if (*out & (1u << t)) {
            jv_error(v, ip, "\"%s\" appears twice", THEME_NAMES[t]);
            ok = false;
        } else {
            *out |= 1u << t;
        }
    }
    return ok;
}

/* The card's optional "summary" ({"best": text, "others": [2-3 texts]}, each at most
 * DECK_SUMMARY_MAX characters, all different), for the Understand skill (skill.h). Missing:
 * *out stays empty and true is returned. */
static bool summary_from_json(JsonV *v, const cJSON *card, const char *path, DeckSummary *out)
{
    static const char *const KEYS[] = {"best", "others"};
    memset(out, 0, sizeof *out);
    if (!cJSON_GetObjectItemCaseSensitive(card, "summary")) return true;
    const cJSON *obj = jv_object(v, card, path, "summary", false);
    if (!obj) return false;
    char sp[JV_PATH_MAX];
    jv_key_path(sp, path, "summary");
    int errors = v->errors;
    jv_check_keys(v, obj, sp, KEYS, 2);
    DeckSummary s = {0};
    s.best = jv_str(v, obj, sp, "best", DECK_SUMMARY_MAX, true);
    const char *all[1 + DECK_SUMMARY_OTHERS_MAX];
    int n = 0;
    if (s.best) all[n++] = s.best;
    jv_str_list(v, obj, sp, "others", 2, DECK_SUMMARY_OTHERS_MAX, DECK_SUMMARY_MAX, false, all, &n);
    if (v->errors != errors || !s.best) return false;
    s.nothers = n - 1;
    for (int i = 0; i < s.nothers; i++) s.others[i] = all[i + 1];
    *out = s;
    return true;
}

static bool card_from_json(JsonV *v, const cJSON *obj, const char *path, DeckCard *out)
{
    int errors = v->errors;
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(obj)) {
        jv_error(v, path, "expected an object");
        return false;
    }
    jv_check_keys(v, obj, path, KEYS(CARD_KEYS));
    out->id = jv_id(v, obj, path, "id", true);
    int rel = jv_enum(v, obj, path, "relationship", REL_NAMES, DECK_REL_COUNT, true);
    int area = jv_enum(v, obj, path, "area", AREA_NAMES, DECK_AREA_COUNT, true);
    out->relationship = rel >= 0 ? (DeckRelationship)rel : DECK_REL_PARTNER;
    out->area = area >= 0 ? (DeckArea)area : DECK_AREA_EMOTIONAL;
    bool themes_ok = card_themes(v, obj, path, &out->themes);
    out->situation = jv_str(v, obj, path, "situation", DECK_SITUATION_MAX, true);

    char rp[JV_PATH_MAX], ip[JV_PATH_MAX], sp[JV_PATH_MAX];
    jv_key_path(rp, path, "responses");
    const cJSON *rs = jv_array(v, obj, path, "responses", DECK_RESPONSES, DECK_RESPONSES, true);
    bool responses_ok = rs != NULL;
    if (rs) {
        int first_with[DECK_STYLE_COUNT] = {-1, -1, -1, -1};
        int i = 0;
        const cJSON *it;
        cJSON_ArrayForEach(it, rs) {
            jv_index_path(ip, rp, i);
            DeckResponse *r = &out->responses[i++];
            if (!cJSON_IsObject(it)) {
                jv_error(v, ip, "expected an object");
                responses_ok = false;
                continue;
            }
            int keys_errors = v->errors;
            jv_check_keys(v, it, ip, KEYS(RESPONSE_KEYS));
            if (v->errors != keys_errors) responses_ok = false;
            int st = jv_enum(v, it, ip, "style", STYLE_NAMES, DECK_STYLE_COUNT, true);
            r->text = jv_str(v, it, ip, "text", DECK_TEXT_MAX, true);
            r->why = jv_str(v, it, ip, "why", DECK_WHY_MAX, true);
            if (st < 0 || !r->text || !r->why) {
                responses_ok = false;
                if (st < 0) continue;
            }
            r->style = (DeckStyle)st;
            if (first_with[st] >= 0) {
                jv_error(v, jv_key_path(sp, ip, "style"), "\"%s\" appears twice", STYLE_NAMES[st]);
                responses_ok = false;
            } else {
                first_with[st] = i - 1;
            }
        }
    }
    out->try_saying = jv_str(v, obj, path, "try_saying", DECK_TRY_SAYING_MAX, true);
    out->reflect = jv_str(v, obj, path, "reflect", DECK_REFLECT_MAX, true);
    bool summary_ok = summary_from_json(v, obj, path, &out->summary);
    return v->errors == errors && responses_ok && themes_ok && summary_ok && out->id && rel >= 0 &&
           area >= 0 && out->situation && out->try_saying && out->reflect;
}

const DeckCard *deck_level_card(const DeckLevel *level, const char *id)
{
    if (!level || !id) return NULL;
    for (int i = 0; i < level->ncards; i++)
        if (strcmp(level->cards[i].id, id) == 0) return &level->cards[i];
    return NULL;
}

bool deck_level_from_json(JsonV *v, const cJSON *obj, const char *path, DeckLevel *out)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(obj)) {
        jv_error(v, path, "expected an object");
        return false;
    }
    int errors = v->errors;
    DeckLevel l = {0};
    l.file = v->file;
    jv_check_keys(v, obj, path, KEYS(LEVEL_KEYS));
    l.id = jv_id(v, obj, path, "id", true);
    long number = 0;
    jv_int(v, obj, path, "number", DECK_LEVEL_MIN, DECK_LEVEL_MAX, true, &number);
    l.number = (int)number;
    l.title = jv_str(v, obj, path, "title", DECK_TITLE_MAX, true);
    l.intro = jv_str(v, obj, path, "intro", DECK_INTRO_MAX, true);
    jv_bool(v, obj, path, "safety_note", false, &l.safety_note);

    char pp[JV_PATH_MAX];
    jv_key_path(pp, path, "practices");
    const cJSON *pr = jv_object(v, obj, path, "practices", true);
    if (pr) {
        jv_check_keys(v, pr, pp, KEYS(PRACTICES_KEYS));
        practice_ids(v, pr, pp, "breathing", l.breathing, &l.nbreathing);
        practice_ids(v, pr, pp, "grounding", l.grounding, &l.ngrounding);
    }

    char cp[JV_PATH_MAX], ip[JV_PATH_MAX], kp[JV_PATH_MAX];
    jv_key_path(cp, path, "cards");
    const cJSON *cards = jv_array(v, obj, path, "cards", 1, DECK_MAX_CARDS, true);
    bool header_ok = v->errors == errors && l.id && l.title && l.intro && l.number > 0 &&
                     l.nbreathing > 0 && l.ngrounding > 0 && cards;

    /* Cards are checked even when the header is bad, so one run reports every problem. */
    if (cards) {
        int n = cJSON_GetArraySize(cards);
        l.cards = strpool_alloc(v->pool, (size_t)n * sizeof *l.cards);
        if (!l.cards) {
            jv_error(v, cp, "out of memory");
            return false;
        }
        int i = 0;
        const cJSON *it;
        cJSON_ArrayForEach(it, cards) {
            jv_index_path(ip, cp, i++);
            DeckCard c;
            if (!card_from_json(v, it, ip, &c)) continue;
            if (deck_level_card(&l, c.id)) {
                jv_error(v, jv_key_path(kp, ip, "id"),
                         "\"%s\" is already used by another card in this level", c.id);
                continue;
            }
            l.cards[l.ncards++] = c;
        }
        if (l.ncards == 0 && header_ok) {
            jv_error(v, cp, "no card could be used, so the level is left out");
            header_ok = false;
        }
    }
    if (!header_ok) return false;
    *out = l;
    return true;
}

/* ---- Randomness -------------------------------------------------------------------------- */

void deck_rng_seed(DeckRng *r, uint64_t seed) { r->state = seed; }

uint64_t deck_rng_next(DeckRng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint32_t deck_rng_below(DeckRng *r, uint32_t n)
{
    if (n == 0) return 0;
    /* Reject the top sliver of the 64-bit range that would favour small values. */
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do x = deck_rng_next(r);
    while (x >= limit);
    return (uint32_t)(x % n);
}

/* Fisher-Yates over n ints. */
static void shuffle_ints(DeckRng *rng, int *a, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)deck_rng_below(rng, (uint32_t)i + 1);
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* ---- Solo round -------------------------------------------------------------------------- */

static bool is_seen(const char *id, const char *const *seen, int n_seen)
{
    for (int i = 0; seen && i < n_seen; i++)
        if (seen[i] && strcmp(seen[i], id) == 0) return true;
    return false;
}

int deck_round_start(DeckRound *r, const DeckLevel *level, int n_cards, uint64_t seed,
                     const char *const *seen_ids, int n_seen)
{
    return deck_round_start_for(r, level, n_cards, seed, seen_ids, n_seen, false);
}

int deck_round_start_for(DeckRound *r, const DeckLevel *level, int n_cards, uint64_t seed,
                         const char *const *seen_ids, int n_seen, bool couples)
{
    memset(r, 0, sizeof *r);
    r->level = level;
    for (int i = 0; i < DECK_ROUND_MAX; i++) r->picked[i] = -1;
    if (!level || level->ncards <= 0 || !level->cards) return 0;

    int total = level->ncards < DECK_MAX_CARDS ? level->ncards : DECK_MAX_CARDS;
    DeckRng rng;
    deck_rng_seed(&rng, seed);
    int fresh[DECK_MAX_CARDS], old[DECK_MAX_CARDS], nfresh = 0, nold = 0;
    for (int i = 0; i < total; i++) {
        if (couples && !deck_relationship_for_couples(level->cards[i].relationship)) continue;
        if (is_seen(level->cards[i].id, seen_ids, n_seen)) old[nold++] = i;
        else fresh[nfresh++] = i;
    }
    int n = n_cards < 1 ? 1 : n_cards;
    if (n > nfresh + nold) n = nfresh + nold;
    if (n > DECK_ROUND_MAX) n = DECK_ROUND_MAX;
    shuffle_ints(&rng, fresh, nfresh);
    shuffle_ints(&rng, old, nold);
    for (int i = 0; i < n; i++) {
        r->card[i] = (int16_t)(i < nfresh ? fresh[i] : old[i - nfresh]);
        int perm[DECK_RESPONSES] = {0, 1, 2, 3};
        shuffle_ints(&rng, perm, DECK_RESPONSES);
        for (int s = 0; s < DECK_RESPONSES; s++) r->order[i][s] = (uint8_t)perm[s];
    }
    r->count = n;
    return n;
}

int deck_round_count(const DeckRound *r) { return r->count; }
int deck_round_position(const DeckRound *r) { return r->pos; }
bool deck_round_finished(const DeckRound *r) { return r->pos >= r->count; }
bool deck_round_revealed(const DeckRound *r) { return !deck_round_finished(r) && r->revealed; }

const DeckCard *deck_round_card_at(const DeckRound *r, int i)
{
    if (i < 0 || i >= r->count || !r->level) return NULL;
    return &r->level->cards[r->card[i]];
}

const DeckResponse *deck_round_response_at(const DeckRound *r, int i, int slot)
{
    const DeckCard *c = deck_round_card_at(r, i);
    if (!c || slot < 0 || slot >= DECK_RESPONSES) return NULL;
    return &c->responses[r->order[i][slot]];
}

const DeckCard *deck_round_card(const DeckRound *r) { return deck_round_card_at(r, r->pos); }

const DeckResponse *deck_round_response(const DeckRound *r, int slot)
{
    return deck_round_response_at(r, r->pos, slot);
}

bool deck_round_choose(DeckRound *r, int slot)
{
    if (deck_round_finished(r) || r->revealed || slot < 0 || slot >= DECK_RESPONSES) return false;
    r->picked[r->pos] = (int8_t)slot;
    r->revealed = true;
    return true;
}

int deck_round_chosen(const DeckRound *r)
{
    return deck_round_finished(r) ? -1 : r->picked[r->pos];
}

bool deck_round_next(DeckRound *r)
{
    if (deck_round_finished(r) || !r->revealed) return false;
    r->pos++;
    r->revealed = false;
    return true;
}

void deck_round_end(DeckRound *r)
{
    r->pos = r->count;
    r->revealed = false;
}

DeckPick deck_round_pick(const DeckRound *r, int i)
{
    DeckPick p = {NULL, -1, -1, DECK_STYLE_SECURE};
    p.card = deck_round_card_at(r, i);
    if (!p.card || r->picked[i] < 0) return p;
    p.slot = r->picked[i];
    p.response = r->order[i][p.slot];
    p.style = p.card->responses[p.response].style;
    return p;
}

void deck_round_style_counts(const DeckRound *r, int counts[DECK_STYLE_COUNT])
{
    for (int s = 0; s < DECK_STYLE_COUNT; s++) counts[s] = 0;
    for (int i = 0; i < r->count; i++) {
        DeckPick p = deck_round_pick(r, i);
        if (p.slot >= 0) counts[p.style]++;
    }
}

int deck_round_answered(const DeckRound *r)
{
    int n = 0;
    for (int i = 0; i < r->count; i++) n += r->picked[i] >= 0;
    return n;
}

size_t deck_round_summary(const DeckRound *r, char *buf, size_t size)
{
    /* No count of "right" answers: the four responses are moves anyone makes, not a test. */
    int len = snprintf(buf, size, "%s", deck_round_answered(r) == 0
        ? "No cards answered this time. Come back whenever you're ready."
        : "What pulled at you this round? Each response is a move anyone makes under stress; "
          "noticing which one tugs at you is the practice.");
    return len < 0 ? 0 : (size_t)len;
}
