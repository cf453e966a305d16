// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-input-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "readout-error.h"
#include "readout-input-file.h"

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, READOUT_ERROR, saved_errno == ENOENT ? READOUT_ERROR_NOT_FOUND : READOUT_ERROR_IO,
               _("Could not read “%s”: %s."), path, g_strerror (saved_errno));
}

/* Opens @path for reading and checks, on the opened file, that it is a regular one. */
static int
open_regular (const char  *path,
              struct stat *st,
              GError     **error)
{
  /* O_NONBLOCK: opening a FIFO waits for a writer otherwise. */
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return -1;
    }
  if (fstat (fd, st) != 0)
    {
      set_errno_error (error, path, errno);
      close (fd);
      return -1;
    }
  if (S_ISDIR (st->st_mode))
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                 _("“%s” is a folder; import the files in it instead."), path);
  else if (!S_ISREG (st->st_mode))
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                 _("“%s” is not a regular file but a device, pipe or socket; save what it "
                   "holds to a file and import that."), path);
  else
    {
      /* Reads of a regular file never wait; back to plain blocking reads. */
      fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
      return fd;
    }
  close (fd);
  return -1;
}

char *
readout_input_file_read (const char  *path,
                         gsize        max_size,
                         gsize       *length,
                         gboolean    *too_large,
                         GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize capacity, used = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  *too_large = FALSE;
  fd = open_regular (path, &st, error);
  if (fd < 0)
    return NULL;
  if (st.st_size < 0 || (guint64) st.st_size > max_size)
    {
      close (fd);
      *too_large = TRUE;
      return NULL;
    }

  /* One byte past the limit tells a file that grew since fstat() from one that fits. */
  capacity = (gsize) st.st_size + 1;
  data = g_malloc (capacity + 1);
  for (;;)
    {
      gssize n;

      if (used == capacity && capacity <= max_size)
        {
          capacity = MIN (capacity * 2, max_size + 1);
          data = g_realloc (data, capacity + 1);
        }
      if (used == capacity)
        break;
      n = read (fd, data + used, capacity - used);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, path, errno);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      used += (gsize) n;
    }
  close (fd);
  if (used > max_size)
    {
      *too_large = TRUE;
      return NULL;
    }
  data[used] = '\0';
  *length = used;
  return g_steal_pointer (&data);
}
