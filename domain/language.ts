/**
 * Text handling for questions: normalising, stemming, stopwords, synonyms, a few foreign keywords,
 * language detection and splitting a message into its questions. Everything here is plain data
 * plus small pure functions, so the knowledge index and the query agree on every term.
 */

/** Lower case, accents and apostrophes removed, contractions opened, punctuation turned to spaces. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\bcan't\b/g, 'cannot')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(/'(s|re|ve|ll|d|m)\b/g, '')
    .replace(/[^a-z0-9ß]+/g, ' ')
    .trim();
}

export function tokenize(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}

// A light suffix stripper: enough to join "dialogues/dialogue", "accredited/accreditation",
// "applies/apply" without pulling in a stemming library. Applied identically to index and query.
export function stem(term: string): string {
  let t = term;
  if (/^\d+$/.test(t) || t.length <= 3) return t;
  if (t.endsWith('ies') && t.length > 4) t = `${t.slice(0, -3)}y`;
  else if (t.endsWith('s') && !/(ss|us|is)$/.test(t)) t = t.slice(0, -1);
  for (const suffix of ['ations', 'ation', 'ing', 'ed']) {
    if (t.endsWith(suffix) && t.length - suffix.length >= 4) return t.slice(0, -suffix.length);
  }
  return t;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

// Function words and chat filler in English (plus common shorthands and typos of them), then the
// languages the foreign keyword map covers. They carry no meaning for retrieval.
const EN = words(`a about above after again against all also already am an and any anyone anything anyway are
  as at be because been before being below between but by can cannot could dear did do does doing done down
  during each either else even ever every few for from further had has have having he hello her here hers hey hi
  him his i if in into is it its itself just kind let like me might mine most much must my myself nor not
  now of off ok okay on once only or other others ought our ours ourselves out over own per please possibly
  same she should so some such than thank thanks that the their theirs them themselves then there these they
  this those though through thus to too under until up upon us very want was way we were what whatever
  whether which while whom whose why will with would yes yet you your yours yourself yourselves
  whats wheres whos hows im ive dont doesnt cant wont isnt arent didnt teh hte adn waht wat u ur pls plz
  thx tell know able allowed still really one ones anybody someone something regarding greetings morning
  afternoon evening good day sir madam hola bonjour hallo ola oi`);
const STOPWORDS_BY_LANG: Record<string, string[]> = {
  en: words(`the is are what when how who can do i we my our to for of and in there does will a an it you your
    have be with about should whats`),
  es: words(`hola el la los las de del que y en un una es por para con como cual cuales cuando donde quien quienes
    puedo podemos puede pueden mi mis nuestra nuestro nosotros somos hay esta este estos se lo al tengo tenemos
    si sobre buenos dias gracias yo usted ustedes su sus son muy tambien pero`),
  fr: words(`bonjour salut le la les de des du et en un une est pour avec comment quel quelle quels quelles quand ou
    qui je nous vous mon ma mes notre nos votre vos peut peux pouvons pouvez il elle ce cette sur dans pas ne
    merci sont au aux que qu est-ce`),
  de: words(`hallo guten tag der die das den dem des und ist ein eine einen fur mit wie wann wo wer was welche ich
    wir sie mein meine unser unsere kann konnen konnte zu auf im nicht es auch bitte danke gibt bis von oder`),
  pt: words(`ola oi o os a as de do da dos das e em um uma para com como qual quais quando onde quem eu nos meu
    minha nosso nossa posso podemos pode ha esta este se no na nao obrigado obrigada sobre sao voce tem temos ao`),
};

// "who", "how", "when" and "where" stay meaningful: they separate "who can apply" from "how do I apply".
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...EN, ...Object.entries(STOPWORDS_BY_LANG).filter(([l]) => l !== 'en').flatMap(([, list]) => list),
]);

/** Stopword-free, stemmed term, or null when the word carries no meaning. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (t.length < 2 && !/^\d$/.test(t)) return null;
  if (STOPWORDS.has(t)) return null;
  return stem(t);
}

/**
 * How people say the call's concepts: [terms the call uses, phrases that mean them]. A phrase in a
 * question adds the terms; the phrase's own words are kept too, since FAQ variants may use them.
 */
const SYNONYMS: Array<[string, string]> = [
  ['trafficking persons', 'human trafficking|trafficking|trafficked|trafficking in human beings|trata'],
  ['smuggling migrants', 'migrant smuggling|people smuggling|smuggling|smugglers|migrants|migration'],
  ['firearms', 'guns|gun|weapons|weapon|arms|firearm|small arms'],
  ['technical assistance', 'technical|capacity building'],
  ['costs travel support', 'money|funding|fund|funds|finance|financial|financing|grant|grants|sponsor|sponsorship|scholarship|pay|paid|payment|reimburse|reimbursement|flight|flights|airfare|ticket|tickets|hotel|hotels|accommodation|lodging|per diem|dsa|expenses|financial help|financial support|financial assistance|subsidy'],
  ['costs', 'fee|fees|free|price|charge|cost|afford'],
  ['academia', 'university|universities|research|researcher|researchers|academic|academics|scholar|scholars|think tank|institute|professor|students'],
  ['private sector', 'company|companies|business|businesses|corporate|corporation|firm|industry|enterprise|for profit'],
  ['ngo non governmental', 'ngo|ngos|civil society|cso|csos|nonprofit|non profit|charity|association|foundation|non governmental'],
  ['apply', 'register|registration|sign up|signup|enrol|enroll|submit|send|candidacy|application form|fill|fill in|fill out|form'],
  ['participate', 'join|attend|attendance|take part|participation|come|be there'],
  ['deadline', 'last day|due date|closing date|cut off|cutoff|close|closes|closing|closed|too late|late|last date|final date|expire|expires|due|until when|by when'],
  ['ecosoc', 'ecosc|eco soc|economic and social council|consultative status|accredited|accreditation'],
  ['without', 'do not have|does not have|not have|no ecosoc|lack|lacking|non ecosoc|not accredited'],
  ['online', 'virtual|virtually|remote|remotely|zoom|webex|teams link|livestream|stream|internet'],
  ['hybrid person vienna', 'in person|onsite|on site|physically|physical|venue|location|city|place|where is it'],
  ['dialogue', 'meeting|event|session|conference|dialog|forum|workshop'],
  ['date', 'dates|day|days|schedule|held|happen|happening|take place'],
  ['objectives purpose', 'aim|aims|goal|goals|objective|why|point of|outcome expected'],
  ['legal basis mandate', 'legal|basis|resolution|paragraph 53|rules|procedures|legislative|law'],
  ['approval selection', 'who decides|select|selected|pick|picked|choose|chosen|accepted|accept|approve|approved|decide|decides|decision|criteria'],
  ['diversity gender geographical', 'gender|women|balance|regional|geographic|region|regions|quota'],
  ['contact', 'email|e mail|mail|reach|phone|talk to|helpdesk|help desk|secretariat|organizers|organisers|get in touch'],
  ['report information', 'reports|last year|previous|2022|outcomes|documents|more information|more info|website|link|links|read'],
  ['time zone', 'timezone|tz|cet|utc|gmt|local time|which time|hour'],
  ['edit', 'change|modify|update|correct|fix|mistake|amend|withdraw|cancel|revise'],
  ['status received', 'receive|got|did you get|get my|confirmation|confirm|reference number|heard|news|pending|outcome'],
  ['multiple', 'both|several|more than one|two dialogues|each dialogue|many dialogues|multiple'],
  ['certain', 'not sure|not certain|do not know|unsure|maybe|wait|not confirmed|tentative|undecided|might not'],
  ['grassroots victim', 'small|grass roots|community based|victim|victims|survivor|survivors|victim led|victim focused'],
  ['later dialogues', 'next call|other dialogues|later|upcoming|future|next'],
];

/** Keywords of the languages the bot may be asked in, mapped to English terms of the call. */
const FOREIGN: Record<string, Array<[string, string]>> = {
  es: [
    ['deadline', 'fecha limite|plazo|ultimo dia|cierre|vence'], ['who can apply', 'quien puede|quienes pueden|puedo participar|podemos participar'],
    ['apply', 'postular|postularse|solicitar|solicitud|inscribir|inscribirse|inscripcion|registrarse|registro|aplicar|formulario'],
    ['costs travel support', 'costos|costes|gastos|pagar|paga|financiacion|financiamiento|apoyo|viaje|pasaje|ayuda'],
    ['trafficking persons', 'trata de personas|trata'], ['smuggling migrants', 'trafico de migrantes|trafico ilicito de migrantes'],
    ['firearms', 'armas de fuego|armas'], ['technical assistance', 'asistencia tecnica'],
    ['international cooperation', 'cooperacion internacional'], ['date dialogue', 'fecha|fechas|dialogo|dialogos|reunion'],
    ['online', 'en linea'], ['vienna', 'viena'], ['person', 'presencial'], ['contact', 'contacto|contactar|correo'],
    ['academia', 'universidad|investigacion'], ['private sector', 'empresa|empresas|sector privado'],
    ['objectives purpose', 'objetivo|objetivos|proposito'], ['report', 'informe|informes'], ['time zone', 'zona horaria|hora'],
    ['edit', 'modificar|cambiar|editar'], ['status', 'estado'], ['ngo', 'ong'],
  ],
  fr: [
    ['deadline', 'date limite|delai|echeance|cloture'], ['who can apply', 'qui peut|qui peuvent'],
    ['apply', 'postuler|candidater|inscrire|inscription|candidature|formulaire|demande'],
    ['costs travel support', 'frais|couts|cout|prise en charge|billet|voyage|financement|soutien|aide|payer'],
    ['trafficking persons', 'traite des personnes|traite des etres humains|traite'], ['smuggling migrants', 'trafic de migrants|trafic illicite de migrants'],
    ['firearms', 'armes a feu|armes'], ['technical assistance', 'assistance technique'],
    ['international cooperation', 'cooperation internationale'], ['date dialogue', 'reunion'],
    ['online', 'en ligne|distance'], ['vienna', 'vienne'], ['person', 'presentiel'], ['contact', 'contacter|courriel'],
    ['academia', 'universite|recherche'], ['private sector', 'entreprise|entreprises|secteur prive'],
    ['objectives purpose', 'objectif|objectifs|but'], ['report', 'rapport|rapports'], ['time zone', 'fuseau horaire|heure'],
    ['edit', 'modifier|changer'], ['status', 'statut'], ['ngo', 'ong'],
  ],
  de: [
    ['deadline', 'frist|einsendeschluss|bewerbungsschluss|anmeldeschluss|stichtag'], ['who can apply', 'wer kann|wer darf'],
    ['apply', 'bewerben|anmelden|bewerbung|anmeldung|antrag|formular|teilnehmen'],
    ['costs travel support', 'kosten|reisekosten|reise|unterstutzung|finanzierung|bezahlt|zahlt|flug'],
    ['trafficking persons', 'menschenhandel'], ['smuggling migrants', 'schleusung|schlepperei|migrantenschmuggel'],
    ['firearms', 'feuerwaffen|waffen'], ['technical assistance', 'technische hilfe|technische unterstutzung'],
    ['international cooperation', 'internationale zusammenarbeit'], ['date dialogue', 'datum|termin|treffen'],
    ['vienna', 'wien'], ['person', 'vor ort|personlich'], ['academia', 'universitat|hochschule|forschung'],
    ['private sector', 'unternehmen|firma|privatsektor'], ['objectives purpose', 'ziel|ziele|zweck'], ['report', 'bericht|berichte'],
    ['time zone', 'zeitzone|uhrzeit'], ['edit', 'andern|bearbeiten'], ['contact', 'kontakt'],
  ],
  pt: [
    ['deadline', 'prazo|data limite|ultimo dia'], ['who can apply', 'quem pode|quem podem'],
    ['apply', 'inscrever|inscricao|candidatar|candidatura|formulario|participar'],
    ['costs travel support', 'custos|despesas|viagem|passagem|passagens|apoio|financiamento|pagar|ajuda'],
    ['trafficking persons', 'trafico de pessoas'], ['smuggling migrants', 'contrabando de migrantes|trafico de migrantes'],
    ['firearms', 'armas de fogo|armas'], ['technical assistance', 'assistencia tecnica'],
    ['international cooperation', 'cooperacao internacional'], ['date dialogue', 'data|datas|dialogo|reuniao'],
    ['vienna', 'viena'], ['academia', 'universidade|pesquisa'], ['private sector', 'empresa|empresas|setor privado'],
    ['objectives purpose', 'objetivo|objetivos|finalidade'], ['report', 'relatorio|relatorios'], ['time zone', 'fuso horario'],
    ['edit', 'alterar|mudar|editar'], ['status', 'situacao'], ['ngo', 'ong'],
  ],
};

interface Phrase { tokens: string[]; terms: string[]; lang: string | null }

const PHRASES: Phrase[] = [
  ...SYNONYMS.flatMap(([terms, phrases]) =>
    phrases.split('|').map((p) => ({ tokens: tokenize(p), terms: words(terms), lang: null }))),
  ...Object.entries(FOREIGN).flatMap(([lang, table]) => table.flatMap(([terms, phrases]) =>
    phrases.split('|').map((p) => ({ tokens: tokenize(p), terms: words(terms), lang })))),
].sort((a, b) => b.tokens.length - a.tokens.length);

/** Every word the synonym and foreign tables know, as written (for spelling correction). */
export function vocabularyOfTables(): string[] {
  return [...new Set(PHRASES.flatMap((p) => [...p.tokens, ...p.terms]))];
}

/**
 * The meaning-bearing parts of a question, in order. Each group is one thing the asker said (a
 * word, or a phrase the tables know) with the terms it may be found under in the knowledge.
 */
export function queryGroups(text: string, spell: (token: string) => string = (t) => t): string[][] {
  const tokens = tokenize(text).map(spell);
  const groups: string[][] = [];
  for (let i = 0; i < tokens.length;) {
    const phrase = PHRASES.find((p) => p.tokens.every((t, k) => tokens[i + k] === t));
    const span = phrase ? phrase.tokens : [tokens[i]!];
    const said = span.map(processTerm).filter((t): t is string => t !== null);
    // A foreign phrase's own words would only find noise in an English index.
    const terms = [...(phrase?.lang ? [] : said), ...(phrase ? phrase.terms.map(processTerm) : [])]
      .filter((t): t is string => t !== null);
    if (terms.length) groups.push([...new Set(terms)]);
    i += Math.max(span.length, 1);
  }
  return groups;
}

// Built once: this runs for every question.
const STOPWORD_SETS: [string, ReadonlySet<string>][] = Object.entries(STOPWORDS_BY_LANG).map(([lang, list]) => [lang, new Set(list)]);

/** ISO 639-1 code of a question not written in English, from its function words; null for English. */
export function detectLanguage(text: string): string | null {
  const tokens = tokenize(text);
  const score: Record<string, number> = { en: 0, es: 0, fr: 0, de: 0, pt: 0 };
  for (const [lang, set] of STOPWORD_SETS) score[lang] = tokens.filter((t) => set.has(t)).length;
  for (const p of PHRASES) {
    if (p.lang && tokens.some((_, i) => p.tokens.every((t, k) => tokens[i + k] === t))) score[p.lang]! += 1;
  }
  // Letters that English never uses settle close calls between the Romance languages.
  if (/[¿¡ñ]/.test(text)) score.es! += 2;
  if (/[ãõ]/.test(text)) score.pt! += 2;
  if (/[ç]/.test(text)) { score.pt! += 1; score.fr! += 1; }
  if (/[èêàùœ]/.test(text)) score.fr! += 1;
  if (/[ßäöü]/.test(text)) score.de! += 2;
  const [best, top] = Object.entries(score).filter(([l]) => l !== 'en').sort((a, b) => b[1] - a[1])[0]!;
  return top >= 2 && top > score.en! ? best : null;
}

const OPENERS = new Set(words(`is are can could do does did when what where who whom which how why will would should
  may must has have am`));
const JOINERS = new Set(words('and also plus y et und e'));

/**
 * The questions in a message, in order. Statements are context for the question after them
 * ("We are a university. Can we apply?" is one question); "and" starts a new question only when a
 * question word follows it ("When is the deadline and is there travel support?").
 */
export function splitQuestions(text: string): string[] {
  const sentences = text.split(/(?<=[?!.;\n])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
  const pieces: string[] = [];
  for (const sentence of sentences) {
    const raw = sentence.split(/\s+/);
    let start = 0;
    for (let i = 1; i < raw.length - 1; i++) {
      const here = normalize(raw[i]!);
      const next = normalize(raw[i + 1]!).split(' ')[0] ?? '';
      if (JOINERS.has(here) && OPENERS.has(next)) {
        pieces.push(raw.slice(start, i).join(' '));
        start = i + 1;
      }
    }
    pieces.push(raw.slice(start).join(' '));
  }
  const isQuestion = (s: string) => /[?]\s*$/.test(s) || OPENERS.has(tokenize(s)[0] ?? '');
  const questions: string[] = [];
  let context = '';
  for (const piece of pieces) {
    if (isQuestion(piece)) {
      questions.push(`${context}${piece}`.trim());
      context = '';
    } else context += `${piece} `;
  }
  if (context.trim()) {
    if (questions.length) questions[questions.length - 1] += ` ${context.trim()}`;
    else questions.push(context.trim());
  }
  return questions;
}
