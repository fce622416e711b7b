/** A village with a rural school, and the school's adjective («д. Каменка» → «Каменская»). */
export type DemoVillage = { name: string; adjective: string };

/** Rural schools named in the seeds, placed in their real districts (kind as in the seeds). */
export const SEEDED_RURAL_SCHOOLS: Array<DemoVillage & { municipalityCode: string; kind: "СОШ" | "ООШ" }> = [
  { municipalityCode: "kardymovo", name: "д. Каменка", adjective: "Каменская", kind: "ООШ" },
  { municipalityCode: "ugra", name: "с. Знаменка", adjective: "Знаменская", kind: "СОШ" },
  { municipalityCode: "ugra", name: "с. Всходы", adjective: "Всходская", kind: "СОШ" },
  { municipalityCode: "gagarin", name: "с. Никольское", adjective: "Никольская", kind: "СОШ" },
  { municipalityCode: "pochinok", name: "д. Шаталово", adjective: "Шаталовская", kind: "СОШ" },
  { municipalityCode: "pochinok", name: "д. Богданово", adjective: "Богдановская", kind: "ООШ" },
  { municipalityCode: "sychevka", name: "д. Караваево", adjective: "Караваевская", kind: "ООШ" },
  { municipalityCode: "sychevka", name: "д. Никитье", adjective: "Никитская", kind: "ООШ" },
  { municipalityCode: "roslavl", name: "д. Ивановка", adjective: "Ивановская", kind: "ООШ" },
  { municipalityCode: "shumyachi", name: "с. Снегирёвка", adjective: "Снегирёвская", kind: "ООШ" },
  { municipalityCode: "shumyachi", name: "д. Балахоновка", adjective: "Балахоновская", kind: "ООШ" },
  { municipalityCode: "velizh", name: "д. Погорелье", adjective: "Погорельская", kind: "ООШ" },
  { municipalityCode: "demidov", name: "д. Верхние Моховичи", adjective: "Верхне-Моховичская", kind: "ООШ" },
  { municipalityCode: "dorogobuzh", name: "д. Усвятье", adjective: "Усвятская", kind: "СОШ" },
];

/**
 * Village names for the other rural schools, one word each, ending in -ово/-ево/-ино/-ыно, -ское/-цкое
 * or -овка/-евка/-енка so that the school's adjective follows by rule (see villageAdjective).
 */
const VILLAGE_NAMES = `
Азарово Алфимово Андрейково Баскаково Бакланово Барсуково Беляево Беленино Березино Болтутино Бородино
Будаево Буяново Булгаково Вадино Васьково Вердино Власово Волоково Волково Воронцово Гнёздово Гусино
Глебово Горбуново Днепровское Добромино Дугино Дроздово Ефремово Жуково Зайцево Издешково Исаково
Игнатово Кайдаково Карманово Кузьмино Ларино Лукино Мартыново Мерлино Миткино Мурыгино Никулино
Новосёлово Орлово Павлово Панино Пржевальское Пригорское Прудково Пушкино Рождественское Сапрыкино
Семлёво Семёново Сметанино Соболево Степаниково Суетово Талашкино Тишино Токарево Торбеево Троицкое
Туманово Ушаково Устиново Хохлово Чернево Шилово Шокино Шуйское Юрьево Яковлево Алексино Нахимовское
Андреевка Алексеевка Васильевка Дмитриевка Михайловка Петровка Фёдоровка Сергеевка Осиновка Липовка
Дубровка Михновка Максимовка Руссковка Слободка Ольховка Николаевка Тимофеевка Владимировка
Бобровка Малиновка Калиновка Ясеновка Сосновка Вишнёвка Ракитовка Полевка Луговка Заречное Подгорное
Богородицкое Воскресенское Успенское Спасское Архангельское Преображенское Введенское Ильинское
Казанское Покровское Вознесенское Петропавловское Знаменское Дмитровское Борисово Глушково Денисово
Ермолино Жарково Захарово Иваньково Кобылино Козино Коробино Кривцово Кудрино Лешково Лопатино
Лихачёво Мамоново Митино Мосолово Нагорьево Овсяниково Озерищево Пасово Песочково Подлесное
Раменское Рудаково Рябцево Саутино Селезнёво Сельцово Сенино Сивцово Скачково Скрипино Соколово
Сорокино Стешино Субботино Сущёво Тарасово Телятково Тихоново Тростино Угольково Федотово Филимоново
Фомино Хлыстово Холмово Чаплыгино Чернышино Чистяково Шапкино Шарапово Шестаково Шмаково Щёлково
Ярыгино Аносово Бельково Бердино Бобково Болдино Быково Ветлицы Вышегорское Голочёлово
Горяино Дёмино Дорохово Дягилево Евдокимово Желтухино Журавлёво Заболотское Зубово Калугино Каменское
Карпово Клемятино Климово Кожухово Колесниково Комарово Копытово Корнеево Котово Кошелёво Крюково
Кукуево Лебедево Лобково Лукьяново Любимово Макарово Марьино Мокрецово Мясоедово Неёлово Никитино
Ново-Спасское Обухово Окатово Осокино Петрищево Плешково Подъелье Полибино Пречистенское Прокудино
Пустошкино Радино Ракитино Рыжково Рябинино Савино Самуйлово Свиридово Серебрянское Синьково Старосельское
Сутоки Тереньково Тимонино Трошино Уварово Фролово Хмелёво Хотеево Цурики Чекулино Шатеево Шишкино
`;

/** A school adjective for a village name: «Азарово» → «Азаровская», «Троицкое» → «Троицкая», «Липовка» → «Липовская». */
export function villageAdjective(name: string): string {
  if (/(ск|цк)ое$/.test(name)) return `${name.slice(0, -2)}ая`;
  if (/(ов|ев|ёв|ин|ын|ён)о$/.test(name)) return `${name.slice(0, -1)}ская`;
  if (/(ов|ев|ен)ка$/.test(name)) return `${name.slice(0, -2)}ская`;
  return "";
}

/** «с.» for -ское/-цкое (former church villages), «д.» otherwise. */
function villagePrefix(name: string): string {
  return /(ск|цк)ое$/.test(name) ? "с." : "д.";
}

/** The generic villages: names whose adjective follows by rule, without duplicates of the seeded ones. */
export const GENERIC_VILLAGES: DemoVillage[] = [...new Set(VILLAGE_NAMES.split(/\s+/))]
  .filter((name) => villageAdjective(name) !== "")
  .map((name) => ({ name: `${villagePrefix(name)} ${name}`, adjective: villageAdjective(name) }))
  .filter((village) => !SEEDED_RURAL_SCHOOLS.some((seeded) => seeded.adjective === village.adjective));
