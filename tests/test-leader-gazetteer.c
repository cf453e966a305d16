// SPDX-License-Identifier: GPL-3.0-or-later
/* The leader gazetteer (issue 11): names in any order, case and Russian case, titles and
 * honorifics, countries by name, adjective and genitive, office-holders by date, names
 * outside the data transliterated; and a dataset that holds together. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "readout-country-names.h"
#include "readout-error.h"
#include "readout-leader-gazetteer.h"
#include "readout-name-words.h"

static const char *
resolved (const char *text,
          const char *country,
          const char *date)
{
  const ReadoutGazetteerPerson *person =
    readout_leader_gazetteer_resolve (readout_leader_gazetteer_get_default (), text, country, date);

  if (person == NULL)
    g_test_message ("nobody for “%s”", text);
  return person != NULL ? person->name : NULL;
}

static void
test_names_any_order_and_case (void)
{
  g_assert_cmpstr (resolved ("KISHIDA Fumio", NULL, NULL), ==, "Fumio Kishida");
  g_assert_cmpstr (resolved ("Kishida Fumio", NULL, NULL), ==, "Fumio Kishida");
  g_assert_cmpstr (resolved ("Fumio Kishida", NULL, NULL), ==, "Fumio Kishida");
  g_assert_cmpstr (resolved ("Mr. SUGA Yoshihide", NULL, NULL), ==, "Yoshihide Suga");
  g_assert_cmpstr (resolved ("H.E. Mr. Shigeru Ishiba", NULL, NULL), ==, "Shigeru Ishiba");
  g_assert_cmpstr (resolved ("Dr. Luvsannamsrai Oyun-Erdene", NULL, NULL), ==, "Luvsannamsrai Oyun-Erdene");
  g_assert_cmpstr (resolved ("Crown Prince Mohammed bin Salman", NULL, NULL), ==, "Mohammed bin Salman");
  g_assert_cmpstr (resolved ("Emir Tamim bin Hamad Al Thani", NULL, NULL), ==, "Tamim bin Hamad Al Thani");
  g_assert_cmpstr (resolved ("Наследный принц Мухаммед бен Сальман", NULL, NULL), ==, "Mohammed bin Salman");
  g_assert_cmpstr (resolved ("Председатель КНР Си Цзиньпин", NULL, NULL), ==, "Xi Jinping");
  /* A hyphen or not. */
  g_assert_cmpstr (resolved ("President Lee Jae Myung", NULL, "2025-07-01"), ==, "Lee Jae-myung");
  g_assert_cmpstr (resolved ("Vice-President Harris", NULL, "2022-01-01"), ==, "Kamala Harris");

  /* A possessive, a patronymic. */
  g_assert_cmpstr (resolved ("Chancellor Merkel's", NULL, "2013-09-23"), ==, "Angela Merkel");
  g_assert_cmpstr (resolved ("Mr. Vladimir Vladimirovich Putin", NULL, "2016-01-22"), ==, "Vladimir Putin");
  g_assert_cmpstr (resolved ("Касым-Жомартом Кемелевичем Токаевым", NULL, "2022-01-01"), ==, "Kassym-Jomart Tokayev");

  /* Latin accents left out or not. */
  g_assert_cmpstr (resolved ("President Lopez Obrador", NULL, NULL), ==, "Andrés Manuel López Obrador");
  g_assert_cmpstr (resolved ("Fils-Aime", NULL, NULL), ==, "Alix Didier Fils-Aimé");
  g_assert_cmpstr (resolved ("PM", "GB", "2022-10-18"), ==, "Liz Truss");
  g_assert_null (resolved ("Mr. Nobody Atall", NULL, NULL));
}

static void
test_russian_cases (void)
{
  static const struct { const char *form; const char *name; } cases[] = {
    { "Шавката Мирзиёева", "Shavkat Mirziyoyev" }, { "Шавкату Мирзиёеву", "Shavkat Mirziyoyev" },
    { "Шавкате Мирзиёеве", "Shavkat Mirziyoyev" }, { "Никола Пашиняна", "Nikol Pashinyan" },
    { "Николе Пашиняне", "Nikol Pashinyan" }, { "Джорджей Мелони", "Giorgia Meloni" },
    { "Джорджу Мелони", "Giorgia Meloni" }, { "Майей Санду", "Maia Sandu" }, { "Майи Санду", "Maia Sandu" },
    { "Владимиру Зеленскому", "Volodymyr Zelenskyy" }, { "Владимиром Зеленским", "Volodymyr Zelenskyy" },
    { "Андреем Бабишем", "Andrej Babiš" }, { "Андрее Бабише", "Andrej Babiš" },
    { "Урсулой фон дер Ляйен", "Ursula von der Leyen" }, { "Реджепом Тайипом Эрдоганом", "Recep Tayyip Erdoğan" },
    { "Сергеем Лавровым", "Sergey Lavrov" }, { "Си Цзиньпину", "Xi Jinping" }, { "Киру Стармеру", "Keir Starmer" },
    { "Ким Чен Ыном", "Kim Jong-un" }, { "Ли Цяном", "Li Qiang" }, { "Фумио Кисидой", "Fumio Kishida" },
    { "Луисом Инасиу Лулой да Силвой", "Luiz Inácio Lula da Silva" },
  };

  g_assert_cmpstr (resolved ("с Шавкатом Мирзиёевым", NULL, NULL), ==, "Shavkat Mirziyoyev");
  g_assert_cmpstr (resolved ("Касым-Жомарту Токаеву", NULL, NULL), ==, "Kassym-Jomart Tokayev");
  g_assert_cmpstr (resolved ("Президентом Казахстана Касым-Жомартом Токаевым", NULL, NULL), ==,
                   "Kassym-Jomart Tokayev");
  g_assert_cmpstr (resolved ("Николом Пашиняном", NULL, NULL), ==, "Nikol Pashinyan");
  g_assert_cmpstr (resolved ("Александра Лукашенко", NULL, NULL), ==, "Alexander Lukashenko");
  g_assert_cmpstr (resolved ("Ильхаму Алиеву", NULL, NULL), ==, "Ilham Aliyev");
  g_assert_cmpstr (resolved ("Эммануэлем Макроном", NULL, NULL), ==, "Emmanuel Macron");
  g_assert_cmpstr (resolved ("Владимира Зеленского", NULL, NULL), ==, "Volodymyr Zelenskyy");
  g_assert_cmpstr (resolved ("Эрдогану", NULL, NULL), ==, "Recep Tayyip Erdoğan");

  /* Every case of first and last names, masculine and feminine, short Korean syllables. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = g_strdup (cases[i].name);

      g_assert_cmpstr (resolved (cases[i].form, NULL, "2025-10-01"), ==, expected);
    }
}

/* The forms Kremlin, Japanese and White House readouts use (their structure, written
 * here with the leaders of the day). */
static void
test_readout_forms (void)
{
  g_assert_cmpstr (resolved ("Премьер-министром Индии Нарендрой Моди", NULL, "2025-05-01"), ==, "Narendra Modi");
  g_assert_cmpstr (resolved ("Президентом ЮАР Сирилом Рамафозой", NULL, "2025-05-01"), ==, "Cyril Ramaphosa");
  g_assert_cmpstr (resolved ("Президентом ОАЭ Мухаммедом Аль Нахайяном", NULL, "2025-05-01"), ==,
                   "Mohamed bin Zayed Al Nahyan");
  g_assert_cmpstr (resolved ("Эмиром Катара Тамимом Бен Хамадом Аль Тани", NULL, "2025-05-01"), ==,
                   "Tamim bin Hamad Al Thani");
  g_assert_cmpstr (resolved ("Наследным принцем, Председателем Совета министров Саудовской Аравии "
                             "Мухаммедом Бен Сальманом Аль Саудом", NULL, "2025-05-01"), ==, "Mohammed bin Salman");
  g_assert_cmpstr (resolved ("Президентом переходного периода Сирийской Арабской Республики Ахмедом Шараа",
                             NULL, "2025-05-01"), ==, "Ahmed al-Sharaa");
  g_assert_cmpstr (resolved ("Эмиром Государства Катар", NULL, "2025-05-01"), ==, "Tamim bin Hamad Al Thani");
  g_assert_cmpstr (resolved ("Premier Li", NULL, "2025-05-01"), ==, "Li Qiang");
  /* A part of a name: the one of the country in office; two fit without one: nobody. */
  g_assert_cmpstr (resolved ("Crown Prince and Prime Minister Salman", "BH", "2023-05-01"), ==,
                   "Salman bin Hamad Al Khalifa");
  g_assert_null (resolved ("Crown Prince and Prime Minister Salman", NULL, "2023-05-01"));
  /* Father and son in office at once: the title tells them apart. */
  g_assert_cmpstr (resolved ("Президентом Туркменистана Бердымухамедовым", NULL, "2024-01-01"), ==,
                   "Serdar Berdimuhamedow");
  g_assert_cmpstr (resolved ("Председателем Халк Маслахаты Гурбангулы Бердымухамедовым", NULL, "2024-01-01"), ==,
                   "Gurbanguly Berdimuhamedow");
  g_assert_null (resolved ("Бердымухамедов", "TM", "2024-01-01"));
}

static const char *
country (const char *phrase)
{
  return readout_leader_gazetteer_find_country (readout_leader_gazetteer_get_default (), phrase);
}

static void
test_countries (void)
{
  g_assert_cmpstr (country ("Mongolia"), ==, "MN");
  g_assert_cmpstr (country ("the United Kingdom"), ==, "GB");
  g_assert_cmpstr (country ("Japan's"), ==, "JP");
  g_assert_cmpstr (country ("Republic of Korea"), ==, "KR");
  g_assert_cmpstr (country ("Республики Беларусь"), ==, "BY");
  g_assert_cmpstr (country ("Катара"), ==, "QA");
  g_assert_cmpstr (country ("Саудовской Аравии"), ==, "SA");
  g_assert_cmpstr (country ("Соединёнными Штатами Америки"), ==, "US");
  g_assert_cmpstr (country ("армянской"), ==, "AM");
  g_assert_cmpstr (country ("Таджикистана"), ==, "TJ");
  g_assert_cmpstr (country ("Сербии"), ==, "RS");
  g_assert_cmpstr (country ("Нигерии"), ==, "NG");
  g_assert_cmpstr (country ("Нигера"), ==, "NE");
  g_assert_cmpstr (country ("Израилем"), ==, "IL");
  g_assert_cmpstr (country ("Государства Катар"), ==, "QA");
  g_assert_cmpstr (country ("Того"), ==, "TG");
  g_assert_cmpstr (country ("Коста-Рики"), ==, "CR");
  g_assert_cmpstr (country ("Шри-Ланкой"), ==, "LK");
  g_assert_cmpstr (country ("Сент-Люсии"), ==, "LC");
  g_assert_cmpstr (country ("Южно-Африканской Республики"), ==, "ZA");
  g_assert_cmpstr (country ("Emirati"), ==, "AE");
  g_assert_null (country ("Atlantis"));
  g_assert_null (country ("Mongolia today"));
}

static void
test_office_holders (void)
{
  ReadoutLeaderGazetteer *gazetteer = readout_leader_gazetteer_get_default ();
  const ReadoutGazetteerPerson *person;

  g_assert_cmpstr (resolved ("the Prime Minister", "GB", "2022-10-18"), ==, "Liz Truss");
  g_assert_cmpstr (resolved ("The Prime Minister", "GB", "2024-07-06"), ==, "Keir Starmer");
  g_assert_cmpstr (resolved ("Премьер-министр", "RU", "2023-03-01"), ==, "Mikhail Mishustin");
  g_assert_cmpstr (resolved ("Prime Minister of Mongolia", NULL, "2023-06-01"), ==, "Luvsannamsrai Oyun-Erdene");
  g_assert_cmpstr (resolved ("Президент Республики Беларусь", NULL, "2024-01-01"), ==, "Alexander Lukashenko");
  g_assert_cmpstr (resolved ("Эмир Катара", NULL, "2022-05-01"), ==, "Tamim bin Hamad Al Thani");
  g_assert_cmpstr (resolved ("с Наследным принцем, Председателем Совета министров Саудовской Аравии", NULL,
                             "2023-06-01"), ==, "Mohammed bin Salman");
  g_assert_cmpstr (resolved ("the President", "US", "2010-03-01"), ==, "Barack Obama");
  g_assert_cmpstr (resolved ("Chancellor", "DE", "2012-03-01"), ==, "Angela Merkel");
  g_assert_cmpstr (resolved ("the President", "IR", "2022-03-01"), ==, "Ebrahim Raisi");
  g_assert_cmpstr (resolved ("Президент Ирана", NULL, "2025-01-14"), ==, "Masoud Pezeshkian");
  g_assert_null (resolved ("the Prime Minister", NULL, "2022-10-18"));

  person = readout_leader_gazetteer_get_holder_of_kind (gazetteer, "US", READOUT_OFFICE_KIND_FOREIGN_MINISTER,
                                                        "2022-06-01");
  g_assert_cmpstr (person->name, ==, "Antony Blinken");
  person = readout_leader_gazetteer_get_holder_of_kind (gazetteer, "US", READOUT_OFFICE_KIND_HEAD_OF_GOVERNMENT,
                                                        "2022-06-01");
  g_assert_cmpstr (person->name, ==, "Joe Biden");
  person = readout_leader_gazetteer_get_holder_of_kind (gazetteer, "RU", READOUT_OFFICE_KIND_FOREIGN_MINISTER,
                                                        "2022-06-01");
  g_assert_cmpstr (person->name, ==, "Sergey Lavrov");
  person = readout_leader_gazetteer_get_office_holder (gazetteer, "JP", "Prime Minister", "2021-10-04");
  g_assert_cmpstr (person->name, ==, "Fumio Kishida");

  /* The office a country's own readouts come from, not its monarch's or a minister's. */
  g_assert_cmpstr (readout_leader_gazetteer_get_main_office (gazetteer, "ES"), ==, "Prime Minister");
  g_assert_cmpstr (readout_leader_gazetteer_get_main_office (gazetteer, "SE"), ==, "Prime Minister");
  g_assert_cmpstr (readout_leader_gazetteer_get_main_office (gazetteer, "AT"), ==, "Chancellor");
  g_assert_cmpstr (readout_leader_gazetteer_get_main_office (gazetteer, "EU"), ==, "President of the European Commission");
}

static void
test_transliteration (void)
{
  ReadoutLeaderGazetteer *gazetteer = readout_leader_gazetteer_get_default ();
  g_autoptr(ReadoutLeader) found = readout_leader_gazetteer_leader_for (gazetteer, "с Шавкатом Мирзиёевым", NULL,
                                                                       "2024-01-01");
  g_autoptr(ReadoutLeader) unknown = readout_leader_gazetteer_leader_for (gazetteer, "Иваном Петровым", "RU",
                                                                         NULL);
  g_autofree char *latin = readout_name_transliterate ("Объём щей");

  g_assert_cmpstr (readout_leader_get_name (found), ==, "Shavkat Mirziyoyev");
  g_assert_cmpstr (readout_leader_get_country (found), ==, "UZ");
  g_assert_true (g_strv_contains (readout_leader_get_aliases (found), "Шавкат Мирзиёев"));

  g_assert_cmpstr (readout_leader_get_name (unknown), ==, "Ivan Petrov");
  g_assert_cmpstr (readout_leader_get_country (unknown), ==, "RU");
  g_assert_true (g_strv_contains (readout_leader_get_aliases (unknown), "Иван Петров"));
  g_assert_cmpstr (latin, ==, "Obyem shchey");
}

/* One person in a national and an international office: one leader, of the country of
 * the office held on the date. */
static void
test_international_offices (void)
{
  ReadoutLeaderGazetteer *gazetteer = readout_leader_gazetteer_get_default ();
  const ReadoutGazetteerPerson *michel = readout_leader_gazetteer_lookup (gazetteer, "Charles Michel", NULL);
  g_autoptr(ReadoutLeader) in_brussels = readout_gazetteer_person_to_leader (michel, "2016-03-01");
  g_autoptr(ReadoutLeader) in_the_eu = readout_gazetteer_person_to_leader (michel, "2022-01-24");

  g_assert_cmpstr (michel->country, ==, "BE");
  g_assert_cmpuint (michel->terms->len, ==, 2);
  g_assert_cmpstr (readout_leader_get_country (in_brussels), ==, "BE");
  g_assert_cmpstr (readout_leader_get_country (in_the_eu), ==, "EU");
  g_assert_true (readout_leader_gazetteer_get_office_holder (gazetteer, "EU", "President of the European Council",
                                                             "2022-01-24") == michel);
  g_assert_cmpstr (resolved ("President of the European Commission", NULL, "2022-01-24"), ==,
                   "Ursula von der Leyen");
  g_assert_cmpstr (readout_leader_gazetteer_lookup (gazetteer, "Guterres", NULL)->country, ==, "PT");
  g_assert_null (readout_gazetteer_person_term_at (readout_leader_gazetteer_lookup (gazetteer, "Guterres", NULL),
                                                   "2020-01-01")->country);
}

/* A list of country names that is not one: one sentence, no list. */
static void
test_country_names_bad_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutCountryNames) good = NULL;
  ReadoutCountryNames *bad;

  bad = readout_country_names_new_from_data ("code\tname\nXX\tX\n", -1, &error);
  g_assert_null (bad);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT);
  g_clear_error (&error);
  bad = readout_country_names_new_from_data ("code\tenglish\trussian\trussian_adjective\nXXX\tX\t\t\n", -1, &error);
  g_assert_null (bad);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  good = readout_country_names_new_from_data ("code\tenglish\trussian\trussian_adjective\r\n"
                                              "QA\tQatar|Qatari\tКатар\tкатарский\r\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readout_country_names_lookup (good, "Катаром"), ==, "QA");
  g_assert_cmpstr (readout_country_names_lookup (good, "катарской"), ==, "QA");
  g_assert_null (readout_country_names_lookup (good, "Oman"));
}

/* Every country of countries.tsv has its leaders and its names. */
static void
test_every_country (void)
{
  ReadoutLeaderGazetteer *gazetteer = readout_leader_gazetteer_get_default ();
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/readout/Readout/core/countries.tsv",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) named = readout_country_names_get_codes (readout_country_names_get_default ());
  g_autoptr(GHashTable) led = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_countries = 0;

  for (guint p = 0; p < readout_leader_gazetteer_get_n_people (gazetteer); p++)
    {
      const ReadoutGazetteerPerson *person = readout_leader_gazetteer_get_person (gazetteer, p);

      if (person->country != NULL)
        g_hash_table_add (led, person->country);
    }
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (fields) < 2)
        continue;
      n_countries++;
      if (!g_hash_table_contains (led, fields[0]))
        g_test_message ("no leader of %s", fields[0]);
      g_assert_true (g_hash_table_contains (led, fields[0]));
      if (!g_ptr_array_find_with_equal_func (named, fields[0], g_str_equal, NULL))
        g_test_message ("no names for %s", fields[0]);
      g_assert_true (g_ptr_array_find_with_equal_func (named, fields[0], g_str_equal, NULL));
      g_assert_cmpstr (country (fields[1]), ==, fields[0]);
    }
  g_assert_cmpuint (n_countries, >=, 193);
}

/* Every UN member of iso-codes is in countries.tsv (where iso-codes is installed). */
static void
test_iso_codes (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/readout/Readout/core/countries.tsv",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *path = "/usr/share/iso-codes/json/iso_3166-1.json";
  static const char * const members[] = {
    "AF", "AL", "DZ", "AD", "AO", "AG", "AR", "AM", "AU", "AT", "AZ", "BS", "BH", "BD", "BB", "BY", "BE",
    "BZ", "BJ", "BT", "BO", "BA", "BW", "BR", "BN", "BG", "BF", "BI", "CV", "KH", "CM", "CA", "CF", "TD",
    "CL", "CN", "CO", "KM", "CG", "CD", "CR", "CI", "HR", "CU", "CY", "CZ", "DK", "DJ", "DM", "DO", "EC",
    "EG", "SV", "GQ", "ER", "EE", "SZ", "ET", "FJ", "FI", "FR", "GA", "GM", "GE", "DE", "GH", "GR", "GD",
    "GT", "GN", "GW", "GY", "HT", "HN", "HU", "IS", "IN", "ID", "IR", "IQ", "IE", "IL", "IT", "JM", "JP",
    "JO", "KZ", "KE", "KI", "KP", "KR", "KW", "KG", "LA", "LV", "LB", "LS", "LR", "LY", "LI", "LT", "LU",
    "MG", "MW", "MY", "MV", "ML", "MT", "MH", "MR", "MU", "MX", "FM", "MD", "MC", "MN", "ME", "MA", "MZ",
    "MM", "NA", "NR", "NP", "NL", "NZ", "NI", "NE", "NG", "MK", "NO", "OM", "PK", "PW", "PA", "PG", "PY",
    "PE", "PH", "PL", "PT", "QA", "RO", "RU", "RW", "KN", "LC", "VC", "WS", "SM", "ST", "SA", "SN", "RS",
    "SC", "SL", "SG", "SK", "SI", "SB", "SO", "ZA", "SS", "ES", "LK", "SD", "SR", "SE", "CH", "SY", "TJ",
    "TZ", "TH", "TL", "TG", "TO", "TT", "TN", "TR", "TM", "TV", "UG", "UA", "AE", "GB", "US", "UY", "UZ",
    "VU", "VE", "VN", "YE", "ZM", "ZW",
  };
  JsonArray *codes;

  g_assert_cmpuint (G_N_ELEMENTS (members), ==, 193);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\t", members[i]);

      g_assert_nonnull (strstr (text, line));
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes is not installed");
      return;
    }
  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  codes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "3166-1");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      gboolean known = FALSE;

      for (guint k = 0; k < json_array_get_length (codes) && !known; k++)
        known = g_str_equal (json_object_get_string_member (json_array_get_object_element (codes, k), "alpha_2"),
                             members[i]);
      g_assert_true (known);
    }
}

/* No two terms of one office of one country overlap; every Russian form resolves back. */
static void
test_data_holds_together (void)
{
  ReadoutLeaderGazetteer *gazetteer = readout_leader_gazetteer_get_default ();
  g_autoptr(GHashTable) offices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer value;
  guint n_terms = 0, n_russian = 0;

  for (guint p = 0; p < readout_leader_gazetteer_get_n_people (gazetteer); p++)
    {
      const ReadoutGazetteerPerson *person = readout_leader_gazetteer_get_person (gazetteer, p);

      for (guint t = 0; t < person->terms->len; t++)
        {
          ReadoutGazetteerTerm *term = g_ptr_array_index (person->terms, t);
          char *key = g_strdup_printf ("%s/%s", person->country, term->office);
          GPtrArray *terms = g_hash_table_lookup (offices, key);

          if (terms == NULL)
            g_hash_table_insert (offices, key, terms = g_ptr_array_new ());
          else
            g_free (key);
          g_ptr_array_add (terms, term);
          n_terms++;
        }
      for (guint a = 0; person->aliases[a] != NULL; a++)
        {
          const ReadoutGazetteerPerson *back;

          if (!readout_name_is_cyrillic (person->aliases[a]))
            continue;
          n_russian++;
          back = readout_leader_gazetteer_resolve (gazetteer, person->aliases[a], person->country,
                                                   ((ReadoutGazetteerTerm *) g_ptr_array_index (person->terms, 0))->term_start);
          if (back != person)
            g_test_message ("%s resolves to %s, not %s", person->aliases[a], back ? back->name : "nobody", person->name);
          g_assert_true (back == person);
        }
    }
  g_hash_table_iter_init (&iter, offices);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *terms = value;

      for (guint i = 0; i < terms->len; i++)
        for (guint k = i + 1; k < terms->len; k++)
          {
            ReadoutGazetteerTerm *a = g_ptr_array_index (terms, i);
            ReadoutGazetteerTerm *b = g_ptr_array_index (terms, k);
            /* A term ending on the day the next begins does not overlap it. */
            gboolean apart = (a->term_end != NULL && strcmp (a->term_end, b->term_start) <= 0) ||
                             (b->term_end != NULL && strcmp (b->term_end, a->term_start) <= 0);

            if (!apart)
              g_test_message ("overlap: %s %s..%s and %s..%s", a->office, a->term_start,
                              a->term_end ? a->term_end : "", b->term_start, b->term_end ? b->term_end : "");
            g_assert_true (apart);
          }
    }
  g_test_message ("%u people, %u terms, %u Russian forms", readout_leader_gazetteer_get_n_people (gazetteer),
                  n_terms, n_russian);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gazetteer/names", test_names_any_order_and_case);
  g_test_add_func ("/gazetteer/russian-cases", test_russian_cases);
  g_test_add_func ("/gazetteer/readout-forms", test_readout_forms);
  g_test_add_func ("/gazetteer/countries", test_countries);
  g_test_add_func ("/gazetteer/office-holders", test_office_holders);
  g_test_add_func ("/gazetteer/transliteration", test_transliteration);
  g_test_add_func ("/gazetteer/international-offices", test_international_offices);
  g_test_add_func ("/gazetteer/country-names-bad-data", test_country_names_bad_data);
  g_test_add_func ("/gazetteer/every-country", test_every_country);
  g_test_add_func ("/gazetteer/iso-codes", test_iso_codes);
  g_test_add_func ("/gazetteer/data", test_data_holds_together);
  return g_test_run ();
}
