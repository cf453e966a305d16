// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "pdf-fixture.h"

static gint64
add_leader (ReadoutStore *store,
            const char   *name,
            const char   *country)
{
  g_autoptr(ReadoutLeader) leader = readout_leader_new ();
  g_autoptr(GError) error = NULL;

  readout_leader_set_name (leader, name);
  readout_leader_set_country (leader, country);
  g_assert_true (readout_store_insert_leader (store, leader, &error));
  g_assert_no_error (error);
  return readout_leader_get_id (leader);
}

static gint64
add_source (ReadoutStore *store,
            gint64        call_id,
            const char   *publisher,
            const char   *side,
            const char   *title)
{
  g_autoptr(ReadoutSource) source = readout_source_new ();
  g_autoptr(GError) error = NULL;

  readout_source_set_call_id (source, call_id);
  readout_source_set_publisher (source, publisher);
  readout_source_set_kind (source, READOUT_SOURCE_KIND_READOUT);
  readout_source_set_side (source, side);
  readout_source_set_date (source, "2020-03-30");
  readout_source_set_title (source, title);
  readout_source_set_url (source, "https://example.org/readout?id=1&lang=en");
  g_assert_true (readout_store_insert_source (store, source, &error));
  g_assert_no_error (error);
  return readout_source_get_id (source);
}

ReadoutStore *
pdf_fixture_store (const char *folder,
                   gint64     *call_id,
                   gint64     *source_a,
                   gint64     *source_b)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, "fixture.db", NULL);
  g_autoptr(ReadoutStore) store = readout_store_open (path, &error);
  g_autoptr(ReadoutCall) call = readout_call_new ();
  gint64 ids[2];

  g_assert_no_error (error);
  ids[0] = add_leader (store, "Alice Example", "US");
  ids[1] = add_leader (store, "Борис Примеров", "RU");
  readout_call_set_date (call, "2020-03-30");
  readout_call_set_date_precision (call, READOUT_DATE_PRECISION_DAY);
  readout_call_set_duration_minutes (call, 45);
  readout_call_set_duration_qualifier (call, READOUT_DURATION_ABOUT);
  readout_call_set_status (call, READOUT_CALL_STATUS_HELD);
  readout_call_set_participant_ids (call, ids, 2);
  g_assert_true (readout_store_insert_call (store, call, &error));
  g_assert_no_error (error);

  *call_id = readout_call_get_id (call);
  *source_a = add_source (store, *call_id, "White House", "US", "Readout of the call");
  *source_b = add_source (store, *call_id, "Kremlin", "RU", "Телефонный разговор");
  return g_steal_pointer (&store);
}

static ReadoutStatement *
make_statement (gint64      call_id,
                gint64      source_id,
                const char *side,
                const char *publisher,
                const char *speaker,
                const char *topic,
                const char *text)
{
  ReadoutStatement *statement = readout_statement_new ();
  const char *topics[] = { topic, NULL };

  readout_statement_set_call_id (statement, call_id);
  readout_statement_set_source_id (statement, source_id);
  readout_statement_set_side (statement, side);
  readout_statement_set_source_publisher (statement, publisher);
  readout_statement_set_speaker (statement, speaker);
  readout_statement_set_kind (statement, READOUT_STATEMENT_KIND_PARAPHRASE);
  readout_statement_set_text (statement, text);
  readout_statement_set_topics (statement, topics);
  return statement;
}

ReadoutComparison *
pdf_fixture_comparison (gint64 call_id,
                        gint64 source_a,
                        gint64 source_b,
                        guint  n_rows,
                        int    huge_row,
                        guint  huge_words)
{
  static const char * const verbs[] = { "discussed", "reviewed", "considered", "addressed" };
  static const char * const aims[] = {
    "regional security", "economic cooperation", "humanitarian access", "arms control",
    "energy supplies", "the upcoming summit",
  };
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GStrvBuilder) corpus_builder = g_strv_builder_new ();
  g_auto(GStrv) corpus = NULL;
  ReadoutComparison *comparison;

  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *topic = g_strdup_printf ("Topic %03u", row + 1);
      g_autofree char *text_a = NULL;
      g_autofree char *text_b = NULL;

      if ((int) row == huge_row)
        {
          g_autoptr(GString) huge = g_string_new ("The presidents spoke at length:");

          for (guint w = 1; w <= huge_words; w++)
            g_string_append_printf (huge, " w%04u", w);
          g_string_append_c (huge, '.');
          text_a = g_string_free (g_steal_pointer (&huge), FALSE);
        }
      else
        text_a = g_strdup_printf ("The two presidents %s %s under topic %u and agreed to continue "
                                  "consultations on %s at the level of their advisers in the coming "
                                  "weeks.", verbs[row % 4], aims[row % 6], row + 1,
                                  aims[(row + 1) % 6]);
      text_b = g_strdup_printf ("The leaders %s %s under topic %u and stressed the need for a "
                                "dialogue on %s between the foreign ministries.",
                                verbs[(row + 1) % 4], aims[row % 6], row + 1, aims[(row + 2) % 6]);

      g_ptr_array_add (a, make_statement (call_id, source_a, "US", "White House", "the White House",
                                          topic, text_a));
      g_ptr_array_add (b, make_statement (call_id, source_b, "RU", "Kremlin", "Dmitry Peskov",
                                          topic, text_b));
      g_strv_builder_add (corpus_builder, text_a);
      g_strv_builder_add (corpus_builder, text_b);
    }

  corpus = g_strv_builder_end (corpus_builder);
  comparison = readout_comparison_new ("United States", a, "Russia", b,
                                       (const char * const *) corpus);
  readout_comparison_set_call_id (comparison, call_id);
  return comparison;
}
