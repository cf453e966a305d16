// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-error.h"
#include "readout-fetch-progress.h"
#include "readout-import-review.h"
#include "readout-import-text.h"
#include "readout-import-task.h"
#include "readout-import-window.h"
#include "readout-importer.h"
#include "readout-undated.h"
#include "readout-web-import.h"

struct _ReadoutImportWindow
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkButton       *import_button;
  GtkDropDown     *source_dropdown;
  GtkStringList   *source_names;
  GtkRevealer     *banner_revealer;
  GtkLabel        *banner_label;
  GtkStack        *stack;

  ReadoutStore    *store;
  ReadoutImporter *importer;
  GCancellable    *cancellable;
  /* One page a text, in the order they were given; NULL while the text is read. */
  GPtrArray       *pages;
  /* What each review showed when it opened (its extraction as JSON), to tell whether
   * closing throws corrections away; NULL for a page that is not a review. */
  GPtrArray       *opened_as;
  guint            n_pending;
  gboolean         discard_confirmed;
};

G_DEFINE_FINAL_TYPE (ReadoutImportWindow, readout_import_window, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_banner (ReadoutImportWindow *self,
             const char          *message)
{
  gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
on_banner_dismissed_cb (ReadoutImportWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static guint
count_reviews (ReadoutImportWindow *self)
{
  guint n = 0;

  for (guint i = 0; i < self->pages->len; i++)
    if (READOUT_IS_IMPORT_REVIEW (g_ptr_array_index (self->pages, i)))
      n++;
  return n;
}

static void
update_state (ReadoutImportWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->source_dropdown);
  GtkWidget *page = selected < self->pages->len ? g_ptr_array_index (self->pages, selected) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->source_dropdown), self->pages->len > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), self->n_pending == 0 && count_reviews (self) > 0);

  if (page != NULL)
    gtk_stack_set_visible_child (self->stack, page);
  else
    gtk_stack_set_visible_child_name (self->stack, "loading");

  if (selected < g_list_model_get_n_items (G_LIST_MODEL (self->source_names)))
    adw_window_title_set_subtitle (self->window_title, gtk_string_list_get_string (self->source_names, selected));
}

static void
on_source_selected_cb (ReadoutImportWindow *self)
{
  update_state (self);
}

static guint
add_slot (ReadoutImportWindow *self,
          const char          *name)
{
  g_ptr_array_add (self->pages, NULL);
  g_ptr_array_add (self->opened_as, NULL);
  gtk_string_list_append (self->source_names, name);
  self->n_pending++;
  update_state (self);
  return self->pages->len - 1;
}

static char *
describe_review (GtkWidget *page)
{
  g_autoptr(JsonNode) json = NULL;

  if (!READOUT_IS_IMPORT_REVIEW (page))
    return NULL;
  json = readout_extraction_to_json (readout_import_review_get_extraction (READOUT_IMPORT_REVIEW (page)));
  return json_to_string (json, FALSE);
}

static gboolean
has_corrections (ReadoutImportWindow *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      g_autofree char *now = describe_review (g_ptr_array_index (self->pages, i));

      if (g_strcmp0 (now, g_ptr_array_index (self->opened_as, i)) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
set_page (ReadoutImportWindow *self,
          guint                slot,
          GtkWidget           *page)
{
  gtk_stack_add_child (self->stack, page);
  g_ptr_array_index (self->pages, slot) = page;
  g_ptr_array_index (self->opened_as, slot) = describe_review (page);
  self->n_pending--;
  update_state (self);
}

/* Dates the undated texts of the import by its other texts, @added among them: each text
 * added may date another, or show that two days fit. A review its user has not touched
 * yet stays untouched: what it shows now is what it opened with. */
static void
resolve_undated (ReadoutImportWindow *self,
                 ReadoutExtraction   *added)
{
  g_autoptr(GPtrArray) extractions = g_ptr_array_new ();
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->pages, i);

      g_ptr_array_add (before, describe_review (page));
      if (READOUT_IS_IMPORT_REVIEW (page))
        g_ptr_array_add (extractions, readout_import_review_get_extraction (READOUT_IMPORT_REVIEW (page)));
    }
  g_ptr_array_add (extractions, added);
  readout_undated_resolve (self->importer, extractions);

  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->pages, i);
      g_autofree char *after = NULL;

      after = describe_review (page);
      /* Only a review whose dates changed: another may be in the middle of an edit. */
      if (g_strcmp0 (after, g_ptr_array_index (before, i)) == 0)
        continue;
      readout_import_review_update_dates (READOUT_IMPORT_REVIEW (page));
      g_free (after);
      after = describe_review (page);
      if (g_strcmp0 (g_ptr_array_index (before, i), g_ptr_array_index (self->opened_as, i)) == 0)
        {
          g_free (g_ptr_array_index (self->opened_as, i));
          g_ptr_array_index (self->opened_as, i) = g_steal_pointer (&after);
        }
    }
}

/* A text read: dated by the import's other texts where it names only a weekday, matched
 * with the store, and shown for review. */
static void
add_review (ReadoutImportWindow *self,
            guint                slot,
            ReadoutExtraction   *extraction)
{
  resolve_undated (self, extraction);
  /* Matching reads the store: here, on the thread that owns it. */
  readout_importer_match (self->importer, extraction);
  set_page (self, slot, readout_import_review_new (self->importer, self->store, extraction));
}

static GtkWidget *
error_page_new (const char   *name,
                const GError *error)
{
  GtkWidget *page = adw_status_page_new ();
  g_autofree char *title = NULL;
  /* The description is markup; web addresses in messages are full of ampersands. */
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  if (g_error_matches (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND))
    title = g_strdup (_("No Call Found"));
  else
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("Could Not Import “%s”"), name);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  /* The core's own sentence: what is wrong and what to do. Nothing is written. */
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "import-error");
  return page;
}

/* Reading */

typedef struct {
  ReadoutImportWindow *self;  /* a reference */
  guint                slot;
  char                *name;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->self);
  g_free (pending->name);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static void
on_extracted_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  ReadoutImportWindow *self = pending->self;
  g_autoptr(GError) error = NULL;
  ReadoutExtraction *extraction;

  extraction = readout_import_extract_bytes_finish (READOUT_IMPORTER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&extraction, readout_extraction_free);
      return;
    }

  if (extraction == NULL)
    {
      set_page (self, pending->slot, error_page_new (pending->name, error));
      return;
    }

  add_review (self, pending->slot, extraction);
}

static void
extract (ReadoutImportWindow *self,
         guint                slot,
         const char          *name,
         GBytes              *bytes)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->slot = slot;
  pending->name = g_strdup (name);
  readout_import_extract_bytes_async (self->importer, bytes, name, self->cancellable,
                                      on_extracted_cb, pending);
}

/* Read in a thread through the import's own reader: the 10 MB limit holds however large
 * the file is, and a FIFO or a link to a device is refused rather than read forever. */
static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (G_FILE (source_object));
  GError *error = NULL;
  gsize length = 0;
  char *contents;

  if (path == NULL)
    {
      g_task_return_new_error (task, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                               _("Only files on this computer can be imported."));
      return;
    }
  contents = readout_import_text_read_file (path, &length, &error);
  if (contents == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_bytes_new_take (contents, length), (GDestroyNotify) g_bytes_unref);
}

static void
on_file_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  ReadoutImportWindow *self = pending->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);

  if (bytes == NULL)
    {
      if (!g_cancellable_is_cancelled (self->cancellable))
        set_page (self, pending->slot, error_page_new (pending->name, error));
      return;
    }
  extract (self, pending->slot, pending->name, bytes);
}

void
readout_import_window_add_file (ReadoutImportWindow *self,
                                GFile               *file)
{
  g_autofree char *name = NULL;
  g_autoptr(GTask) task = NULL;
  Pending *pending;

  g_return_if_fail (READOUT_IS_IMPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->name = g_strdup (name);
  pending->slot = add_slot (self, name);
  task = g_task_new (file, self->cancellable, on_file_loaded_cb, pending);
  g_task_run_in_thread (task, read_file_thread);
}

void
readout_import_window_add_text (ReadoutImportWindow *self,
                                const char          *text,
                                const char          *name)
{
  g_autoptr(GBytes) bytes = NULL;
  guint slot;

  g_return_if_fail (READOUT_IS_IMPORT_WINDOW (self));
  g_return_if_fail (text != NULL);

  if (name == NULL)
    name = _("Pasted text");
  bytes = g_bytes_new (text, strlen (text));
  slot = add_slot (self, name);
  extract (self, slot, name, bytes);
}

/* From the web: a download of its own that Cancel on its page stops, and closing the
 * window too. */

typedef struct {
  ReadoutImportWindow *self;  /* a reference */
  guint                slot;
  char                *url;
  GCancellable        *cancellable;
  gulong               handler;
  GtkWidget           *progress;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_cancellable_disconnect (fetch->self->cancellable, fetch->handler);
  g_object_unref (fetch->cancellable);
  g_object_unref (fetch->self);
  g_free (fetch->url);
  g_free (fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetch, fetch_free)

static void
cancel_fetch_cb (GCancellable *window_cancellable,
                 GCancellable *fetch_cancellable)
{
  g_cancellable_cancel (fetch_cancellable);
}

static void
on_fetch_progress_cb (guint64  received,
                      guint64  total,
                      gpointer user_data)
{
  Fetch *fetch = user_data;

  readout_fetch_progress_set (READOUT_FETCH_PROGRESS (fetch->progress), received, total);
}

static void
on_fetched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  ReadoutImportWindow *self = fetch->self;
  g_autoptr(GError) error = NULL;
  ReadoutExtraction *extraction = readout_web_import_fetch_finish (READOUT_IMPORTER (source), result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&extraction, readout_extraction_free);
      return;
    }
  gtk_stack_remove (self->stack, fetch->progress);
  g_ptr_array_index (self->pages, fetch->slot) = NULL;
  if (extraction == NULL)
    {
      set_page (self, fetch->slot, error_page_new (fetch->url, error));
      return;
    }
  add_review (self, fetch->slot, extraction);
}

void
readout_import_window_add_url (ReadoutImportWindow *self,
                               const char          *url)
{
  Fetch *fetch;

  g_return_if_fail (READOUT_IS_IMPORT_WINDOW (self));
  g_return_if_fail (url != NULL);

  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->url = g_strdup (url);
  fetch->cancellable = g_cancellable_new ();
  fetch->handler = g_cancellable_connect (self->cancellable, G_CALLBACK (cancel_fetch_cb),
                                          g_object_ref (fetch->cancellable), g_object_unref);
  fetch->slot = add_slot (self, url);
  fetch->progress = readout_fetch_progress_new (url, fetch->cancellable);
  gtk_stack_add_child (self->stack, fetch->progress);
  g_ptr_array_index (self->pages, fetch->slot) = fetch->progress;
  update_state (self);
  readout_web_import_fetch_async (self->importer, url, on_fetch_progress_cb, fetch, fetch->cancellable,
                                  on_fetched_cb, fetch);
}

void
readout_import_window_add_extraction (ReadoutImportWindow *self,
                                      ReadoutExtraction   *extraction,
                                      const char          *name)
{
  guint slot;

  g_return_if_fail (READOUT_IS_IMPORT_WINDOW (self));
  g_return_if_fail (extraction != NULL);

  slot = add_slot (self, name);
  add_review (self, slot, extraction);
}

gboolean
readout_import_window_is_busy (ReadoutImportWindow *self)
{
  g_return_val_if_fail (READOUT_IS_IMPORT_WINDOW (self), FALSE);

  return self->n_pending > 0;
}

/* Filing */

char *
readout_import_window_describe_result (guint n_sources,
                                       guint n_statements)
{
  g_autofree char *sources = NULL;
  g_autofree char *statements = NULL;

  if (n_sources == 0)
    return g_strdup (_("Nothing imported: the text is already a source of that call."));

  sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n_sources), n_sources);
  statements = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", n_statements),
                                n_statements);
  /* Translators: "Imported: 1 source, 6 statements" */
  return g_strdup_printf (_("Imported: %s, %s"), sources, statements);
}

static void
on_import_clicked_cb (ReadoutImportWindow *self)
{
  g_autoptr(GPtrArray) extractions = g_ptr_array_new ();
  g_autoptr(GPtrArray) originals = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_calls = 0, n_sources = 0, n_statements = 0;
  gint64 first_call_id = 0;
  gboolean ok;

  if (self->n_pending > 0)
    return;

  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->pages, i);

      if (READOUT_IS_IMPORT_REVIEW (page) &&
          !readout_import_review_validate (READOUT_IMPORT_REVIEW (page), &error))
        {
          gtk_drop_down_set_selected (self->source_dropdown, i);
          show_banner (self, error->message);
          return;
        }
    }

  /* The calls switched off are left out for the filing only: the editors keep
   * pointing at every call, so the full lists are put back afterwards. */
  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->pages, i);
      ReadoutExtraction *extraction;
      GPtrArray *included;

      if (!READOUT_IS_IMPORT_REVIEW (page))
        continue;
      included = readout_import_review_dup_included_calls (READOUT_IMPORT_REVIEW (page));
      if (included->len == 0)
        {
          g_ptr_array_unref (included);
          continue;
        }

      extraction = readout_import_review_get_extraction (READOUT_IMPORT_REVIEW (page));
      if (!readout_import_review_is_duplicate (READOUT_IMPORT_REVIEW (page)))
        for (guint k = 0; k < included->len; k++)
          n_statements += ((ReadoutExtractedCall *) g_ptr_array_index (included, k))->statements->len;
      g_ptr_array_add (originals, extraction->calls);
      extraction->calls = included;
      g_ptr_array_add (extractions, extraction);
    }

  if (extractions->len == 0)
    {
      show_banner (self, _("Every call is switched off: there is nothing to import."));
      return;
    }

  ok = readout_importer_file (self->importer, extractions, &n_calls, &n_sources, &error);

  for (guint i = 0; i < extractions->len; i++)
    {
      ReadoutExtraction *extraction = g_ptr_array_index (extractions, i);

      if (first_call_id == 0 && extraction->calls->len > 0)
        first_call_id = ((ReadoutExtractedCall *) g_ptr_array_index (extraction->calls, 0))->matches_call_id;
      g_ptr_array_unref (extraction->calls);
      extraction->calls = g_ptr_array_index (originals, i);
    }

  if (!ok)
    {
      /* The importer rolled back: nothing was written. */
      show_banner (self, error->message);
      return;
    }

  if (n_sources == 0)
    n_statements = 0;
  message = readout_import_window_describe_result (n_sources, n_statements);
  g_debug ("%s (%u new calls)", message, n_calls);
  g_signal_emit (self, signals[IMPORTED], 0, first_call_id, n_sources, n_statements);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
readout_import_window_push_undo (ReadoutImportWindow *self,
                                 ReadoutUndoStack    *stack)
{
  g_return_if_fail (READOUT_IS_IMPORT_WINDOW (self));
  g_return_if_fail (READOUT_IS_UNDO_STACK (stack));

  readout_importer_push_undo (self->importer, stack);
}

/* Closing */

static void
on_discard_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        ReadoutImportWindow *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Cancel, Escape or the window's close button after corrections: ask first. */
static gboolean
readout_import_window_close_request (GtkWindow *window)
{
  ReadoutImportWindow *self = READOUT_IMPORT_WINDOW (window);
  GtkWidget *dialog;

  if (self->discard_confirmed || !has_corrections (self))
    return GTK_WINDOW_CLASS (readout_import_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard the Corrections?"),
                                   _("What you corrected in the review has not been imported and will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Reviewing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* GObject */

static void
readout_import_window_dispose (GObject *object)
{
  ReadoutImportWindow *self = READOUT_IMPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_IMPORT_WINDOW);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->opened_as, g_ptr_array_unref);
  g_clear_object (&self->importer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (readout_import_window_parent_class)->dispose (object);
}

static void
readout_import_window_finalize (GObject *object)
{
  ReadoutImportWindow *self = READOUT_IMPORT_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (readout_import_window_parent_class)->finalize (object);
}

static void
readout_import_window_class_init (ReadoutImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_import_window_dispose;
  object_class->finalize = readout_import_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = readout_import_window_close_request;

  /**
   * ReadoutImportWindow::imported:
   * @call_id: the first call the import filed a source to
   * @n_sources: the sources written
   * @n_statements: the statements written
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                    G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/readout/Readout/readout-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportWindow, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportWindow, source_names);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_dismissed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
readout_import_window_init (ReadoutImportWindow *self)
{
  g_type_ensure (READOUT_TYPE_IMPORT_REVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->pages = g_ptr_array_new ();
  self->opened_as = g_ptr_array_new_with_free_func (g_free);
}

ReadoutImportWindow *
readout_import_window_new (GtkWindow    *parent,
                           ReadoutStore *store)
{
  ReadoutImportWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);

  self = g_object_new (READOUT_TYPE_IMPORT_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->importer = readout_importer_new (store);
  return self;
}
