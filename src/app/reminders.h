/* `attune reminders on|off|status` and `attune remind`: gentle reminders through the desktop's
 * own mechanisms (a systemd user timer, a freedesktop notification), never a resident daemon.
 * The rules are in the core (attune/remind.h); this file writes the unit files, talks to
 * systemctl and notify-send, and prints.
 *
 * Two environment variables exist for tests only: ATTUNE_SYSTEMCTL (the systemctl command to
 * run, e.g. "false" for "no user session") and ATTUNE_NOTIFY_SEND (the notify-send command). */
#ifndef ATTUNE_REMINDERS_H
#define ATTUNE_REMINDERS_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "attune/remind.h"

/* True when the command on the line is `reminders` or `remind` (options may come first). */
bool reminders_command_is(int argc, char **argv);
/* Runs it; returns the exit code (2 on a usage error). */
int reminders_command_run(int argc, char **argv);

/* The plan `reminders on` wrote (and its data folder, "" for the default), or false when
 * reminders are off. */
bool reminders_read(RemindPlan *p, char *data_dir, size_t n);
/* Writes and enables the timer and service for plan p (data_dir NULL: the default folder).
 * *running: a user session answered and the timer runs now; otherwise it starts with the next
 * login session. False with a message in err. */
bool reminders_write(const RemindPlan *p, const char *data_dir, bool *running, char *err,
                     size_t n);
/* Disables and removes everything reminders_write wrote; *existed says if there was any. */
bool reminders_remove(bool *existed, char *err, size_t n);
/* True if notify-send can be found. */
bool reminders_can_notify(void);

/* The Reminders screen (scenes/reminders.c), from Settings. */
void reminders_push(App *a);

#endif
