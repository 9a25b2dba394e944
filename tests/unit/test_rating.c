/* The check-in rules: an after answer stands for the next before for two minutes; a short
 * unfinished practice asks nothing after; a couple is never asked the personal question. */
#include "attune/rating.h"
#include "check.h"

static void a_recent_after_answer_is_the_next_before(void)
{
    RatingMemory m = {0};
    CHECK_INT(rating_reused_before(&m, 1000), RATING_NONE);
    rating_remember_after(&m, 3, 50000);
    CHECK_INT(rating_reused_before(&m, 50000), 3);
    CHECK_INT(rating_reused_before(&m, 50000 + RATING_REUSE_MS - 1), 3);
    CHECK_INT(rating_reused_before(&m, 50000 + RATING_REUSE_MS), RATING_NONE);
    CHECK(!rating_ask_before(true, false, 3));
    CHECK(rating_ask_before(true, false, RATING_NONE));
}

static void a_skipped_after_answer_is_not_reused(void)
{
    RatingMemory m = {0};
    rating_remember_after(&m, 7, 1000);
    rating_remember_after(&m, RATING_NONE, 2000);
    CHECK_INT(rating_reused_before(&m, 2500), RATING_NONE);
    /* An answer at the clock's first instant still counts. */
    rating_remember_after(&m, 0, 0);
    CHECK_INT(rating_reused_before(&m, 10), 0);
}

static void the_after_question_needs_twenty_seconds_or_the_end(void)
{
    CHECK(!rating_ask_after(true, false, false, RATING_AFTER_MIN_MS - 1));
    CHECK(rating_ask_after(true, false, false, RATING_AFTER_MIN_MS));
    CHECK(rating_ask_after(true, false, true, 1000));
    CHECK(!rating_ask_after(false, false, true, 600000));
}

static void a_couple_is_never_asked_and_ratings_stay_in_range(void)
{
    CHECK(!rating_ask_before(true, true, RATING_NONE));
    CHECK(!rating_ask_after(true, true, true, 600000));
    CHECK_INT(rating_valid(0), 0);
    CHECK_INT(rating_valid(10), 10);
    CHECK_INT(rating_valid(11), RATING_NONE);
    CHECK_INT(rating_valid(-3), RATING_NONE);
}

static void a_quick_calm_asks_only_afterwards_unless_the_setting_asks_before(void)
{
    CHECK(!rating_before_wanted(true, RATING_QUICK_CALM_ID, false));
    CHECK(rating_before_wanted(true, RATING_QUICK_CALM_ID, true));
    CHECK(rating_before_wanted(true, "box", false));
    CHECK(rating_before_wanted(true, NULL, false));
    CHECK(rating_before_wanted(false, RATING_QUICK_CALM_ID, false)); /* only the breathing one */
}

int main(void)
{
    RUN(a_quick_calm_asks_only_afterwards_unless_the_setting_asks_before);
    RUN(a_recent_after_answer_is_the_next_before);
    RUN(a_skipped_after_answer_is_not_reused);
    RUN(the_after_question_needs_twenty_seconds_or_the_end);
    RUN(a_couple_is_never_asked_and_ratings_stay_in_range);
    return check_report();
}
