// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-conflict"

#include "config.h"

#include "readout-conflict.h"

typedef struct {
  char *value;
  gint64 source_id;
  char *source_publisher;
} Claim;

static void
claim_free (Claim *claim)
{
  g_free (claim->value);
  g_free (claim->source_publisher);
  g_free (claim);
}

/* A fact of a call on which sources disagree, with every claim and its source. */

struct _ReadoutConflict
{
  GObject parent_instance;

  gint64 id;
  gint64 call_id;
  char *field;

  GPtrArray *claims;
};

G_DEFINE_FINAL_TYPE (ReadoutConflict, readout_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CALL_ID,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
readout_conflict_finalize (GObject *object)
{
  ReadoutConflict *self = READOUT_CONFLICT (object);

  g_free (self->field);
  g_clear_pointer (&self->claims, g_ptr_array_unref);

  G_OBJECT_CLASS (readout_conflict_parent_class)->finalize (object);
}

static void
readout_conflict_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ReadoutConflict *self = READOUT_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CALL_ID:
      g_value_set_int64 (value, self->call_id);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_conflict_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ReadoutConflict *self = READOUT_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_ID:
      readout_conflict_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CALL_ID:
      readout_conflict_set_call_id (self, g_value_get_int64 (value));
      break;

    case PROP_FIELD:
      readout_conflict_set_field (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_conflict_class_init (ReadoutConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_conflict_finalize;
  object_class->get_property = readout_conflict_get_property;
  object_class->set_property = readout_conflict_set_property;

  /* The row id in the store, 0 until stored */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The call */
  properties[PROP_CALL_ID] =
    g_param_spec_int64 ("call-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Which fact: "date", "weekday", "duration", "initiator" or "status" */
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
readout_conflict_init (ReadoutConflict *self)
{
  self->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_free);
}

ReadoutConflict *
readout_conflict_new (void)
{
  return g_object_new (READOUT_TYPE_CONFLICT, NULL);
}

gint64
readout_conflict_get_id (ReadoutConflict *self)
{
  g_return_val_if_fail (READOUT_IS_CONFLICT (self), 0);

  return self->id;
}

gint64
readout_conflict_get_call_id (ReadoutConflict *self)
{
  g_return_val_if_fail (READOUT_IS_CONFLICT (self), 0);

  return self->call_id;
}

const char *
readout_conflict_get_field (ReadoutConflict *self)
{
  g_return_val_if_fail (READOUT_IS_CONFLICT (self), NULL);

  return self->field;
}

void
readout_conflict_set_id (ReadoutConflict *self,
                            gint64 value)
{
  g_return_if_fail (READOUT_IS_CONFLICT (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
readout_conflict_set_call_id (ReadoutConflict *self,
                                 gint64 value)
{
  g_return_if_fail (READOUT_IS_CONFLICT (self));

  if (self->call_id == value)
    return;

  self->call_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_ID]);
}

void
readout_conflict_set_field (ReadoutConflict *self,
                               const char *value)
{
  g_return_if_fail (READOUT_IS_CONFLICT (self));

  if (g_strcmp0 (self->field, value) == 0)
    return;

  g_free (self->field);
  self->field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

void
readout_conflict_add_claim (ReadoutConflict *self,
                            const char      *value,
                            gint64           source_id,
                            const char      *source_publisher)
{
  Claim *claim;

  g_return_if_fail (READOUT_IS_CONFLICT (self));
  g_return_if_fail (value != NULL);

  claim = g_new0 (Claim, 1);
  claim->value = g_strdup (value);
  claim->source_id = source_id;
  claim->source_publisher = g_strdup (source_publisher);
  g_ptr_array_add (self->claims, claim);
}

guint
readout_conflict_get_n_claims (ReadoutConflict *self)
{
  g_return_val_if_fail (READOUT_IS_CONFLICT (self), 0);

  return self->claims->len;
}

const char *
readout_conflict_get_claim_value (ReadoutConflict *self,
                                  guint            index)
{
  g_return_val_if_fail (READOUT_IS_CONFLICT (self), NULL);
  g_return_val_if_fail (index < self->claims->len, NULL);

  return ((Claim *) g_ptr_array_index (self->claims, index))->value;
}

gint64
readout_conflict_get_claim_source_id (ReadoutConflict *self,
                                      guint            index)
{
  g_return_val_if_fail (READOUT_IS_CONFLICT (self), 0);
  g_return_val_if_fail (index < self->claims->len, 0);

  return ((Claim *) g_ptr_array_index (self->claims, index))->source_id;
}

const char *
readout_conflict_get_claim_source_publisher (ReadoutConflict *self,
                                             guint            index)
{
  g_return_val_if_fail (READOUT_IS_CONFLICT (self), NULL);
  g_return_val_if_fail (index < self->claims->len, NULL);

  return ((Claim *) g_ptr_array_index (self->claims, index))->source_publisher;
}
