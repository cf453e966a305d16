// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "readout-feeds-window.h"
/* Before the import window's header, which uses the type without including it. */
#include "readout-undo-stack.h"
#include "readout-import-window.h"
#include "readout-store-feeds.h"
#include "readout-web-fetch.h"
#include "readout-window-private.h"

/* The ways into an import: win.import (a file chooser for several files), win.paste-import
 * (the clipboard's text or files), win.import-address (a page's address), files or text
 * dropped onto the window, and win.feeds (the Followed Feeds window). Each opens a
 * ReadoutImportWindow; after filing, the window shows a toast and the call. */

static void
add_toast (ReadoutWindow *window,
           const char    *title)
{
  _readout_window_add_toast (window, adw_toast_new (title));
}

/* Dropping or pasting an article on the welcome page starts the user's own store
 * rather than asking for one first. */
static ReadoutStore *
ensure_store (ReadoutWindow *window)
{
  if (window->store == NULL)
    {
      g_autofree char *path = readout_store_dup_default_path ();

      readout_window_open_path (window, path);
    }
  return window->store;
}

/* When a source of the window's store has @url, shows its call with a toast saying so and
 * returns TRUE: a page imported before is not downloaded again. */
static gboolean
show_imported (ReadoutWindow *window,
               const char    *url)
{
  ReadoutStore *store = window->store;
  gint64 call_id = 0;

  if (store == NULL || readout_store_find_source_by_url (store, url, &call_id, NULL) == 0)
    return FALSE;
  _readout_window_add_toast (window, adw_toast_new (_("This page was imported before; here is its call.")));
  readout_window_show_call (window, call_id, 0);
  return TRUE;
}

static void
on_imported_cb (ReadoutImportWindow *import_window,
                gint64               call_id,
                guint                n_sources,
                guint                n_statements,
                ReadoutWindow       *window)
{
  g_autofree char *message = readout_import_window_describe_result (n_sources, n_statements);
  ReadoutUndoStack *stack = window->undo_stack;
  AdwToast *toast = adw_toast_new (message);

  /* The import is one step to undo, as its toast offers. */
  if (stack != NULL && n_sources > 0)
    {
      readout_import_window_push_undo (import_window, stack);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  _readout_window_add_toast (window, toast);
  if (call_id > 0)
    readout_window_show_call (window, call_id, 0);
}

static ReadoutImportWindow *
open_import_window (ReadoutWindow *window)
{
  ReadoutStore *store = ensure_store (window);
  ReadoutImportWindow *import_window;

  if (store == NULL)
    return NULL;
  /* A drop or --import reaches here without the disabled actions. */
  if (readout_store_is_read_only (store))
    {
      add_toast (window, _("This store cannot be changed, so nothing can be imported into it."));
      return NULL;
    }

  import_window = readout_import_window_new (GTK_WINDOW (window), store);
  g_signal_connect_object (import_window, "imported", G_CALLBACK (on_imported_cb), window, 0);
  gtk_window_present (GTK_WINDOW (import_window));
  return import_window;
}

GtkWindow *
readout_window_import_files (ReadoutWindow *window,
                             GListModel    *files)
{
  ReadoutImportWindow *import_window;

  g_return_val_if_fail (READOUT_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  if (g_list_model_get_n_items (files) == 0 || (import_window = open_import_window (window)) == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *uri = g_file_get_uri (file);

      /* A link dragged from a browser arrives as a file with an http address. */
      if (g_file_has_uri_scheme (file, "http") || g_file_has_uri_scheme (file, "https"))
        readout_import_window_add_url (import_window, uri);
      else
        readout_import_window_add_file (import_window, file);
    }
  return GTK_WINDOW (import_window);
}

GtkWindow *
readout_window_import_text (ReadoutWindow *window,
                            const char    *text)
{
  ReadoutImportWindow *import_window;

  g_return_val_if_fail (READOUT_IS_WINDOW (window), NULL);

  if (text == NULL || *text == '\0')
    {
      add_toast (window, _("There is no text to import."));
      return NULL;
    }
  /* A pasted or dropped address is the page it names, not a text to read. */
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (text));

    if (readout_web_is_address (trimmed) && strpbrk (trimmed, " \t\n") == NULL)
      return readout_window_import_url (window, trimmed);
  }
  if ((import_window = open_import_window (window)) == NULL)
    return NULL;
  readout_import_window_add_text (import_window, text, NULL);
  return GTK_WINDOW (import_window);
}

GtkWindow *
readout_window_import_url (ReadoutWindow *window,
                           const char    *url)
{
  ReadoutImportWindow *import_window;

  g_return_val_if_fail (READOUT_IS_WINDOW (window), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  if (show_imported (window, url) || (import_window = open_import_window (window)) == NULL)
    return NULL;
  readout_import_window_add_url (import_window, url);
  return GTK_WINDOW (import_window);
}

static GListModel *
list_from_slist (GSList *files)
{
  GListStore *store = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = files; l != NULL; l = l->next)
    g_list_store_append (store, l->data);
  return G_LIST_MODEL (store);
}

/* Import… */

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ReadoutWindow   *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      readout_window_import_files (window, files);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&window->import_chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *first_mime_type,
            ...)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, first_mime_type);
  for (const char *type = first_mime_type; type != NULL; type = va_arg (args, const char *))
    {
      /* Suffixes too: the portal may not know a Markdown file's type. */
      if (*type == '.')
        gtk_file_filter_add_suffix (filter, type + 1);
      else
        gtk_file_filter_add_mime_type (filter, type);
    }
  va_end (args);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReadoutWindow *window = READOUT_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (window->import_chooser != NULL)
    {
      gtk_native_dialog_show (window->import_chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Import Articles and Readouts"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Texts, Markdown and Web Pages"),
              "text/plain", "text/markdown", "text/html", ".txt", ".md", ".markdown", ".html", ".htm", NULL);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Plain Text"), "text/plain", ".txt", NULL);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Markdown"), "text/markdown", ".md", ".markdown", NULL);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Web Pages (HTML)"), "text/html", ".html", ".htm", NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), window, 0);
  /* The window keeps the chooser until it answers. */
  window->import_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Paste */

static void
on_clipboard_files_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ReadoutWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), result, &error);

  if (value == NULL)
    add_toast (window, _("The clipboard could not be read."));
  else
    {
      g_autoptr(GListModel) files = list_from_slist (g_value_get_boxed (value));

      readout_window_import_files (window, files);
    }
}

static void
on_clipboard_text_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ReadoutWindow) window = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text == NULL || *g_strstrip (text) == '\0')
    add_toast (window, _("The clipboard holds no text to import."));
  else
    readout_window_import_text (window, text);
}

static void
paste_import_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ReadoutWindow *window = READOUT_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                    on_clipboard_files_cb, g_object_ref (window));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text_cb, g_object_ref (window));
}

/* Drop */

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            ReadoutWindow *window)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      g_autoptr(GListModel) files = list_from_slist (g_value_get_boxed (value));

      return readout_window_import_files (window, files) != NULL;
    }
  if (G_VALUE_HOLDS_STRING (value))
    return readout_window_import_text (window, g_value_get_string (value)) != NULL;
  return FALSE;
}

/* From the web */

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
    _readout_window_add_toast (window, adw_toast_new (error->message));
  else
    readout_window_import_url (window, url);
}

static void
on_address_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "import", readout_web_is_address (url));
}

static void
import_address_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ReadoutWindow *window = READOUT_WINDOW (widget);
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
feeds_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ReadoutWindow *window = READOUT_WINDOW (widget);
  ReadoutStore *store = window->store;

  if (store == NULL)
    {
      _readout_window_add_toast (window, adw_toast_new (_("Open a store first: the feeds are kept in it.")));
      return;
    }
  gtk_window_present (GTK_WINDOW (readout_feeds_window_new (GTK_WINDOW (window), store)));
}

void
_readout_window_import_init (ReadoutWindow *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_readout_window_import_dispose (ReadoutWindow *self)
{
  if (self->import_chooser != NULL)
    gtk_native_dialog_destroy (self->import_chooser);
  g_clear_object (&self->import_chooser);
}

void
_readout_window_class_import_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.paste-import", NULL, paste_import_activated);
  gtk_widget_class_install_action (widget_class, "win.import-address", NULL, import_address_activated);
  gtk_widget_class_install_action (widget_class, "win.feeds", NULL, feeds_activated);

  /* Bubbling up from the focus: a text entry pastes into itself first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste-import", NULL);
}
