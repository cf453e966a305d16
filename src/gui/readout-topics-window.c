// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-topics-window"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-topic-form.h"
#include "readout-topics-window.h"

struct _ReadoutTopicsWindow
{
  AdwWindow         parent_instance;

  AdwToastOverlay  *toast_overlay;
  GtkListBox       *list_box;
  GtkWidget        *add_button;
  GtkWidget        *content;
  GtkWidget        *progress_box;
  GtkProgressBar   *progress_bar;

  ReadoutUndoStack *undo_stack;
  GListModel       *topics;
  char             *deleting;    /* the name of the topic being deleted, for its toast */
};

G_DEFINE_FINAL_TYPE (ReadoutTopicsWindow, readout_topics_window, ADW_TYPE_WINDOW)

static char *
describe_keywords (ReadoutTopic *topic)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) languages = readout_topic_dup_languages (topic);

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      const char * const *keywords = readout_topic_get_keywords (topic, languages[i]);
      g_autofree char *joined = NULL;

      if (keywords == NULL || keywords[0] == NULL)
        continue;
      joined = g_strjoinv (", ", (char **) keywords);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a language code and the keywords in it, "en: syria, syrian" */
      g_string_append_printf (text, _("%s: %s"), languages[i], joined);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWindow *
open_form (ReadoutTopicsWindow *self,
           ReadoutTopic        *topic)
{
  ReadoutTopicForm *form = readout_topic_form_new (self->undo_stack, topic);

  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (form));
  return GTK_WINDOW (form);
}

/* The listed topic with @id, or NULL: a row's buttons name their topic by id. */
static ReadoutTopic *
dup_listed_topic (ReadoutTopicsWindow *self,
                  gint64               id)
{
  for (guint i = 0; self->topics != NULL && i < g_list_model_get_n_items (self->topics); i++)
    {
      g_autoptr(ReadoutTopic) topic = g_list_model_get_item (self->topics, i);

      if (readout_topic_get_id (topic) == id)
        return g_steal_pointer (&topic);
    }
  return NULL;
}

static void
show_error_toast (ReadoutTopicsWindow *self,
                  const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_toast_undo_cb (AdwToast            *toast,
                  ReadoutTopicsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!readout_undo_stack_undo (self->undo_stack, &error))
    show_error_toast (self, error->message);
}

static void
on_topic_deleted_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ReadoutTopicsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  const char *name = self->deleting;
  AdwToast *toast;

  /* A failure was shown by on_topic_change_failed_cb(). */
  if (!readout_undo_stack_topic_change_finish (READOUT_UNDO_STACK (source), result, &error) ||
      self->undo_stack == NULL)
    return;

  /* A toast's title is markup: the topic's name is the user's text. */
  escaped = g_markup_escape_text (name != NULL ? name : "", -1);
  /* Translators: %s is the name of a topic */
  toast = adw_toast_new_format (_("Topic “%s” deleted"), escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_undo_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The statements are re-tagged in the background: the list waits meanwhile. */
static gboolean
delete_topic (ReadoutTopicsWindow *self,
              ReadoutTopic        *topic)
{
  if (readout_undo_stack_get_busy (self->undo_stack))
    return FALSE;
  g_free (self->deleting);
  self->deleting = g_strdup (readout_topic_get_name (topic));
  readout_undo_stack_delete_topic_async (self->undo_stack, readout_topic_get_id (topic),
                                         on_topic_deleted_cb, g_object_ref (self));
  return TRUE;
}

static void
on_busy_changed_cb (ReadoutTopicsWindow *self)
{
  gboolean busy = readout_undo_stack_get_busy (self->undo_stack);
  double fraction = readout_undo_stack_get_retag_fraction (self->undo_stack);

  gtk_widget_set_visible (self->progress_box, busy);
  gtk_widget_set_sensitive (self->content, !busy);
  gtk_widget_set_sensitive (self->add_button, !busy);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_topic_change_failed_cb (ReadoutTopicsWindow *self,
                           GError              *error)
{
  show_error_toast (self, error->message);
}

/* topics.edit and topics.delete: a row's buttons name their topic by id. */
static void
topic_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ReadoutTopicsWindow *self = READOUT_TOPICS_WINDOW (widget);
  g_autoptr(ReadoutTopic) topic = dup_listed_topic (self, g_variant_get_int64 (parameter));

  if (topic == NULL)
    return;
  if (g_str_equal (action_name, "topics.delete"))
    delete_topic (self, topic);
  else
    open_form (self, topic);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ReadoutTopic *topic = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *keywords = describe_keywords (topic);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), readout_topic_get_name (topic));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), keywords);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_widget_set_tooltip_text (edit, _("Edit Topic"));
  gtk_widget_set_tooltip_text (delete, _("Delete Topic"));
  for (GtkWidget *button = edit; button != NULL; button = button == edit ? delete : NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (readout_topic_get_id (topic)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "topics.edit");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "topics.delete");
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);

  return row;
}

static void
on_add_clicked_cb (ReadoutTopicsWindow *self)
{
  open_form (self, NULL);
}

static void
readout_topics_window_dispose (GObject *object)
{
  ReadoutTopicsWindow *self = READOUT_TOPICS_WINDOW (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_stack, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_TOPICS_WINDOW);
  g_clear_object (&self->topics);
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->deleting, g_free);

  G_OBJECT_CLASS (readout_topics_window_parent_class)->dispose (object);
}

static void
readout_topics_window_class_init (ReadoutTopicsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_topics_window_dispose;

  gtk_widget_class_install_action (widget_class, "topics.edit", "x", topic_action);
  gtk_widget_class_install_action (widget_class, "topics.delete", "x", topic_action);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-topics-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutTopicsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReadoutTopicsWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, ReadoutTopicsWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, ReadoutTopicsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, ReadoutTopicsWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, ReadoutTopicsWindow, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
readout_topics_window_init (ReadoutTopicsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ReadoutTopicsWindow *
readout_topics_window_new (ReadoutUndoStack *undo_stack)
{
  ReadoutTopicsWindow *self;

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (undo_stack), NULL);

  self = g_object_new (READOUT_TYPE_TOPICS_WINDOW, NULL);
  self->undo_stack = g_object_ref (undo_stack);
  /* The list follows the store: a saved form or an undo shows here at once. */
  self->topics = readout_store_list_topics (readout_undo_stack_get_store (undo_stack));
  gtk_list_box_bind_model (self->list_box, self->topics, create_row, self, NULL);
  g_signal_connect_swapped (undo_stack, "notify::busy", G_CALLBACK (on_busy_changed_cb), self);
  g_signal_connect_swapped (undo_stack, "notify::retag-fraction", G_CALLBACK (on_busy_changed_cb), self);
  g_signal_connect_swapped (undo_stack, "topic-change-failed", G_CALLBACK (on_topic_change_failed_cb), self);
  on_busy_changed_cb (self);

  return self;
}

GtkWindow *
readout_topics_window_edit_topic (ReadoutTopicsWindow *self,
                                  guint                position)
{
  g_autoptr(ReadoutTopic) topic = NULL;

  g_return_val_if_fail (READOUT_IS_TOPICS_WINDOW (self), NULL);

  topic = g_list_model_get_item (self->topics, position);
  return topic != NULL ? open_form (self, topic) : NULL;
}

gboolean
readout_topics_window_delete_topic (ReadoutTopicsWindow *self,
                                    guint                position)
{
  g_autoptr(ReadoutTopic) topic = NULL;

  g_return_val_if_fail (READOUT_IS_TOPICS_WINDOW (self), FALSE);

  topic = g_list_model_get_item (self->topics, position);
  return topic != NULL && delete_topic (self, topic);
}
