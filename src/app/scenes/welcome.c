/* The first-start welcome: not therapy, where help is, your data stays here. Shown once, over
 * the menu (menu.c asks for it), never before a quick calm; Help can show it again. */
#include <stdio.h>

#include "app.h"
#include "scenes.h"
#include "userdata.h"

static void welcome_done(App *a, void *ctx, int choice)
{
    (void)ctx;
    a->data.settings.welcomed = true;
    userdata_save_settings(a);
    if (choice == 1) breathe_quick_push(a);
}

void welcome_push(App *a)
{
    const Resources *r = &a->content.res;
    char body[1600];
    snprintf(body, sizeof body,
             "%s\n\nHelp is always one key away: F1 (or ?) shows crisis and abuse lines for "
             "where you live, and the keys.%s%s",
             r->notice ? r->notice : "", r->privacy ? "\n\n" : "", r->privacy ? r->privacy : "");
    static const char *const labels[2] = {"Begin", "Quick calm now"};
    notice_push_choice(a, "Welcome to Attune", body, labels, 2, 1, welcome_done, NULL);
}
