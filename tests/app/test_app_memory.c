/* Coming back to it, end to end: a card kept as a favourite is in the Favourites deck, the
 * random deck deals a card from any level, meeting a card again says quietly what was chosen
 * last time, an empty Favourites deck says how to add one (and offers a card), and Progress
 * shows the week in words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apptest.h"
#include "check.h"

#define NOW "--now 2026-11-25T10:00"

static bool has_button(const cJSON *texts, const char *name)
{
    const cJSON *t;
    cJSON_ArrayForEach(t, cJSON_GetObjectItemCaseSensitive(texts, "texts")) {
        const cJSON *role = cJSON_GetObjectItemCaseSensitive(t, "role");
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(t, "text");
        if (cJSON_IsString(role) && cJSON_IsString(text) && !strcmp(text->valuestring, name))
            return true;
    }
    return false;
}

static int count_of(const char *s, const char *needle)
{
    int n = 0;
    for (const char *p = s ? strstr(s, needle) : NULL; p; p = strstr(p + 1, needle)) n++;
    return n;
}

static void a_favourite_comes_back_with_what_was_chosen(void)
{
    const char *dir = at_tmpdir(0);
    /* A card of the first level: answer it, keep it, leave; then the Favourites deck (the last
     * row of the picker) deals it again and the reveal remembers; then a random card. S skips
     * a level's skill where a card has one. */
    const char *script =
        "wait 300\nkey s\nwait 300\ntexts $D/first.json\n"
        "key 1\nwait 300\ntexts $D/reveal1.json\n"
        "key k\nwait 300\ntexts $D/kept.json\n"
        "key Escape\nwait 300\nkey End\nwait 300\ntexts $D/picker.json\n"
        "key Return\nwait 300\nkey s\nwait 300\ntexts $D/fav.json\n"
        "key 2\nwait 300\ntexts $D/reveal2.json\n"
        "key Escape\nwait 300\nkey Up\nwait 300\ntexts $D/random_row.json\n"
        "key Return\nwait 300\nkey s\nwait 300\ntexts $D/random.json\n"
        "key 1\nwait 300\nkey Escape\nwait 300\n";
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "fav", dir, script, "cards notice " NOW), 0);

    cJSON *t = at_texts_of(dir, "first");
    CHECK(at_texts_contains(t, "Card 1 of 5"));
    cJSON_Delete(t);

    /* The first time: nothing to remember yet, and a way to keep the card. */
    t = at_texts_of(dir, "reveal1");
    CHECK(at_texts_has(t, "Your choice"));
    CHECK(!at_texts_contains(t, "Last time you chose"));
    CHECK(has_button(t, "Keep as a favourite"));
    CHECK(at_texts_contains(t, "K favourite"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "kept");
    CHECK(has_button(t, "Remove from favourites"));
    CHECK(!has_button(t, "Keep as a favourite"));
    cJSON_Delete(t);

    t = at_texts_of(dir, "picker");
    CHECK(has_button(t, "Random card"));
    CHECK(has_button(t, "Favourites"));
    CHECK(at_texts_has(t, "1 card kept"));
    cJSON_Delete(t);

    /* The Favourites deck deals the kept card, and its reveal says what was chosen before. */
    t = at_texts_of(dir, "fav");
    CHECK(at_texts_contains(t, "Favourites \u00b7 Card 1 of 1 \u00b7 Notice"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "reveal2");
    CHECK(at_texts_contains(t, "Last time you chose"));
    CHECK(has_button(t, "Remove from favourites"));
    cJSON_Delete(t);

    t = at_texts_of(dir, "random_row");
    CHECK(at_texts_contains(t, "One card from any level"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "random");
    CHECK(at_texts_contains(t, "Random card \u00b7 Card 1 of 1 \u00b7 "));
    cJSON_Delete(t);

    /* Kept with the rest of the practice data: three choices, one favourite, three rounds. */
    char path[600];
    snprintf(path, sizeof path, "%s/practice.jsonl", dir);
    char *log = at_read_file(path);
    CHECK_INT(count_of(log, "\"kind\":\"choice\""), 3);
    CHECK_INT(count_of(log, "\"kind\":\"favourite\",\"level\":\"notice\""), 1);
    CHECK_INT(count_of(log, "\"on\":true"), 1);
    CHECK_INT(count_of(log, "\"kind\":\"cards\""), 3);
    CHECK_INT(count_of(log, "\"content\":\"favourites\""), 1);
    CHECK_INT(count_of(log, "\"content\":\"random\""), 1);
    free(log);

    /* Unmarked, it leaves the deck: the reveal's button takes it back out. */
    script = "wait 300\nkey End\nkey Return\nwait 300\nkey s\nwait 300\nkey 1\nwait 300\n"
             "key k\nwait 300\ntexts $D/unkept.json\nkey Escape\nwait 300\ntexts $D/picker2.json\n";
    CHECK_INT(at_run(dir, "unfav", dir, script, "cards " NOW), 0);
    t = at_texts_of(dir, "unkept");
    CHECK(has_button(t, "Keep as a favourite"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "picker2");
    CHECK(at_texts_has(t, "None yet"));
    cJSON_Delete(t);
}

static void an_empty_favourites_deck_says_how_and_offers_a_card(void)
{
    const char *dir = at_tmpdir(1);
    const char *script = "wait 300\nkey End\nwait 300\ntexts $D/row.json\nkey Return\nwait 300\n"
                         "texts $D/empty.json\nkey Return\nwait 300\nkey s\nwait 300\n"
                         "texts $D/random.json\n";
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "empty", dir, script, "cards " NOW), 0);
    cJSON *t = at_texts_of(dir, "row");
    CHECK(at_texts_has(t, "None yet"));
    CHECK(at_texts_contains(t, "Keep as a favourite"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "empty");
    CHECK(at_texts_has(t, "No favourites yet"));
    CHECK(has_button(t, "Try a random card"));
    CHECK(has_button(t, "Back"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "random");
    CHECK(at_texts_contains(t, "Random card \u00b7 Card 1 of 1"));
    cJSON_Delete(t);
}

static void progress_shows_the_week_in_words(void)
{
    const char *dir = at_tmpdir(2);
    char path[600];
    snprintf(path, sizeof path, "%s/practice.jsonl", dir);
    /* Monday 3:59 is still last week; Monday 4:00 on is this one. */
    const char *log =
        "{\"id\":\"a1\",\"date\":\"2026-11-23\",\"time\":\"03:59:00\",\"utc_offset_min\":0,"
        "\"kind\":\"grounding\",\"duration_ms\":600000,\"completed\":true}\n"
        "{\"id\":\"a2\",\"date\":\"2026-11-23\",\"time\":\"08:00:00\",\"utc_offset_min\":0,"
        "\"kind\":\"breathing\",\"content\":\"box\",\"duration_ms\":180000,\"completed\":true,"
        "\"before\":7,\"after\":4}\n"
        "{\"id\":\"a3\",\"date\":\"2026-11-24\",\"time\":\"19:00:00\",\"utc_offset_min\":0,"
        "\"kind\":\"cards\",\"content\":\"notice\",\"duration_ms\":300000,\"completed\":true,"
        "\"before\":6,\"after\":5}\n";
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(log, f);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/notes.jsonl", dir);
    f = fopen(path, "w");
    if (f) {
        fputs("{\"date\":\"2026-11-20\",\"exercise\":\"stop\",\"step\":2,\"text\":\"last week\"}\n"
              "{\"date\":\"2026-11-24\",\"exercise\":\"five-senses\",\"step\":3,\"text\":\"the kettle\"}\n",
              f);
        fclose(f);
    }
    at_checkins_off(dir);
    const char *script = "wait 300\ntexts $D/progress.json\nkey w\nwait 300\ntexts $D/week.json\n"
                         "key Return\nwait 300\ntexts $D/back.json\n";
    CHECK_INT(at_run(dir, "week", dir, script, "progress " NOW), 0);
    cJSON *t = at_texts_of(dir, "progress");
    CHECK(has_button(t, "Your week"));
    CHECK(at_texts_contains(t, "W your week"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "week");
    CHECK(at_texts_has(t, "Your week"));
    CHECK(at_texts_contains(t, "Since Monday 23 November."));
    CHECK(at_texts_contains(t, "You practised on 2 days: 1 breathing break and 1 round of cards, "
                               "8 minutes in all."));
    CHECK(at_texts_contains(t, "After practice you felt calmer than before, on average."));
    CHECK(at_texts_contains(t, "Something you wrote: \u201cthe kettle\u201d"));
    CHECK(!at_texts_contains(t, "last week"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "back");
    CHECK(at_texts_has(t, "Progress"));
    CHECK(!at_texts_has(t, "Your week") || has_button(t, "Your week"));
    cJSON_Delete(t);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(a_favourite_comes_back_with_what_was_chosen);
    RUN(an_empty_favourites_deck_says_how_and_offers_a_card);
    RUN(progress_shows_the_week_in_words);
    return check_report();
}
