#include "attune/couple.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Talk timer -------------------------------------------------------------------------- */

#define OPEN UINT64_MAX /* an untimed phase: lasts until skipped */

void couple_talk_start(CoupleTalk *t, int first_speaker, uint32_t speak_ms, uint32_t sumup_ms,
                       uint64_t now)
{
    memset(t, 0, sizeof *t);
    timer_start(&t->timer, now);
    t->first = first_speaker == COUPLE_B ? COUPLE_B : COUPLE_A;
    uint64_t speak = speak_ms ? speak_ms : COUPLE_TALK_SPEAK_MS;
    uint64_t sumup = sumup_ms ? sumup_ms : OPEN;
    t->dur[0] = t->dur[2] = speak;
    t->dur[1] = t->dur[3] = sumup;
}

/* Phase index 0..3 at elapsed e and when it began; 4 when done. */
static int phase_at(const CoupleTalk *t, uint64_t e, uint64_t *start)
{
    uint64_t acc = 0;
    for (int p = 0; p < 4; p++) {
        if (t->dur[p] == OPEN || e < acc + t->dur[p]) {
            *start = acc;
            return p;
        }
        acc += t->dur[p];
    }
    *start = acc;
    return 4;
}

CoupleTalkView couple_talk_at(const CoupleTalk *t, uint64_t now)
{
    CoupleTalkView v = {0};
    uint64_t e = timer_elapsed(&t->timer, now), start;
    int p = phase_at(t, e, &start);
    v.paused = t->timer.paused;
    if (p == 4) {
        v.phase = COUPLE_TALK_DONE;
        v.turn = 2;
        v.speaker = t->first;
        v.listener = 1 - t->first;
        v.done = true;
        return v;
    }
    v.phase = p % 2 ? COUPLE_TALK_SUMMING_UP : COUPLE_TALK_SPEAKING;
    v.turn = p / 2;
    v.speaker = v.turn == 0 ? t->first : 1 - t->first;
    v.listener = 1 - v.speaker;
    v.into_ms = e - start;
    v.timed = t->dur[p] != OPEN;
    if (v.timed) {
        v.phase_ms = t->dur[p];
        v.left_ms = t->dur[p] - v.into_ms;
    }
    return v;
}

bool couple_talk_skip(CoupleTalk *t, uint64_t now)
{
    uint64_t e = timer_elapsed(&t->timer, now), start;
    int p = phase_at(t, e, &start);
    if (p == 4) return false;
    t->dur[p] = e - start;
    return true;
}

bool couple_talk_extend(CoupleTalk *t, uint64_t now)
{
    uint64_t start;
    int p = phase_at(t, timer_elapsed(&t->timer, now), &start);
    if (p == 4 || t->dur[p] == OPEN) return false;
    t->dur[p] += COUPLE_TALK_EXTEND_MS;
    return true;
}

void couple_talk_pause(CoupleTalk *t, uint64_t now) { timer_pause(&t->timer, now); }
void couple_talk_resume(CoupleTalk *t, uint64_t now) { timer_resume(&t->timer, now); }
void couple_talk_hold(CoupleTalk *t, uint64_t now, bool held) { timer_hold(&t->timer, now, held); }

/* ---- Couple round ------------------------------------------------------------------------ */

struct CoupleRound {
    DeckRound deal;  /* the cards and their response orders; its solo state is not used */
    CoupleState state;
    int pos;
    int8_t pick[DECK_ROUND_MAX][2]; /* slot each partner chose, -1 before */
    char name[2][COUPLE_NAME_MAX];
    CoupleTalk talk;
};

static const char *const STATE_NAMES[] = {"pick-a", "cover", "pick-b", "reveal", "talk", "end"};

const char *couple_state_name(CoupleState s)
{
    return (unsigned)s <= COUPLE_END ? STATE_NAMES[s] : "?";
}

/* Copies a trimmed name, cut to fit on a UTF-8 character boundary. */
static void copy_name(char *dst, const char *src, const char *fallback)
{
    const char *s = src ? src : "";
    while (isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) n--;
    if (n == 0) {
        snprintf(dst, COUPLE_NAME_MAX, "%s", fallback);
        return;
    }
    if (n > COUPLE_NAME_MAX - 1) {
        n = COUPLE_NAME_MAX - 1;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80) n--; /* s[n] continues a character */
    }
    memcpy(dst, s, n);
    dst[n] = 0;
}

CoupleRound *couple_new(const DeckLevel *level, int n_cards, uint64_t seed,
                        const char *const *seen_ids, int n_seen, const char *name_a,
                        const char *name_b)
{
    CoupleRound *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    if (deck_round_start_for(&r->deal, level, n_cards, seed, seen_ids, n_seen, true) == 0) {
        free(r);
        return NULL;
    }
    memset(r->pick, -1, sizeof r->pick);
    copy_name(r->name[0], name_a, "Partner A");
    copy_name(r->name[1], name_b, "Partner B");
    r->state = COUPLE_PICK_A;
    return r;
}

void couple_free(CoupleRound *r) { free(r); }

CoupleState couple_state(const CoupleRound *r) { return r->state; }

const char *couple_name(const CoupleRound *r, int partner)
{
    return partner == COUPLE_A || partner == COUPLE_B ? r->name[partner] : "";
}

int couple_picker(const CoupleRound *r)
{
    return r->state == COUPLE_PICK_A ? COUPLE_A : r->state == COUPLE_PICK_B ? COUPLE_B : -1;
}

int couple_count(const CoupleRound *r) { return r->deal.count; }
int couple_position(const CoupleRound *r) { return r->pos; }

const DeckCard *couple_card(const CoupleRound *r)
{
    return r->state == COUPLE_END ? NULL : deck_round_card_at(&r->deal, r->pos);
}

const DeckResponse *couple_response(const CoupleRound *r, int slot)
{
    return r->state == COUPLE_END ? NULL : deck_round_response_at(&r->deal, r->pos, slot);
}

bool couple_choose(CoupleRound *r, int slot)
{
    int who = couple_picker(r);
    if (who < 0 || slot < 0 || slot >= DECK_RESPONSES) return false;
    r->pick[r->pos][who] = (int8_t)slot;
    r->state = who == COUPLE_A ? COUPLE_COVER : COUPLE_REVEAL;
    return true;
}

bool couple_handed_over(CoupleRound *r)
{
    if (r->state != COUPLE_COVER) return false;
    r->state = COUPLE_PICK_B;
    return true;
}

static bool showing_picks(const CoupleRound *r)
{
    return r->state == COUPLE_REVEAL || r->state == COUPLE_TALK;
}

int couple_pick_of(const CoupleRound *r, int partner)
{
    if (!showing_picks(r) || (partner != COUPLE_A && partner != COUPLE_B)) return -1;
    return r->pick[r->pos][partner];
}

bool couple_reveal_at(const CoupleRound *r, int i, CoupleReveal *out)
{
    memset(out, 0, sizeof *out);
    out->slot[0] = out->slot[1] = out->response[0] = out->response[1] = -1;
    if (i < 0 || i >= r->deal.count || r->pick[i][0] < 0 || r->pick[i][1] < 0) return false;
    out->card = deck_round_card_at(&r->deal, i);
    for (int p = 0; p < 2; p++) {
        out->slot[p] = r->pick[i][p];
        out->response[p] = r->deal.order[i][out->slot[p]];
        out->chosen[p] = &out->card->responses[out->response[p]];
    }
    out->matched = out->response[0] == out->response[1];
    if (out->matched) {
        out->headline = "You both chose the same response.";
        out->opener = "Talk about what made it feel right to each of you.";
    } else {
        out->headline = "You chose different responses.";
        out->opener = "Talk about why each of you chose what you did. Listen first, then explain.";
    }
    out->prompt = out->card->reflect;
    return true;
}

bool couple_reveal(const CoupleRound *r, CoupleReveal *out)
{
    if (!showing_picks(r)) {
        couple_reveal_at(r, -1, out); /* zeroes *out */
        return false;
    }
    return couple_reveal_at(r, r->pos, out);
}

bool couple_talk_begin(CoupleRound *r, int first_speaker, uint32_t speak_ms, uint32_t sumup_ms,
                       uint64_t now)
{
    if (r->state != COUPLE_REVEAL) return false;
    couple_talk_start(&r->talk, first_speaker, speak_ms, sumup_ms, now);
    r->state = COUPLE_TALK;
    return true;
}

CoupleTalk *couple_talk(CoupleRound *r) { return r->state == COUPLE_TALK ? &r->talk : NULL; }

bool couple_talk_stop(CoupleRound *r)
{
    if (r->state != COUPLE_TALK) return false;
    r->state = COUPLE_REVEAL;
    return true;
}

bool couple_next(CoupleRound *r)
{
    if (!showing_picks(r)) return false;
    r->pos++;
    r->state = r->pos >= r->deal.count ? COUPLE_END : COUPLE_PICK_A;
    return true;
}

void couple_end(CoupleRound *r)
{
    /* Cards chosen by both (including one showing in REVEAL or TALK) stay in the summary;
     * a lone pick stays hidden because couple_reveal_at needs both. */
    r->pos = r->deal.count;
    r->state = COUPLE_END;
}

/* How far apart two styles are on the two attachment dimensions, anxiety and avoidance:
 * secure (0,0), anxious (1,0), avoidant (0,1), fearful-avoidant (1,1). */
static int style_distance(DeckStyle a, DeckStyle b)
{
    int ax = a == DECK_STYLE_ANXIOUS || a == DECK_STYLE_FEARFUL;
    int ay = a == DECK_STYLE_AVOIDANT || a == DECK_STYLE_FEARFUL;
    int bx = b == DECK_STYLE_ANXIOUS || b == DECK_STYLE_FEARFUL;
    int by = b == DECK_STYLE_AVOIDANT || b == DECK_STYLE_FEARFUL;
    return abs(ax - bx) + abs(ay - by);
}

bool couple_summary(const CoupleRound *r, CoupleSummary *out)
{
    memset(out, 0, sizeof *out);
    if (r->state != COUPLE_END) return false;
    int far_card = -1, far = -1, insecure_card = -1, first_card = -1;
    for (int i = 0; i < r->deal.count; i++) {
        CoupleReveal rv;
        if (!couple_reveal_at(r, i, &rv)) continue;
        DeckStyle a = rv.chosen[0]->style, b = rv.chosen[1]->style;
        out->cards++;
        if (first_card < 0) first_card = i;
        if (insecure_card < 0 && (a != DECK_STYLE_SECURE || b != DECK_STYLE_SECURE))
            insecure_card = i;
        int d = rv.matched ? 0 : style_distance(a, b);
        if (d > 0 && d > far) {
            far = d;
            far_card = i;
        }
    }
    int later = far_card >= 0 ? far_card : insecure_card >= 0 ? insecure_card : first_card;
    if (later >= 0) {
        out->later = deck_round_card_at(&r->deal, later);
        out->later_prompt = out->later->reflect;
    }
    snprintf(out->text, sizeof out->text, "%s", out->cards == 0
        ? "No cards answered together this time. Come back whenever you're both ready."
        : "What pulled at each of you this round? Take turns: one speaks, the other listens "
          "without fixing.");
    return true;
}
