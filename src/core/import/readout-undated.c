// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "readout-format.h"
#include "readout-undated.h"

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Adds @date to @days (ISO strings) unless it is there already. */
static void
add_day (GPtrArray   *days,
         const GDate *date)
{
  g_autofree char *iso = format_day (date);

  for (guint i = 0; i < days->len; i++)
    if (g_str_equal (g_ptr_array_index (days, i), iso))
      return;
  g_ptr_array_add (days, g_steal_pointer (&iso));
}

static gboolean
same_participant (ReadoutExtractedParticipant *a,
                  ReadoutExtractedParticipant *b)
{
  if (a->leader_id > 0 && b->leader_id > 0)
    return a->leader_id == b->leader_id;
  return a->name != NULL && g_strcmp0 (a->name, b->name) == 0;
}

/* Whether two of @a's participants took part in @b: a third leader named in passing
 * does not make them different calls. */
static gboolean
share_two_leaders (ReadoutExtractedCall *a,
                   ReadoutExtractedCall *b)
{
  guint shared = 0;

  for (guint i = 0; i < a->participants->len; i++)
    for (guint j = 0; j < b->participants->len; j++)
      if (same_participant (g_ptr_array_index (a->participants, i), g_ptr_array_index (b->participants, j)))
        {
          shared++;
          break;
        }
  return shared >= 2;
}

/* A call of another text that dates its call from itself: not one this resolver dated,
 * so that two undated texts do not date each other. */
static gboolean
dated_by_its_text (ReadoutExtractedCall *call,
                   GDate                *date)
{
  return call->date_from == READOUT_DATE_FROM_TEXT && readout_parse_iso_day (call->date, date);
}

/* The days @call's weekday or relative day may be, by dated call @other of a text
 * published on @published (nullable). @by_call: @other itself when the day fits it
 * ("Saturday" and it was on a Saturday; "yesterday" and a report of that day's call).
 * Otherwise, for a weekday, that weekday in the week up to @published, when both texts
 * are of one week: weaker, so it is only asked when no call of the import fits. */
static void
add_days_by (ReadoutExtractedCall *call,
             ReadoutExtractedCall *other,
             const char           *published,
             gboolean              by_call,
             GPtrArray            *days)
{
  GDate other_day, base, day;

  if (!dated_by_its_text (other, &other_day) || !share_two_leaders (call, other))
    return;
  if (by_call)
    {
      if (call->day_weekday == 0 || (int) g_date_get_weekday (&other_day) == call->day_weekday)
        add_day (days, &other_day);
      return;
    }
  /* "Yesterday" counted from another text's date is another day than its call's; only
   * a weekday names the same day whichever day of its week a text was written. */
  if (call->day_weekday != 0 && readout_parse_iso_day (published, &base) &&
      readout_extracted_call_day_from (call, &base, &day))
    add_day (days, &day);
}

static void
add_days_from_import (ReadoutExtractedCall *call,
                      ReadoutExtraction    *own,
                      GPtrArray            *extractions,
                      gboolean              by_call,
                      GPtrArray            *days)
{
  for (guint e = 0; e < extractions->len; e++)
    {
      ReadoutExtraction *other = g_ptr_array_index (extractions, e);

      if (other == own)
        continue;
      for (guint c = 0; c < other->calls->len; c++)
        add_days_by (call, g_ptr_array_index (other->calls, c), other->published, by_call, days);
    }
}

/* "Today" for the window of stored calls: the extractor's, which tests set, or the real one. */
static void
get_today (ReadoutImporter *importer,
           GDate           *today)
{
  if (!readout_parse_iso_day (readout_extractor_get_today (readout_importer_get_extractor (importer)), today))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
}

static void
add_days_from_store (ReadoutImporter      *importer,
                     ReadoutExtractedCall *call,
                     GPtrArray            *days)
{
  g_autoptr(GPtrArray) stored = NULL;
  GDate today;

  get_today (importer, &today);
  stored = readout_importer_list_calls_before (importer, call, &today, READOUT_UNDATED_STORED_DAYS);
  for (guint i = 0; i < stored->len; i++)
    {
      GDate date;

      if (readout_parse_iso_day (readout_call_get_date (g_ptr_array_index (stored, i)), &date) &&
          (call->day_weekday == 0 || (int) g_date_get_weekday (&date) == call->day_weekday))
        add_day (days, &date);
    }
}

static void
resolve_call (ReadoutImporter      *importer,
              ReadoutExtraction    *own,
              GPtrArray            *extractions,
              ReadoutExtractedCall *call)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  ReadoutDateFrom from = READOUT_DATE_FROM_IMPORT;

  /* Worked out afresh: the import may have a text more than when it was last resolved. */
  if (call->date_from != READOUT_DATE_FROM_TEXT)
    {
      g_clear_pointer (&call->date, g_free);
      call->date_from = READOUT_DATE_FROM_TEXT;
    }
  if (call->date != NULL || (call->day_weekday == 0 && !call->has_day_offset))
    return;

  add_days_from_import (call, own, extractions, TRUE, days);
  if (days->len == 0)
    add_days_from_import (call, own, extractions, FALSE, days);
  if (days->len == 0)
    {
      from = READOUT_DATE_FROM_STORE;
      add_days_from_store (importer, call, days);
    }
  call->day_fits = days->len;
  if (days->len != 1)
    return;
  call->date = g_strdup (g_ptr_array_index (days, 0));
  call->date_precision = READOUT_DATE_PRECISION_DAY;
  call->date_from = from;
}

/* A call of an undated text that names no day of its own ("He also spoke with …" after
 * "phoned various leaders on Saturday") is of the day its text's other calls were dated
 * to, when they agree on one. */
static void
date_from_sibling_calls (ReadoutExtraction *extraction)
{
  const char *day = NULL;
  ReadoutDateFrom from = READOUT_DATE_FROM_IMPORT;

  for (guint c = 0; c < extraction->calls->len; c++)
    {
      ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, c);

      if (call->date_from == READOUT_DATE_FROM_TEXT || call->date == NULL)
        continue;
      if (day != NULL && strcmp (day, call->date) != 0)
        return;
      day = call->date;
      from = call->date_from;
    }
  if (day == NULL)
    return;
  for (guint c = 0; c < extraction->calls->len; c++)
    {
      ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, c);

      if (call->date != NULL || call->day_weekday != 0 || call->has_day_offset)
        continue;
      call->date = g_strdup (day);
      call->date_precision = READOUT_DATE_PRECISION_DAY;
      call->date_from = from;
    }
}

void
readout_undated_resolve (ReadoutImporter *importer,
                         GPtrArray       *extractions)
{
  g_return_if_fail (READOUT_IS_IMPORTER (importer));
  g_return_if_fail (extractions != NULL);

  for (guint e = 0; e < extractions->len; e++)
    {
      ReadoutExtraction *extraction = g_ptr_array_index (extractions, e);

      for (guint c = 0; c < extraction->calls->len; c++)
        resolve_call (importer, extraction, extractions, g_ptr_array_index (extraction->calls, c));
      date_from_sibling_calls (extraction);
    }
}
