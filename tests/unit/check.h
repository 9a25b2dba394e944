/* A tiny test harness: CHECK-style assertions that report file:line and keep going, and a
 * closing line "N passed, N failed" that ctest and CI read. */
#ifndef ATTUNE_CHECK_H
#define ATTUNE_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        if (cond) check_passed++;                                                      \
        else {                                                                         \
            check_failed++;                                                            \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);  \
        }                                                                              \
    } while (0)

#define CHECK_INT(a, b)                                                                \
    do {                                                                               \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                \
        if (check_a_ == check_b_) check_passed++;                                      \
        else {                                                                         \
            check_failed++;                                                            \
            fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n", __FILE__,      \
                    __LINE__, #a, check_a_, #b, check_b_);                             \
        }                                                                              \
    } while (0)

#define CHECK_NEAR(a, b, eps)                                                          \
    do {                                                                               \
        double check_a_ = (a), check_b_ = (b);                                         \
        if (fabs(check_a_ - check_b_) <= (eps)) check_passed++;                        \
        else {                                                                         \
            check_failed++;                                                            \
            fprintf(stderr, "%s:%d: %s == %.6f, expected %.6f\n", __FILE__, __LINE__,  \
                    #a, check_a_, check_b_);                                           \
        }                                                                              \
    } while (0)

#define CHECK_STR(a, b)                                                                \
    do {                                                                               \
        const char *check_a_ = (a), *check_b_ = (b);                                   \
        if (check_a_ && check_b_ && strcmp(check_a_, check_b_) == 0) check_passed++;   \
        else {                                                                         \
            check_failed++;                                                            \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__,        \
                    __LINE__, #a, check_a_ ? check_a_ : "(null)",                      \
                    check_b_ ? check_b_ : "(null)");                                   \
        }                                                                              \
    } while (0)

/* True if haystack contains needle. */
#define CHECK_CONTAINS(hay, needle)                                                    \
    do {                                                                               \
        const char *check_h_ = (hay);                                                  \
        if (check_h_ && strstr(check_h_, (needle))) check_passed++;                    \
        else {                                                                         \
            check_failed++;                                                            \
            fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", __FILE__,       \
                    __LINE__, check_h_ ? check_h_ : "(null)", (needle));               \
        }                                                                              \
    } while (0)

#define RUN(test)                                                                      \
    do {                                                                               \
        int check_before_ = check_failed;                                              \
        test();                                                                        \
        if (check_failed != check_before_) fprintf(stderr, "  in %s\n", #test);        \
    } while (0)

static inline int check_report(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
