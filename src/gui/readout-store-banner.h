// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* ReadoutStoreBanner: one line across the window about the store as a whole: that it may
 * be read but not changed, or that its server went away, with an optional button
 * (Reconnect). An AdwBanner where libadwaita has one (1.3), a styled bar in a revealer on
 * 1.2. Emits ::button-clicked. */

#define READOUT_TYPE_STORE_BANNER (readout_store_banner_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutStoreBanner, readout_store_banner, READOUT, STORE_BANNER, AdwBin)

/* Shows @title; with a button labelled @button_label unless it is NULL. */
void        readout_store_banner_show        (ReadoutStoreBanner *self,
                                              const char         *title,
                                              const char         *button_label);
void        readout_store_banner_hide        (ReadoutStoreBanner *self);
gboolean    readout_store_banner_is_shown    (ReadoutStoreBanner *self);
/* The text shown, or NULL when hidden (for tests). */
const char *readout_store_banner_get_title   (ReadoutStoreBanner *self);

G_END_DECLS
