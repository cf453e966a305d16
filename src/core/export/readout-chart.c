// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "readout-chart.h"
#include "readout-error.h"
#include "readout-safe-file.h"

#define HEADER_HEIGHT 52.0
#define MARGIN        8.0

/* ---------------------------------------------------------------------------------- */
/* Palette                                                                            */

static ReadoutRgb
rgb (guint32 hex)
{
  return (ReadoutRgb) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                        (hex & 0xff) / 255.0 };
}

/* The libadwaita palette (blue 3, green 4, orange 3, purple 3, red 3, brown 3 on light;
 * the lighter shades on dark) so that the chart sits with the rest of the window. */
void
readout_chart_palette_init (ReadoutChartPalette *palette,
                            gboolean             dark)
{
  static const guint32 light_series[READOUT_CHART_N_SERIES] = { 0x3584e4, 0x2ec27e, 0xff7800, 0x9141ac, 0xe01b24 };
  static const guint32 dark_series[READOUT_CHART_N_SERIES] = { 0x62a0ea, 0x57e389, 0xffa348, 0xc061cb, 0xf66151 };

  palette->background = rgb (dark ? 0x242424 : 0xffffff);
  palette->foreground = rgb (dark ? 0xffffff : 0x1e1e1e);
  palette->dim = rgb (dark ? 0x9a9996 : 0x5e5c64);
  palette->grid = rgb (dark ? 0x3d3846 : 0xdeddda);
  palette->accent = rgb (dark ? 0x78aeed : 0x1c71d8);
  for (guint i = 0; i < READOUT_CHART_N_SERIES; i++)
    palette->series[i] = rgb (dark ? dark_series[i] : light_series[i]);
  palette->other = rgb (dark ? 0x77767b : 0x9a9996);
}

void
readout_chart_set_color (cairo_t    *cr,
                         ReadoutRgb  color)
{
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
}

void
readout_chart_draw_text (cairo_t    *cr,
                         const char *text,
                         double      x,
                         double      y,
                         double      max_width,
                         gboolean    right_aligned)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8.5");
  int text_width, text_height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_move_to (cr, right_aligned ? x - text_width : x, y - text_height / 2.0);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
draw_header (cairo_t                   *cr,
             double                     width,
             const char                *title,
             const char                *subtitle,
             const ReadoutChartPalette *palette)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 13");

  readout_chart_set_color (cr, palette->background);
  cairo_paint (cr);
  readout_chart_set_color (cr, palette->foreground);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, title, -1);
  pango_layout_set_width (layout, (int) ((width - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, MARGIN * 2, MARGIN);
  pango_cairo_show_layout (cr, layout);
  if (subtitle != NULL)
    {
      readout_chart_set_color (cr, palette->dim);
      readout_chart_draw_text (cr, subtitle, MARGIN * 2, MARGIN + 34, width - 4 * MARGIN, FALSE);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
}

gboolean
readout_chart_write (const char            *path,
                     double                 width,
                     double                 height,
                     const char            *title,
                     const char            *subtitle,
                     gboolean               dark,
                     ReadoutChartDrawFunc   draw,
                     gpointer               data,
                     GError               **error)
{
  g_autoptr(ReadoutSafeFile) file = NULL;
  ReadoutChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  gboolean png = g_str_has_suffix (lower, ".png");

  g_return_val_if_fail (path != NULL && title != NULL && draw != NULL, FALSE);

  if (!png && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("“%s” does not end in .png, .svg or .pdf: name the file after the format you want."),
                   path);
      return FALSE;
    }
  if (width < 200 || height < 200 || width > 10000 || height > 10000)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("A chart is between 200 and 10000 points wide and high, not %g × %g."), width, height);
      return FALSE;
    }
  if ((file = readout_safe_file_new (path, error)) == NULL)
    return FALSE;

  readout_chart_palette_init (&palette, dark);
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (readout_safe_file_get_temp_path (file), width, height);
  else
    surface = cairo_pdf_surface_create (readout_safe_file_get_temp_path (file), width, height);
  cr = cairo_create (surface);
  draw_header (cr, width, title, subtitle, &palette);
  cairo_translate (cr, 0, HEADER_HEIGHT);
  draw (cr, width, height - HEADER_HEIGHT, &palette, data);
  cairo_destroy (cr);
  /* Finishing a PDF or SVG surface writes its file; a PNG is written from the image. */
  if (!png)
    cairo_surface_finish (surface);
  status = png ? cairo_surface_write_to_png (surface, readout_safe_file_get_temp_path (file))
               : cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED,
                   _("Could not write the chart to “%s”: %s."), path, cairo_status_to_string (status));
      return FALSE;
    }
  return readout_safe_file_commit (file, error);
}
