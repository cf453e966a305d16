// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define READOUT_TYPE_APPLICATION (readout_application_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutApplication, readout_application, READOUT, APPLICATION, AdwApplication)

ReadoutApplication *readout_application_new            (void);
/* The app's settings, or NULL when the schema is installed nowhere (an uninstalled
 * build without data/); the app then runs with defaults and remembers nothing. */
GSettings          *readout_application_get_settings   (ReadoutApplication *self);

/* Looks the schema up in the system, then beside an uninstalled build. */
GSettings          *readout_settings_new               (void);

G_END_DECLS
