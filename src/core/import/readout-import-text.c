// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-import-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <gio/gio.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <unicode/ucsdet.h>

#include "readout-error.h"
#include "readout-import-text.h"
#include "readout-input-file.h"

/* Import files come from anywhere: a saved web page, a copied readout, a file in a
 * legacy encoding. This file turns them into clean UTF-8 plain text for the extractor
 * and rejects what cannot be text with one sentence a user can act on. */

static const char *
display_name (const char *name)
{
  return name != NULL ? name : "The input";
}

/* What GIO's MIME database makes of the first bytes: an archive, a PDF or an image by
 * its magic, text by its bytes. GIO calls a text with one stray control character (an
 * escape copied from a terminal) binary too, only uncertainly; a binary file of no known
 * kind has NUL bytes. */
static gboolean
looks_binary (const guchar *data,
              gsize         length)
{
  gsize scan = MIN (length, 65536);
  gboolean uncertain = FALSE;
  g_autofree char *type = g_content_type_guess (NULL, data, scan, &uncertain);

  if (g_content_type_is_a (type, "text/plain"))
    return FALSE;
  return !uncertain || memchr (data, 0, scan) != NULL;
}

/* ICU's charset names where a friendlier one exists, for the message. */
static const struct {
  const char *icu;
  const char *shown;
} encoding_names[] = {
  { "ISO-8859-1", "Latin-1" },
  { "windows-1251", "Windows-1251" },
  { "windows-1252", "Windows-1252" },
};

/* The likely legacy encoding of bytes that are not UTF-8, by ICU's charset detector
 * (which weighs byte frequencies per language), or NULL when it has no idea. */
static char *
guess_legacy_encoding (const guchar *data,
                       gsize         length)
{
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open (&status);
  const UCharsetMatch **matches;
  char *name = NULL;
  int32_t n_matches = 0;

  ucsdet_setText (detector, (const char *) data, (int32_t) MIN (length, 65536), &status);
  matches = ucsdet_detectAll (detector, &n_matches, &status);
  /* Not UTF-8 is known already; the UTF-16 and -32 guesses are only ICU's fallback. */
  for (int32_t i = 0; U_SUCCESS (status) && i < n_matches && name == NULL; i++)
    {
      const char *candidate = ucsdet_getName (matches[i], &status);

      if (U_SUCCESS (status) && !g_str_has_prefix (candidate, "UTF-") &&
          ucsdet_getConfidence (matches[i], &status) >= 15)
        name = g_strdup (candidate);
    }
  ucsdet_close (detector);
  return name;
}

static const char *
shown_encoding_name (const char *icu_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (encoding_names); i++)
    if (g_str_equal (encoding_names[i].icu, icu_name))
      return encoding_names[i].shown;
  return icu_name;
}

static void
set_not_utf8_error (GError       **error,
                    const char    *name,
                    const guchar  *data,
                    gsize          length)
{
  g_autofree char *encoding = guess_legacy_encoding (data, length);

  if (encoding == NULL)
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                 _("%s is not UTF-8 text; convert it to UTF-8 and import it again."),
                 display_name (name));
  else
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                 _("%s is not UTF-8 text (it looks like %s); convert it to UTF-8, "
                   "for example with “iconv -f %s -t UTF-8”, and import it again."),
                 display_name (name), shown_encoding_name (encoding), encoding);
}

ReadoutImportFormat
readout_import_text_guess_format (const char *name,
                                  const char *data,
                                  gsize       length)
{
  g_autofree char *head = NULL;
  g_autofree char *lower_name = NULL;

  if (name != NULL)
    {
      lower_name = g_ascii_strdown (name, -1);
      if (g_str_has_suffix (lower_name, ".html") || g_str_has_suffix (lower_name, ".htm") ||
          g_str_has_suffix (lower_name, ".xhtml"))
        return READOUT_IMPORT_FORMAT_HTML;
      if (g_str_has_suffix (lower_name, ".md") || g_str_has_suffix (lower_name, ".markdown"))
        return READOUT_IMPORT_FORMAT_MARKDOWN;
    }

  head = g_ascii_strdown (data, MIN (length, 1024));
  g_strstrip (head);
  if (g_str_has_prefix (head, "<!doctype html") || g_str_has_prefix (head, "<html") ||
      (head[0] == '<' && (strstr (head, "<p>") != NULL || strstr (head, "<body") != NULL ||
                          strstr (head, "<div") != NULL)))
    return READOUT_IMPORT_FORMAT_HTML;

  return READOUT_IMPORT_FORMAT_PLAIN;
}

/* HTML: elements whose content is never the article. */
static gboolean
is_dropped_element (const char *name)
{
  static const char * const dropped[] = {
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template",
    "form", "iframe", "svg", "button", "select", "head", "menu", "object", "canvas",
  };

  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    if (g_ascii_strcasecmp (name, dropped[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_block_element (const char *name)
{
  static const char * const blocks[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
    "section", "article", "main", "table", "tr", "figure", "figcaption", "pre", "hr",
    "dd", "dt", "dl", "address", "title", "body", "td", "th", "caption",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_ascii_strcasecmp (name, blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
append_break (GString *out,
              gboolean paragraph)
{
  /* Trailing spaces never end a line. */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    return;
  if (paragraph)
    {
      if (!g_str_has_suffix (out->str, "\n\n"))
        g_string_append (out, g_str_has_suffix (out->str, "\n") ? "\n" : "\n\n");
    }
  else if (!g_str_has_suffix (out->str, "\n"))
    g_string_append_c (out, '\n');
}

static void
append_collapsed (GString    *out,
                  const char *text)
{
  gboolean space = out->len > 0 && !g_ascii_isspace (out->str[out->len - 1]) ? FALSE : TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
        }
      else
        {
          g_string_append_c (out, *p);
          space = FALSE;
        }
    }
}

/* libxml2's HTML parser does not know a DOCTYPE's internal subset ("<!DOCTYPE html [
 * <!ENTITY …> ]>") and would keep its declarations as text: start after it. */
static void
skip_internal_subset (const char **html,
                      gsize       *length)
{
  const char *p = *html, *end = *html + *length;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (end - p < 9 || g_ascii_strncasecmp (p, "<!doctype", 9) != 0)
    return;
  while (p < end && *p != '>' && *p != '[')
    p++;
  if (p == end || *p == '>')
    return;
  /* Inside the subset, up to the "]" that a ">" follows. */
  for (p++; p < end; p++)
    {
      const char *q = p + 1;

      if (*p != ']')
        continue;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q < end && *q == '>')
        {
          *length -= (gsize) (q + 1 - *html);
          *html = q + 1;
          return;
        }
    }
}

char *
readout_import_text_html_to_plain (const char *html,
                                   gsize       length)
{
  g_autoptr(GString) out = g_string_new (NULL);
  htmlDocPtr doc;
  xmlNodePtr root, node;

  g_return_val_if_fail (html != NULL, NULL);

  if (length > G_MAXINT)
    length = G_MAXINT;

  skip_internal_subset (&html, &length);
  /* XML_PARSE_HUGE (HTML_PARSE has no name for it) lifts libxml2's limit of 256 nested elements, past which it stops and the text
   * is lost; its parser and our walk below are iterative, so depth costs no stack. */
  doc = htmlReadMemory (html, (int) length, NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        XML_PARSE_HUGE);
  if (doc == NULL)
    return g_strdup ("");

  root = xmlDocGetRootElement (doc);
  node = root;

  /* An iterative walk: a hostile page nested a million deep must not overflow the stack. */
  while (node != NULL)
    {
      gboolean descend = TRUE;

      if (node->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) node->name;

          if (is_dropped_element (name))
            descend = FALSE;
          else if (g_ascii_strcasecmp (name, "br") == 0)
            append_break (out, FALSE);
          else if (is_block_element (name))
            append_break (out, TRUE);
        }
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            append_collapsed (out, (const char *) node->content);
          descend = FALSE;
        }
      else
        descend = FALSE;

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      while (node != NULL && node != root && node->next == NULL)
        {
          node = node->parent;
          if (node != NULL && node->type == XML_ELEMENT_NODE &&
              is_block_element ((const char *) node->name))
            append_break (out, TRUE);
        }
      if (node == NULL || node == root)
        break;
      node = node->next;
    }

  xmlFreeDoc (doc);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Removes paired inline markers ("**", "__", "`") and turns links into their text. */
static void
append_markdown_inline (GString    *out,
                        const char *line)
{
  const char *p = line;

  while (*p != '\0')
    {
      if ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_'))
        {
          p += 2;
          continue;
        }
      if (p[0] == '`')
        {
          p++;
          continue;
        }
      /* A single * or _ is emphasis when it touches a word on one side only. */
      if ((p[0] == '*' || p[0] == '_') &&
          ((p == line || g_ascii_isspace (p[-1]) || p[1] == '\0' || g_ascii_isspace (p[1]) ||
            g_ascii_ispunct (p[1]) || g_ascii_ispunct (p == line ? ' ' : p[-1]))))
        {
          p++;
          continue;
        }
      if (p[0] == '!' && p[1] == '[')
        {
          const char *close = strstr (p, "](");
          const char *end = close != NULL ? strchr (close, ')') : NULL;

          if (end != NULL)
            {
              p = end + 1;
              continue;
            }
        }
      if (p[0] == '[')
        {
          const char *close = strchr (p, ']');

          if (close != NULL && close[1] == '(' && strchr (close, ')') != NULL)
            {
              g_string_append_len (out, p + 1, close - p - 1);
              p = strchr (close, ')') + 1;
              continue;
            }
        }
      g_string_append_c (out, *p);
      p++;
    }
}

char *
readout_import_text_markdown_to_plain (const char *markdown)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (markdown != NULL, NULL);

  lines = g_strsplit (markdown, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *trimmed = g_strstrip (g_strdup (line));

      if (g_str_has_prefix (trimmed, "```") || g_str_has_prefix (trimmed, "~~~"))
        continue;
      if (trimmed[0] != '\0' && strspn (trimmed, "-*_ ") == strlen (trimmed) &&
          strlen (trimmed) >= 3)
        {
          append_break (out, TRUE);
          continue;
        }

      line = trimmed;
      while (*line == '>')
        line = line + 1 + (line[1] == ' ');
      if (*line == '#')
        {
          while (*line == '#')
            line++;
          while (*line == ' ')
            line++;
          append_break (out, TRUE);
          append_markdown_inline (out, line);
          append_break (out, TRUE);
          continue;
        }
      if ((line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ')
        {
          append_break (out, FALSE);
          line += 2;
        }
      else if (g_ascii_isdigit (line[0]))
        {
          const char *q = line;

          while (g_ascii_isdigit (*q))
            q++;
          if ((*q == '.' || *q == ')') && q[1] == ' ')
            {
              append_break (out, FALSE);
              line = q + 2;
            }
        }

      if (*line == '\0')
        {
          append_break (out, TRUE);
          continue;
        }
      if (out->len > 0 && !g_str_has_suffix (out->str, "\n"))
        g_string_append_c (out, ' ');
      append_markdown_inline (out, line);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Line ends to \n, no-break spaces to spaces, no trailing spaces, at most one blank
 * line in a row, composed Unicode (so "é" is one code point for matching). */
static char *
normalize_plain (const char *text)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (text) + 1);
  g_autofree char *composed = NULL;
  int newlines = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] == '\n')
            continue;
          g_string_append_c (out, '\n');
          newlines++;
          continue;
        }
      if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
        {
          g_string_append_c (out, ' ');
          p++;
          continue;
        }
      if (*p == '\n')
        {
          while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
            g_string_truncate (out, out->len - 1);
          newlines++;
          if (newlines <= 2 && out->len > 0)
            g_string_append_c (out, '\n');
          continue;
        }
      if ((*p == ' ' || *p == '\t') && newlines > 0)
        continue;
      newlines = 0;
      g_string_append_c (out, *p == '\t' || *p == '\f' || *p == '\v' ? ' ' : *p);
    }

  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);

  composed = g_utf8_normalize (out->str, out->len, G_NORMALIZE_DEFAULT_COMPOSE);
  return composed != NULL ? g_steal_pointer (&composed) : g_strdup (out->str);
}

char *
readout_import_text_from_data (const char           *data,
                               gsize                 length,
                               const char           *name,
                               ReadoutImportFormat   format,
                               GError              **error)
{
  g_autofree char *converted = NULL;
  g_autofree char *plain = NULL;
  const guchar *bytes = (const guchar *) data;
  const char *end = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > READOUT_IMPORT_TEXT_MAX_SIZE)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                   _("%s is larger than 10 MB; import one article or readout at a time."),
                   display_name (name));
      return NULL;
    }

  if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                   _("%s is UTF-16 text; save it as UTF-8 and import it again."),
                   display_name (name));
      return NULL;
    }

  /* A byte order mark says nothing the rest of the text does not. */
  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      data += 3;
      bytes += 3;
      length -= 3;
    }

  {
    gboolean blank = TRUE;

    for (gsize i = 0; i < length && blank; i++)
      if (!g_ascii_isspace (data[i]))
        blank = FALSE;
    if (blank)
      {
        g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                     _("%s is empty; there is no text to import."), display_name (name));
        return NULL;
      }
  }

  if (looks_binary (bytes, length))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                   _("%s is a binary file, not text; import a plain text, Markdown or HTML file."),
                   display_name (name));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      set_not_utf8_error (error, name, bytes, length);
      return NULL;
    }

  if (format == READOUT_IMPORT_FORMAT_AUTO)
    format = readout_import_text_guess_format (name, data, length);

  switch (format)
    {
    case READOUT_IMPORT_FORMAT_HTML:
      converted = readout_import_text_html_to_plain (data, length);
      break;
    case READOUT_IMPORT_FORMAT_MARKDOWN:
      {
        g_autofree char *copy = g_strndup (data, length);
        converted = readout_import_text_markdown_to_plain (copy);
      }
      break;
    case READOUT_IMPORT_FORMAT_AUTO:
    case READOUT_IMPORT_FORMAT_PLAIN:
    default:
      converted = g_strndup (data, length);
      break;
    }

  /* libxml2 may hand back text it repaired; never pass invalid UTF-8 further. */
  if (!g_utf8_validate (converted, -1, NULL))
    {
      char *valid = g_utf8_make_valid (converted, -1);
      g_free (converted);
      converted = valid;
    }

  plain = normalize_plain (converted);
  if (plain[0] == '\0')
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                   _("%s has no text once its markup is removed; there is nothing to import."),
                   display_name (name));
      return NULL;
    }

  return g_steal_pointer (&plain);
}

char *
readout_import_text_read_file (const char  *path,
                               gsize       *length,
                               GError     **error)
{
  char *contents;
  gboolean too_large;

  g_return_val_if_fail (path != NULL, NULL);

  contents = readout_input_file_read (path, READOUT_IMPORT_TEXT_MAX_SIZE, length, &too_large, error);
  if (too_large)
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                 _("%s is larger than 10 MB; import one article or readout at a time."), path);
  return contents;
}

char *
readout_import_text_load (const char  *path,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  contents = readout_import_text_read_file (path, &length, error);
  if (contents == NULL)
    return NULL;
  return readout_import_text_from_data (contents, length, path, READOUT_IMPORT_FORMAT_AUTO, error);
}

/* The value of the attribute @name in the tag at @tag (up to its ">"), or NULL. */
static char *
tag_attribute (const char *tag,
               const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("\\s%s\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *value = NULL;

  if (!g_regex_match (regex, tag, 0, &match))
    return NULL;
  value = g_match_info_fetch (match, 1);
  if (value == NULL || *value == '\0')
    {
      g_free (value);
      value = g_match_info_fetch (match, 2);
    }
  return g_steal_pointer (&value);
}

/**
 * readout_import_text_find_address:
 * @data: the bytes of an import file (UTF-8)
 *
 * Where an HTML page says it lives: its canonical link, else its og:url. Only the first
 * 256 KB are read, where a page's head is.
 *
 * Returns: (transfer full) (nullable): an http or https address, or %NULL
 */
char *
readout_import_text_find_address (const char *data,
                                  gsize       length)
{
  g_autofree char *head = g_strndup (data, MIN (length, 256 * 1024));
  g_autoptr(GRegex) tags = g_regex_new ("<(?:link|meta)\\s[^>]*>", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *og_url = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!g_utf8_validate (head, -1, NULL))
    return NULL;
  for (g_regex_match (tags, head, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *tag = g_match_info_fetch (match, 0);
      g_autofree char *rel = tag_attribute (tag, "rel");
      g_autofree char *property = tag_attribute (tag, "property");
      g_autofree char *address = NULL;

      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
        address = tag_attribute (tag, "href");
      else if (property != NULL && g_ascii_strcasecmp (property, "og:url") == 0 && og_url == NULL)
        og_url = tag_attribute (tag, "content");
      if (address != NULL && (g_str_has_prefix (address, "https://") || g_str_has_prefix (address, "http://")))
        return g_steal_pointer (&address);
    }
  if (og_url != NULL && (g_str_has_prefix (og_url, "https://") || g_str_has_prefix (og_url, "http://")))
    return g_steal_pointer (&og_url);
  return NULL;
}
