// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/* The window's parts share this header and nothing else includes it (tests/test-layout.sh
 * checks): readout-window.c (the type, its store and navigation), readout-window-actions.c
 * (the win.* actions of the window itself), readout-window-edit.c (forms, deleting, undo,
 * backup), readout-window-import.c (files, text and web addresses to import, feeds) and,
 * with the debug-hooks option, readout-window-debug.c (READOUT_BENCH, READOUT_OPEN_FORM).
 * Other widgets reach the window by activating its actions. */

#include "readout-call-detail.h"
#include "readout-calls-pane.h"
#include "readout-compare-page.h"
#include "readout-inbox-button.h"
#include "readout-leaders-pane.h"
#include "readout-search-pane.h"
#include "readout-store-banner.h"
#include "readout-undo-stack.h"
#include "readout-window.h"

G_BEGIN_DECLS

struct _ReadoutWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  ReadoutStoreBanner   *store_banner;
  guint                 connection_watch_id;  /* a team store's, readout-window.c */
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  ReadoutInboxButton   *inbox_button;
  AdwLeaflet           *outer_leaflet;
  AdwLeaflet           *inner_leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *sidebar_separator;
  GtkWidget            *show_leaders_button;
  GtkWidget            *calls_menu_button;
  GtkLabel             *welcome_hint;
  AdwHeaderBar         *sidebar_header;
  AdwWindowTitle       *sidebar_title;
  GtkWidget            *calls_box;
  AdwHeaderBar         *calls_header;
  GtkWidget            *calls_back_button;
  AdwWindowTitle       *calls_title;
  GtkStack             *middle_stack;
  GtkWidget            *detail_box;
  AdwHeaderBar         *detail_header;
  GtkWidget            *detail_back_button;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  ReadoutLeadersPane   *leaders_pane;
  ReadoutCallsPane     *calls_pane;
  ReadoutSearchPane    *search_pane;
  ReadoutCallDetail    *call_detail;
  ReadoutComparePage   *compare_page;

  GSettings            *settings;
  ReadoutStore         *store;
  gboolean              search_mode;
  ReadoutLeaderSort     leader_sort;
  /* leader id -> the id of the call last chosen among theirs, for coming back to it */
  GHashTable           *last_calls;
  GtkNativeDialog      *open_chooser;
  GtkNativeDialog      *new_store_chooser;

  /* readout-window-edit.c: one undo stack per store, kept for the session. */
  ReadoutUndoStack     *undo_stack;
  /* The edit part's toast on show (a weak pointer): the next one takes its place. */
  AdwToast             *edit_toast;
  /* The call a change was about, to show it again after an undo or redo. */
  gint64                last_call_id;
  GtkNativeDialog      *backup_chooser;
  char                 *backup_name;
  GCancellable         *cancellable;

  /* readout-window-import.c */
  GtkNativeDialog      *import_chooser;

#ifdef READOUT_DEBUG_HOOKS
  /* readout-window-debug.c */
  gulong                bench_paint_handler;
  int                   bench_stage;
  gint64                bench_mark;
  double                bench_cpu_mark;
  guint                 bench_leader_calls;
  guint                 bench_select_idle;
  guint                 open_form_idle;
#endif
};

/* readout-window.c */
void  _readout_window_show_error      (ReadoutWindow *self,
                                       const char    *heading,
                                       const GError  *error);
void  _readout_window_show_content    (ReadoutWindow *self,
                                       GtkWidget     *inner_child);
/* Shows the calls list (not the search) and moves the focus into it. */
void  _readout_window_focus_calls     (ReadoutWindow *self);
/* Takes @toast (transfer full). */
void  _readout_window_add_toast       (ReadoutWindow *self,
                                       AdwToast      *toast);
/* What the middle pane shows: the search or the calls (the search-mode property). */
void  _readout_window_set_search_mode (ReadoutWindow *self,
                                       gboolean       enabled);

/* readout-window-actions.c */
void  _readout_window_class_actions_init (GtkWidgetClass *widget_class);

/* readout-window-edit.c */
void  _readout_window_class_edit_init (GtkWidgetClass *widget_class);
void  _readout_window_edit_init       (ReadoutWindow *self);
/* A new store starts a new undo stack; enables the edit actions for it. */
void  _readout_window_edit_set_store  (ReadoutWindow *self,
                                       ReadoutStore  *store);
void  _readout_window_edit_dispose    (ReadoutWindow *self);
/* Opens the topics window (the win.edit-topics action) and returns it, or NULL. */
GtkWindow *_readout_window_edit_open_topics (ReadoutWindow *self);

/* readout-window-import.c */
void  _readout_window_class_import_init (GtkWidgetClass *widget_class);
void  _readout_window_import_init     (ReadoutWindow *self);
void  _readout_window_import_dispose  (ReadoutWindow *self);

#ifdef READOUT_DEBUG_HOOKS
/* readout-window-debug.c: what READOUT_BENCH and READOUT_OPEN_FORM ask for, once a store
 * is shown. */
void  _readout_window_debug_store_shown (ReadoutWindow *self);
void  _readout_window_debug_dispose     (ReadoutWindow *self);
#endif

G_END_DECLS
