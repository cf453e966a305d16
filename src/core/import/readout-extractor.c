// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "readout-error.h"
#include "readout-extractor-private.h"

/* The extractor reads the text as tokens (readout_text_tokenize) grouped into sentences
 * and paragraphs, finds leader mentions (stored names and aliases, Russian names in any
 * case by stem, and new leaders from title patterns such as "German Chancellor Angela
 * Merkel"), links mentions into calls through the words between them ("spoke WITH",
 * "Trump AND Putin discussed", "phoned"), and then reads each call's facts from the
 * sentences that concern it. It is a set of small, explainable rules rather than a model:
 * a user reviews every result, and a rule that fails is easy to find and fix. */

G_DEFINE_FINAL_TYPE (ReadoutExtractor, readout_extractor, G_TYPE_OBJECT)

static void
readout_extractor_finalize (GObject *object)
{
  ReadoutExtractor *self = READOUT_EXTRACTOR (object);

  g_ptr_array_unref (self->leaders);
  g_hash_table_unref (self->form_index);
  g_ptr_array_unref (self->forms);
  g_clear_pointer (&self->tagger, readout_topic_tagger_free);
  g_ptr_array_unref (self->topic_names);
  g_hash_table_unref (self->countries);
  g_hash_table_unref (self->demonyms);
  g_free (self->fallback_date);
  g_free (self->today);
  g_mutex_clear (&self->forms_lock);

  G_OBJECT_CLASS (readout_extractor_parent_class)->finalize (object);
}

static void
readout_extractor_class_init (ReadoutExtractorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = readout_extractor_finalize;
}

static void
readout_extractor_init (ReadoutExtractor *self)
{
  self->leaders = g_ptr_array_new_with_free_func ((GDestroyNotify) extractor_leader_free);
  self->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) extractor_form_free);
  self->form_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->tagger = readout_topic_tagger_new ();
  self->topic_names = g_ptr_array_new_with_free_func (g_free);
  self->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->demonyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->use_gazetteer = TRUE;
  self->forms_dirty = TRUE;
  g_mutex_init (&self->forms_lock);
  extractor_load_countries (self);
}

ReadoutExtractor *
readout_extractor_new (void)
{
  return g_object_new (READOUT_TYPE_EXTRACTOR, NULL);
}

void
readout_extractor_add_leader (ReadoutExtractor *self,
                              ReadoutLeader    *leader)
{
  Leader *copy;

  g_return_if_fail (READOUT_IS_EXTRACTOR (self));
  g_return_if_fail (READOUT_IS_LEADER (leader));
  g_return_if_fail (readout_leader_get_name (leader) != NULL);

  copy = g_new0 (Leader, 1);
  copy->name = g_strdup (readout_leader_get_name (leader));
  copy->country = g_strdup (readout_leader_get_country (leader));
  copy->office = g_strdup (readout_leader_get_office (leader));
  copy->term_start = g_strdup (readout_leader_get_term_start (leader));
  copy->term_end = g_strdup (readout_leader_get_term_end (leader));
  copy->aliases = g_strdupv ((char **) readout_leader_get_aliases (leader));
  copy->id = readout_leader_get_id (leader);
  g_ptr_array_add (self->leaders, copy);
  self->forms_dirty = TRUE;
}

void
readout_extractor_add_topic (ReadoutExtractor *self,
                             ReadoutTopic     *topic)
{
  g_return_if_fail (READOUT_IS_EXTRACTOR (self));
  g_return_if_fail (READOUT_IS_TOPIC (topic));

  g_ptr_array_add (self->topic_names, g_strdup (readout_topic_get_name (topic)));
  readout_topic_tagger_add_topic (self->tagger, self->topic_names->len, topic);
}

gboolean
readout_extractor_add_default_topics (ReadoutExtractor  *self,
                                      GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *topics;

  g_return_val_if_fail (READOUT_IS_EXTRACTOR (self), FALSE);

  bytes = g_resources_lookup_data ("/io/github/readout/Readout/core/topics.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;

  topics = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonObject *object = json_array_get_object_element (topics, i);
      JsonObject *keywords = json_object_get_object_member (object, "keywords");
      g_autoptr(ReadoutTopic) topic = readout_topic_new ();
      g_autoptr(GList) languages = json_object_get_members (keywords);

      readout_topic_set_name (topic, json_object_get_string_member (object, "name"));
      for (GList *l = languages; l != NULL; l = l->next)
        {
          JsonArray *words = json_object_get_array_member (keywords, l->data);
          g_autoptr(GPtrArray) strv = g_ptr_array_new ();

          for (guint j = 0; j < json_array_get_length (words); j++)
            g_ptr_array_add (strv, (gpointer) json_array_get_string_element (words, j));
          g_ptr_array_add (strv, NULL);
          readout_topic_set_keywords (topic, l->data, (const char * const *) strv->pdata);
        }
      readout_extractor_add_topic (self, topic);
    }
  return TRUE;
}

void
readout_extractor_set_fallback_date (ReadoutExtractor *self,
                                     const char       *iso_date)
{
  g_return_if_fail (READOUT_IS_EXTRACTOR (self));
  g_free (self->fallback_date);
  self->fallback_date = g_strdup (iso_date);
}

void
readout_extractor_set_today (ReadoutExtractor *self,
                             const char       *iso_date)
{
  g_return_if_fail (READOUT_IS_EXTRACTOR (self));
  g_free (self->today);
  self->today = g_strdup (iso_date);
}

const char *
readout_extractor_get_today (ReadoutExtractor *self)
{
  g_return_val_if_fail (READOUT_IS_EXTRACTOR (self), NULL);
  return self->today;
}

static void
work_clear (Work *w)
{
  g_clear_pointer (&w->raw_tokens, g_array_unref);
  g_clear_pointer (&w->strings, g_string_chunk_free);
  g_clear_pointer (&w->toks, g_array_unref);
  g_clear_pointer (&w->sentences, g_array_unref);
  g_clear_pointer (&w->leaders, g_ptr_array_unref);
  g_clear_pointer (&w->discovered, g_ptr_array_unref);
  g_clear_pointer (&w->extra_index, g_hash_table_unref);
  g_clear_pointer (&w->extra_forms, g_ptr_array_unref);
  g_clear_pointer (&w->mentions, g_array_unref);
  if (w->links != NULL)
    {
      for (guint i = 0; i < w->links->len; i++)
        {
          g_array_unref (g_array_index (w->links, Link, i).sentences);
          g_array_unref (g_array_index (w->links, Link, i).others);
        }
      g_clear_pointer (&w->links, g_array_unref);
    }
  g_clear_pointer (&w->initiators, g_hash_table_unref);
  g_clear_pointer (&w->seen_speakers, g_ptr_array_unref);
  g_clear_pointer (&w->publisher, g_free);
  g_clear_pointer (&w->side, g_free);
  g_clear_pointer (&w->voice, g_free);
}

static void
work_init (Work             *w,
           ReadoutExtractor *self,
           const char       *text)
{
  w->self = self;
  w->text = text;
  w->length = strlen (text);
  w->kind = READOUT_SOURCE_KIND_NEWS_REPORT;
  w->leaders = g_ptr_array_new ();
  for (guint i = 0; i < self->leaders->len; i++)
    g_ptr_array_add (w->leaders, g_ptr_array_index (self->leaders, i));
  w->discovered = g_ptr_array_new_with_free_func ((GDestroyNotify) extractor_leader_free);
  w->extra_forms = g_ptr_array_new_with_free_func ((GDestroyNotify) extractor_form_free);
  w->extra_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_date_clear (&w->base, 1);
  w->dateline_tok = G_MAXUINT;
  w->seen_speakers = g_ptr_array_new ();
}

/* The stages up to the calls: sentences, the text's date and publisher, the leaders it
 * names, and which of them spoke with each other. */
static void
find_calls (Work *w)
{
  extractor_tokenize (w);
  extractor_split_sentences (w);
  extractor_find_published (w);
  extractor_find_publisher (w);
  if (!w->has_base && !w->published_no_year && w->self->fallback_date != NULL)
    w->has_base = extractor_parse_iso (w->self->fallback_date, &w->base);
  extractor_discover_leaders (w);
  extractor_find_mentions (w);
  extractor_find_side_from_title (w);
  extractor_find_office_mentions (w);
  extractor_find_links (w);
  extractor_resolve_host (w);
}

/* Each call's dates, durations, status and initiator from the sentences about it; the
 * dates of sentences about no call go to @global_claims. */
static void
read_call_facts (Work         *w,
                 GArray      **relations,
                 CallFacts    *facts,
                 const guint  *participant_calls,
                 GArray       *global_claims)
{
  for (guint s = 0; s < w->sentences->len; s++)
    {
      GArray *rel = relations[s];

      if (rel->len == 0)
        {
          extractor_collect_date_claims (w, s, global_claims);
          continue;
        }
      if (rel->len > 1)
        {
          /* "spoke with Macron on Monday and with Merkel on Tuesday": a day belongs to
           * the call whose own participant the sentence last named before it. */
          g_autoptr(GArray) claims = g_array_new (FALSE, FALSE, sizeof (DateClaim));

          extractor_collect_date_claims (w, s, claims);
          for (guint r = 0; r < rel->len && claims->len > 0; r++)
            {
              guint c = g_array_index (rel, guint, r);
              guint k = extractor_claim_for_call (w, s, c, claims, facts, participant_calls);

              if (k == G_MAXUINT)
                g_array_append_vals (facts[c].date_claims, claims->data, claims->len);
              else
                g_array_append_val (facts[c].date_claims, g_array_index (claims, DateClaim, k));
            }
        }
      for (guint k = 0; k < rel->len; k++)
        {
          CallFacts *f = &facts[g_array_index (rel, guint, k)];

          if (rel->len == 1)
            extractor_collect_date_claims (w, s, f->date_claims);
          extractor_collect_durations (w, s, f->duration_claims);
          extractor_count_status (w, s, f);
          if (f->initiator == NO_LEADER)
            extractor_find_initiator (w, s, f);
        }
    }
}

static ReadoutExtraction *
new_extraction (Work       *w,
                const char *file)
{
  ReadoutExtraction *extraction = readout_extraction_new ();

  extraction->file = g_strdup (file);
  extraction->text = g_strdup (w->text);
  extraction->publisher = g_strdup (w->publisher);
  extraction->side = g_strdup (w->side);
  extraction->kind = w->kind;
  if (w->has_base)
    extraction->published = extractor_format_date (&w->base);
  for (guint s = 0; s < w->sentences->len && extraction->title == NULL; s++)
    if (sentence_at (w, s)->where == WHERE_TITLE)
      extraction->title = g_strndup (w->text + sentence_at (w, s)->start,
                                     sentence_at (w, s)->end - sentence_at (w, s)->start);
  return extraction;
}

/* The call of @f, with its participants; @first_call: the text's first, which may take
 * a date from sentences about no call. */
static ReadoutExtractedCall *
new_call (Work      *w,
          CallFacts *f,
          GArray    *global_claims,
          gboolean   first_call)
{
  ReadoutExtractedCall *call = readout_extracted_call_new ();

  call->status = extractor_call_status (f);
  if (f->initiator == NO_LEADER)
    {
      if (g_hash_table_contains (w->initiators, GUINT_TO_POINTER (f->a + 1)))
        f->initiator = f->a;
      else if (g_hash_table_contains (w->initiators, GUINT_TO_POINTER (f->b + 1)))
        f->initiator = f->b;
    }
  if (f->initiator != NO_LEADER)
    call->initiator = g_strdup (leader_at (w, f->initiator)->name);

  extractor_resolve_call_date (w, f, global_claims, first_call, call);
  call->year_guessed = w->year_guessed;
  extractor_resolve_duration (f, call);
  g_ptr_array_insert (call->participants, 0, extractor_participant_of (w, f->a, call->date));
  g_ptr_array_insert (call->participants, 1, extractor_participant_of (w, f->b, call->date));
  for (guint o = 0; o < f->others->len; o++)
    g_ptr_array_add (call->participants, extractor_participant_of (w, g_array_index (f->others, guint, o), call->date));
  return call;
}

/* Once the calls are found: their facts, the calls themselves, then the statements. */
static ReadoutExtraction *
read_calls (Work       *w,
            const char *file)
{
  guint n_calls = w->links->len;
  g_autofree guint *participant_calls = NULL;
  CallFacts *facts;
  GArray **relations;
  g_autoptr(GArray) global_claims = g_array_new (FALSE, FALSE, sizeof (DateClaim));
  ReadoutExtraction *extraction;

  extractor_sort_links (w);
  facts = extractor_call_facts_new (w, &participant_calls);
  relations = extractor_sentence_calls (w, participant_calls);
  read_call_facts (w, relations, facts, participant_calls, global_claims);
  if (!w->has_base && w->published_no_year)
    extractor_infer_year (w, facts, n_calls);

  extraction = new_extraction (w, file);
  for (guint c = 0; c < n_calls; c++)
    g_ptr_array_add (extraction->calls, new_call (w, &facts[c], global_claims, c == 0));
  extractor_add_statements (w, extraction, facts, n_calls, relations);
  for (guint c = 0; c < n_calls; c++)
    extractor_set_call_topics (g_ptr_array_index (extraction->calls, c));

  extractor_call_facts_free (facts, n_calls);
  extractor_sentence_calls_free (relations, w->sentences->len);
  return extraction;
}

ReadoutExtraction *
readout_extractor_extract (ReadoutExtractor  *self,
                           const char        *text,
                           const char        *file,
                           GError           **error)
{
  Work w = { 0 };
  ReadoutExtraction *extraction = NULL;

  g_return_val_if_fail (READOUT_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  extractor_rebuild_forms (self);
  work_init (&w, self, text);
  find_calls (&w);
  if (w.links->len == 0)
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND,
                 _("No call found in %s: it does not name two leaders who spoke or will speak."),
                 file != NULL ? file : "the text");
  else
    extraction = read_calls (&w, file);
  work_clear (&w);
  return extraction;
}
