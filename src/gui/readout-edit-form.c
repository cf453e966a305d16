// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-edit-form"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-edit-form.h"

typedef struct
{
  GtkWidget        *save_button;
  GtkWidget        *body_box;
  GtkWidget        *error_label;

  ReadoutUndoStack *undo_stack;
  gboolean          valid;
} ReadoutEditFormPrivate;

static void readout_edit_form_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (ReadoutEditForm, readout_edit_form, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (ReadoutEditForm)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, readout_edit_form_buildable_init))

enum {
  PROP_0,
  PROP_UNDO_STACK,
  PROP_VALID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GtkBuildableIface *parent_buildable_iface;

/* The children of a subclass's template are the form's groups: they go into the
 * column, after the place for the error. */
static void
readout_edit_form_add_child (GtkBuildable *buildable,
                             GtkBuilder   *builder,
                             GObject      *child,
                             const char   *type)
{
  ReadoutEditForm *self = READOUT_EDIT_FORM (buildable);
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);

  if (priv->body_box != NULL && GTK_IS_WIDGET (child) && type == NULL)
    gtk_box_append (GTK_BOX (priv->body_box), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
readout_edit_form_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = readout_edit_form_add_child;
}

static void
show_error (ReadoutEditForm *self,
            const char      *message)
{
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);

  gtk_label_set_text (GTK_LABEL (priv->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (priv->error_label, message != NULL);
}

gboolean
readout_edit_form_save (ReadoutEditForm *self)
{
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);
  ReadoutEditFormClass *klass;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (READOUT_IS_EDIT_FORM (self), FALSE);

  klass = READOUT_EDIT_FORM_GET_CLASS (self);
  if (!priv->valid || klass->save == NULL)
    return FALSE;

  if (!klass->save (self, &error))
    {
      /* The store's own sentence says what is wrong; the form stays open to fix it. */
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

      show_error (self, message);
      return FALSE;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  readout_edit_form_save (READOUT_EDIT_FORM (widget));
}

static void
readout_edit_form_dispose (GObject *object)
{
  ReadoutEditForm *self = READOUT_EDIT_FORM (object);
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);

  /* The window's content (the template's children) goes with AdwWindow's dispose;
   * gtk_widget_dispose_template() would find the subclass's rows, already disposed by
   * the subclass, inside it. */
  priv->body_box = NULL;
  priv->save_button = NULL;
  priv->error_label = NULL;
  g_clear_object (&priv->undo_stack);

  G_OBJECT_CLASS (readout_edit_form_parent_class)->dispose (object);
}

static void
readout_edit_form_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ReadoutEditForm *self = READOUT_EDIT_FORM (object);
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UNDO_STACK:
      g_value_set_object (value, priv->undo_stack);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, priv->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_edit_form_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ReadoutEditForm *self = READOUT_EDIT_FORM (object);
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UNDO_STACK:
      priv->undo_stack = g_value_dup_object (value);
      break;
    case PROP_VALID:
      readout_edit_form_set_valid (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_edit_form_class_init (ReadoutEditFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_edit_form_dispose;
  object_class->get_property = readout_edit_form_get_property;
  object_class->set_property = readout_edit_form_set_property;

  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL,
                         READOUT_TYPE_UNDO_STACK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReadoutEditForm::saved:
   *
   * The change is in the store; the form closes next.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-edit-form.ui");
  gtk_widget_class_bind_template_child_private (widget_class, ReadoutEditForm, save_button);
  gtk_widget_class_bind_template_child_private (widget_class, ReadoutEditForm, body_box);
  gtk_widget_class_bind_template_child_private (widget_class, ReadoutEditForm, error_label);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
}

static void
readout_edit_form_init (ReadoutEditForm *self)
{
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), priv->save_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", FALSE);
}

ReadoutUndoStack *
readout_edit_form_get_undo_stack (ReadoutEditForm *self)
{
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);

  g_return_val_if_fail (READOUT_IS_EDIT_FORM (self), NULL);

  return priv->undo_stack;
}

ReadoutStore *
readout_edit_form_get_store (ReadoutEditForm *self)
{
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);

  g_return_val_if_fail (READOUT_IS_EDIT_FORM (self), NULL);

  return priv->undo_stack != NULL ? readout_undo_stack_get_store (priv->undo_stack) : NULL;
}

void
readout_edit_form_set_valid (ReadoutEditForm *self,
                             gboolean         valid)
{
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);

  g_return_if_fail (READOUT_IS_EDIT_FORM (self));

  valid = !!valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", valid);
  if (priv->valid == valid)
    return;

  priv->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

gboolean
readout_edit_form_get_valid (ReadoutEditForm *self)
{
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);

  g_return_val_if_fail (READOUT_IS_EDIT_FORM (self), FALSE);

  return priv->valid;
}

const char *
readout_edit_form_get_error (ReadoutEditForm *self)
{
  ReadoutEditFormPrivate *priv = readout_edit_form_get_instance_private (self);

  g_return_val_if_fail (READOUT_IS_EDIT_FORM (self), NULL);

  return gtk_widget_get_visible (priv->error_label) ? gtk_label_get_text (GTK_LABEL (priv->error_label)) : NULL;
}
