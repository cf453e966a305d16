// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "readout-store.h"

G_BEGIN_DECLS

/* Small helpers the panes share; no types here. */

/* A compact date for list rows: "21 Nov 2017", "Nov 2017", "2017"; NULL for no date. */
char       *readout_gui_format_short_date  (const char           *iso_date,
                                            ReadoutDatePrecision  precision);
/* The icon that goes beside a call's status word (never colour or icon alone). */
const char *readout_gui_call_status_icon   (ReadoutCallStatus     status);
/* "Trump – Putin": the surnames of the first @n of @names, as the calls pane names a call. */
char       *readout_gui_short_names        (const char * const   *names,
                                            guint                 n);
/* "Donald Trump and Vladimir Putin", or "A, B and C". */
char       *readout_gui_join_names         (const char * const   *names);
/* A label with @text as plain text and the given style classes (NULL-terminated). */
GtkWidget  *readout_gui_label_new          (const char           *text,
                                            const char           *first_class,
                                            ...) G_GNUC_NULL_TERMINATED;
/* Removes every child of a GtkBox or GtkFlowBox. */
void        readout_gui_remove_children    (GtkWidget            *container);
/* The store's leaders by name after a stand-in leader with id 0 named "Anyone", for a
 * drop-down that filters by leader; only the stand-in without a store. */
GListModel *readout_gui_leaders_with_anyone (ReadoutStore         *store,
                                             GtkFilter            *filter);
/* Calls @callback (swapped: @data first) when @dropdown opens its list, so that a long
 * list is built only then; FALSE if this GTK's drop-down has no popover to watch. */
gboolean    readout_gui_drop_down_connect_opened (GtkDropDown      *dropdown,
                                                  GCallback         callback,
                                                  gpointer          data);
/* Gives @button @menu when it first opens rather than now. */
void        readout_gui_menu_button_set_menu_on_open (GtkMenuButton *button,
                                                      GMenuModel    *menu);
/* "Anyone" and @leader alone: what a closed drop-down of leaders needs to show. */
GListModel *readout_gui_anyone_and          (ReadoutLeader        *leader);
/* The leader's country in the user's language ("Россия"), or NULL. */
const char *readout_gui_leader_country      (ReadoutLeader        *leader);
/* Fills @box with one small label a topic; with @action_name (nullable) each is a button
 * that activates it with the topic's name. */
void        readout_gui_fill_topics        (GtkWidget            *box,
                                            const char * const   *topics,
                                            const char           *action_name);
/* A box whose children (tags such as topics) flow in lines at their natural width. */
GtkWidget  *readout_gui_tags_box_new      (int                 spacing);
void        readout_gui_use_wrap_layout   (GtkWidget          *box,
                                           int                 spacing);
/* Whether one click on a row of @view activates it, as Enter and a double click do: the
 * narrow layout and the search results, where a selected row alone shows nothing. */
void        readout_gui_set_single_click   (GtkWidget            *view,
                                            gboolean              single_click);
/* The sentence under the import buttons of the welcome page and of an empty store: drop
 * works, and the shortcuts of Import and Paste. */
char       *readout_gui_import_hint        (void);

G_END_DECLS
