#pragma once

#include <gtk/gtk.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_COMPARE_PAGE (readout_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutComparePage, readout_compare_page, READOUT, COMPARE_PAGE, GtkWidget)

GtkWidget   *readout_compare_page_new       (void);
void         readout_compare_page_set_store (ReadoutComparePage *self,
                                             ReadoutStore       *store);
ReadoutCall *readout_compare_page_get_call  (ReadoutComparePage *self);
void         readout_compare_page_set_call  (ReadoutComparePage *self,
                                             ReadoutCall        *call);

G_END_DECLS
