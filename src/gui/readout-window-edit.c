// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-window"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-call-form.h"
#include "readout-leader-form.h"
#include "readout-merge-window.h"
#include "readout-source-form.h"
#include "readout-statement-form.h"
#include "readout-store-backup.h"
#include "readout-topics-window.h"
#include "readout-window-private.h"

/* The editing part of the window: the actions that open the edit forms, delete with an
 * Undo toast, undo and redo (Ctrl+Z, Ctrl+Shift+Z) and back up the store. Every change
 * goes through one undo stack per store, kept for the session.
 *
 * Actions ("x" takes an id):
 *   win.add-leader, win.edit-leader(x), win.delete-leader(x), win.merge-leader(x),
 *   win.add-call, win.edit-call(x), win.delete-call(x), win.merge-call(x),
 *   win.add-source(x call), win.edit-source(x), win.delete-source(x),
 *   win.add-statement(x source), win.edit-statement(x), win.delete-statement(x),
 *   win.edit-topics, win.undo, win.redo, win.backup */

static void
show_toast (ReadoutWindow *self,
            const char    *plain_title,
            gboolean       with_undo)
{
  /* A toast's title is markup; what it names is the user's text. */
  g_autofree char *escaped = g_markup_escape_text (plain_title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  /* Toasts wait in a queue: one for each undo and redo would pile up and keep the Undo
   * of a newer deletion out of sight. The newest replaces the last at once. */
  if (self->edit_toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->edit_toast), (gpointer *) &self->edit_toast);
      adw_toast_dismiss (self->edit_toast);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  self->edit_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->edit_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The window's panes follow the store's models by themselves; the call detail shows
 * a call object it was given, so give it the stored call again. */
static void
show_call_again (ReadoutWindow *self,
                 gint64         call_id)
{
  g_autoptr(ReadoutCall) call = NULL;

  if (call_id <= 0 || self->store == NULL)
    return;

  call = readout_store_get_call (self->store, call_id, NULL);
  if (call != NULL)
    readout_window_show_call (self, call_id, 0);
}

static void
present_form (ReadoutWindow *self,
              GtkWindow     *form)
{
  gtk_window_set_transient_for (form, GTK_WINDOW (self));
  gtk_window_present (form);
}

/* Leaders */

static void
on_leader_saved_cb (ReadoutLeaderForm *form,
                    ReadoutWindow     *self)
{
  readout_window_select_leader (self, readout_leader_form_get_leader_id (form));
}

static GtkWindow *
open_leader_form (ReadoutWindow *self,
                  gint64         leader_id)
{
  g_autoptr(ReadoutLeader) leader = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutLeaderForm *form;

  if (leader_id != 0 && (leader = readout_store_get_leader (self->store, leader_id, &error)) == NULL)
    {
      _readout_window_show_error (self, _("Could Not Edit the Leader"), error);
      return NULL;
    }

  form = readout_leader_form_new (self->undo_stack, leader);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_leader_saved_cb), self, 0);
  present_form (self, GTK_WINDOW (form));
  return GTK_WINDOW (form);
}

/* Calls */

static void
on_call_saved_cb (ReadoutCallForm *form,
                  ReadoutWindow   *self)
{
  self->last_call_id = readout_call_form_get_call_id (form);
  show_call_again (self, self->last_call_id);
}

static GtkWindow *
open_call_form (ReadoutWindow *self,
                gint64         call_id)
{
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutLeader *leader;
  ReadoutCallForm *form;

  if (call_id != 0 && (call = readout_store_get_call (self->store, call_id, &error)) == NULL)
    {
      _readout_window_show_error (self, _("Could Not Edit the Call"), error);
      return NULL;
    }

  /* A new call starts with the leader whose calls the window lists. */
  leader = readout_calls_pane_get_leader (self->calls_pane);
  form = readout_call_form_new (self->undo_stack, call,
                                call == NULL && leader != NULL ? readout_leader_get_id (leader) : 0);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_call_saved_cb), self, 0);
  present_form (self, GTK_WINDOW (form));
  return GTK_WINDOW (form);
}

/* Sources and statements */

static void
on_part_saved_cb (ReadoutEditForm *form,
                  ReadoutWindow   *self)
{
  gint64 call_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (form), "readout-call-id"));

  self->last_call_id = call_id;
  show_call_again (self, call_id);
}

static void
connect_part_form (ReadoutWindow   *self,
                   ReadoutEditForm *form,
                   gint64           call_id)
{
  /* One-off data on a form window: several may be open, each for its own call. */
  g_object_set_data (G_OBJECT (form), "readout-call-id", GSIZE_TO_POINTER ((gsize) call_id));
  g_signal_connect_object (form, "saved", G_CALLBACK (on_part_saved_cb), self, 0);
  present_form (self, GTK_WINDOW (form));
}

static GtkWindow *
open_source_form (ReadoutWindow *self,
                  gint64         source_id,
                  gint64         call_id)
{
  g_autoptr(ReadoutSource) source = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutSourceForm *form;

  if (source_id != 0)
    {
      source = readout_store_get_source (self->store, source_id, &error);
      if (source == NULL)
        {
          _readout_window_show_error (self, _("Could Not Edit the Source"), error);
          return NULL;
        }
      call_id = readout_source_get_call_id (source);
    }

  form = readout_source_form_new (self->undo_stack, source, call_id);
  connect_part_form (self, READOUT_EDIT_FORM (form), call_id);
  return GTK_WINDOW (form);
}

static GtkWindow *
open_statement_form (ReadoutWindow *self,
                     gint64         statement_id,
                     gint64         source_id)
{
  g_autoptr(ReadoutStatement) statement = NULL;
  g_autoptr(ReadoutSource) source = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutStatementForm *form;
  gint64 call_id;

  if (statement_id != 0)
    statement = readout_store_get_statement (self->store, statement_id, &error);
  else
    source = readout_store_get_source (self->store, source_id, &error);
  if (statement == NULL && source == NULL)
    {
      _readout_window_show_error (self, _("Could Not Edit the Statement"), error);
      return NULL;
    }

  call_id = statement != NULL ? readout_statement_get_call_id (statement) : readout_source_get_call_id (source);
  form = readout_statement_form_new (self->undo_stack, statement, source);
  connect_part_form (self, READOUT_EDIT_FORM (form), call_id);
  return GTK_WINDOW (form);
}

static GtkWindow *
open_topics (ReadoutWindow *self)
{
  ReadoutTopicsWindow *window = readout_topics_window_new (self->undo_stack);

  present_form (self, GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* Merging */

static void
on_merged_cb (ReadoutMergeWindow *window,
              gint64              kept_id,
              ReadoutWindow      *self)
{
  const char *title = g_object_get_data (G_OBJECT (window), "readout-done");

  if (g_object_get_data (G_OBJECT (window), "readout-call") != NULL)
    {
      self->last_call_id = kept_id;
      show_call_again (self, kept_id);
    }
  else
    readout_window_select_leader (self, kept_id);
  show_toast (self, title, TRUE);
}

static GtkWindow *
open_merge (ReadoutWindow *self,
            gboolean       is_call,
            gint64         id)
{
  g_autoptr(GError) error = NULL;
  ReadoutMergeWindow *window;
  char *done;

  window = is_call ? readout_merge_window_new_for_call (self->undo_stack, id, &error)
                   : readout_merge_window_new_for_leader (self->undo_stack, id, &error);
  if (window == NULL)
    {
      _readout_window_show_error (self, is_call ? _("Could Not Merge the Call") : _("Could Not Merge the Leader"), error);
      return NULL;
    }

  if (is_call)
    done = g_strdup (_("Calls merged"));
  else
    {
      g_autoptr(ReadoutLeader) leader = readout_store_get_leader (self->store, id, NULL);

      /* Translators: %s is the name of the leader merged into another */
      done = g_strdup_printf (_("%s merged"), leader != NULL ? readout_leader_get_name (leader) : "");
    }
  /* One-off data on the merge window: what its toast says once it has merged. */
  g_object_set_data_full (G_OBJECT (window), "readout-done", done, g_free);
  g_object_set_data (G_OBJECT (window), "readout-call", GINT_TO_POINTER (is_call));
  g_signal_connect_object (window, "merged", G_CALLBACK (on_merged_cb), self, 0);
  present_form (self, GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* Deleting */

static gint64
call_of_source (ReadoutWindow *self,
                gint64         source_id)
{
  g_autoptr(ReadoutSource) source = readout_store_get_source (self->store, source_id, NULL);

  return source != NULL ? readout_source_get_call_id (source) : 0;
}

static gint64
call_of_statement (ReadoutWindow *self,
                   gint64         statement_id)
{
  g_autoptr(ReadoutStatement) statement = readout_store_get_statement (self->store, statement_id, NULL);

  return statement != NULL ? readout_statement_get_call_id (statement) : 0;
}

static void
delete_object (ReadoutWindow *self,
               const char    *kind,
               gint64         id)
{
  g_autoptr(GError) error = NULL;
  const char *done = NULL;
  gboolean ok = FALSE;
  gint64 call_id = 0;

  if (self->undo_stack == NULL)
    return;

  if (g_str_equal (kind, "leader"))
    {
      g_autoptr(ReadoutLeader) leader = readout_store_get_leader (self->store, id, NULL);
      g_autofree char *name = leader != NULL ? g_strdup (readout_leader_get_name (leader)) : NULL;

      ok = readout_undo_stack_delete_leader (self->undo_stack, id, &error);
      if (ok)
        {
          /* Translators: %s is a leader's name */
          g_autofree char *title = g_strdup_printf (_("%s deleted"), name != NULL ? name : "");
          show_toast (self, title, TRUE);
        }
      else
        _readout_window_show_error (self, _("Could Not Delete the Leader"), error);
      return;
    }
  else if (g_str_equal (kind, "call"))
    {
      ok = readout_undo_stack_delete_call (self->undo_stack, id, &error);
      done = _("Call deleted");
      call_id = id;
    }
  else if (g_str_equal (kind, "source"))
    {
      call_id = call_of_source (self, id);
      ok = readout_undo_stack_delete_source (self->undo_stack, id, &error);
      done = _("Source deleted");
    }
  else if (g_str_equal (kind, "statement"))
    {
      call_id = call_of_statement (self, id);
      ok = readout_undo_stack_delete_statement (self->undo_stack, id, &error);
      done = _("Statement deleted");
    }

  if (!ok)
    {
      if (error != NULL)
        _readout_window_show_error (self, _("Could Not Delete"), error);
      return;
    }

  self->last_call_id = call_id;
  if (!g_str_equal (kind, "call"))
    show_call_again (self, call_id);
  show_toast (self, done, TRUE);
}

/* Undo and redo */

static void
undo_or_redo (ReadoutWindow *self,
              gboolean       redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  gboolean ok;

  if (self->undo_stack == NULL ||
      !(redo ? readout_undo_stack_can_redo (self->undo_stack) : readout_undo_stack_can_undo (self->undo_stack)))
    return;

  label = g_strdup (redo ? readout_undo_stack_get_redo_label (self->undo_stack)
                         : readout_undo_stack_get_undo_label (self->undo_stack));
  ok = redo ? readout_undo_stack_redo (self->undo_stack, &error)
            : readout_undo_stack_undo (self->undo_stack, &error);
  if (!ok)
    {
      _readout_window_show_error (self, redo ? _("Could Not Redo") : _("Could Not Undo"), error);
      return;
    }

  show_call_again (self, self->last_call_id);
  title = redo
    /* Translators: %s says what was redone, "Delete Call" */
    ? g_strdup_printf (_("Redone: %s"), label)
    /* Translators: %s says what was undone, "Delete Call" */
    : g_strdup_printf (_("Undone: %s"), label);
  show_toast (self, title, FALSE);
}

/* Backup */

static gboolean
window_is_gone (ReadoutWindow *self)
{
  return gtk_widget_in_destruction (GTK_WIDGET (self)) || self->toast_overlay == NULL;
}

static void
on_backup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ReadoutWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_steal_pointer (&self->backup_name);
  g_autofree char *title = NULL;

  if (!readout_store_backup_finish (READOUT_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !window_is_gone (self))
        _readout_window_show_error (self, _("Could Not Back Up the Store"), error);
      return;
    }

  if (window_is_gone (self))
    return;
  /* Translators: %s is the name of the backup file */
  title = g_strdup_printf (_("Store backed up to “%s”"), name != NULL ? name : "");
  show_toast (self, title, FALSE);
}

static void
back_up_to (ReadoutWindow *self,
            GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (self->store == NULL || path == NULL)
    return;

  g_free (self->backup_name);
  self->backup_name = g_path_get_basename (path);
  show_toast (self, _("Backing up the store…"), FALSE);
  /* The copy reads through its own connection: the window keeps working meanwhile. */
  readout_store_backup_async (self->store, path, self->cancellable, on_backup_done_cb, g_object_ref (self));
}

static void
on_backup_chooser_response_cb (GtkNativeDialog *dialog,
                               int              response,
                               ReadoutWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        back_up_to (self, file);
    }
  g_clear_object (&self->backup_chooser);
}

static void
start_backup (ReadoutWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  if (self->backup_chooser != NULL)
    {
      gtk_native_dialog_show (self->backup_chooser);
      return;
    }

  /* Translators: the suggested name of a backup file; %s is today's date */
  name = g_strdup_printf (_("readout-backup-%s.db"), date);
  self->backup_chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Back Up Store"),
                                                                         GTK_WINDOW (self),
                                                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                         _("_Back Up"),
                                                                         _("_Cancel")));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->backup_chooser), name);
  gtk_native_dialog_set_modal (self->backup_chooser, TRUE);
  g_signal_connect (self->backup_chooser, "response", G_CALLBACK (on_backup_chooser_response_cb), self);
  gtk_native_dialog_show (self->backup_chooser);
}

/* Actions */

static gint64
target_id (GVariant *parameter)
{
  return parameter != NULL ? g_variant_get_int64 (parameter) : 0;
}

#define EDIT_ACTION(name, body) \
  static void \
  name (GtkWidget *widget, const char *action_name, GVariant *parameter) \
  { \
    ReadoutWindow *self = READOUT_WINDOW (widget); \
    if (self->undo_stack == NULL) \
      return; \
    body; \
  }

EDIT_ACTION (add_leader_activated, open_leader_form (self, 0))
EDIT_ACTION (edit_leader_activated, open_leader_form (self, target_id (parameter)))
EDIT_ACTION (delete_leader_activated, delete_object (self, "leader", target_id (parameter)))
EDIT_ACTION (merge_leader_activated, open_merge (self, FALSE, target_id (parameter)))
EDIT_ACTION (merge_call_activated, open_merge (self, TRUE, target_id (parameter)))
EDIT_ACTION (add_call_activated, open_call_form (self, 0))
EDIT_ACTION (edit_call_activated, open_call_form (self, target_id (parameter)))
EDIT_ACTION (delete_call_activated, delete_object (self, "call", target_id (parameter)))
EDIT_ACTION (add_source_activated, open_source_form (self, 0, target_id (parameter)))
EDIT_ACTION (edit_source_activated, open_source_form (self, target_id (parameter), 0))
EDIT_ACTION (delete_source_activated, delete_object (self, "source", target_id (parameter)))
EDIT_ACTION (add_statement_activated, open_statement_form (self, 0, target_id (parameter)))
EDIT_ACTION (edit_statement_activated, open_statement_form (self, target_id (parameter), 0))
EDIT_ACTION (delete_statement_activated, delete_object (self, "statement", target_id (parameter)))
EDIT_ACTION (edit_topics_activated, open_topics (self))
EDIT_ACTION (undo_activated, undo_or_redo (self, FALSE))
EDIT_ACTION (redo_activated, undo_or_redo (self, TRUE))
EDIT_ACTION (backup_activated, start_backup (self))

static const struct {
  const char          *name;
  const char          *parameter_type;
  GtkWidgetActionActivateFunc activate;
} edit_actions[] = {
  { "win.add-leader", NULL, add_leader_activated },
  { "win.edit-leader", "x", edit_leader_activated },
  { "win.delete-leader", "x", delete_leader_activated },
  { "win.merge-leader", "x", merge_leader_activated },
  { "win.merge-call", "x", merge_call_activated },
  { "win.add-call", NULL, add_call_activated },
  { "win.edit-call", "x", edit_call_activated },
  { "win.delete-call", "x", delete_call_activated },
  { "win.add-source", "x", add_source_activated },
  { "win.edit-source", "x", edit_source_activated },
  { "win.delete-source", "x", delete_source_activated },
  { "win.add-statement", "x", add_statement_activated },
  { "win.edit-statement", "x", edit_statement_activated },
  { "win.delete-statement", "x", delete_statement_activated },
  { "win.edit-topics", NULL, edit_topics_activated },
  { "win.undo", NULL, undo_activated },
  { "win.redo", NULL, redo_activated },
  { "win.backup", NULL, backup_activated },
};

/* Installed by readout-window-import.c; they file into the store too. */
static const char *const import_actions[] = {
  "win.import", "win.paste-import", "win.import-address", "win.feeds",
};

static void
update_actions (ReadoutWindow *self)
{
  gboolean writable = self->store != NULL && !readout_store_is_read_only (self->store);

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    {
      const char *name = edit_actions[i].name;
      gboolean enabled = writable;

      if (g_str_equal (name, "win.undo"))
        enabled = writable && readout_undo_stack_can_undo (self->undo_stack);
      else if (g_str_equal (name, "win.redo"))
        enabled = writable && readout_undo_stack_can_redo (self->undo_stack);
      else if (g_str_equal (name, "win.backup"))
        enabled = self->store != NULL;

      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
    }
  /* Without a store an import starts the user's own (readout-window-import.c). */
  for (guint i = 0; i < G_N_ELEMENTS (import_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), import_actions[i], self->store == NULL || writable);
}

GtkWindow *
_readout_window_edit_open_topics (ReadoutWindow *self)
{
  if (self->undo_stack == NULL)
    return NULL;
  return open_topics (self);
}

static void
on_undo_state_changed_cb (ReadoutWindow *self)
{
  update_actions (self);
}

void
_readout_window_edit_set_store (ReadoutWindow *self,
                                ReadoutStore  *store)
{
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->undo_stack, on_undo_state_changed_cb, self);
  g_clear_object (&self->undo_stack);
  self->last_call_id = 0;

  /* The changes of a session are those made to this store; another store starts afresh. */
  if (store != NULL)
    {
      self->undo_stack = readout_undo_stack_new (store);
      g_signal_connect_swapped (self->undo_stack, "notify::can-undo", G_CALLBACK (on_undo_state_changed_cb), self);
      g_signal_connect_swapped (self->undo_stack, "notify::can-redo", G_CALLBACK (on_undo_state_changed_cb), self);
    }

  update_actions (self);
}

void
_readout_window_edit_dispose (ReadoutWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  if (self->edit_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->edit_toast), (gpointer *) &self->edit_toast);
  self->edit_toast = NULL;
  if (self->backup_chooser != NULL)
    gtk_native_dialog_destroy (self->backup_chooser);
  g_clear_object (&self->backup_chooser);
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->undo_stack, on_undo_state_changed_cb, self);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->backup_name, g_free);
}

void
_readout_window_edit_init (ReadoutWindow *self)
{
  self->cancellable = g_cancellable_new ();
  update_actions (self);
}

void
_readout_window_class_edit_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_class_install_action (widget_class, edit_actions[i].name, edit_actions[i].parameter_type,
                                     edit_actions[i].activate);

  /* Bubbling, not application accelerators: an entry with focus undoes its own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}
