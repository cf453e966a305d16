// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-safe-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "readout-error.h"
#include "readout-safe-file.h"

struct _ReadoutSafeFile
{
  char *path;       /* the file the user named */
  char *target;     /* what it names once symbolic links are followed: the file replaced */
  char *temp_path;
  int lock_fd;      /* holds a flock on the temporary file while it is in use */
  GFileOutputStream *stream;
  gboolean committed;
};

/* The stores this process has open. An export must never replace one of them, nor
 * their -wal or -shm files, whatever name or link leads there. */
G_LOCK_DEFINE_STATIC (protected_paths);
static GPtrArray *protected_paths;

static const char * const store_suffixes[] = { "", "-wal", "-shm", "-journal" };

static void
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO, _("Could not write “%s”: %s."),
               path, g_strerror (saved_errno));
}

/**
 * readout_safe_file_protect:
 * @path: a store's file
 *
 * Refuses, from now until readout_safe_file_unprotect(), every safe file that would
 * replace @path or its -wal, -shm or -journal file. May be called more than once for a
 * path; each call needs its own unprotect.
 */
void
readout_safe_file_protect (const char *path)
{
  g_return_if_fail (path != NULL);

  G_LOCK (protected_paths);
  if (protected_paths == NULL)
    protected_paths = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (protected_paths, g_strdup (path));
  G_UNLOCK (protected_paths);
}

void
readout_safe_file_unprotect (const char *path)
{
  g_return_if_fail (path != NULL);

  G_LOCK (protected_paths);
  for (guint i = 0; protected_paths != NULL && i < protected_paths->len; i++)
    if (g_str_equal (g_ptr_array_index (protected_paths, i), path))
      {
        g_ptr_array_remove_index (protected_paths, i);
        break;
      }
  G_UNLOCK (protected_paths);
}

static gboolean
same_inode (const GStatBuf *a,
            const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether @target (links followed) is @store or one of its companion files: the same
 * inode when @target exists; when it does not, the same folder and the same name, since
 * SQLite would open a file created there as the store's log. */
static gboolean
is_store_file (const char *target,
               const char *store)
{
  g_autofree char *target_folder = g_path_get_dirname (target);
  g_autofree char *target_base = g_path_get_basename (target);
  g_autofree char *store_folder = g_path_get_dirname (store);
  g_autofree char *store_base = g_path_get_basename (store);
  GStatBuf target_st, st, target_folder_st, store_folder_st;
  gboolean target_exists = g_stat (target, &target_st) == 0;
  gboolean same_folder = g_stat (target_folder, &target_folder_st) == 0 &&
                         g_stat (store_folder, &store_folder_st) == 0 &&
                         same_inode (&target_folder_st, &store_folder_st);

  for (guint i = 0; i < G_N_ELEMENTS (store_suffixes); i++)
    {
      g_autofree char *name = g_strconcat (store, store_suffixes[i], NULL);
      g_autofree char *base = g_strconcat (store_base, store_suffixes[i], NULL);

      if (target_exists && g_stat (name, &st) == 0 && same_inode (&target_st, &st))
        return TRUE;
      if (!target_exists && same_folder && g_str_equal (target_base, base))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_protected (const char *target)
{
  gboolean found = FALSE;

  G_LOCK (protected_paths);
  for (guint i = 0; !found && protected_paths != NULL && i < protected_paths->len; i++)
    found = is_store_file (target, g_ptr_array_index (protected_paths, i));
  G_UNLOCK (protected_paths);
  return found;
}

/* Follows @path's symbolic links, even one that leads to a file not yet written, so the
 * export replaces the file the link points to and the link stays. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth < 40; depth++)
    {
      g_autofree char *link = NULL;
      g_autofree char *folder = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return g_steal_pointer (&current);
      folder = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link)
                                          : g_build_filename (folder, link, NULL);
    }
  set_io_error (error, path, ELOOP);
  return NULL;
}

/* Refuses a target that is not a regular file or a new one, in one sentence. */
static gboolean
check_target (const char  *path,
              const char  *target,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  GStatBuf st;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Could not write “%s”: the folder “%s” does not exist."), path, folder);
      return FALSE;
    }
  if (g_stat (target, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Could not write “%s”: it is a folder."), path);
      return FALSE;
    }
  if (g_stat (target, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Could not write “%s”: it is a device, pipe or socket, not a file; "
                     "choose a file name."), path);
      return FALSE;
    }
  if (is_protected (target))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("Could not write “%s”: that is the open store (or its log), which "
                     "the export would destroy; choose another file."), path);
      return FALSE;
    }
  return TRUE;
}

#define TEMP_SUFFIX ".readout.tmp"

/* A temporary file of an export to @base: ".BASE.XXXXXXXX.readout.tmp", or one of
 * SQLite's files beside it (-journal, -wal, -shm). Returns the length of the name
 * without the SQLite suffix, or 0 when @name is no such file. */
static gsize
temp_name_length (const char *name,
                  const char *base)
{
  gsize base_length = strlen (base);
  const char *rest;

  if (name[0] != '.' || strncmp (name + 1, base, base_length) != 0 || name[1 + base_length] != '.')
    return 0;
  rest = name + 2 + base_length;
  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isxdigit (rest[i]))
      return 0;
  if (strncmp (rest + 8, TEMP_SUFFIX, strlen (TEMP_SUFFIX)) != 0)
    return 0;
  rest += 8 + strlen (TEMP_SUFFIX);
  for (guint i = 0; i < G_N_ELEMENTS (store_suffixes); i++)
    if (g_str_equal (rest, store_suffixes[i]))
      return (gsize) (rest - name);
  return 0;
}

/* Whether no live export holds @path's lock (it was killed half way), or @path is gone. */
static gboolean
temp_is_stale (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
  gboolean stale;

  if (fd < 0)
    return errno == ENOENT;
  stale = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return stale;
}

/* Removes what killed exports to @base left in @folder: their temporary files and the
 * journal files SQLite made beside them. A running export keeps its file locked, so
 * its files stay. */
static void
remove_stale_temps (const char *folder,
                    const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gsize length = temp_name_length (name, base);
      g_autofree char *path = NULL;
      g_autofree char *main_name = NULL;
      g_autofree char *main_path = NULL;

      if (length == 0)
        continue;
      main_name = g_strndup (name, length);
      main_path = g_build_filename (folder, main_name, NULL);
      path = g_build_filename (folder, name, NULL);
      if (temp_is_stale (main_path))
        g_unlink (path);
    }
}

/* Creates the temporary file, locked, beside @self->target. */
static gboolean
create_temp (ReadoutSafeFile  *self,
             GError          **error)
{
  g_autofree char *folder = g_path_get_dirname (self->target);
  g_autofree char *base = g_path_get_basename (self->target);

  remove_stale_temps (folder, base);

  /* O_EXCL with a random name rather than mkstemp(), so the file gets the usual
   * permissions (0666 less the umask) instead of 0600. */
  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x" TEMP_SUFFIX, base, g_random_int ());
      g_autofree char *temp_path = g_build_filename (folder, name, NULL);
      int fd = g_open (temp_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

      if (fd >= 0)
        {
          /* flock, not fcntl: SQLite's own fcntl locks on the file are not disturbed. */
          flock (fd, LOCK_EX);
          self->lock_fd = fd;
          self->temp_path = g_steal_pointer (&temp_path);
          return TRUE;
        }
      if (errno != EEXIST || attempt >= 100)
        {
          set_io_error (error, self->path, errno);
          return FALSE;
        }
    }
}

/**
 * readout_safe_file_new:
 * @path: the file to write in the end
 *
 * Creates the temporary file beside @path, or beside the file it links to. Fails at
 * once, before any work, when the folder does not exist or cannot be written, or @path
 * is a folder, a device, a pipe, or a store this process has open.
 *
 * Returns: (transfer full): the new file, or %NULL with @error set
 */
ReadoutSafeFile *
readout_safe_file_new (const char  *path,
                       GError     **error)
{
  g_autoptr(ReadoutSafeFile) self = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (path[0] == '\0')
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, _("No file name was given to write to."));
      return NULL;
    }
  target = resolve_links (path, error);
  if (target == NULL || !check_target (path, target, error))
    return NULL;

  self = g_new0 (ReadoutSafeFile, 1);
  self->path = g_strdup (path);
  self->target = g_steal_pointer (&target);
  self->lock_fd = -1;
  if (!create_temp (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

GOutputStream *
readout_safe_file_get_stream (ReadoutSafeFile  *self,
                              GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (!self->committed, NULL);

  if (self->stream != NULL)
    return G_OUTPUT_STREAM (self->stream);

  file = g_file_new_for_path (self->temp_path);
  self->stream = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &local_error);
  if (self->stream == NULL)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO, _("Could not write “%s”: %s."),
                   self->path, local_error->message);
      return NULL;
    }
  return G_OUTPUT_STREAM (self->stream);
}

const char *
readout_safe_file_get_temp_path (ReadoutSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

const char *
readout_safe_file_get_path (ReadoutSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

gboolean
readout_safe_file_commit (ReadoutSafeFile  *self,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (self->stream != NULL &&
      !g_output_stream_close (G_OUTPUT_STREAM (self->stream), NULL, &local_error))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO, _("Could not write “%s”: %s."),
                   self->path, local_error->message);
      return FALSE;
    }

  /* The data must be on disk before the rename makes it the target, or a crash could
   * leave an empty file under the target's name. */
  if (fsync (self->lock_fd) != 0)
    {
      set_io_error (error, self->path, errno);
      return FALSE;
    }
  if (g_rename (self->temp_path, self->target) != 0)
    {
      set_io_error (error, self->path, errno);
      return FALSE;
    }
  self->committed = TRUE;
  return TRUE;
}

void
readout_safe_file_free (ReadoutSafeFile *self)
{
  if (self == NULL)
    return;
  if (self->stream != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (self->stream)))
    g_output_stream_close (G_OUTPUT_STREAM (self->stream), NULL, NULL);
  g_clear_object (&self->stream);
  /* SQLite's files beside the temporary file go with it, whatever happened. */
  for (guint i = 0; self->temp_path != NULL && i < G_N_ELEMENTS (store_suffixes); i++)
    {
      g_autofree char *name = g_strconcat (self->temp_path, store_suffixes[i], NULL);

      if (i > 0 || !self->committed)
        g_unlink (name);
    }
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->temp_path);
  g_free (self->target);
  g_free (self->path);
  g_free (self);
}
