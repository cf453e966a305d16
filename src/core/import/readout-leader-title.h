// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The kinds of office the gazetteer answers for (data/leader-titles.tsv). */
typedef enum {
  READOUT_OFFICE_KIND_NONE,
  READOUT_OFFICE_KIND_HEAD_OF_STATE,
  READOUT_OFFICE_KIND_HEAD_OF_GOVERNMENT,
  READOUT_OFFICE_KIND_FOREIGN_MINISTER,
  READOUT_OFFICE_KIND_OTHER,
} ReadoutOfficeKind;

/* A leader as a text names them, taken apart: "H.E. Mr. Kishida Fumio, Prime Minister
 * of Japan", "Наследным принцем, Председателем Совета министров Саудовской Аравии",
 * "Эмир Катара", "the Prime Minister". Honorifics are dropped. */
typedef struct {
  ReadoutOfficeKind   kind;      /* of the first office named that is not OTHER, else OTHER, else NONE */
  char               *office;    /* that office as written, or NULL */
  char               *country;   /* ISO 3166 code of the country named, or NULL */
  char              **name;      /* the other words as written; empty when only a title */
} ReadoutLeaderTitle;

ReadoutLeaderTitle *readout_leader_title_parse (const char         *text);
void                readout_leader_title_free  (ReadoutLeaderTitle *title);
/* The kind of an office: "Prime Minister", "Премьер-министром", "Federal President". */
ReadoutOfficeKind   readout_office_kind        (const char         *office);
/* Name words as written, in the nominative as far as the ending tells ("Шавкатом
 * Мирзиёевым" -> "Шавкат Мирзиёев", "Касым-Жомарту Токаеву" -> "Касым-Жомарт Токаев");
 * other words unchanged. */
char               *readout_leader_title_nominative (const char * const *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutLeaderTitle, readout_leader_title_free)

G_END_DECLS
