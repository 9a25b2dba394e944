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

/* True when the command on the line is `reminders` or `remind` (options may come first). */
bool reminders_command_is(int argc, char **argv);
/* Runs it; returns the exit code (2 on a usage error). */
int reminders_command_run(int argc, char **argv);

#endif
