/* Every screen by the mouse alone: clicks only, no keys, from the menu into each practice and
 * picker and back, pausing and resuming, help and settings; every clickable control is listed
 * by `texts` as a button inside the window. And the pointer: `move` hovers, `wheel` scrolls. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apptest.h"
#include "check.h"

typedef struct Walk {
    const char *dir, *data;
    int slot;
    char script[32768];
    int looks;
} Walk;

static void add(Walk *w, const char *fmt, ...)
{
    size_t n = strlen(w->script);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->script + n, sizeof w->script - n, fmt, ap);
    va_end(ap);
}

static int num(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valueint : -1;
}

/* The last control named label (the control bar is drawn last), or NULL. */
static const cJSON *button(const cJSON *t, const char *label)
{
    const cJSON *found = NULL, *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        const char *role = at_str(e, "role"), *s = at_str(e, "text");
        if (role && !strcmp(role, "button") && s && !strcmp(s, label)) found = e;
    }
    return found;
}

/* Runs the walk so far and reads what the last frame shows; every control listed is a button
 * with a name, inside the window, and Help is one click away. */
static cJSON *look(Walk *w, const char *where)
{
    char name[32];
    snprintf(name, sizeof name, "look%d", ++w->looks);
    char *sc = malloc(sizeof w->script + 64);
    snprintf(sc, sizeof w->script + 64, "%stexts $D/%s.json\n", w->script, name);
    w->data = at_tmpdir(w->slot + 1); /* each run replays the walk from a fresh start */
    int rc = at_run(w->dir, name, w->data, sc, "");
    free(sc);
    CHECK_INT(rc, 0);
    cJSON *t = at_texts_of(w->dir, name);
    CHECK(t != NULL);
    if (!t) return NULL;
    int controls = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        const char *role = at_str(e, "role");
        if (!role) continue;
        CHECK_STR(role, "button");
        CHECK(at_str(e, "text") && at_str(e, "text")[0]);
        int x = num(e, "x"), y = num(e, "y"), bw = num(e, "w"), bh = num(e, "h");
        bool inside = x >= 0 && y >= 0 && bw > 0 && bh > 0 && x + bw <= 800 && y + bh <= 600;
        CHECK(inside);
        if (!inside) fprintf(stderr, "    %s: \"%s\" leaves the window\n", where, at_str(e, "text"));
        controls++;
    }
    CHECK(controls > 0);
    bool help = button(t, "Help") || button(t, "Back"); /* help itself has Back */
    if (!help) fprintf(stderr, "    %s: no Help control\n", where);
    CHECK(help);
    return t;
}

/* Clicks the middle of the control named label on the screen the walk has reached. */
static bool click(Walk *w, const char *label, const char *where)
{
    cJSON *t = look(w, where);
    const cJSON *b = t ? button(t, label) : NULL;
    if (!b) fprintf(stderr, "    %s: no control \"%s\"\n", where, label);
    CHECK(b != NULL);
    if (b) add(w, "click %d %d\nwait 400\n", num(b, "x") + num(b, "w") / 2, num(b, "y") + num(b, "h") / 2);
    cJSON_Delete(t);
    return b != NULL;
}

/* Clicks the first control that is not the control bar's (a card's first response). */
static void click_first(Walk *w, const char *where)
{
    static const char *const bar[] = {"Back", "Leave", "Help", "Pause", "Resume"};
    cJSON *t = look(w, where);
    const cJSON *e, *b = NULL;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        if (!at_str(e, "role") || b) continue;
        bool on_bar = false;
        for (int i = 0; i < 5; i++) on_bar |= !strcmp(at_str(e, "text"), bar[i]);
        if (!on_bar) b = e;
    }
    if (!b) fprintf(stderr, "    %s: nothing to click\n", where);
    CHECK(b != NULL);
    if (b) add(w, "click %d %d\nwait 400\n", num(b, "x") + num(b, "w") / 2, num(b, "y") + num(b, "h") / 2);
    cJSON_Delete(t);
}

/* Checks the screen the walk has reached shows (or lacks) a control. */
static void expect(Walk *w, const char *label, bool present, const char *where)
{
    cJSON *t = look(w, where);
    bool has = t && button(t, label);
    if (has != present)
        fprintf(stderr, "    %s: \"%s\" %s\n", where, label, present ? "missing" : "shown");
    CHECK(has == present);
    cJSON_Delete(t);
}

static void start(Walk *w, int slot)
{
    w->slot = slot;
    w->dir = at_tmpdir(slot);
    w->data = at_tmpdir(slot + 1);
    w->script[0] = 0;
    w->looks = 0;
    add(w, "wait 300\n");
}

static void breathing_by_mouse_alone(void)
{
    Walk w;
    start(&w, 0);
    expect(&w, "Back", false, "menu"); /* the menu has nowhere to go back to */
    click(&w, "Breathe", "menu");
    click(&w, "Back", "breathe picker"); /* back to the menu */
    expect(&w, "Quick calm", true, "menu again");
    click(&w, "Breathe", "menu");
    click(&w, "Box breathing", "breathe picker");
    click(&w, "Skip", "check-in");
    add(&w, "wait 3000\n");
    click(&w, "Pause", "breathing");
    click(&w, "Resume", "breathing paused");
    click(&w, "Help", "breathing");
    click(&w, "Back", "help over breathing");
    expect(&w, "Pause", true, "breathing after help");
    click(&w, "Leave", "breathing");
    click(&w, "Back", "breathe picker after leaving");
    expect(&w, "Settings", true, "menu after breathing");
}

static void help_settings_and_progress_by_mouse_alone(void)
{
    Walk w;
    start(&w, 2);
    click(&w, "Help", "menu");
    click(&w, "Back", "help");
    click(&w, "Settings", "menu");
    click(&w, "Help", "settings");
    click(&w, "Back", "help over settings");
    click(&w, "Back", "settings");
    click(&w, "Progress", "menu");
    click(&w, "Back", "progress");
    expect(&w, "Cards together", true, "menu after progress");
}

static void grounding_and_cards_by_mouse_alone(void)
{
    Walk w;
    start(&w, 4);
    click(&w, "Ground", "menu");
    click(&w, "Back", "ground picker");
    click(&w, "Ground", "menu");
    click(&w, "5-4-3-2-1 senses", "ground picker");
    click(&w, "Skip", "check-in");
    click(&w, "Leave", "grounding");
    click(&w, "Back", "ground picker after leaving");
    click(&w, "Cards", "menu");
    click(&w, "Back", "cards picker");
    click(&w, "Cards together", "menu");
    click(&w, "Back", "names");
    expect(&w, "Progress", true, "menu after names");
}

/* Cards together to the talk timer and out of it, by clicks alone. */
static void the_talk_timer_by_mouse_alone(void)
{
    Walk w;
    start(&w, 10);
    click(&w, "Cards together", "menu");
    click(&w, "Continue", "names");
    click(&w, "Notice", "levels together");
    click(&w, "We both feel safe", "is this for us");
    click_first(&w, "first pick");
    click(&w, "Continue", "hand-over");
    click_first(&w, "second pick");
    click(&w, "Talk it through", "reveal");
    click(&w, "Pause", "talk timer");
    expect(&w, "Pause", false, "talk timer paused");
    click(&w, "Resume", "talk timer paused");
    click(&w, "Leave", "talk timer");
    expect(&w, "Talk it through", true, "back on the reveal");
}

static bool has_text(const cJSON *t, const char *s)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "texts"))
        if (!at_str(e, "role") && at_str(e, "text") && !strcmp(at_str(e, "text"), s)) return true;
    return false;
}

/* Over a control the pointer is a hand and the control lights up; elsewhere an arrow. */
static void moving_the_pointer_hovers(void)
{
    const char *dir = at_tmpdir(6), *data = at_tmpdir(7);
    /* Help sits in the top right corner, 20 px in: 770,30 is inside it, off its label. */
    CHECK_INT(at_run(dir, "move", data,
                     "wait 300\n"
                     "move 400 540\ntexts $D/away.json\nshot $D/away.bmp\n"
                     "move 775 32\ntexts $D/over.json\nshot $D/over.bmp\n"
                     "move 400 540\ntexts $D/back.json\n",
                     ""),
              0);
    cJSON *away = at_texts_of(dir, "away"), *over = at_texts_of(dir, "over"), *back = at_texts_of(dir, "back");
    CHECK_STR(at_str(away, "cursor"), "arrow");
    CHECK_STR(at_str(over, "cursor"), "hand");
    CHECK_STR(at_str(back, "cursor"), "arrow");
    const cJSON *help = button(over, "Help");
    CHECK(help && num(help, "x") <= 775 && 775 < num(help, "x") + num(help, "w"));
    char p1[600], p2[600];
    snprintf(p1, sizeof p1, "%s/away.bmp", dir);
    snprintf(p2, sizeof p2, "%s/over.bmp", dir);
    AtImage a = {0}, b = {0};
    CHECK(at_load_bmp(p1, &a) && at_load_bmp(p2, &b));
    if (a.rgb && b.rgb && help) {
        /* A point inside the pill, left of its label: brighter when hovered. */
        int x = num(help, "x") + 6, y = num(help, "y") + num(help, "h") / 2;
        const uint8_t *pa = a.rgb + ((size_t)y * a.w + x) * 3, *pb = b.rgb + ((size_t)y * b.w + x) * 3;
        CHECK(pb[0] + pb[1] + pb[2] > pa[0] + pa[1] + pa[2]);
    }
    at_free_image(&a);
    at_free_image(&b);
    cJSON_Delete(away);
    cJSON_Delete(over);
    cJSON_Delete(back);
}

/* The wheel scrolls a long list: down shows what was below (and that there is more above),
 * up goes back. */
static void the_wheel_scrolls_a_list(void)
{
    Walk w;
    start(&w, 8);
    click(&w, "Ground", "menu");
    cJSON *t0 = look(&w, "ground picker");
    CHECK(has_text(t0, "more below"));
    CHECK(!has_text(t0, "more above"));
    cJSON_Delete(t0);
    add(&w, "move 200 300\nwheel -20\n");
    cJSON *t1 = look(&w, "ground picker scrolled");
    CHECK(has_text(t1, "more above"));
    CHECK(!has_text(t1, "more below"));
    cJSON_Delete(t1);
    add(&w, "wheel 20\n");
    cJSON *t2 = look(&w, "ground picker back up");
    CHECK(!has_text(t2, "more above"));
    cJSON_Delete(t2);
    /* A wheel that is not a number is refused with the line. */
    CHECK_INT(at_run(w.dir, "badwheel", w.data, "wheel up\n", ""), 1);
    CHECK_INT(at_run(w.dir, "badmove", w.data, "move 3\n", ""), 1);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    breathing_by_mouse_alone();
    help_settings_and_progress_by_mouse_alone();
    grounding_and_cards_by_mouse_alone();
    the_talk_timer_by_mouse_alone();
    moving_the_pointer_hovers();
    the_wheel_scrolls_a_list();
    return check_report();
}
