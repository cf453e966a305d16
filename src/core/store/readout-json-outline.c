// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-json-outline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "readout-error.h"
#include "readout-json-outline.h"

typedef struct {
  const char *data;
  gsize length;
  gsize pos;
  guint line;
  gsize line_start;
  /* Per level (the root object is 1): whether it is an object, whether a member name
   * comes next, and the name of its current member, to name it in messages. */
  gboolean is_object[READOUT_JSON_MAX_DEPTH + 2];
  gboolean expect_name[READOUT_JSON_MAX_DEPTH + 2];
  const char *name[READOUT_JSON_MAX_DEPTH + 2];
  gsize name_length[READOUT_JSON_MAX_DEPTH + 2];
} Scanner;

static gboolean G_GNUC_PRINTF (2, 3)
fail (GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT, message);
  return FALSE;
}

static guint
column (Scanner *s)
{
  return (guint) (s->pos - s->line_start) + 1;
}

static gboolean
syntax_error (Scanner     *s,
              const char  *detail,
              GError     **error)
{
  if (s->pos >= s->length)
    return fail (error, _("The file is not valid JSON: it ends at line %u before the document "
                          "does."), s->line);
  return fail (error, _("The file is not valid JSON: at line %u, column %u, %s."),
               s->line, column (s), detail);
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c == '\n')
        {
          s->line++;
          s->line_start = s->pos + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      s->pos++;
    }
}

/* The member a value at @level belongs to: its own, or for a list element the list's.
 * Shortened and made printable for a one-line message: the name is the file's text. */
static char *
member_name (Scanner *s,
             guint    level)
{
  for (guint l = level; l > 0; l--)
    if (s->is_object[l] && s->name[l] != NULL)
      {
        g_autofree char *raw = g_strndup (s->name[l], MIN (s->name_length[l], 60));
        char *name = g_utf8_make_valid (raw, -1);

        for (char *p = name; *p != '\0'; p++)
          if ((guchar) *p < 0x20)
            *p = ' ';
        return name;
      }
  return g_strdup ("?");
}

/* Steps over the string at s->pos (its opening quote), at @level. */
static gboolean
scan_string (Scanner  *s,
             guint     level,
             GError  **error)
{
  gsize start = ++s->pos;
  gboolean is_name = s->is_object[level] && s->expect_name[level];
  guint line = s->line;

  while (s->pos < s->length && s->data[s->pos] != '"')
    {
      if (s->data[s->pos] == '\\' && s->pos + 1 < s->length)
        {
          if (s->data[s->pos + 1] == 'u' && s->pos + 6 <= s->length &&
              memcmp (s->data + s->pos + 2, "0000", 4) == 0)
            {
              g_autofree char *name = is_name ? NULL : member_name (s, level);

              if (is_name)
                return fail (error, _("In the file, a member name at line %u holds a NUL character "
                                      "(\\u0000), which Readout does not accept."), line);
              return fail (error, _("In the file, the “%s” at line %u holds a NUL character "
                                    "(\\u0000), which Readout does not accept; remove it and "
                                    "import the file again."), name, line);
            }
          s->pos++;
        }
      s->pos++;
    }
  if (s->pos >= s->length)
    return syntax_error (s, NULL, error);
  if (is_name)
    {
      s->name[level] = s->data + start;
      s->name_length[level] = s->pos - start;
    }
  s->pos++;
  return TRUE;
}

static gboolean
open_level (Scanner  *s,
            guint     level,
            gboolean  is_object,
            GError  **error)
{
  if (level > READOUT_JSON_MAX_DEPTH)
    return fail (error, _("The file is nested more than %d levels deep, which no Readout export "
                          "is; it was not imported."), READOUT_JSON_MAX_DEPTH);
  s->is_object[level] = is_object;
  s->expect_name[level] = is_object;
  s->name[level] = NULL;
  s->pos++;
  return TRUE;
}

/* Steps over one value at s->pos whose container is at @level, without recursion.
 * Checks that brackets match; the tokens between them are json-glib's to check. */
static gboolean
skip_value (Scanner  *s,
            guint     level,
            GError  **error)
{
  char closers[READOUT_JSON_MAX_DEPTH + 2];
  guint open = 0;

  do
    {
      char c;

      skip_space (s);
      if (s->pos >= s->length)
        return syntax_error (s, NULL, error);
      c = s->data[s->pos];
      if (c == '{' || c == '[')
        {
          if (!open_level (s, level + open + 1, c == '{', error))
            return FALSE;
          closers[open++] = c == '{' ? '}' : ']';
        }
      else if (c == '}' || c == ']')
        {
          if (open == 0 || closers[open - 1] != c)
            return syntax_error (s, _("a bracket that does not match"), error);
          open--;
          s->pos++;
        }
      else if (c == '"')
        {
          if (!scan_string (s, level + open, error))
            return FALSE;
        }
      else if (c == ',' || c == ':')
        {
          if (open == 0)
            return syntax_error (s, _("a value was expected"), error);
          s->expect_name[level + open] = c == ',';
          s->pos++;
        }
      else
        {
          gsize start = s->pos;

          while (s->pos < s->length && strchr (",:]} \t\r\n\"[{", s->data[s->pos]) == NULL)
            s->pos++;
          if (s->pos == start)
            return syntax_error (s, _("a value was expected"), error);
        }
    }
  while (open > 0);
  return TRUE;
}

static void
begin_span (Scanner         *s,
            ReadoutJsonSpan *span)
{
  span->offset = s->pos;
  span->line = s->line;
  span->column = column (s);
}

/* One member of the root object: "name": value. */
static gboolean
scan_member (Scanner     *s,
             GHashTable  *members,
             GError     **error)
{
  ReadoutJsonSpan *span = g_new0 (ReadoutJsonSpan, 1);
  char *name;

  skip_space (s);
  if (s->pos >= s->length || s->data[s->pos] != '"')
    {
      g_free (span);
      return syntax_error (s, _("a member name was expected"), error);
    }
  s->expect_name[1] = TRUE;
  if (!scan_string (s, 1, error))
    {
      g_free (span);
      return FALSE;
    }
  name = g_strndup (s->name[1], s->name_length[1]);
  g_hash_table_insert (members, name, span);
  s->expect_name[1] = FALSE;
  skip_space (s);
  if (s->pos >= s->length || s->data[s->pos] != ':')
    return syntax_error (s, _("“:” was expected"), error);
  s->pos++;
  skip_space (s);
  begin_span (s, span);
  if (!skip_value (s, 1, error))
    return FALSE;
  span->length = s->pos - span->offset;
  return TRUE;
}

GHashTable *
readout_json_outline_members (const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Scanner s = { data, length, 0, 1, 0, };

  skip_space (&s);
  if (s.pos >= s.length)
    {
      fail (error, _("The file is empty: there is nothing to import."));
      return NULL;
    }
  if (data[s.pos] != '{')
    {
      fail (error, _("The file is not a Readout export: it holds JSON, but not a JSON object with "
                     "“format”: “readout”."));
      return NULL;
    }
  open_level (&s, 1, TRUE, error);
  skip_space (&s);
  if (s.pos < s.length && data[s.pos] == '}')
    s.pos++;
  else
    for (;;)
      {
        if (!scan_member (&s, members, error))
          return NULL;
        skip_space (&s);
        if (s.pos < s.length && data[s.pos] == ',')
          {
            s.pos++;
            continue;
          }
        if (s.pos < s.length && data[s.pos] == '}')
          {
            s.pos++;
            break;
          }
        syntax_error (&s, _("“,” or “}” was expected"), error);
        return NULL;
      }
  skip_space (&s);
  if (s.pos < s.length)
    {
      syntax_error (&s, _("there is more after the end of the document"), error);
      return NULL;
    }
  return g_steal_pointer (&members);
}

gboolean
readout_json_outline_is_list (const char            *data,
                              const ReadoutJsonSpan *span)
{
  return span->length > 0 && data[span->offset] == '[';
}

GArray *
readout_json_outline_elements (const char             *data,
                               const ReadoutJsonSpan  *span,
                               GError                **error)
{
  g_autoptr(GArray) elements = g_array_new (FALSE, FALSE, sizeof (ReadoutJsonSpan));
  Scanner s = { data, span->offset + span->length, span->offset, span->line,
                span->offset - (span->column - 1), };

  g_return_val_if_fail (readout_json_outline_is_list (data, span), NULL);

  open_level (&s, 2, FALSE, error);
  skip_space (&s);
  if (s.pos < s.length && data[s.pos] == ']')
    return g_steal_pointer (&elements);
  for (;;)
    {
      ReadoutJsonSpan element;

      skip_space (&s);
      begin_span (&s, &element);
      if (s.pos < s.length && (data[s.pos] == ',' || data[s.pos] == ']'))
        {
          syntax_error (&s, _("a value was expected"), error);
          return NULL;
        }
      if (!skip_value (&s, 2, error))
        return NULL;
      element.length = s.pos - element.offset;
      g_array_append_val (elements, element);
      skip_space (&s);
      if (s.pos < s.length && data[s.pos] == ',')
        s.pos++;
      else if (s.pos < s.length && data[s.pos] == ']')
        return g_steal_pointer (&elements);
      else
        {
          syntax_error (&s, _("“,” or “]” was expected"), error);
          return NULL;
        }
    }
}
