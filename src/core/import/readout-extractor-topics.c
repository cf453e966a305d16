// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include "readout-extractor-private.h"

/* Topics: a statement's topics, and a call's from its statements. */

char **
extractor_tag_topics (Work       *w,
                      const char *text)
{
  g_autoptr(GArray) ids = readout_topic_tagger_tag (w->self->tagger, text);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (id >= 1 && id <= (gint64) w->self->topic_names->len)
        g_ptr_array_add (names, g_strdup (g_ptr_array_index (w->self->topic_names, id - 1)));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
add_topics (GPtrArray  *names,
            char      **topics)
{
  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint k = 0; k < names->len && !seen; k++)
        seen = g_str_equal (g_ptr_array_index (names, k), topics[i]);
      if (!seen)
        g_ptr_array_add (names, g_strdup (topics[i]));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A call's topics: those of its statements, each once, sorted by name. */
void
extractor_set_call_topics (ReadoutExtractedCall *call)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < call->statements->len; k++)
    add_topics (names, ((ReadoutExtractedStatement *) g_ptr_array_index (call->statements, k))->topics);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  g_strfreev (call->topics);
  call->topics = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
