// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Small pictures drawn once and then copied, pixel for pixel, wherever they recur: a
 * timeline's marks are a few shapes in a few colours, and copying one costs cairo a
 * tenth of filling and stroking its circle again. Only for drawing into pixels (an
 * image surface, without a scale or rotation in the transformation); vector output
 * (PDF, SVG) draws every shape. */

typedef struct _ReadoutSpriteCache ReadoutSpriteCache;

/* Draws one sprite centred on (0, 0) in user units. */
typedef void (*ReadoutSpriteDrawFunc) (cairo_t       *cr,
                                       gconstpointer  data);

ReadoutSpriteCache *readout_sprite_cache_new   (void);
void                readout_sprite_cache_free  (ReadoutSpriteCache *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutSpriteCache, readout_sprite_cache_free)

/* Whether @cr draws into pixels sprites can be copied to. @style (the colours, say) is
 * what the sprites were drawn with: when it or the pixel scale changed, the sprites are
 * drawn again. */
gboolean readout_sprite_cache_begin (ReadoutSpriteCache    *self,
                                     cairo_t               *cr,
                                     gconstpointer          style,
                                     gsize                  style_size);

/* Copies the sprite @key, drawing it with @draw first if it is new, centred on the pixel
 * nearest (@x, @y). @radius bounds what @draw draws around its centre. */
void     readout_sprite_cache_paint (ReadoutSpriteCache    *self,
                                     cairo_t               *cr,
                                     guint                  key,
                                     double                 radius,
                                     double                 x,
                                     double                 y,
                                     ReadoutSpriteDrawFunc  draw,
                                     gconstpointer          data);

G_END_DECLS
