// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-import-task"

#include "config.h"

#include <string.h>

#include "readout-import-task.h"
#include "readout-import-text.h"

typedef struct {
  GBytes *bytes;
  char   *name;
} ExtractData;

static void
extract_data_free (ExtractData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->name);
  g_free (data);
}

static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadoutImporter *importer = source_object;
  ExtractData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ReadoutExtraction *extraction;
  gsize length = 0;
  const char *bytes = g_bytes_get_data (data->bytes, &length);

  text = readout_import_text_from_data (bytes != NULL ? bytes : "", length, data->name,
                                        READOUT_IMPORT_FORMAT_AUTO, &error);
  if (text == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  /* The extractor is only read once its leaders and topics are in: safe off the main thread. */
  extraction = readout_extractor_extract (readout_importer_get_extractor (importer), text,
                                          data->name, &error);
  if (extraction == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      /* A saved web page keeps its address, so the stored source can link to it. */
      extraction->url = readout_import_text_find_address (bytes != NULL ? bytes : "", length);
      g_task_return_pointer (task, extraction, (GDestroyNotify) readout_extraction_free);
    }
}

void
readout_import_extract_bytes_async (ReadoutImporter     *importer,
                                    GBytes              *bytes,
                                    const char          *name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExtractData *data;

  g_return_if_fail (READOUT_IS_IMPORTER (importer));
  g_return_if_fail (bytes != NULL);

  data = g_new0 (ExtractData, 1);
  data->bytes = g_bytes_ref (bytes);
  data->name = g_strdup (name);

  task = g_task_new (importer, cancellable, callback, user_data);
  g_task_set_source_tag (task, readout_import_extract_bytes_async);
  g_task_set_task_data (task, data, (GDestroyNotify) extract_data_free);
  g_task_run_in_thread (task, extract_thread);
}

ReadoutExtraction *
readout_import_extract_bytes_finish (ReadoutImporter  *importer,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, importer), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Spans */

static void
add_span (GArray                *spans,
          ReadoutImportSpanKind  kind,
          guint                  call,
          guint                  index,
          gsize                  start,
          gsize                  end)
{
  ReadoutImportSpan span = { kind, call, index, start, end };

  g_array_append_val (spans, span);
}

static gboolean
overlaps (GArray                *spans,
          ReadoutImportSpanKind  kind,
          gsize                  start,
          gsize                  end)
{
  for (guint i = 0; i < spans->len; i++)
    {
      ReadoutImportSpan *s = &g_array_index (spans, ReadoutImportSpan, i);

      if (s->kind == kind && s->start < end && start < s->end)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_word_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_cyrillic (const char *word)
{
  return g_unichar_get_script (g_utf8_get_char (word)) == G_UNICODE_SCRIPT_CYRILLIC;
}

/* Every whole-word mention of @needle; a Cyrillic surname may carry a case ending
 * ("Путиным"), so up to three more letters are taken with it. */
static void
find_word (GArray                *spans,
           const char            *text,
           const char            *needle,
           ReadoutImportSpanKind  kind,
           guint                  call,
           guint                  index)
{
  gsize needle_len = strlen (needle);
  gboolean inflects = is_cyrillic (needle);

  if (needle_len == 0)
    return;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + needle_len, needle))
    {
      const char *end = p + needle_len;

      if (p > text && is_word_char (g_utf8_prev_char (p)))
        continue;
      if (inflects)
        for (int k = 0; k < 3 && *end != '\0' && g_unichar_isalpha (g_utf8_get_char (end)); k++)
          end = g_utf8_next_char (end);
      if (*end != '\0' && is_word_char (end))
        continue;
      if (!overlaps (spans, kind, p - text, end - text))
        add_span (spans, kind, call, index, p - text, end - text);
    }
}

static void
find_pattern (GArray                *spans,
              const char            *text,
              GRegex                *regex,
              ReadoutImportSpanKind  kind)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;

      if (g_match_info_fetch_pos (match, 0, &start, &end) && end > start &&
          !overlaps (spans, kind, start, end))
        add_span (spans, kind, 0, 0, start, end);
      g_match_info_next (match, NULL);
    }
}

static const char *
surname_of (const char *name)
{
  const char *space = strrchr (name, ' ');

  return space != NULL ? space + 1 : name;
}

static gboolean
contains_word (const char *sentence,
               gsize       length,
               const char *word)
{
  g_autofree char *copy = g_strndup (sentence, length);

  return *word != '\0' && strstr (copy, word) != NULL;
}

/* The first sentence that reports the call: it names the participants (both, if any
 * sentence does) and says that they spoke. */
static void
find_call_sentence (GArray               *spans,
                    const char           *text,
                    ReadoutExtractedCall *call,
                    guint                 call_index,
                    GRegex               *talk)
{
  gsize best_start = 0, best_end = 0;
  guint best_names = 0;
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      const char *end;
      guint names = 0;

      while (*start == ' ' || *start == '\n' || *start == '\t')
        start++;
      end = start;
      while (*end != '\0' && *end != '\n' &&
             !((*end == '.' || *end == '!' || *end == '?') && (end[1] == ' ' || end[1] == '\n' || end[1] == '\0')))
        end++;
      if (*end != '\0' && *end != '\n')
        end++;

      if (end > start)
        {
          g_autofree char *sentence = g_strndup (start, end - start);

          for (guint i = 0; i < call->participants->len; i++)
            {
              ReadoutExtractedParticipant *participant = g_ptr_array_index (call->participants, i);

              if (participant->name != NULL && contains_word (start, end - start, surname_of (participant->name)))
                names++;
            }
          if (names > best_names && g_regex_match (talk, sentence, 0, NULL))
            {
              best_names = names;
              best_start = start - text;
              best_end = end - text;
              if (names >= MIN (2, call->participants->len))
                break;
            }
        }
      p = *end != '\0' ? end + 1 : end;
    }

  if (best_end > best_start)
    add_span (spans, READOUT_IMPORT_SPAN_CALL, call_index, 0, best_start, best_end);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const ReadoutImportSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

GArray *
readout_import_find_spans (const ReadoutExtraction *extraction)
{
  static GRegex *talk, *dates, *durations;
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (ReadoutImportSpan));
  const char *text;
  gsize length;
  gboolean any_duration = FALSE;

  g_return_val_if_fail (extraction != NULL, spans);

  text = extraction->text != NULL ? extraction->text : "";
  length = strlen (text);

  if (g_once_init_enter (&talk))
    g_once_init_leave (&talk, g_regex_new ("phone|call|spoke|speak|talk|conversation|"
                                           "разговор|беседова|телефон|созвон",
                                           G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter (&dates))
    g_once_init_leave (&dates, g_regex_new (
      "\\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tomorrow"
      "|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?"
      "|\\d{1,2}\\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\\s+\\d{4})?"
      "|\\d{4}-\\d{2}-\\d{2}"
      "|понедельник|вторник|сред[ау]|четверг|пятниц[ау]|суббот[ау]|воскресенье|сегодня|вчера"
      "|\\d{1,2}\\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
      "(?:\\s+\\d{4}(?:\\s+года)?)?)\\b",
      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter (&durations))
    g_once_init_leave (&durations, g_regex_new (
      "\\b(?:(?:just\\s+)?(?:more than|over|under|less than|about|approximately|around|nearly|almost|roughly|some)\\s+)?"
      "(?:an?|one|two|three|four|half an|\\d+)\\s+(?:hours?|minutes?|mins?)"
      "(?:\\s+and\\s+(?:a\\s+half|\\d+\\s+minutes?))?\\b"
      "|\\b(?:(?:более|около|менее|почти|свыше)\\s+)?(?:\\d+\\s+)?(?:полутора\\s+часов|часа|часов|минуты|минут)\\b",
      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  for (guint c = 0; extraction->calls != NULL && c < extraction->calls->len; c++)
    {
      ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, c);

      for (guint i = 0; i < call->statements->len; i++)
        {
          ReadoutExtractedStatement *s = g_ptr_array_index (call->statements, i);

          if (s->end > s->start && s->end <= length)
            add_span (spans, READOUT_IMPORT_SPAN_STATEMENT, c, i, s->start, s->end);
        }

      find_call_sentence (spans, text, call, c, talk);

      /* Full names before surnames, so that "Vladimir Putin" is one mention, not two. */
      for (guint i = 0; i < call->participants->len; i++)
        {
          ReadoutExtractedParticipant *p = g_ptr_array_index (call->participants, i);

          if (p->name != NULL)
            find_word (spans, text, p->name, READOUT_IMPORT_SPAN_PARTICIPANT, c, i);
        }
      for (guint i = 0; i < call->participants->len; i++)
        {
          ReadoutExtractedParticipant *p = g_ptr_array_index (call->participants, i);

          if (p->name != NULL && g_utf8_strlen (surname_of (p->name), -1) >= 3)
            find_word (spans, text, surname_of (p->name), READOUT_IMPORT_SPAN_PARTICIPANT, c, i);
        }

      any_duration |= call->duration_minutes > 0;
    }

  if (dates != NULL)
    find_pattern (spans, text, dates, READOUT_IMPORT_SPAN_DATE);
  if (durations != NULL && any_duration)
    find_pattern (spans, text, durations, READOUT_IMPORT_SPAN_DURATION);

  g_array_sort (spans, compare_spans);
  return spans;
}
