#define G_LOG_DOMAIN "readout-safe-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "readout-error.h"
#include "readout-safe-file.h"

struct _ReadoutSafeFile
{
  char *path;
  char *temp_path;
  GFileOutputStream *stream;
  gboolean committed;
};

static void
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO, _("Could not write “%s”: %s."),
               path, g_strerror (saved_errno));
}

/**
 * readout_safe_file_new:
 * @path: the file to write in the end
 *
 * Creates the temporary file beside @path. Fails at once, before any work, when the
 * folder does not exist or cannot be written, or @path is a folder.
 *
 * Returns: (transfer full): the new file, or %NULL with @error set
 */
ReadoutSafeFile *
readout_safe_file_new (const char  *path,
                       GError     **error)
{
  g_autoptr(ReadoutSafeFile) self = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (path[0] == '\0')
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, _("No file name was given to write to."));
      return NULL;
    }
  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Could not write “%s”: the folder “%s” does not exist."), path, folder);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Could not write “%s”: it is a folder."), path);
      return NULL;
    }

  self = g_new0 (ReadoutSafeFile, 1);
  self->path = g_strdup (path);

  /* O_EXCL with a random name rather than mkstemp(), so the file gets the usual
   * permissions (0666 less the umask) instead of 0600. */
  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", base, g_random_int ());
      g_autofree char *temp_path = g_build_filename (folder, name, NULL);
      int fd = g_open (temp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

      if (fd >= 0)
        {
          close (fd);
          self->temp_path = g_steal_pointer (&temp_path);
          break;
        }
      if (errno != EEXIST || attempt >= 100)
        {
          set_io_error (error, path, errno);
          return NULL;
        }
    }
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
  int fd;

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
  fd = g_open (self->temp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      set_io_error (error, self->path, saved_errno);
      return FALSE;
    }
  close (fd);

  if (g_rename (self->temp_path, self->path) != 0)
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
  if (!self->committed && self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}
