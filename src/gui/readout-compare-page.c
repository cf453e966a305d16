#define G_LOG_DOMAIN "readout-compare-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "readout-compare-page.h"

/* The Compare page of the call detail. Until the comparison view exists it says
 * so, rather than showing a blank page; it already follows the store and the call
 * so that the comparison can fill it without touching the window. */
struct _ReadoutComparePage
{
  GtkWidget      parent_instance;

  AdwStatusPage *status_page;

  ReadoutStore  *store;
  ReadoutCall   *call;
};

G_DEFINE_FINAL_TYPE (ReadoutComparePage, readout_compare_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
readout_compare_page_dispose (GObject *object)
{
  ReadoutComparePage *self = READOUT_COMPARE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_COMPARE_PAGE);
  /* Children the template does not bind are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->call);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (readout_compare_page_parent_class)->dispose (object);
}

static void
readout_compare_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ReadoutComparePage *self = READOUT_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_compare_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ReadoutComparePage *self = READOUT_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CALL:
      readout_compare_page_set_call (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_compare_page_class_init (ReadoutComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_compare_page_dispose;
  object_class->get_property = readout_compare_page_get_property;
  object_class->set_property = readout_compare_page_set_property;

  properties[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL,
                         READOUT_TYPE_CALL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutComparePage, status_page);

  gtk_widget_class_set_css_name (widget_class, "comparepage");
}

static void
readout_compare_page_init (ReadoutComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
readout_compare_page_new (void)
{
  return g_object_new (READOUT_TYPE_COMPARE_PAGE, NULL);
}

void
readout_compare_page_set_store (ReadoutComparePage *self,
                                ReadoutStore       *store)
{
  g_return_if_fail (READOUT_IS_COMPARE_PAGE (self));
  g_return_if_fail (store == NULL || READOUT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    readout_compare_page_set_call (self, NULL);
}

ReadoutCall *
readout_compare_page_get_call (ReadoutComparePage *self)
{
  g_return_val_if_fail (READOUT_IS_COMPARE_PAGE (self), NULL);

  return self->call;
}

void
readout_compare_page_set_call (ReadoutComparePage *self,
                               ReadoutCall        *call)
{
  g_return_if_fail (READOUT_IS_COMPARE_PAGE (self));
  g_return_if_fail (call == NULL || READOUT_IS_CALL (call));

  if (g_set_object (&self->call, call))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL]);
}
