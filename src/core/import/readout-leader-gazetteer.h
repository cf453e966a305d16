// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-leader.h"

G_BEGIN_DECLS

#define READOUT_TYPE_LEADER_GAZETTEER (readout_leader_gazetteer_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutLeaderGazetteer, readout_leader_gazetteer, READOUT, LEADER_GAZETTEER, GObject)

/* One term of office: "President" from "2012-05-07", @term_end NULL while in office. */
typedef struct {
  char *office;
  char *term_start;
  char *term_end;
} ReadoutGazetteerTerm;

/* One person of the gazetteer: the lines of data/leaders.tsv with the same name and
 * country, their aliases merged and their terms in the file's order. */
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
/* The person called @name (a name or an alias, any case). When several people share it
 * ("Lee", "Li"), the one in office on @iso_date (nullable) wins, else the latest. */
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

G_END_DECLS
