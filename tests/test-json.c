// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "readout-error.h"
#include "readout-generator.h"
#include "readout-sample.h"
#include "readout-store-json.h"
#include "readout-store-private.h"
#include "readout-test-util.h"

/* The whole-store JSON export and import: the round trip gives the same bytes, a
 * merge adds nothing twice, and bad documents change nothing. */

static char *
export_to_string (ReadoutStore *store)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (readout_store_export_json (store, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static gint64
count_rows (ReadoutStore *store,
            const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(ReadoutDbStatement) stmt = readout_db_prepare_uncached (readout_store_get_db (store),
                                                                    sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (readout_db_statement_step (stmt, NULL), ==, READOUT_DB_ROW);
  return readout_db_statement_column_int64 (stmt, 0);
}

static void
test_round_trip_sample (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) a = readout_test_open_store (folder, "a.db");
  g_autoptr(ReadoutStore) b = readout_test_open_store (folder, "b.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(ReadoutCall) call = NULL;
  ReadoutJsonImportCounts counts;

  g_assert_true (readout_sample_populate (a, &error));
  g_assert_no_error (error);
  first = export_to_string (a);
  g_assert_true (g_str_has_prefix (first, "{\"format\":\"readout\",\"version\":1,"));

  g_assert_true (readout_store_import_json (b, first, -1, &counts, &error));
  g_assert_no_error (error);
  /* The seed articles' 5 calls and leaders, and issue 14's reported calls. */
  g_assert_cmpuint (counts.calls_added, ==, 51);
  g_assert_cmpuint (counts.leaders_added, ==, 13);
  g_assert_cmpuint (counts.calls_matched, ==, 0);
  second = export_to_string (b);
  g_assert_cmpstr (first, ==, second);

  /* Ids are kept, so a call has the same number in both stores. */
  for (const char * const *t = (const char * const[]) { "leaders", "calls", "sources", "statements",
                                                        "statement_topics", "conflicts",
                                                        "conflict_claims", "leader_aliases",
                                                        "topics", "topic_keywords", NULL };
       *t != NULL; t++)
    g_assert_cmpint (count_rows (a, *t), ==, count_rows (b, *t));
  call = readout_store_get_call (b, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readout_call_get_date (call), ==, "2017-01-28");

  g_clear_object (&a);
  g_clear_object (&b);
  readout_test_remove_folder (folder);
}

/* A team store's other sessions hear of an import once, not once per row it wrote. */
static void
test_announced_once (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(ReadoutStore) sample = NULL;
  g_autoptr(ReadoutStore) writer = NULL;
  g_autoptr(ReadoutStore) watcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  gint64 before;

  if (!readout_test_engine_is_postgresql ())
    {
      g_test_skip ("a SQLite file has no notifications (its data_version moves once per commit)");
      return;
    }
  folder = readout_test_make_folder ();
  sample = readout_test_open_store (folder, "sample.db");
  g_assert_true (readout_sample_populate (sample, &error));
  g_assert_no_error (error);
  document = export_to_string (sample);

  writer = readout_test_open_store (folder, "team.db");
  watcher = readout_test_open_store (folder, "team.db");
  before = readout_db_get_change_counter (readout_store_get_db (watcher));
  g_assert_true (readout_store_import_json (writer, document, -1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (readout_db_get_change_counter (readout_store_get_db (watcher)) - before, ==, 1);

  g_clear_object (&sample);
  g_clear_object (&writer);
  g_clear_object (&watcher);
  readout_test_remove_folder (folder);
}

static void
test_round_trip_generated (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "generated.db", NULL);
  g_autoptr(ReadoutStore) a = NULL;
  g_autoptr(ReadoutStore) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  /* A tenth on a server, where each row is a round trip: 21 ms a call against SQLite's 1.7
   * (3,000 statements, a loaded machine). */
  ReadoutGeneratorOptions options = { 200, 10000, 30000, 8 };
  ReadoutJsonImportCounts counts;
  double generate_s, export_s, import_s, export_again_s;

  if (readout_test_engine_is_postgresql ())
    options = (ReadoutGeneratorOptions) { 20, 1000, 3000, 8 };
  g_assert_true (readout_generator_run (path, &options, &error));
  g_assert_no_error (error);
  generate_s = g_timer_elapsed (timer, NULL);
  a = readout_store_open (path, &error);
  g_assert_no_error (error);

  g_timer_start (timer);
  first = export_to_string (a);
  export_s = g_timer_elapsed (timer, NULL);

  b = readout_test_open_store (folder, "b.db");
  g_timer_start (timer);
  g_assert_true (readout_store_import_json (b, first, -1, &counts, &error));
  g_assert_no_error (error);
  import_s = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (counts.calls_added, ==, options.n_calls);
  g_assert_cmpuint (counts.statements_added, ==, options.n_statements);

  g_timer_start (timer);
  second = export_to_string (b);
  export_again_s = g_timer_elapsed (timer, NULL);
  g_assert_true (strlen (first) == strlen (second));
  g_assert_true (g_str_equal (first, second));
  g_assert_cmpint (count_rows (a, "statement_topics"), ==, count_rows (b, "statement_topics"));

  g_test_message ("%u calls, %u statements (%.1f MB of JSON): generate %.2f s, export %.2f s, "
                  "import %.2f s, export again %.2f s", options.n_calls, options.n_statements,
                  strlen (first) / 1e6, generate_s, export_s, import_s, export_again_s);

  g_clear_object (&a);
  g_clear_object (&b);
  readout_test_remove_folder (folder);
}

/* Two stores that know some of the same leaders and calls under slightly different
 * spellings: the merge matches them and adds only what is new. */
static void
test_merge (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) target = readout_test_open_store (folder, "target.db");
  g_autoptr(ReadoutStore) other = readout_test_open_store (folder, "other.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  g_autofree char *after_first = NULL;
  g_autofree char *after_second = NULL;
  const char *putin_aliases[] = { "Putin", NULL };
  ReadoutJsonImportCounts counts;

  /* The target: Trump and Putin (alias "Putin"), a call on 28 January with the Kremlin's readout. */
  {
    g_autoptr(ReadoutLeader) trump = readout_test_add_leader (target, "Donald Trump", "US");
    g_autoptr(ReadoutLeader) putin = readout_test_add_leader (target, "Vladimir Putin", "RU");
    g_autoptr(ReadoutCall) call = NULL;
    g_autoptr(ReadoutSource) kremlin = NULL;
    g_autoptr(ReadoutStatement) statement = NULL;

    readout_leader_set_aliases (putin, putin_aliases);
    g_assert_true (readout_store_update_leader (target, putin, &error));
    g_assert_no_error (error);
    call = readout_test_add_call (target, "2017-01-28", readout_leader_get_id (trump),
                                  readout_leader_get_id (putin));
    kremlin = readout_test_add_source (target, readout_call_get_id (call), "Kremlin", "RU");
    statement = readout_test_add_statement (target, readout_source_get_id (kremlin), "the Kremlin",
                                            "RU", "The leaders discussed trade.");
  }

  /* The other store: Putin under his alias, the same call dated a day later with the
   * same Kremlin readout and a new White House one, and a call with Abe. */
  {
    g_autoptr(ReadoutLeader) trump = readout_test_add_leader (other, "Donald Trump", "US");
    g_autoptr(ReadoutLeader) putin = readout_test_add_leader (other, "Putin", "RU");
    g_autoptr(ReadoutLeader) abe = readout_test_add_leader (other, "Shinzo Abe", "JP");
    g_autoptr(ReadoutLeader) namesake = readout_test_add_leader (other, "Putin", "BY");
    g_autoptr(ReadoutCall) call = NULL;
    g_autoptr(ReadoutCall) abe_call = NULL;
    g_autoptr(ReadoutSource) kremlin = NULL;
    g_autoptr(ReadoutSource) white_house = NULL;
    g_autoptr(ReadoutStatement) s1 = NULL;
    g_autoptr(ReadoutStatement) s2 = NULL;

    call = readout_test_add_call (other, "2017-01-29", readout_leader_get_id (putin),
                                  readout_leader_get_id (trump));
    kremlin = readout_test_add_source (other, readout_call_get_id (call), "Kremlin", "RU");
    s1 = readout_test_add_statement (other, readout_source_get_id (kremlin), "the Kremlin",
                                     "RU", "The leaders discussed trade.");
    white_house = readout_test_add_source (other, readout_call_get_id (call), "White House", "US");
    s2 = readout_test_add_statement (other, readout_source_get_id (white_house), "Sean Spicer",
                                     "US", "They talked about Syria.");
    abe_call = readout_test_add_call (other, "2017-01-28", readout_leader_get_id (trump),
                                      readout_leader_get_id (abe));
    /* A leader of another country with the same name is another person. */
    g_assert_cmpint (readout_leader_get_id (namesake), >, 0);
  }

  document = export_to_string (other);
  g_assert_true (readout_store_import_json (target, document, -1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.leaders_matched, ==, 2);
  g_assert_cmpuint (counts.leaders_added, ==, 2);
  g_assert_cmpuint (counts.calls_matched, ==, 1);
  g_assert_cmpuint (counts.calls_added, ==, 1);
  g_assert_cmpuint (counts.sources_skipped, ==, 1);
  g_assert_cmpuint (counts.sources_added, ==, 1);
  g_assert_cmpuint (counts.statements_added, ==, 1);
  g_assert_cmpint (count_rows (target, "leaders"), ==, 4);
  g_assert_cmpint (count_rows (target, "calls"), ==, 2);
  g_assert_cmpint (count_rows (target, "sources"), ==, 2);
  g_assert_cmpint (count_rows (target, "statements"), ==, 2);

  /* Importing the same document again adds nothing at all. */
  after_first = export_to_string (target);
  g_assert_true (readout_store_import_json (target, document, -1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.leaders_added + counts.calls_added + counts.sources_added +
                    counts.statements_added + counts.conflicts_added + counts.topics_added, ==, 0);
  after_second = export_to_string (target);
  g_assert_cmpstr (after_first, ==, after_second);

  /* And a store imported into itself stays as it was. */
  g_clear_pointer (&document, g_free);
  document = export_to_string (target);
  g_assert_true (readout_store_import_json (target, document, -1, &counts, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after_second, g_free);
  after_second = export_to_string (target);
  g_assert_cmpstr (after_first, ==, after_second);

  g_clear_object (&target);
  g_clear_object (&other);
  readout_test_remove_folder (folder);
}

static GBytes *
read_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

typedef struct {
  const char *name;
  const char *document;
  const char *message_part;
} BadCase;

static const BadCase bad_cases[] = {
  { "malformed", "{\"format\": \"readout\",\n \"version\": 1,\n \"leaders\": [,]\n}", "line 3" },
  { "truncated", "{\"format\": \"readout\", \"version\": 1, \"leaders\": [", "not valid JSON" },
  { "not-an-object", "[1, 2, 3]", "not a Readout export" },
  { "wrong-format", "{\"format\": \"readout-sample\", \"version\": 1}", "not a Readout export" },
  { "no-format", "{\"version\": 1, \"calls\": []}", "not a Readout export" },
  { "newer-version", "{\"format\": \"readout\", \"version\": 2, \"calls\": []}", "newer Readout" },
  { "dangling-leader",
    "{\"format\":\"readout\",\"version\":1,\"leaders\":[{\"id\":1,\"name\":\"New Person\",\"country\":\"FR\"}],"
    "\"calls\":[{\"id\":1,\"date\":\"2020-01-01\",\"date_precision\":\"day\",\"participants\":[1,7]}]}",
    "no leader with that id" },
  { "dangling-source",
    "{\"format\":\"readout\",\"version\":1,\"leaders\":[{\"id\":1,\"name\":\"A B\"},{\"id\":2,\"name\":\"C D\"}],"
    "\"calls\":[{\"id\":1,\"date\":\"2020-01-01\",\"date_precision\":\"day\",\"participants\":[1,2],"
    "\"sources\":[{\"id\":4,\"publisher\":\"P\"}],"
    "\"conflicts\":[{\"field\":\"weekday\",\"claims\":[{\"value\":\"Monday\",\"source\":5},{\"value\":\"Tuesday\",\"source\":4}]}]}]}",
    "cites source 5" },
  { "unknown-status",
    "{\"format\":\"readout\",\"version\":1,\"leaders\":[{\"id\":1,\"name\":\"A B\"},{\"id\":2,\"name\":\"C D\"}],"
    "\"calls\":[{\"id\":1,\"date\":\"2020-01-01\",\"status\":\"maybe\",\"participants\":[1,2]}]}",
    "unknown status" },
  /* Refused by the store half way, after other rows were written: all are rolled back. */
  { "refused-by-store",
    "{\"format\":\"readout\",\"version\":1,\"leaders\":[{\"id\":1,\"name\":\"A B\",\"country\":\"FR\"},"
    "{\"id\":2,\"name\":\"C D\",\"country\":\"DE\"}],"
    "\"calls\":[{\"id\":1,\"date\":\"2020-01-01\",\"date_precision\":\"day\",\"participants\":[1,2]},"
    "{\"id\":2,\"date\":\"2020-02-31\",\"date_precision\":\"day\",\"participants\":[1,2]}]}",
    "not a valid date" },
  /* Issue 17: a NUL would cut the string short; refused, naming the member. */
  { "nul-in-name",
    "{\"format\":\"readout\",\"version\":1,\"leaders\":[{\"id\":1,\"name\":\"Evil\\u0000Name\"}]}",
    "the “name” at line 1 holds a NUL character" },
  { "nul-in-statement",
    "{\"format\":\"readout\",\"version\":1,\"leaders\":[{\"id\":1,\"name\":\"A B\"},{\"id\":2,\"name\":\"C D\"}],"
    "\n\"calls\":[{\"id\":1,\"date\":\"2020-01-01\",\"participants\":[1,2],"
    "\"sources\":[{\"id\":4,\"publisher\":\"P\",\"statements\":[{\"id\":1,\"text\":\"x\\u0000y\"}]}]}]}",
    "the “text” at line 2 holds a NUL character" },
  { "nul-in-topic-keywords",
    "{\"format\":\"readout\",\"version\":1,\"topics\":[{\"name\":\"T\",\"keywords\":{\"en\":[\"a\\u0000\"]}}]}",
    "the “en” at line 1 holds a NUL character" },
  /* Found by the import-json fuzzer: a raw line break in the member's name, quoted. */
  { "nul-after-broken-name",
    "{\"format\":\"readout\",\"version\":1,\"leaders\":[{\"id\":1,\"a\n b\":\"x\\u0000\"}]}",
    "holds a NUL character" },
  { "format-with-line-break", "{\"format\":\"a\\nb\",\"version\":1}", "its format is “a b”" },
  { "whitespace-only", "  \n\t\n  ", "is empty" },
  { "text-after-the-end", "{\"format\":\"readout\",\"version\":1} {}", "more after the end" },
  /* Found by the import-json fuzzer: a version that is no JSON value stopped the import
   * with its error, but was taken as valid, and the next error was set over it. */
  { "version-not-json", "{\"format\":\"readout\",\"version\":1x,\"leaders\":[{\"id\":0}]}", "not valid JSON" },
  /* Whole numbers are checked against the model property's range (issue 12: the JSON
   * reader is driven by a table of members and properties). */
  { "position-too-large",
    "{\"format\":\"readout\",\"version\":1,\"leaders\":[{\"id\":1,\"name\":\"A B\"},{\"id\":2,\"name\":\"C D\"}],"
    "\"calls\":[{\"id\":1,\"date\":\"2020-01-01\",\"participants\":[1,2],"
    "\"sources\":[{\"id\":4,\"publisher\":\"P\",\"statements\":[{\"id\":1,\"text\":\"x\",\"position\":3000000000}]}]}]}",
    "the “position” of statement 1 is too large" },
  { "negative-duration",
    "{\"format\":\"readout\",\"version\":1,\"leaders\":[{\"id\":1,\"name\":\"A B\"},{\"id\":2,\"name\":\"C D\"}],"
    "\"calls\":[{\"id\":1,\"date\":\"2020-01-01\",\"duration_minutes\":-5,\"participants\":[1,2]}]}",
    "the “duration_minutes” of call 1 is not a whole number of at least 0" },
  { "unknown-source-kind",
    "{\"format\":\"readout\",\"version\":1,\"leaders\":[{\"id\":1,\"name\":\"A B\"},{\"id\":2,\"name\":\"C D\"}],"
    "\"calls\":[{\"id\":1,\"date\":\"2020-01-01\",\"participants\":[1,2],"
    "\"sources\":[{\"id\":4,\"publisher\":\"P\",\"kind\":\"rumour\"}]}]}",
    "source 4 has an unknown kind “rumour”" },
  { "bad-call-line", "{\"format\":\"readout\",\"version\":1,\n\"calls\":[\n{\"id\":1,\n \"date\": tru}]}",
    "line 4" },
};

/* Importing @document into the sample store fails with one sentence holding
 * @message_part, and the store's file is byte for byte as before. */
static void
assert_refused (const char *document,
                const char *message_part)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "store.db", NULL);
  g_autoptr(ReadoutStore) store = readout_store_open (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_true (readout_sample_populate (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  before = read_file_bytes (path);

  store = readout_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (readout_store_import_json (store, document, -1, NULL, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  /* One sentence: no line breaks. */
  g_assert_null (strchr (error->message, '\n'));
  g_clear_object (&store);

  after = read_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  readout_test_remove_folder (folder);
}

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;

  assert_refused (bad->document, bad->message_part);
}

/* Issue 17: 100,000 levels of nesting crashed json-glib; refused before it recurses,
 * alone and inside an otherwise valid export. */
static void
test_bad_deep (void)
{
  const guint levels = 100000;
  g_autoptr(GString) lists = g_string_new (NULL);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(GString) inside = g_string_new ("{\"format\":\"readout\",\"version\":1,\"calls\":[{\"id\":1,\"x\":");
  g_autoptr(GString) just_enough = g_string_new ("{\"format\":\"readout\",\"version\":1,\"x\":");

  for (guint i = 0; i < levels; i++)
    {
      g_string_append_c (lists, '[');
      g_string_append (objects, "{\"a\":");
      g_string_append_c (inside, '[');
    }
  for (guint i = 0; i < levels; i++)
    g_string_append_c (inside, ']');
  g_string_append (inside, "}]}");
  /* A list at the root is not an export, whatever is in it: said without reading on. */
  assert_refused (lists->str, "not a Readout export");
  assert_refused (objects->str, "nested more than 64 levels");
  assert_refused (inside->str, "nested more than 64 levels");

  /* 64 levels in all is allowed (the root is one); 65 is not. */
  for (guint i = 0; i < 63; i++)
    g_string_append_c (just_enough, '[');
  g_string_append (just_enough, "1");
  for (guint i = 0; i < 63; i++)
    g_string_append_c (just_enough, ']');
  g_string_append (just_enough, ",\"leaders\":7}");
  assert_refused (just_enough->str, "“leaders” of the document is not a list");
  g_string_insert_c (just_enough, strlen ("{\"format\":\"readout\",\"version\":1,\"x\":"), '[');
  g_string_insert_c (just_enough, just_enough->len - strlen (",\"leaders\":7}"), ']');
  assert_refused (just_enough->str, "nested more than 64 levels");
}

static void
test_bad_files (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "store.db");
  g_autofree char *empty = g_build_filename (folder, "empty.json", NULL);
  g_autofree char *binary = g_build_filename (folder, "binary.json", NULL);
  g_autofree char *latin1 = g_build_filename (folder, "latin1.json", NULL);
  g_autofree char *missing = g_build_filename (folder, "missing.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (binary, "{\"a\0\1\2", 6, NULL));
  g_assert_true (g_file_set_contents (latin1, "{\"format\": \"readout\", \"x\": \"\xe9\"}", -1, NULL));

  g_assert_false (readout_store_import_json_file (store, empty, NULL, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_false (readout_store_import_json_file (store, binary, NULL, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_false (readout_store_import_json_file (store, latin1, NULL, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);
  g_assert_false (readout_store_import_json_file (store, missing, NULL, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (readout_store_import_json_file (store, folder, NULL, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* The file export is whole or absent: a folder that does not exist gives an error and
 * no file; a successful export leaves no temporary file behind. */
static void
test_export_file (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "store.db");
  g_autofree char *path = g_build_filename (folder, "export.json", NULL);
  g_autofree char *bad_path = g_build_filename (folder, "no-such-folder", "export.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_true (readout_sample_populate (store, &error));
  g_assert_no_error (error);
  g_assert_false (readout_store_export_json_file (store, bad_path, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (readout_store_export_json_file (store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  expected = export_to_string (store);
  g_assert_cmpstr (contents, ==, expected);

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_null (strstr (name, ".tmp"));
      n_files++;
    }
  /* The export, and on SQLite the store's file. */
  g_assert_cmpuint (n_files, >=, readout_test_engine_is_postgresql () ? 1 : 2);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* A document without a topic list leaves the store's topics alone. */
static void
test_no_topics (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "store.db");
  g_autoptr(GError) error = NULL;
  gint64 n_topics = count_rows (store, "topics");

  g_assert_cmpint (n_topics, >, 10);
  g_assert_true (readout_store_import_json (store, "{\"format\":\"readout\",\"version\":1,"
                                            "\"leaders\":[{\"id\":5,\"name\":\"Emmanuel Macron\","
                                            "\"country\":\"FR\"}]}", -1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "topics"), ==, n_topics);
  g_assert_cmpint (count_rows (store, "leaders"), ==, 1);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/json/round-trip/generated", test_round_trip_generated);
  g_test_add_func ("/json/merge", test_merge);
  g_test_add_func ("/json/announced-once", test_announced_once);
  g_test_add_func ("/json/no-topics", test_no_topics);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/json/bad/deep", test_bad_deep);
  g_test_add_func ("/json/bad/files", test_bad_files);
  g_test_add_func ("/json/export-file", test_export_file);

  return g_test_run ();
}
