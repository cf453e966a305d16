// SPDX-License-Identifier: GPL-3.0-or-later
/* Benchmark of the PDF export (issue 5): a comparison of 100 rows, laid out, paginated
 * and written as a PDF; the comparison itself is built beforehand and not timed.
 *
 * Run with `meson test --benchmark -C BUILDDIR` or directly; prints the figures. */

#include "config.h"

#include <glib/gstdio.h>

#include "pdf-fixture.h"
#include "readout-pdf-layout.h"

#define N_RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("readout-bench-pdf-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *db = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutComparison) comparison = NULL;
  double times[N_RUNS];
  double first = 0;
  guint n_pages = 0;
  GStatBuf st;
  gint64 call_id, source_a, source_b, start;

  g_assert_no_error (error);
  path = g_build_filename (folder, "bench.pdf", NULL);
  db = g_build_filename (folder, "fixture.db", NULL);
  store = pdf_fixture_store (folder, &call_id, &source_a, &source_b);
  comparison = pdf_fixture_comparison (call_id, source_a, source_b, 100, -1, 0);
  g_assert_cmpuint (readout_comparison_get_n_rows (comparison), ==, 100);

  /* The first export also loads the fonts: report it apart. */
  for (int run = -1; run < N_RUNS; run++)
    {
      g_autoptr(ReadoutPdfLayout) layout = NULL;
      double ms;

      start = g_get_monotonic_time ();
      layout = readout_pdf_layout_new_for_comparison (store, comparison, &error);
      g_assert_no_error (error);
      readout_pdf_layout_set_paper (layout, READOUT_PAPER_A4);
      n_pages = readout_pdf_layout_paginate (layout);
      if (!readout_pdf_layout_write_pdf (layout, path, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (run < 0)
        first = ms;
      else
        times[run] = ms;
    }
  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  g_assert_cmpint (g_stat (path, &st), ==, 0);

  g_print ("PDF export of a 100-row comparison (%u pages, %ld KiB): median %.1f ms, best %.1f ms, "
           "first run with font loading %.1f ms (target: 150 ms)\n",
           n_pages, (long) st.st_size / 1024, times[N_RUNS / 2], times[0], first);

  g_clear_object (&store);
  g_unlink (path);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (folder);
  return times[N_RUNS / 2] <= 150.0 ? 0 : 1;
}
