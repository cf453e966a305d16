// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-query-model"

#include "config.h"

#include "readout-query-model.h"
#include "readout-store-private.h"

/* Rows are read PAGE_SIZE at a time and at most MAX_PAGES pages are kept, so memory
 * stays bounded whatever the size of the table behind the model. */
#define PAGE_SIZE 64
#define MAX_PAGES 8

struct _ReadoutQueryModel
{
  GObject parent_instance;

  ReadoutStore *store;
  GType item_type;
  ReadoutChangeKind watched;
  char *count_sql;
  char *page_sql;
  GVariant *params;
  ReadoutRowBuilder builder;

  guint n_items;
  /* The span of positions handed out since the list last changed as a whole: the only
   * rows a view can be showing, so the only ones a change needs to report. */
  guint handed_first;
  guint handed_last;
  GHashTable *pages;   /* page number -> GPtrArray of items */
  GQueue page_order;   /* page numbers, most recently used first */
  gulong changed_id;
};

static void readout_query_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReadoutQueryModel, readout_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      readout_query_model_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bind_params (ReadoutDbStatement *stmt,
             GVariant     *params)
{
  for (gsize i = 0; i < g_variant_n_children (params); i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (params, i);
      int index = (int) i + 1;

      if (g_variant_is_of_type (child, G_VARIANT_TYPE_INT64))
        readout_db_statement_bind_int64 (stmt, index, g_variant_get_int64 (child));
      else if (g_variant_is_of_type (child, G_VARIANT_TYPE ("ms")))
        {
          g_autoptr(GVariant) inner = g_variant_get_maybe (child);

          if (inner == NULL)
            readout_db_statement_bind_null (stmt, index);
          else
            readout_db_statement_bind_text (stmt, index, g_variant_get_string (inner, NULL));
        }
      else
        g_assert_not_reached ();
    }
}

static guint
count_rows (ReadoutQueryModel *self)
{
  g_autoptr(GError) error = NULL;
  ReadoutDbStatement *stmt;
  guint n = 0;

  stmt = readout_store_prepare (self->store, self->count_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not count rows: %s", error->message);
      return 0;
    }
  bind_params (stmt, self->params);
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    n = (guint) readout_db_statement_column_int64 (stmt, 0);
  readout_db_statement_reset (stmt);
  return n;
}

static GPtrArray *
load_page (ReadoutQueryModel *self,
           guint              page)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  int n_params = (int) g_variant_n_children (self->params);
  ReadoutDbStatement *stmt;
  int rc;

  stmt = readout_store_prepare (self->store, self->page_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read rows: %s", error->message);
      return items;
    }
  bind_params (stmt, self->params);
  readout_db_statement_bind_int64 (stmt, n_params + 1, PAGE_SIZE);
  readout_db_statement_bind_int64 (stmt, n_params + 2, (gint64) page * PAGE_SIZE);
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    g_ptr_array_add (items, self->builder (stmt));
  if (rc != READOUT_DB_DONE)
    g_warning ("Could not read rows: %s", db_error->message);
  readout_db_statement_reset (stmt);
  return items;
}

static GPtrArray *
lookup_page (ReadoutQueryModel *self,
             guint              page)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (items != NULL)
    {
      /* Move to the front of the recently-used list. */
      g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
      return items;
    }

  items = load_page (self, page);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_order));
  return items;
}

static void
clear_pages (ReadoutQueryModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

/* Position of the cached item whose "id" is @id, or -1. */
static int
find_cached_position (ReadoutQueryModel *self,
                      gint64             id)
{
  GHashTableIter iter;
  gpointer key, value;

  if (id == 0)
    return -1;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        {
          gint64 item_id = 0;

          g_object_get (g_ptr_array_index (items, i), "id", &item_id, NULL);
          if (item_id == id)
            return (int) (GPOINTER_TO_UINT (key) * PAGE_SIZE + i);
        }
    }
  return -1;
}

static ReadoutChangeKind
kind_of_item_type (GType item_type)
{
  if (item_type == READOUT_TYPE_LEADER)
    return READOUT_CHANGE_LEADERS;
  if (item_type == READOUT_TYPE_CALL)
    return READOUT_CHANGE_CALLS;
  if (item_type == READOUT_TYPE_SOURCE)
    return READOUT_CHANGE_SOURCES;
  if (item_type == READOUT_TYPE_STATEMENT)
    return READOUT_CHANGE_STATEMENTS;
  if (item_type == READOUT_TYPE_TOPIC)
    return READOUT_CHANGE_TOPICS;
  if (item_type == READOUT_TYPE_CONFLICT)
    return READOUT_CHANGE_CONFLICTS;
  return 0;
}

static void
forget_handed_out (ReadoutQueryModel *self)
{
  self->handed_first = G_MAXUINT;
  self->handed_last = 0;
}

static gint64
item_id_at (ReadoutQueryModel *self,
            guint              position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self), position);
  gint64 id = 0;

  if (item != NULL)
    g_object_get (item, "id", &id, NULL);
  return id;
}

static void
on_store_changed_cb (ReadoutQueryModel *self,
                     guint              kinds,
                     guint              primary,
                     gint64             id,
                     ReadoutStore      *store)
{
  guint old_n = self->n_items;
  int position = -1;

  if ((kinds & self->watched) == 0)
    return;

  /* Where one shown row of our own kind changed, say just that: an edit that leaves it
   * in place is (position, 1, 1), a delete is (position, 1, 0). Anything else (inserts,
   * rows that moved, many rows) is reported as a change of the whole list. */
  if (primary == kind_of_item_type (self->item_type))
    position = find_cached_position (self, id);

  clear_pages (self);
  self->n_items = count_rows (self);

  if (position >= 0 && old_n == self->n_items && item_id_at (self, position) == id)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  else if (position >= 0 && old_n == self->n_items + 1 &&
           ((guint) position >= self->n_items || item_id_at (self, position) != id))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  else if (old_n == self->n_items)
    {
      /* Same number of rows: report only the rows a view may be showing. Reporting the
       * whole list would make GtkSingleSelection read every row looking for its
       * selected item, which on a leader with thousands of calls takes seconds. */
      if (self->handed_first <= self->handed_last)
        {
          guint first = self->handed_first;
          guint n = MIN (self->handed_last, self->n_items - 1) - first + 1;

          forget_handed_out (self);
          g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
        }
    }
  else
    {
      forget_handed_out (self);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
    }

  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static GType
readout_query_model_get_item_type (GListModel *model)
{
  return READOUT_QUERY_MODEL (model)->item_type;
}

static guint
readout_query_model_get_n_items (GListModel *model)
{
  return READOUT_QUERY_MODEL (model)->n_items;
}

static gpointer
readout_query_model_get_item (GListModel *model,
                              guint       position)
{
  ReadoutQueryModel *self = READOUT_QUERY_MODEL (model);
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = lookup_page (self, position / PAGE_SIZE);
  if (position % PAGE_SIZE >= items->len)
    return NULL;
  self->handed_first = MIN (self->handed_first, position);
  self->handed_last = MAX (self->handed_last, position);
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
readout_query_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = readout_query_model_get_item_type;
  iface->get_n_items = readout_query_model_get_n_items;
  iface->get_item = readout_query_model_get_item;
}

static void
readout_query_model_dispose (GObject *object)
{
  ReadoutQueryModel *self = READOUT_QUERY_MODEL (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  clear_pages (self);

  G_OBJECT_CLASS (readout_query_model_parent_class)->dispose (object);
}

static void
readout_query_model_finalize (GObject *object)
{
  ReadoutQueryModel *self = READOUT_QUERY_MODEL (object);

  g_hash_table_unref (self->pages);
  g_free (self->count_sql);
  g_free (self->page_sql);
  g_clear_pointer (&self->params, g_variant_unref);

  G_OBJECT_CLASS (readout_query_model_parent_class)->finalize (object);
}

static void
readout_query_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReadoutQueryModel *self = READOUT_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_query_model_class_init (ReadoutQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = readout_query_model_dispose;
  object_class->finalize = readout_query_model_finalize;
  object_class->get_property = readout_query_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
readout_query_model_init (ReadoutQueryModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
  forget_handed_out (self);
}

GListModel *
readout_query_model_new (ReadoutStore      *store,
                         GType              item_type,
                         ReadoutChangeKind  watched,
                         const char        *count_sql,
                         const char        *page_sql,
                         GVariant          *params,
                         ReadoutRowBuilder  builder)
{
  ReadoutQueryModel *self;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);
  g_return_val_if_fail (count_sql != NULL && page_sql != NULL, NULL);
  g_return_val_if_fail (params != NULL && g_variant_is_of_type (params, G_VARIANT_TYPE_TUPLE), NULL);
  g_return_val_if_fail (builder != NULL, NULL);

  self = g_object_new (READOUT_TYPE_QUERY_MODEL, NULL);
  self->store = g_object_ref (store);
  self->item_type = item_type;
  self->watched = watched;
  self->count_sql = g_strdup (count_sql);
  self->page_sql = g_strdup (page_sql);
  self->params = g_variant_ref_sink (params);
  self->builder = builder;
  self->n_items = count_rows (self);
  self->changed_id = g_signal_connect_object (store, "changed",
                                              G_CALLBACK (on_store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  return G_LIST_MODEL (self);
}
