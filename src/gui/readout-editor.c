// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-call-form.h"
#include "readout-editor.h"
#include "readout-leader-form.h"
#include "readout-merge-window.h"
#include "readout-source-form.h"
#include "readout-statement-form.h"
#include "readout-store-backup.h"
#include "readout-topics-window.h"
#include "readout-window.h"

struct _ReadoutEditor
{
  GObject           parent_instance;

  /* Not owned: the window owns the editor. */
  GtkWindow        *window;
  AdwToastOverlay  *toast_overlay;
  /* The editor's toast on show (a weak pointer): the next one takes its place. */
  AdwToast         *toast;

  ReadoutStore     *store;
  ReadoutUndoStack *undo_stack;
  gint64            leader_id;
  /* The call a change was about, to show it again after an undo or redo. */
  gint64            last_call_id;
  GtkNativeDialog  *backup_chooser;
  char             *backup_name;
  GCancellable     *cancellable;
  guint             open_form_idle;
};

G_DEFINE_FINAL_TYPE (ReadoutEditor, readout_editor, G_TYPE_OBJECT)

static void
show_toast (ReadoutEditor *self,
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
  if (self->toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
      adw_toast_dismiss (self->toast);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  self->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (ReadoutEditor *self,
            const char    *heading,
            const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (self->window, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window's panes follow the store's models by themselves; the call detail shows
 * a call object it was given, so give it the stored call again. */
static void
show_call_again (ReadoutEditor *self,
                 gint64         call_id)
{
  g_autoptr(ReadoutCall) call = NULL;

  if (call_id <= 0 || self->store == NULL || !READOUT_IS_WINDOW (self->window))
    return;

  call = readout_store_get_call (self->store, call_id, NULL);
  if (call != NULL)
    readout_window_show_call (READOUT_WINDOW (self->window), call_id, 0);
}

static void
present_form (ReadoutEditor *self,
              GtkWindow     *form)
{
  gtk_window_set_transient_for (form, self->window);
  gtk_window_present (form);
}

/* Leaders */

static void
on_leader_saved_cb (ReadoutLeaderForm *form,
                    ReadoutEditor     *self)
{
  if (READOUT_IS_WINDOW (self->window))
    readout_window_select_leader (READOUT_WINDOW (self->window), readout_leader_form_get_leader_id (form));
}

static GtkWindow *
open_leader_form (ReadoutEditor *self,
                  gint64         leader_id)
{
  g_autoptr(ReadoutLeader) leader = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutLeaderForm *form;

  if (leader_id != 0 && (leader = readout_store_get_leader (self->store, leader_id, &error)) == NULL)
    {
      show_error (self, _("Could Not Edit the Leader"), error);
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
                  ReadoutEditor   *self)
{
  self->last_call_id = readout_call_form_get_call_id (form);
  show_call_again (self, self->last_call_id);
}

static GtkWindow *
open_call_form (ReadoutEditor *self,
                gint64         call_id)
{
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutCallForm *form;

  if (call_id != 0 && (call = readout_store_get_call (self->store, call_id, &error)) == NULL)
    {
      show_error (self, _("Could Not Edit the Call"), error);
      return NULL;
    }

  form = readout_call_form_new (self->undo_stack, call, call == NULL ? self->leader_id : 0);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_call_saved_cb), self, 0);
  present_form (self, GTK_WINDOW (form));
  return GTK_WINDOW (form);
}

/* Sources and statements */

static void
on_part_saved_cb (ReadoutEditForm *form,
                  ReadoutEditor   *self)
{
  gint64 call_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (form), "readout-call-id"));

  self->last_call_id = call_id;
  show_call_again (self, call_id);
}

static void
connect_part_form (ReadoutEditor   *self,
                   ReadoutEditForm *form,
                   gint64           call_id)
{
  g_object_set_data (G_OBJECT (form), "readout-call-id", GSIZE_TO_POINTER ((gsize) call_id));
  g_signal_connect_object (form, "saved", G_CALLBACK (on_part_saved_cb), self, 0);
  present_form (self, GTK_WINDOW (form));
}

static GtkWindow *
open_source_form (ReadoutEditor *self,
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
          show_error (self, _("Could Not Edit the Source"), error);
          return NULL;
        }
      call_id = readout_source_get_call_id (source);
    }

  form = readout_source_form_new (self->undo_stack, source, call_id);
  connect_part_form (self, READOUT_EDIT_FORM (form), call_id);
  return GTK_WINDOW (form);
}

static GtkWindow *
open_statement_form (ReadoutEditor *self,
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
      show_error (self, _("Could Not Edit the Statement"), error);
      return NULL;
    }

  call_id = statement != NULL ? readout_statement_get_call_id (statement) : readout_source_get_call_id (source);
  form = readout_statement_form_new (self->undo_stack, statement, source);
  connect_part_form (self, READOUT_EDIT_FORM (form), call_id);
  return GTK_WINDOW (form);
}

static GtkWindow *
open_topics (ReadoutEditor *self)
{
  ReadoutTopicsWindow *window = readout_topics_window_new (self->undo_stack);

  present_form (self, GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* Merging */

static void
on_merged_cb (ReadoutMergeWindow *window,
              gint64              kept_id,
              ReadoutEditor      *self)
{
  const char *title = g_object_get_data (G_OBJECT (window), "readout-done");

  if (g_object_get_data (G_OBJECT (window), "readout-call") != NULL)
    {
      self->last_call_id = kept_id;
      show_call_again (self, kept_id);
    }
  else if (READOUT_IS_WINDOW (self->window))
    readout_window_select_leader (READOUT_WINDOW (self->window), kept_id);
  show_toast (self, title, TRUE);
}

static GtkWindow *
open_merge (ReadoutEditor *self,
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
      show_error (self, is_call ? _("Could Not Merge the Call") : _("Could Not Merge the Leader"), error);
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
  g_object_set_data_full (G_OBJECT (window), "readout-done", done, g_free);
  g_object_set_data (G_OBJECT (window), "readout-call", GINT_TO_POINTER (is_call));
  g_signal_connect_object (window, "merged", G_CALLBACK (on_merged_cb), self, 0);
  present_form (self, GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* Deleting */

static gint64
call_of_source (ReadoutEditor *self,
                gint64         source_id)
{
  g_autoptr(ReadoutSource) source = readout_store_get_source (self->store, source_id, NULL);

  return source != NULL ? readout_source_get_call_id (source) : 0;
}

static gint64
call_of_statement (ReadoutEditor *self,
                   gint64         statement_id)
{
  g_autoptr(ReadoutStatement) statement = readout_store_get_statement (self->store, statement_id, NULL);

  return statement != NULL ? readout_statement_get_call_id (statement) : 0;
}

static void
delete_object (ReadoutEditor *self,
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
        show_error (self, _("Could Not Delete the Leader"), error);
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
        show_error (self, _("Could Not Delete"), error);
      return;
    }

  self->last_call_id = call_id;
  if (!g_str_equal (kind, "call"))
    show_call_again (self, call_id);
  show_toast (self, done, TRUE);
}

/* Undo and redo */

static void
undo_or_redo (ReadoutEditor *self,
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
      show_error (self, redo ? _("Could Not Redo") : _("Could Not Undo"), error);
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

static void
on_backup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ReadoutEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_steal_pointer (&self->backup_name);
  g_autofree char *title = NULL;

  if (!readout_store_backup_finish (READOUT_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->window != NULL)
        show_error (self, _("Could Not Back Up the Store"), error);
      return;
    }

  if (self->toast_overlay == NULL)
    return;
  /* Translators: %s is the name of the backup file */
  title = g_strdup_printf (_("Store backed up to “%s”"), name != NULL ? name : "");
  show_toast (self, title, FALSE);
}

void
readout_editor_back_up_to (ReadoutEditor *self,
                           GFile         *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (READOUT_IS_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
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
                               ReadoutEditor   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        readout_editor_back_up_to (self, file);
    }
  g_clear_object (&self->backup_chooser);
}

static void
start_backup (ReadoutEditor *self)
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
                                                                         self->window,
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

#define EDITOR_ACTION(name, body) \
  static void \
  name (GSimpleAction *action, GVariant *parameter, gpointer user_data) \
  { \
    ReadoutEditor *self = user_data; \
    if (self->undo_stack == NULL) \
      return; \
    body; \
  }

EDITOR_ACTION (add_leader_activated, open_leader_form (self, 0))
EDITOR_ACTION (edit_leader_activated, open_leader_form (self, target_id (parameter)))
EDITOR_ACTION (delete_leader_activated, delete_object (self, "leader", target_id (parameter)))
EDITOR_ACTION (merge_leader_activated, open_merge (self, FALSE, target_id (parameter)))
EDITOR_ACTION (merge_call_activated, open_merge (self, TRUE, target_id (parameter)))
EDITOR_ACTION (add_call_activated, open_call_form (self, 0))
EDITOR_ACTION (edit_call_activated, open_call_form (self, target_id (parameter)))
EDITOR_ACTION (delete_call_activated, delete_object (self, "call", target_id (parameter)))
EDITOR_ACTION (add_source_activated, open_source_form (self, 0, target_id (parameter)))
EDITOR_ACTION (edit_source_activated, open_source_form (self, target_id (parameter), 0))
EDITOR_ACTION (delete_source_activated, delete_object (self, "source", target_id (parameter)))
EDITOR_ACTION (add_statement_activated, open_statement_form (self, 0, target_id (parameter)))
EDITOR_ACTION (edit_statement_activated, open_statement_form (self, target_id (parameter), 0))
EDITOR_ACTION (delete_statement_activated, delete_object (self, "statement", target_id (parameter)))
EDITOR_ACTION (edit_topics_activated, open_topics (self))
EDITOR_ACTION (undo_activated, undo_or_redo (self, FALSE))
EDITOR_ACTION (redo_activated, undo_or_redo (self, TRUE))
EDITOR_ACTION (backup_activated, start_backup (self))

static const GActionEntry editor_actions[] = {
  { .name = "add-leader", .activate = add_leader_activated },
  { .name = "edit-leader", .activate = edit_leader_activated, .parameter_type = "x" },
  { .name = "delete-leader", .activate = delete_leader_activated, .parameter_type = "x" },
  { .name = "merge-leader", .activate = merge_leader_activated, .parameter_type = "x" },
  { .name = "merge-call", .activate = merge_call_activated, .parameter_type = "x" },
  { .name = "add-call", .activate = add_call_activated },
  { .name = "edit-call", .activate = edit_call_activated, .parameter_type = "x" },
  { .name = "delete-call", .activate = delete_call_activated, .parameter_type = "x" },
  { .name = "add-source", .activate = add_source_activated, .parameter_type = "x" },
  { .name = "edit-source", .activate = edit_source_activated, .parameter_type = "x" },
  { .name = "delete-source", .activate = delete_source_activated, .parameter_type = "x" },
  { .name = "add-statement", .activate = add_statement_activated, .parameter_type = "x" },
  { .name = "edit-statement", .activate = edit_statement_activated, .parameter_type = "x" },
  { .name = "delete-statement", .activate = delete_statement_activated, .parameter_type = "x" },
  { .name = "edit-topics", .activate = edit_topics_activated },
  { .name = "undo", .activate = undo_activated },
  { .name = "redo", .activate = redo_activated },
  { .name = "backup", .activate = backup_activated },
};

static void
update_actions (ReadoutEditor *self)
{
  gboolean writable = self->store != NULL && !readout_store_is_read_only (self->store);

  if (self->window == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (editor_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->window), editor_actions[i].name);
      gboolean enabled = writable;

      if (g_str_equal (editor_actions[i].name, "undo"))
        enabled = writable && readout_undo_stack_can_undo (self->undo_stack);
      else if (g_str_equal (editor_actions[i].name, "redo"))
        enabled = writable && readout_undo_stack_can_redo (self->undo_stack);
      else if (g_str_equal (editor_actions[i].name, "backup"))
        enabled = self->store != NULL;

      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
}

/* Open forms for READOUT_OPEN_FORM once the window has shown the store. */
static gboolean
open_form_from_environment_cb (gpointer user_data)
{
  ReadoutEditor *self = user_data;

  self->open_form_idle = 0;
  readout_editor_open_form (self, g_getenv ("READOUT_OPEN_FORM"));
  return G_SOURCE_REMOVE;
}

GtkWindow *
readout_editor_open_form (ReadoutEditor *self,
                          const char    *description)
{
  g_auto(GStrv) parts = NULL;
  const char *what;
  gint64 id;

  g_return_val_if_fail (READOUT_IS_EDITOR (self), NULL);

  if (description == NULL || self->undo_stack == NULL)
    return NULL;

  parts = g_strsplit (description, ":", 2);
  what = parts[0];
  id = parts[1] != NULL ? g_ascii_strtoll (parts[1], NULL, 10) : 0;

  if (g_str_equal (what, "leader") || g_str_equal (what, "new-leader"))
    return open_leader_form (self, id);
  if (g_str_equal (what, "call") || g_str_equal (what, "new-call"))
    return open_call_form (self, id);
  if (g_str_equal (what, "source"))
    return open_source_form (self, id, 0);
  if (g_str_equal (what, "new-source"))
    return open_source_form (self, 0, id);
  if (g_str_equal (what, "statement"))
    return open_statement_form (self, id, 0);
  if (g_str_equal (what, "new-statement"))
    return open_statement_form (self, 0, id);
  if (g_str_equal (what, "topics"))
    return open_topics (self);
  if (g_str_equal (what, "merge-leader") || g_str_equal (what, "merge-call"))
    return open_merge (self, g_str_equal (what, "merge-call"), id);
  if (g_str_equal (what, "topic"))
    {
      GtkWindow *topics = open_topics (self);
      return readout_topics_window_edit_topic (READOUT_TOPICS_WINDOW (topics), (guint) id);
    }

  g_warning ("Unknown form “%s”", description);
  return NULL;
}

static void
on_undo_state_changed_cb (ReadoutEditor *self)
{
  update_actions (self);
}

void
readout_editor_set_store (ReadoutEditor *self,
                          ReadoutStore  *store)
{
  g_return_if_fail (READOUT_IS_EDITOR (self));
  g_return_if_fail (store == NULL || READOUT_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->undo_stack, on_undo_state_changed_cb, self);
  g_clear_object (&self->undo_stack);
  g_set_object (&self->store, store);
  self->leader_id = 0;
  self->last_call_id = 0;

  /* The changes of a session are those made to this store; another store starts afresh. */
  if (store != NULL)
    {
      self->undo_stack = readout_undo_stack_new (store);
      g_signal_connect_swapped (self->undo_stack, "notify::can-undo", G_CALLBACK (on_undo_state_changed_cb), self);
      g_signal_connect_swapped (self->undo_stack, "notify::can-redo", G_CALLBACK (on_undo_state_changed_cb), self);

      if (g_getenv ("READOUT_OPEN_FORM") != NULL && self->open_form_idle == 0)
        self->open_form_idle = g_idle_add (open_form_from_environment_cb, self);
    }

  update_actions (self);
}

ReadoutUndoStack *
readout_editor_get_undo_stack (ReadoutEditor *self)
{
  g_return_val_if_fail (READOUT_IS_EDITOR (self), NULL);

  return self->undo_stack;
}

void
readout_editor_set_leader (ReadoutEditor *self,
                           gint64         leader_id)
{
  g_return_if_fail (READOUT_IS_EDITOR (self));

  self->leader_id = leader_id;
}

static void
readout_editor_dispose (GObject *object)
{
  ReadoutEditor *self = READOUT_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->open_form_idle, g_source_remove);
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast = NULL;
  if (self->backup_chooser != NULL)
    gtk_native_dialog_destroy (self->backup_chooser);
  g_clear_object (&self->backup_chooser);
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->undo_stack, on_undo_state_changed_cb, self);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->backup_name, g_free);
  self->window = NULL;
  self->toast_overlay = NULL;

  G_OBJECT_CLASS (readout_editor_parent_class)->dispose (object);
}

static void
readout_editor_class_init (ReadoutEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = readout_editor_dispose;
}

static void
readout_editor_init (ReadoutEditor *self)
{
  self->cancellable = g_cancellable_new ();
}

ReadoutEditor *
readout_editor_new (GtkWindow       *window,
                    AdwToastOverlay *toast_overlay)
{
  ReadoutEditor *self;
  GtkEventController *shortcuts;

  g_return_val_if_fail (GTK_IS_WINDOW (window) && G_IS_ACTION_MAP (window), NULL);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toast_overlay), NULL);

  self = g_object_new (READOUT_TYPE_EDITOR, NULL);
  self->window = window;
  self->toast_overlay = toast_overlay;

  g_action_map_add_action_entries (G_ACTION_MAP (window), editor_actions, G_N_ELEMENTS (editor_actions), self);

  /* Bubbling, not application accelerators: an entry with focus undoes its own typing first. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_BUBBLE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                          gtk_named_action_new ("win.undo")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>z"),
                                                          gtk_named_action_new ("win.redo")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);

  update_actions (self);
  return self;
}
