// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include "readout-extractor-private.h"

/* The speakers who are not leaders, as texts name them: institutions and spokespeople. */

static const Speaker speakers[] = {
  { "Kremlin", "RU", "Kremlin|the Kremlin|Кремль|Кремле|Кремля|Кремлем|пресс-служба Кремля|пресс-службе Кремля" },
  { "Dmitry Peskov", "RU", "Dmitry Peskov|Dmitri Peskov|Peskov|Дмитрий Песков|Песков|Пескова|Пескову" },
  { "Yury Ushakov", "RU", "Yury Ushakov|Yuri Ushakov|Ushakov|Юрий Ушаков|Ушаков|Ушакова" },
  { "Sergei Lavrov", "RU", "Sergei Lavrov|Sergey Lavrov|Lavrov|Сергей Лавров|Лавров|Лаврова" },
  { "Maria Zakharova", "RU", "Maria Zakharova|Zakharova|Мария Захарова|Захарова" },
  { "Russian Foreign Ministry", "RU", "Russian Foreign Ministry|Russian Foreign Ministry's|МИД России|МИД РФ" },
  { "TASS", "RU", "TASS|ТАСС" },
  { "RIA Novosti", "RU", "RIA Novosti|RIA|РИА Новости" },
  { "White House", "US", "White House|the White House|Белый дом|Белого дома|Белом доме" },
  { "Sean Spicer", "US", "Sean Spicer|Spicer|Шон Спайсер|Спайсер" },
  { "Sarah Sanders", "US", "Sarah Sanders|Sarah Huckabee Sanders|Huckabee Sanders" },
  { "Jen Psaki", "US", "Jen Psaki|Psaki|Псаки|Джен Псаки" },
  { "Karine Jean-Pierre", "US", "Karine Jean-Pierre|Jean-Pierre" },
  { "John Kirby", "US", "John Kirby|Kirby" },
  { "Jake Sullivan", "US", "Jake Sullivan|Sullivan" },
  { "Kellyanne Conway", "US", "Kellyanne Conway|Conway" },
  { "State Department", "US", "State Department|Department of State|U.S. State Department|Госдеп|Госдепартамент|Госдепартамента" },
  { "Ned Price", "US", "Ned Price" },
  { "Matthew Miller", "US", "Matthew Miller" },
  { "Rex Tillerson", "US", "Rex Tillerson|Tillerson" },
  { "Mike Pompeo", "US", "Mike Pompeo|Pompeo" },
  { "Antony Blinken", "US", "Antony Blinken|Blinken|Блинкен" },
  { "Élysée", "FR", "Élysée|Elysee|Élysée Palace|Elysee Palace|Елисейский дворец|Елисейского дворца" },
  { "German Federal Government", "DE", "Bundesregierung|German government|Federal Government|Chancellery|German Chancellery" },
  { "Steffen Seibert", "DE", "Steffen Seibert|Seibert|Зайберт" },
  { "Steffen Hebestreit", "DE", "Steffen Hebestreit|Hebestreit" },
  { "Ministry of Foreign Affairs of Japan", "JP", "Ministry of Foreign Affairs of Japan|Japanese Foreign Ministry|MOFA|Japan's Foreign Ministry" },
  { "Kantei", "JP", "Kantei|Prime Minister's Office of Japan" },
  { "Chief Cabinet Secretary", "JP", "Chief Cabinet Secretary" },
  { "Chinese Foreign Ministry", "CN", "Chinese Foreign Ministry|China's Foreign Ministry|МИД КНР|МИД Китая" },
  { "Xinhua", "CN", "Xinhua|Синьхуа" },
  { "Wang Wenbin", "CN", "Wang Wenbin" },
  { "Mao Ning", "CN", "Mao Ning" },
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

const Speaker *
extractor_speaker_table (guint *n)
{
  *n = G_N_ELEMENTS (speakers);
  return speakers;
}
