// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include "readout-extractor-private.h"

/* The speakers who are not leaders, as texts name them: institutions and spokespeople. */

static const Speaker speakers[] = {
  { "Kremlin", "RU", "Kremlin|the Kremlin|Кремль|Кремле|Кремля|Кремлем|пресс-служба Кремля|пресс-службе Кремля" },
  { "Dmitry Peskov", "RU", "Dmitry Peskov|Dmitri Peskov|Peskov|Дмитрий Песков|Песков|Пескова|Пескову", "Kremlin" },
  { "Yury Ushakov", "RU", "Yury Ushakov|Yuri Ushakov|Ushakov|Юрий Ушаков|Ушаков|Ушакова", "Kremlin" },
  { "Sergei Lavrov", "RU", "Sergei Lavrov|Sergey Lavrov|Lavrov|Сергей Лавров|Лавров|Лаврова", "Russian Foreign Ministry" },
  { "Maria Zakharova", "RU", "Maria Zakharova|Zakharova|Мария Захарова|Захарова", "Russian Foreign Ministry" },
  { "Russian Foreign Ministry", "RU", "Russian Foreign Ministry|Russian Foreign Ministry's|МИД России|МИД РФ" },
  { "TASS", "RU", "TASS|ТАСС" },
  { "RIA Novosti", "RU", "RIA Novosti|RIA|РИА Новости" },
  { "White House", "US", "White House|the White House|Белый дом|Белого дома|Белом доме" },
  { "Sean Spicer", "US", "Sean Spicer|Spicer|Шон Спайсер|Спайсер", "White House" },
  { "Sarah Sanders", "US", "Sarah Sanders|Sarah Huckabee Sanders|Huckabee Sanders", "White House" },
  { "Jen Psaki", "US", "Jen Psaki|Psaki|Псаки|Джен Псаки", "White House" },
  { "Karine Jean-Pierre", "US", "Karine Jean-Pierre|Jean-Pierre", "White House" },
  { "John Kirby", "US", "John Kirby|Kirby", "White House" },
  { "Jake Sullivan", "US", "Jake Sullivan|Sullivan", "White House" },
  { "Kellyanne Conway", "US", "Kellyanne Conway|Conway", "White House" },
  { "State Department", "US", "State Department|Department of State|U.S. State Department|Госдеп|Госдепартамент|Госдепартамента" },
  { "Ned Price", "US", "Ned Price", "State Department" },
  { "Matthew Miller", "US", "Matthew Miller", "State Department" },
  { "Rex Tillerson", "US", "Rex Tillerson|Tillerson", "State Department" },
  { "Mike Pompeo", "US", "Mike Pompeo|Pompeo", "State Department" },
  { "Antony Blinken", "US", "Antony Blinken|Blinken|Блинкен", "State Department" },
  { "Élysée", "FR", "Élysée|Elysee|Élysée Palace|Elysee Palace|Елисейский дворец|Елисейского дворца" },
  { "German Federal Government", "DE", "Bundesregierung|German government|Federal Government|Chancellery|German Chancellery" },
  { "Steffen Seibert", "DE", "Steffen Seibert|Seibert|Зайберт", "German Federal Government" },
  { "Steffen Hebestreit", "DE", "Steffen Hebestreit|Hebestreit", "German Federal Government" },
  { "Ministry of Foreign Affairs of Japan", "JP", "Ministry of Foreign Affairs of Japan|Japanese Foreign Ministry|MOFA|Japan's Foreign Ministry" },
  { "Kantei", "JP", "Kantei|Prime Minister's Office of Japan" },
  { "Chief Cabinet Secretary", "JP", "Chief Cabinet Secretary" },
  { "Chinese Foreign Ministry", "CN", "Chinese Foreign Ministry|China's Foreign Ministry|МИД КНР|МИД Китая" },
  { "Xinhua", "CN", "Xinhua|Синьхуа" },
  { "Wang Wenbin", "CN", "Wang Wenbin", "Chinese Foreign Ministry" },
  { "Mao Ning", "CN", "Mao Ning", "Chinese Foreign Ministry" },
  { "Downing Street", "GB", "Downing Street|No 10|Number 10|Даунинг-стрит" },
  { "Foreign, Commonwealth & Development Office", "GB", "Foreign, Commonwealth & Development Office|Foreign, Commonwealth and Development Office|FCDO" },
  { "Office of the President of Ukraine", "UA", "Office of the President of Ukraine|Ukrainian presidency|Офис президента Украины" },
  { "Turkish Presidency", "TR", "Turkish presidency|Turkish Presidency|Directorate of Communications" },
  { "Ministry of External Affairs", "IN", "Ministry of External Affairs|MEA" },
  { "Prime Minister's Office of India", "IN", "Prime Minister's Office of India|PMO" },
  { "Prime Minister's Office of Canada", "CA", "Prime Minister's Office of Canada" },
  { "European Commission", "EU", "European Commission" },
  { "European Council", "EU", "European Council" },
};

/* "Statement by Press Secretary Jen Psaki on ...", "Readout by NSC Spokesperson ...":
 * the office in a title, whoever holds it, and the institution it speaks for. A
 * particular office comes before the general one it contains. */
static const Speaker offices[] = {
  { "State Department", "US", "department spokesperson|state department spokesperson|state department press secretary" },
  { "Kremlin", "RU", "press secretary of the president of russia|presidential press secretary|пресс-секретаря президента|пресс-секретарь президента" },
  { "Russian Foreign Ministry", "RU", "официального представителя мид россии|официальный представитель мид россии|spokeswoman of the russian foreign ministry" },
  { "German Federal Government", "DE", "federal government spokesperson|regierungssprecher" },
  /* The White House's briefing room: its press secretaries, the National Security
   * Council's spokespeople, and the vice president's. */
  { "White House", "US", "white house press secretary|press secretary|nsc spokesperson|nsc spokesman|national security council spokesperson|chief spokesperson" },
};

const Speaker *
extractor_spokesperson_offices (guint *n)
{
  *n = G_N_ELEMENTS (offices);
  return offices;
}

const Speaker *
extractor_speaker_table (guint *n)
{
  *n = G_N_ELEMENTS (speakers);
  return speakers;
}
