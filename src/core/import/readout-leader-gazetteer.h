// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-leader.h"
#include "readout-leader-title.h"

G_BEGIN_DECLS

#define READOUT_TYPE_LEADER_GAZETTEER (readout_leader_gazetteer_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutLeaderGazetteer, readout_leader_gazetteer, READOUT, LEADER_GAZETTEER, GObject)

/* One term of office: "President" from "2012-05-07", @term_end NULL while in office. */
typedef struct {
  char *office;
  char *term_start;
  char *term_end;
  char *country;   /* the country of this office: "EU" for Charles Michel's second */
  ReadoutOfficeKind kind;
} ReadoutGazetteerTerm;

/* One person of the gazetteer: the lines of data/leaders.tsv with the same name and
 * country (or with an international office: the UN's, the EU's), their aliases merged
 * and their terms in the order of their first days. */
typedef struct {
  char      *name;
  char      *country;   /* ISO 3166 alpha-2; NULL for the UN Secretary-General */
  char     **aliases;
  GPtrArray *terms;     /* ReadoutGazetteerTerm */
} ReadoutGazetteerPerson;

/* The built-in list of heads of state and government (data/leaders.tsv in the core
 * GResource), loaded once; transfer none. */
ReadoutLeaderGazetteer       *readout_leader_gazetteer_get_default     (void);
/* A gazetteer from TSV text with the header line
 * "name aliases country office term_start term_end" (tab-separated, aliases "|"-separated). */
ReadoutLeaderGazetteer       *readout_leader_gazetteer_new_from_data   (const char              *tsv,
                                                                        gssize                   length,
                                                                        GError                 **error);
guint                         readout_leader_gazetteer_get_n_people    (ReadoutLeaderGazetteer  *self);
const ReadoutGazetteerPerson *readout_leader_gazetteer_get_person      (ReadoutLeaderGazetteer  *self,
                                                                        guint                    index);
/* The person called @name (a name or an alias, any case, any word order, any Russian
 * case). When several people share it ("Lee", "Li"), the one in office on @iso_date
 * (nullable) wins, else the latest. */
const ReadoutGazetteerPerson *readout_leader_gazetteer_lookup          (ReadoutLeaderGazetteer  *self,
                                                                        const char              *name,
                                                                        const char              *iso_date);
/* The office a country's own readouts usually come from (the office of its first line
 * in the file: "President" for RU, "Prime Minister" for GB), or NULL. */
const char                   *readout_leader_gazetteer_get_main_office (ReadoutLeaderGazetteer  *self,
                                                                        const char              *country);

/* The term of @person covering @iso_date ("2017-01-28"; a term's last day counts), or NULL. */
const ReadoutGazetteerTerm   *readout_gazetteer_person_term_at         (const ReadoutGazetteerPerson *person,
                                                                        const char                   *iso_date);
/* A new leader for the store: name, aliases, country, and the office and term that
 * cover @iso_date (the latest term when @iso_date is NULL or outside every term). */
ReadoutLeader                *readout_gazetteer_person_to_leader       (const ReadoutGazetteerPerson *person,
                                                                        const char                   *iso_date);

/* The person a text names, with titles and honorifics: "H.E. Mr. KISHIDA Fumio",
 * "с Шавкатом Мирзиёевым", "Prime Minister of Mongolia" (by office, country and date),
 * "Эмир Катара". @country (nullable) is the country when the text does not name one
 * (the publisher's, for "the Prime Minister"); @iso_date (nullable) the call's date. */
const ReadoutGazetteerPerson *readout_leader_gazetteer_resolve         (ReadoutLeaderGazetteer  *self,
                                                                        const char              *text,
                                                                        const char              *country,
                                                                        const char              *iso_date);
/* Who held @office ("Prime Minister", "Премьер-министр", "Chancellor") in @country on
 * @iso_date: the office by its name, else by its kind; NULL when unknown. */
const ReadoutGazetteerPerson *readout_leader_gazetteer_get_office_holder (ReadoutLeaderGazetteer *self,
                                                                          const char             *country,
                                                                          const char             *office,
                                                                          const char             *iso_date);
/* Who was head of state, of government (the head of state where none other) or foreign
 * minister of @country on @iso_date. */
const ReadoutGazetteerPerson *readout_leader_gazetteer_get_holder_of_kind (ReadoutLeaderGazetteer *self,
                                                                           const char             *country,
                                                                           ReadoutOfficeKind       kind,
                                                                           const char             *iso_date);
/* The ISO code of a country's name, adjective or any Russian case ("Mongolia",
 * "Республики Беларусь", "Катара", "армянской", "KSA"), or NULL. */
const char                   *readout_leader_gazetteer_find_country    (ReadoutLeaderGazetteer  *self,
                                                                        const char              *phrase);
/* A new leader for the store for the person @text names: the dataset's, under its English
 * name with the other forms as aliases; else the name as written, a Russian one in Latin
 * letters (ICU's Russian-Latin/BGN, "Шавкатом Мирзиёевым" -> "Shavkat Mirziyeev") with
 * its Cyrillic nominative as an alias. NULL when @text is only a title nobody fits. */
ReadoutLeader                *readout_leader_gazetteer_leader_for      (ReadoutLeaderGazetteer  *self,
                                                                        const char              *text,
                                                                        const char              *country,
                                                                        const char              *iso_date);

G_END_DECLS
