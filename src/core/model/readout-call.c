// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-call"

#include "config.h"

#include "readout-call.h"
#include "readout-strv.h"

/* One conversation between two (rarely more) leaders by phone or video. */

struct _ReadoutCall
{
  GObject parent_instance;

  gint64 id;
  gint64 row_version;
  char *date;
  ReadoutDatePrecision date_precision;
  char *time;
  int duration_minutes;
  ReadoutDurationQualifier duration_qualifier;
  ReadoutCallStatus status;
  gint64 initiator_id;
  char *initiator_name;
  char **participant_names;
  char **participant_countries;
  char **topics;

  GArray *participant_ids;
};

G_DEFINE_FINAL_TYPE (ReadoutCall, readout_call, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROW_VERSION,
  PROP_DATE,
  PROP_DATE_PRECISION,
  PROP_TIME,
  PROP_DURATION_MINUTES,
  PROP_DURATION_QUALIFIER,
  PROP_STATUS,
  PROP_INITIATOR_ID,
  PROP_INITIATOR_NAME,
  PROP_PARTICIPANT_NAMES,
  PROP_PARTICIPANT_COUNTRIES,
  PROP_TOPICS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
readout_call_finalize (GObject *object)
{
  ReadoutCall *self = READOUT_CALL (object);

  g_free (self->date);
  g_free (self->time);
  g_free (self->initiator_name);
  g_strfreev (self->participant_names);
  g_strfreev (self->participant_countries);
  g_strfreev (self->topics);
  g_clear_pointer (&self->participant_ids, g_array_unref);

  G_OBJECT_CLASS (readout_call_parent_class)->finalize (object);
}

static void
readout_call_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ReadoutCall *self = READOUT_CALL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ROW_VERSION:
      g_value_set_int64 (value, self->row_version);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_DATE_PRECISION:
      g_value_set_enum (value, self->date_precision);
      break;

    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;

    case PROP_DURATION_MINUTES:
      g_value_set_int (value, self->duration_minutes);
      break;

    case PROP_DURATION_QUALIFIER:
      g_value_set_enum (value, self->duration_qualifier);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_INITIATOR_ID:
      g_value_set_int64 (value, self->initiator_id);
      break;

    case PROP_INITIATOR_NAME:
      g_value_set_string (value, self->initiator_name);
      break;

    case PROP_PARTICIPANT_NAMES:
      g_value_set_boxed (value, self->participant_names);
      break;

    case PROP_PARTICIPANT_COUNTRIES:
      g_value_set_boxed (value, self->participant_countries);
      break;

    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_call_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ReadoutCall *self = READOUT_CALL (object);

  switch (prop_id)
    {
    case PROP_ID:
      readout_call_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROW_VERSION:
      readout_call_set_row_version (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      readout_call_set_date (self, g_value_get_string (value));
      break;

    case PROP_DATE_PRECISION:
      readout_call_set_date_precision (self, g_value_get_enum (value));
      break;

    case PROP_TIME:
      readout_call_set_time (self, g_value_get_string (value));
      break;

    case PROP_DURATION_MINUTES:
      readout_call_set_duration_minutes (self, g_value_get_int (value));
      break;

    case PROP_DURATION_QUALIFIER:
      readout_call_set_duration_qualifier (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      readout_call_set_status (self, g_value_get_enum (value));
      break;

    case PROP_INITIATOR_ID:
      readout_call_set_initiator_id (self, g_value_get_int64 (value));
      break;

    case PROP_INITIATOR_NAME:
      readout_call_set_initiator_name (self, g_value_get_string (value));
      break;

    case PROP_PARTICIPANT_NAMES:
      readout_call_set_participant_names (self, g_value_get_boxed (value));
      break;

    case PROP_PARTICIPANT_COUNTRIES:
      readout_call_set_participant_countries (self, g_value_get_boxed (value));
      break;

    case PROP_TOPICS:
      readout_call_set_topics (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_call_class_init (ReadoutCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_call_finalize;
  object_class->get_property = readout_call_get_property;
  object_class->set_property = readout_call_set_property;

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

  /* ISO date, as precise as known: "2017-01-28", "2017-01" or "2017" */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How precise the date is */
  properties[PROP_DATE_PRECISION] =
    g_param_spec_enum ("date-precision", NULL, NULL,
                       READOUT_TYPE_DATE_PRECISION, READOUT_DATE_PRECISION_DAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Start time "HH:MM" (UTC) or NULL */
  properties[PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Duration in minutes, or -1 when unknown */
  properties[PROP_DURATION_MINUTES] =
    g_param_spec_int ("duration-minutes", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the duration is exact, about, more or less than */
  properties[PROP_DURATION_QUALIFIER] =
    g_param_spec_enum ("duration-qualifier", NULL, NULL,
                       READOUT_TYPE_DURATION_QUALIFIER, READOUT_DURATION_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Held, announced or cancelled */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       READOUT_TYPE_CALL_STATUS, READOUT_CALL_STATUS_HELD,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Leader who placed the call, 0 when unknown */
  properties[PROP_INITIATOR_ID] =
    g_param_spec_int64 ("initiator-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Name of the initiator (read from the store) */
  properties[PROP_INITIATOR_NAME] =
    g_param_spec_string ("initiator-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Names of the participants, in the order of participant ids */
  properties[PROP_PARTICIPANT_NAMES] =
    g_param_spec_boxed ("participant-names", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Country codes of the participants, in the same order */
  properties[PROP_PARTICIPANT_COUNTRIES] =
    g_param_spec_boxed ("participant-countries", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Names of the topics the call's statements touch (read from the store) */
  properties[PROP_TOPICS] =
    g_param_spec_boxed ("topics", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
readout_call_init (ReadoutCall *self)
{
  self->participant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->date_precision = READOUT_DATE_PRECISION_DAY;
  self->duration_minutes = -1;
  self->duration_qualifier = READOUT_DURATION_UNKNOWN;
  self->status = READOUT_CALL_STATUS_HELD;
}

ReadoutCall *
readout_call_new (void)
{
  return g_object_new (READOUT_TYPE_CALL, NULL);
}

gint64
readout_call_get_id (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), 0);

  return self->id;
}

const char *
readout_call_get_date (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), NULL);

  return self->date;
}

ReadoutDatePrecision
readout_call_get_date_precision (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), 0);

  return self->date_precision;
}

const char *
readout_call_get_time (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), NULL);

  return self->time;
}

int
readout_call_get_duration_minutes (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), 0);

  return self->duration_minutes;
}

ReadoutDurationQualifier
readout_call_get_duration_qualifier (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), 0);

  return self->duration_qualifier;
}

ReadoutCallStatus
readout_call_get_status (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), 0);

  return self->status;
}

gint64
readout_call_get_initiator_id (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), 0);

  return self->initiator_id;
}

const char *
readout_call_get_initiator_name (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), NULL);

  return self->initiator_name;
}

const char * const *
readout_call_get_participant_names (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), NULL);

  return (const char * const *) self->participant_names;
}

const char * const *
readout_call_get_participant_countries (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), NULL);

  return (const char * const *) self->participant_countries;
}

const char * const *
readout_call_get_topics (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), NULL);

  return (const char * const *) self->topics;
}

void
readout_call_set_id (ReadoutCall *self,
                        gint64 value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
readout_call_get_row_version (ReadoutCall *self)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), 0);

  return self->row_version;
}

void
readout_call_set_row_version (ReadoutCall *self,
                              gint64 value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (self->row_version == value)
    return;

  self->row_version = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_VERSION]);
}

void
readout_call_set_date (ReadoutCall *self,
                          const char *value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (g_strcmp0 (self->date, value) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
readout_call_set_date_precision (ReadoutCall *self,
                                    ReadoutDatePrecision value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (self->date_precision == value)
    return;

  self->date_precision = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_PRECISION]);
}

void
readout_call_set_time (ReadoutCall *self,
                          const char *value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (g_strcmp0 (self->time, value) == 0)
    return;

  g_free (self->time);
  self->time = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

void
readout_call_set_duration_minutes (ReadoutCall *self,
                                      int value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (self->duration_minutes == value)
    return;

  self->duration_minutes = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_MINUTES]);
}

void
readout_call_set_duration_qualifier (ReadoutCall *self,
                                        ReadoutDurationQualifier value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (self->duration_qualifier == value)
    return;

  self->duration_qualifier = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_QUALIFIER]);
}

void
readout_call_set_status (ReadoutCall *self,
                            ReadoutCallStatus value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (self->status == value)
    return;

  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
readout_call_set_initiator_id (ReadoutCall *self,
                                  gint64 value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (self->initiator_id == value)
    return;

  self->initiator_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIATOR_ID]);
}

void
readout_call_set_initiator_name (ReadoutCall *self,
                                    const char *value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (g_strcmp0 (self->initiator_name, value) == 0)
    return;

  g_free (self->initiator_name);
  self->initiator_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIATOR_NAME]);
}

void
readout_call_set_participant_names (ReadoutCall *self,
                                       const char * const *value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (readout_strv_replace (&self->participant_names, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_NAMES]);
}

void
readout_call_set_participant_countries (ReadoutCall *self,
                                           const char * const *value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (readout_strv_replace (&self->participant_countries, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_COUNTRIES]);
}

void
readout_call_set_topics (ReadoutCall *self,
                            const char * const *value)
{
  g_return_if_fail (READOUT_IS_CALL (self));

  if (readout_strv_replace (&self->topics, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPICS]);
}

void
readout_call_set_participant_ids (ReadoutCall  *self,
                                  const gint64 *ids,
                                  guint         n_ids)
{
  g_return_if_fail (READOUT_IS_CALL (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  g_array_set_size (self->participant_ids, 0);
  g_array_append_vals (self->participant_ids, ids, n_ids);
}

/**
 * readout_call_get_participant_ids:
 * @n_ids: (out): the number of participants
 *
 * Returns: (transfer none) (array length=n_ids): the leader ids of the participants
 */
const gint64 *
readout_call_get_participant_ids (ReadoutCall *self,
                                  guint       *n_ids)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->participant_ids->len;
  return (const gint64 *) (gpointer) self->participant_ids->data;
}

gboolean
readout_call_has_participant (ReadoutCall *self,
                              gint64       leader_id)
{
  g_return_val_if_fail (READOUT_IS_CALL (self), FALSE);

  for (guint i = 0; i < self->participant_ids->len; i++)
    if (g_array_index (self->participant_ids, gint64, i) == leader_id)
      return TRUE;
  return FALSE;
}
