// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An SQLite VFS for crash tests: it passes everything to the default VFS and counts the
 * writes (to the main file, its log and journals), and on the Nth write either ends the
 * process at once, as SIGKILL would (what was written so far stays, nothing is flushed
 * or closed), or fails that write and every later one as a full disk would. */
typedef enum {
  CRASH_VFS_COUNT,      /* only count */
  CRASH_VFS_EXIT,       /* _exit (CRASH_VFS_EXIT_STATUS) on write N */
  CRASH_VFS_DISK_FULL,  /* SQLITE_FULL from write N on */
} CrashVfsMode;

#define CRASH_VFS_EXIT_STATUS 77

/* Registers the VFS as SQLite's default (once per process) and arms it; write numbers
 * start at 1 and count from this call. */
void  crash_vfs_install   (CrashVfsMode mode,
                           guint        n);
/* Makes the plain default VFS the default again. */
void  crash_vfs_uninstall (void);
guint crash_vfs_get_writes      (void);
/* How many of the writes went to a main database file (a checkpoint, or a rollback
 * journal's commit), not to its log. */
guint crash_vfs_get_main_writes (void);
/* Whether write @n (1-based, since install) went to a main database file. Only for
 * writes counted in CRASH_VFS_COUNT mode; up to 100000 are remembered. */
gboolean crash_vfs_write_is_main (guint n);

G_END_DECLS
