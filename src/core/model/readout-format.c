// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "readout-country-translation.h"
#include "readout-format.h"
#include "readout-store.h"

gboolean
readout_parse_iso_date (const char           *text,
                        ReadoutDatePrecision *precision,
                        GDate                *date)
{
  unsigned year = 0, month = 1, day = 1;
  ReadoutDatePrecision parsed;
  gsize length;

  if (text == NULL)
    return FALSE;
  length = strlen (text);
  if (length == 10)
    parsed = READOUT_DATE_PRECISION_DAY;
  else if (length == 7)
    parsed = READOUT_DATE_PRECISION_MONTH;
  else if (length == 4)
    parsed = READOUT_DATE_PRECISION_YEAR;
  else
    return FALSE;

  /* Digits where they belong and dashes between; read without sscanf, which a
   * timeline calls for each of thousands of calls. */
  for (gsize i = 0; i < length; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  for (gsize i = 0; i < 4; i++)
    year = year * 10 + (unsigned) (text[i] - '0');
  if (length >= 7)
    month = (unsigned) (text[5] - '0') * 10 + (unsigned) (text[6] - '0');
  if (length == 10)
    day = (unsigned) (text[8] - '0') * 10 + (unsigned) (text[9] - '0');
  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (precision != NULL)
    *precision = parsed;
  if (date != NULL)
    g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
readout_parse_iso_day (const char *text,
                       GDate      *date)
{
  ReadoutDatePrecision precision;

  g_date_clear (date, 1);
  return readout_parse_iso_date (text, &precision, date) && precision == READOUT_DATE_PRECISION_DAY;
}

static char *
format_gdate (const GDate *date,
              const char  *format)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_local (g_date_get_year (date),
                                                          g_date_get_month (date),
                                                          g_date_get_day (date), 12, 0, 0);

  return g_date_time_format (date_time, format);
}

char *
readout_format_date (const char           *iso_date,
                     ReadoutDatePrecision  precision)
{
  ReadoutDatePrecision parsed;
  GDate date;

  if (iso_date == NULL || !readout_parse_iso_date (iso_date, &parsed, &date))
    return g_strdup (_("Date unknown"));

  /* Never show more precision than the date has. */
  switch (MAX (parsed, precision))
    {
    case READOUT_DATE_PRECISION_DAY:
      /* Translators: a call's date, see g_date_time_format(); e.g. "Saturday, 28 January 2017" */
      return format_gdate (&date, _("%A, %-d %B %Y"));
    case READOUT_DATE_PRECISION_MONTH:
      /* Translators: a date known to the month, e.g. "January 2017" */
      return format_gdate (&date, _("%OB %Y"));
    case READOUT_DATE_PRECISION_YEAR:
    default:
      return g_strdup_printf ("%d", g_date_get_year (&date));
    }
}

char *
readout_format_weekday (const char *iso_date)
{
  ReadoutDatePrecision precision;
  GDate date;

  if (!readout_parse_iso_date (iso_date, &precision, &date) ||
      precision != READOUT_DATE_PRECISION_DAY)
    return NULL;
  return format_gdate (&date, "%A");
}

char *
readout_format_duration (int                      minutes,
                         ReadoutDurationQualifier qualifier)
{
  g_autofree char *amount = NULL;

  if (minutes < 0)
    return NULL;

  if (minutes < 60)
    /* Translators: a duration in minutes */
    amount = g_strdup_printf (_("%d min"), minutes);
  else if (minutes % 60 == 0)
    /* Translators: a duration in whole hours */
    amount = g_strdup_printf (_("%d h"), minutes / 60);
  else
    /* Translators: a duration in hours and minutes */
    amount = g_strdup_printf (_("%d h %d min"), minutes / 60, minutes % 60);

  switch (qualifier)
    {
    case READOUT_DURATION_ABOUT:
      /* Translators: an approximate duration, e.g. "about 35 min" */
      return g_strdup_printf (_("about %s"), amount);
    case READOUT_DURATION_MORE_THAN:
      /* Translators: e.g. "more than 1 h" */
      return g_strdup_printf (_("more than %s"), amount);
    case READOUT_DURATION_LESS_THAN:
      /* Translators: e.g. "less than 30 min" */
      return g_strdup_printf (_("less than %s"), amount);
    case READOUT_DURATION_EXACT:
    case READOUT_DURATION_UNKNOWN:
    default:
      return g_steal_pointer (&amount);
    }
}

const char *
readout_format_call_status (ReadoutCallStatus status)
{
  switch (status)
    {
    case READOUT_CALL_STATUS_HELD:
      return C_("call status", "Held");
    case READOUT_CALL_STATUS_ANNOUNCED:
      return C_("call status", "Announced");
    case READOUT_CALL_STATUS_CANCELLED:
      return C_("call status", "Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
readout_format_source_kind (ReadoutSourceKind kind)
{
  switch (kind)
    {
    case READOUT_SOURCE_KIND_READOUT:
      return _("Official readout");
    case READOUT_SOURCE_KIND_TRANSCRIPT:
      return _("Transcript");
    case READOUT_SOURCE_KIND_PRESS_RELEASE:
      return _("Press release");
    case READOUT_SOURCE_KIND_NEWS_REPORT:
      return _("News report");
    case READOUT_SOURCE_KIND_BRIEFING:
      return _("Spokesperson briefing");
    case READOUT_SOURCE_KIND_SOCIAL_POST:
      return _("Social media post");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
readout_format_statement_kind (ReadoutStatementKind kind)
{
  switch (kind)
    {
    case READOUT_STATEMENT_KIND_QUOTE:
      return _("Quote");
    case READOUT_STATEMENT_KIND_PARAPHRASE:
      return _("Paraphrase");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
readout_format_side (ReadoutStore *store,
                     const char   *side)
{
  char *name = NULL;

  if (side == NULL || side[0] == '\0')
    return g_strdup (_("Independent press"));
  if (store != NULL && readout_store_lookup_country (store, side, &name, NULL))
    {
      g_autofree char *english = name;

      return g_strdup (readout_country_name_translate (side, english));
    }
  return g_strdup (readout_country_name_translate (side, NULL));
}
