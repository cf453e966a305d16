// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-edit-util"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "readout-country-translation.h"
#include "readout-edit-util.h"
#include "readout-format.h"

#define COUNTRIES_RESOURCE "/io/github/readout/Readout/core/countries.tsv"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char * const *row_a = *(const char * const **) a;
  const char * const *row_b = *(const char * const **) b;

  return g_utf8_collate (row_a[1], row_b[1]);
}

GListModel *
readout_edit_countries_new (const char *none_label)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (COUNTRIES_RESOURCE, 0, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GtkStringList *list = gtk_string_list_new (NULL);
  g_auto(GStrv) lines = NULL;

  if (none_label != NULL)
    gtk_string_list_append (list, none_label);

  /* The same list the store checks codes against, so every choice is accepted. */
  if (bytes == NULL)
    return G_LIST_MODEL (list);

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char **fields = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (fields) >= 2 && *fields[0] != '\0')
        {
          /* Listed, and sorted, by the name in the user's language. */
          char *name = g_strdup (readout_country_name_translate (fields[0], fields[1]));

          g_free (fields[1]);
          fields[1] = name;
          g_ptr_array_add (rows, fields);
        }
      else
        g_strfreev (fields);
    }
  g_ptr_array_sort (rows, compare_names);

  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = g_ptr_array_index (rows, i);
      GObject *item;

      gtk_string_list_append (list, fields[1]);
      item = g_list_model_get_item (G_LIST_MODEL (list), g_list_model_get_n_items (G_LIST_MODEL (list)) - 1);
      /* A model item, not a widget: GtkStringObject holds one string, the name shown. */
      g_object_set_data_full (item, "readout-code", g_strdup (fields[0]), g_free);
      g_object_unref (item);
    }

  return G_LIST_MODEL (list);
}

const char *
readout_edit_countries_get_code (GListModel *countries,
                                 guint       position)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (countries), NULL);

  item = g_list_model_get_item (countries, position);
  /* The string list keeps its items, so the code outlives this reference. */
  return item != NULL ? g_object_get_data (item, "readout-code") : NULL;
}

guint
readout_edit_countries_find (GListModel *countries,
                             const char *code)
{
  guint n = g_list_model_get_n_items (countries);

  if (code == NULL || *code == '\0')
    return 0;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (readout_edit_countries_get_code (countries, i), code) == 0)
      return i;
  return 0;
}

void
readout_edit_setup_country_dropdown (GtkDropDown *dropdown,
                                     GListModel  *countries)
{
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  gtk_drop_down_set_model (dropdown, countries);
}

char **
readout_edit_split_list (const char *text)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (parts[i]);

      if (*item != '\0')
        g_ptr_array_add (items, g_strdup (item));
    }
  g_ptr_array_add (items, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&items), FALSE);
}

char *
readout_edit_join_list (const char * const *items)
{
  return items != NULL ? g_strjoinv (", ", (char **) items) : g_strdup ("");
}

char *
readout_edit_dup_text (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
readout_edit_set_text (GtkEditable *editable,
                       const char  *text)
{
  gtk_editable_set_text (editable, text != NULL ? text : "");
}

static gboolean
has_date_shape (const char *text)
{
  static const char *shapes[] = { "dddd", "dddd-dd", "dddd-dd-dd" };

  for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
    {
      const char *shape = shapes[s];
      guint i;

      if (strlen (text) != strlen (shape))
        continue;
      for (i = 0; shape[i] != '\0'; i++)
        if (shape[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
          break;
      if (shape[i] == '\0')
        return TRUE;
    }
  return FALSE;
}

char *
readout_edit_check_date (const char                 *text,
                         gboolean                    required,
                         const ReadoutDatePrecision *precision)
{
  ReadoutDatePrecision found;
  GDate date;

  if (text == NULL || *text == '\0')
    return required ? g_strdup (_("Give the date, as YYYY-MM-DD, YYYY-MM or YYYY.")) : NULL;

  if (!has_date_shape (text))
    return g_strdup (_("Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY)."));

  g_date_clear (&date, 1);
  if (!readout_parse_iso_date (text, &found, &date))
    /* Translators: %s is a date as typed, "2017-02-30" */
    return g_strdup_printf (_("There is no such date as %s."), text);

  if (precision != NULL && found != *precision)
    {
      switch (*precision)
        {
        case READOUT_DATE_PRECISION_DAY:
          return g_strdup (_("A date known to the day is written YYYY-MM-DD."));
        case READOUT_DATE_PRECISION_MONTH:
          return g_strdup (_("A date known to the month is written YYYY-MM."));
        case READOUT_DATE_PRECISION_YEAR:
        default:
          return g_strdup (_("A date known to the year is written YYYY."));
        }
    }

  return NULL;
}

void
readout_edit_set_field_error (GtkWidget  *row,
                              GtkWidget  *label,
                              const char *message)
{
  gboolean show = message != NULL && *message != '\0';

  if (label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), show ? message : "");
      gtk_widget_set_visible (label, show);
    }

  if (row != NULL)
    {
      if (show)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }
}

static GMenuModel *
build_menu (gint64      id,
            const char *first_label,
            va_list     args)
{
  GMenu *menu = g_menu_new ();
  const char *label = first_label;

  while (label != NULL)
    {
      const char *action = va_arg (args, const char *);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
      g_menu_append_item (menu, item);
      label = va_arg (args, const char *);
    }

  return G_MENU_MODEL (menu);
}

GMenuModel *
readout_edit_menu_new (gint64      id,
                       const char *first_label,
                       ...)
{
  GMenuModel *menu;
  va_list args;

  va_start (args, first_label);
  menu = build_menu (id, first_label, args);
  va_end (args);

  return menu;
}

GtkWidget *
readout_edit_menu_button_new (const char *tooltip,
                              gint64      id,
                              const char *first_label,
                              ...)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = NULL;
  va_list args;

  va_start (args, first_label);
  menu = build_menu (id, first_label, args);
  va_end (args);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static gboolean
on_duration_output_cb (GtkSpinButton *spin)
{
  if (gtk_spin_button_get_value_as_int (spin) != 0)
    return FALSE;
  /* Translators: a call's duration in minutes when no source gives it */
  gtk_editable_set_text (GTK_EDITABLE (spin), _("Not known"));
  return TRUE;
}

static int
on_duration_input_cb (GtkSpinButton *spin,
                      double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double parsed = g_strtod (text, &end);

  /* "Not known", or anything that is not a number, is 0: not known. */
  *value = end != text ? parsed : 0;
  return TRUE;
}

static void
on_duration_changed_cb (GtkSpinButton *spin,
                        GtkWidget     *qualifier_row)
{
  gtk_widget_set_visible (qualifier_row, gtk_spin_button_get_value_as_int (spin) > 0);
}

void
readout_edit_setup_call_rows (AdwComboRow   *precision_row,
                              AdwComboRow   *status_row,
                              GtkSpinButton *duration_spin,
                              AdwComboRow   *qualifier_row)
{
  const char *precision_names[] = {
    C_("date precision", "Day"), C_("date precision", "Month"), C_("date precision", "Year"), NULL
  };
  const char *qualifier_names[] = {
    C_("duration qualifier", "Exactly"), C_("duration qualifier", "About"),
    C_("duration qualifier", "More than"), C_("duration qualifier", "Less than"), NULL
  };
  g_autoptr(GtkStringList) precisions = gtk_string_list_new (precision_names);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) qualifiers = gtk_string_list_new (qualifier_names);

  for (ReadoutCallStatus s = READOUT_CALL_STATUS_HELD; s <= READOUT_CALL_STATUS_CANCELLED; s++)
    gtk_string_list_append (statuses, readout_format_call_status (s));
  adw_combo_row_set_model (precision_row, G_LIST_MODEL (precisions));
  adw_combo_row_set_model (status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (qualifier_row, G_LIST_MODEL (qualifiers));

  /* Numeric mode would refuse the words, and room is needed for them. */
  gtk_spin_button_set_numeric (duration_spin, FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (duration_spin), g_utf8_strlen (_("Not known"), -1));
  g_signal_connect (duration_spin, "output", G_CALLBACK (on_duration_output_cb), NULL);
  g_signal_connect (duration_spin, "input", G_CALLBACK (on_duration_input_cb), NULL);
  g_signal_connect_object (duration_spin, "value-changed", G_CALLBACK (on_duration_changed_cb),
                           qualifier_row, 0);
  on_duration_changed_cb (duration_spin, GTK_WIDGET (qualifier_row));
  on_duration_output_cb (duration_spin);
}

gboolean
readout_edit_read_date_entry (GtkEditable  *entry,
                              char        **date)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  ReadoutDatePrecision precision;
  GDate parsed;

  g_date_clear (&parsed, 1);
  *date = NULL;
  if (*text != '\0' && !readout_parse_iso_date (text, &precision, &parsed))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text != '\0')
    *date = g_steal_pointer (&text);
  return TRUE;
}
