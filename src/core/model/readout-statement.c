// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-statement"

#include "config.h"

#include "readout-statement.h"
#include "readout-strv.h"

/* A passage of a source about a call: a quote or a paraphrase. */

struct _ReadoutStatement
{
  GObject parent_instance;

  gint64 id;
  gint64 row_version;
  gint64 call_id;
  gint64 source_id;
  char *speaker;
  char *side;
  ReadoutStatementKind kind;
  char *text;
  int position;
  char **topics;
  char *source_publisher;
  char *source_title;
};

G_DEFINE_FINAL_TYPE (ReadoutStatement, readout_statement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROW_VERSION,
  PROP_CALL_ID,
  PROP_SOURCE_ID,
  PROP_SPEAKER,
  PROP_SIDE,
  PROP_KIND,
  PROP_TEXT,
  PROP_POSITION,
  PROP_TOPICS,
  PROP_SOURCE_PUBLISHER,
  PROP_SOURCE_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
readout_statement_finalize (GObject *object)
{
  ReadoutStatement *self = READOUT_STATEMENT (object);

  g_free (self->speaker);
  g_free (self->side);
  g_free (self->text);
  g_strfreev (self->topics);
  g_free (self->source_publisher);
  g_free (self->source_title);

  G_OBJECT_CLASS (readout_statement_parent_class)->finalize (object);
}

static void
readout_statement_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReadoutStatement *self = READOUT_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ROW_VERSION:
      g_value_set_int64 (value, self->row_version);
      break;

    case PROP_CALL_ID:
      g_value_set_int64 (value, self->call_id);
      break;

    case PROP_SOURCE_ID:
      g_value_set_int64 (value, self->source_id);
      break;

    case PROP_SPEAKER:
      g_value_set_string (value, self->speaker);
      break;

    case PROP_SIDE:
      g_value_set_string (value, self->side);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;

    case PROP_SOURCE_PUBLISHER:
      g_value_set_string (value, self->source_publisher);
      break;

    case PROP_SOURCE_TITLE:
      g_value_set_string (value, self->source_title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_statement_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ReadoutStatement *self = READOUT_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      readout_statement_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROW_VERSION:
      readout_statement_set_row_version (self, g_value_get_int64 (value));
      break;

    case PROP_CALL_ID:
      readout_statement_set_call_id (self, g_value_get_int64 (value));
      break;

    case PROP_SOURCE_ID:
      readout_statement_set_source_id (self, g_value_get_int64 (value));
      break;

    case PROP_SPEAKER:
      readout_statement_set_speaker (self, g_value_get_string (value));
      break;

    case PROP_SIDE:
      readout_statement_set_side (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      readout_statement_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TEXT:
      readout_statement_set_text (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      readout_statement_set_position (self, g_value_get_int (value));
      break;

    case PROP_TOPICS:
      readout_statement_set_topics (self, g_value_get_boxed (value));
      break;

    case PROP_SOURCE_PUBLISHER:
      readout_statement_set_source_publisher (self, g_value_get_string (value));
      break;

    case PROP_SOURCE_TITLE:
      readout_statement_set_source_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_statement_class_init (ReadoutStatementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_statement_finalize;
  object_class->get_property = readout_statement_get_property;
  object_class->set_property = readout_statement_set_property;

  /* The row id in the store, 0 until stored */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The version of the row this was read from, which a save must still find: the team
   * store's row_version (PostgreSQL); 0 when unknown, and always on SQLite, where the
   * save is not checked */
  properties[PROP_ROW_VERSION] =
    g_param_spec_int64 ("row-version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The call it is about */
  properties[PROP_CALL_ID] =
    g_param_spec_int64 ("call-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The source it comes from */
  properties[PROP_SOURCE_ID] =
    g_param_spec_int64 ("source-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Who says it: an institution ("the Kremlin") or a person ("Dmitry Peskov") */
  properties[PROP_SPEAKER] =
    g_param_spec_string ("speaker", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Country code of the side whose account it gives, or NULL for none */
  properties[PROP_SIDE] =
    g_param_spec_string ("side", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Quote or paraphrase */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       READOUT_TYPE_STATEMENT_KIND, READOUT_STATEMENT_KIND_PARAPHRASE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The passage itself */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Order of the passage within its source */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Names of the topics it touches (read from the store) */
  properties[PROP_TOPICS] =
    g_param_spec_boxed ("topics", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Publisher of its source (read from the store) */
  properties[PROP_SOURCE_PUBLISHER] =
    g_param_spec_string ("source-publisher", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Title of its source (read from the store) */
  properties[PROP_SOURCE_TITLE] =
    g_param_spec_string ("source-title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
readout_statement_init (ReadoutStatement *self)
{
  self->kind = READOUT_STATEMENT_KIND_PARAPHRASE;
}

ReadoutStatement *
readout_statement_new (void)
{
  return g_object_new (READOUT_TYPE_STATEMENT, NULL);
}

gint64
readout_statement_get_id (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), 0);

  return self->id;
}

gint64
readout_statement_get_call_id (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), 0);

  return self->call_id;
}

gint64
readout_statement_get_source_id (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), 0);

  return self->source_id;
}

const char *
readout_statement_get_speaker (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), NULL);

  return self->speaker;
}

const char *
readout_statement_get_side (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), NULL);

  return self->side;
}

ReadoutStatementKind
readout_statement_get_kind (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), 0);

  return self->kind;
}

const char *
readout_statement_get_text (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), NULL);

  return self->text;
}

int
readout_statement_get_position (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), 0);

  return self->position;
}

const char * const *
readout_statement_get_topics (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), NULL);

  return (const char * const *) self->topics;
}

const char *
readout_statement_get_source_publisher (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), NULL);

  return self->source_publisher;
}

const char *
readout_statement_get_source_title (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), NULL);

  return self->source_title;
}

void
readout_statement_set_id (ReadoutStatement *self,
                             gint64 value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
readout_statement_get_row_version (ReadoutStatement *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT (self), 0);

  return self->row_version;
}

void
readout_statement_set_row_version (ReadoutStatement *self,
                              gint64 value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (self->row_version == value)
    return;

  self->row_version = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_VERSION]);
}

void
readout_statement_set_call_id (ReadoutStatement *self,
                                  gint64 value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (self->call_id == value)
    return;

  self->call_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_ID]);
}

void
readout_statement_set_source_id (ReadoutStatement *self,
                                    gint64 value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (self->source_id == value)
    return;

  self->source_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ID]);
}

void
readout_statement_set_speaker (ReadoutStatement *self,
                                  const char *value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (g_strcmp0 (self->speaker, value) == 0)
    return;

  g_free (self->speaker);
  self->speaker = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER]);
}

void
readout_statement_set_side (ReadoutStatement *self,
                               const char *value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (g_strcmp0 (self->side, value) == 0)
    return;

  g_free (self->side);
  self->side = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

void
readout_statement_set_kind (ReadoutStatement *self,
                               ReadoutStatementKind value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (self->kind == value)
    return;

  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
readout_statement_set_text (ReadoutStatement *self,
                               const char *value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (g_strcmp0 (self->text, value) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

void
readout_statement_set_position (ReadoutStatement *self,
                                   int value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (self->position == value)
    return;

  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

void
readout_statement_set_topics (ReadoutStatement *self,
                                 const char * const *value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (readout_strv_replace (&self->topics, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPICS]);
}

void
readout_statement_set_source_publisher (ReadoutStatement *self,
                                           const char *value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (g_strcmp0 (self->source_publisher, value) == 0)
    return;

  g_free (self->source_publisher);
  self->source_publisher = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_PUBLISHER]);
}

void
readout_statement_set_source_title (ReadoutStatement *self,
                                       const char *value)
{
  g_return_if_fail (READOUT_IS_STATEMENT (self));

  if (g_strcmp0 (self->source_title, value) == 0)
    return;

  g_free (self->source_title);
  self->source_title = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_TITLE]);
}
