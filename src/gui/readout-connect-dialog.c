// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-connect-dialog.h"
#include "readout-db-location.h"
#include "readout-team-password.h"

struct _ReadoutConnectDialog
{
  AdwWindow     parent_instance;

  GSettings    *settings;
  GtkEditable  *host_row;
  GtkEditable  *port_row;
  GtkEditable  *dbname_row;
  GtkEditable  *user_row;
  GtkEditable  *password_row;
  GtkLabel     *error_label;
  GtkWidget    *connect_button;
  GtkWidget    *form;
  GCancellable *cancellable;
  char         *location;   /* the location being connected to */
};

G_DEFINE_FINAL_TYPE (ReadoutConnectDialog, readout_connect_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (ReadoutConnectDialog *self,
            const char           *message)
{
  /* libpq adds hints on further lines ("Is the server running…"); the first says what failed. */
  g_autofree char *first = g_strndup (message, strcspn (message, "\n"));

  gtk_label_set_text (self->error_label, g_strchomp (first));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
set_busy (ReadoutConnectDialog *self,
          gboolean              busy)
{
  gtk_widget_set_sensitive (self->form, !busy);
  gtk_widget_set_sensitive (self->connect_button, !busy);
}

static char *
dup_field (GtkEditable *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (row)));
}

/* The location the fields give, or NULL with @error set to what is missing. */
static char *
build_location (ReadoutConnectDialog  *self,
                GError               **error)
{
  g_autofree char *host = dup_field (self->host_row);
  g_autofree char *port = dup_field (self->port_row);
  g_autofree char *dbname = dup_field (self->dbname_row);
  g_autofree char *user = dup_field (self->user_row);
  gint64 number;

  if (*dbname == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Give the name of the team store’s database."));
      return NULL;
    }
  if (*port != '\0' && !g_ascii_string_to_signed (port, 10, 1, 65535, &number, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The port is a number from 1 to 65535, or empty for the usual one."));
      return NULL;
    }
  return readout_db_location_build (host, port, dbname, user);
}

static void
open_in_thread (GTask        *task,
                gpointer      source,
                gpointer      location,
                GCancellable *cancellable)
{
  GError *error = NULL;
  ReadoutStore *store = readout_store_open (location, &error);

  if (store != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadoutConnectDialog *self = READOUT_CONNECT_DIALOG (source);
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *password;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (store == NULL)
    {
      show_error (self, error->message);
      return;
    }
  password = gtk_editable_get_text (self->password_row);
  if (*password != '\0')
    readout_team_password_save (self->location, password);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "team-store", self->location);
  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0, store);
  gtk_window_close (GTK_WINDOW (self));
}

void
readout_connect_dialog_connect (ReadoutConnectDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *location = NULL;

  g_return_if_fail (READOUT_IS_CONNECT_DIALOG (self));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  location = build_location (self, &error);
  if (location == NULL || !readout_db_location_check (location, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_free (self->location);
  self->location = g_steal_pointer (&location);
  /* Empty: whatever ~/.pgpass or the keyring has. */
  readout_team_password_remember (self->location, gtk_editable_get_text (self->password_row));

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_opened_cb, NULL);
  g_task_set_task_data (task, g_strdup (self->location), g_free);
  g_task_run_in_thread (task, (GTaskThreadFunc) open_in_thread);
}

const char *
readout_connect_dialog_get_error (ReadoutConnectDialog *self)
{
  g_return_val_if_fail (READOUT_IS_CONNECT_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

static void
fill_from_settings (ReadoutConnectDialog *self)
{
  g_autofree char *location = self->settings != NULL ? g_settings_get_string (self->settings, "team-store") : NULL;
  static const char *const keywords[] = { "host", "port", "dbname", "user" };
  GtkEditable *rows[] = { self->host_row, self->port_row, self->dbname_row, self->user_row };

  if (location == NULL || *location == '\0')
    return;
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    {
      g_autofree char *value = readout_db_location_dup_part (location, keywords[i]);

      gtk_editable_set_text (rows[i], value != NULL ? value : "");
    }
}

ReadoutConnectDialog *
readout_connect_dialog_new (GtkWindow *parent,
                            GSettings *settings)
{
  ReadoutConnectDialog *self = g_object_new (READOUT_TYPE_CONNECT_DIALOG,
                                             "transient-for", parent,
                                             "modal", TRUE,
                                             NULL);

  g_set_object (&self->settings, settings);
  fill_from_settings (self);
  return self;
}

static void
readout_connect_dialog_dispose (GObject *object)
{
  ReadoutConnectDialog *self = READOUT_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->location, g_free);

  G_OBJECT_CLASS (readout_connect_dialog_parent_class)->dispose (object);
}

static void
readout_connect_dialog_class_init (ReadoutConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = readout_connect_dialog_dispose;

  signals[SIGNAL_CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, READOUT_TYPE_STORE);

  readout_team_password_install ();
}

static GtkEditable *
add_row (AdwPreferencesGroup *group,
         GtkWidget           *row,
         const char          *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return GTK_EDITABLE (row);
}

static GtkWidget *
build_header (ReadoutConnectDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->connect_button = gtk_button_new_with_mnemonic (_("C_onnect"));
  gtk_widget_add_css_class (self->connect_button, "suggested-action");
  g_signal_connect_swapped (self->connect_button, "clicked", G_CALLBACK (readout_connect_dialog_connect), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->connect_button);
  return header;
}

static void
readout_connect_dialog_init (ReadoutConnectDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Connect to Team Store"));
  gtk_window_set_default_size (GTK_WINDOW (self), 420, -1);
  gtk_box_append (GTK_BOX (box), build_header (self));

  adw_preferences_group_set_description (group, _("A Readout store on a PostgreSQL server, shared by a team. "
                                                  "The password is kept in the keyring."));
  self->host_row = add_row (group, adw_entry_row_new (), _("Server"));
  self->port_row = add_row (group, adw_entry_row_new (), _("Port"));
  self->dbname_row = add_row (group, adw_entry_row_new (), _("Database"));
  self->user_row = add_row (group, adw_entry_row_new (), _("User"));
  self->password_row = add_row (group, adw_password_entry_row_new (), _("Password"));
  g_signal_connect_swapped (self->password_row, "entry-activated", G_CALLBACK (readout_connect_dialog_connect), self);
  self->form = GTK_WIDGET (group);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (group));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
}
