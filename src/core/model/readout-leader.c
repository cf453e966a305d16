// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-leader"

#include "config.h"

#include "readout-leader.h"
#include "readout-strv.h"

/* A person who holds or held a state office. */

struct _ReadoutLeader
{
  GObject parent_instance;

  gint64 id;
  gint64 row_version;
  char *name;
  char **aliases;
  char *country;
  char *country_name;
  char *office;
  char *term_start;
  char *term_end;
  guint call_count;
  char *last_call_date;
};

G_DEFINE_FINAL_TYPE (ReadoutLeader, readout_leader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROW_VERSION,
  PROP_NAME,
  PROP_ALIASES,
  PROP_COUNTRY,
  PROP_COUNTRY_NAME,
  PROP_OFFICE,
  PROP_TERM_START,
  PROP_TERM_END,
  PROP_CALL_COUNT,
  PROP_LAST_CALL_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
readout_leader_finalize (GObject *object)
{
  ReadoutLeader *self = READOUT_LEADER (object);

  g_free (self->name);
  g_strfreev (self->aliases);
  g_free (self->country);
  g_free (self->country_name);
  g_free (self->office);
  g_free (self->term_start);
  g_free (self->term_end);
  g_free (self->last_call_date);

  G_OBJECT_CLASS (readout_leader_parent_class)->finalize (object);
}

static void
readout_leader_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ReadoutLeader *self = READOUT_LEADER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ROW_VERSION:
      g_value_set_int64 (value, self->row_version);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_COUNTRY_NAME:
      g_value_set_string (value, self->country_name);
      break;

    case PROP_OFFICE:
      g_value_set_string (value, self->office);
      break;

    case PROP_TERM_START:
      g_value_set_string (value, self->term_start);
      break;

    case PROP_TERM_END:
      g_value_set_string (value, self->term_end);
      break;

    case PROP_CALL_COUNT:
      g_value_set_uint (value, self->call_count);
      break;

    case PROP_LAST_CALL_DATE:
      g_value_set_string (value, self->last_call_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_leader_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ReadoutLeader *self = READOUT_LEADER (object);

  switch (prop_id)
    {
    case PROP_ID:
      readout_leader_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROW_VERSION:
      readout_leader_set_row_version (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      readout_leader_set_name (self, g_value_get_string (value));
      break;

    case PROP_ALIASES:
      readout_leader_set_aliases (self, g_value_get_boxed (value));
      break;

    case PROP_COUNTRY:
      readout_leader_set_country (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY_NAME:
      readout_leader_set_country_name (self, g_value_get_string (value));
      break;

    case PROP_OFFICE:
      readout_leader_set_office (self, g_value_get_string (value));
      break;

    case PROP_TERM_START:
      readout_leader_set_term_start (self, g_value_get_string (value));
      break;

    case PROP_TERM_END:
      readout_leader_set_term_end (self, g_value_get_string (value));
      break;

    case PROP_CALL_COUNT:
      readout_leader_set_call_count (self, g_value_get_uint (value));
      break;

    case PROP_LAST_CALL_DATE:
      readout_leader_set_last_call_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_leader_class_init (ReadoutLeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_leader_finalize;
  object_class->get_property = readout_leader_get_property;
  object_class->set_property = readout_leader_set_property;

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

  /* Full name, e.g. "Vladimir Putin" */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Other names the texts use ("Putin", "the Russian president") */
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* ISO 3166 alpha-2 code of the leader's country */
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* English name of the country (read from the store) */
  properties[PROP_COUNTRY_NAME] =
    g_param_spec_string ("country-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Office held, e.g. "President" */
  properties[PROP_OFFICE] =
    g_param_spec_string ("office", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Start of the term as an ISO date, or NULL */
  properties[PROP_TERM_START] =
    g_param_spec_string ("term-start", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* End of the term as an ISO date, or NULL while in office */
  properties[PROP_TERM_END] =
    g_param_spec_string ("term-end", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Number of stored calls (read from the store) */
  properties[PROP_CALL_COUNT] =
    g_param_spec_uint ("call-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Date of the most recent call (read from the store) */
  properties[PROP_LAST_CALL_DATE] =
    g_param_spec_string ("last-call-date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
readout_leader_init (ReadoutLeader *self)
{
}

ReadoutLeader *
readout_leader_new (void)
{
  return g_object_new (READOUT_TYPE_LEADER, NULL);
}

gint64
readout_leader_get_id (ReadoutLeader *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER (self), 0);

  return self->id;
}

const char *
readout_leader_get_name (ReadoutLeader *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER (self), NULL);

  return self->name;
}

const char * const *
readout_leader_get_aliases (ReadoutLeader *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER (self), NULL);

  return (const char * const *) self->aliases;
}

const char *
readout_leader_get_country (ReadoutLeader *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER (self), NULL);

  return self->country;
}

const char *
readout_leader_get_country_name (ReadoutLeader *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER (self), NULL);

  return self->country_name;
}

const char *
readout_leader_get_office (ReadoutLeader *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER (self), NULL);

  return self->office;
}

const char *
readout_leader_get_term_start (ReadoutLeader *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER (self), NULL);

  return self->term_start;
}

const char *
readout_leader_get_term_end (ReadoutLeader *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER (self), NULL);

  return self->term_end;
}

guint
readout_leader_get_call_count (ReadoutLeader *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER (self), 0);

  return self->call_count;
}

const char *
readout_leader_get_last_call_date (ReadoutLeader *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER (self), NULL);

  return self->last_call_date;
}

void
readout_leader_set_id (ReadoutLeader *self,
                          gint64 value)
{
  g_return_if_fail (READOUT_IS_LEADER (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
readout_leader_get_row_version (ReadoutLeader *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER (self), 0);

  return self->row_version;
}

void
readout_leader_set_row_version (ReadoutLeader *self,
                              gint64 value)
{
  g_return_if_fail (READOUT_IS_LEADER (self));

  if (self->row_version == value)
    return;

  self->row_version = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_VERSION]);
}

void
readout_leader_set_name (ReadoutLeader *self,
                            const char *value)
{
  g_return_if_fail (READOUT_IS_LEADER (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
readout_leader_set_aliases (ReadoutLeader *self,
                               const char * const *value)
{
  g_return_if_fail (READOUT_IS_LEADER (self));

  if (readout_strv_replace (&self->aliases, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

void
readout_leader_set_country (ReadoutLeader *self,
                               const char *value)
{
  g_return_if_fail (READOUT_IS_LEADER (self));

  if (g_strcmp0 (self->country, value) == 0)
    return;

  g_free (self->country);
  self->country = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

void
readout_leader_set_country_name (ReadoutLeader *self,
                                    const char *value)
{
  g_return_if_fail (READOUT_IS_LEADER (self));

  if (g_strcmp0 (self->country_name, value) == 0)
    return;

  g_free (self->country_name);
  self->country_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_NAME]);
}

void
readout_leader_set_office (ReadoutLeader *self,
                              const char *value)
{
  g_return_if_fail (READOUT_IS_LEADER (self));

  if (g_strcmp0 (self->office, value) == 0)
    return;

  g_free (self->office);
  self->office = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFICE]);
}

void
readout_leader_set_term_start (ReadoutLeader *self,
                                  const char *value)
{
  g_return_if_fail (READOUT_IS_LEADER (self));

  if (g_strcmp0 (self->term_start, value) == 0)
    return;

  g_free (self->term_start);
  self->term_start = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_START]);
}

void
readout_leader_set_term_end (ReadoutLeader *self,
                                const char *value)
{
  g_return_if_fail (READOUT_IS_LEADER (self));

  if (g_strcmp0 (self->term_end, value) == 0)
    return;

  g_free (self->term_end);
  self->term_end = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_END]);
}

void
readout_leader_set_call_count (ReadoutLeader *self,
                                  guint value)
{
  g_return_if_fail (READOUT_IS_LEADER (self));

  if (self->call_count == value)
    return;

  self->call_count = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_COUNT]);
}

void
readout_leader_set_last_call_date (ReadoutLeader *self,
                                      const char *value)
{
  g_return_if_fail (READOUT_IS_LEADER (self));

  if (g_strcmp0 (self->last_call_date, value) == 0)
    return;

  g_free (self->last_call_date);
  self->last_call_date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CALL_DATE]);
}

/**
 * readout_leader_dup_initials:
 *
 * Returns: (transfer full): up to two initials of the name ("VP" for Vladimir Putin)
 */
char *
readout_leader_dup_initials (ReadoutLeader *self)
{
  g_auto(GStrv) words = NULL;
  GString *initials;
  guint n;

  g_return_val_if_fail (READOUT_IS_LEADER (self), NULL);

  initials = g_string_new (NULL);
  words = g_strsplit (self->name != NULL ? self->name : "", " ", -1);
  n = g_strv_length (words);
  for (guint i = 0; i < n && initials->len < 16; i++)
    {
      /* First and last word only: "Donald J. Trump" gives "DT". */
      if (words[i][0] == '\0' || (i != 0 && i != n - 1))
        continue;
      g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (words[i])));
    }
  return g_string_free (initials, FALSE);
}
