// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-search-provider"

#include "config.h"

#include "readout-format.h"
#include "readout-search-hit.h"
#include "readout-search-provider.h"
#include "readout-store.h"

/* At most this many calls go back to the Shell, which shows a handful anyway. */
#define MAX_RESULTS 20

struct _ReadoutSearchProvider
{
  GObject parent_instance;

  char *store_path;
  ReadoutStore *store;       /* opened on the first search */
  GDBusConnection *connection;
  guint registration_id;
};

G_DEFINE_FINAL_TYPE (ReadoutSearchProvider, readout_search_provider, G_TYPE_OBJECT)

enum {
  SIGNAL_ACTIVATE_CALL,
  SIGNAL_LAUNCH_SEARCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* The user's store, or NULL while there is none: searching never creates one. */
static ReadoutStore *
get_store (ReadoutSearchProvider *self)
{
  if (self->store == NULL && g_file_test (self->store_path, G_FILE_TEST_EXISTS))
    self->store = readout_store_open (self->store_path, NULL);
  return self->store;
}

static void
add_call (GPtrArray  *results,
          GHashTable *seen,
          gint64      call_id)
{
  char *id = g_strdup_printf ("%" G_GINT64_FORMAT, call_id);

  if (results->len >= MAX_RESULTS || g_hash_table_contains (seen, id))
    {
      g_free (id);
      return;
    }
  g_hash_table_add (seen, id);
  g_ptr_array_add (results, id);
}

/* A leader named by the terms gives their latest calls; then the full-text hits. */
static GVariant *
search (ReadoutSearchProvider *self,
        const char * const    *terms)
{
  g_autofree char *query = g_strjoinv (" ", (char **) terms);
  g_autoptr(GPtrArray) results = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ReadoutStore *store = get_store (self);

  if (store != NULL && g_utf8_strlen (query, -1) >= 2)
    {
      g_autoptr(ReadoutLeader) leader = readout_store_find_leader (store, query, NULL);
      g_autoptr(GListModel) hits = readout_store_search (store, query, NULL);

      if (leader != NULL)
        {
          g_autoptr(GListModel) calls = readout_store_list_calls (store, readout_leader_get_id (leader), 0);

          for (guint i = 0; i < MIN (g_list_model_get_n_items (calls), MAX_RESULTS); i++)
            {
              g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);

              add_call (results, seen, readout_call_get_id (call));
            }
        }
      for (guint i = 0; hits != NULL && i < g_list_model_get_n_items (hits) && results->len < MAX_RESULTS; i++)
        {
          g_autoptr(ReadoutSearchHit) hit = g_list_model_get_item (hits, i);

          add_call (results, seen, readout_search_hit_get_call_id (hit));
        }
    }
  return g_variant_new ("(@as)", g_variant_new_strv ((const char * const *) results->pdata, results->len));
}

static GVariant *
result_meta (ReadoutSearchProvider *self,
             const char            *identifier)
{
  g_autoptr(ReadoutCall) call = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *topics = NULL;
  g_autofree char *description = NULL;
  GVariantBuilder meta;
  gint64 call_id = g_ascii_strtoll (identifier, NULL, 10);

  if (get_store (self) == NULL || call_id <= 0 ||
      (call = readout_store_get_call (self->store, call_id, NULL)) == NULL)
    return NULL;
  name = g_strjoinv (" – ", (char **) readout_call_get_participant_names (call));
  date = readout_format_date (readout_call_get_date (call), readout_call_get_date_precision (call));
  topics = g_strjoinv (", ", (char **) readout_call_get_topics (call));
  description = topics[0] != '\0' ? g_strdup_printf ("%s · %s", date, topics) : g_strdup (date);

  g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (identifier));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (name));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  return g_variant_builder_end (&meta);
}

static GVariant *
result_metas (ReadoutSearchProvider *self,
              const char * const    *identifiers)
{
  GVariantBuilder metas;

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; identifiers[i] != NULL; i++)
    {
      GVariant *meta = result_meta (self, identifiers[i]);

      if (meta != NULL)
        g_variant_builder_add_value (&metas, meta);
    }
  return g_variant_new ("(aa{sv})", &metas);
}

static void
method_called (GDBusConnection       *connection,
               const char            *sender,
               const char            *object_path,
               const char            *interface_name,
               const char            *method_name,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation,
               gpointer               user_data)
{
  ReadoutSearchProvider *self = user_data;
  GApplication *application = g_application_get_default ();
  g_autofree const char **terms = NULL;
  g_autofree const char **identifiers = NULL;
  const char *identifier;
  guint32 timestamp;

  /* A search keeps a D-Bus-activated app alive while it answers. */
  if (application != NULL)
    g_application_hold (application);
  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_variant_get (parameters, "(^a&s)", &terms);
      g_dbus_method_invocation_return_value (invocation, search (self, terms));
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_variant_get (parameters, "(^a&s^a&s)", &identifiers, &terms);
      g_dbus_method_invocation_return_value (invocation, search (self, terms));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_variant_get (parameters, "(^a&s)", &identifiers);
      g_dbus_method_invocation_return_value (invocation, result_metas (self, identifiers));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      g_variant_get (parameters, "(&s^a&su)", &identifier, &terms, &timestamp);
      g_signal_emit (self, signals[SIGNAL_ACTIVATE_CALL], 0, g_ascii_strtoll (identifier, NULL, 10));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      g_signal_emit (self, signals[SIGNAL_LAUNCH_SEARCH], 0, terms);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
  if (application != NULL)
    g_application_release (application);
}

static const GDBusInterfaceVTable vtable = { method_called, NULL, NULL, { NULL } };

gboolean
readout_search_provider_export (ReadoutSearchProvider  *self,
                                GDBusConnection        *connection,
                                const char             *object_path,
                                GError                **error)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, error);

  g_return_val_if_fail (READOUT_IS_SEARCH_PROVIDER (self), FALSE);

  if (info == NULL)
    return FALSE;
  self->registration_id = g_dbus_connection_register_object (connection, object_path, info->interfaces[0],
                                                             &vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  return TRUE;
}

void
readout_search_provider_unexport (ReadoutSearchProvider *self)
{
  g_return_if_fail (READOUT_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}

static void
readout_search_provider_dispose (GObject *object)
{
  ReadoutSearchProvider *self = READOUT_SEARCH_PROVIDER (object);

  readout_search_provider_unexport (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->store_path, g_free);
  G_OBJECT_CLASS (readout_search_provider_parent_class)->dispose (object);
}

static void
readout_search_provider_class_init (ReadoutSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = readout_search_provider_dispose;

  signals[SIGNAL_ACTIVATE_CALL] = g_signal_new ("activate-call", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_LAUNCH_SEARCH] = g_signal_new ("launch-search", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
readout_search_provider_init (ReadoutSearchProvider *self)
{
}

ReadoutSearchProvider *
readout_search_provider_new (const char *store_path)
{
  ReadoutSearchProvider *self = g_object_new (READOUT_TYPE_SEARCH_PROVIDER, NULL);

  self->store_path = g_strdup (store_path);
  return self;
}
