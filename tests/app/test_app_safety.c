/* Safety in plain sight: the first-start welcome never delays a quick calm, Help leads with the
 * user's region, and the notes before cards (the safety note, "four moves", the Cards together
 * gate) come once, with a way out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apptest.h"
#include "check.h"

/* The index of the first drawn string equal to s, or -1. */
static int text_index(const cJSON *t, const char *s)
{
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        const cJSON *x = cJSON_GetObjectItemCaseSensitive(it, "text");
        if (cJSON_IsString(x) && !strcmp(x->valuestring, s)) return i;
        i++;
    }
    return -1;
}

static char *settings_of(const char *dir)
{
    char path[600];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    return at_read_file(path);
}

static void the_first_start_welcomes_once_on_the_menu(void)
{
    const char *dir = at_tmpdir(0);
    at_write_settings(dir, "{}");
    CHECK_INT(at_run(dir, "first", dir, "wait 300\ntexts $D/welcome.json\nkey Return\nwait 300\n"
                                        "texts $D/menu.json\n", ""), 0);
    cJSON *t = at_texts_of(dir, "welcome");
    CHECK(at_texts_has(t, "Welcome to Attune"));
    CHECK(at_texts_contains(t, "practice, not therapy"));
    CHECK(at_texts_contains(t, "F1"));
    CHECK(at_texts_contains(t, "only on this computer"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "menu");
    CHECK(at_texts_has(t, "Quick calm"));
    CHECK(!at_texts_has(t, "Welcome to Attune"));
    cJSON_Delete(t);
    char *s = settings_of(dir);
    CHECK_CONTAINS(s, "\"welcomed\":\ttrue");
    free(s);
    /* Once is enough. */
    CHECK_INT(at_run(dir, "second", dir, "wait 300\ntexts $D/again.json\n", ""), 0);
    t = at_texts_of(dir, "again");
    CHECK(!at_texts_has(t, "Welcome to Attune"));
    CHECK(at_texts_has(t, "Quick calm"));
    cJSON_Delete(t);
}

static void a_first_start_into_a_quick_calm_breathes_first(void)
{
    const char *dir = at_tmpdir(1);
    at_write_settings(dir, "{\"checkins\": false}");
    /* attune breathe: the circle at once; the welcome waits for the menu. */
    CHECK_INT(at_run(dir, "calm", dir, "wait 100\ntexts $D/calm.json\nwait 70000\nkey Escape\n"
                                       "wait 300\ntexts $D/after.json\n", "breathe"), 0);
    cJSON *t = at_texts_of(dir, "calm");
    CHECK(at_texts_has(t, "Get ready"));
    CHECK(!at_texts_has(t, "Welcome to Attune"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "after");
    CHECK(at_texts_has(t, "Welcome to Attune"));
    cJSON_Delete(t);
    /* Space on the welcome itself is a quick calm too. */
    const char *dir2 = at_tmpdir(2);
    at_write_settings(dir2, "{\"checkins\": false}");
    CHECK_INT(at_run(dir2, "space", dir2, "wait 300\nkey Space\nwait 300\ntexts $D/space.json\n", ""), 0);
    t = at_texts_of(dir2, "space");
    CHECK(at_texts_has(t, "Get ready"));
    cJSON_Delete(t);
}

static void help_shows_the_chosen_region_first_at_any_size(void)
{
    const char *dir = at_tmpdir(3);
    static const char *const sizes[] = {"--window 1280x720", "--window 800x600"};
    for (int i = 0; i < 2; i++) {
        char args[80];
        snprintf(args, sizeof args, "%s --region GB", sizes[i]);
        CHECK_INT(at_run(dir, "help", dir, "wait 300\nkey F1\nwait 100\ntexts $D/help.json\n", args), 0);
        cJSON *t = at_texts_of(dir, "help");
        int region = text_index(t, "Support in United Kingdom");
        int keys = text_index(t, "Esc");
        CHECK(region == 1); /* right under the title */
        CHECK(keys < 0 || keys > region);
        CHECK(at_texts_contains(t, "Samaritans: Call 116 123"));
        CHECK(at_texts_contains(t, "0808 2000 247"));
        CHECK(at_texts_contains(t, "not yours to accept"));
        CHECK(!at_texts_contains(t, "9-8-8"));
        cJSON_Delete(t);
    }
    /* An unknown region points everywhere else to the directory of helplines. */
    CHECK_INT(at_run(dir, "else", dir, "wait 300\nkey F1\nwait 100\ntexts $D/else.json\n",
                     "--region XK"), 0);
    cJSON *t = at_texts_of(dir, "else");
    CHECK(at_texts_has(t, "Everywhere else"));
    CHECK(at_texts_contains(t, "findahelpline.com"));
    cJSON_Delete(t);
    /* Other regions are one step away, and choosing one keeps it. */
    CHECK_INT(at_run(dir, "pick", dir, "wait 300\nkey F1\nkey r\nwait 300\ntexts $D/regions.json\n"
                                       "key Home\nkey Down\nkey Return\nwait 300\ntexts $D/back.json\n",
                     "--region GB"), 0);
    t = at_texts_of(dir, "regions");
    CHECK(at_texts_has(t, "Help lines by region"));
    CHECK(at_texts_has(t, "Australia") || at_texts_has(t, "Canada"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "back");
    CHECK(at_texts_has(t, "Support in Canada"));
    cJSON_Delete(t);
    char *s = settings_of(dir);
    CHECK_CONTAINS(s, "\"region\":\t\"CA\"");
    free(s);
}

static void the_first_cards_come_after_the_safety_note_and_four_moves(void)
{
    const char *dir = at_tmpdir(4);
    at_write_settings(dir, "{\"welcomed\": true, \"checkins\": false}");
    CHECK_INT(at_run(dir, "first", dir, "wait 300\ntexts $D/safety.json\nkey Return\nwait 300\n"
                                        "texts $D/moves.json\nkey Return\nwait 300\n"
                                        /* S: past the level's skill (test_app_skills) */
                                        "key s\nwait 300\ntexts $D/card.json\n",
                     "cards notice"), 0);
    cJSON *t = at_texts_of(dir, "safety");
    CHECK(at_texts_has(t, "Before you begin"));
    CHECK(at_texts_contains(t, "not a communication problem"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "moves");
    CHECK(at_texts_has(t, "Four moves anyone makes"));
    CHECK(at_texts_contains(t, "not four kinds of people"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "card");
    CHECK(at_texts_contains(t, "1-4 or click to choose"));
    cJSON_Delete(t);
    /* Next time: straight to the card; the notes stay one key away in the picker. */
    CHECK_INT(at_run(dir, "next", dir, "wait 300\nkey s\nwait 300\ntexts $D/card2.json\nkey Escape\nwait 300\n"
                                       "key n\nwait 100\ntexts $D/note.json\nkey Escape\nkey a\n"
                                       "wait 100\ntexts $D/about.json\n",
                     "cards notice"), 0);
    t = at_texts_of(dir, "card2");
    CHECK(at_texts_contains(t, "1-4 or click to choose"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "note");
    CHECK(at_texts_contains(t, "not yours to accept"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "about");
    CHECK(at_texts_has(t, "Four moves anyone makes"));
    cJSON_Delete(t);
    /* The Accept level's intro carries the safety note (the last level: Random card and
     * Favourites follow the levels). */
    CHECK_INT(at_run(dir, "accept", dir, "wait 300\nkey End\nkey Up\nkey Up\nwait 100\ntexts $D/accept.json\n",
                     "cards"), 0);
    t = at_texts_of(dir, "accept");
    CHECK(at_texts_has(t, "Accept"));
    CHECK(at_texts_contains(t, "not yours to accept"));
    cJSON_Delete(t);
}

static void a_pair_can_step_out_of_cards_together_to_practise_alone(void)
{
    const char *dir = at_tmpdir(5);
    const char *script = "wait 300\ntype Robin\nkey Tab\ntype Kai\nkey Return\nwait 300\n"
                         "key Return\nwait 300\ntexts $D/gate.json\nkey Right\nkey Return\nwait 300\n"
                         "texts $D/alone.json\n";
    CHECK_INT(at_run(dir, "gate", dir, script, "cards --couple"), 0);
    cJSON *t = at_texts_of(dir, "gate");
    CHECK(at_texts_has(t, "For two people who feel safe together"));
    CHECK(at_texts_has(t, "We both feel safe"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "alone");
    CHECK(at_texts_has(t, "Cards"));
    CHECK(at_texts_has(t, "Safety note"));
    CHECK(!at_texts_has(t, "Cards together"));
    cJSON_Delete(t);
    /* Passing the gate is remembered for this pair, in either order, and not for another. */
    script = "wait 300\ntype kai\nkey Tab\ntype ROBIN\nkey Return\nwait 300\nkey Return\nwait 300\n"
             "texts $D/pick.json\n";
    char *s = settings_of(dir);
    CHECK(!s || !strstr(s, "couple_pairs\":\t[\""));
    free(s);
    CHECK_INT(at_run(dir, "pass", dir, "wait 300\ntype Robin\nkey Tab\ntype Kai\nkey Return\n"
                                       "wait 300\nkey Return\nwait 300\nkey Return\nwait 300\n", "cards --couple"), 0);
    CHECK_INT(at_run(dir, "again", dir, script, "cards --couple"), 0);
    t = at_texts_of(dir, "pick");
    CHECK(at_texts_contains(t, "please look away"));
    CHECK(!at_texts_has(t, "For two people who feel safe together"));
    cJSON_Delete(t);
}

static void a_flooded_talk_takes_a_break_and_returns_to_the_same_card(void)
{
    const char *dir = at_tmpdir(6);
    const char *script = "wait 300\nkey Return\nkey Return\nwait 300\nkey Return\nwait 300\n"
                         "key 1\nwait 300\nkey Return\nwait 300\nkey 2\nwait 300\n"
                         "texts $D/reveal.json\nkey t\nwait 5000\nkey f\nwait 300\n"
                         "texts $D/break.json\nwait 600000\ntexts $D/half.json\n"
                         "wait 700000\ntexts $D/done.json\nkey Return\nwait 300\n"
                         "texts $D/back.json\n";
    CHECK_INT(at_run(dir, "flood", dir, script, "cards --couple 1"), 0);
    cJSON *t = at_texts_of(dir, "break");
    CHECK(at_texts_has(t, "Take a break: twenty minutes apart"));
    CHECK(at_texts_has(t, "About 20 minutes left"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "half");
    CHECK(at_texts_has(t, "About 10 minutes left"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "done");
    CHECK(at_texts_has(t, "Welcome back"));
    cJSON_Delete(t);
    /* The same card's reveal, as it was. */
    cJSON *r = at_texts_of(dir, "reveal"), *b = at_texts_of(dir, "back");
    const cJSON *it;
    int same = 0, total = 0;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(r, "texts")) {
        total++;
        same += at_texts_has(b, cJSON_GetObjectItemCaseSensitive(it, "text")->valuestring);
    }
    CHECK(total > 5 && same == total);
    cJSON_Delete(r);
    cJSON_Delete(b);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(the_first_start_welcomes_once_on_the_menu);
    RUN(a_first_start_into_a_quick_calm_breathes_first);
    RUN(help_shows_the_chosen_region_first_at_any_size);
    RUN(the_first_cards_come_after_the_safety_note_and_four_moves);
    RUN(a_pair_can_step_out_of_cards_together_to_practise_alone);
    RUN(a_flooded_talk_takes_a_break_and_returns_to_the_same_card);
    return check_report();
}
