// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-application"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-application.h"
#include "readout-db.h"
#include "readout-db-location.h"
#include "readout-release-notes-module.h"
#include "readout-search-provider.h"
#include "readout-window.h"

struct _ReadoutApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  ReadoutSearchProvider *search_provider;
};

G_DEFINE_FINAL_TYPE (ReadoutApplication, readout_application, ADW_TYPE_APPLICATION)

GSettings *
readout_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* One schema for both profiles: it is named after the base id. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE);

#ifdef READOUT_BUILD_SCHEMA_DIR
  if (schema == NULL)
    {
      g_autoptr(GSettingsSchemaSource) build_source =
        g_settings_schema_source_new_from_directory (READOUT_BUILD_SCHEMA_DIR, source, FALSE, NULL);

      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, BASE_APPLICATION_ID, TRUE);
    }
#endif

  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed; nothing will be remembered",
                 BASE_APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static ReadoutWindow *
get_active_window (ReadoutApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return READOUT_IS_WINDOW (window) ? READOUT_WINDOW (window) : NULL;
}

static ReadoutWindow *
create_window (ReadoutApplication *self)
{
  return readout_window_new (GTK_APPLICATION (self), self->settings);
}

static void
readout_application_activate (GApplication *app)
{
  ReadoutApplication *self = READOUT_APPLICATION (app);
  ReadoutWindow *window = get_active_window (self);

  if (window == NULL)
    {
      window = create_window (self);
      readout_window_open_last (window);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static int
readout_application_command_line (GApplication            *app,
                                  GApplicationCommandLine *command_line)
{
  ReadoutApplication *self = READOUT_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *database = NULL;
  g_autofree char **files = NULL;
  g_autofree char **imports = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *location = NULL;
  gboolean sample = FALSE;
  gboolean new_window = FALSE;
  gboolean compare = FALSE;
  gint64 call_id = 0;
  ReadoutWindow *window;

  g_variant_dict_lookup (options, "sample", "b", &sample);
  g_variant_dict_lookup (options, "new-window", "b", &new_window);
  g_variant_dict_lookup (options, "call", "x", &call_id);
  g_variant_dict_lookup (options, "compare", "b", &compare);
  g_variant_dict_lookup (options, "database", "^ay", &database);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "import", "^a&ay", &imports);

  if (database != NULL && files != NULL && files[0] != NULL)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("Give the store either with --database or as a file, not both."));
      return EXIT_FAILURE;
    }
  if (files != NULL && files[0] != NULL && files[1] != NULL)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("Readout opens one store at a time; give a single file."));
      return EXIT_FAILURE;
    }

  /* A team store's location is no file name: it reaches the store as given. */
  if (database != NULL && readout_db_location_is_postgresql (database))
    location = g_strdup (database);
  else if (database != NULL)
    file = g_application_command_line_create_file_for_arg (command_line, database);
  else if (files != NULL && files[0] != NULL)
    file = g_application_command_line_create_file_for_arg (command_line, files[0]);

  window = get_active_window (self);

  /* Opening something else in a window that already shows a store would drop the
   * user's place; a second window keeps both. */
  if (window == NULL || new_window ||
      ((file != NULL || location != NULL || sample) && readout_window_get_store (window) != NULL))
    window = create_window (self);
  /* Shown before the store opens, so that a store that cannot be opened gets its error
   * dialog above the window rather than under it. */
  gtk_window_present (GTK_WINDOW (window));

  if (sample)
    readout_window_open_sample (window);
  else if (file != NULL || location != NULL)
    {
      if (location == NULL)
        location = g_file_get_path (file);
      /* The window says why in a dialog. Nothing named on the command line goes
       * anywhere else: an import filed into the default store instead would be lost
       * to the user who asked for this one. */
      if (!readout_window_open_path (window, location))
        {
          g_autofree char *name = file != NULL ? g_file_get_parse_name (file)
                                               : readout_db_location_dup_display_name (location);

          g_application_command_line_printerr (command_line,
                                               _("Could not open the store “%s”; nothing was imported or shown."),
                                               name);
          g_application_command_line_printerr (command_line, "\n");
          return EXIT_FAILURE;
        }
    }
  else if (readout_window_get_store (window) == NULL)
    {
      ReadoutWindow *active = get_active_window (self);

      if (active != NULL && active != window && readout_window_get_store (active) != NULL)
        readout_window_set_store (window, readout_window_get_store (active));
      else
        readout_window_open_last (window);
    }

  if (call_id != 0 && readout_window_get_store (window) != NULL &&
      readout_window_show_call (window, call_id, 0) && compare)
    readout_window_show_view (window, "compare");

  if (imports != NULL && imports[0] != NULL)
    {
      g_autoptr(GListStore) import_files = g_list_store_new (G_TYPE_FILE);

      for (guint i = 0; imports[i] != NULL; i++)
        {
          g_autoptr(GFile) import_file = g_application_command_line_create_file_for_arg (command_line, imports[i]);

          g_list_store_append (import_files, import_file);
        }
      readout_window_import_files (window, G_LIST_MODEL (import_files));
    }

  return EXIT_SUCCESS;
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  ReadoutApplication *self = user_data;
  ReadoutWindow *active = get_active_window (self);
  ReadoutWindow *window = create_window (self);

  if (active != NULL && readout_window_get_store (active) != NULL)
    readout_window_set_store (window, readout_window_get_store (active));
  else
    readout_window_open_last (window);

  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing each window saves its size and place, as the close button would. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (app);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ReadoutApplication *self = user_data;
  static const char *developers[] = { "The Readout authors", NULL };
  g_autoptr(GBytes) metainfo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;
  GtkWidget *about;

  /* Version and release notes come from the metainfo, so they are written once. */
  metainfo = g_resources_lookup_data ("/io/github/readout/Readout/metainfo.xml",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (metainfo == NULL ||
      !readout_release_notes_read (g_bytes_get_data (metainfo, NULL), (gssize) g_bytes_get_size (metainfo),
                                   g_get_language_names (), &version, &notes, &error))
    {
      /* The dialog still opens, with the version the build was given and no notes. */
      if (error != NULL)
        g_warning ("No release notes: %s", error->message);
      version = g_strdup (PACKAGE_VERSION);
    }

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Readout"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Readout authors"),
                        "version", version,
                        "release-notes-version", version,
                        "release-notes", notes,
                        "comments", _("Compare what each government said about a call between leaders."),
                        "website", "https://github.com/readout/readout",
                        "issue-url", "https://github.com/readout/readout/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { .name = "new-window", .activate = new_window_activated },
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
};

static void
readout_application_startup (GApplication *app)
{
  ReadoutApplication *self = READOUT_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control><Shift>n", NULL };
  static const char *new_store_accels[] = { "<Control>n", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *export_pdf_accels[] = { "<Control>e", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };
  static const char *import_address_accels[] = { "<Control>l", NULL };

  G_APPLICATION_CLASS (readout_application_parent_class)->startup (app);

  self->settings = readout_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-store", new_store_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open", open_accels);
  /* GtkWindow's own action, for every window: the import, merge and topics windows too. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export-pdf", export_pdf_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import-address", import_address_accels);
}

static void
readout_application_dispose (GObject *object)
{
  ReadoutApplication *self = READOUT_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->search_provider);

  G_OBJECT_CLASS (readout_application_parent_class)->dispose (object);
}

/* GNOME Shell's search: the provider lives on the app's own bus name, at
 * APP_OBJECT_PATH/SearchProvider (data/APP_ID.search-provider.ini.in). */
static ReadoutWindow *
present_window (ReadoutApplication *self)
{
  ReadoutWindow *window = get_active_window (self);

  if (window == NULL)
    {
      window = create_window (self);
      readout_window_open_last (window);
    }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
on_search_activate_call_cb (ReadoutApplication *self,
                            gint64              call_id)
{
  readout_window_show_call (present_window (self), call_id, 0);
}

static void
on_search_launch_cb (ReadoutApplication  *self,
                     const char * const  *terms)
{
  g_autofree char *query = g_strjoinv (" ", (char **) terms);

  readout_window_search (present_window (self), query);
}

static gboolean
readout_application_dbus_register (GApplication     *app,
                                   GDBusConnection  *connection,
                                   const char       *object_path,
                                   GError          **error)
{
  ReadoutApplication *self = READOUT_APPLICATION (app);
  g_autofree char *store_path = readout_store_dup_default_path ();
  g_autofree char *path = g_strconcat (object_path, READOUT_SEARCH_PROVIDER_PATH_SUFFIX, NULL);

  if (!G_APPLICATION_CLASS (readout_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;
  /* Started by the Shell to search, stay a while for the next keystroke's search. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 20000);
  self->search_provider = readout_search_provider_new (store_path);
  g_signal_connect_swapped (self->search_provider, "activate-call", G_CALLBACK (on_search_activate_call_cb), self);
  g_signal_connect_swapped (self->search_provider, "launch-search", G_CALLBACK (on_search_launch_cb), self);
  return readout_search_provider_export (self->search_provider, connection, path, error);
}

static void
readout_application_dbus_unregister (GApplication    *app,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  ReadoutApplication *self = READOUT_APPLICATION (app);

  if (self->search_provider != NULL)
    readout_search_provider_unexport (self->search_provider);
  g_clear_object (&self->search_provider);
  G_APPLICATION_CLASS (readout_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
readout_application_class_init (ReadoutApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = readout_application_dispose;

  app_class->startup = readout_application_startup;
  app_class->activate = readout_application_activate;
  app_class->command_line = readout_application_command_line;
  app_class->dbus_register = readout_application_dbus_register;
  app_class->dbus_unregister = readout_application_dbus_unregister;
}

static void
readout_application_init (ReadoutApplication *self)
{
  static const GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the sample data"), NULL },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the store FILE, or the team store at a PostgreSQL location (postgresql://user@host/database)"), N_("FILE") },
    { "new-window", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open a new window"), NULL },
    { "import", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      N_("Review the article or readout FILE for import (may be repeated)"), N_("FILE") },
    { "call", 0, 0, G_OPTION_ARG_INT64, NULL,
      N_("Show the call with this number (as readout-cli list-calls gives it)"), N_("ID") },
    { "compare", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --call, show what its two sides said side by side"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      NULL, N_("[FILE]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Compare what each government said about a call between leaders."));
}

ReadoutApplication *
readout_application_new (void)
{
  return g_object_new (READOUT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       /* The .Devel profile shares the resources and help overlay. */
                       "resource-base-path", "/io/github/readout/Readout",
                       NULL);
}

GSettings *
readout_application_get_settings (ReadoutApplication *self)
{
  g_return_val_if_fail (READOUT_IS_APPLICATION (self), NULL);

  return self->settings;
}
