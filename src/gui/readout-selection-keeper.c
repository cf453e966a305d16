// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "readout-selection-keeper.h"

/* A leader's calls and the leader list are scanned this far for the kept row: beyond
 * it, a scan would read pages the view never showed. */
#define MAX_SCAN 2000

struct _ReadoutSelectionKeeper
{
  GtkSingleSelection *selection;
  GListModel *model;
  gint64 kept_id;
  gboolean restoring;
};

static gint64
item_id (gpointer item)
{
  gint64 id = 0;

  if (item != NULL)
    g_object_get (item, "id", &id, NULL);
  return id;
}

static void
before_items_changed_cb (ReadoutSelectionKeeper *self)
{
  self->kept_id = item_id (gtk_single_selection_get_selected_item (self->selection));
  self->restoring = TRUE;
}

static void
after_items_changed_cb (ReadoutSelectionKeeper *self)
{
  guint n_items = MIN (g_list_model_get_n_items (self->model), MAX_SCAN);

  for (guint i = 0; self->kept_id != 0 && gtk_single_selection_get_selected_item (self->selection) == NULL &&
                    i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

      if (item_id (item) == self->kept_id)
        gtk_single_selection_set_selected (self->selection, i);
    }
  self->restoring = FALSE;
  /* The row is gone: that change is real, and the owner hears of it. */
  if (self->kept_id != 0 && gtk_single_selection_get_selected_item (self->selection) == NULL)
    g_object_notify (G_OBJECT (self->selection), "selected-item");
}

ReadoutSelectionKeeper *
readout_selection_keeper_new (GtkSingleSelection *selection)
{
  ReadoutSelectionKeeper *self = g_new0 (ReadoutSelectionKeeper, 1);

  self->selection = selection;
  return self;
}

void
readout_selection_keeper_set_model (ReadoutSelectionKeeper *self,
                                    GListModel             *model)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model == NULL)
    return;
  /* Connected before the selection takes the model, so the first runs before its
   * own handler; the second, connected after, runs once it has updated. */
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (before_items_changed_cb), self);
  g_signal_connect_data (model, "items-changed", G_CALLBACK (after_items_changed_cb), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

gboolean
readout_selection_keeper_is_restoring (ReadoutSelectionKeeper *self)
{
  return self != NULL && self->restoring;
}

void
readout_selection_keeper_free (ReadoutSelectionKeeper *self)
{
  if (self == NULL)
    return;
  readout_selection_keeper_set_model (self, NULL);
  g_free (self);
}
