// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "readout-enums.h"
#include "readout-enum-types.h"
#include "readout-statement.h"
#include "readout-word-diff.h"

G_BEGIN_DECLS

/* How many words of a statement a cross-reference to it quotes, and at most how many
 * characters (for scripts that do not separate words by spaces). */
#define READOUT_COMPARISON_EXCERPT_WORDS 10
#define READOUT_COMPARISON_EXCERPT_CHARS 90

/* What side A and side B of a call said, topic by topic.
 *
 * Built from two lists of statements whose topics are already set (so it needs no store);
 * immutable once built. Rows: one per topic that either side mentions, then a row "Other"
 * for statements without a topic. A statement with several topics appears once, in the
 * row of its main topic (see better_topic() in readout-comparison.c: a topic of the whole
 * call, such as a participant's country, last; then broad topics; then one both sides give,
 * the commoner, a place); its other topics are its tags
 * (readout_comparison_dup_statement_tags()). It still counts for each of those tags: the
 * row of each one lists it as a reference to where it is shown (a row is opened for a
 * tag that is a theme or a place; see opens_row()), so a row's status says which sides
 * mentioned its topic at all. In a row both sides mention, A's statements
 * are paired with B's (see
 * readout-sentence-pairing.h) and each pair carries a word diff. Swapping A and B gives
 * the mirrored comparison: same rows in the same order, statuses and pairs mirrored. */

#define READOUT_TYPE_COMPARISON (readout_comparison_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutComparison, readout_comparison, READOUT, COMPARISON, GObject)

typedef enum {
  READOUT_COMPARISON_SIDE_A,
  READOUT_COMPARISON_SIDE_B,
} ReadoutComparisonSide;

typedef struct {
  guint   index_a;     /* into the row's statements of side A */
  guint   index_b;     /* into the row's statements of side B */
  double  similarity;  /* 0 to 1 */
  GArray *diff;        /* (element-type ReadoutWordDiffSpan): byte ranges into the two
                        * statements' texts */
} ReadoutComparisonPair;

ReadoutComparison           *readout_comparison_new                  (const char            *label_a,
                                                                      GPtrArray             *statements_a,
                                                                      const char            *label_b,
                                                                      GPtrArray             *statements_b,
                                                                      const char * const    *corpus);
ReadoutComparison           *readout_comparison_new_full             (const char            *label_a,
                                                                      GPtrArray             *statements_a,
                                                                      const char            *label_b,
                                                                      GPtrArray             *statements_b,
                                                                      const char * const    *corpus,
                                                                      const char * const    *names,
                                                                      const char * const    *background);

gint64                       readout_comparison_get_call_id          (ReadoutComparison     *self);
void                         readout_comparison_set_call_id          (ReadoutComparison     *self,
                                                                      gint64                 call_id);
void                         readout_comparison_set_of_sources       (ReadoutComparison     *self,
                                                                      gboolean               of_sources);
char                        *readout_comparison_dup_status_text      (ReadoutComparison     *self,
                                                                      guint                  row);
const char                  *readout_comparison_get_label            (ReadoutComparison     *self,
                                                                      ReadoutComparisonSide  side);
guint                        readout_comparison_get_n_statements     (ReadoutComparison     *self,
                                                                      ReadoutComparisonSide  side);

guint                        readout_comparison_get_n_rows           (ReadoutComparison     *self);
const char                  *readout_comparison_get_row_topic        (ReadoutComparison     *self,
                                                                      guint                  row);
gboolean                     readout_comparison_get_row_is_other     (ReadoutComparison     *self,
                                                                      guint                  row);
ReadoutComparisonStatus      readout_comparison_get_row_status       (ReadoutComparison     *self,
                                                                      guint                  row);
GPtrArray                   *readout_comparison_get_row_statements   (ReadoutComparison     *self,
                                                                      guint                  row,
                                                                      ReadoutComparisonSide  side);
GPtrArray                   *readout_comparison_get_row_references   (ReadoutComparison     *self,
                                                                      guint                  row,
                                                                      ReadoutComparisonSide  side);
char                        *readout_comparison_dup_reference_text   (ReadoutComparison     *self,
                                                                      guint                  row,
                                                                      ReadoutComparisonSide  side,
                                                                      guint                  index);
guint                        readout_comparison_get_row_n_pairs      (ReadoutComparison     *self,
                                                                      guint                  row);
const ReadoutComparisonPair *readout_comparison_get_row_pair         (ReadoutComparison     *self,
                                                                      guint                  row,
                                                                      guint                  pair);
const ReadoutComparisonPair *readout_comparison_find_pair            (ReadoutComparison     *self,
                                                                      guint                  row,
                                                                      ReadoutComparisonSide  side,
                                                                      guint                  index);

GStrv                        readout_comparison_dup_statement_tags   (ReadoutComparison     *self,
                                                                      guint                  row,
                                                                      ReadoutStatement      *statement);
const char * const          *readout_comparison_get_only_topics      (ReadoutComparison     *self,
                                                                      ReadoutComparisonSide  side);
const char * const          *readout_comparison_get_distinctive_words (ReadoutComparison    *self,
                                                                      ReadoutComparisonSide  side);

JsonNode                    *readout_comparison_to_json              (ReadoutComparison     *self);
char                        *readout_comparison_to_text              (ReadoutComparison     *self,
                                                                      guint                  width);

G_END_DECLS
