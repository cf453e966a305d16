// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-source"

#include "config.h"

#include "readout-source.h"

/* A document about a call: a readout, transcript, press release, news report, briefing or post. */

struct _ReadoutSource
{
  GObject parent_instance;

  gint64 id;
  gint64 row_version;
  gint64 call_id;
  char *publisher;
  ReadoutSourceKind kind;
  char *side;
  char *date;
  char *title;
  char *url;
  char *text;
};

G_DEFINE_FINAL_TYPE (ReadoutSource, readout_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROW_VERSION,
  PROP_CALL_ID,
  PROP_PUBLISHER,
  PROP_KIND,
  PROP_SIDE,
  PROP_DATE,
  PROP_TITLE,
  PROP_URL,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
readout_source_finalize (GObject *object)
{
  ReadoutSource *self = READOUT_SOURCE (object);

  g_free (self->publisher);
  g_free (self->side);
  g_free (self->date);
  g_free (self->title);
  g_free (self->url);
  g_free (self->text);

  G_OBJECT_CLASS (readout_source_parent_class)->finalize (object);
}

static void
readout_source_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ReadoutSource *self = READOUT_SOURCE (object);

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

    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_SIDE:
      g_value_set_string (value, self->side);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_source_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ReadoutSource *self = READOUT_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      readout_source_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROW_VERSION:
      readout_source_set_row_version (self, g_value_get_int64 (value));
      break;

    case PROP_CALL_ID:
      readout_source_set_call_id (self, g_value_get_int64 (value));
      break;

    case PROP_PUBLISHER:
      readout_source_set_publisher (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      readout_source_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_SIDE:
      readout_source_set_side (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      readout_source_set_date (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      readout_source_set_title (self, g_value_get_string (value));
      break;

    case PROP_URL:
      readout_source_set_url (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      readout_source_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_source_class_init (ReadoutSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_source_finalize;
  object_class->get_property = readout_source_get_property;
  object_class->set_property = readout_source_set_property;

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

  /* The call the source is about */
  properties[PROP_CALL_ID] =
    g_param_spec_int64 ("call-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Who published it, e.g. "Kremlin" or "UPI" */
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* What kind of document it is */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       READOUT_TYPE_SOURCE_KIND, READOUT_SOURCE_KIND_NEWS_REPORT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Country code of the side whose account it gives, or NULL for independent press */
  properties[PROP_SIDE] =
    g_param_spec_string ("side", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Publication date as an ISO date, or NULL */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Title or headline */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Where it was published, or NULL */
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Full text */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
readout_source_init (ReadoutSource *self)
{
  self->kind = READOUT_SOURCE_KIND_NEWS_REPORT;
}

ReadoutSource *
readout_source_new (void)
{
  return g_object_new (READOUT_TYPE_SOURCE, NULL);
}

gint64
readout_source_get_id (ReadoutSource *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE (self), 0);

  return self->id;
}

gint64
readout_source_get_call_id (ReadoutSource *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE (self), 0);

  return self->call_id;
}

const char *
readout_source_get_publisher (ReadoutSource *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE (self), NULL);

  return self->publisher;
}

ReadoutSourceKind
readout_source_get_kind (ReadoutSource *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE (self), 0);

  return self->kind;
}

const char *
readout_source_get_side (ReadoutSource *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE (self), NULL);

  return self->side;
}

const char *
readout_source_get_date (ReadoutSource *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE (self), NULL);

  return self->date;
}

const char *
readout_source_get_title (ReadoutSource *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE (self), NULL);

  return self->title;
}

const char *
readout_source_get_url (ReadoutSource *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE (self), NULL);

  return self->url;
}

const char *
readout_source_get_text (ReadoutSource *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE (self), NULL);

  return self->text;
}

void
readout_source_set_id (ReadoutSource *self,
                          gint64 value)
{
  g_return_if_fail (READOUT_IS_SOURCE (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
readout_source_get_row_version (ReadoutSource *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE (self), 0);

  return self->row_version;
}

void
readout_source_set_row_version (ReadoutSource *self,
                              gint64 value)
{
  g_return_if_fail (READOUT_IS_SOURCE (self));

  if (self->row_version == value)
    return;

  self->row_version = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_VERSION]);
}

void
readout_source_set_call_id (ReadoutSource *self,
                               gint64 value)
{
  g_return_if_fail (READOUT_IS_SOURCE (self));

  if (self->call_id == value)
    return;

  self->call_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_ID]);
}

void
readout_source_set_publisher (ReadoutSource *self,
                                 const char *value)
{
  g_return_if_fail (READOUT_IS_SOURCE (self));

  if (g_strcmp0 (self->publisher, value) == 0)
    return;

  g_free (self->publisher);
  self->publisher = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
}

void
readout_source_set_kind (ReadoutSource *self,
                            ReadoutSourceKind value)
{
  g_return_if_fail (READOUT_IS_SOURCE (self));

  if (self->kind == value)
    return;

  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
readout_source_set_side (ReadoutSource *self,
                            const char *value)
{
  g_return_if_fail (READOUT_IS_SOURCE (self));

  if (g_strcmp0 (self->side, value) == 0)
    return;

  g_free (self->side);
  self->side = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

void
readout_source_set_date (ReadoutSource *self,
                            const char *value)
{
  g_return_if_fail (READOUT_IS_SOURCE (self));

  if (g_strcmp0 (self->date, value) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
readout_source_set_title (ReadoutSource *self,
                             const char *value)
{
  g_return_if_fail (READOUT_IS_SOURCE (self));

  if (g_strcmp0 (self->title, value) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
readout_source_set_url (ReadoutSource *self,
                           const char *value)
{
  g_return_if_fail (READOUT_IS_SOURCE (self));

  if (g_strcmp0 (self->url, value) == 0)
    return;

  g_free (self->url);
  self->url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

void
readout_source_set_text (ReadoutSource *self,
                            const char *value)
{
  g_return_if_fail (READOUT_IS_SOURCE (self));

  if (g_strcmp0 (self->text, value) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
