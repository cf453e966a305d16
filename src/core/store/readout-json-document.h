// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

#include "readout-call.h"
#include "readout-conflict.h"
#include "readout-leader.h"
#include "readout-source.h"
#include "readout-statement.h"
#include "readout-topic.h"

G_BEGIN_DECLS

/* The JSON export's objects, one table each: which member is which column of the store
 * and which property of the model. readout-store-json.c writes a row by its table,
 * readout-json-document.c reads an object by it (a property's type, string, whole
 * number or enum, says how), so a field added to a model is one line here. Lists inside
 * an object (aliases, participants, sources, statements, conflicts) are written and read
 * by hand after the table's members. */

typedef struct {
  const char *member;      /* in the document */
  const char *column;      /* an SQL expression over the row, written as @member */
  const char *property;    /* of the model, read from @member */
  gboolean    required;
  gint64      minimum;     /* for whole numbers; the property's range caps them */
} ReadoutJsonField;

typedef struct {
  const char             *what;     /* "leader": names an object in messages */
  const char             *plural;   /* "leaders" */
  const char             *from;     /* the SQL after the column list */
  const ReadoutJsonField *fields;   /* the first is the object's id */
  guint                   n_fields;
} ReadoutJsonTable;

extern const ReadoutJsonTable readout_json_leaders;
extern const ReadoutJsonTable readout_json_calls;
extern const ReadoutJsonTable readout_json_sources;
extern const ReadoutJsonTable readout_json_statements;

/* A document as the import reads it: the topics and leaders whole, the calls one at a
 * time (a large export is never a tree in memory). Ids are the document's. */

typedef struct {
  ReadoutSource *source;
  GPtrArray     *statements;      /* ReadoutStatement */
} ReadoutJsonSource;

typedef struct {
  ReadoutCall *call;              /* participants and initiator: the document's leader ids */
  GPtrArray   *sources;           /* ReadoutJsonSource */
  GPtrArray   *conflicts;         /* ReadoutConflict, claim sources: the document's ids */
} ReadoutJsonCall;

typedef struct {
  const char *data;
  gboolean    has_topics;         /* FALSE: the document leaves the topic list alone */
  GPtrArray  *topics;             /* ReadoutTopic */
  GPtrArray  *leaders;            /* ReadoutLeader */
  GArray     *calls;              /* ReadoutJsonSpan of each call */
  JsonParser *parser;
  /* The ids used so far, each set of ids once in a document. */
  GHashTable *leader_ids;
  GHashTable *call_ids;
  GHashTable *source_ids;
  GHashTable *statement_ids;
} ReadoutJsonDocument;

/* Sets READOUT_ERROR_BAD_INPUT with a one-line message; returns FALSE. */
gboolean         readout_json_bad_input      (GError              **error,
                                              const char           *format,
                                              ...) G_GNUC_PRINTF (2, 3);
/* Checks the format and version, reads the topics and leaders and finds the calls. */
gboolean         readout_json_document_read  (ReadoutJsonDocument  *doc,
                                              const char           *data,
                                              gsize                 length,
                                              GError              **error);
/* Call number @index + 1, with its sources and conflicts, checked against the leaders
 * and every id read before. */
ReadoutJsonCall *readout_json_document_read_call (ReadoutJsonDocument *doc,
                                                  guint                index,
                                                  GError             **error);
void             readout_json_document_clear (ReadoutJsonDocument  *doc);
void             readout_json_call_free      (ReadoutJsonCall      *call);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReadoutJsonDocument, readout_json_document_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutJsonCall, readout_json_call_free)

G_END_DECLS
