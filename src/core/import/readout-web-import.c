// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-web-import"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>

#include "readout-import-text.h"
#include "readout-web-import.h"

/* JSON-LD blocks nest objects in @graph arrays; real pages go three or four deep. */
#define JSON_LD_MAX_DEPTH 8

typedef struct {
  char *og_title;
  char *title;
  char *meta_date;
  char *json_ld_date;
  char *json_ld_title;
  char *time_date;
} PageMeta;

static void
page_meta_clear (PageMeta *meta)
{
  g_free (meta->og_title);
  g_free (meta->title);
  g_free (meta->meta_date);
  g_free (meta->json_ld_date);
  g_free (meta->json_ld_title);
  g_free (meta->time_date);
}

/* "2017-11-21T18:30:00+03:00" -> "2017-11-21"; NULL for anything that is not a date. */
static char *
iso_day (const char *text)
{
  int y, m, d;

  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  if (strlen (text) < 10 || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || text[4] != '-' ||
      text[7] != '-' || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strndup (text, 10);
}

static void
set_once (char       **slot,
          char        *value)
{
  if (*slot == NULL && value != NULL && value[0] != '\0')
    *slot = value;
  else
    g_free (value);
}

static char *
get_attr (xmlNodePtr  node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strstrip (g_strdup ((const char *) value)) : NULL;

  xmlFree (value);
  return copy;
}

static char *
node_text (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = content != NULL ? g_strstrip (g_strdup ((const char *) content)) : NULL;

  xmlFree (content);
  return copy;
}

static void
read_json_ld (JsonNode *node,
              PageMeta *meta,
              guint     depth)
{
  if (node == NULL || depth > JSON_LD_MAX_DEPTH)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        read_json_ld (json_array_get_element (array, i), meta, depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *date = json_object_get_member (object, "datePublished");
      JsonNode *headline = json_object_get_member (object, "headline");

      if (date != NULL && JSON_NODE_HOLDS_VALUE (date) && json_node_get_value_type (date) == G_TYPE_STRING)
        set_once (&meta->json_ld_date, iso_day (json_node_get_string (date)));
      if (headline != NULL && JSON_NODE_HOLDS_VALUE (headline) && json_node_get_value_type (headline) == G_TYPE_STRING)
        set_once (&meta->json_ld_title, g_strstrip (g_strdup (json_node_get_string (headline))));
      read_json_ld (json_object_get_member (object, "@graph"), meta, depth + 1);
    }
}

static void
read_meta_element (xmlNodePtr  node,
                   PageMeta   *meta)
{
  g_autofree char *property = get_attr (node, "property");
  g_autofree char *name = get_attr (node, "name");
  g_autofree char *itemprop = get_attr (node, "itemprop");
  const char *key = property != NULL ? property : name != NULL ? name : itemprop;

  if (key == NULL)
    return;
  if (g_ascii_strcasecmp (key, "og:title") == 0)
    set_once (&meta->og_title, get_attr (node, "content"));
  else if (g_ascii_strcasecmp (key, "article:published_time") == 0 ||
           g_ascii_strcasecmp (key, "og:published_time") == 0 ||
           g_ascii_strcasecmp (key, "datePublished") == 0 ||
           g_ascii_strcasecmp (key, "dc.date.issued") == 0 || g_ascii_strcasecmp (key, "date") == 0)
    {
      g_autofree char *content = get_attr (node, "content");
      set_once (&meta->meta_date, iso_day (content));
    }
}

static void
read_element (xmlNodePtr  node,
              PageMeta   *meta)
{
  const char *name = (const char *) node->name;

  if (g_ascii_strcasecmp (name, "meta") == 0)
    read_meta_element (node, meta);
  else if (g_ascii_strcasecmp (name, "title") == 0)
    set_once (&meta->title, node_text (node));
  else if (g_ascii_strcasecmp (name, "time") == 0)
    {
      g_autofree char *datetime = get_attr (node, "datetime");
      set_once (&meta->time_date, iso_day (datetime));
    }
  else if (g_ascii_strcasecmp (name, "script") == 0)
    {
      g_autofree char *type = get_attr (node, "type");
      g_autofree char *json = NULL;
      g_autoptr(JsonParser) parser = NULL;

      if (type == NULL || g_ascii_strcasecmp (type, "application/ld+json") != 0)
        return;
      json = node_text (node);
      parser = json_parser_new ();
      if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL))
        read_json_ld (json_parser_get_root (parser), meta, 0);
    }
}

void
readout_web_page_metadata (const char  *html,
                           gsize        length,
                           char       **title,
                           char       **published)
{
  PageMeta meta = { 0 };
  htmlDocPtr doc;
  xmlNodePtr node;

  *title = NULL;
  *published = NULL;
  doc = htmlReadMemory (html, (int) MIN (length, G_MAXINT), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == NULL)
    return;

  /* Iterative, like the text conversion: nesting depth must not cost stack. */
  node = xmlDocGetRootElement (doc);
  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        read_element (node, &meta);
      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent != NULL && node->parent->type == XML_ELEMENT_NODE ? node->parent : NULL;
          if (node != NULL)
            node = node->next;
        }
    }
  xmlFreeDoc (doc);

  *title = g_strdup (meta.og_title != NULL ? meta.og_title : meta.json_ld_title != NULL ? meta.json_ld_title : meta.title);
  *published = g_strdup (meta.meta_date != NULL ? meta.meta_date : meta.json_ld_date != NULL ? meta.json_ld_date
                                                                                                : meta.time_date);
  page_meta_clear (&meta);
}

/* "www.kremlin.ru" -> "kremlin.ru": who published a page the extractor does not recognise. */
static char *
publisher_from_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL)
    return NULL;
  return g_strdup (g_str_has_prefix (host, "www.") ? host + 4 : host);
}

void
readout_web_import_fill (ReadoutExtraction *extraction,
                         const char        *url,
                         const char        *title,
                         const char        *published)
{
  g_return_if_fail (extraction != NULL);

  g_free (extraction->url);
  extraction->url = g_strdup (url);
  if (title != NULL)
    {
      g_free (extraction->title);
      extraction->title = g_strdup (title);
    }
  if (published != NULL)
    {
      /* A readout that does not date its call in the text is dated by its page. */
      for (guint i = 0; i < extraction->calls->len; i++)
        {
          ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, i);

          if (call->date == NULL)
            {
              call->date = g_strdup (published);
              call->date_precision = READOUT_DATE_PRECISION_DAY;
            }
        }
      g_free (extraction->published);
      extraction->published = g_strdup (published);
      extraction->published_precision = READOUT_DATE_PRECISION_DAY;
    }
  if (extraction->publisher == NULL && url != NULL)
    extraction->publisher = publisher_from_url (url);
}

ReadoutExtraction *
readout_web_import_extract (ReadoutImporter       *importer,
                            const ReadoutWebPage  *page,
                            GError               **error)
{
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *published = NULL;
  ReadoutImportFormat format = READOUT_IMPORT_FORMAT_AUTO;
  ReadoutExtraction *extraction;

  g_return_val_if_fail (READOUT_IS_IMPORTER (importer), NULL);
  g_return_val_if_fail (page != NULL, NULL);

  if (page->content_type != NULL)
    format = g_str_equal (page->content_type, "text/plain") ? READOUT_IMPORT_FORMAT_PLAIN
                                                              : READOUT_IMPORT_FORMAT_HTML;
  text = readout_import_text_from_data (page->body, page->length, page->url, format, error);
  if (text == NULL)
    return NULL;
  extraction = readout_extractor_extract (readout_importer_get_extractor (importer), text, page->url, error);
  if (extraction == NULL)
    return NULL;

  if (format != READOUT_IMPORT_FORMAT_PLAIN)
    readout_web_page_metadata (page->body, page->length, &title, &published);
  readout_web_import_fill (extraction, page->url, title, published);
  return extraction;
}

ReadoutExtraction *
readout_web_import_fetch (ReadoutImporter              *importer,
                          const char                   *url,
                          const ReadoutWebFetchOptions *options,
                          GCancellable                 *cancellable,
                          GError                      **error)
{
  g_autoptr(ReadoutWebPage) page = readout_web_fetch (url, options, cancellable, error);

  if (page == NULL)
    return NULL;
  return readout_web_import_extract (importer, page, error);
}

/* Progress from the worker thread reaches the caller's main context through at most one
 * pending idle at a time, carrying the latest figures. */
typedef struct {
  char               *url;
  GMainContext       *context;
  ReadoutWebProgress  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
  gint                pending;
  guint64             received;
  guint64             total;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_free (data->url);
  g_main_context_unref (data->context);
  g_clear_object (&data->cancellable);
  g_free (data);
}

static gboolean
deliver_progress (gpointer user_data)
{
  GTask *task = user_data;
  FetchData *data = g_task_get_task_data (task);

  g_atomic_int_set (&data->pending, 0);
  if (!g_cancellable_is_cancelled (data->cancellable))
    data->progress (data->received, data->total, data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
relay_progress (guint64  received,
                guint64  total,
                gpointer user_data)
{
  GTask *task = user_data;
  FetchData *data = g_task_get_task_data (task);

  data->received = received;
  data->total = total;
  if (g_atomic_int_compare_and_exchange (&data->pending, 0, 1))
    g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress,
                                g_object_ref (task), g_object_unref);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FetchData *data = task_data;
  ReadoutWebFetchOptions options = { .want = READOUT_WEB_WANT_PAGE };
  GError *error = NULL;
  ReadoutExtraction *extraction;

  if (data->progress != NULL)
    {
      options.progress = relay_progress;
      options.progress_data = task;
    }
  extraction = readout_web_import_fetch (READOUT_IMPORTER (source_object), data->url, &options, cancellable, &error);
  if (extraction == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, extraction, (GDestroyNotify) readout_extraction_free);
}

void
readout_web_import_fetch_async (ReadoutImporter     *importer,
                                const char          *url,
                                ReadoutWebProgress   progress,
                                gpointer             progress_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FetchData *data = g_new0 (FetchData, 1);

  g_return_if_fail (READOUT_IS_IMPORTER (importer));
  g_return_if_fail (url != NULL);

  data->url = g_strdup (url);
  data->context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;
  data->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  task = g_task_new (importer, cancellable, callback, user_data);
  g_task_set_source_tag (task, readout_web_import_fetch_async);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  g_task_run_in_thread (task, fetch_thread);
}

ReadoutExtraction *
readout_web_import_fetch_finish (ReadoutImporter  *importer,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, importer), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
