/**
 * Countries an organisation or a representative can come from: the 193 UN member states and the
 * two non-member observer states, with the UN regional group that balance reports count by.
 */

export type RegionalGroup =
  | 'African States'
  | 'Asia-Pacific States'
  | 'Eastern European States'
  | 'Latin American and Caribbean States'
  | 'Western European and other States'
  | 'Other';

export interface Country {
  /** ISO 3166-1 alpha-2 */
  code: string;
  /** UN English short name */
  name: string;
  group: RegionalGroup;
}

type Entry = readonly [code: string, name: string];

const AFRICAN: Entry[] = [
  ['DZ', 'Algeria'],
  ['AO', 'Angola'],
  ['BJ', 'Benin'],
  ['BW', 'Botswana'],
  ['BF', 'Burkina Faso'],
  ['BI', 'Burundi'],
  ['CV', 'Cabo Verde'],
  ['CM', 'Cameroon'],
  ['CF', 'Central African Republic'],
  ['TD', 'Chad'],
  ['KM', 'Comoros'],
  ['CG', 'Congo'],
  ['CI', "Côte d'Ivoire"],
  ['CD', 'Democratic Republic of the Congo'],
  ['DJ', 'Djibouti'],
  ['EG', 'Egypt'],
  ['GQ', 'Equatorial Guinea'],
  ['ER', 'Eritrea'],
  ['SZ', 'Eswatini'],
  ['ET', 'Ethiopia'],
  ['GA', 'Gabon'],
  ['GM', 'Gambia'],
  ['GH', 'Ghana'],
  ['GN', 'Guinea'],
  ['GW', 'Guinea-Bissau'],
  ['KE', 'Kenya'],
  ['LS', 'Lesotho'],
  ['LR', 'Liberia'],
  ['LY', 'Libya'],
  ['MG', 'Madagascar'],
  ['MW', 'Malawi'],
  ['ML', 'Mali'],
  ['MR', 'Mauritania'],
  ['MU', 'Mauritius'],
  ['MA', 'Morocco'],
  ['MZ', 'Mozambique'],
  ['NA', 'Namibia'],
  ['NE', 'Niger'],
  ['NG', 'Nigeria'],
  ['RW', 'Rwanda'],
  ['ST', 'Sao Tome and Principe'],
  ['SN', 'Senegal'],
  ['SC', 'Seychelles'],
  ['SL', 'Sierra Leone'],
  ['SO', 'Somalia'],
  ['ZA', 'South Africa'],
  ['SS', 'South Sudan'],
  ['SD', 'Sudan'],
  ['TG', 'Togo'],
  ['TN', 'Tunisia'],
  ['UG', 'Uganda'],
  ['TZ', 'United Republic of Tanzania'],
  ['ZM', 'Zambia'],
  ['ZW', 'Zimbabwe'],
];

const ASIA_PACIFIC: Entry[] = [
  ['AF', 'Afghanistan'],
  ['BH', 'Bahrain'],
  ['BD', 'Bangladesh'],
  ['BT', 'Bhutan'],
  ['BN', 'Brunei Darussalam'],
  ['KH', 'Cambodia'],
  ['CN', 'China'],
  ['CY', 'Cyprus'],
  ['KP', "Democratic People's Republic of Korea"],
  ['FJ', 'Fiji'],
  ['IN', 'India'],
  ['ID', 'Indonesia'],
  ['IR', 'Iran (Islamic Republic of)'],
  ['IQ', 'Iraq'],
  ['JP', 'Japan'],
  ['JO', 'Jordan'],
  ['KZ', 'Kazakhstan'],
  ['KW', 'Kuwait'],
  ['KG', 'Kyrgyzstan'],
  ['LA', "Lao People's Democratic Republic"],
  ['LB', 'Lebanon'],
  ['MY', 'Malaysia'],
  ['MV', 'Maldives'],
  ['MH', 'Marshall Islands'],
  ['FM', 'Micronesia (Federated States of)'],
  ['MN', 'Mongolia'],
  ['MM', 'Myanmar'],
  ['NR', 'Nauru'],
  ['NP', 'Nepal'],
  ['OM', 'Oman'],
  ['PK', 'Pakistan'],
  ['PW', 'Palau'],
  ['PG', 'Papua New Guinea'],
  ['PH', 'Philippines'],
  ['QA', 'Qatar'],
  ['KR', 'Republic of Korea'],
  ['WS', 'Samoa'],
  ['SA', 'Saudi Arabia'],
  ['SG', 'Singapore'],
  ['SB', 'Solomon Islands'],
  ['LK', 'Sri Lanka'],
  ['SY', 'Syrian Arab Republic'],
  ['TJ', 'Tajikistan'],
  ['TH', 'Thailand'],
  ['TL', 'Timor-Leste'],
  ['TO', 'Tonga'],
  ['TM', 'Turkmenistan'],
  ['TV', 'Tuvalu'],
  ['AE', 'United Arab Emirates'],
  ['UZ', 'Uzbekistan'],
  ['VU', 'Vanuatu'],
  ['VN', 'Viet Nam'],
  ['YE', 'Yemen'],
  // Kiribati belongs to no regional group; it is counted with its Pacific neighbours so that
  // balance reports have no gap, which is a reporting choice rather than UN membership.
  ['KI', 'Kiribati'],
];

const EASTERN_EUROPEAN: Entry[] = [
  ['AL', 'Albania'],
  ['AM', 'Armenia'],
  ['AZ', 'Azerbaijan'],
  ['BY', 'Belarus'],
  ['BA', 'Bosnia and Herzegovina'],
  ['BG', 'Bulgaria'],
  ['HR', 'Croatia'],
  ['CZ', 'Czechia'],
  ['EE', 'Estonia'],
  ['GE', 'Georgia'],
  ['HU', 'Hungary'],
  ['LV', 'Latvia'],
  ['LT', 'Lithuania'],
  ['ME', 'Montenegro'],
  ['MK', 'North Macedonia'],
  ['PL', 'Poland'],
  ['MD', 'Republic of Moldova'],
  ['RO', 'Romania'],
  ['RU', 'Russian Federation'],
  ['RS', 'Serbia'],
  ['SK', 'Slovakia'],
  ['SI', 'Slovenia'],
  ['UA', 'Ukraine'],
];

const LATIN_AMERICAN_CARIBBEAN: Entry[] = [
  ['AG', 'Antigua and Barbuda'],
  ['AR', 'Argentina'],
  ['BS', 'Bahamas'],
  ['BB', 'Barbados'],
  ['BZ', 'Belize'],
  ['BO', 'Bolivia (Plurinational State of)'],
  ['BR', 'Brazil'],
  ['CL', 'Chile'],
  ['CO', 'Colombia'],
  ['CR', 'Costa Rica'],
  ['CU', 'Cuba'],
  ['DM', 'Dominica'],
  ['DO', 'Dominican Republic'],
  ['EC', 'Ecuador'],
  ['SV', 'El Salvador'],
  ['GD', 'Grenada'],
  ['GT', 'Guatemala'],
  ['GY', 'Guyana'],
  ['HT', 'Haiti'],
  ['HN', 'Honduras'],
  ['JM', 'Jamaica'],
  ['MX', 'Mexico'],
  ['NI', 'Nicaragua'],
  ['PA', 'Panama'],
  ['PY', 'Paraguay'],
  ['PE', 'Peru'],
  ['KN', 'Saint Kitts and Nevis'],
  ['LC', 'Saint Lucia'],
  ['VC', 'Saint Vincent and the Grenadines'],
  ['SR', 'Suriname'],
  ['TT', 'Trinidad and Tobago'],
  ['UY', 'Uruguay'],
  ['VE', 'Venezuela (Bolivarian Republic of)'],
];

// The United States is an observer in WEOG but is counted with it for elections, as is Türkiye.
const WESTERN_EUROPEAN_OTHER: Entry[] = [
  ['AD', 'Andorra'],
  ['AU', 'Australia'],
  ['AT', 'Austria'],
  ['BE', 'Belgium'],
  ['CA', 'Canada'],
  ['DK', 'Denmark'],
  ['FI', 'Finland'],
  ['FR', 'France'],
  ['DE', 'Germany'],
  ['GR', 'Greece'],
  ['IS', 'Iceland'],
  ['IE', 'Ireland'],
  ['IL', 'Israel'],
  ['IT', 'Italy'],
  ['LI', 'Liechtenstein'],
  ['LU', 'Luxembourg'],
  ['MT', 'Malta'],
  ['MC', 'Monaco'],
  ['NL', 'Netherlands'],
  ['NZ', 'New Zealand'],
  ['NO', 'Norway'],
  ['PT', 'Portugal'],
  ['SM', 'San Marino'],
  ['ES', 'Spain'],
  ['SE', 'Sweden'],
  ['CH', 'Switzerland'],
  ['TR', 'Türkiye'],
  ['GB', 'United Kingdom of Great Britain and Northern Ireland'],
  ['US', 'United States of America'],
];

const OBSERVERS: Entry[] = [
  ['VA', 'Holy See'],
  ['PS', 'State of Palestine'],
];

const withGroup = (entries: Entry[], group: RegionalGroup): Country[] => entries.map(([code, name]) => ({ code, name, group }));

/** Every country, sorted by English name. */
export const COUNTRIES: readonly Country[] = Object.freeze(
  [
    ...withGroup(AFRICAN, 'African States'),
    ...withGroup(ASIA_PACIFIC, 'Asia-Pacific States'),
    ...withGroup(EASTERN_EUROPEAN, 'Eastern European States'),
    ...withGroup(LATIN_AMERICAN_CARIBBEAN, 'Latin American and Caribbean States'),
    ...withGroup(WESTERN_EUROPEAN_OTHER, 'Western European and other States'),
    ...withGroup(OBSERVERS, 'Other'),
  ].sort((a, b) => a.name.localeCompare(b.name, 'en')),
);

/** The five UN regional groups plus 'Other', in the order reports list them. */
export const REGIONAL_GROUPS: readonly RegionalGroup[] = [
  'African States',
  'Asia-Pacific States',
  'Eastern European States',
  'Latin American and Caribbean States',
  'Western European and other States',
  'Other',
];

// Names people actually type, which differ from the UN short names above.
const ALIASES: Record<string, string> = {
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  us: 'US',
  america: 'US',
  'united states': 'US',
  uk: 'GB',
  'u k': 'GB',
  'united kingdom': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  russia: 'RU',
  turkey: 'TR',
  turkiye: 'TR',
  'ivory coast': 'CI',
  'cote divoire': 'CI',
  'south korea': 'KR',
  korea: 'KR',
  'north korea': 'KP',
  dprk: 'KP',
  iran: 'IR',
  syria: 'SY',
  laos: 'LA',
  vietnam: 'VN',
  moldova: 'MD',
  tanzania: 'TZ',
  venezuela: 'VE',
  bolivia: 'BO',
  micronesia: 'FM',
  'czech republic': 'CZ',
  macedonia: 'MK',
  swaziland: 'SZ',
  'cape verde': 'CV',
  vatican: 'VA',
  'vatican city': 'VA',
  palestine: 'PS',
  holland: 'NL',
  'kingdom of the netherlands': 'NL',
  brunei: 'BN',
  burma: 'MM',
  'east timor': 'TL',
  uae: 'AE',
  drc: 'CD',
  'dr congo': 'CD',
  'congo kinshasa': 'CD',
  'congo brazzaville': 'CG',
  'republic of the congo': 'CG',
  'sao tome': 'ST',
  'saint kitts': 'KN',
  'saint vincent': 'VC',
  'st kitts': 'KN',
  'st vincent': 'VC',
  'st lucia': 'LC',
  'republic of ireland': 'IE',
};

function normalise(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/[^a-z0-9()]+/g, ' ')
    .replace(/^the /, '')
    .replace(/^st /, 'saint ')
    .trim();
}

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
const BY_NAME = new Map<string, Country>();
for (const c of COUNTRIES) {
  BY_NAME.set(normalise(c.name), c);
  // "Bolivia (Plurinational State of)" should also match plain "Bolivia".
  const short = normalise(c.name.replace(/\s*\(.*\)\s*/, ''));
  if (!BY_NAME.has(short)) BY_NAME.set(short, c);
}
for (const [alias, code] of Object.entries(ALIASES)) {
  const c = BY_CODE.get(code);
  if (c && !BY_NAME.has(alias)) BY_NAME.set(alias, c);
}

/**
 * Finds a country from an ISO alpha-2 code or a name, ignoring case, accents and punctuation;
 * common short names ("USA", "UK", "Russia", "Turkey", "Ivory Coast") are understood too.
 */
export function findCountry(input: string | null | undefined): Country | undefined {
  if (!input) return undefined;
  const trimmed = input.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const byCode = BY_CODE.get(trimmed.toUpperCase());
    if (byCode) return byCode;
  }
  const key = normalise(trimmed);
  return BY_NAME.get(key) ?? BY_NAME.get(key.replace(/\s*\(.*\)\s*/, '').trim());
}

// Names in other languages come from the runtime's CLDR data (Intl.DisplayNames, on Node and in
// workerd) rather than a hand-kept list; English keeps the UN short names above.
const displayNames = new Map<string, Intl.DisplayNames | null>();
function localName(code: string, locale: string): string | undefined {
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));
    } catch {
      displayNames.set(locale, null);
    }
  }
  return displayNames.get(locale)?.of(code) ?? undefined;
}

/** A country's name for a code, in `locale` (UN English names for English); the code itself when unknown, so old records still display. */
export function countryName(code: string, locale = 'en'): string {
  const c = BY_CODE.get(code.toUpperCase());
  if (!c) return code;
  return locale === 'en' ? c.name : (localName(c.code, locale) ?? c.name);
}

const optionsByLocale = new Map<string, { value: string; label: string }[]>();

/** Every country as a select option, named and sorted in `locale`. */
export function countryOptions(locale = 'en'): { value: string; label: string }[] {
  let options = optionsByLocale.get(locale);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = COUNTRIES.map((c) => ({ value: c.code, label: countryName(c.code, locale) }));
    if (locale !== 'en') options.sort((a, b) => collator.compare(a.label, b.label));
    optionsByLocale.set(locale, options);
    // Typed answers in that language ("Allemagne", "Alemania") find the country too.
    for (const o of options) {
      const key = normalise(o.label);
      const country = BY_CODE.get(o.value);
      if (country && !BY_NAME.has(key)) BY_NAME.set(key, country);
    }
  }
  return options;
}

/** UN regional group for a code; 'Other' when the code is unknown. */
export function regionalGroupOf(code: string): RegionalGroup {
  return BY_CODE.get(code.toUpperCase())?.group ?? 'Other';
}

/**
 * Countries whose name (or a common short name) matches what someone is typing: names that start
 * with it first, then names containing a word that does, then any other match; alphabetical within.
 */
export function searchCountries(query: string, limit = 25): Country[] {
  const q = normalise(query);
  if (!q) return COUNTRIES.slice(0, limit);
  const rank = (c: Country): number => {
    const name = normalise(c.name);
    const aliases = Object.entries(ALIASES)
      .filter(([, code]) => code === c.code)
      .map(([a]) => a);
    if (name.startsWith(q) || aliases.some((a) => a.startsWith(q)) || c.code.toLowerCase() === q) return 0;
    if (` ${name}`.includes(` ${q}`) || aliases.some((a) => ` ${a}`.includes(` ${q}`))) return 1;
    return name.includes(q) ? 2 : 3;
  };
  return COUNTRIES.map((c) => ({ c, r: rank(c) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r)
    .slice(0, limit)
    .map((x) => x.c);
}
