// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-web-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-feeds-window.h"
#include "readout-import-actions.h"
#include "readout-store-feeds.h"
#include "readout-web-actions.h"
#include "readout-web-fetch.h"

gboolean
readout_web_actions_show_imported (ReadoutWindow *window,
                                   const char    *url)
{
  ReadoutStore *store = readout_window_get_store (window);
  gint64 call_id = 0;

  if (store == NULL || readout_store_find_source_by_url (store, url, &call_id, NULL) == 0)
    return FALSE;
  readout_window_add_toast (window, adw_toast_new (_("This page was imported before; here is its call.")));
  readout_window_show_call (window, call_id, 0);
  return TRUE;
}

static void
on_address_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        ReadoutWindow    *window)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "import"))
    return;
  if (!readout_web_check_address (url, &error))
    readout_window_add_toast (window, adw_toast_new (error->message));
  else
    readout_import_actions_import_url (window, url);
}

static void
on_address_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "import", readout_web_is_address (url));
}

static void
import_address_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  ReadoutWindow *window = user_data;
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                                         _("Import from a Web Address"),
                                                                         _("Readout downloads the page and shows what it "
                                                                           "found in it before anything is filed.")));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "import", FALSE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_address_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_address_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
feeds_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ReadoutWindow *window = user_data;
  ReadoutStore *store = readout_window_get_store (window);

  if (store == NULL)
    {
      readout_window_add_toast (window, adw_toast_new (_("Open a store first: the feeds are kept in it.")));
      return;
    }
  gtk_window_present (GTK_WINDOW (readout_feeds_window_new (GTK_WINDOW (window), store)));
}

static const GActionEntry web_actions[] = {
  { .name = "import-address", .activate = import_address_activated },
  { .name = "feeds", .activate = feeds_activated },
};

void
readout_web_actions_install (ReadoutWindow *window)
{
  g_return_if_fail (READOUT_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (window), web_actions, G_N_ELEMENTS (web_actions), window);
}
