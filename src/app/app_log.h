/* Logging for the app: lines on stderr, "attune: ..." */
#ifndef ATTUNE_APP_LOG_H
#define ATTUNE_APP_LOG_H

#include "attune/diag.h"

/* Logs a line to stderr with the program name (printf format). */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
void app_log(const char *fmt, ...);
/* Logs each message of d as a line (app_log). */
void app_log_diag(const AtDiag *d);
/* With ATTUNE_TRACE_STARTUP set, logs the time from process start to now (wall and CPU). */
void app_log_first_frame(void);
/* The same for a stage of start-up ("fonts open"), to see where the time goes. */
void app_log_stage(const char *what);

#endif
