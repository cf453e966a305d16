// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <sqlite3.h>
#include <unistd.h>

#include "crash-vfs.h"

/* Each open file: our methods in front, the default VFS's file right after. */
typedef struct {
  sqlite3_file base;
  gboolean main_db;
  sqlite3_file *real;
} CrashFile;

#define MAX_REMEMBERED 100000

static sqlite3_vfs *real_vfs;
static sqlite3_vfs crash_vfs;
static CrashVfsMode mode;
static guint fail_at;
static guint writes;
static guint main_writes;
static guint8 *write_is_main;

static int
crash_close (sqlite3_file *file)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xClose (self->real);
}

static int
crash_read (sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xRead (self->real, buffer, amount, offset);
}

static int
crash_write (sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  CrashFile *self = (CrashFile *) file;

  writes++;
  if (self->main_db)
    main_writes++;
  if (mode == CRASH_VFS_COUNT && writes <= MAX_REMEMBERED)
    write_is_main[writes - 1] = self->main_db;
  if (mode == CRASH_VFS_EXIT && writes == fail_at)
    _exit (CRASH_VFS_EXIT_STATUS);
  if (mode == CRASH_VFS_DISK_FULL && writes >= fail_at)
    return SQLITE_FULL;
  return self->real->pMethods->xWrite (self->real, buffer, amount, offset);
}

static int
crash_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xTruncate (self->real, size);
}

static int
crash_sync (sqlite3_file *file, int flags)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xSync (self->real, flags);
}

static int
crash_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xFileSize (self->real, size);
}

static int
crash_lock (sqlite3_file *file, int lock)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xLock (self->real, lock);
}

static int
crash_unlock (sqlite3_file *file, int lock)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xUnlock (self->real, lock);
}

static int
crash_check_reserved_lock (sqlite3_file *file, int *out)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xCheckReservedLock (self->real, out);
}

static int
crash_file_control (sqlite3_file *file, int op, void *arg)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
crash_sector_size (sqlite3_file *file)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
crash_device_characteristics (sqlite3_file *file)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

static int
crash_shm_map (sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xShmMap (self->real, region, size, extend, out);
}

static int
crash_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
crash_shm_barrier (sqlite3_file *file)
{
  CrashFile *self = (CrashFile *) file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
crash_shm_unmap (sqlite3_file *file, int delete_flag)
{
  CrashFile *self = (CrashFile *) file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

/* Memory-mapped I/O is off, so writes all go through xWrite; xFetch says so. */
static int
crash_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  *out = NULL;
  return SQLITE_OK;
}

static int
crash_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *page)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods crash_io_methods = {
  3, crash_close, crash_read, crash_write, crash_truncate, crash_sync, crash_file_size,
  crash_lock, crash_unlock, crash_check_reserved_lock, crash_file_control, crash_sector_size,
  crash_device_characteristics, crash_shm_map, crash_shm_lock, crash_shm_barrier,
  crash_shm_unmap, crash_fetch, crash_unfetch,
};

static int
crash_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  CrashFile *self = (CrashFile *) file;
  int rc;

  self->real = (sqlite3_file *) (self + 1);
  self->main_db = (flags & SQLITE_OPEN_MAIN_DB) != 0;
  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  self->base.pMethods = self->real->pMethods != NULL ? &crash_io_methods : NULL;
  return rc;
}

static int
crash_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
crash_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
crash_full_pathname (sqlite3_vfs *vfs, const char *name, int size, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static int
crash_randomness (sqlite3_vfs *vfs, int size, char *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
crash_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
crash_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
crash_get_last_error (sqlite3_vfs *vfs, int size, char *out)
{
  return real_vfs->xGetLastError (real_vfs, size, out);
}

static int
crash_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
crash_vfs_install (CrashVfsMode new_mode,
                   guint        n)
{
  if (real_vfs == NULL)
    {
      real_vfs = sqlite3_vfs_find (NULL);
      crash_vfs.iVersion = 2;
      crash_vfs.szOsFile = (int) sizeof (CrashFile) + real_vfs->szOsFile;
      crash_vfs.mxPathname = real_vfs->mxPathname;
      crash_vfs.zName = "readout-crash-test";
      crash_vfs.xOpen = crash_open;
      crash_vfs.xDelete = crash_delete;
      crash_vfs.xAccess = crash_access;
      crash_vfs.xFullPathname = crash_full_pathname;
      crash_vfs.xRandomness = crash_randomness;
      crash_vfs.xSleep = crash_sleep;
      crash_vfs.xCurrentTime = crash_current_time;
      crash_vfs.xGetLastError = crash_get_last_error;
      crash_vfs.xCurrentTimeInt64 = crash_current_time_int64;
      write_is_main = g_new0 (guint8, MAX_REMEMBERED);
    }
  mode = new_mode;
  fail_at = n;
  writes = 0;
  main_writes = 0;
  sqlite3_vfs_register (&crash_vfs, 1);
}

void
crash_vfs_uninstall (void)
{
  sqlite3_vfs_unregister (&crash_vfs);
  sqlite3_vfs_register (real_vfs, 1);
}

guint
crash_vfs_get_writes (void)
{
  return writes;
}

guint
crash_vfs_get_main_writes (void)
{
  return main_writes;
}

gboolean
crash_vfs_write_is_main (guint n)
{
  return n >= 1 && n <= MAX_REMEMBERED && write_is_main[n - 1];
}
