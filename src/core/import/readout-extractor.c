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
}

ReadoutExtraction *
readout_extractor_extract (ReadoutExtractor  *self,
                           const char        *text,
                           const char        *file,
                           GError           **error)
{
  Work w = { 0 };
  g_autoptr(ReadoutExtraction) extraction = NULL;
  g_autofree CallFacts *facts = NULL;
  g_autofree GArray **relations = NULL;
  g_autoptr(GArray) global_claims = NULL;
  g_autofree guint *participant_calls = NULL;
  guint n_calls;
  guint current = G_MAXUINT;
  const char *previous_speaker = NULL;
  const char *previous_side = NULL;
  gboolean previous_quote = FALSE;

  g_return_val_if_fail (READOUT_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  extractor_rebuild_forms (self);

  w.self = self;
  w.text = text;
  w.length = strlen (text);
  w.kind = READOUT_SOURCE_KIND_NEWS_REPORT;
  w.leaders = g_ptr_array_new ();
  for (guint i = 0; i < self->leaders->len; i++)
    g_ptr_array_add (w.leaders, g_ptr_array_index (self->leaders, i));
  w.discovered = g_ptr_array_new_with_free_func ((GDestroyNotify) extractor_leader_free);
  w.extra_forms = g_ptr_array_new_with_free_func ((GDestroyNotify) extractor_form_free);
  w.extra_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_date_clear (&w.base, 1);
  w.dateline_tok = G_MAXUINT;
  w.seen_speakers = g_ptr_array_new ();

  extractor_tokenize (&w);
  extractor_split_sentences (&w);
  extractor_find_published (&w);
  extractor_find_publisher (&w);
  if (!w.has_base && !w.published_no_year && self->fallback_date != NULL)
    w.has_base = extractor_parse_iso (self->fallback_date, &w.base);
  extractor_discover_leaders (&w);
  extractor_find_mentions (&w);
  extractor_find_side_from_title (&w);
  extractor_find_office_mentions (&w);
  extractor_find_links (&w);
  extractor_resolve_host (&w);

  if (w.links->len == 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND,
                   _("No call found in %s: it does not name two leaders who spoke or will speak."),
                   file != NULL ? file : "the text");
      work_clear (&w);
      return NULL;
    }

  /* Calls in the order the text first reports them. */
  n_calls = w.links->len;
  for (guint i = 0; i < n_calls; i++)
    for (guint k = i + 1; k < n_calls; k++)
      {
        Link *a = &g_array_index (w.links, Link, i);
        Link *b = &g_array_index (w.links, Link, k);

        if (b->first_sentence < a->first_sentence)
          {
            Link tmp = *a;
            *a = *b;
            *b = tmp;
          }
      }

  facts = g_new0 (CallFacts, n_calls);
  participant_calls = g_new0 (guint, w.leaders->len);
  for (guint c = 0; c < n_calls; c++)
    {
      Link *link = &g_array_index (w.links, Link, c);

      facts[c].a = link->a;
      facts[c].b = link->b;
      facts[c].others = link->others;
      for (guint o = 0; o < link->others->len; o++)
        participant_calls[g_array_index (link->others, guint, o)]++;
      facts[c].date_claims = g_array_new (FALSE, FALSE, sizeof (DateClaim));
      facts[c].duration_claims = g_array_new (FALSE, FALSE, sizeof (DurationClaim));
      facts[c].initiator = NO_LEADER;
      participant_calls[link->a]++;
      participant_calls[link->b]++;
    }
  global_claims = g_array_new (FALSE, FALSE, sizeof (DateClaim));

  /* Which calls each sentence is about: those whose own participant it names, else the
   * call the text was last talking about. */
  relations = g_new0 (GArray *, w.sentences->len);
  for (guint s = 0; s < w.sentences->len; s++)
    {
      GArray *rel = g_array_new (FALSE, FALSE, sizeof (guint));

      relations[s] = rel;
      if (n_calls == 1)
        {
          guint zero = 0;
          g_array_append_val (rel, zero);
          continue;
        }
      for (guint c = 0; c < n_calls; c++)
        {
          Link *link = &g_array_index (w.links, Link, c);
          gboolean related = FALSE;

          for (guint k = 0; k < link->sentences->len && !related; k++)
            related = g_array_index (link->sentences, guint, k) == s;
          for (guint i = 0; i < w.mentions->len && !related; i++)
            {
              Mention *m = &g_array_index (w.mentions, Mention, i);

              if (m->sentence == s &&
                  extractor_link_has (link, m->leader) && participant_calls[m->leader] == 1)
                related = TRUE;
            }
          if (related)
            g_array_append_val (rel, c);
        }
      if (rel->len > 0)
        current = g_array_index (rel, guint, rel->len - 1);
      else if (current != G_MAXUINT)
        g_array_append_val (rel, current);
    }

  for (guint s = 0; s < w.sentences->len; s++)
    {
      GArray *rel = relations[s];

      if (rel->len == 0)
        {
          extractor_collect_date_claims (&w, s, global_claims);
          continue;
        }
      if (rel->len > 1)
        {
          /* "spoke with Macron on Monday and with Merkel on Tuesday": a day belongs to
           * the call whose own participant the sentence last named before it. */
          g_autoptr(GArray) claims = g_array_new (FALSE, FALSE, sizeof (DateClaim));

          extractor_collect_date_claims (&w, s, claims);
          for (guint r = 0; r < rel->len && claims->len > 0; r++)
            {
              guint c = g_array_index (rel, guint, r);
              guint k = extractor_claim_for_call (&w, s, c, claims, facts, participant_calls);

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
            extractor_collect_date_claims (&w, s, f->date_claims);
          extractor_collect_durations (&w, s, f->duration_claims);
          extractor_count_status (&w, s, f);
          if (f->initiator == NO_LEADER)
            extractor_find_initiator (&w, s, f);
        }
    }

  if (!w.has_base && w.published_no_year)
    extractor_infer_year (&w, facts, n_calls);

  extraction = readout_extraction_new ();
  extraction->file = g_strdup (file);
  extraction->text = g_strdup (text);
  extraction->publisher = g_strdup (w.publisher);
  extraction->side = g_strdup (w.side);
  extraction->kind = w.kind;
  if (w.has_base)
    extraction->published = extractor_format_date (&w.base);
  for (guint s = 0; s < w.sentences->len && extraction->title == NULL; s++)
    if (sentence_at (&w, s)->where == WHERE_TITLE)
      extraction->title = g_strndup (text + sentence_at (&w, s)->start,
                                     sentence_at (&w, s)->end - sentence_at (&w, s)->start);

  for (guint c = 0; c < n_calls; c++)
    {
      ReadoutExtractedCall *call = readout_extracted_call_new ();
      CallFacts *f = &facts[c];

      if (f->cancelled > 0 && f->cancelled >= f->held)
        call->status = READOUT_CALL_STATUS_CANCELLED;
      else if (f->held > 0 && f->held >= f->announced)
        call->status = READOUT_CALL_STATUS_HELD;
      else if (f->announced > 0)
        call->status = READOUT_CALL_STATUS_ANNOUNCED;
      else
        call->status = READOUT_CALL_STATUS_HELD;

      if (f->initiator == NO_LEADER)
        {
          if (g_hash_table_contains (w.initiators, GUINT_TO_POINTER (f->a + 1)))
            f->initiator = f->a;
          else if (g_hash_table_contains (w.initiators, GUINT_TO_POINTER (f->b + 1)))
            f->initiator = f->b;
        }
      if (f->initiator != NO_LEADER)
        call->initiator = g_strdup (leader_at (&w, f->initiator)->name);

      extractor_resolve_call_date (&w, f, global_claims, c == 0, call);
      call->year_guessed = w.year_guessed;
      extractor_resolve_duration (f, call);
      g_ptr_array_insert (call->participants, 0, extractor_participant_of (&w, f->a, call->date));
      g_ptr_array_insert (call->participants, 1, extractor_participant_of (&w, f->b, call->date));
      for (guint o = 0; o < f->others->len; o++)
        g_ptr_array_add (call->participants, extractor_participant_of (&w, g_array_index (f->others, guint, o), call->date));
      g_ptr_array_add (extraction->calls, call);
    }

  /* Statements. */
  for (guint s = 0; s < w.sentences->len; s++)
    {
      Sentence *sentence = sentence_at (&w, s);
      const char *speaker = NULL, *side = NULL;
      g_autofree char *unknown = NULL;
      g_auto(GStrv) topics = NULL;
      gboolean attributed, quote, include;
      GArray *rel = relations[s];

      if (sentence->where != WHERE_TEXT)
        {
          previous_quote = FALSE;
          continue;
        }

      quote = extractor_has_quote (text + sentence->start, sentence->end - sentence->start);
      attributed = extractor_find_attribution (&w, s, &speaker, &side, &unknown);
      if (attributed && unknown != NULL)
        speaker = unknown, side = NULL;

      /* A quote that runs on into a second sentence keeps its speaker. */
      if (!attributed && previous_quote && previous_speaker != NULL &&
          (text[sentence->start] == '"' || g_str_has_prefix (text + sentence->start, "“") ||
           g_str_has_prefix (text + sentence->start, "«")))
        {
          attributed = TRUE;
          speaker = previous_speaker;
          side = previous_side;
          quote = TRUE;
        }

      if (attributed)
        include = TRUE;
      else
        {
          gboolean names_participant = FALSE;

          for (guint i = 0; i < w.mentions->len && !names_participant; i++)
            {
              Mention *m = &g_array_index (w.mentions, Mention, i);

              if (m->sentence != s)
                continue;
              for (guint c = 0; c < n_calls && !names_participant; c++)
                names_participant = extractor_facts_has (&facts[c], m->leader);
            }
          include = extractor_is_discussion_sentence (&w, s) &&
                    (names_participant || extractor_mentions_the_pair (&w, s) || w.official);
          speaker = w.publisher;
          side = w.side;
        }

      if (attributed && side != NULL && speaker != NULL)
        {
          g_ptr_array_add (w.seen_speakers, (gpointer) speaker);
          g_ptr_array_add (w.seen_speakers, (gpointer) side);
        }
      previous_quote = attributed && quote;
      previous_speaker = attributed ? speaker : NULL;
      previous_side = attributed ? side : NULL;
      if (!include)
        continue;
      /* An official readout is its government's account, of what the other leader said too */
      if (w.official && w.side != NULL)
        side = w.side;

      {
        g_autofree char *sentence_text = g_strndup (text + sentence->start, sentence->end - sentence->start);
        topics = extractor_tag_topics (&w, sentence_text);
      }

      if (w.joint && !attributed)
        {
          extractor_add_joint_statement (&w, extraction, &facts[rel->len > 0 ? g_array_index (rel, guint, 0) : 0],
                                         rel->len > 0 ? g_array_index (rel, guint, 0) : 0, sentence, topics);
          continue;
        }
      if (rel->len == 0)
        extractor_add_statement (g_ptr_array_index (extraction->calls, 0), &w, sentence, speaker, side, quote, topics);
      for (guint k = 0; k < rel->len; k++)
        extractor_add_statement (g_ptr_array_index (extraction->calls, g_array_index (rel, guint, k)),
                                 &w, sentence, speaker, side, quote, topics);
    }

  for (guint c = 0; c < n_calls; c++)
    {
      ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, c);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint k = 0; k < call->statements->len; k++)
        extractor_add_topics (names, ((ReadoutExtractedStatement *) g_ptr_array_index (call->statements, k))->topics);
      g_ptr_array_sort (names, extractor_compare_names);
      g_ptr_array_add (names, NULL);
      g_strfreev (call->topics);
      call->topics = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
    }

  for (guint c = 0; c < n_calls; c++)
    {
      g_array_unref (facts[c].date_claims);
      g_array_unref (facts[c].duration_claims);
    }
  for (guint s = 0; s < w.sentences->len; s++)
    g_array_unref (relations[s]);
  work_clear (&w);

  return g_steal_pointer (&extraction);
}
