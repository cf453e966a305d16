// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-sprite-cache"

#include "config.h"

#include <math.h>
#include <string.h>

#include "readout-sprite-cache.h"

struct _ReadoutSpriteCache
{
  GHashTable *sprites;  /* key -> cairo_surface_t */
  GBytes     *style;    /* what the sprites were drawn with */
  double      scale;    /* device pixels per user unit */
  double      offset_x, offset_y;  /* the transformation's translation */
};

ReadoutSpriteCache *
readout_sprite_cache_new (void)
{
  ReadoutSpriteCache *self = g_new0 (ReadoutSpriteCache, 1);

  self->sprites = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
  return self;
}

void
readout_sprite_cache_free (ReadoutSpriteCache *self)
{
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_clear_pointer (&self->style, g_bytes_unref);
  g_free (self);
}

gboolean
readout_sprite_cache_begin (ReadoutSpriteCache *self,
                            cairo_t            *cr,
                            gconstpointer       style,
                            gsize               style_size)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t matrix;
  double scale_x, scale_y;

  /* A copy is exact only where one user unit is a whole number of device pixels in
   * both directions, unrotated: image surfaces with the identity plus a translation. */
  cairo_get_matrix (cr, &matrix);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      matrix.xx != 1 || matrix.yy != 1 || matrix.xy != 0 || matrix.yx != 0)
    return FALSE;
  cairo_surface_get_device_scale (target, &scale_x, &scale_y);
  if (scale_x != scale_y || scale_x <= 0)
    return FALSE;

  if (self->style == NULL || scale_x != self->scale || g_bytes_get_size (self->style) != style_size ||
      memcmp (g_bytes_get_data (self->style, NULL), style, style_size) != 0)
    {
      g_hash_table_remove_all (self->sprites);
      g_clear_pointer (&self->style, g_bytes_unref);
      self->style = g_bytes_new (style, style_size);
      self->scale = scale_x;
    }
  self->offset_x = matrix.x0;
  self->offset_y = matrix.y0;
  return TRUE;
}

/* Half the sprite's side in user units, a whole number of device pixels. */
static double
half_side (ReadoutSpriteCache *self,
           double              radius)
{
  return ceil (radius * self->scale) / self->scale;
}

static cairo_surface_t *
draw_sprite (ReadoutSpriteCache    *self,
             cairo_t               *cr,
             double                 half,
             ReadoutSpriteDrawFunc  draw,
             gconstpointer          data)
{
  int side = (int) lround (2 * half * self->scale);
  cairo_surface_t *sprite = cairo_surface_create_similar_image (cairo_get_target (cr),
                                                                CAIRO_FORMAT_ARGB32, side, side);
  cairo_t *sprite_cr;

  cairo_surface_set_device_scale (sprite, self->scale, self->scale);
  sprite_cr = cairo_create (sprite);
  cairo_translate (sprite_cr, half, half);
  draw (sprite_cr, data);
  cairo_destroy (sprite_cr);
  cairo_surface_flush (sprite);
  return sprite;
}

void
readout_sprite_cache_paint (ReadoutSpriteCache    *self,
                            cairo_t               *cr,
                            guint                  key,
                            double                 radius,
                            double                 x,
                            double                 y,
                            ReadoutSpriteDrawFunc  draw,
                            gconstpointer          data)
{
  cairo_surface_t *sprite = g_hash_table_lookup (self->sprites, GUINT_TO_POINTER (key));
  double half = half_side (self, radius);
  double left, top;

  if (sprite == NULL)
    {
      sprite = draw_sprite (self, cr, half, draw, data);
      g_hash_table_insert (self->sprites, GUINT_TO_POINTER (key), sprite);
    }
  /* The sprite's corner on a device pixel, so that the copy needs no filtering. */
  left = round ((x + self->offset_x - half) * self->scale) / self->scale - self->offset_x;
  top = round ((y + self->offset_y - half) * self->scale) / self->scale - self->offset_y;
  cairo_set_source_surface (cr, sprite, left, top);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, left, top, 2 * half, 2 * half);
  cairo_fill (cr);
}
