// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extraction"

#include "config.h"

#include "readout-json.h"
#include "readout-enum-types.h"
#include "readout-extraction.h"
#include "readout-format.h"

ReadoutExtractedParticipant *
readout_extracted_participant_new (const char *name,
                                   const char *country)
{
  ReadoutExtractedParticipant *self = g_new0 (ReadoutExtractedParticipant, 1);

  self->name = g_strdup (name);
  self->country = g_strdup (country);
  return self;
}

void
readout_extracted_participant_free (ReadoutExtractedParticipant *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->country);
  g_free (self->office);
  g_free (self->term_start);
  g_free (self->term_end);
  g_strfreev (self->aliases);
  g_free (self);
}

ReadoutExtractedStatement *
readout_extracted_statement_new (void)
{
  ReadoutExtractedStatement *self = g_new0 (ReadoutExtractedStatement, 1);

  self->kind = READOUT_STATEMENT_KIND_PARAPHRASE;
  return self;
}

void
readout_extracted_statement_free (ReadoutExtractedStatement *self)
{
  if (self == NULL)
    return;
  g_free (self->speaker);
  g_free (self->side);
  g_free (self->text);
  g_strfreev (self->topics);
  g_free (self);
}

ReadoutExtractedClaim *
readout_extracted_claim_new (const char *value,
                             const char *where,
                             gint64      source_id)
{
  ReadoutExtractedClaim *self = g_new0 (ReadoutExtractedClaim, 1);

  self->value = g_strdup (value);
  self->where = g_strdup (where);
  self->source_id = source_id;
  return self;
}

void
readout_extracted_claim_free (ReadoutExtractedClaim *self)
{
  if (self == NULL)
    return;
  g_free (self->value);
  g_free (self->where);
  g_free (self);
}

ReadoutExtractedConflict *
readout_extracted_conflict_new (const char *field)
{
  ReadoutExtractedConflict *self = g_new0 (ReadoutExtractedConflict, 1);

  self->field = g_strdup (field);
  self->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extracted_claim_free);
  return self;
}

void
readout_extracted_conflict_free (ReadoutExtractedConflict *self)
{
  if (self == NULL)
    return;
  g_free (self->field);
  g_ptr_array_unref (self->claims);
  g_free (self);
}

ReadoutExtractedCall *
readout_extracted_call_new (void)
{
  ReadoutExtractedCall *self = g_new0 (ReadoutExtractedCall, 1);

  self->status = READOUT_CALL_STATUS_HELD;
  self->date_precision = READOUT_DATE_PRECISION_DAY;
  self->duration_qualifier = READOUT_DURATION_UNKNOWN;
  self->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extracted_participant_free);
  self->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extracted_statement_free);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extracted_conflict_free);
  self->topics = g_new0 (char *, 1);
  return self;
}

void
readout_extracted_call_free (ReadoutExtractedCall *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_ptr_array_unref (self->participants);
  g_free (self->initiator);
  g_ptr_array_unref (self->statements);
  g_strfreev (self->topics);
  g_ptr_array_unref (self->conflicts);
  g_free (self);
}

void
readout_extracted_call_move_date (ReadoutExtractedCall *self,
                                  const char           *claims_date,
                                  const char           *date)
{
  gboolean shift;
  GDate from, to;
  int days;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL);

  /* Read before the date is replaced: @claims_date may be the call's own. */
  shift = readout_parse_iso_day (claims_date, &from) && readout_parse_iso_day (date, &to);
  days = shift ? g_date_days_between (&from, &to) : 0;
  if (self->date != date)
    {
      g_free (self->date);
      self->date = g_strdup (date);
    }

  for (guint i = 0; i < self->conflicts->len && days != 0; i++)
    {
      ReadoutExtractedConflict *conflict = g_ptr_array_index (self->conflicts, i);

      if (!g_str_equal (conflict->field, "date"))
        continue;
      for (guint k = 0; k < conflict->claims->len; k++)
        {
          ReadoutExtractedClaim *claim = g_ptr_array_index (conflict->claims, k);
          GDate day;

          /* What the store says stays what it says. */
          if (g_str_equal (claim->where, "store") || !readout_parse_iso_day (claim->value, &day))
            continue;
          if (days > 0)
            g_date_add_days (&day, days);
          else
            g_date_subtract_days (&day, -days);
          g_free (claim->value);
          claim->value = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day),
                                          g_date_get_month (&day), g_date_get_day (&day));
        }
    }
}

void
readout_day_from (int                weekday,
                  int                offset,
                  ReadoutCallStatus  status,
                  const GDate       *base,
                  GDate             *out)
{
  *out = *base;
  if (weekday == 0)
    {
      if (offset > 0)
        g_date_add_days (out, offset);
      else if (offset < 0)
        g_date_subtract_days (out, -offset);
      return;
    }
  {
    int bw = g_date_get_weekday (base);

    if (status == READOUT_CALL_STATUS_HELD)
      g_date_subtract_days (out, (bw - weekday + 7) % 7);
    else
      g_date_add_days (out, (weekday - bw + 7) % 7);
  }
}

gboolean
readout_extracted_call_day_from (ReadoutExtractedCall *self,
                                 const GDate          *base,
                                 GDate                *out)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->day_weekday == 0 && !self->has_day_offset)
    return FALSE;
  readout_day_from (self->day_weekday, self->day_offset, self->status, base, out);
  return TRUE;
}

ReadoutExtractedParticipant *
readout_extracted_call_find_participant (ReadoutExtractedCall *self,
                                         const char           *name)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->participants->len; i++)
    {
      ReadoutExtractedParticipant *p = g_ptr_array_index (self->participants, i);

      if (g_strcmp0 (p->name, name) == 0)
        return p;
    }
  return NULL;
}

ReadoutExtraction *
readout_extraction_new (void)
{
  ReadoutExtraction *self = g_new0 (ReadoutExtraction, 1);

  self->kind = READOUT_SOURCE_KIND_NEWS_REPORT;
  self->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extracted_call_free);
  return self;
}

void
readout_extraction_free (ReadoutExtraction *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_free (self->text);
  g_free (self->title);
  g_free (self->publisher);
  g_free (self->side);
  g_free (self->published);
  g_free (self->url);
  g_ptr_array_unref (self->calls);
  g_free (self);
}



static void
add_call (JsonBuilder          *builder,
          ReadoutExtractedCall *call)
{
  json_builder_begin_object (builder);

  readout_json_add_string (builder, "date", call->date);
  readout_json_add_string (builder, "date_precision",
                      call->date != NULL
                        ? readout_enum_to_string (READOUT_TYPE_DATE_PRECISION, call->date_precision)
                        : NULL);
  /* "On Saturday" dated by another text of the import, or by a stored call. */
  if (call->date_from != READOUT_DATE_FROM_TEXT)
    readout_json_add_string (builder, "date_from", call->date_from == READOUT_DATE_FROM_STORE ? "store" : "import");
  if (call->year_guessed)
    {
      json_builder_set_member_name (builder, "year_guessed");
      json_builder_add_boolean_value (builder, TRUE);
    }
  readout_json_add_string (builder, "status",
                      readout_enum_to_string (READOUT_TYPE_CALL_STATUS, call->status));

  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; i < call->participants->len; i++)
    {
      ReadoutExtractedParticipant *p = g_ptr_array_index (call->participants, i);

      json_builder_begin_object (builder);
      readout_json_add_string (builder, "name", p->name);
      readout_json_add_string (builder, "country", p->country);
      if (p->leader_id > 0)
        {
          json_builder_set_member_name (builder, "leader_id");
          json_builder_add_int_value (builder, p->leader_id);
        }
      if (p->office != NULL)
        readout_json_add_string (builder, "office", p->office);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "duration_minutes");
  if (call->duration_minutes > 0)
    json_builder_add_int_value (builder, call->duration_minutes);
  else
    json_builder_add_null_value (builder);
  readout_json_add_string (builder, "duration_qualifier",
                      call->duration_minutes > 0 && call->duration_qualifier != READOUT_DURATION_UNKNOWN
                        ? readout_enum_to_string (READOUT_TYPE_DURATION_QUALIFIER,
                                                  call->duration_qualifier)
                        : NULL);
  readout_json_add_string (builder, "initiator", call->initiator);

  json_builder_set_member_name (builder, "matches_call_id");
  if (call->matches_call_id > 0)
    json_builder_add_int_value (builder, call->matches_call_id);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "statements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < call->statements->len; i++)
    {
      ReadoutExtractedStatement *s = g_ptr_array_index (call->statements, i);

      json_builder_begin_object (builder);
      readout_json_add_string (builder, "speaker", s->speaker);
      readout_json_add_string (builder, "side", s->side);
      readout_json_add_string (builder, "kind", readout_enum_to_string (READOUT_TYPE_STATEMENT_KIND, s->kind));
      readout_json_add_string (builder, "text", s->text);
      readout_json_add_strv (builder, "topics", (const char * const *) s->topics);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, (gint64) s->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, (gint64) s->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  readout_json_add_strv (builder, "topics", (const char * const *) call->topics);

  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < call->conflicts->len; i++)
    {
      ReadoutExtractedConflict *c = g_ptr_array_index (call->conflicts, i);

      json_builder_begin_object (builder);
      readout_json_add_string (builder, "field", c->field);
      json_builder_set_member_name (builder, "claims");
      json_builder_begin_array (builder);
      for (guint j = 0; j < c->claims->len; j++)
        {
          ReadoutExtractedClaim *claim = g_ptr_array_index (c->claims, j);

          json_builder_begin_object (builder);
          readout_json_add_string (builder, "value", claim->value);
          readout_json_add_string (builder, "where", claim->where);
          if (claim->source_id > 0)
            {
              json_builder_set_member_name (builder, "source_id");
              json_builder_add_int_value (builder, claim->source_id);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

JsonNode *
readout_extraction_to_json (ReadoutExtraction *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  readout_json_add_string (builder, "file", self->file);
  readout_json_add_string (builder, "published", self->published);
  readout_json_add_string (builder, "title", self->title);
  readout_json_add_string (builder, "publisher", self->publisher);
  readout_json_add_string (builder, "side", self->side);
  readout_json_add_string (builder, "url", self->url);
  readout_json_add_string (builder, "kind", readout_enum_to_string (READOUT_TYPE_SOURCE_KIND, self->kind));
  json_builder_set_member_name (builder, "calls");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->calls->len; i++)
    add_call (builder, g_ptr_array_index (self->calls, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
