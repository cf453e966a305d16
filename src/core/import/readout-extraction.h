// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

#include "readout-enums.h"

G_BEGIN_DECLS

/* What the extractor found in one text: plain structs, owned by the extraction, that
 * the review page edits and the importer files. */

typedef struct {
  char   *name;
  char   *country;    /* ISO 3166 alpha-2, or NULL */
  gint64  leader_id;  /* the stored leader, or 0 for one that is new */
  char   *office;     /* for a new leader: "President", "Chancellor"... */
  char   *term_start; /* for a new leader from the built-in list: the term of the call's date */
  char   *term_end;
  char  **aliases;
} ReadoutExtractedParticipant;

typedef struct {
  char                 *speaker;  /* "Kremlin", "Dmitry Peskov"; NULL for an unnamed publisher */
  char                 *side;     /* alpha-2, or NULL for the independent press */
  ReadoutStatementKind  kind;
  char                 *text;
  char                **topics;
  gsize                 start;    /* byte span of @text in the extraction's text */
  gsize                 end;
} ReadoutExtractedStatement;

typedef struct {
  char  *value;
  char  *where;                   /* "text", "caption", or a stored source's publisher */
  gint64 source_id;               /* a stored source, or 0 for this text */
} ReadoutExtractedClaim;

typedef struct {
  char      *field;               /* "date", "duration", "initiator" */
  GPtrArray *claims;              /* ReadoutExtractedClaim */
} ReadoutExtractedConflict;

typedef enum {
  READOUT_DATE_FROM_TEXT,      /* the text itself, or the date given for it */
  READOUT_DATE_FROM_IMPORT,    /* another text of the same import about these leaders */
  READOUT_DATE_FROM_STORE,     /* a stored call of these leaders */
} ReadoutDateFrom;

typedef struct {
  char                     *date;           /* ISO, or NULL when the text does not say */
  ReadoutDatePrecision      date_precision;
  ReadoutCallStatus         status;
  GPtrArray                *participants;   /* ReadoutExtractedParticipant */
  int                       duration_minutes; /* 0 = unknown */
  ReadoutDurationQualifier  duration_qualifier;
  char                     *initiator;      /* a participant's name, or NULL */
  gint64                    matches_call_id; /* 0 = a new call */
  gboolean                  match_chosen;    /* the user chose matches_call_id: keep it */
  GPtrArray                *statements;     /* ReadoutExtractedStatement */
  char                    **topics;
  GPtrArray                *conflicts;      /* ReadoutExtractedConflict */
  /* The date's year is a guess: a dateline without one ("Nov. 21"), and nothing in the
   * text or the store that told which. The review asks the user to check it. */
  gboolean                  year_guessed;
  /* The text names no day for the call, only its own date: the call was on or before
   * it, which agrees with an earlier day a stored call has, and yields to a day another
   * text names. */
  gboolean                  date_from_published;
  /* Set by matching: the stored call's day was only such evidence, and this text's day,
   * no later, replaces it. */
  gboolean                  corrects_stored_date;
  /* A text without a date of its own that names the call's day only as a weekday
   * ("on Saturday", GDateWeekday, else 0) or relative to the text ("yesterday": -1,
   * has_day_offset): kept to date the call from the import's other texts or the store. */
  int                       day_weekday;
  gboolean                  has_day_offset;
  int                       day_offset;
  /* Where an undated call's date came from (readout_undated_resolve()), and how many
   * days fitted when none was taken (2 or more: the text does not say which). */
  ReadoutDateFrom           date_from;
  guint                     day_fits;
} ReadoutExtractedCall;

typedef struct {
  char                 *file;
  char                 *text;        /* the plain text the spans point into */
  char                 *title;
  char                 *publisher;   /* "Kremlin", "UPI"; NULL when unknown */
  char                 *side;        /* the publisher's side for an official text */
  ReadoutSourceKind     kind;
  char                 *url;         /* where it was published or fetched from, or NULL */
  char                 *published;   /* ISO, or NULL */
  ReadoutDatePrecision  published_precision;
  GPtrArray            *calls;       /* ReadoutExtractedCall */
} ReadoutExtraction;

ReadoutExtractedParticipant *readout_extracted_participant_new  (const char *name,
                                                                 const char *country);
void                         readout_extracted_participant_free (ReadoutExtractedParticipant *self);
ReadoutExtractedStatement   *readout_extracted_statement_new    (void);
void                         readout_extracted_statement_free   (ReadoutExtractedStatement *self);
ReadoutExtractedClaim       *readout_extracted_claim_new        (const char *value,
                                                                 const char *where,
                                                                 gint64      source_id);
void                         readout_extracted_claim_free       (ReadoutExtractedClaim *self);
ReadoutExtractedConflict    *readout_extracted_conflict_new     (const char *field);
void                         readout_extracted_conflict_free    (ReadoutExtractedConflict *self);
ReadoutExtractedCall        *readout_extracted_call_new         (void);
void                         readout_extracted_call_free        (ReadoutExtractedCall *self);
/* The participant of @self named @name, or NULL. */
/* Gives the call the day @date (YYYY-MM-DD) and moves the text's claims of its "date"
 * conflicts with it, from @claims_date, the day they were worked out against: they are
 * weekdays and "yesterday"s counted from the text's date, so a corrected year or day
 * carries them along ("Monday" and "Tuesday" of the week of the new date). */
void                         readout_extracted_call_move_date   (ReadoutExtractedCall *self,
                                                                 const char           *claims_date,
                                                                 const char           *date);
/* The day @self names by weekday or relative day, counted from @base, the date of the
 * text that names it: the weekday on or before @base for a call held, on or after it for
 * one announced. FALSE when the call names no such day. */
gboolean                     readout_extracted_call_day_from    (ReadoutExtractedCall *self,
                                                                 const GDate          *base,
                                                                 GDate                *out);
/* The day of the week @weekday (GDateWeekday), or @offset days, from @base, as
 * readout_extracted_call_day_from() counts; the one rule the extractor uses too. */
void                         readout_day_from                   (int                   weekday,
                                                                 int                   offset,
                                                                 ReadoutCallStatus     status,
                                                                 const GDate          *base,
                                                                 GDate                *out);
ReadoutExtractedParticipant *readout_extracted_call_find_participant (ReadoutExtractedCall *self,
                                                                      const char           *name);
ReadoutExtraction           *readout_extraction_new             (void);
void                         readout_extraction_free            (ReadoutExtraction *self);

/* The JSON of `readout-cli import --json`: file, published, calls (date, date_precision,
 * status, participants, duration_minutes, duration_qualifier, initiator, matches_call_id,
 * statements, topics, conflicts). */
JsonNode *readout_extraction_to_json (ReadoutExtraction *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutExtractedParticipant, readout_extracted_participant_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutExtractedStatement, readout_extracted_statement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutExtractedClaim, readout_extracted_claim_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutExtractedConflict, readout_extracted_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutExtractedCall, readout_extracted_call_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutExtraction, readout_extraction_free)

G_END_DECLS
