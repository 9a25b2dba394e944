/* The level skill of a solo card on screen (skill.h decides which card gets which): name the
 * feeling, three slow breaths, build the message, sum it up, accept or ask. The round
 * (cards.c) shows it before the responses or after the reveal; this file draws it and turns
 * keys and clicks into skill_* calls. Every skill can be skipped (S or the Skip button). */
#ifndef ATTUNE_CARDS_SKILL_H
#define ATTUNE_CARDS_SKILL_H

#include "app.h"
#include "attune/skill.h"

#define CARD_SKILL_HITS 24

typedef struct CardSkill {
    Skill skill;        /* of the card showing; SKILL_NONE: none */
    bool active;        /* on screen now */
    bool done;          /* done or skipped for this card */
    const DeckLevel *level;
    const DeckCard *card;
    /* Notice */
    int feel[SKILL_FEEL_SHOWN], nfeel;
    int feeling;        /* index into feel, -1 none yet */
    /* Regulate */
    const BreathPattern *pattern;
    AtTimer timer;      /* from when the breaths appeared; held under help or a reading */
    FigureCues cues;
    /* Communicate */
    SkillMessage msg;
    /* Understand */
    const char *opt[SKILL_SUMMARY_OPTIONS];
    int nopt, best, picked; /* picked -1 until chosen */
    /* Accept */
    SkillSort sort;
    /* Keyboard focus: a row (a group of choices; the last row is the buttons) and a column. */
    int row, col;
    /* What was drawn last frame, for the mouse. */
    SDL_Rect hit[CARD_SKILL_HITS];
    int hit_row[CARD_SKILL_HITS], hit_col[CARD_SKILL_HITS];
    int nhit, hover;
    UiButtons buttons;
} CardSkill;

/* Sets up the skill that goes with card `card_index` of the level, dealt at `position` of the
 * round (none when it has none); seed orders the summaries. Not yet on screen. */
void card_skill_begin(App *a, CardSkill *s, const DeckLevel *level, int card_index, int position,
                      uint64_t seed);
/* Whether the skill is still to come before the responses, or after the reveal. */
bool card_skill_due_before(const CardSkill *s);
bool card_skill_due_after(const CardSkill *s);
/* Puts it on screen (starts the breaths' clock). */
void card_skill_show(App *a, CardSkill *s);
/* Input while it is on screen. Returns true when it is over (done or skipped): it is then off
 * the screen and done. */
bool card_skill_event(App *a, CardSkill *s, const SDL_Event *e);
/* Time: the breaths end by themselves. Returns true when it has just ended. */
bool card_skill_update(App *a, CardSkill *s);
bool card_skill_animating(App *a, const CardSkill *s);
/* Under help or a reading the breaths wait. */
void card_skill_hold(App *a, CardSkill *s, bool covered);
/* Draws it below the top line `top`; once it is complete its button says `next` (what comes
 * after it: "See the responses", "Next card"...), before that "Skip". */
void card_skill_render(App *a, CardSkill *s, const char *top, const char *next);
/* The feeling named before the responses, or NULL. */
const char *card_skill_feeling(const App *a, const CardSkill *s);

#endif
