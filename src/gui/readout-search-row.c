// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-search-row"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-format.h"
#include "readout-gui-util.h"
#include "readout-search-row.h"

struct _ReadoutSearchRow
{
  GtkWidget         parent_instance;

  GtkLabel         *call;
  GtkLabel         *date;
  GtkLabel         *snippet;
  GtkLabel         *who;

  ReadoutSearchHit *hit;
  ReadoutStore     *store;
};

G_DEFINE_FINAL_TYPE (ReadoutSearchRow, readout_search_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIT,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Dmitry Peskov · Russia · TASS": the speaker (or the side alone), the side, the source. */
static char *
dup_who (ReadoutSearchRow *self)
{
  const char *speaker = readout_search_hit_get_speaker (self->hit);
  const char *publisher = readout_search_hit_get_source_publisher (self->hit);
  g_autofree char *side = readout_format_side (self->store, readout_search_hit_get_side (self->hit));
  GString *who = g_string_new (NULL);

  g_string_append (who, speaker != NULL && *speaker != '\0' ? speaker : side);
  if (speaker != NULL && *speaker != '\0' && side != NULL)
    {
      g_string_append (who, _(" · "));
      g_string_append (who, side);
    }
  if (publisher != NULL && *publisher != '\0')
    {
      g_string_append (who, _(" · "));
      g_string_append (who, publisher);
    }
  return g_string_free (who, FALSE);
}

static void
update (ReadoutSearchRow *self)
{
  const char *participants = readout_search_hit_get_call_participants (self->hit);
  /* The store escapes the statement's text and marks only the matched words. */
  g_autofree char *snippet = readout_search_hit_dup_snippet_markup (self->hit);
  g_autofree char *date = readout_gui_format_short_date (readout_search_hit_get_call_date (self->hit),
                                                         READOUT_DATE_PRECISION_DAY);
  g_autofree char *who = dup_who (self);

  gtk_label_set_text (self->call, participants != NULL ? participants : "");
  gtk_label_set_text (self->date, date != NULL ? date : "");
  gtk_label_set_markup (self->snippet, snippet != NULL ? snippet : "");
  gtk_label_set_text (self->who, who);
}

static void
readout_search_row_dispose (GObject *object)
{
  ReadoutSearchRow *self = READOUT_SEARCH_ROW (object);
  GtkWidget *child;

  readout_search_row_set_hit (self, NULL);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_SEARCH_ROW);
  /* The box of the first line is no template child: the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (readout_search_row_parent_class)->dispose (object);
}

static void
readout_search_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReadoutSearchRow *self = READOUT_SEARCH_ROW (object);

  switch (prop_id)
    {
    case PROP_HIT:
      g_value_set_object (value, self->hit);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_search_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReadoutSearchRow *self = READOUT_SEARCH_ROW (object);

  switch (prop_id)
    {
    case PROP_HIT:
      readout_search_row_set_hit (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      readout_search_row_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_search_row_class_init (ReadoutSearchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_search_row_dispose;
  object_class->get_property = readout_search_row_get_property;
  object_class->set_property = readout_search_row_set_property;

  properties[PROP_HIT] =
    g_param_spec_object ("hit", NULL, NULL,
                         READOUT_TYPE_SEARCH_HIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Names the sides' countries as the store knows them. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         READOUT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-search-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchRow, call);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchRow, date);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchRow, snippet);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchRow, who);

  gtk_widget_class_set_css_name (widget_class, "searchrow");
}

static void
readout_search_row_init (ReadoutSearchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
readout_search_row_new (void)
{
  return g_object_new (READOUT_TYPE_SEARCH_ROW, NULL);
}

ReadoutSearchHit *
readout_search_row_get_hit (ReadoutSearchRow *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_ROW (self), NULL);

  return self->hit;
}

/**
 * readout_search_row_set_hit:
 * @hit: (nullable): the search hit to show; %NULL when the row is not bound
 */
void
readout_search_row_set_hit (ReadoutSearchRow *self,
                            ReadoutSearchHit *hit)
{
  g_return_if_fail (READOUT_IS_SEARCH_ROW (self));
  g_return_if_fail (hit == NULL || READOUT_IS_SEARCH_HIT (hit));

  if (self->hit == hit)
    return;

  if (self->hit != NULL)
    g_signal_handlers_disconnect_by_func (self->hit, update, self);
  g_set_object (&self->hit, hit);
  if (hit != NULL)
    {
      g_signal_connect_swapped (hit, "notify", G_CALLBACK (update), self);
      update (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIT]);
}

ReadoutStore *
readout_search_row_get_store (ReadoutSearchRow *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_ROW (self), NULL);

  return self->store;
}

void
readout_search_row_set_store (ReadoutSearchRow *self,
                              ReadoutStore     *store)
{
  g_return_if_fail (READOUT_IS_SEARCH_ROW (self));
  g_return_if_fail (store == NULL || READOUT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  if (self->hit != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
