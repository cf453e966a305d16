// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-merge-window"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-format.h"
#include "readout-gui-util.h"
#include "readout-merge-window.h"
#include "readout-display-names.h"

/* Two records of one call are rarely more than a few days apart (an announcement, the
 * call, a late report); further apart they are different calls. */
#define CALL_WINDOW_DAYS 7

struct _ReadoutMergeWindow
{
  AdwWindow         parent_instance;

  ReadoutUndoStack *stack;
  gboolean          is_call;
  gint64            merged_id;
  char             *merged_label;  /* "V. V. Putin", "21 November 2017" */
  GDate             merged_date;   /* a call's date, its first day when imprecise */
  gint64            kept_id;

  GtkLabel         *explanation;
  GtkLabel         *error_label;
  GtkListBox       *list;
  GtkLabel         *placeholder;
  GtkButton        *merge_button;
  GtkSearchEntry   *search;        /* leaders only */
  GListModel       *candidates;    /* what the list shows, row for item */
};

G_DEFINE_FINAL_TYPE (ReadoutMergeWindow, readout_merge_window, ADW_TYPE_WINDOW)

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe_call (ReadoutCall *call)
{
  g_autofree char *date = readout_format_date (readout_call_get_date (call),
                                               readout_call_get_date_precision (call));
  g_autofree char *names = readout_gui_join_names (readout_call_get_participant_names (call));

  /* Translators: a call in a sentence: its date, then who took part */
  return g_strdup_printf (_("the call of %s (%s)"), date, names);
}

static char *
describe_kept (ReadoutMergeWindow *self,
               GObject            *item)
{
  if (self->is_call)
    return describe_call (READOUT_CALL (item));
  return g_strdup (readout_leader_get_name (READOUT_LEADER (item)));
}

/* The item of the selected row, or NULL: the list shows the candidates row for item. */
static GObject *
dup_chosen_item (ReadoutMergeWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  return row != NULL ? g_list_model_get_item (self->candidates, gtk_list_box_row_get_index (row)) : NULL;
}

static void
update_explanation (ReadoutMergeWindow *self)
{
  g_autoptr(GObject) item = dup_chosen_item (self);
  g_autofree char *text = NULL;

  if (item == NULL)
    {
      text = self->is_call
        /* Translators: %s is "the call of 21 November 2017 (Donald Trump and Vladimir Putin)" */
        ? g_strdup_printf (_("Choose the call to keep. The sources, statements and conflicts of %s "
                             "will move to it, and this record will be removed."), self->merged_label)
        /* Translators: both %s are the name of the leader merged into another */
        : g_strdup_printf (_("Choose the leader to keep. The calls and aliases of %s will move to "
                             "that leader, and %s will be removed."), self->merged_label, self->merged_label);
    }
  else
    {
      g_autofree char *kept = describe_kept (self, item);

      text = self->is_call
        /* Translators: the first %s is the call merged, the second the call kept, both
         * "the call of 21 November 2017 (Donald Trump and Vladimir Putin)" */
        ? g_strdup_printf (_("The sources, statements and conflicts of %s move to %s, which gains any "
                             "participant, duration, start time or initiator it lacks. The first "
                             "record is then removed."), self->merged_label, kept)
        /* Translators: %1$s is the leader merged, %2$s the leader kept */
        : g_strdup_printf (_("The calls and aliases of %1$s move to %2$s, and “%1$s” becomes one of "
                             "%2$s’s aliases. %1$s is then removed."), self->merged_label, kept);
    }
  gtk_label_set_text (self->explanation, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_button), item != NULL);
}

static void
on_row_selected_cb (ReadoutMergeWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_explanation (self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  ReadoutMergeWindow *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Rows show user text: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (self->is_call)
    {
      ReadoutCall *call = READOUT_CALL (item);
      g_autofree char *duration = readout_format_duration (readout_call_get_duration_minutes (call),
                                                           readout_call_get_duration_qualifier (call));
      const char *status = readout_format_call_status (readout_call_get_status (call));
      g_autofree char *names = readout_gui_join_names (readout_call_get_participant_names (call));

      title = readout_format_date (readout_call_get_date (call), readout_call_get_date_precision (call));
      subtitle = duration != NULL ? g_strdup_printf ("%s\n%s · %s", names, status, duration)
                                  : g_strdup_printf ("%s\n%s", names, status);
    }
  else
    {
      ReadoutLeader *leader = READOUT_LEADER (item);
      const char *country = readout_gui_leader_country (leader);
      const char *office = readout_display_office (readout_leader_get_office (leader));
      guint n_calls = readout_leader_get_call_count (leader);
      g_autofree char *calls = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call", "%u calls", n_calls), n_calls);

      title = g_strdup (readout_leader_get_name (leader));
      subtitle = g_strjoin (" · ", country != NULL ? country : readout_leader_get_country (leader),
                            calls, NULL);
      if (office != NULL && *office != '\0')
        {
          g_autofree char *with_office = g_strdup_printf ("%s · %s", office, subtitle);

          g_free (subtitle);
          subtitle = g_steal_pointer (&with_office);
        }
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  return row;
}

static gboolean
filter_leader_cb (gpointer item,
                  gpointer user_data)
{
  ReadoutMergeWindow *self = user_data;

  return readout_leader_get_id (READOUT_LEADER (item)) != self->merged_id;
}

/* A call's date as a day: its first day when only the month or year is known. */
static gboolean
call_day (ReadoutCall *call,
          GDate       *day)
{
  ReadoutDatePrecision precision;

  g_date_clear (day, 1);
  return readout_call_get_date (call) != NULL &&
         readout_parse_iso_date (readout_call_get_date (call), &precision, day) &&
         g_date_valid (day);
}

static gboolean
filter_call_cb (gpointer item,
                gpointer user_data)
{
  ReadoutMergeWindow *self = user_data;
  ReadoutCall *call = READOUT_CALL (item);
  GDate day;

  if (readout_call_get_id (call) == self->merged_id)
    return FALSE;
  if (!g_date_valid (&self->merged_date) || !call_day (call, &day))
    return TRUE;
  return ABS (g_date_days_between (&self->merged_date, &day)) <= CALL_WINDOW_DAYS;
}

static void
bind_candidates (ReadoutMergeWindow *self,
                 GListModel         *source)
{
  GtkCustomFilter *filter = self->is_call ? gtk_custom_filter_new (filter_call_cb, self, NULL)
                                          : gtk_custom_filter_new (filter_leader_cb, self, NULL);

  g_clear_object (&self->candidates);
  self->candidates = G_LIST_MODEL (gtk_filter_list_model_new (source, GTK_FILTER (filter)));
  gtk_list_box_bind_model (self->list, self->candidates, create_row_cb, self, NULL);
  update_explanation (self);
}

static void
on_search_changed_cb (ReadoutMergeWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  ReadoutStore *store = readout_undo_stack_get_store (self->stack);

  bind_candidates (self, readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME,
                                                     text[0] != '\0' ? text : NULL));
}

static void
on_merge_clicked_cb (ReadoutMergeWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) item = dup_chosen_item (self);
  gint64 kept_id;
  gboolean ok;

  if (item == NULL)
    return;

  kept_id = self->is_call ? readout_call_get_id (READOUT_CALL (item))
                          : readout_leader_get_id (READOUT_LEADER (item));
  ok = self->is_call ? readout_undo_stack_merge_calls (self->stack, kept_id, self->merged_id, &error)
                     : readout_undo_stack_merge_leaders (self->stack, kept_id, self->merged_id, &error);
  if (!ok)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  self->kept_id = kept_id;
  g_signal_emit (self, signals[MERGED], 0, kept_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* What differs between merging a leader and merging a call. */
static void
set_up (ReadoutMergeWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), self->is_call ? _("Merge Call") : _("Merge Leader"));
  gtk_label_set_text (self->placeholder, self->is_call ? _("No other call of the same leaders within a week")
                                                       : _("No other leader"));
  gtk_widget_set_visible (GTK_WIDGET (self->search), !self->is_call);
}

ReadoutMergeWindow *
readout_merge_window_new_for_leader (ReadoutUndoStack  *stack,
                                     gint64             leader_id,
                                     GError           **error)
{
  ReadoutStore *store;
  g_autoptr(ReadoutLeader) leader = NULL;
  ReadoutMergeWindow *self;

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (stack), NULL);

  store = readout_undo_stack_get_store (stack);
  if ((leader = readout_store_get_leader (store, leader_id, error)) == NULL)
    return NULL;

  self = g_object_new (READOUT_TYPE_MERGE_WINDOW, NULL);
  self->stack = g_object_ref (stack);
  self->merged_id = leader_id;
  self->merged_label = g_strdup (readout_leader_get_name (leader));
  set_up (self);
  bind_candidates (self, readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL));
  return self;
}

ReadoutMergeWindow *
readout_merge_window_new_for_call (ReadoutUndoStack  *stack,
                                   gint64             call_id,
                                   GError           **error)
{
  ReadoutStore *store;
  g_autoptr(ReadoutCall) call = NULL;
  ReadoutMergeWindow *self;
  const gint64 *ids;
  guint n_ids = 0;

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (stack), NULL);

  store = readout_undo_stack_get_store (stack);
  if ((call = readout_store_get_call (store, call_id, error)) == NULL)
    return NULL;
  ids = readout_call_get_participant_ids (call, &n_ids);

  self = g_object_new (READOUT_TYPE_MERGE_WINDOW, NULL);
  self->stack = g_object_ref (stack);
  self->is_call = TRUE;
  self->merged_id = call_id;
  self->merged_label = describe_call (call);
  call_day (call, &self->merged_date);
  set_up (self);
  /* The calls between the first two participants; the filter keeps those near in time. */
  bind_candidates (self, readout_store_list_calls (store, n_ids > 0 ? ids[0] : 0, n_ids > 1 ? ids[1] : 0));
  return self;
}

gboolean
readout_merge_window_choose (ReadoutMergeWindow *self,
                             gint64              kept_id)
{
  guint n_items;

  g_return_val_if_fail (READOUT_IS_MERGE_WINDOW (self), FALSE);

  n_items = g_list_model_get_n_items (self->candidates);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->candidates, i);
      gint64 id = self->is_call ? readout_call_get_id (READOUT_CALL (item))
                                : readout_leader_get_id (READOUT_LEADER (item));

      if (id == kept_id)
        {
          gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) i));
          return TRUE;
        }
    }
  return FALSE;
}

const char *
readout_merge_window_get_explanation (ReadoutMergeWindow *self)
{
  g_return_val_if_fail (READOUT_IS_MERGE_WINDOW (self), NULL);

  return gtk_label_get_text (self->explanation);
}

static void
readout_merge_window_dispose (GObject *object)
{
  ReadoutMergeWindow *self = READOUT_MERGE_WINDOW (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_MERGE_WINDOW);
  g_clear_object (&self->candidates);
  g_clear_object (&self->stack);

  G_OBJECT_CLASS (readout_merge_window_parent_class)->dispose (object);
}

static void
readout_merge_window_finalize (GObject *object)
{
  ReadoutMergeWindow *self = READOUT_MERGE_WINDOW (object);

  g_free (self->merged_label);

  G_OBJECT_CLASS (readout_merge_window_parent_class)->finalize (object);
}

static void
readout_merge_window_class_init (ReadoutMergeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_merge_window_dispose;
  object_class->finalize = readout_merge_window_finalize;

  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-merge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutMergeWindow, explanation);
  gtk_widget_class_bind_template_child (widget_class, ReadoutMergeWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ReadoutMergeWindow, list);
  gtk_widget_class_bind_template_child (widget_class, ReadoutMergeWindow, placeholder);
  gtk_widget_class_bind_template_child (widget_class, ReadoutMergeWindow, merge_button);
  gtk_widget_class_bind_template_child (widget_class, ReadoutMergeWindow, search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_clicked_cb);
}

static void
readout_merge_window_init (ReadoutMergeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->merged_date, 1);
}
