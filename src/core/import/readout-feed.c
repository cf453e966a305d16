// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-feed"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>

#include "readout-error.h"
#include "readout-feed.h"

/* Feeds come from servers Readout does not control. libxml2 reads them with the network
 * off (XML_PARSE_NONET) and entities left unexpanded (no XML_PARSE_NOENT); a feed has no
 * reason to declare entities, so one that does is refused before any text is read. */

static void
feed_entry_free (ReadoutFeedEntry *entry)
{
  g_free (entry->key);
  g_free (entry->url);
  g_free (entry->title);
  g_free (entry->published);
  g_free (entry);
}

void
readout_parsed_feed_free (ReadoutParsedFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->title);
  g_ptr_array_unref (feed->entries);
  g_free (feed);
}

static gboolean
is_named (xmlNodePtr  node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

static xmlNodePtr
find_child (xmlNodePtr  parent,
            const char *name)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (is_named (child, name))
      return child;
  return NULL;
}

static char *
child_text (xmlNodePtr  parent,
            const char *name)
{
  xmlNodePtr child = find_child (parent, name);
  xmlChar *content;
  char *text;

  if (child == NULL)
    return NULL;
  content = xmlNodeGetContent (child);
  text = content != NULL ? g_strstrip (g_strdup ((const char *) content)) : NULL;
  xmlFree (content);
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* RSS dates are RFC 822 ("Tue, 21 Nov 2017 19:02:00 +0000"), Atom's ISO 8601. */
static char *
entry_day (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  date = soup_date_time_new_from_http_string (text);
  return date != NULL ? g_date_time_format (date, "%Y-%m-%d") : NULL;
}

/* Atom's <link rel="alternate" href> (a link without rel is an alternate one). */
static char *
atom_link (xmlNodePtr entry)
{
  for (xmlNodePtr child = entry->children; child != NULL; child = child->next)
    {
      xmlChar *rel, *href;
      char *url = NULL;

      if (!is_named (child, "link"))
        continue;
      rel = xmlGetProp (child, (const xmlChar *) "rel");
      href = xmlGetProp (child, (const xmlChar *) "href");
      if (href != NULL && (rel == NULL || xmlStrcmp (rel, (const xmlChar *) "alternate") == 0))
        url = g_strstrip (g_strdup ((const char *) href));
      xmlFree (rel);
      xmlFree (href);
      if (url != NULL)
        return url;
    }
  return NULL;
}

static ReadoutFeedEntry *
read_entry (xmlNodePtr item,
            gboolean   atom)
{
  ReadoutFeedEntry *entry = g_new0 (ReadoutFeedEntry, 1);
  g_autofree char *date = NULL;

  entry->title = child_text (item, "title");
  entry->url = atom ? atom_link (item) : child_text (item, "link");
  entry->key = child_text (item, atom ? "id" : "guid");
  date = atom ? child_text (item, "published") : child_text (item, "pubDate");
  if (date == NULL)
    date = child_text (item, atom ? "updated" : "date");
  entry->published = entry_day (date);
  if (entry->key == NULL)
    entry->key = g_strdup (entry->url);
  if (entry->key == NULL)
    {
      feed_entry_free (entry);
      return NULL;
    }
  return entry;
}

static void
read_entries (xmlNodePtr         container,
              const char        *item_name,
              gboolean           atom,
              ReadoutParsedFeed *feed)
{
  for (xmlNodePtr child = container->children;
       child != NULL && feed->entries->len < READOUT_FEED_MAX_ITEMS; child = child->next)
    {
      ReadoutFeedEntry *entry;

      if (!is_named (child, item_name))
        continue;
      entry = read_entry (child, atom);
      if (entry != NULL)
        g_ptr_array_add (feed->entries, entry);
    }
}

static gboolean
looks_like_html (const char *data,
                 gsize       length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, 1024));

  return strstr (head, "<!doctype html") != NULL || strstr (head, "<html") != NULL;
}

static void
set_entities_error (const char  *url,
                    GError     **error)
{
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
               _("%s declares XML entities, which no feed needs; Readout does not read it."), url);
}

static void
set_page_error (const char  *url,
                GError     **error)
{
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
               _("%s is a web page, not a feed; look on it for the address of its RSS or Atom feed."), url);
}

static gboolean
read_document (xmlDocPtr          doc,
               const char        *url,
               ReadoutParsedFeed *feed,
               GError           **error)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlNodePtr channel;

  if (doc->intSubset != NULL && doc->intSubset->entities != NULL)
    {
      set_entities_error (url, error);
      return FALSE;
    }
  if (root != NULL && g_ascii_strcasecmp ((const char *) root->name, "html") == 0)
    {
      set_page_error (url, error);
      return FALSE;
    }
  if (root != NULL && is_named (root, "feed"))
    {
      feed->title = child_text (root, "title");
      read_entries (root, "entry", TRUE, feed);
      return TRUE;
    }
  if (root != NULL && (is_named (root, "rss") || is_named (root, "RDF")))
    {
      channel = find_child (root, "channel");
      if (channel != NULL)
        {
          feed->title = child_text (channel, "title");
          read_entries (channel, "item", FALSE, feed);
        }
      /* RSS 1.0 puts its items beside the channel. */
      read_entries (root, "item", FALSE, feed);
      return TRUE;
    }
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
               _("%s is XML but not an RSS or Atom feed."), url);
  return FALSE;
}

ReadoutParsedFeed *
readout_feed_parse (const char  *data,
                    gsize        length,
                    const char  *charset,
                    const char  *url,
                    GError     **error)
{
  g_autoptr(ReadoutParsedFeed) feed = g_new0 (ReadoutParsedFeed, 1);
  xmlParserCtxtPtr context;
  xmlDocPtr doc;
  gboolean ok;

  g_return_val_if_fail (data != NULL && url != NULL, NULL);

  feed->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) feed_entry_free);
  if (length > G_MAXINT)
    length = G_MAXINT;
  context = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (context, data, (int) length, url, charset,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc == NULL)
    {
      xmlErrorPtr xml_error = xmlCtxtGetLastError (context);
      g_autofree char *message = g_strdup (xml_error != NULL && xml_error->message != NULL ? xml_error->message : "?");

      if (xml_error != NULL && xml_error->code == XML_ERR_ENTITY_LOOP)
        set_entities_error (url, error);
      else if (looks_like_html (data, length))
        set_page_error (url, error);
      else
        g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                     _("%s is not a well-formed feed (line %d: %s)."), url,
                     xml_error != NULL ? xml_error->line : 0, g_strstrip (message));
      xmlFreeParserCtxt (context);
      return NULL;
    }
  ok = read_document (doc, url, feed, error);
  xmlFreeDoc (doc);
  xmlFreeParserCtxt (context);
  return ok ? g_steal_pointer (&feed) : NULL;
}
