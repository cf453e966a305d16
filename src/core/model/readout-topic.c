// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-topic"

#include "config.h"

#include <stdlib.h>

#include "readout-topic.h"

static int
compare_string_pointers (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A language-independent subject such as Syria or trade, with keywords per language. */

struct _ReadoutTopic
{
  GObject parent_instance;

  gint64 id;
  gint64 row_version;
  char *name;

  /* language code ("en", "ru") -> NULL-terminated keyword array */
  GHashTable *keywords;
};

G_DEFINE_FINAL_TYPE (ReadoutTopic, readout_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROW_VERSION,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
readout_topic_finalize (GObject *object)
{
  ReadoutTopic *self = READOUT_TOPIC (object);

  g_free (self->name);
  g_clear_pointer (&self->keywords, g_hash_table_unref);

  G_OBJECT_CLASS (readout_topic_parent_class)->finalize (object);
}

static void
readout_topic_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ReadoutTopic *self = READOUT_TOPIC (object);

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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_topic_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ReadoutTopic *self = READOUT_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      readout_topic_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROW_VERSION:
      readout_topic_set_row_version (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      readout_topic_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_topic_class_init (ReadoutTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_topic_finalize;
  object_class->get_property = readout_topic_get_property;
  object_class->set_property = readout_topic_set_property;

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

  /* Display name in English, e.g. "North Korea" */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
readout_topic_init (ReadoutTopic *self)
{
  self->keywords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}

ReadoutTopic *
readout_topic_new (void)
{
  return g_object_new (READOUT_TYPE_TOPIC, NULL);
}

gint64
readout_topic_get_id (ReadoutTopic *self)
{
  g_return_val_if_fail (READOUT_IS_TOPIC (self), 0);

  return self->id;
}

const char *
readout_topic_get_name (ReadoutTopic *self)
{
  g_return_val_if_fail (READOUT_IS_TOPIC (self), NULL);

  return self->name;
}

void
readout_topic_set_id (ReadoutTopic *self,
                         gint64 value)
{
  g_return_if_fail (READOUT_IS_TOPIC (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
readout_topic_get_row_version (ReadoutTopic *self)
{
  g_return_val_if_fail (READOUT_IS_TOPIC (self), 0);

  return self->row_version;
}

void
readout_topic_set_row_version (ReadoutTopic *self,
                              gint64 value)
{
  g_return_if_fail (READOUT_IS_TOPIC (self));

  if (self->row_version == value)
    return;

  self->row_version = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_VERSION]);
}

void
readout_topic_set_name (ReadoutTopic *self,
                           const char *value)
{
  g_return_if_fail (READOUT_IS_TOPIC (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * readout_topic_set_keywords:
 * @language: a language code such as "en" or "ru"
 * @keywords: (nullable): the keywords; %NULL or empty removes the language
 */
void
readout_topic_set_keywords (ReadoutTopic       *self,
                            const char         *language,
                            const char * const *keywords)
{
  g_return_if_fail (READOUT_IS_TOPIC (self));
  g_return_if_fail (language != NULL);

  if (keywords == NULL || keywords[0] == NULL)
    g_hash_table_remove (self->keywords, language);
  else
    g_hash_table_replace (self->keywords, g_strdup (language), g_strdupv ((char **) keywords));
}

/**
 * readout_topic_get_keywords:
 *
 * Returns: (transfer none) (nullable): the keywords of @language, or %NULL
 */
const char * const *
readout_topic_get_keywords (ReadoutTopic *self,
                            const char   *language)
{
  g_return_val_if_fail (READOUT_IS_TOPIC (self), NULL);

  return g_hash_table_lookup (self->keywords, language);
}

/**
 * readout_topic_dup_languages:
 *
 * Returns: (transfer full): the languages that have keywords, sorted
 */
char **
readout_topic_dup_languages (ReadoutTopic *self)
{
  g_autofree const char **languages = NULL;
  guint n;

  g_return_val_if_fail (READOUT_IS_TOPIC (self), NULL);

  languages = (const char **) g_hash_table_get_keys_as_array (self->keywords, &n);
  qsort (languages, n, sizeof (char *), (GCompareFunc) compare_string_pointers);
  return g_strdupv ((char **) languages);
}
