// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-undo-stack"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "readout-error.h"
#include "readout-store-private.h"
#include "readout-undo-stack.h"

/* How the stack takes a change back:
 *
 * - update: the object is read before and after the change; undo writes the old one
 *   back and redo the new one, both through the store's update functions, which check
 *   and re-tag as for any edit.
 * - delete: every row the delete removes (it cascades: a call takes its participants,
 *   sources, statements, topic links, conflicts and claims) is read first, column by
 *   column, as SQLite values; undo inserts those rows again in parent-first order, with
 *   their ids, so links from elsewhere (a claim citing a source) hold again. Redo deletes
 *   again, reading the rows afresh.
 * - insert: undo is a delete as above, redo puts the rows back.
 * - merge: before the store merges, the rows of the merged leader or call are read as for
 *   a delete, the kept one is read as an object, and the keys of every row that moves
 *   (participations and initiations; sources, statements and conflicts) are noted. Undo
 *   puts the merged rows back with their ids, moves exactly the noted rows back and
 *   writes the kept object as it was. Redo merges again, noting afresh.
 *
 * Raw rows rather than objects, because the objects do not carry everything a row has
 * (a statement's topic links as rows, a claim's position) and because inserting them
 * through the store would give new ids. */

#define MAX_DEPTH 100

typedef enum {
  KIND_LEADER,
  KIND_CALL,
  KIND_SOURCE,
  KIND_STATEMENT,
  KIND_TOPIC,
  KIND_CONFLICT,
  N_KINDS
} ObjectKind;

typedef enum {
  OP_INSERT,
  OP_UPDATE,
  OP_DELETE,
  OP_MERGE,
  OP_IMPORT,
  N_OPS
} OperationType;

typedef struct {
  const char *table;
  const char *where;   /* ?1 is the id of the object */
} RowSpec;

/* The rows a delete of each kind removes, parents before children. */
static const RowSpec leader_rows[] = {
  { "leaders", "id = ?1" },
  { "leader_aliases", "leader_id = ?1" },
  { NULL, NULL }
};
static const RowSpec call_rows[] = {
  { "calls", "id = ?1" },
  { "call_participants", "call_id = ?1" },
  { "sources", "call_id = ?1" },
  { "statements", "call_id = ?1" },
  { "statement_topics", "statement_id IN (SELECT id FROM statements WHERE call_id = ?1)" },
  { "conflicts", "call_id = ?1" },
  { "conflict_claims", "conflict_id IN (SELECT id FROM conflicts WHERE call_id = ?1)"
                       " OR source_id IN (SELECT id FROM sources WHERE call_id = ?1)" },
  { NULL, NULL }
};
static const RowSpec source_rows[] = {
  { "sources", "id = ?1" },
  { "statements", "source_id = ?1" },
  { "statement_topics", "statement_id IN (SELECT id FROM statements WHERE source_id = ?1)" },
  { "conflict_claims", "source_id = ?1" },
  { NULL, NULL }
};
static const RowSpec statement_rows[] = {
  { "statements", "id = ?1" },
  { "statement_topics", "statement_id = ?1" },
  { NULL, NULL }
};
static const RowSpec topic_rows[] = {
  { "topics", "id = ?1" },
  { "topic_keywords", "topic_id = ?1" },
  { "statement_topics", "topic_id = ?1" },
  { NULL, NULL }
};
static const RowSpec conflict_rows[] = {
  { "conflicts", "id = ?1" },
  { "conflict_claims", "conflict_id = ?1" },
  { NULL, NULL }
};

/* What a merge moves from the merged row to the kept one: @select lists the keys of the
 * rows that move (?1 the merged id); @move_back returns one (?1 the merged id, ?2 a key,
 * ?3 the kept id). */
typedef struct {
  const char *select;
  const char *move_back;
} MoveSpec;

static const RowSpec leader_merge_rows[] = {
  { "leaders", "id = ?1" },
  { "leader_aliases", "leader_id = ?1" },
  { NULL, NULL }
};
static const MoveSpec leader_moves[] = {
  { "SELECT call_id FROM call_participants WHERE leader_id = ?1",
    "UPDATE call_participants SET leader_id = ?1 WHERE call_id = ?2 AND leader_id = ?3" },
  { "SELECT id FROM calls WHERE initiator_id = ?1",
    "UPDATE calls SET initiator_id = ?1 WHERE id = ?2 AND initiator_id = ?3" },
  { NULL, NULL }
};
/* A merged call's sources and statements move rather than go, so only its own row and
 * participants are put back. */
static const RowSpec call_merge_rows[] = {
  { "calls", "id = ?1" },
  { "call_participants", "call_id = ?1" },
  { NULL, NULL }
};
static const MoveSpec call_moves[] = {
  { "SELECT id FROM sources WHERE call_id = ?1",
    "UPDATE sources SET call_id = ?1 WHERE id = ?2 AND call_id = ?3" },
  { "SELECT id FROM statements WHERE call_id = ?1",
    "UPDATE statements SET call_id = ?1 WHERE id = ?2 AND call_id = ?3" },
  { "SELECT id FROM conflicts WHERE call_id = ?1",
    "UPDATE conflicts SET call_id = ?1 WHERE id = ?2 AND call_id = ?3" },
  { NULL, NULL }
};

static const struct {
  const RowSpec *rows;
  ReadoutChangeKind change;
  const char *labels[N_OPS];
} kinds[N_KINDS] = {
  [KIND_LEADER] = { leader_rows, READOUT_CHANGE_LEADERS,
                    { N_("Add Leader"), N_("Edit Leader"), N_("Delete Leader"), N_("Merge Leaders") } },
  [KIND_CALL] = { call_rows, READOUT_CHANGE_CALLS,
                  { N_("Add Call"), N_("Edit Call"), N_("Delete Call"), N_("Merge Calls") } },
  [KIND_SOURCE] = { source_rows, READOUT_CHANGE_SOURCES,
                    { N_("Add Source"), N_("Edit Source"), N_("Delete Source") } },
  [KIND_STATEMENT] = { statement_rows, READOUT_CHANGE_STATEMENTS,
                       { N_("Add Statement"), N_("Edit Statement"), N_("Delete Statement") } },
  [KIND_TOPIC] = { topic_rows, READOUT_CHANGE_TOPICS,
                   { N_("Add Topic"), N_("Edit Topic"), N_("Delete Topic") } },
  [KIND_CONFLICT] = { conflict_rows, READOUT_CHANGE_CONFLICTS,
                      { N_("Add Conflict"), NULL, N_("Delete Conflict") } },
};

/* The rows of one table, as they were. */
typedef struct {
  char *insert_sql;
  int n_columns;
  GPtrArray *rows;     /* GVariant *[n_columns], see column_value() */
} TableRows;

typedef struct {
  OperationType type;
  ObjectKind kind;
  gint64 id;
  gint64 kept_id;      /* merge: the row kept (id is the one merged into it) */
  GObject *before;     /* update, merge: the (kept) object as it was */
  GObject *after;      /* update: the object as the change left it */
  GPtrArray *snapshot; /* TableRows of the rows while they are deleted */
  GPtrArray *moved;    /* merge: a GArray of gint64 keys for each MoveSpec */
  GPtrArray *children; /* import: the inserts and updates it made, Operation, in order */
} Operation;

struct _ReadoutUndoStack
{
  GObject parent_instance;

  ReadoutStore *store;
  GPtrArray *undo;     /* Operation, the latest last */
  GPtrArray *redo;     /* Operation, the next to redo last */

  gboolean busy;       /* a topic change runs in the background */
  double retag_fraction;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (ReadoutUndoStack, readout_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_BUSY,
  PROP_RETAG_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOPIC_CHANGE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
table_rows_free (TableRows *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      GVariant **values = g_ptr_array_index (table->rows, i);

      for (int j = 0; j < table->n_columns; j++)
        g_clear_pointer (&values[j], g_variant_unref);
      g_free (values);
    }
  g_ptr_array_unref (table->rows);
  g_free (table->insert_sql);
  g_free (table);
}

static void
operation_free (Operation *op)
{
  g_clear_object (&op->before);
  g_clear_object (&op->after);
  g_clear_pointer (&op->snapshot, g_ptr_array_unref);
  g_clear_pointer (&op->moved, g_ptr_array_unref);
  g_clear_pointer (&op->children, g_ptr_array_unref);
  g_free (op);
}

/* ---------------------------------------------------------------------------------- */
/* Rows                                                                               */

/* A column's value as it is stored, whatever the engine: NULL for SQL NULL, else an
 * int64, a double or the text's bytes (a bytestring, which takes any bytes). */
static GVariant *
column_value (ReadoutDbStatement *stmt,
              int                 column)
{
  switch (readout_db_statement_column_type (stmt, column))
    {
    case READOUT_DB_TYPE_NULL:
      return NULL;
    case READOUT_DB_TYPE_INTEGER:
      return g_variant_ref_sink (g_variant_new_int64 (readout_db_statement_column_int64 (stmt, column)));
    case READOUT_DB_TYPE_FLOAT:
      return g_variant_ref_sink (g_variant_new_double (readout_db_statement_column_double (stmt, column)));
    default:
      return g_variant_ref_sink (g_variant_new_bytestring (readout_db_statement_column_text (stmt, column)));
    }
}

static void
bind_value (ReadoutDbStatement *stmt,
            int                 index,
            GVariant           *value)
{
  if (value == NULL)
    readout_db_statement_bind_null (stmt, index);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    readout_db_statement_bind_int64 (stmt, index, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    readout_db_statement_bind_double (stmt, index, g_variant_get_double (value));
  else
    readout_db_statement_bind_text (stmt, index, g_variant_get_bytestring (value));
}

/* Columns the team store's server fills in itself: a generated search column, which no
 * INSERT may name, and who changed the row and when, which a row put back gets afresh.
 * The SQLite schema has none of them. */
static gboolean
is_server_column (const char *name)
{
  static const char * const names[] = { "fts", "row_version", "changed_by", "changed_at" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return TRUE;
  return FALSE;
}

/* The INSERT that puts back @stmt's columns but the server's; @kept gets their indexes. */
static char *
build_insert (const char          *table,
              ReadoutDbStatement  *stmt,
              GArray              *kept)
{
  GString *insert = g_string_new (NULL);
  int n_columns = readout_db_statement_column_count (stmt);

  g_string_printf (insert, "INSERT INTO %s (", table);
  for (int i = 0; i < n_columns; i++)
    if (!is_server_column (readout_db_statement_column_name (stmt, i)))
      {
        g_string_append_printf (insert, "%s\"%s\"", kept->len > 0 ? ", " : "",
                                readout_db_statement_column_name (stmt, i));
        g_array_append_val (kept, i);
      }
  g_string_append (insert, ") VALUES (");
  for (guint i = 0; i < kept->len; i++)
    g_string_append (insert, i > 0 ? ", ?" : "?");
  g_string_append (insert, ")");
  return g_string_free (insert, FALSE);
}

static gboolean
capture_table (ReadoutStore    *store,
               const RowSpec   *spec,
               gint64           id,
               GPtrArray       *snapshot,
               GError         **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s", spec->table, spec->where);
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (int));
  TableRows *table;
  ReadoutDbStatement *stmt;
  int rc;

  stmt = readout_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, id);

  table = g_new0 (TableRows, 1);
  table->rows = g_ptr_array_new ();
  table->insert_sql = build_insert (spec->table, stmt, kept);
  table->n_columns = (int) kept->len;
  g_ptr_array_add (snapshot, table);

  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      GVariant **values = g_new0 (GVariant *, table->n_columns);

      for (int i = 0; i < table->n_columns; i++)
        values[i] = column_value (stmt, g_array_index (kept, int, i));
      g_ptr_array_add (table->rows, values);
    }
  readout_db_statement_reset (stmt);
  if (rc != READOUT_DB_DONE)
    {
      readout_store_set_db_error (store, db_error, "Could not read what the change removes", error);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
capture_rows (ReadoutStore   *store,
              const RowSpec  *specs,
              gint64          id,
              GError        **error)
{
  g_autoptr(GPtrArray) snapshot = g_ptr_array_new_with_free_func ((GDestroyNotify) table_rows_free);

  for (const RowSpec *spec = specs; spec->table != NULL; spec++)
    if (!capture_table (store, spec, id, snapshot, error))
      return NULL;
  return g_steal_pointer (&snapshot);
}

static GPtrArray *
capture (ReadoutStore  *store,
         ObjectKind     kind,
         gint64         id,
         GError       **error)
{
  return capture_rows (store, kinds[kind].rows, id, error);
}

static gboolean
insert_rows (ReadoutStore  *store,
             GPtrArray     *snapshot,
             GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  for (guint i = 0; i < snapshot->len; i++)
    {
      TableRows *table = g_ptr_array_index (snapshot, i);

      for (guint r = 0; r < table->rows->len; r++)
        {
          GVariant **values = g_ptr_array_index (table->rows, r);
          ReadoutDbStatement *stmt = readout_store_prepare (store, table->insert_sql, error);
          int rc;

          if (stmt == NULL)
            return FALSE;
          for (int c = 0; c < table->n_columns; c++)
            bind_value (stmt, c + 1, values[c]);
          rc = readout_db_statement_step (stmt, &db_error);
          readout_db_statement_reset (stmt);
          if (rc != READOUT_DB_DONE)
            {
              readout_store_set_db_error (store, db_error, "Could not put back what was removed", error);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
restore (ReadoutStore  *store,
         ObjectKind     kind,
         gint64         id,
         GPtrArray     *snapshot,
         GError       **error)
{
  if (!insert_rows (store, snapshot, error))
    return FALSE;

  /* The store builds its topic tagger from the topic list once; a topic put back by
   * hand must reach it, and re-tagging gives the links the topic had. */
  if (kind == KIND_TOPIC && !readout_store_retag_all (store, error))
    return FALSE;
  readout_store_note_change (store, kinds[kind].change, id, READOUT_CHANGE_ALL);
  return TRUE;
}

/* ---------------------------------------------------------------------------------- */
/* The store's functions, by kind                                                     */

static GObject *
get_topic (ReadoutStore  *store,
           gint64         id,
           GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  gint64 row_version = readout_store_read_row_version (store, "topics", id);
  ReadoutDbStatement *stmt;
  GObject *topic = NULL;
  int rc;

  stmt = readout_store_prepare (store, "SELECT " TOPIC_COLUMNS " FROM topics t WHERE t.id = ?", error);
  if (stmt == NULL)
    return NULL;
  readout_db_statement_bind_int64 (stmt, 1, id);
  rc = readout_db_statement_step (stmt, &db_error);
  if (rc == READOUT_DB_ROW)
    {
      topic = readout_store_topic_from_row (stmt);
      readout_topic_set_row_version (READOUT_TOPIC (topic), row_version);
    }
  else if (rc == READOUT_DB_DONE)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
                   _("There is no topic with id %s in the store."), id_text);
    }
  else
    readout_store_set_db_error (store, db_error, "Could not read the store", error);
  readout_db_statement_reset (stmt);
  return topic;
}

static GObject *
get_object (ReadoutStore  *store,
            ObjectKind     kind,
            gint64         id,
            GError       **error)
{
  switch (kind)
    {
    case KIND_LEADER:
      return G_OBJECT (readout_store_get_leader (store, id, error));
    case KIND_CALL:
      return G_OBJECT (readout_store_get_call (store, id, error));
    case KIND_SOURCE:
      return G_OBJECT (readout_store_get_source (store, id, error));
    case KIND_STATEMENT:
      return G_OBJECT (readout_store_get_statement (store, id, error));
    case KIND_TOPIC:
      return get_topic (store, id, error);
    case KIND_CONFLICT:
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gint64
get_object_id (ObjectKind  kind,
               GObject    *object)
{
  switch (kind)
    {
    case KIND_LEADER:
      return readout_leader_get_id (READOUT_LEADER (object));
    case KIND_CALL:
      return readout_call_get_id (READOUT_CALL (object));
    case KIND_SOURCE:
      return readout_source_get_id (READOUT_SOURCE (object));
    case KIND_STATEMENT:
      return readout_statement_get_id (READOUT_STATEMENT (object));
    case KIND_TOPIC:
      return readout_topic_get_id (READOUT_TOPIC (object));
    case KIND_CONFLICT:
      return readout_conflict_get_id (READOUT_CONFLICT (object));
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
insert_object (ReadoutStore  *store,
               ObjectKind     kind,
               GObject       *object,
               GError       **error)
{
  switch (kind)
    {
    case KIND_LEADER:
      return readout_store_insert_leader (store, READOUT_LEADER (object), error);
    case KIND_CALL:
      return readout_store_insert_call (store, READOUT_CALL (object), error);
    case KIND_SOURCE:
      return readout_store_insert_source (store, READOUT_SOURCE (object), error);
    case KIND_STATEMENT:
      return readout_store_insert_statement (store, READOUT_STATEMENT (object), error);
    case KIND_TOPIC:
      return readout_store_insert_topic (store, READOUT_TOPIC (object), error);
    case KIND_CONFLICT:
      return readout_store_insert_conflict (store, READOUT_CONFLICT (object), error);
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
update_object (ReadoutStore  *store,
               ObjectKind     kind,
               GObject       *object,
               GError       **error)
{
  switch (kind)
    {
    case KIND_LEADER:
      return readout_store_update_leader (store, READOUT_LEADER (object), error);
    case KIND_CALL:
      return readout_store_update_call (store, READOUT_CALL (object), error);
    case KIND_SOURCE:
      return readout_store_update_source (store, READOUT_SOURCE (object), error);
    case KIND_STATEMENT:
      return readout_store_update_statement (store, READOUT_STATEMENT (object), error);
    case KIND_TOPIC:
      return readout_store_update_topic (store, READOUT_TOPIC (object), error);
    case KIND_CONFLICT:
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
delete_object (ReadoutStore  *store,
               ObjectKind     kind,
               gint64         id,
               GError       **error)
{
  switch (kind)
    {
    case KIND_LEADER:
      return readout_store_delete_leader (store, id, error);
    case KIND_CALL:
      return readout_store_delete_call (store, id, error);
    case KIND_SOURCE:
      return readout_store_delete_source (store, id, error);
    case KIND_STATEMENT:
      return readout_store_delete_statement (store, id, error);
    case KIND_TOPIC:
      return readout_store_delete_topic (store, id, error);
    case KIND_CONFLICT:
      return readout_store_delete_conflict (store, id, error);
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Reads the rows, then deletes: *snapshot holds them on success. */
static gboolean
delete_keeping_rows (ReadoutStore  *store,
                     ObjectKind     kind,
                     gint64         id,
                     GPtrArray    **snapshot,
                     GError       **error)
{
  g_autoptr(GPtrArray) rows = capture (store, kind, id, error);

  if (rows == NULL || !delete_object (store, kind, id, error))
    return FALSE;
  *snapshot = g_steal_pointer (&rows);
  return TRUE;
}

/* Merges @op->id into @op->kept_id, noting first what undo needs; @op changes only on
 * success. */
static gboolean
merge_keeping_rows (ReadoutStore  *store,
                    Operation     *op,
                    GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  const RowSpec *rows = op->kind == KIND_LEADER ? leader_merge_rows : call_merge_rows;
  const MoveSpec *moves = op->kind == KIND_LEADER ? leader_moves : call_moves;
  g_autoptr(GPtrArray) snapshot = NULL;
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GObject) before = NULL;
  gboolean ok;

  if ((before = get_object (store, op->kind, op->kept_id, error)) == NULL ||
      (snapshot = capture_rows (store, rows, op->id, error)) == NULL)
    return FALSE;
  for (const MoveSpec *move = moves; move->select != NULL; move++)
    {
      ReadoutDbStatement *stmt = readout_store_prepare (store, move->select, error);
      GArray *keys = g_array_new (FALSE, FALSE, sizeof (gint64));
      int rc;

      g_ptr_array_add (moved, keys);
      if (stmt == NULL)
        return FALSE;
      readout_db_statement_bind_int64 (stmt, 1, op->id);
      while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
        {
          gint64 key = readout_db_statement_column_int64 (stmt, 0);

          g_array_append_val (keys, key);
        }
      readout_db_statement_reset (stmt);
      if (rc != READOUT_DB_DONE)
        {
          readout_store_set_db_error (store, db_error, "Could not read what the merge moves", error);
          return FALSE;
        }
    }

  if (op->kind == KIND_LEADER)
    ok = readout_store_merge_leaders (store, op->kept_id, op->id, error);
  else
    ok = readout_store_merge_calls (store, op->kept_id, op->id, error);
  if (!ok)
    return FALSE;

  /* Undo writes the kept row back over what the merge left: at the version it left. */
  g_object_set (before, "row-version",
                readout_store_read_row_version (store, op->kind == KIND_LEADER ? "leaders" : "calls",
                                                op->kept_id), NULL);
  g_set_object (&op->before, before);
  g_clear_pointer (&op->snapshot, g_ptr_array_unref);
  op->snapshot = g_steal_pointer (&snapshot);
  g_clear_pointer (&op->moved, g_ptr_array_unref);
  op->moved = g_steal_pointer (&moved);
  return TRUE;
}

/* The merged row comes back first, so that what moves back has somewhere to go; the
 * kept one is written as it was last, dropping the aliases or participants it gained. */
static gboolean
unmerge (ReadoutStore  *store,
         Operation     *op,
         GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  const MoveSpec *moves = op->kind == KIND_LEADER ? leader_moves : call_moves;

  if (!insert_rows (store, op->snapshot, error))
    return FALSE;
  for (guint m = 0; moves[m].select != NULL; m++)
    {
      GArray *keys = g_ptr_array_index (op->moved, m);

      for (guint i = 0; i < keys->len; i++)
        {
          ReadoutDbStatement *stmt = readout_store_prepare (store, moves[m].move_back, error);
          int rc;

          if (stmt == NULL)
            return FALSE;
          readout_db_statement_bind_int64 (stmt, 1, op->id);
          readout_db_statement_bind_int64 (stmt, 2, g_array_index (keys, gint64, i));
          readout_db_statement_bind_int64 (stmt, 3, op->kept_id);
          rc = readout_db_statement_step (stmt, &db_error);
          readout_db_statement_reset (stmt);
          if (rc != READOUT_DB_DONE)
            {
              readout_store_set_db_error (store, db_error, "Could not take the merge back", error);
              return FALSE;
            }
        }
    }
  if (!update_object (store, op->kind, op->before, error))
    return FALSE;
  readout_store_note_change (store, kinds[op->kind].change, 0, READOUT_CHANGE_ALL);
  return TRUE;
}

/* ---------------------------------------------------------------------------------- */
/* The stack                                                                          */

static void
notify_state (ReadoutUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
push_done (ReadoutUndoStack *self,
           Operation        *op)
{
  g_ptr_array_add (self->undo, op);
  if (self->undo->len > MAX_DEPTH)
    g_ptr_array_remove_index (self->undo, 0);
  /* A new change ends the line of changes that were undone. */
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self);
}

/* Writes the object an update left (@backwards: the one it found) over the other. The
 * row must still be at the version the other was last written or read at: on a team
 * store, undo must not overwrite a colleague's later change either. */
static gboolean
update_back_or_forth (ReadoutStore  *store,
                      Operation     *op,
                      gboolean       backwards,
                      GError       **error)
{
  GObject *object = backwards ? op->before : op->after;
  GObject *current = backwards ? op->after : op->before;
  gint64 row_version = 0;

  if (current != NULL)
    {
      g_object_get (current, "row-version", &row_version, NULL);
      g_object_set (object, "row-version", row_version, NULL);
    }
  return update_object (store, op->kind, object, error);
}

/* Runs @op forwards (@backwards FALSE: do or redo) or backwards (undo) within the
 * transaction of run(); an import runs its parts, backwards in reverse. The rows each
 * insert or delete takes away are added to @snapshots beside the operation in @ops, to
 * be kept once the transaction commits. */
static gboolean
apply (ReadoutStore  *store,
       Operation     *op,
       gboolean       backwards,
       GPtrArray     *ops,
       GPtrArray     *snapshots,
       GError       **error)
{
  GPtrArray *snapshot = NULL;

  switch (op->type)
    {
    case OP_UPDATE:
      return update_back_or_forth (store, op, backwards, error);
    case OP_INSERT:
    case OP_DELETE:
      /* Undoing an insert and redoing a delete remove the rows; the others put them back. */
      if (backwards == (op->type == OP_INSERT)
          ? !delete_keeping_rows (store, op->kind, op->id, &snapshot, error)
          : !restore (store, op->kind, op->id, op->snapshot, error))
        return FALSE;
      g_ptr_array_add (ops, op);
      g_ptr_array_add (snapshots, snapshot);
      return TRUE;
    case OP_MERGE:
      /* Merging sets the operation's records itself, and only once it has worked; a
       * rollback leaves them describing the merge as it was last done. */
      return backwards ? unmerge (store, op, error) : merge_keeping_rows (store, op, error);
    case OP_IMPORT:
      for (guint i = 0; i < op->children->len; i++)
        if (!apply (store, g_ptr_array_index (op->children, backwards ? op->children->len - 1 - i : i),
                    backwards, ops, snapshots, error))
          return FALSE;
      return TRUE;
    case N_OPS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static void
snapshot_free (gpointer snapshot)
{
  if (snapshot != NULL)
    g_ptr_array_unref (snapshot);
}

/* @op changes only when the transaction commits. */
static gboolean
run (ReadoutUndoStack  *self,
     Operation         *op,
     gboolean           backwards,
     GError           **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new ();
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func (snapshot_free);

  if (!readout_store_begin (self->store, error))
    return FALSE;

  if (!apply (self->store, op, backwards, ops, snapshots, error))
    {
      readout_store_rollback (self->store);
      return FALSE;
    }
  if (!readout_store_commit (self->store, error))
    return FALSE;

  for (guint i = 0; i < ops->len; i++)
    {
      Operation *done = g_ptr_array_index (ops, i);

      g_clear_pointer (&done->snapshot, g_ptr_array_unref);
      done->snapshot = g_steal_pointer (&g_ptr_array_index (snapshots, i));
    }
  return TRUE;
}

static gboolean
record_insert (ReadoutUndoStack  *self,
               ObjectKind         kind,
               GObject           *object,
               GError           **error)
{
  Operation *op;

  if (!insert_object (self->store, kind, object, error))
    return FALSE;
  op = g_new0 (Operation, 1);
  op->type = OP_INSERT;
  op->kind = kind;
  op->id = get_object_id (kind, object);
  push_done (self, op);
  return TRUE;
}

static gboolean
record_update (ReadoutUndoStack  *self,
               ObjectKind         kind,
               GObject           *object,
               GError           **error)
{
  g_autoptr(GObject) before = NULL;
  g_autoptr(GObject) after = NULL;
  gint64 id = get_object_id (kind, object);
  Operation *op;

  if (!readout_store_begin (self->store, error))
    return FALSE;
  /* Copies, read from the store: the caller may go on changing its object. */
  before = get_object (self->store, kind, id, error);
  if (before == NULL || !update_object (self->store, kind, object, error) ||
      (after = get_object (self->store, kind, id, error)) == NULL)
    {
      readout_store_rollback (self->store);
      return FALSE;
    }
  if (!readout_store_commit (self->store, error))
    return FALSE;

  op = g_new0 (Operation, 1);
  op->type = OP_UPDATE;
  op->kind = kind;
  op->id = id;
  op->before = g_steal_pointer (&before);
  op->after = g_steal_pointer (&after);
  push_done (self, op);
  return TRUE;
}

static gboolean
record_delete (ReadoutUndoStack  *self,
               ObjectKind         kind,
               gint64             id,
               GError           **error)
{
  Operation *op = g_new0 (Operation, 1);

  op->type = OP_DELETE;
  op->kind = kind;
  op->id = id;
  if (!run (self, op, FALSE, error))
    {
      operation_free (op);
      return FALSE;
    }
  push_done (self, op);
  return TRUE;
}

static gboolean
record_merge (ReadoutUndoStack  *self,
              ObjectKind         kind,
              gint64             kept_id,
              gint64             merged_id,
              GError           **error)
{
  Operation *op = g_new0 (Operation, 1);

  op->type = OP_MERGE;
  op->kind = kind;
  op->id = merged_id;
  op->kept_id = kept_id;
  if (!run (self, op, FALSE, error))
    {
      operation_free (op);
      return FALSE;
    }
  push_done (self, op);
  return TRUE;
}

ReadoutUndoStack *
readout_undo_stack_new (ReadoutStore *store)
{
  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);

  return g_object_new (READOUT_TYPE_UNDO_STACK, "store", store, NULL);
}

ReadoutStore *
readout_undo_stack_get_store (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), NULL);

  return self->store;
}

#define DEFINE_CHANGES(Name, name, KIND, TYPE_CHECK)                                      \
gboolean                                                                                 \
readout_undo_stack_insert_##name (ReadoutUndoStack *self, Readout##Name *object,        \
                                  GError **error)                                        \
{                                                                                        \
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);                            \
  g_return_val_if_fail (TYPE_CHECK (object), FALSE);                                     \
  return record_insert (self, KIND, G_OBJECT (object), error);                           \
}                                                                                        \
                                                                                         \
gboolean                                                                                 \
readout_undo_stack_delete_##name (ReadoutUndoStack *self, gint64 id, GError **error)    \
{                                                                                        \
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);                            \
  return record_delete (self, KIND, id, error);                                          \
}

#define DEFINE_UPDATE(Name, name, KIND, TYPE_CHECK)                                       \
gboolean                                                                                 \
readout_undo_stack_update_##name (ReadoutUndoStack *self, Readout##Name *object,        \
                                  GError **error)                                        \
{                                                                                        \
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);                            \
  g_return_val_if_fail (TYPE_CHECK (object), FALSE);                                     \
  return record_update (self, KIND, G_OBJECT (object), error);                           \
}

DEFINE_CHANGES (Leader, leader, KIND_LEADER, READOUT_IS_LEADER)
DEFINE_UPDATE (Leader, leader, KIND_LEADER, READOUT_IS_LEADER)
DEFINE_CHANGES (Call, call, KIND_CALL, READOUT_IS_CALL)
DEFINE_UPDATE (Call, call, KIND_CALL, READOUT_IS_CALL)
DEFINE_CHANGES (Source, source, KIND_SOURCE, READOUT_IS_SOURCE)
DEFINE_UPDATE (Source, source, KIND_SOURCE, READOUT_IS_SOURCE)
DEFINE_CHANGES (Statement, statement, KIND_STATEMENT, READOUT_IS_STATEMENT)
DEFINE_UPDATE (Statement, statement, KIND_STATEMENT, READOUT_IS_STATEMENT)
DEFINE_CHANGES (Topic, topic, KIND_TOPIC, READOUT_IS_TOPIC)
DEFINE_UPDATE (Topic, topic, KIND_TOPIC, READOUT_IS_TOPIC)
DEFINE_CHANGES (Conflict, conflict, KIND_CONFLICT, READOUT_IS_CONFLICT)

#undef DEFINE_CHANGES
#undef DEFINE_UPDATE

gboolean
readout_undo_stack_merge_leaders (ReadoutUndoStack  *self,
                                  gint64             kept_id,
                                  gint64             merged_id,
                                  GError           **error)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);

  return record_merge (self, KIND_LEADER, kept_id, merged_id, error);
}

gboolean
readout_undo_stack_merge_calls (ReadoutUndoStack  *self,
                                gint64             kept_id,
                                gint64             merged_id,
                                GError           **error)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);

  return record_merge (self, KIND_CALL, kept_id, merged_id, error);
}

static ObjectKind
kind_of (GObject *object)
{
  if (READOUT_IS_LEADER (object))
    return KIND_LEADER;
  if (READOUT_IS_CALL (object))
    return KIND_CALL;
  if (READOUT_IS_SOURCE (object))
    return KIND_SOURCE;
  if (READOUT_IS_STATEMENT (object))
    return KIND_STATEMENT;
  if (READOUT_IS_TOPIC (object))
    return KIND_TOPIC;
  g_return_val_if_fail (READOUT_IS_CONFLICT (object), KIND_CONFLICT);
  return KIND_CONFLICT;
}

void
readout_undo_stack_push_import (ReadoutUndoStack *self,
                                GPtrArray        *added,
                                GPtrArray        *changed)
{
  Operation *op;

  g_return_if_fail (READOUT_IS_UNDO_STACK (self));
  g_return_if_fail (added != NULL && changed != NULL && changed->len % 2 == 0);

  op = g_new0 (Operation, 1);
  op->type = OP_IMPORT;
  op->children = g_ptr_array_new_with_free_func ((GDestroyNotify) operation_free);
  /* Inserts first: undone last, after the calls no longer point at what they added
   * (an initiator new to the store), and redone before the calls point at it again. */
  for (guint i = 0; i < added->len; i++)
    {
      Operation *insert = g_new0 (Operation, 1);

      insert->type = OP_INSERT;
      insert->kind = kind_of (g_ptr_array_index (added, i));
      insert->id = get_object_id (insert->kind, g_ptr_array_index (added, i));
      g_ptr_array_add (op->children, insert);
    }
  for (guint i = 0; i < changed->len; i += 2)
    {
      Operation *update = g_new0 (Operation, 1);

      update->type = OP_UPDATE;
      update->kind = kind_of (g_ptr_array_index (changed, i));
      update->before = g_object_ref (g_ptr_array_index (changed, i));
      update->after = g_object_ref (g_ptr_array_index (changed, i + 1));
      g_ptr_array_add (op->children, update);
    }
  push_done (self, op);
}

gboolean
readout_undo_stack_can_undo (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);

  return self->undo->len > 0 && !self->busy;
}

gboolean
readout_undo_stack_can_redo (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);

  return self->redo->len > 0 && !self->busy;
}

static const char *
label_of_last (GPtrArray *ops)
{
  Operation *op;

  if (ops->len == 0)
    return NULL;
  op = g_ptr_array_index (ops, ops->len - 1);
  if (op->type == OP_IMPORT)
    return _("Import");
  return _(kinds[op->kind].labels[op->type]);
}

const char *
readout_undo_stack_get_undo_label (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), NULL);

  return label_of_last (self->undo);
}

const char *
readout_undo_stack_get_redo_label (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), NULL);

  return label_of_last (self->redo);
}

/* Topic changes in the background */

static void
set_busy (ReadoutUndoStack *self,
          gboolean          busy)
{
  self->busy = busy;
  self->retag_fraction = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETAG_FRACTION]);
  notify_state (self);
}

static void
on_retag_progress (guint64  done,
                   guint64  total,
                   gpointer user_data)
{
  ReadoutUndoStack *self = user_data;

  self->retag_fraction = total > 0 ? (double) done / (double) total : 1.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETAG_FRACTION]);
}

static void
on_topic_change_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReadoutUndoStack *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);
  GError *error = NULL;

  set_busy (self, FALSE);
  if (!readout_store_topic_change_finish (READOUT_STORE (source), result, &error))
    {
      operation_free (op);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[TOPIC_CHANGE_FAILED], 0, error);
      g_task_return_error (task, error);
      return;
    }

  if (op->type == OP_INSERT)
    op->id = readout_topic_get_id (READOUT_TOPIC (op->after));
  if (op->type == OP_UPDATE)
    {
      g_clear_object (&op->after);
      op->after = get_topic (self->store, op->id, NULL);
    }
  if (op->type == OP_UPDATE && op->after == NULL)
    operation_free (op);
  else
    {
      if (op->type == OP_INSERT)
        g_clear_object (&op->after);
      push_done (self, op);
    }
  g_task_return_boolean (task, TRUE);
}

static void
start_topic_change (ReadoutUndoStack    *self,
                    OperationType        type,
                    ReadoutTopic        *topic,
                    gint64               topic_id,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  g_autoptr(GError) error = NULL;
  Operation *op;

  g_task_set_source_tag (task, readout_undo_stack_topic_change_finish);
  if (self->busy)
    {
      g_task_return_new_error (task, READOUT_ERROR, READOUT_ERROR_LOCKED,
                               _("The statements are being re-tagged for a change of topics; try again when that is done."));
      return;
    }

  op = g_new0 (Operation, 1);
  op->type = type;
  op->kind = KIND_TOPIC;
  op->id = topic_id;
  /* What undo needs is read now: the worker's transaction is the change itself. */
  if ((type == OP_UPDATE && (op->before = get_topic (self->store, topic_id, &error)) == NULL) ||
      (type == OP_DELETE && (op->snapshot = capture (self->store, KIND_TOPIC, topic_id, &error)) == NULL))
    {
      operation_free (op);
      g_signal_emit (self, signals[TOPIC_CHANGE_FAILED], 0, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (type == OP_INSERT)
    op->after = g_object_ref (G_OBJECT (topic));  /* for its id, once stored */
  /* Owned by on_topic_change_done_cb(), which always runs. */
  g_task_set_task_data (task, op, NULL);

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  switch (type)
    {
    case OP_INSERT:
      readout_store_insert_topic_async (self->store, topic, self->cancellable, on_retag_progress, self,
                                        on_topic_change_done_cb, g_object_ref (task));
      break;
    case OP_UPDATE:
      readout_store_update_topic_async (self->store, topic, self->cancellable, on_retag_progress, self,
                                        on_topic_change_done_cb, g_object_ref (task));
      break;
    case OP_DELETE:
    case OP_MERGE:
    case N_OPS:
    default:
      readout_store_delete_topic_async (self->store, topic_id, self->cancellable, on_retag_progress, self,
                                        on_topic_change_done_cb, g_object_ref (task));
      break;
    }
}

void
readout_undo_stack_insert_topic_async (ReadoutUndoStack    *self,
                                       ReadoutTopic        *topic,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (READOUT_IS_UNDO_STACK (self));
  g_return_if_fail (READOUT_IS_TOPIC (topic));

  start_topic_change (self, OP_INSERT, topic, 0, callback, user_data);
}

void
readout_undo_stack_update_topic_async (ReadoutUndoStack    *self,
                                       ReadoutTopic        *topic,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (READOUT_IS_UNDO_STACK (self));
  g_return_if_fail (READOUT_IS_TOPIC (topic));

  start_topic_change (self, OP_UPDATE, topic, readout_topic_get_id (topic), callback, user_data);
}

void
readout_undo_stack_delete_topic_async (ReadoutUndoStack    *self,
                                       gint64               topic_id,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (READOUT_IS_UNDO_STACK (self));

  start_topic_change (self, OP_DELETE, NULL, topic_id, callback, user_data);
}

gboolean
readout_undo_stack_topic_change_finish (ReadoutUndoStack  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
readout_undo_stack_get_busy (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);

  return self->busy;
}

double
readout_undo_stack_get_retag_fraction (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), 0);

  return self->retag_fraction;
}

/* Moves the last operation of @from to @to after running it; nothing moves on error. */
static gboolean
step (ReadoutUndoStack  *self,
      GPtrArray         *from,
      GPtrArray         *to,
      gboolean           backwards,
      GError           **error)
{
  Operation *op;

  if (self->busy)
    {
      g_set_error_literal (error, READOUT_ERROR, READOUT_ERROR_LOCKED,
                           _("The statements are being re-tagged for a change of topics; try again when that is done."));
      return FALSE;
    }
  if (from->len == 0)
    {
      g_set_error_literal (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
                           backwards ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }
  op = g_ptr_array_index (from, from->len - 1);
  if (!run (self, op, backwards, error))
    return FALSE;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_state (self);
  return TRUE;
}

gboolean
readout_undo_stack_undo (ReadoutUndoStack  *self,
                         GError           **error)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);

  return step (self, self->undo, self->redo, TRUE, error);
}

gboolean
readout_undo_stack_redo (ReadoutUndoStack  *self,
                         GError           **error)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);

  return step (self, self->redo, self->undo, FALSE, error);
}

void
readout_undo_stack_clear (ReadoutUndoStack *self)
{
  g_return_if_fail (READOUT_IS_UNDO_STACK (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self);
}

/* ---------------------------------------------------------------------------------- */

static void
readout_undo_stack_finalize (GObject *object)
{
  ReadoutUndoStack *self = READOUT_UNDO_STACK (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (readout_undo_stack_parent_class)->finalize (object);
}

static void
readout_undo_stack_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReadoutUndoStack *self = READOUT_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, readout_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, readout_undo_stack_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, readout_undo_stack_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, readout_undo_stack_get_redo_label (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_RETAG_FRACTION:
      g_value_set_double (value, self->retag_fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_undo_stack_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReadoutUndoStack *self = READOUT_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_undo_stack_class_init (ReadoutUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_undo_stack_finalize;
  object_class->get_property = readout_undo_stack_get_property;
  object_class->set_property = readout_undo_stack_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, READOUT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETAG_FRACTION] =
    g_param_spec_double ("retag-fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReadoutUndoStack::topic-change-failed:
   * @error: (type GLib.Error): why
   */
  signals[TOPIC_CHANGE_FAILED] =
    g_signal_new ("topic-change-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
readout_undo_stack_init (ReadoutUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) operation_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) operation_free);
}
