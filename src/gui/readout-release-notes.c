// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-release-notes"

#include "config.h"

#include <string.h>

#include "readout-release-notes.h"

/* Where markup goes while the description is read: every output (lists, which hold
 * both the untranslated items and their translations), the untranslated notes, or the
 * notes of one preferred language. Elements in other languages are skipped. */
enum {
  TARGET_SKIP = -3,
  TARGET_ALL = -2,
  TARGET_UNTRANSLATED = -1,
};

typedef struct {
  const char * const *languages;
  guint n_languages;
  gboolean in_releases;
  gboolean seen_release;      /* the first <release> is the newest */
  gboolean in_release;
  gboolean in_description;
  GArray *targets;            /* int, one per open element inside the description */
  char *version;
  GString *untranslated;
  GPtrArray *translated;      /* GString, one per preferred language */
  guint *n_translated;        /* paragraphs and items written per language */
} Parser;

static const char * const kept_elements[] = { "p", "ul", "ol", "li", "em", "code", NULL };

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static int
current_target (Parser *parser)
{
  return parser->targets->len > 0 ? g_array_index (parser->targets, int, parser->targets->len - 1)
                                   : TARGET_ALL;
}

static void
write_to (Parser     *parser,
          int         target,
          const char *text,
          gssize      length)
{
  if (target == TARGET_SKIP)
    return;
  if (target == TARGET_ALL || target == TARGET_UNTRANSLATED)
    g_string_append_len (parser->untranslated, text, length);
  for (guint i = 0; i < parser->n_languages; i++)
    if (target == TARGET_ALL || target == (int) i)
      g_string_append_len (g_ptr_array_index (parser->translated, i), text, length);
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Parser *parser = user_data;
  int target;

  if (!parser->in_description)
    {
      if (g_str_equal (element, "releases"))
        parser->in_releases = TRUE;
      else if (parser->in_releases && !parser->seen_release && g_str_equal (element, "release"))
        {
          parser->in_release = parser->seen_release = TRUE;
          parser->version = g_strdup (attribute (names, values, "version"));
        }
      else if (parser->in_release && g_str_equal (element, "description"))
        parser->in_description = TRUE;
      return;
    }

  target = current_target (parser);
  if (target == TARGET_ALL && g_strv_contains (kept_elements, element))
    {
      const char *lang = attribute (names, values, "xml:lang");

      if (lang == NULL)
        target = g_str_equal (element, "ul") || g_str_equal (element, "ol") ? TARGET_ALL : TARGET_UNTRANSLATED;
      else
        {
          target = TARGET_SKIP;
          for (guint i = 0; i < parser->n_languages; i++)
            if (g_str_equal (parser->languages[i], lang))
              target = (int) i;
        }
      if (target >= 0 && (g_str_equal (element, "p") || g_str_equal (element, "li")))
        parser->n_translated[target]++;
    }
  else if (!g_strv_contains (kept_elements, element))
    target = TARGET_SKIP;

  g_array_append_val (parser->targets, target);
  if (target != TARGET_SKIP)
    {
      g_autofree char *tag = g_strdup_printf ("<%s>", element);
      write_to (parser, target, tag, -1);
    }
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Parser *parser = user_data;
  int target;

  if (!parser->in_description)
    {
      if (g_str_equal (element, "release"))
        parser->in_release = FALSE;
      else if (g_str_equal (element, "releases"))
        parser->in_releases = FALSE;
      return;
    }
  if (parser->targets->len == 0)
    {
      /* </description> */
      parser->in_description = FALSE;
      return;
    }

  target = current_target (parser);
  g_array_set_size (parser->targets, parser->targets->len - 1);
  if (target != TARGET_SKIP)
    {
      g_autofree char *tag = g_strdup_printf ("</%s>", element);
      write_to (parser, target, tag, -1);
    }
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Parser *parser = user_data;
  int target = current_target (parser);
  g_autofree char *escaped = NULL;

  /* Text right inside <description> or a list is only layout white space. */
  if (!parser->in_description || target == TARGET_ALL || target == TARGET_SKIP)
    return;
  escaped = g_markup_escape_text (text, (gssize) length);
  write_to (parser, target, escaped, -1);
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

gboolean
readout_release_notes_parse (const char          *metainfo,
                             gssize               length,
                             const char * const  *languages,
                             char               **version,
                             char               **notes,
                             GError             **error)
{
  static const GMarkupParser callbacks = { on_start_element, on_end_element, on_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  Parser parser = { 0, };
  gboolean ok;

  g_return_val_if_fail (metainfo != NULL, FALSE);

  parser.languages = languages;
  parser.n_languages = languages != NULL ? g_strv_length ((char **) languages) : 0;
  parser.targets = g_array_new (FALSE, FALSE, sizeof (int));
  parser.untranslated = g_string_new (NULL);
  parser.translated = g_ptr_array_new_with_free_func (free_string);
  parser.n_translated = g_new0 (guint, MAX (parser.n_languages, 1));
  for (guint i = 0; i < parser.n_languages; i++)
    g_ptr_array_add (parser.translated, g_string_new (NULL));

  context = g_markup_parse_context_new (&callbacks, 0, &parser, NULL);
  ok = g_markup_parse_context_parse (context, metainfo, length, error) &&
       g_markup_parse_context_end_parse (context, error);

  if (ok && parser.version == NULL)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           "The metainfo lists no release.");
      ok = FALSE;
    }
  if (ok)
    {
      GString *chosen = parser.untranslated;

      /* The first preferred language the notes are translated into. */
      for (guint i = 0; i < parser.n_languages; i++)
        if (parser.n_translated[i] > 0)
          {
            chosen = g_ptr_array_index (parser.translated, i);
            break;
          }
      *version = g_steal_pointer (&parser.version);
      *notes = g_strdup (chosen->str);
    }

  g_free (parser.version);
  g_string_free (parser.untranslated, TRUE);
  g_ptr_array_unref (parser.translated);
  g_free (parser.n_translated);
  g_array_unref (parser.targets);
  return ok;
}
