// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "readout-enum-types.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-store-private.h"
#include "readout-topic-tagger.h"

/* ReadoutStore, continued: checking and writing each kind of row, topic tagging and
 * merging. Every public function here is one transaction (a savepoint inside the
 * caller's). */

/* ---------------------------------------------------------------------------------- */
/* Validation                                                                         */

static gboolean
check_country (ReadoutStore  *self,
               const char    *code,
               const char    *what,
               GError       **error)
{
  if (code == NULL || code[0] == '\0' || readout_store_lookup_country (self, code, NULL, NULL))
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
               _("“%s” is not a known country code for the %s: use an ISO 3166 code such as "
                 "US or RU."), code, what);
  return FALSE;
}

/* Names are joined with control characters when the store reads lists of them
 * (see readout-store-private.h), and have no use for them anyway. */
static gboolean
check_no_control_characters (const char  *text,
                             const char  *what,
                             GError     **error)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                     _("The %s must be one line of text without control characters."), what);
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_required_text (const char  *text,
                     const char  *what,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (stripped[0] != '\0')
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, _("The %s must not be empty."), what);
  return FALSE;
}

static gboolean
check_optional_date (const char  *date,
                     const char  *what,
                     GError     **error)
{
  if (date == NULL || date[0] == '\0' || readout_parse_iso_date (date, NULL, NULL))
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
               _("“%s” is not a valid %s: write it as YYYY-MM-DD, YYYY-MM or YYYY."), date, what);
  return FALSE;
}

static gboolean
check_has_id (gint64       id,
              const char  *what,
              GError     **error)
{
  if (id > 0)
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
               _("The %s has not been stored yet, so it cannot be changed."), what);
  return FALSE;
}

/* A missing row on update or delete is an error the caller can match. */
static gboolean
check_changed_one (ReadoutStore  *self,
                   const char    *what,
                   gint64         id,
                   GError       **error)
{
  g_autofree char *id_text = NULL;

  if (readout_db_changes (self->connection) > 0)
    return TRUE;
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* Translators: the first %s is what was looked for ("leader", "call"), the second its id. */
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
               _("There is no %s with id %s in the store."), what, id_text);
  return FALSE;
}

/* ---------------------------------------------------------------------------------- */
/* Leaders                                                                            */

static gboolean
write_aliases (ReadoutStore   *self,
               ReadoutLeader  *leader,
               GError        **error)
{
  const char * const *aliases = readout_leader_get_aliases (leader);
  ReadoutDbStatement *stmt;

  stmt = readout_store_prepare (self, "DELETE FROM leader_aliases WHERE leader_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, readout_leader_get_id (leader));
  if (!readout_store_step_done (self, stmt, "Could not store the leader’s aliases", error))
    return FALSE;

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      if (aliases[i][0] == '\0')
        continue;
      stmt = readout_store_prepare (self, "INSERT INTO leader_aliases (leader_id, alias)"
                                          " VALUES (?, ?) ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      readout_db_statement_bind_int64 (stmt, 1, readout_leader_get_id (leader));
      readout_db_statement_bind_text (stmt, 2, aliases[i]);
      if (!readout_store_step_done (self, stmt, "Could not store the leader’s aliases", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_leader (ReadoutStore   *self,
              ReadoutLeader  *leader,
              GError        **error)
{
  const char *start = readout_leader_get_term_start (leader);
  const char *end = readout_leader_get_term_end (leader);

  const char * const *aliases = readout_leader_get_aliases (leader);

  if (!check_required_text (readout_leader_get_name (leader), "leader’s name", error) ||
      !check_no_control_characters (readout_leader_get_name (leader), "leader’s name", error) ||
      !check_country (self, readout_leader_get_country (leader), "leader", error) ||
      !check_optional_date (start, "start of term", error) ||
      !check_optional_date (end, "end of term", error))
    return FALSE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (!check_no_control_characters (aliases[i], "alias", error))
      return FALSE;
  if (start != NULL && end != NULL && start[0] != '\0' && end[0] != '\0' && strcmp (end, start) < 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("The end of term (%s) is before its start (%s)."), end, start);
      return FALSE;
    }
  return TRUE;
}

static gboolean
bind_and_write_leader (ReadoutStore   *self,
                       ReadoutLeader  *leader,
                       const char     *sql,
                       gint64         *new_id,
                       GError        **error)
{
  ReadoutDbStatement *stmt = readout_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_text (stmt, 1, readout_leader_get_name (leader));
  readout_store_bind_text_or_null (stmt, 2, readout_leader_get_country (leader));
  readout_store_bind_text_or_null (stmt, 3, readout_leader_get_office (leader));
  readout_store_bind_text_or_null (stmt, 4, readout_leader_get_term_start (leader));
  readout_store_bind_text_or_null (stmt, 5, readout_leader_get_term_end (leader));
  readout_store_bind_id_or_null (stmt, 6, readout_leader_get_id (leader));
  return readout_store_step_returning (self, stmt, "Could not store the leader", new_id, error);
}

gboolean
readout_store_insert_leader (ReadoutStore   *self,
                             ReadoutLeader  *leader,
                             GError        **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_LEADER (leader), FALSE);

  if (!check_leader (self, leader, error) || !readout_store_write_begin (self, error))
    return FALSE;

  ok = bind_and_write_leader (self, leader,
                              "INSERT INTO leaders (name, country, office, term_start, term_end, id)"
                              " VALUES (?, upper (?), ?, ?, ?, ?) RETURNING id", &id, error);
  if (ok)
    {
      readout_leader_set_id (leader, id);
      ok = write_aliases (self, leader, error);
    }
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_LEADERS, readout_leader_get_id (leader), 0);
  return readout_store_write_end (self, ok, error) && ok;
}

gboolean
readout_store_update_leader (ReadoutStore   *self,
                             ReadoutLeader  *leader,
                             GError        **error)
{
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_LEADER (leader), FALSE);

  id = readout_leader_get_id (leader);
  if (!check_has_id (id, "leader", error) || !check_leader (self, leader, error) ||
      !readout_store_write_begin (self, error))
    return FALSE;

  ok = readout_store_check_row_version (self, "leaders", "leader", id, readout_leader_get_row_version (leader), error) &&
       bind_and_write_leader (self, leader,
                              "UPDATE leaders SET name = ?, country = upper (?), office = ?,"
                              " term_start = ?, term_end = ? WHERE id = ?", NULL, error) &&
       check_changed_one (self, "leader", id, error) &&
       write_aliases (self, leader, error);
  if (ok)
    readout_leader_set_row_version (leader, readout_store_read_row_version (self, "leaders", id));
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_LEADERS, id, READOUT_CHANGE_CALLS);
  return readout_store_write_end (self, ok, error) && ok;
}

gboolean
readout_store_delete_leader (ReadoutStore  *self,
                             gint64         leader_id,
                             GError       **error)
{
  ReadoutDbStatement *stmt;
  gint64 n_calls = 0;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  if (!readout_store_write_begin (self, error))
    return FALSE;

  stmt = readout_store_prepare (self, "SELECT count(*) FROM call_participants WHERE leader_id = ?",
                                error);
  ok = stmt != NULL;
  if (ok)
    {
      readout_db_statement_bind_int64 (stmt, 1, leader_id);
      if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
        n_calls = readout_db_statement_column_int64 (stmt, 0);
      readout_db_statement_reset (stmt);
    }
  /* Deleting a leader must not silently take calls (and their sources) with it. */
  if (ok && n_calls > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n_calls);

      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   ngettext ("The leader takes part in %s stored call: delete that call "
                             "or merge the leader into another first.",
                             "The leader takes part in %s stored calls: delete those calls "
                             "or merge the leader into another first.",
                             (gulong) MIN (n_calls, G_MAXLONG)),
                   count);
      ok = FALSE;
    }
  if (ok)
    stmt = readout_store_prepare (self, "DELETE FROM leaders WHERE id = ?", error);
  if (ok && stmt != NULL)
    {
      readout_db_statement_bind_int64 (stmt, 1, leader_id);
      ok = readout_store_step_done (self, stmt, "Could not delete the leader", error) &&
           check_changed_one (self, "leader", leader_id, error);
    }
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_LEADERS, leader_id, READOUT_CHANGE_CALLS);
  return readout_store_write_end (self, ok, error) && ok;
}

/* ---------------------------------------------------------------------------------- */
/* Calls                                                                              */

static gboolean
check_call (ReadoutStore  *self,
            ReadoutCall   *call,
            GError       **error)
{
  ReadoutDatePrecision precision;
  const gint64 *ids;
  guint n_ids;

  ids = readout_call_get_participant_ids (call, &n_ids);
  if (n_ids < 2)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("A call needs at least two participants."));
      return FALSE;
    }
  for (guint i = 0; i < n_ids; i++)
    for (guint j = i + 1; j < n_ids; j++)
      if (ids[i] == ids[j])
        {
          g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                       _("A leader cannot take part in the same call twice."));
          return FALSE;
        }

  if (readout_call_get_date (call) == NULL ||
      !readout_parse_iso_date (readout_call_get_date (call), &precision, NULL))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("“%s” is not a valid date for a call: write it as YYYY-MM-DD, YYYY-MM or YYYY."),
                   readout_call_get_date (call) != NULL ? readout_call_get_date (call) : "");
      return FALSE;
    }
  if (precision != readout_call_get_date_precision (call))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("The call’s date “%s” does not match its precision (%s)."),
                   readout_call_get_date (call),
                   readout_enum_to_string (READOUT_TYPE_DATE_PRECISION,
                                           readout_call_get_date_precision (call)));
      return FALSE;
    }
  if (readout_call_get_time (call) != NULL && readout_call_get_time (call)[0] != '\0')
    {
      const char *time = readout_call_get_time (call);
      unsigned hours, minutes;
      char extra;

      if (sscanf (time, "%2u:%2u%c", &hours, &minutes, &extra) != 2 || strlen (time) != 5 ||
          hours > 23 || minutes > 59)
        {
          g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                       _("“%s” is not a valid time: write it as HH:MM."), time);
          return FALSE;
        }
    }
  if (readout_call_get_duration_minutes (call) < 0 &&
      readout_call_get_duration_qualifier (call) != READOUT_DURATION_UNKNOWN)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("The call has a duration qualifier but no duration."));
      return FALSE;
    }
  if (readout_call_get_initiator_id (call) != 0 &&
      !readout_call_has_participant (call, readout_call_get_initiator_id (call)))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("The call’s initiator must be one of its participants."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_participants (ReadoutStore  *self,
                    ReadoutCall   *call,
                    GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt;
  const gint64 *ids;
  guint n_ids;
  int rc;

  stmt = readout_store_prepare (self, "DELETE FROM call_participants WHERE call_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, readout_call_get_id (call));
  if (!readout_store_step_done (self, stmt, "Could not store the call’s participants", error))
    return FALSE;

  ids = readout_call_get_participant_ids (call, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      stmt = readout_store_prepare (self, "INSERT INTO call_participants"
                                          " (call_id, leader_id, position, call_date)"
                                          " VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      readout_db_statement_bind_int64 (stmt, 1, readout_call_get_id (call));
      readout_db_statement_bind_int64 (stmt, 2, ids[i]);
      readout_db_statement_bind_int64 (stmt, 3, (int) i);
      readout_db_statement_bind_text (stmt, 4, readout_call_get_date (call));
      rc = readout_db_statement_step (stmt, &db_error);
      readout_db_statement_reset (stmt);
      if (rc == READOUT_DB_FAILED && !g_error_matches (db_error, READOUT_DB_ERROR, READOUT_DB_ERROR_CONSTRAINT))
        {
          readout_store_set_db_error (self, db_error, _("Could not store the call"), error);
          return FALSE;
        }
      if (rc != READOUT_DB_DONE)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, ids[i]);

          g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                       _("There is no leader with id %s to take part in the call."), id_text);
          return FALSE;
        }
      readout_db_statement_reset (stmt);
    }
  return TRUE;
}

static gboolean
bind_and_write_call (ReadoutStore  *self,
                     ReadoutCall   *call,
                     const char    *sql,
                     gint64        *new_id,
                     GError       **error)
{
  ReadoutDbStatement *stmt = readout_store_prepare (self, sql, error);
  int minutes = readout_call_get_duration_minutes (call);
  ReadoutDurationQualifier qualifier = readout_call_get_duration_qualifier (call);

  if (stmt == NULL)
    return FALSE;
  /* A duration without a qualifier is taken as exact. */
  if (minutes >= 0 && qualifier == READOUT_DURATION_UNKNOWN)
    qualifier = READOUT_DURATION_EXACT;

  readout_db_statement_bind_text (stmt, 1, readout_call_get_date (call));
  readout_db_statement_bind_static_text (stmt, 2, readout_enum_to_string (READOUT_TYPE_DATE_PRECISION,
                                                      readout_call_get_date_precision (call)), -1);
  readout_store_bind_text_or_null (stmt, 3, readout_call_get_time (call));
  if (minutes >= 0)
    {
      readout_db_statement_bind_int64 (stmt, 4, minutes);
      readout_db_statement_bind_static_text (stmt, 5, readout_enum_to_string (READOUT_TYPE_DURATION_QUALIFIER, qualifier), -1);
    }
  readout_db_statement_bind_static_text (stmt, 6, readout_enum_to_string (READOUT_TYPE_CALL_STATUS,
                                                      readout_call_get_status (call)), -1);
  readout_store_bind_id_or_null (stmt, 7, readout_call_get_initiator_id (call));
  readout_store_bind_id_or_null (stmt, 8, readout_call_get_id (call));
  return readout_store_step_returning (self, stmt, "Could not store the call", new_id, error);
}

gboolean
readout_store_insert_call (ReadoutStore  *self,
                           ReadoutCall   *call,
                           GError       **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_CALL (call), FALSE);

  if (!check_call (self, call, error) || !readout_store_write_begin (self, error))
    return FALSE;

  ok = bind_and_write_call (self, call,
                            "INSERT INTO calls (date, date_precision, time, duration_minutes,"
                            " duration_qualifier, status, initiator_id, id)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &id, error);
  if (ok)
    {
      readout_call_set_id (call, id);
      ok = write_participants (self, call, error);
    }
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_CALLS, readout_call_get_id (call), READOUT_CHANGE_LEADERS);
  return readout_store_write_end (self, ok, error) && ok;
}

gboolean
readout_store_update_call (ReadoutStore  *self,
                           ReadoutCall   *call,
                           GError       **error)
{
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_CALL (call), FALSE);

  id = readout_call_get_id (call);
  if (!check_has_id (id, "call", error) || !check_call (self, call, error) ||
      !readout_store_write_begin (self, error))
    return FALSE;

  ok = readout_store_check_row_version (self, "calls", "call", id, readout_call_get_row_version (call), error) &&
       bind_and_write_call (self, call,
                            "UPDATE calls SET date = ?, date_precision = ?, time = ?,"
                            " duration_minutes = ?, duration_qualifier = ?, status = ?,"
                            " initiator_id = ? WHERE id = ?", NULL, error) &&
       check_changed_one (self, "call", id, error) &&
       write_participants (self, call, error);
  if (ok)
    readout_call_set_row_version (call, readout_store_read_row_version (self, "calls", id));
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_CALLS, id, READOUT_CHANGE_LEADERS);
  return readout_store_write_end (self, ok, error) && ok;
}

/* Deletes one row by id with @sql, as one change of @kind (and of @also). */
static gboolean
delete_by_id (ReadoutStore       *self,
              const char         *sql,
              gint64              id,
              const char         *what,
              ReadoutChangeKind   kind,
              ReadoutChangeKind   also,
              GError            **error)
{
  ReadoutDbStatement *stmt;
  gboolean ok;

  if (!readout_store_write_begin (self, error))
    return FALSE;
  stmt = readout_store_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      readout_db_statement_bind_int64 (stmt, 1, id);
      ok = readout_store_step_done (self, stmt, "Could not delete from the store", error) &&
           check_changed_one (self, what, id, error);
    }
  if (ok)
    readout_store_note_change (self, kind, id, also);
  return readout_store_write_end (self, ok, error) && ok;
}

gboolean
readout_store_delete_call (ReadoutStore  *self,
                           gint64         call_id,
                           GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  return delete_by_id (self, "DELETE FROM calls WHERE id = ?", call_id, "call",
                       READOUT_CHANGE_CALLS, READOUT_CHANGE_ALL & ~READOUT_CHANGE_TOPICS, error);
}

/* ---------------------------------------------------------------------------------- */
/* Sources                                                                            */

static gboolean
check_source (ReadoutStore   *self,
              ReadoutSource  *source,
              GError        **error)
{
  if (readout_source_get_call_id (source) <= 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, _("A source must belong to a call."));
      return FALSE;
    }
  return check_required_text (readout_source_get_publisher (source), "source’s publisher", error) &&
         check_country (self, readout_source_get_side (source), "source’s side", error) &&
         check_optional_date (readout_source_get_date (source), "date for the source", error);
}

static gboolean
bind_and_write_source (ReadoutStore   *self,
                       ReadoutSource  *source,
                       const char     *sql,
                       gint64         *new_id,
                       GError        **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt = readout_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, readout_source_get_call_id (source));
  readout_db_statement_bind_text (stmt, 2, readout_source_get_publisher (source));
  readout_db_statement_bind_static_text (stmt, 3, readout_enum_to_string (READOUT_TYPE_SOURCE_KIND,
                                                      readout_source_get_kind (source)), -1);
  readout_store_bind_text_or_null (stmt, 4, readout_source_get_side (source));
  readout_store_bind_text_or_null (stmt, 5, readout_source_get_date (source));
  readout_store_bind_text_or_null (stmt, 6, readout_source_get_title (source));
  readout_store_bind_text_or_null (stmt, 7, readout_source_get_url (source));
  readout_db_statement_bind_text (stmt, 8, readout_source_get_text (source) != NULL
                              ? readout_source_get_text (source) : "");
  readout_store_bind_id_or_null (stmt, 9, readout_source_get_id (source));
  rc = readout_db_statement_run (stmt, new_id, &db_error);
  readout_db_statement_reset (stmt);
  /* Only a broken constraint means the call is missing; a full disk is said as such. */
  if (rc == READOUT_DB_FAILED && !g_error_matches (db_error, READOUT_DB_ERROR, READOUT_DB_ERROR_CONSTRAINT))
    {
      readout_store_set_db_error (self, db_error, _("Could not store the source"), error);
      return FALSE;
    }
  if (rc == READOUT_DB_FAILED)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  readout_source_get_call_id (source));

      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("Could not store the source: there is no call with id %s."), id_text);
      return FALSE;
    }
  readout_db_statement_reset (stmt);
  return TRUE;
}

gboolean
readout_store_insert_source (ReadoutStore   *self,
                             ReadoutSource  *source,
                             GError        **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_SOURCE (source), FALSE);

  if (!check_source (self, source, error) || !readout_store_write_begin (self, error))
    return FALSE;
  ok = bind_and_write_source (self, source,
                              "INSERT INTO sources (call_id, publisher, kind, side, date, title,"
                              " url, text, id) VALUES (?, ?, ?, upper (?), ?, ?, ?, ?, ?)"
                              " RETURNING id", &id, error);
  if (ok)
    {
      readout_source_set_id (source, id);
      readout_store_note_change (self, READOUT_CHANGE_SOURCES, readout_source_get_id (source), 0);
    }
  return readout_store_write_end (self, ok, error) && ok;
}

gboolean
readout_store_update_source (ReadoutStore   *self,
                             ReadoutSource  *source,
                             GError        **error)
{
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_SOURCE (source), FALSE);

  id = readout_source_get_id (source);
  if (!check_has_id (id, "source", error) || !check_source (self, source, error) ||
      !readout_store_write_begin (self, error))
    return FALSE;
  ok = readout_store_check_row_version (self, "sources", "source", id, readout_source_get_row_version (source), error) &&
       bind_and_write_source (self, source,
                              "UPDATE sources SET call_id = ?, publisher = ?, kind = ?,"
                              " side = upper (?), date = ?, title = ?, url = ?, text = ?"
                              " WHERE id = ?", NULL, error) &&
       check_changed_one (self, "source", id, error);
  if (ok)
    readout_source_set_row_version (source, readout_store_read_row_version (self, "sources", id));
  if (ok)
    {
      ReadoutDbStatement *stmt;

      /* Statements follow their source if it moves to another call; only then, so that
       * an edit of a source leaves its statements' row versions (and their editors) be. */
      stmt = readout_store_prepare (self, "UPDATE statements SET call_id = ?1"
                                          " WHERE source_id = ?2 AND call_id <> ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          readout_db_statement_bind_int64 (stmt, 1, readout_source_get_call_id (source));
          readout_db_statement_bind_int64 (stmt, 2, id);
          ok = readout_store_step_done (self, stmt, "Could not update the source’s statements", error);
        }
    }
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_SOURCES, id, READOUT_CHANGE_STATEMENTS);
  return readout_store_write_end (self, ok, error) && ok;
}

gboolean
readout_store_delete_source (ReadoutStore  *self,
                             gint64         source_id,
                             GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  return delete_by_id (self, "DELETE FROM sources WHERE id = ?", source_id, "source",
                       READOUT_CHANGE_SOURCES,
                       READOUT_CHANGE_STATEMENTS | READOUT_CHANGE_CONFLICTS | READOUT_CHANGE_CALLS, error);
}

/* ---------------------------------------------------------------------------------- */
/* Topic tagging                                                                      */

static ReadoutTopicTagger *
get_tagger (ReadoutStore  *self,
            GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(ReadoutTopicTagger) tagger = NULL;
  ReadoutDbStatement *stmt;
  int rc;

  if (self->tagger != NULL)
    return self->tagger;

  stmt = readout_store_prepare (self, "SELECT " TOPIC_COLUMNS " FROM topics t", error);
  if (stmt == NULL)
    return NULL;
  tagger = readout_topic_tagger_new ();
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      g_autoptr(GObject) topic = readout_store_topic_from_row (stmt);

      readout_topic_tagger_add_topic (tagger, readout_topic_get_id (READOUT_TOPIC (topic)),
                                      READOUT_TOPIC (topic));
    }
  readout_db_statement_reset (stmt);
  if (rc != READOUT_DB_DONE)
    {
      readout_store_set_db_error (self, db_error, "Could not read the topic list", error);
      return NULL;
    }
  self->tagger = g_steal_pointer (&tagger);
  return self->tagger;
}

/* The names of @statement_id's topics, sorted (an empty array for none), or NULL with
 * @error set. Row by row rather than one joined string: one SQL text on both engines. */
static GStrv
read_topic_names (ReadoutStore  *self,
                  gint64         statement_id,
                  GError       **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt;
  ReadoutDbStep step;

  stmt = readout_store_prepare (self, "SELECT t.name FROM statement_topics x"
                                      " JOIN topics t ON t.id = x.topic_id"
                                      " WHERE x.statement_id = ? ORDER BY t.name", error);
  if (stmt == NULL)
    return NULL;
  readout_db_statement_bind_int64 (stmt, 1, statement_id);
  while ((step = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    g_strv_builder_add (names, readout_db_statement_column_text (stmt, 0));
  readout_db_statement_reset (stmt);
  if (step == READOUT_DB_FAILED)
    {
      readout_store_set_db_error (self, db_error, "Could not read the statement’s topics", error);
      return NULL;
    }
  return g_strv_builder_end (names);
}

/* Links @statement_id to the topics of @text; returns the topic names, sorted. */
static gboolean
tag_statement (ReadoutStore   *self,
               gint64          statement_id,
               const char     *text,
               GStrv          *topic_names,
               GError        **error)
{
  ReadoutTopicTagger *tagger = get_tagger (self, error);
  g_autoptr(GArray) topic_ids = NULL;
  ReadoutDbStatement *stmt;

  if (tagger == NULL)
    return FALSE;

  stmt = readout_store_prepare (self, "DELETE FROM statement_topics WHERE statement_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, statement_id);
  if (!readout_store_step_done (self, stmt, "Could not tag the statement", error))
    return FALSE;

  topic_ids = readout_topic_tagger_tag (tagger, text);
  for (guint i = 0; i < topic_ids->len; i++)
    {
      stmt = readout_store_prepare (self, "INSERT INTO statement_topics (statement_id, topic_id)"
                                          " VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      readout_db_statement_bind_int64 (stmt, 1, statement_id);
      readout_db_statement_bind_int64 (stmt, 2, g_array_index (topic_ids, gint64, i));
      if (!readout_store_step_done (self, stmt, "Could not tag the statement", error))
        return FALSE;
    }

  if (topic_names != NULL)
    {
      *topic_names = read_topic_names (self, statement_id, error);
      if (*topic_names == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
readout_store_retag_all (ReadoutStore  *self,
                         GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  ReadoutDbStatement *stmt;
  gboolean ok = TRUE;
  int rc;

  guint64 done = 0, total = 0;

  g_clear_pointer (&self->tagger, readout_topic_tagger_free);

  if (self->retag_progress != NULL)
    {
      stmt = readout_store_prepare (self, "SELECT count(*) FROM statements", error);
      if (stmt == NULL)
        return FALSE;
      if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
        total = (guint64) readout_db_statement_column_int64 (stmt, 0);
      readout_db_statement_reset (stmt);
      if (!self->retag_progress (0, total, self->retag_progress_data))
        goto cancelled;
    }

  /* Read in batches by id so memory stays bounded on a large store. */
  for (gint64 after = 0; ok; )
    {
      g_array_set_size (ids, 0);
      g_ptr_array_set_size (texts, 0);
      stmt = readout_store_prepare (self, "SELECT id, text FROM statements WHERE id > ?"
                                          " ORDER BY id LIMIT 1000", error);
      if (stmt == NULL)
        return FALSE;
      readout_db_statement_bind_int64 (stmt, 1, after);
      while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
        {
          gint64 id = readout_db_statement_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
          g_ptr_array_add (texts, g_strdup (readout_db_statement_column_text (stmt, 1)));
        }
      readout_db_statement_reset (stmt);
      if (rc != READOUT_DB_DONE)
        {
          readout_store_set_db_error (self, db_error, "Could not re-tag the statements", error);
          return FALSE;
        }
      if (ids->len == 0)
        break;
      for (guint i = 0; ok && i < ids->len; i++)
        ok = tag_statement (self, g_array_index (ids, gint64, i), g_ptr_array_index (texts, i),
                            NULL, error);
      after = g_array_index (ids, gint64, ids->len - 1);
      done += ids->len;
      if (ok && self->retag_progress != NULL &&
          !self->retag_progress (MIN (done, total), total, self->retag_progress_data))
        goto cancelled;
    }
  return ok;

cancelled:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The topics were not re-tagged: cancelled."));
  return FALSE;
}

void
readout_store_set_retag_progress (ReadoutStore         *self,
                                  ReadoutRetagProgress  progress,
                                  gpointer              user_data)
{
  g_return_if_fail (READOUT_IS_STORE (self));

  self->retag_progress = progress;
  self->retag_progress_data = user_data;
}

void
readout_store_topics_changed_elsewhere (ReadoutStore *self,
                                        gint64        topic_id)
{
  g_return_if_fail (READOUT_IS_STORE (self));

  /* The tagger was built from the topic list as it was. */
  g_clear_pointer (&self->tagger, readout_topic_tagger_free);
  readout_store_sync_data_version (self);
  readout_store_note_change (self, READOUT_CHANGE_TOPICS, topic_id, READOUT_CHANGE_STATEMENTS | READOUT_CHANGE_CALLS);
  if (self->transaction_depth == 0)
    readout_store_emit_pending_changes (self);
}

/* ---------------------------------------------------------------------------------- */
/* Statements                                                                         */

static gboolean
check_statement (ReadoutStore      *self,
                 ReadoutStatement  *statement,
                 gint64            *call_id,
                 GError           **error)
{
  ReadoutDbStatement *stmt;

  if (!check_required_text (readout_statement_get_text (statement), "statement’s text", error) ||
      !check_country (self, readout_statement_get_side (statement), "statement’s side", error))
    return FALSE;

  /* A statement is about the call of its source. */
  stmt = readout_store_prepare (self, "SELECT call_id FROM sources WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, readout_statement_get_source_id (statement));
  *call_id = readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW ? readout_db_statement_column_int64 (stmt, 0) : 0;
  readout_db_statement_reset (stmt);
  if (*call_id == 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  readout_statement_get_source_id (statement));

      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("A statement must come from a stored source (there is no source with id %s)."),
                   id_text);
      return FALSE;
    }
  if (readout_statement_get_call_id (statement) != 0 &&
      readout_statement_get_call_id (statement) != *call_id)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("The statement’s call is not the call of its source."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
bind_and_write_statement (ReadoutStore      *self,
                          ReadoutStatement  *statement,
                          gint64             call_id,
                          const char        *sql,
                          gint64            *new_id,
                          GError           **error)
{
  ReadoutDbStatement *stmt = readout_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, call_id);
  readout_db_statement_bind_int64 (stmt, 2, readout_statement_get_source_id (statement));
  readout_store_bind_text_or_null (stmt, 3, readout_statement_get_speaker (statement));
  readout_store_bind_text_or_null (stmt, 4, readout_statement_get_side (statement));
  readout_db_statement_bind_static_text (stmt, 5, readout_enum_to_string (READOUT_TYPE_STATEMENT_KIND,
                                                      readout_statement_get_kind (statement)), -1);
  readout_db_statement_bind_text (stmt, 6, readout_statement_get_text (statement));
  readout_db_statement_bind_int64 (stmt, 7, readout_statement_get_position (statement));
  readout_store_bind_id_or_null (stmt, 8, readout_statement_get_id (statement));
  return readout_store_step_returning (self, stmt, "Could not store the statement", new_id, error);
}

static gboolean
finish_statement_write (ReadoutStore      *self,
                        ReadoutStatement  *statement,
                        gint64             call_id,
                        GError           **error)
{
  g_auto(GStrv) topics = NULL;

  if (!tag_statement (self, readout_statement_get_id (statement),
                      readout_statement_get_text (statement), &topics, error))
    return FALSE;
  readout_statement_set_call_id (statement, call_id);
  readout_statement_set_topics (statement, (const char * const *) topics);
  readout_store_note_change (self, READOUT_CHANGE_STATEMENTS, readout_statement_get_id (statement), READOUT_CHANGE_CALLS);
  return TRUE;
}

gboolean
readout_store_insert_statement (ReadoutStore      *self,
                                ReadoutStatement  *statement,
                                GError           **error)
{
  gint64 call_id = 0, id = 0;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_STATEMENT (statement), FALSE);

  if (!readout_store_write_begin (self, error))
    return FALSE;
  ok = check_statement (self, statement, &call_id, error) &&
       bind_and_write_statement (self, statement, call_id,
                                 "INSERT INTO statements (call_id, source_id, speaker, side, kind,"
                                 " text, position, id) VALUES (?, ?, ?, upper (?), ?, ?, ?, ?)"
                                 " RETURNING id", &id, error);
  if (ok)
    {
      readout_statement_set_id (statement, id);
      ok = finish_statement_write (self, statement, call_id, error);
    }
  return readout_store_write_end (self, ok, error) && ok;
}

gboolean
readout_store_update_statement (ReadoutStore      *self,
                                ReadoutStatement  *statement,
                                GError           **error)
{
  gint64 id, call_id = 0;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_STATEMENT (statement), FALSE);

  id = readout_statement_get_id (statement);
  if (!check_has_id (id, "statement", error) || !readout_store_write_begin (self, error))
    return FALSE;
  ok = check_statement (self, statement, &call_id, error) &&
       readout_store_check_row_version (self, "statements", "statement", id,
                          readout_statement_get_row_version (statement), error) &&
       bind_and_write_statement (self, statement, call_id,
                                 "UPDATE statements SET call_id = ?, source_id = ?, speaker = ?,"
                                 " side = upper (?), kind = ?, text = ?, position = ? WHERE id = ?",
                                 NULL, error) &&
       check_changed_one (self, "statement", id, error) &&
       finish_statement_write (self, statement, call_id, error);
  if (ok)
    readout_statement_set_row_version (statement, readout_store_read_row_version (self, "statements", id));
  return readout_store_write_end (self, ok, error) && ok;
}

gboolean
readout_store_delete_statement (ReadoutStore  *self,
                                gint64         statement_id,
                                GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  return delete_by_id (self, "DELETE FROM statements WHERE id = ?", statement_id, "statement",
                       READOUT_CHANGE_STATEMENTS, READOUT_CHANGE_CALLS, error);
}

/* ---------------------------------------------------------------------------------- */
/* Topics                                                                             */

static gboolean
write_topic_keywords (ReadoutStore   *self,
                      ReadoutTopic   *topic,
                      GError        **error)
{
  g_auto(GStrv) languages = readout_topic_dup_languages (topic);
  ReadoutDbStatement *stmt;

  stmt = readout_store_prepare (self, "DELETE FROM topic_keywords WHERE topic_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, readout_topic_get_id (topic));
  if (!readout_store_step_done (self, stmt, "Could not store the topic’s keywords", error))
    return FALSE;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char * const *keywords = readout_topic_get_keywords (topic, languages[i]);

      for (guint j = 0; keywords[j] != NULL; j++)
        {
          g_autofree char *keyword = g_utf8_strdown (keywords[j], -1);

          if (g_strstrip (keyword)[0] == '\0')
            continue;
          stmt = readout_store_prepare (self, "INSERT INTO topic_keywords (topic_id, language, keyword)"
                                              " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                                        error);
          if (stmt == NULL)
            return FALSE;
          readout_db_statement_bind_int64 (stmt, 1, readout_topic_get_id (topic));
          readout_db_statement_bind_text (stmt, 2, languages[i]);
          readout_db_statement_bind_text (stmt, 3, keyword);
          if (!readout_store_step_done (self, stmt, "Could not store the topic’s keywords", error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_topic (ReadoutStore   *self,
             ReadoutTopic   *topic,
             const char     *sql,
             gint64         *new_id,
             GError        **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt;
  int rc;

  if (!check_required_text (readout_topic_get_name (topic), "topic’s name", error) ||
      !check_no_control_characters (readout_topic_get_name (topic), "topic’s name", error))
    return FALSE;
  stmt = readout_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_text (stmt, 1, readout_topic_get_name (topic));
  readout_store_bind_id_or_null (stmt, 2, readout_topic_get_id (topic));
  rc = readout_db_statement_run (stmt, new_id, &db_error);
  readout_db_statement_reset (stmt);
  if (g_error_matches (db_error, READOUT_DB_ERROR, READOUT_DB_ERROR_CONSTRAINT))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("There is already a topic named “%s”."), readout_topic_get_name (topic));
      return FALSE;
    }
  if (rc == READOUT_DB_FAILED)
    {
      readout_store_set_db_error (self, db_error, "Could not store the topic", error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish_topic_change (ReadoutStore  *self,
                     gint64         topic_id,
                     gboolean       ok,
                     GError       **error)
{
  if (ok)
    ok = readout_store_retag_all (self, error);
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_TOPICS, topic_id, READOUT_CHANGE_STATEMENTS | READOUT_CHANGE_CALLS);
  return readout_store_write_end (self, ok, error) && ok;
}

gboolean
readout_store_insert_topic (ReadoutStore  *self,
                            ReadoutTopic  *topic,
                            GError       **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_TOPIC (topic), FALSE);

  if (!readout_store_write_begin (self, error))
    return FALSE;
  ok = write_topic (self, topic, "INSERT INTO topics (name, id) VALUES (?, ?) RETURNING id", &id, error);
  if (ok)
    {
      readout_topic_set_id (topic, id);
      ok = write_topic_keywords (self, topic, error);
    }
  return finish_topic_change (self, readout_topic_get_id (topic), ok, error);
}

gboolean
readout_store_update_topic (ReadoutStore  *self,
                            ReadoutTopic  *topic,
                            GError       **error)
{
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_TOPIC (topic), FALSE);

  id = readout_topic_get_id (topic);
  if (!check_has_id (id, "topic", error) || !readout_store_write_begin (self, error))
    return FALSE;
  ok = readout_store_check_row_version (self, "topics", "topic", id, readout_topic_get_row_version (topic), error) &&
       write_topic (self, topic, "UPDATE topics SET name = ? WHERE id = ?", NULL, error) &&
       check_changed_one (self, "topic", id, error) &&
       write_topic_keywords (self, topic, error);
  if (ok)
    readout_topic_set_row_version (topic, readout_store_read_row_version (self, "topics", id));
  return finish_topic_change (self, id, ok, error);
}

gboolean
readout_store_delete_topic (ReadoutStore  *self,
                            gint64         topic_id,
                            GError       **error)
{
  ReadoutDbStatement *stmt;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  if (!readout_store_write_begin (self, error))
    return FALSE;
  stmt = readout_store_prepare (self, "DELETE FROM topics WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      readout_db_statement_bind_int64 (stmt, 1, topic_id);
      ok = readout_store_step_done (self, stmt, "Could not delete the topic", error) &&
           check_changed_one (self, "topic", topic_id, error);
    }
  return finish_topic_change (self, topic_id, ok, error);
}

/* ---------------------------------------------------------------------------------- */
/* Conflicts                                                                          */

gboolean
readout_store_insert_conflict (ReadoutStore     *self,
                               ReadoutConflict  *conflict,
                               GError          **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_CONFLICT (conflict), FALSE);

  if (!check_required_text (readout_conflict_get_field (conflict), "conflict’s field", error))
    return FALSE;
  if (readout_conflict_get_n_claims (conflict) < 2)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("A conflict needs at least two claims."));
      return FALSE;
    }
  if (!readout_store_write_begin (self, error))
    return FALSE;

  stmt = readout_store_prepare (self, "INSERT INTO conflicts (call_id, field) VALUES (?, ?)"
                                      " RETURNING id", error);
  ok = stmt != NULL;
  if (ok)
    {
      gint64 id = 0;
      int rc;

      readout_db_statement_bind_int64 (stmt, 1, readout_conflict_get_call_id (conflict));
      readout_db_statement_bind_text (stmt, 2, readout_conflict_get_field (conflict));
      rc = readout_db_statement_run (stmt, &id, &db_error);
      readout_db_statement_reset (stmt);
      ok = rc != READOUT_DB_FAILED;
      if (ok)
        readout_conflict_set_id (conflict, id);
      if (!ok && !g_error_matches (db_error, READOUT_DB_ERROR, READOUT_DB_ERROR_CONSTRAINT))
        readout_store_set_db_error (self, db_error, _("Could not store the conflict"), error);
      else if (!ok)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                      readout_conflict_get_call_id (conflict));

          g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                       _("Could not store the conflict: there is no call with id %s."), id_text);
        }
    }

  for (guint i = 0; ok && i < readout_conflict_get_n_claims (conflict); i++)
    {
      stmt = readout_store_prepare (self, "INSERT INTO conflict_claims (conflict_id, position,"
                                          " value, source_id) VALUES (?, ?, ?, ?)", error);
      ok = stmt != NULL;
      if (!ok)
        break;
      readout_db_statement_bind_int64 (stmt, 1, readout_conflict_get_id (conflict));
      readout_db_statement_bind_int64 (stmt, 2, (int) i);
      readout_db_statement_bind_text (stmt, 3, readout_conflict_get_claim_value (conflict, i));
      readout_store_bind_id_or_null (stmt, 4, readout_conflict_get_claim_source_id (conflict, i));
      ok = readout_db_statement_step (stmt, NULL) == READOUT_DB_DONE;
      readout_db_statement_reset (stmt);
      if (!ok)
        g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                     _("Could not store the conflict: its claim “%s” names a source that does "
                       "not exist."), readout_conflict_get_claim_value (conflict, i));
    }
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_CONFLICTS, readout_conflict_get_id (conflict), 0);
  return readout_store_write_end (self, ok, error) && ok;
}

gboolean
readout_store_delete_conflict (ReadoutStore  *self,
                               gint64         conflict_id,
                               GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  return delete_by_id (self, "DELETE FROM conflicts WHERE id = ?", conflict_id, "conflict",
                       READOUT_CHANGE_CONFLICTS, 0, error);
}

/* ---------------------------------------------------------------------------------- */
/* Merging                                                                            */

/* Runs @sql with two int64 parameters, as part of a merge. */
static gboolean
exec_with_ids (ReadoutStore  *self,
               const char    *sql,
               gint64         first,
               gint64         second,
               GError       **error)
{
  ReadoutDbStatement *stmt = readout_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, first);
  readout_db_statement_bind_int64 (stmt, 2, second);
  return readout_store_step_done (self, stmt, "Could not merge", error);
}

static gint64
count_with_ids (ReadoutStore *self,
                const char   *sql,
                gint64        first,
                gint64        second)
{
  ReadoutDbStatement *stmt = readout_store_prepare (self, sql, NULL);
  gint64 count = 0;

  if (stmt == NULL)
    return -1;
  readout_db_statement_bind_int64 (stmt, 1, first);
  readout_db_statement_bind_int64 (stmt, 2, second);
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    count = readout_db_statement_column_int64 (stmt, 0);
  readout_db_statement_reset (stmt);
  return count;
}

gboolean
readout_store_merge_leaders (ReadoutStore  *self,
                             gint64         kept_id,
                             gint64         merged_id,
                             GError       **error)
{
  g_autoptr(ReadoutLeader) kept = NULL;
  g_autoptr(ReadoutLeader) merged = NULL;
  /* Copies: setting the aliases frees the kept leader's own. */
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  gint64 shared;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  if (kept_id == merged_id)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, _("A leader cannot be merged into itself."));
      return FALSE;
    }
  if ((kept = readout_store_get_leader (self, kept_id, error)) == NULL ||
      (merged = readout_store_get_leader (self, merged_id, error)) == NULL)
    return FALSE;

  shared = count_with_ids (self, "SELECT count(*) FROM call_participants a JOIN call_participants b"
                                 " ON a.call_id = b.call_id WHERE a.leader_id = ?1 AND b.leader_id = ?2",
                           kept_id, merged_id);
  if (shared != 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("%s and %s took part in the same call, so they cannot be the same person."),
                   readout_leader_get_name (kept), readout_leader_get_name (merged));
      return FALSE;
    }

  /* The merged leader's name and aliases become aliases of the kept one. */
  for (const char * const *a = readout_leader_get_aliases (kept); a != NULL && *a != NULL; a++)
    g_ptr_array_add (aliases, g_strdup (*a));
  if (g_strcmp0 (readout_leader_get_name (merged), readout_leader_get_name (kept)) != 0)
    g_ptr_array_add (aliases, g_strdup (readout_leader_get_name (merged)));
  for (const char * const *a = readout_leader_get_aliases (merged); a != NULL && *a != NULL; a++)
    g_ptr_array_add (aliases, g_strdup (*a));
  g_ptr_array_add (aliases, NULL);
  readout_leader_set_aliases (kept, (const char * const *) aliases->pdata);

  if (!readout_store_write_begin (self, error))
    return FALSE;
  ok = exec_with_ids (self, "UPDATE call_participants SET leader_id = ?1 WHERE leader_id = ?2",
                      kept_id, merged_id, error) &&
       exec_with_ids (self, "UPDATE calls SET initiator_id = ?1 WHERE initiator_id = ?2",
                      kept_id, merged_id, error) &&
       readout_store_update_leader (self, kept, error) &&
       readout_store_delete_leader (self, merged_id, error);
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_LEADERS, 0, READOUT_CHANGE_CALLS);
  return readout_store_write_end (self, ok, error) && ok;
}

gboolean
readout_store_merge_calls (ReadoutStore  *self,
                           gint64         kept_id,
                           gint64         merged_id,
                           GError       **error)
{
  g_autoptr(ReadoutCall) kept = NULL;
  g_autoptr(ReadoutCall) merged = NULL;
  g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *ids;
  guint n_ids;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  if (kept_id == merged_id)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, _("A call cannot be merged into itself."));
      return FALSE;
    }
  if ((kept = readout_store_get_call (self, kept_id, error)) == NULL ||
      (merged = readout_store_get_call (self, merged_id, error)) == NULL)
    return FALSE;

  /* The kept call gains what only the merged one knew. */
  ids = readout_call_get_participant_ids (kept, &n_ids);
  g_array_append_vals (participants, ids, n_ids);
  ids = readout_call_get_participant_ids (merged, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    if (!readout_call_has_participant (kept, ids[i]))
      g_array_append_val (participants, ids[i]);
  readout_call_set_participant_ids (kept, (const gint64 *) (gpointer) participants->data, participants->len);
  if (readout_call_get_status (merged) == READOUT_CALL_STATUS_HELD)
    readout_call_set_status (kept, READOUT_CALL_STATUS_HELD);
  if (readout_call_get_duration_minutes (kept) < 0)
    {
      readout_call_set_duration_minutes (kept, readout_call_get_duration_minutes (merged));
      readout_call_set_duration_qualifier (kept, readout_call_get_duration_qualifier (merged));
    }
  if (readout_call_get_initiator_id (kept) == 0)
    readout_call_set_initiator_id (kept, readout_call_get_initiator_id (merged));
  if (readout_call_get_time (kept) == NULL)
    readout_call_set_time (kept, readout_call_get_time (merged));

  if (!readout_store_write_begin (self, error))
    return FALSE;
  ok = readout_store_update_call (self, kept, error) &&
       exec_with_ids (self, "UPDATE sources SET call_id = ?1 WHERE call_id = ?2", kept_id, merged_id, error) &&
       exec_with_ids (self, "UPDATE statements SET call_id = ?1 WHERE call_id = ?2", kept_id, merged_id, error) &&
       exec_with_ids (self, "UPDATE conflicts SET call_id = ?1 WHERE call_id = ?2", kept_id, merged_id, error) &&
       readout_store_delete_call (self, merged_id, error);
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_CALLS, 0, READOUT_CHANGE_ALL);
  return readout_store_write_end (self, ok, error) && ok;
}
