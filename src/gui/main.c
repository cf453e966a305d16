// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "readout-application.h"
#include "readout-startup-time.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ReadoutApplication) app = NULL;

  readout_startup_time_mark ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = readout_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
