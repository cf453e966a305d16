// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-search-hit"

#include "config.h"

#include <string.h>

#include "readout-search-hit.h"

/* One statement that matched a full-text search. */

struct _ReadoutSearchHit
{
  GObject parent_instance;

  gint64 statement_id;
  gint64 source_id;
  gint64 call_id;
  char *snippet;
  char *speaker;
  char *side;
  char *call_date;
  char *call_participants;
  char *source_publisher;
};

G_DEFINE_FINAL_TYPE (ReadoutSearchHit, readout_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATEMENT_ID,
  PROP_SOURCE_ID,
  PROP_CALL_ID,
  PROP_SNIPPET,
  PROP_SPEAKER,
  PROP_SIDE,
  PROP_CALL_DATE,
  PROP_CALL_PARTICIPANTS,
  PROP_SOURCE_PUBLISHER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
readout_search_hit_finalize (GObject *object)
{
  ReadoutSearchHit *self = READOUT_SEARCH_HIT (object);

  g_free (self->snippet);
  g_free (self->speaker);
  g_free (self->side);
  g_free (self->call_date);
  g_free (self->call_participants);
  g_free (self->source_publisher);

  G_OBJECT_CLASS (readout_search_hit_parent_class)->finalize (object);
}

static void
readout_search_hit_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ReadoutSearchHit *self = READOUT_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_STATEMENT_ID:
      g_value_set_int64 (value, self->statement_id);
      break;

    case PROP_SOURCE_ID:
      g_value_set_int64 (value, self->source_id);
      break;

    case PROP_CALL_ID:
      g_value_set_int64 (value, self->call_id);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_SPEAKER:
      g_value_set_string (value, self->speaker);
      break;

    case PROP_SIDE:
      g_value_set_string (value, self->side);
      break;

    case PROP_CALL_DATE:
      g_value_set_string (value, self->call_date);
      break;

    case PROP_CALL_PARTICIPANTS:
      g_value_set_string (value, self->call_participants);
      break;

    case PROP_SOURCE_PUBLISHER:
      g_value_set_string (value, self->source_publisher);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_search_hit_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ReadoutSearchHit *self = READOUT_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_STATEMENT_ID:
      readout_search_hit_set_statement_id (self, g_value_get_int64 (value));
      break;

    case PROP_SOURCE_ID:
      readout_search_hit_set_source_id (self, g_value_get_int64 (value));
      break;

    case PROP_CALL_ID:
      readout_search_hit_set_call_id (self, g_value_get_int64 (value));
      break;

    case PROP_SNIPPET:
      readout_search_hit_set_snippet (self, g_value_get_string (value));
      break;

    case PROP_SPEAKER:
      readout_search_hit_set_speaker (self, g_value_get_string (value));
      break;

    case PROP_SIDE:
      readout_search_hit_set_side (self, g_value_get_string (value));
      break;

    case PROP_CALL_DATE:
      readout_search_hit_set_call_date (self, g_value_get_string (value));
      break;

    case PROP_CALL_PARTICIPANTS:
      readout_search_hit_set_call_participants (self, g_value_get_string (value));
      break;

    case PROP_SOURCE_PUBLISHER:
      readout_search_hit_set_source_publisher (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_search_hit_class_init (ReadoutSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_search_hit_finalize;
  object_class->get_property = readout_search_hit_get_property;
  object_class->set_property = readout_search_hit_set_property;

  /* The statement that matched, or 0 when the hit is in a source's text */
  properties[PROP_STATEMENT_ID] =
    g_param_spec_int64 ("statement-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The source of the statement, or the source whose text matched */
  properties[PROP_SOURCE_ID] =
    g_param_spec_int64 ("source-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Its call */
  properties[PROP_CALL_ID] =
    g_param_spec_int64 ("call-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Excerpt; matched words are between \x02 and \x03 (see readout_search_hit_get_snippet_markup()) */
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Speaker of the statement */
  properties[PROP_SPEAKER] =
    g_param_spec_string ("speaker", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Side of the statement, or NULL */
  properties[PROP_SIDE] =
    g_param_spec_string ("side", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Date of the call */
  properties[PROP_CALL_DATE] =
    g_param_spec_string ("call-date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Participants of the call, joined by " – " */
  properties[PROP_CALL_PARTICIPANTS] =
    g_param_spec_string ("call-participants", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Publisher of the statement's source */
  properties[PROP_SOURCE_PUBLISHER] =
    g_param_spec_string ("source-publisher", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
readout_search_hit_init (ReadoutSearchHit *self)
{
}

ReadoutSearchHit *
readout_search_hit_new (void)
{
  return g_object_new (READOUT_TYPE_SEARCH_HIT, NULL);
}

gint64
readout_search_hit_get_statement_id (ReadoutSearchHit *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_HIT (self), 0);

  return self->statement_id;
}

gint64
readout_search_hit_get_source_id (ReadoutSearchHit *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_HIT (self), 0);

  return self->source_id;
}

gint64
readout_search_hit_get_call_id (ReadoutSearchHit *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_HIT (self), 0);

  return self->call_id;
}

const char *
readout_search_hit_get_snippet (ReadoutSearchHit *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_HIT (self), NULL);

  return self->snippet;
}

const char *
readout_search_hit_get_speaker (ReadoutSearchHit *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_HIT (self), NULL);

  return self->speaker;
}

const char *
readout_search_hit_get_side (ReadoutSearchHit *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_HIT (self), NULL);

  return self->side;
}

const char *
readout_search_hit_get_call_date (ReadoutSearchHit *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_HIT (self), NULL);

  return self->call_date;
}

const char *
readout_search_hit_get_call_participants (ReadoutSearchHit *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_HIT (self), NULL);

  return self->call_participants;
}

const char *
readout_search_hit_get_source_publisher (ReadoutSearchHit *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_HIT (self), NULL);

  return self->source_publisher;
}

void
readout_search_hit_set_statement_id (ReadoutSearchHit *self,
                                        gint64 value)
{
  g_return_if_fail (READOUT_IS_SEARCH_HIT (self));

  if (self->statement_id == value)
    return;

  self->statement_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATEMENT_ID]);
}

void
readout_search_hit_set_source_id (ReadoutSearchHit *self,
                                     gint64 value)
{
  g_return_if_fail (READOUT_IS_SEARCH_HIT (self));

  if (self->source_id == value)
    return;

  self->source_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ID]);
}

void
readout_search_hit_set_call_id (ReadoutSearchHit *self,
                                   gint64 value)
{
  g_return_if_fail (READOUT_IS_SEARCH_HIT (self));

  if (self->call_id == value)
    return;

  self->call_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_ID]);
}

void
readout_search_hit_set_snippet (ReadoutSearchHit *self,
                                   const char *value)
{
  g_return_if_fail (READOUT_IS_SEARCH_HIT (self));

  if (g_strcmp0 (self->snippet, value) == 0)
    return;

  g_free (self->snippet);
  self->snippet = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNIPPET]);
}

void
readout_search_hit_set_speaker (ReadoutSearchHit *self,
                                   const char *value)
{
  g_return_if_fail (READOUT_IS_SEARCH_HIT (self));

  if (g_strcmp0 (self->speaker, value) == 0)
    return;

  g_free (self->speaker);
  self->speaker = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER]);
}

void
readout_search_hit_set_side (ReadoutSearchHit *self,
                                const char *value)
{
  g_return_if_fail (READOUT_IS_SEARCH_HIT (self));

  if (g_strcmp0 (self->side, value) == 0)
    return;

  g_free (self->side);
  self->side = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

void
readout_search_hit_set_call_date (ReadoutSearchHit *self,
                                     const char *value)
{
  g_return_if_fail (READOUT_IS_SEARCH_HIT (self));

  if (g_strcmp0 (self->call_date, value) == 0)
    return;

  g_free (self->call_date);
  self->call_date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_DATE]);
}

void
readout_search_hit_set_call_participants (ReadoutSearchHit *self,
                                             const char *value)
{
  g_return_if_fail (READOUT_IS_SEARCH_HIT (self));

  if (g_strcmp0 (self->call_participants, value) == 0)
    return;

  g_free (self->call_participants);
  self->call_participants = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_PARTICIPANTS]);
}

void
readout_search_hit_set_source_publisher (ReadoutSearchHit *self,
                                            const char *value)
{
  g_return_if_fail (READOUT_IS_SEARCH_HIT (self));

  if (g_strcmp0 (self->source_publisher, value) == 0)
    return;

  g_free (self->source_publisher);
  self->source_publisher = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_PUBLISHER]);
}

/**
 * readout_search_hit_dup_snippet_markup:
 *
 * Returns: (transfer full): the snippet as Pango markup: the text escaped, the
 *   matched words in bold
 */
char *
readout_search_hit_dup_snippet_markup (ReadoutSearchHit *self)
{
  GString *markup;
  const char *p;

  g_return_val_if_fail (READOUT_IS_SEARCH_HIT (self), NULL);

  markup = g_string_new (NULL);
  for (p = self->snippet != NULL ? self->snippet : ""; *p != '\0'; )
    {
      const char *run_end = strpbrk (p, "\x02\x03");
      g_autofree char *escaped = NULL;

      if (run_end == NULL)
        run_end = p + strlen (p);
      escaped = g_markup_escape_text (p, run_end - p);
      g_string_append (markup, escaped);
      if (*run_end == '\x02')
        g_string_append (markup, "<b>");
      else if (*run_end == '\x03')
        g_string_append (markup, "</b>");
      p = *run_end != '\0' ? run_end + 1 : run_end;
    }
  return g_string_free (markup, FALSE);
}
