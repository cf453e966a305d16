// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-cli.h"
#include "readout-feed-check.h"
#include "readout-web-fetch.h"

/* readout-cli follow add URL | list | remove URL | check [--file]
 *
 * The feeds are kept in the store; a check offers each item once: the call readouts go to
 * the window's Inbox (or, with --file, are filed when they extract without doubt). */

static int
follow_add (const ReadoutCliOptions *options,
            const char              *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;

  if (!readout_web_check_address (url, &error))
    return readout_cli_fail (error);
  store = readout_cli_open_or_create_store (options, &error);
  if (store == NULL || readout_store_add_feed (store, url, &error) == 0)
    return readout_cli_fail (error);
  g_print (_("Following %s; “readout-cli follow check” looks for new readouts in it.\n"), url);
  return 0;
}

static int
follow_remove (const ReadoutCliOptions *options,
               const char              *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_cli_open_store (options, &error);

  if (store == NULL || !readout_store_remove_feed (store, url, &error))
    return readout_cli_fail (error);
  g_print (_("No longer following %s.\n"), url);
  return 0;
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static int
follow_list (const ReadoutCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_cli_open_store (options, &error);
  g_autoptr(GPtrArray) feeds = store != NULL ? readout_store_list_feeds (store, &error) : NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (feeds == NULL)
    return readout_cli_fail (error);
  json_builder_begin_array (builder);
  for (guint i = 0; i < feeds->len; i++)
    {
      ReadoutFeed *feed = g_ptr_array_index (feeds, i);

      if (!options->json)
        {
          g_print ("%s\t%s\t%s%s%s\n", feed->url, feed->title != NULL ? feed->title : "",
                   feed->checked_at != NULL ? feed->checked_at : _("not checked yet"),
                   feed->last_error != NULL ? "\t" : "", feed->last_error != NULL ? feed->last_error : "");
          continue;
        }
      json_builder_begin_object (builder);
      add_member (builder, "url", feed->url);
      add_member (builder, "title", feed->title);
      add_member (builder, "checked_at", feed->checked_at);
      json_builder_set_member_name (builder, "failures");
      json_builder_add_int_value (builder, feed->failures);
      add_member (builder, "last_error", feed->last_error);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (options->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      readout_cli_print_json (root);
    }
  return 0;
}

static void
print_check (const ReadoutFeed            *feed,
             const ReadoutFeedCheckResult *result)
{
  for (guint i = 0; i < result->offered->len; i++)
    {
      ReadoutFeedItem *item = g_ptr_array_index (result->offered, i);

      g_print ("%s\t%s\t%s\t%s\n", item->state == READOUT_FEED_ITEM_FILED ? _("filed") : _("inbox"),
               item->published != NULL ? item->published : "?", item->title != NULL ? item->title : "",
               item->url != NULL ? item->url : item->key);
    }
  if (result->not_modified)
    /* Translators: the server answered 304 Not Modified. */
    g_print (_("%s: not changed since the last check\n"), feed->url);
  else
    {
      g_autofree char *items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new item", "%u new items",
                                                             result->n_new), result->n_new);
      g_autofree char *readouts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call readout",
                                                                "%u call readouts", result->offered->len),
                                                   result->offered->len);

      /* Translators: "FEED-URL: 2 new items, 1 call readout" */
      g_print (_("%s: %s, %s\n"), feed->url, items, readouts);
    }
}

static void
add_check_json (JsonBuilder                  *builder,
                const ReadoutFeed            *feed,
                const ReadoutFeedCheckResult *result,
                const GError                 *error)
{
  json_builder_begin_object (builder);
  add_member (builder, "url", feed->url);
  add_member (builder, "error", error != NULL ? error->message : NULL);
  json_builder_set_member_name (builder, "not_modified");
  json_builder_add_boolean_value (builder, result->not_modified);
  json_builder_set_member_name (builder, "new_items");
  json_builder_add_int_value (builder, result->n_new);
  json_builder_set_member_name (builder, "offered");
  json_builder_begin_array (builder);
  for (guint i = 0; result->offered != NULL && i < result->offered->len; i++)
    {
      ReadoutFeedItem *item = g_ptr_array_index (result->offered, i);

      json_builder_begin_object (builder);
      add_member (builder, "state", item->state == READOUT_FEED_ITEM_FILED ? "filed" : "inbox");
      add_member (builder, "title", item->title);
      add_member (builder, "url", item->url);
      add_member (builder, "published", item->published);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static int
follow_check (const ReadoutCliOptions *options,
              gboolean                 file,
              int                      timeout)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_cli_open_store (options, &error);
  g_autoptr(GPtrArray) feeds = store != NULL ? readout_store_list_feeds (store, &error) : NULL;
  g_autoptr(ReadoutImporter) importer = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  ReadoutFeedCheckOptions check = { .file = file, .timeout_seconds = MAX (timeout, 0) };
  int status = 0;

  if (feeds == NULL)
    return readout_cli_fail (error);
  if (feeds->len == 0)
    {
      g_printerr (_("No feed is followed; add one with “readout-cli follow add URL”.\n"));
      return 0;
    }
  importer = readout_importer_new (store);
  json_builder_begin_array (builder);
  for (guint i = 0; i < feeds->len; i++)
    {
      ReadoutFeed *feed = g_ptr_array_index (feeds, i);
      ReadoutFeedCheckResult result = { 0 };

      /* One feed failing does not stop the others; the exit status tells. */
      if (!readout_feed_check (store, importer, feed, &check, NULL, &result, &error))
        status = readout_cli_fail (error);
      if (options->json)
        add_check_json (builder, feed, &result, error);
      else if (error == NULL)
        print_check (feed, &result);
      g_clear_error (&error);
      readout_feed_check_result_clear (&result);
    }
  json_builder_end_array (builder);
  if (options->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      readout_cli_print_json (root);
    }
  return status;
}

int
readout_cli_follow (const ReadoutCliOptions *options,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("add URL | list | remove URL | check"));
  g_autoptr(GError) error = NULL;
  gboolean file = FALSE;
  int timeout = 0;
  GOptionEntry entries[] = {
    { "file", 0, 0, G_OPTION_ARG_NONE, &file, N_("check: file the readouts that extract without doubt"), NULL },
    { "timeout", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &timeout, NULL, "SECONDS" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return readout_cli_usage_error ("%s", error->message);
  if (argc == 3 && g_str_equal (argv[1], "add"))
    return follow_add (options, argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "remove"))
    return follow_remove (options, argv[2]);
  if (argc == 2 && g_str_equal (argv[1], "list"))
    return follow_list (options);
  if (argc == 2 && g_str_equal (argv[1], "check"))
    return follow_check (options, file, timeout);
  return readout_cli_usage_error ("follow needs add URL, list, remove URL or check.");
}
