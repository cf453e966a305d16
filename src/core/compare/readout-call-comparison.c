// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-call-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "readout-call-comparison.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-store.h"

/* Every statement of @call_id, in the store's order (by side, source, position). */
static GPtrArray *
collect_call_statements (ReadoutStore *store,
                         gint64        call_id)
{
  g_autoptr(GListModel) model = readout_store_list_statements (store, call_id);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *statements = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (statements, g_list_model_get_item (model, i));
  return statements;
}

static GPtrArray *
filter_side (GPtrArray  *statements,
             const char *side)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < statements->len; i++)
    {
      ReadoutStatement *statement = g_ptr_array_index (statements, i);

      if (g_strcmp0 (readout_statement_get_side (statement), side) == 0)
        g_ptr_array_add (result, g_object_ref (statement));
    }
  return result;
}

/* Statements from sources published before the call (announcements, previews, an
 * aide's expectations) say what a side expected, not its account of what was said:
 * they are left out of a comparison of sides. Only day-precise dates can tell. */
static GPtrArray *
drop_previews (ReadoutStore *store,
               ReadoutCall  *call,
               GPtrArray    *statements)
{
  g_autoptr(GListModel) sources = readout_store_list_sources (store, readout_call_get_id (call));
  g_autoptr(GHashTable) previews = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_object_unref);
  const char *call_date = readout_call_get_date (call);

  if (readout_call_get_date_precision (call) == READOUT_DATE_PRECISION_DAY)
    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      {
        g_autoptr(ReadoutSource) source = g_list_model_get_item (sources, i);
        const char *date = readout_source_get_date (source);

        if (date != NULL && strlen (date) == 10 && strcmp (date, call_date) < 0)
          g_hash_table_add (previews, g_memdup2 (&(gint64) { readout_source_get_id (source) }, sizeof (gint64)));
      }

  for (guint i = 0; i < statements->len; i++)
    {
      ReadoutStatement *statement = g_ptr_array_index (statements, i);
      gint64 source_id = readout_statement_get_source_id (statement);

      if (!g_hash_table_contains (previews, &source_id))
        g_ptr_array_add (kept, g_object_ref (statement));
    }
  return kept;
}

/* The texts of @statements plus up to READOUT_CALL_COMPARISON_CORPUS_SAMPLE statements of
 * other calls, so that words every call uses weigh little. */
static GStrv
build_corpus (ReadoutStore *store,
              gint64        call_id,
              GPtrArray    *statements)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) others = readout_store_sample_statement_texts (store, call_id,
                                                               READOUT_CALL_COMPARISON_CORPUS_SAMPLE);

  for (guint i = 0; i < statements->len; i++)
    g_strv_builder_add (builder, readout_statement_get_text (g_ptr_array_index (statements, i)));
  g_strv_builder_addv (builder, (const char **) others);
  return g_strv_builder_end (builder);
}

/* The distinct sides of @statements in order of first appearance (the store gives them
 * sorted by code), without the independent press. */
static GStrv
sides_of (GPtrArray *statements)
{
  g_autoptr(GPtrArray) sides = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < statements->len; i++)
    {
      const char *side = readout_statement_get_side (g_ptr_array_index (statements, i));

      if (side != NULL && side[0] != '\0'
          && !g_ptr_array_find_with_equal_func (sides, side, g_str_equal, NULL))
        g_ptr_array_add (sides, g_strdup (side));
    }
  g_ptr_array_add (sides, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&sides), FALSE);
}

/* "United States (US), Russia (RU)", or "none" */
static char *
describe_sides (ReadoutStore       *store,
                const char * const *sides)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; sides != NULL && sides[i] != NULL; i++)
    {
      g_autofree char *name = readout_format_side (store, sides[i]);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s (%s)", name, sides[i]);
    }
  if (text->len == 0)
    return g_strdup (_("none"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}


/* The English names of the participants' countries, which are also the names of the
 * topics of those countries ("Ukraine"): the whole call is about them. */
static GStrv
participant_countries (ReadoutStore *store,
                       ReadoutCall  *call)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_ids = 0;
  const gint64 *ids = readout_call_get_participant_ids (call, &n_ids);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(ReadoutLeader) leader = readout_store_get_leader (store, ids[i], NULL);
      g_autofree char *name = NULL;

      if (leader != NULL && readout_leader_get_country (leader) != NULL &&
          readout_store_lookup_country (store, readout_leader_get_country (leader), &name, NULL))
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

/* Who speaks and for whom: the names and aliases of the call's participants, their
 * countries ("United States", "US", "American"), the sources' publishers ("White House") and the statements'
 * speakers. Every account names them, so they are no word typical of one side. */
static GStrv
speaker_names (ReadoutStore       *store,
               ReadoutCall        *call,
               GPtrArray          *statements,
               const char * const *countries)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GListModel) sources = readout_store_list_sources (store, readout_call_get_id (call));
  guint n_ids = 0;
  const gint64 *ids = readout_call_get_participant_ids (call, &n_ids);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(ReadoutLeader) leader = readout_store_get_leader (store, ids[i], NULL);

      g_autofree char *demonym = NULL;

      if (leader == NULL)
        continue;
      g_strv_builder_add (builder, readout_leader_get_name (leader));
      if (readout_leader_get_aliases (leader) != NULL)
        g_strv_builder_addv (builder, (const char **) readout_leader_get_aliases (leader));
      /* "US", "American" */
      if (readout_leader_get_country (leader) != NULL &&
          readout_store_lookup_country (store, readout_leader_get_country (leader), NULL, &demonym))
        {
          g_strv_builder_add (builder, readout_leader_get_country (leader));
          g_strv_builder_add (builder, demonym);
        }
    }
  g_strv_builder_addv (builder, (const char **) countries);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ReadoutSource) source = g_list_model_get_item (sources, i);

      if (readout_source_get_publisher (source) != NULL)
        g_strv_builder_add (builder, readout_source_get_publisher (source));
    }
  for (guint i = 0; i < statements->len; i++)
    {
      const char *speaker = readout_statement_get_speaker (g_ptr_array_index (statements, i));

      if (speaker != NULL)
        g_strv_builder_add (builder, speaker);
    }
  return g_strv_builder_end (builder);
}

/* The comparison of two sets of the call's statements, with its word weights fitted on
 * the call and a sample of the store. */
static ReadoutComparison *
compare_statements (ReadoutStore *store,
                    ReadoutCall  *call,
                    const char   *label_a,
                    GPtrArray    *statements_a,
                    const char   *label_b,
                    GPtrArray    *statements_b,
                    GPtrArray    *call_statements)
{
  gint64 call_id = readout_call_get_id (call);
  g_auto(GStrv) corpus = build_corpus (store, call_id, call_statements);
  g_auto(GStrv) countries = participant_countries (store, call);
  g_auto(GStrv) names = speaker_names (store, call, call_statements, (const char * const *) countries);
  ReadoutComparison *comparison;

  comparison = readout_comparison_new_full (label_a, statements_a, label_b, statements_b,
                                            (const char * const *) corpus,
                                            (const char * const *) names,
                                            (const char * const *) countries);
  readout_comparison_set_call_id (comparison, call_id);
  return comparison;
}

/* Upper-cases and checks a side the caller gave; NULL with @error set if it is not a
 * country the store knows. */
static char *
normalize_side (ReadoutStore  *store,
                const char    *side,
                const char    *which,
                GError       **error)
{
  g_autofree char *code = NULL;

  if (side == NULL || strlen (side) != 2 || !g_ascii_isalpha (side[0]) || !g_ascii_isalpha (side[1]))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("“%s” is not a country code for side %s: use an ISO 3166 code such as "
                     "US or RU."), side != NULL ? side : "", which);
      return NULL;
    }
  code = g_ascii_strup (side, -1);
  if (!readout_store_lookup_country (store, code, NULL, NULL))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("“%s” is not a known country code for side %s: use an ISO 3166 code "
                     "such as US or RU."), side, which);
      return NULL;
    }
  return g_steal_pointer (&code);
}

GStrv
readout_call_comparison_dup_sides (ReadoutStore  *store,
                                   gint64         call_id,
                                   GError       **error)
{
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(GPtrArray) statements = NULL;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);

  call = readout_store_get_call (store, call_id, error);
  if (call == NULL)
    return NULL;
  statements = collect_call_statements (store, call_id);
  return sides_of (statements);
}

ReadoutComparison *
readout_call_comparison_new (ReadoutStore  *store,
                             gint64         call_id,
                             const char    *side_a,
                             const char    *side_b,
                             GError       **error)
{
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) statements_a = NULL;
  g_autoptr(GPtrArray) statements_b = NULL;
  g_auto(GStrv) sides = NULL;
  g_autofree char *code_a = NULL;
  g_autofree char *code_b = NULL;
  g_autofree char *label_a = NULL;
  g_autofree char *label_b = NULL;
  const char *codes[2];

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  call = readout_store_get_call (store, call_id, error);
  if (call == NULL)
    return NULL;

  if (side_a == NULL || side_b == NULL)
    {
      const char * const *countries = readout_call_get_participant_countries (call);
      guint n = countries != NULL ? g_strv_length ((GStrv) countries) : 0;

      if (n < 2 || countries[0] == NULL || countries[1] == NULL)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, call_id);

          g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                       _("Call %s does not have two participants with a country: choose the "
                         "sides with --side-a and --side-b."), id_text);
          return NULL;
        }
      if (side_a == NULL)
        side_a = side_b == NULL || g_ascii_strcasecmp (countries[0], side_b) != 0
                 ? countries[0] : countries[1];
      if (side_b == NULL)
        side_b = g_ascii_strcasecmp (countries[1], side_a) != 0 ? countries[1] : countries[0];
    }

  code_a = normalize_side (store, side_a, "A", error);
  if (code_a == NULL)
    return NULL;
  code_b = normalize_side (store, side_b, "B", error);
  if (code_b == NULL)
    return NULL;
  if (g_str_equal (code_a, code_b))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("Side A and side B are both %s: choose two different sides."), code_a);
      return NULL;
    }

  statements = collect_call_statements (store, call_id);
  sides = sides_of (statements);
  statements_a = filter_side (statements, code_a);
  statements_b = filter_side (statements, code_b);

  codes[0] = code_a;
  codes[1] = code_b;
  for (guint i = 0; i < 2; i++)
    {
      if ((i == 0 ? statements_a : statements_b)->len == 0)
        {
          g_autofree char *name = readout_format_side (store, codes[i]);
          g_autofree char *have = describe_sides (store, (const char * const *) sides);
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, call_id);

          g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND,
                       _("Call %s has no statements from %s (%s) for side %s; sides with "
                         "statements: %s. Two of its sources can be compared instead."),
                       id_text, name, codes[i], i == 0 ? "A" : "B", have);
          return NULL;
        }
    }

  /* A side that spoke only before the call is compared as having said nothing after it. */
  {
    GPtrArray *after_a = drop_previews (store, call, statements_a);
    GPtrArray *after_b = drop_previews (store, call, statements_b);

    g_ptr_array_unref (statements_a);
    g_ptr_array_unref (statements_b);
    statements_a = after_a;
    statements_b = after_b;
  }

  label_a = readout_format_side (store, code_a);
  label_b = readout_format_side (store, code_b);
  return compare_statements (store, call, label_a, statements_a, label_b, statements_b, statements);
}

/* "Kremlin" normally; "Kremlin, 28 January 2017" when both sources have one publisher. */
static char *
source_label (ReadoutSource *source,
              ReadoutSource *other)
{
  const char *publisher = readout_source_get_publisher (source);

  if (g_strcmp0 (publisher, readout_source_get_publisher (other)) != 0)
    return g_strdup (publisher);
  if (readout_source_get_date (source) != NULL
      && g_strcmp0 (readout_source_get_date (source), readout_source_get_date (other)) != 0)
    return g_strdup_printf ("%s, %s", publisher, readout_source_get_date (source));
  if (readout_source_get_title (source) != NULL)
    return g_strdup_printf ("%s: %s", publisher, readout_source_get_title (source));
  return g_strdup_printf ("%s #%" G_GINT64_FORMAT, publisher, readout_source_get_id (source));
}

static GPtrArray *
collect_source_statements (ReadoutStore *store,
                           gint64        source_id)
{
  g_autoptr(GListModel) model = readout_store_list_source_statements (store, source_id);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *statements = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (statements, g_list_model_get_item (model, i));
  return statements;
}

ReadoutComparison *
readout_call_comparison_new_for_sources (ReadoutStore  *store,
                                         gint64         source_a,
                                         gint64         source_b,
                                         GError       **error)
{
  g_autoptr(ReadoutSource) a = NULL;
  g_autoptr(ReadoutSource) b = NULL;
  g_autoptr(GPtrArray) statements_a = NULL;
  g_autoptr(GPtrArray) statements_b = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(ReadoutCall) call = NULL;
  g_autofree char *label_a = NULL;
  g_autofree char *label_b = NULL;
  ReadoutComparison *comparison;
  gint64 call_id;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  a = readout_store_get_source (store, source_a, error);
  if (a == NULL)
    return NULL;
  b = readout_store_get_source (store, source_b, error);
  if (b == NULL)
    return NULL;
  if (source_a == source_b)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, source_a);

      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("Side A and side B are both source %s: choose two different sources."),
                   id_text);
      return NULL;
    }
  call_id = readout_source_get_call_id (a);
  if (call_id != readout_source_get_call_id (b))
    {
      g_autofree char *id_a = g_strdup_printf ("%" G_GINT64_FORMAT, source_a);
      g_autofree char *id_b = g_strdup_printf ("%" G_GINT64_FORMAT, source_b);

      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("Sources %s and %s are about different calls: compare sources of one call."),
                   id_a, id_b);
      return NULL;
    }

  statements_a = collect_source_statements (store, source_a);
  statements_b = collect_source_statements (store, source_b);
  for (guint i = 0; i < 2; i++)
    {
      ReadoutSource *source = i == 0 ? a : b;

      if ((i == 0 ? statements_a : statements_b)->len == 0)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                      readout_source_get_id (source));

          g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND,
                       _("Source %s (%s) has no statements to compare: add its quotes or "
                         "paraphrases first."), id_text, readout_source_get_publisher (source));
          return NULL;
        }
    }

  call = readout_store_get_call (store, call_id, error);
  if (call == NULL)
    return NULL;
  label_a = source_label (a, b);
  label_b = source_label (b, a);
  statements = collect_call_statements (store, call_id);
  comparison = compare_statements (store, call, label_a, statements_a, label_b, statements_b, statements);
  readout_comparison_set_of_sources (comparison, TRUE);
  return comparison;
}
