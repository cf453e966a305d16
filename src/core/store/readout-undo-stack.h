// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-store.h"
#include "readout-store-retag.h"

G_BEGIN_DECLS

#define READOUT_TYPE_UNDO_STACK (readout_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutUndoStack, readout_undo_stack, READOUT, UNDO_STACK, GObject)

/* Undo and redo for the changes of a session. Every change made through the stack is
 * one store transaction and records how to take it back: an update keeps the object as
 * it was; a delete keeps every row it removed (a call with its participants, sources,
 * statements with their ids and topic links, conflicts and claims), so that undo puts
 * back exactly what was there, ids included. Undo and redo are transactions too. A
 * failed change, undo or redo leaves both the store and the stack as they were.
 *
 * Changes made to the store outside the stack are not recorded; an undo they conflict
 * with (a restored id taken meanwhile) fails with the store's error. */

ReadoutUndoStack *readout_undo_stack_new              (ReadoutStore      *store);
ReadoutStore     *readout_undo_stack_get_store        (ReadoutUndoStack  *self);

gboolean readout_undo_stack_insert_leader     (ReadoutUndoStack  *self,
                                               ReadoutLeader     *leader,
                                               GError           **error);
gboolean readout_undo_stack_update_leader     (ReadoutUndoStack  *self,
                                               ReadoutLeader     *leader,
                                               GError           **error);
gboolean readout_undo_stack_delete_leader     (ReadoutUndoStack  *self,
                                               gint64             leader_id,
                                               GError           **error);
gboolean readout_undo_stack_insert_call       (ReadoutUndoStack  *self,
                                               ReadoutCall       *call,
                                               GError           **error);
gboolean readout_undo_stack_update_call       (ReadoutUndoStack  *self,
                                               ReadoutCall       *call,
                                               GError           **error);
gboolean readout_undo_stack_delete_call       (ReadoutUndoStack  *self,
                                               gint64             call_id,
                                               GError           **error);
gboolean readout_undo_stack_insert_source     (ReadoutUndoStack  *self,
                                               ReadoutSource     *source,
                                               GError           **error);
gboolean readout_undo_stack_update_source     (ReadoutUndoStack  *self,
                                               ReadoutSource     *source,
                                               GError           **error);
gboolean readout_undo_stack_delete_source     (ReadoutUndoStack  *self,
                                               gint64             source_id,
                                               GError           **error);
gboolean readout_undo_stack_insert_statement  (ReadoutUndoStack  *self,
                                               ReadoutStatement  *statement,
                                               GError           **error);
gboolean readout_undo_stack_update_statement  (ReadoutUndoStack  *self,
                                               ReadoutStatement  *statement,
                                               GError           **error);
gboolean readout_undo_stack_delete_statement  (ReadoutUndoStack  *self,
                                               gint64             statement_id,
                                               GError           **error);
gboolean readout_undo_stack_insert_topic      (ReadoutUndoStack  *self,
                                               ReadoutTopic      *topic,
                                               GError           **error);
gboolean readout_undo_stack_update_topic      (ReadoutUndoStack  *self,
                                               ReadoutTopic      *topic,
                                               GError           **error);
gboolean readout_undo_stack_delete_topic      (ReadoutUndoStack  *self,
                                               gint64             topic_id,
                                               GError           **error);
gboolean readout_undo_stack_insert_conflict   (ReadoutUndoStack  *self,
                                               ReadoutConflict   *conflict,
                                               GError           **error);
gboolean readout_undo_stack_delete_conflict   (ReadoutUndoStack  *self,
                                               gint64             conflict_id,
                                               GError           **error);
/* Merges as readout_store_merge_leaders() and readout_store_merge_calls() do; undo puts
 * the merged leader or call back with its id and moves back exactly what moved. */
gboolean readout_undo_stack_merge_leaders     (ReadoutUndoStack  *self,
                                               gint64             kept_id,
                                               gint64             merged_id,
                                               GError           **error);
gboolean readout_undo_stack_merge_calls       (ReadoutUndoStack  *self,
                                               gint64             kept_id,
                                               gint64             merged_id,
                                               GError           **error);

/* Topic changes in the background (readout-store-retag.h): recorded when they are
 * committed. Meanwhile the stack is busy (the "busy" property; "retag-fraction" goes
 * from 0 to 1): undo and redo wait, and can-undo and can-redo are FALSE. A change that
 * fails is also reported with ::topic-change-failed, for a window other than the one
 * that started it (a topic form closes on saving). @callback may be NULL. Undo and
 * redo of topic changes re-tag synchronously. */
void     readout_undo_stack_insert_topic_async (ReadoutUndoStack    *self,
                                                ReadoutTopic        *topic,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void     readout_undo_stack_update_topic_async (ReadoutUndoStack    *self,
                                                ReadoutTopic        *topic,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void     readout_undo_stack_delete_topic_async (ReadoutUndoStack    *self,
                                                gint64               topic_id,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean readout_undo_stack_topic_change_finish (ReadoutUndoStack  *self,
                                                 GAsyncResult      *result,
                                                 GError           **error);
gboolean readout_undo_stack_get_busy          (ReadoutUndoStack  *self);
double   readout_undo_stack_get_retag_fraction (ReadoutUndoStack *self);

/* An import, which the importer filed in its own transaction, as one step ("Import"):
 * @added holds what it inserted (leaders, calls, sources, conflicts; with their ids), in
 * the order it did, and @changed pairs of the calls it changed, as they were and as it
 * left them. Undo deletes what was added, keeping its rows for redo (statements go with
 * their source), and writes the calls back; redo the reverse. Writes nothing itself. */
void        readout_undo_stack_push_import    (ReadoutUndoStack  *self,
                                               GPtrArray         *added,
                                               GPtrArray         *changed);

gboolean    readout_undo_stack_can_undo       (ReadoutUndoStack  *self);
gboolean    readout_undo_stack_can_redo       (ReadoutUndoStack  *self);
/* What undo or redo would do, for a menu item or a toast ("Delete Call"); NULL when
 * there is nothing to undo or redo. */
const char *readout_undo_stack_get_undo_label (ReadoutUndoStack  *self);
const char *readout_undo_stack_get_redo_label (ReadoutUndoStack  *self);
gboolean    readout_undo_stack_undo           (ReadoutUndoStack  *self,
                                               GError           **error);
gboolean    readout_undo_stack_redo           (ReadoutUndoStack  *self,
                                               GError           **error);
void        readout_undo_stack_clear          (ReadoutUndoStack  *self);

G_END_DECLS
