// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "readout-error.h"
#include "readout-import-text.h"
#include "readout-importer.h"
#include "readout-undated.h"
#include "readout-leader-gazetteer.h"

struct _ReadoutImporter
{
  GObject parent_instance;

  ReadoutStore     *store;   /* nullable: extraction only */
  ReadoutExtractor *extractor;
  /* What the last filing wrote, for readout_importer_push_undo(): the objects it
   * inserted, in order, and pairs of the calls it changed (before, after). */
  GPtrArray        *added;
  GPtrArray        *changed;
};

G_DEFINE_FINAL_TYPE (ReadoutImporter, readout_importer, G_TYPE_OBJECT)

static void
readout_importer_finalize (GObject *object)
{
  ReadoutImporter *self = READOUT_IMPORTER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->extractor);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  g_clear_pointer (&self->changed, g_ptr_array_unref);

  G_OBJECT_CLASS (readout_importer_parent_class)->finalize (object);
}

static void
readout_importer_class_init (ReadoutImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = readout_importer_finalize;
}

static void
readout_importer_init (ReadoutImporter *self)
{
  self->added = g_ptr_array_new_with_free_func (g_object_unref);
  self->changed = g_ptr_array_new_with_free_func (g_object_unref);
}

ReadoutImporter *
readout_importer_new (ReadoutStore *store)
{
  ReadoutImporter *self;
  gboolean have_topics = FALSE;

  g_return_val_if_fail (store == NULL || READOUT_IS_STORE (store), NULL);

  self = g_object_new (READOUT_TYPE_IMPORTER, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->extractor = readout_extractor_new ();

  if (store != NULL)
    {
      g_autoptr(GListModel) leaders = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL);
      g_autoptr(GListModel) topics = readout_store_list_topics (store);

      for (guint i = 0; i < g_list_model_get_n_items (leaders); i++)
        {
          g_autoptr(ReadoutLeader) leader = g_list_model_get_item (leaders, i);
          readout_extractor_add_leader (self->extractor, leader);
        }
      for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
        {
          g_autoptr(ReadoutTopic) topic = g_list_model_get_item (topics, i);
          readout_extractor_add_topic (self->extractor, topic);
          have_topics = TRUE;
        }
    }
  if (!have_topics)
    readout_extractor_add_default_topics (self->extractor, NULL);

  return self;
}

ReadoutExtractor *
readout_importer_get_extractor (ReadoutImporter *self)
{
  g_return_val_if_fail (READOUT_IS_IMPORTER (self), NULL);
  return self->extractor;
}

ReadoutExtraction *
readout_importer_extract_file (ReadoutImporter  *self,
                               const char       *path,
                               GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (READOUT_IS_IMPORTER (self), NULL);

  text = readout_import_text_load (path, error);
  if (text == NULL)
    return NULL;
  return readout_extractor_extract (self->extractor, text, path, error);
}

static gboolean
parse_day (const char *iso,
           GDate      *date)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* The stored id of @p: a leader new to the extractor may have been stored by an earlier
 * import. 0 when it is not stored, or has no name (while the user retypes it). */
static gint64
stored_leader_id (ReadoutImporter             *self,
                  ReadoutExtractedParticipant *p)
{
  if (p->leader_id <= 0 && p->name != NULL)
    {
      g_autoptr(ReadoutLeader) found = readout_store_find_leader (self->store, p->name, NULL);

      if (found != NULL)
        p->leader_id = readout_leader_get_id (found);
    }
  return MAX (p->leader_id, 0);
}

/* The stored calls between participants @i and @j of @call, newest first; NULL when
 * either is not stored. */
static GListModel *
list_stored_calls_of (ReadoutImporter      *self,
                      ReadoutExtractedCall *call,
                      guint                 i,
                      guint                 j)
{
  gint64 a, b;

  if (self->store == NULL || j >= call->participants->len)
    return NULL;
  a = stored_leader_id (self, g_ptr_array_index (call->participants, i));
  b = stored_leader_id (self, g_ptr_array_index (call->participants, j));
  if (a <= 0 || b <= 0)
    return NULL;
  return readout_store_list_calls (self->store, a, b);
}

static GListModel *
list_stored_calls_of_pair (ReadoutImporter      *self,
                           ReadoutExtractedCall *call)
{
  return list_stored_calls_of (self, call, 0, 1);
}

/* A guessed year ("Nov. 21" with nothing to tell the year) takes the year of the stored
 * call between the same leaders on that day, give or take one: it is that call's report. */
static void
take_stored_year (ReadoutImporter      *self,
                  ReadoutExtractedCall *call)
{
  g_autoptr(GListModel) calls = NULL;
  GDate date;

  if (!call->year_guessed || !parse_day (call->date, &date) ||
      (calls = list_stored_calls_of_pair (self, call)) == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(ReadoutCall) stored = g_list_model_get_item (calls, i);
      g_autofree char *moved = NULL;
      GDate stored_date, same_day;

      if (!parse_day (readout_call_get_date (stored), &stored_date) ||
          !g_date_valid_dmy (g_date_get_day (&date), g_date_get_month (&date), g_date_get_year (&stored_date)))
        continue;
      g_date_clear (&same_day, 1);
      g_date_set_dmy (&same_day, g_date_get_day (&date), g_date_get_month (&date), g_date_get_year (&stored_date));
      if (ABS (g_date_days_between (&same_day, &stored_date)) > 1)
        continue;
      moved = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&same_day),
                               g_date_get_month (&same_day), g_date_get_day (&same_day));
      readout_extracted_call_move_date (call, call->date, moved);
      call->year_guessed = FALSE;
      return;
    }
}

typedef struct {
  ReadoutCall *call;
  int          days;  /* from the text's date, either way */
} Candidate;

static void
candidate_clear (gpointer data)
{
  g_clear_object (&((Candidate *) data)->call);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->days != y->days)
    return x->days - y->days;
  return g_strcmp0 (readout_call_get_date (y->call), readout_call_get_date (x->call));
}

/* Adds the calls of @calls (newest first) within @max_days of @date that @found does not
 * hold yet. */
static void
add_candidates (GArray     *found,
                GListModel *calls,
                GDate      *date,
                int         max_days)
{
  for (guint k = 0; k < g_list_model_get_n_items (calls); k++)
    {
      g_autoptr(ReadoutCall) stored = g_list_model_get_item (calls, k);
      gboolean known = FALSE;
      GDate stored_date;
      int days;

      if (!parse_day (readout_call_get_date (stored), &stored_date))
        continue;
      days = g_date_days_between (date, &stored_date);
      /* Newest first: once older than the window, nothing further is in it. */
      if (days < -max_days)
        break;
      if (days > max_days)
        continue;
      for (guint c = 0; c < found->len && !known; c++)
        known = readout_call_get_id (g_array_index (found, Candidate, c).call) == readout_call_get_id (stored);
      if (!known)
        {
          Candidate candidate = { g_steal_pointer (&stored), ABS (days) };

          g_array_append_val (found, candidate);
        }
    }
}

static GArray *
candidates_new (void)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Candidate));

  g_array_set_clear_func (found, candidate_clear);
  return found;
}

/* The stored calls within @max_days of @date that two of @call's participants took part in:
 * every pair is tried, so a third leader the text names in passing (and the extractor took
 * for a participant) does not hide the call. Nearest first. */
static GArray *
find_candidates_near (ReadoutImporter      *self,
                      ReadoutExtractedCall *call,
                      GDate                *date,
                      int                   max_days)
{
  GArray *found = candidates_new ();

  for (guint i = 0; i < call->participants->len; i++)
    for (guint j = i + 1; j < call->participants->len; j++)
      {
        g_autoptr(GListModel) calls = list_stored_calls_of (self, call, i, j);

        if (calls != NULL)
          add_candidates (found, calls, date, max_days);
      }
  g_array_sort (found, compare_candidates);
  return found;
}

static GArray *
find_candidates (ReadoutImporter      *self,
                 ReadoutExtractedCall *call,
                 int                   max_days)
{
  GDate date;

  if (!parse_day (call->date, &date))
    return candidates_new ();
  return find_candidates_near (self, call, &date, max_days);
}

GPtrArray *
readout_importer_list_calls_before (ReadoutImporter      *self,
                                    ReadoutExtractedCall *call,
                                    const GDate          *last,
                                    guint                 days)
{
  GPtrArray *calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) found = NULL;
  GDate middle = *last;

  g_return_val_if_fail (READOUT_IS_IMPORTER (self), calls);
  g_return_val_if_fail (call != NULL && last != NULL, calls);

  /* Within days/2 of the middle of the window: the window, give or take its odd day. */
  g_date_subtract_days (&middle, days / 2);
  found = find_candidates_near (self, call, &middle, (int) (days - days / 2));
  for (guint i = 0; i < found->len; i++)
    {
      ReadoutCall *stored = g_array_index (found, Candidate, i).call;
      GDate date;

      if (parse_day (readout_call_get_date (stored), &date) && g_date_compare (&date, last) <= 0)
        g_ptr_array_add (calls, g_object_ref (stored));
    }
  return calls;
}

/* The stored call two of @call's leaders took part in within a day of it, or NULL. */
static ReadoutCall *
find_stored_call (ReadoutImporter      *self,
                  ReadoutExtractedCall *call)
{
  g_autoptr(GArray) found = find_candidates (self, call, 1);

  if (found->len == 0)
    return NULL;
  return g_object_ref (g_array_index (found, Candidate, 0).call);
}

/**
 * readout_importer_list_candidates:
 * @call: a call of an extraction
 *
 * The stored calls @call may be a report of, for the review to offer: calls two of its
 * participants took part in, within three days of its date, nearest first.
 *
 * Returns: (transfer full) (element-type ReadoutCall): the calls, maybe none
 */
GPtrArray *
readout_importer_list_candidates (ReadoutImporter      *self,
                                  ReadoutExtractedCall *call)
{
  GPtrArray *calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) found = NULL;

  g_return_val_if_fail (READOUT_IS_IMPORTER (self), calls);
  g_return_val_if_fail (call != NULL, calls);

  found = find_candidates (self, call, 3);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (calls, g_object_ref (g_array_index (found, Candidate, i).call));
  return calls;
}

/* Whether a call read from a stored source states a fact, @value. */
typedef gboolean (*CallStatesFunc) (ReadoutExtractedCall *call,
                                    const char           *value);

static gboolean
call_states_date (ReadoutExtractedCall *call,
                  const char           *value)
{
  return !call->date_from_published && g_strcmp0 (call->date, value) == 0;
}

static char *
format_duration_claim (ReadoutDurationQualifier qualifier,
                       int                      minutes)
{
  return g_strdup_printf ("%s %d minutes", readout_enum_to_string (READOUT_TYPE_DURATION_QUALIFIER, qualifier),
                          minutes);
}

static gboolean
call_states_duration (ReadoutExtractedCall *call,
                      const char           *value)
{
  g_autofree char *duration = NULL;

  if (call->duration_minutes <= 0)
    return FALSE;
  duration = format_duration_claim (call->duration_qualifier, call->duration_minutes);
  return g_str_equal (duration, value);
}

/* The stored source of @stored that gave it @value, so that the stored side of a
 * conflict cites it. The store keeps no record of which source set a fact, so the
 * sources' texts are read again: the first filed that states @value, else the first
 * filed, which made the call. @stated says whether one states it; NULL when the call
 * has no source. Only runs when a text disagrees with the store. */
static ReadoutSource *
find_source_stating (ReadoutImporter *self,
                     ReadoutCall     *stored,
                     CallStatesFunc   states,
                     const char      *value,
                     gboolean        *stated)
{
  g_autoptr(GListModel) sources = readout_store_list_sources (self->store, readout_call_get_id (stored));
  ReadoutSource *first = NULL, *stating = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ReadoutSource) source = g_list_model_get_item (sources, i);
      g_autoptr(ReadoutExtraction) reading = NULL;
      gboolean says = FALSE;

      if (first == NULL || readout_source_get_id (source) < readout_source_get_id (first))
        g_set_object (&first, source);
      if (readout_source_get_text (source) != NULL &&
          (reading = readout_extractor_extract (self->extractor, readout_source_get_text (source), NULL, NULL)) != NULL)
        for (guint c = 0; c < reading->calls->len && !says; c++)
          says = states (g_ptr_array_index (reading->calls, c), value);
      if (says && (stating == NULL || readout_source_get_id (source) < readout_source_get_id (stating)))
        g_set_object (&stating, source);
    }
  *stated = stating != NULL;
  if (stating != NULL)
    {
      g_clear_object (&first);
      return stating;
    }
  return first;
}

/* A claim the stored call makes, as opposed to one of the text being imported. */
static gboolean
claim_is_stored (ReadoutExtractedClaim *claim)
{
  return claim->source_id > 0 || g_strcmp0 (claim->where, "store") == 0;
}

static void
add_stored_conflict (ReadoutExtractedCall *call,
                     const char           *field,
                     const char           *stored_value,
                     ReadoutSource        *stored_source,
                     const char           *new_value)
{
  ReadoutExtractedConflict *conflict = readout_extracted_conflict_new (field);

  if (stored_source != NULL)
    g_ptr_array_add (conflict->claims, readout_extracted_claim_new (stored_value,
                                                                    readout_source_get_publisher (stored_source),
                                                                    readout_source_get_id (stored_source)));
  else
    g_ptr_array_add (conflict->claims, readout_extracted_claim_new (stored_value, "store", 0));
  g_ptr_array_add (conflict->claims, readout_extracted_claim_new (new_value, "text", 0));
  g_ptr_array_add (call->conflicts, conflict);
}

/* The text's day against the stored call's. A day known only from a text's own date
 * says "on or before": it agrees with an earlier day, and a day a text names replaces
 * it. Any other difference is a conflict. */
static void
match_date (ReadoutImporter      *self,
            ReadoutExtractedCall *call,
            ReadoutCall          *stored)
{
  const char *stored_date = readout_call_get_date (stored);
  g_autoptr(ReadoutSource) source = NULL;
  gboolean both_days, stated = FALSE;
  GDate stored_day, day;

  if (g_strcmp0 (stored_date, call->date) == 0 ||
      readout_call_get_status (stored) != READOUT_CALL_STATUS_HELD ||
      call->status != READOUT_CALL_STATUS_HELD)
    return;
  both_days = parse_day (stored_date, &stored_day) && parse_day (call->date, &day);
  if (both_days && call->date_from_published && g_date_compare (&stored_day, &day) < 0)
    return;
  source = find_source_stating (self, stored, call_states_date, stored_date, &stated);
  if (both_days && source != NULL && !stated && g_date_compare (&day, &stored_day) < 0)
    call->corrects_stored_date = TRUE;
  else
    add_stored_conflict (call, "date", stored_date, source, call->date);
}

static void
match_duration (ReadoutImporter      *self,
                ReadoutExtractedCall *call,
                ReadoutCall          *stored)
{
  g_autofree char *stored_duration = NULL;
  g_autofree char *duration = NULL;
  g_autoptr(ReadoutSource) source = NULL;
  gboolean stated;

  if (readout_call_get_duration_minutes (stored) <= 0 || call->duration_minutes <= 0 ||
      (readout_call_get_duration_minutes (stored) == call->duration_minutes &&
       readout_call_get_duration_qualifier (stored) == call->duration_qualifier))
    return;
  stored_duration = format_duration_claim (readout_call_get_duration_qualifier (stored),
                                           readout_call_get_duration_minutes (stored));
  duration = format_duration_claim (call->duration_qualifier, call->duration_minutes);
  source = find_source_stating (self, stored, call_states_duration, stored_duration, &stated);
  add_stored_conflict (call, "duration", stored_duration, source, duration);
}

void
readout_importer_match (ReadoutImporter   *self,
                        ReadoutExtraction *extraction)
{
  g_return_if_fail (READOUT_IS_IMPORTER (self));
  g_return_if_fail (extraction != NULL);

  for (guint i = 0; i < extraction->calls->len; i++)
    {
      ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, i);
      g_autoptr(ReadoutCall) stored = NULL;

      /* Matching again (inside the filing transaction) replaces what an earlier match said. */
      for (guint k = call->conflicts->len; k > 0; k--)
        {
          ReadoutExtractedConflict *c = g_ptr_array_index (call->conflicts, k - 1);

          if (c->claims->len > 0 && claim_is_stored (g_ptr_array_index (c->claims, 0)))
            g_ptr_array_remove_index (call->conflicts, k - 1);
        }
      call->corrects_stored_date = FALSE;
      /* The user's choice in the review (another call, or a new one) stands. */
      if (call->match_chosen)
        stored = call->matches_call_id > 0 && self->store != NULL
                 ? readout_store_get_call (self->store, call->matches_call_id, NULL) : NULL;
      else
        {
          call->matches_call_id = 0;
          take_stored_year (self, call);
          stored = find_stored_call (self, call);
        }
      if (stored == NULL)
        continue;
      call->matches_call_id = readout_call_get_id (stored);
      match_date (self, call, stored);
      match_duration (self, call, stored);
    }
}

/* Texts compare equal when their words do: whitespace and line ends do not count. */
static char *
normalize_for_compare (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, *p);
          space = FALSE;
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
call_has_text (ReadoutImporter *self,
               gint64           call_id,
               const char      *normalized)
{
  g_autoptr(GListModel) sources = readout_store_list_sources (self->store, call_id);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ReadoutSource) source = g_list_model_get_item (sources, i);
      g_autofree char *other = normalize_for_compare (readout_source_get_text (source));

      if (g_str_equal (other, normalized))
        return TRUE;
    }
  return FALSE;
}

gboolean
readout_importer_is_duplicate (ReadoutImporter   *self,
                               ReadoutExtraction *extraction)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (READOUT_IS_IMPORTER (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  normalized = normalize_for_compare (extraction->text);
  for (guint i = 0; i < extraction->calls->len; i++)
    {
      ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, i);

      if (call->matches_call_id > 0 && call_has_text (self, call->matches_call_id, normalized))
        return TRUE;
    }
  return FALSE;
}

static gint64
ensure_leader (ReadoutImporter              *self,
               ReadoutExtractedParticipant  *participant,
               GError                      **error)
{
  g_autoptr(ReadoutLeader) found = NULL;
  g_autoptr(ReadoutLeader) leader = NULL;
  const ReadoutGazetteerPerson *person;
  gboolean from_gazetteer;
  const char *space;

  if (participant->leader_id > 0)
    return participant->leader_id;

  found = readout_store_find_leader (self->store, participant->name, NULL);
  if (found != NULL)
    return participant->leader_id = readout_leader_get_id (found);

  leader = readout_leader_new ();
  readout_leader_set_name (leader, participant->name);
  readout_leader_set_country (leader, participant->country);
  readout_leader_set_office (leader, participant->office);
  /* A leader from the built-in list brings its term and aliases ("Putin", "Путин"),
   * unless the review renamed the participant to someone else. */
  person = readout_leader_gazetteer_lookup (readout_leader_gazetteer_get_default (), participant->name, NULL);
  from_gazetteer = participant->aliases != NULL && person != NULL && g_str_equal (person->name, participant->name);
  if (from_gazetteer)
    {
      readout_leader_set_term_start (leader, participant->term_start);
      readout_leader_set_term_end (leader, participant->term_end);
    }
  space = strrchr (participant->name, ' ');
  if (from_gazetteer)
    readout_leader_set_aliases (leader, (const char * const *) participant->aliases);
  else if (space != NULL)
    {
      const char *aliases[] = { space + 1, NULL };
      readout_leader_set_aliases (leader, aliases);
    }
  if (!readout_store_insert_leader (self->store, leader, error))
    return 0;
  g_ptr_array_add (self->added, g_object_ref (leader));
  participant->leader_id = readout_leader_get_id (leader);
  return participant->leader_id;
}

/* What a call needs to be filed. The error is prefixed with the call and the text
 * (name_failed_call()), so it does not name the file itself. */
static gboolean
check_call (ReadoutExtractedCall  *extracted,
            GError               **error)
{
  if (extracted->date != NULL)
    return TRUE;
  if (extracted->day_fits > 1)
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND,
                 g_dngettext (GETTEXT_PACKAGE,
                              "the text names the call's day only by the weekday or as “yesterday”, and "
                              "%u day fits it (by the other texts of this import or the stored calls of "
                              "these leaders); give the text's date with --date YYYY-MM-DD.",
                              "the text names the call's day only by the weekday or as “yesterday”, and "
                              "%u days fit it (by the other texts of this import or the stored calls of "
                              "these leaders); give the text's date with --date YYYY-MM-DD.",
                              extracted->day_fits),
                 extracted->day_fits);
  else if (extracted->day_weekday != 0 || extracted->has_day_offset)
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND,
                 g_dngettext (GETTEXT_PACKAGE,
                              "the text names the call's day only by the weekday or as “yesterday”, and no "
                              "other text of this import nor any stored call of these leaders in the %d day "
                              "before today fits it; give the text's date with --date YYYY-MM-DD.",
                              "the text names the call's day only by the weekday or as “yesterday”, and no "
                              "other text of this import nor any stored call of these leaders in the %d days "
                              "before today fits it; give the text's date with --date YYYY-MM-DD.",
                              READOUT_UNDATED_STORED_DAYS),
                 READOUT_UNDATED_STORED_DAYS);
  else
    g_set_error_literal (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND,
                         _("the text does not say when the call took place; give the text's date "
                           "with --date YYYY-MM-DD."));
  return FALSE;
}

static gboolean
file_call (ReadoutImporter       *self,
           ReadoutExtraction     *extraction,
           ReadoutExtractedCall  *extracted,
           guint                 *n_calls_new,
           guint                 *n_sources_new,
           GError               **error)
{
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(ReadoutSource) source = NULL;
  gint64 ids[8];
  guint n_ids = 0;
  gint64 initiator_id = 0;

  for (guint i = 0; i < extracted->participants->len && n_ids < G_N_ELEMENTS (ids); i++)
    {
      ReadoutExtractedParticipant *p = g_ptr_array_index (extracted->participants, i);
      gint64 id = ensure_leader (self, p, error);

      if (id <= 0)
        return FALSE;
      ids[n_ids++] = id;
      if (g_strcmp0 (extracted->initiator, p->name) == 0)
        initiator_id = id;
    }

  if (extracted->matches_call_id > 0)
    {
      g_autoptr(ReadoutCall) before = readout_store_get_call (self->store, extracted->matches_call_id, error);

      call = before != NULL ? readout_store_get_call (self->store, extracted->matches_call_id, error) : NULL;
      if (call == NULL)
        return FALSE;
      /* A readout of a call that was only announced: it took place. */
      if (readout_call_get_status (call) == READOUT_CALL_STATUS_ANNOUNCED &&
          extracted->status == READOUT_CALL_STATUS_HELD)
        {
          readout_call_set_status (call, READOUT_CALL_STATUS_HELD);
          readout_call_set_date (call, extracted->date);
        }
      if (extracted->corrects_stored_date)
        readout_call_set_date (call, extracted->date);
      if (readout_call_get_duration_minutes (call) <= 0 && extracted->duration_minutes > 0)
        {
          readout_call_set_duration_minutes (call, extracted->duration_minutes);
          readout_call_set_duration_qualifier (call, extracted->duration_qualifier);
        }
      if (readout_call_get_initiator_id (call) <= 0 && initiator_id > 0)
        readout_call_set_initiator_id (call, initiator_id);
      if (!readout_store_update_call (self->store, call, error))
        return FALSE;
      g_ptr_array_add (self->changed, g_steal_pointer (&before));
      g_ptr_array_add (self->changed, g_object_ref (call));
    }
  else
    {
      call = readout_call_new ();
      readout_call_set_date (call, extracted->date);
      readout_call_set_date_precision (call, extracted->date_precision);
      readout_call_set_status (call, extracted->status);
      if (extracted->duration_minutes > 0)
        {
          readout_call_set_duration_minutes (call, extracted->duration_minutes);
          readout_call_set_duration_qualifier (call, extracted->duration_qualifier);
        }
      readout_call_set_initiator_id (call, initiator_id);
      readout_call_set_participant_ids (call, ids, n_ids);
      if (!readout_store_insert_call (self->store, call, error))
        return FALSE;
      g_ptr_array_add (self->added, g_object_ref (call));
      extracted->matches_call_id = readout_call_get_id (call);
      if (n_calls_new != NULL)
        (*n_calls_new)++;
    }

  source = readout_source_new ();
  readout_source_set_call_id (source, readout_call_get_id (call));
  /* A text that does not say who published it: its file's name is no publisher, and the
   * window's review, which does not show that name, must file the same. */
  readout_source_set_publisher (source, extraction->publisher != NULL && *extraction->publisher != '\0'
                                        ? extraction->publisher : _("Unknown publisher"));
  readout_source_set_kind (source, extraction->kind);
  readout_source_set_side (source, extraction->side);
  readout_source_set_date (source, extraction->published);
  readout_source_set_title (source, extraction->title);
  readout_source_set_url (source, extraction->url);
  readout_source_set_text (source, extraction->text);
  if (!readout_store_insert_source (self->store, source, error))
    return FALSE;
  g_ptr_array_add (self->added, g_object_ref (source));
  if (n_sources_new != NULL)
    (*n_sources_new)++;

  for (guint i = 0; i < extracted->statements->len; i++)
    {
      ReadoutExtractedStatement *s = g_ptr_array_index (extracted->statements, i);
      g_autoptr(ReadoutStatement) statement = readout_statement_new ();

      readout_statement_set_call_id (statement, readout_call_get_id (call));
      readout_statement_set_source_id (statement, readout_source_get_id (source));
      readout_statement_set_speaker (statement, s->speaker);
      readout_statement_set_side (statement, s->side);
      readout_statement_set_kind (statement, s->kind);
      readout_statement_set_text (statement, s->text);
      readout_statement_set_position (statement, (int) i);
      if (!readout_store_insert_statement (self->store, statement, error))
        return FALSE;
    }

  for (guint i = 0; i < extracted->conflicts->len; i++)
    {
      ReadoutExtractedConflict *c = g_ptr_array_index (extracted->conflicts, i);
      g_autoptr(ReadoutConflict) conflict = readout_conflict_new ();

      readout_conflict_set_call_id (conflict, readout_call_get_id (call));
      readout_conflict_set_field (conflict, c->field);
      for (guint k = 0; k < c->claims->len; k++)
        {
          ReadoutExtractedClaim *claim = g_ptr_array_index (c->claims, k);
          g_autofree char *where = g_strdup_printf ("%s (%s)",
                                                    readout_source_get_publisher (source), claim->where);

          if (claim_is_stored (claim))
            readout_conflict_add_claim (conflict, claim->value, claim->source_id,
                                        claim->source_id > 0 ? claim->where : NULL);
          else
            readout_conflict_add_claim (conflict, claim->value, readout_source_get_id (source), where);
        }
      if (!readout_store_insert_conflict (self->store, conflict, error))
        return FALSE;
      g_ptr_array_add (self->added, g_object_ref (conflict));
    }
  return TRUE;
}

/* The ids filing writes into the extractions (the leaders and calls it stores), with the
 * values they had before. A rolled-back filing puts them back: otherwise a retry would
 * point at leaders that were never kept, and fail on their foreign keys. */
typedef struct {
  gint64 *slot;
  gint64  value;
} SavedId;

static GArray *
save_ids (GPtrArray *extractions)
{
  GArray *saved = g_array_new (FALSE, FALSE, sizeof (SavedId));

  for (guint e = 0; e < extractions->len; e++)
    {
      ReadoutExtraction *extraction = g_ptr_array_index (extractions, e);

      for (guint c = 0; c < extraction->calls->len; c++)
        {
          ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, c);
          SavedId id = { &call->matches_call_id, call->matches_call_id };

          g_array_append_val (saved, id);
          for (guint p = 0; p < call->participants->len; p++)
            {
              ReadoutExtractedParticipant *participant = g_ptr_array_index (call->participants, p);
              SavedId leader = { &participant->leader_id, participant->leader_id };

              g_array_append_val (saved, leader);
            }
        }
    }
  return saved;
}

static void
restore_ids (GArray *saved)
{
  for (guint i = 0; i < saved->len; i++)
    {
      SavedId *id = &g_array_index (saved, SavedId, i);
      *id->slot = id->value;
    }
}

/* "Call 2 of kremlin.txt: …": which call of which text could not be filed. */
static void
name_failed_call (GError            **error,
                  ReadoutExtraction  *extraction,
                  guint               index)
{
  g_autofree char *name = extraction->file != NULL ? g_path_get_basename (extraction->file)
                                                   : g_strdup (_("the pasted text"));

  /* Translators: "Call 1 of kremlin.txt: " before the reason the call could not be filed */
  g_prefix_error (error, _("Call %u of %s: "), index + 1, name);
}

gboolean
readout_importer_check_call (ReadoutImporter    *self,
                             ReadoutExtraction  *extraction,
                             guint               index,
                             GError            **error)
{
  g_return_val_if_fail (READOUT_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (extraction != NULL && index < extraction->calls->len, FALSE);

  if (check_call (g_ptr_array_index (extraction->calls, index), error))
    return TRUE;
  name_failed_call (error, extraction, index);
  return FALSE;
}

gboolean
readout_importer_file (ReadoutImporter  *self,
                       GPtrArray        *extractions,
                       guint            *n_calls_new,
                       guint            *n_sources_new,
                       GError          **error)
{
  g_autoptr(GArray) saved = NULL;

  g_return_val_if_fail (READOUT_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (extractions != NULL, FALSE);

  if (n_calls_new != NULL)
    *n_calls_new = 0;
  if (n_sources_new != NULL)
    *n_sources_new = 0;
  if (self->store == NULL)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, _("There is no store to import into."));
      return FALSE;
    }

  g_ptr_array_set_size (self->added, 0);
  g_ptr_array_set_size (self->changed, 0);
  if (!readout_store_begin (self->store, error))
    return FALSE;
  saved = save_ids (extractions);

  for (guint e = 0; e < extractions->len; e++)
    {
      ReadoutExtraction *extraction = g_ptr_array_index (extractions, e);

      /* Match again inside the transaction: an earlier file of this import may have
       * stored the call this one reports. */
      readout_importer_match (self, extraction);
      if (readout_importer_is_duplicate (self, extraction))
        continue;
      for (guint c = 0; c < extraction->calls->len; c++)
        if (!check_call (g_ptr_array_index (extraction->calls, c), error) ||
            !file_call (self, extraction, g_ptr_array_index (extraction->calls, c),
                        n_calls_new, n_sources_new, error))
          {
            name_failed_call (error, extraction, c);
            readout_store_rollback (self->store);
            goto failed;
          }
    }

  /* A commit that fails has rolled back already. */
  if (readout_store_commit (self->store, error))
    return TRUE;

failed:
  restore_ids (saved);
  g_ptr_array_set_size (self->added, 0);
  g_ptr_array_set_size (self->changed, 0);
  if (n_calls_new != NULL)
    *n_calls_new = 0;
  if (n_sources_new != NULL)
    *n_sources_new = 0;
  return FALSE;
}

void
readout_importer_push_undo (ReadoutImporter  *self,
                            ReadoutUndoStack *stack)
{
  g_return_if_fail (READOUT_IS_IMPORTER (self));
  g_return_if_fail (READOUT_IS_UNDO_STACK (stack));

  if (self->added->len == 0 && self->changed->len == 0)
    return;
  readout_undo_stack_push_import (stack, self->added, self->changed);
  g_ptr_array_set_size (self->added, 0);
  g_ptr_array_set_size (self->changed, 0);
}
