// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-export"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-export.h"
#include "readout-gui-util.h"

static void
show_error (GtkWidget    *widget,
            const char   *heading,
            const GError *error)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  GtkWidget *dialog;

  g_debug ("%s: %s", heading, error->message);
  if (!GTK_IS_WINDOW (root))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
readout_export_suggest_file_name (ReadoutCall *call)
{
  g_autofree char *names = NULL;
  const char *date;
  char *name;

  g_return_val_if_fail (READOUT_IS_CALL (call), NULL);

  names = readout_gui_join_names (readout_call_get_participant_names (call));
  date = readout_call_get_date (call);
  if (names == NULL || *names == '\0')
    {
      g_free (names);
      names = g_strdup (_("Call"));
    }

  if (date != NULL && *date != '\0')
    name = g_strdup_printf ("%s %s.pdf", names, date);
  else
    name = g_strdup_printf ("%s.pdf", names);

  /* Names come from the store: keep them from reading as folders. */
  g_strdelimit (name, "/\\:", '-');
  return name;
}

/* Opening what was exported */

static void
open_file (GtkWidget *widget,
           GFile     *file)
{
  GtkRoot *root = gtk_widget_get_root (widget);

#if GTK_CHECK_VERSION(4, 10, 0)
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL, NULL);
#else
  g_autofree char *uri = g_file_get_uri (file);

  /* The OpenURI portal in a sandbox, the default application elsewhere. */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
#endif
}

static void
on_open_clicked_cb (AdwToast        *toast,
                    AdwToastOverlay *toasts)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "readout-file");

  if (file != NULL)
    open_file (GTK_WIDGET (toasts), file);
}

typedef struct {
  GWeakRef  toasts;
  GFile    *file;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_weak_ref_clear (&data->toasts);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WriteData, write_data_free)

static void
on_pdf_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(WriteData) data = user_data;
  g_autoptr(AdwToastOverlay) toasts = g_weak_ref_get (&data->toasts);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!readout_pdf_layout_write_pdf_finish (READOUT_PDF_LAYOUT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (toasts != NULL ? GTK_WIDGET (toasts) : NULL, _("Could Not Export the PDF"), error);
      return;
    }

  if (toasts == NULL)
    return;

  toast = adw_toast_new (_("Exported"));
  adw_toast_set_button_label (toast, _("_Open"));
  /* One-off data on a toast that outlives this function and is no widget of ours. */
  g_object_set_data_full (G_OBJECT (toast), "readout-file", g_object_ref (data->file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb), toasts, 0);
  adw_toast_overlay_add_toast (toasts, toast);
}

void
readout_export_pdf_to_file (ReadoutPdfLayout *layout,
                            GFile            *file,
                            AdwToastOverlay  *toasts)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  WriteData *data;

  g_return_if_fail (READOUT_IS_PDF_LAYOUT (layout));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The PDF can only be saved to a local folder. Choose a folder on this computer."));
      show_error (toasts != NULL ? GTK_WIDGET (toasts) : NULL, _("Could Not Export the PDF"), error);
      return;
    }

  data = g_new0 (WriteData, 1);
  g_weak_ref_init (&data->toasts, toasts);
  data->file = g_object_ref (file);
  readout_pdf_layout_write_pdf_async (layout, path, NULL, on_pdf_written_cb, data);
}

/* Choosing the file */

typedef struct {
  ReadoutPdfLayout *layout;
  GWeakRef          toasts;
} ChooserData;

static void
chooser_data_free (gpointer user_data)
{
  ChooserData *data = user_data;

  g_clear_object (&data->layout);
  g_weak_ref_clear (&data->toasts);
  g_free (data);
}

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        ChooserData     *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(AdwToastOverlay) toasts = g_weak_ref_get (&data->toasts);

      if (file != NULL)
        readout_export_pdf_to_file (data->layout, file, toasts);
    }

  gtk_native_dialog_destroy (dialog);
  /* The dialog held itself for as long as it was shown; this is its last reference. */
  g_object_unref (dialog);
}

void
readout_export_pdf_with_chooser (GtkWidget        *parent,
                                 ReadoutPdfLayout *layout,
                                 const char       *suggested_name,
                                 AdwToastOverlay  *toasts)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdfs = gtk_file_filter_new ();
  ChooserData *data;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (READOUT_IS_PDF_LAYOUT (layout));

  root = gtk_widget_get_root (parent);
  chooser = gtk_file_chooser_native_new (_("Export PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (pdfs, _("PDF Documents"));
  gtk_file_filter_add_mime_type (pdfs, "application/pdf");
  gtk_file_filter_add_suffix (pdfs, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdfs);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  data = g_new0 (ChooserData, 1);
  data->layout = g_object_ref (layout);
  g_weak_ref_init (&data->toasts, toasts);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response_cb),
                         data, (GClosureNotify) (void (*) (void)) chooser_data_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Printing */

/* What a print operation needs until it ends. The operation owns it (as object data), so
 * nothing here is released while one of its handlers runs: the layout was once held by a
 * closure of ::begin-print and watched by one of ::draw-page, and finalizing the operation
 * dropped the one while the other was being torn down, which aborts in GObject. */
typedef struct {
  ReadoutPdfLayout *layout;
  GWeakRef          parent;
} PrintData;

static void
print_data_free (gpointer user_data)
{
  PrintData *data = user_data;

  g_clear_object (&data->layout);
  g_weak_ref_clear (&data->parent);
  g_free (data);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintData         *data)
{
  /* The unit is points, the same as the layout's. */
  readout_pdf_layout_set_page_size (data->layout,
                                    gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, readout_pdf_layout_paginate (data->layout));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrintData         *data)
{
  readout_pdf_layout_draw_page (data->layout, gtk_print_context_get_cairo_context (context), page);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  PrintData               *data)
{
  g_autoptr(GtkWidget) parent = g_weak_ref_get (&data->parent);
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    show_error (parent, _("Could Not Print"), error);
}

void
readout_export_print (GtkWidget        *parent,
                      ReadoutPdfLayout *layout)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  PrintData *data;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (READOUT_IS_PDF_LAYOUT (layout));

  paper = gtk_paper_size_new (readout_paper_from_locale () == READOUT_PAPER_LETTER
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, readout_pdf_layout_get_title (layout));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The layout draws its own margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  data = g_new0 (PrintData, 1);
  data->layout = g_object_ref (layout);
  g_weak_ref_init (&data->parent, parent);
  /* The print operation owns its data: it is freed with the operation, whenever GTK drops it. */
  g_object_set_data_full (G_OBJECT (operation), "readout-print-data", data, print_data_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), data);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), data);

  root = gtk_widget_get_root (parent);
  /* An asynchronous run holds the operation itself until ::done; ours is dropped here. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, _("Could Not Print"), error);
}
