/**
 * Commands are short and imperative ("apply", "status", "withdraw my application"); small talk
 * ("good morning", "merci", "¿quién eres?") gets a short reply of its own and never reaches the
 * secretariat's inbox; everything else is a question for the knowledge base. Keeping commands
 * strict means "How do I apply?" or "Can I apply for the trafficking dialogue now?" are answered
 * rather than acted on. A greeting or thanks before a question is dropped and the question answered.
 */
import type { Locale } from '../../domain/i18n';

export type SmallTalk = 'greeting' | 'thanks' | 'ack' | 'howAreYou' | 'who' | 'human' | 'bye' | 'help' | 'empty';

export type Intent =
  | { kind: 'help' }
  | { kind: 'apply' }
  | { kind: 'status' }
  | { kind: 'edit' }
  | { kind: 'withdraw' }
  /**
   * "When will we hear back?", "has my application been approved?": the asker's own stage when
   * they have applied, else the answer to when and how decisions are communicated.
   */
  | { kind: 'outcome'; text: string }
  | { kind: 'subscribe'; topic: string }
  /** "I want to apply", "je voudrais postuler": start the form if a call is open, else answer. */
  | { kind: 'wantsToApply'; text: string }
  | { kind: 'smalltalk'; topic: SmallTalk; locale: Locale | null }
  | { kind: 'question'; text: string };

const commands: [RegExp, Extract<Intent, { kind: 'help' | 'apply' | 'status' | 'edit' | 'withdraw' }>['kind']][] = [
  [/^(help|menu|commands)$/, 'help'],
  [
    /^(apply|apply now|start|start (an |my )?application|new application|resume|continue|continue (my )?application|resume (my )?application|open (my )?application|postuler|candidater|commencer (ma )?candidature|postular(me)?|empezar (mi )?solicitud)$/,
    'apply',
  ],
  [/^(status|my status|(my )?application status|check (my )?(application|status)|where is my application)$/, 'status'],
  [/^(edit|change|update) (my )?application$|^edit$/, 'edit'],
  [/^withdraw( my application)?$/, 'withdraw'],
];

// Questions about one's own outcome (matched like commands, on the whole message).
const OUTCOME =
  /^(when will (i|we) (know|hear|be told)( back)?( if .*| whether .*| about (my|our) application)?|(has|was|is) (my|our) application (been )?(approved|accepted|decided)( yet)?|(am i|are we|have (i|we) been) (approved|accepted|selected)( yet)?|any news (about|on) (my|our) application)$/;

// Matched on folded text: lower case, no accents, punctuation as spaces.
const SMALL_TALK: [SmallTalk, Locale | null, RegExp][] = [
  [
    'greeting',
    'en',
    /^(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening|day)|whats up|what s up|sup|yo)( there| team| all| everyone| bot)?$/,
  ],
  ['greeting', 'fr', /^(bonjour|bonsoir|salut|coucou)( a tous| a toutes| madame| monsieur| l equipe)?$/],
  ['greeting', 'es', /^(hola|buenos dias|buenas tardes|buenas noches|buenas|saludos)( a todos| equipo)?$/],
  [
    'thanks',
    'en',
    /^((many |big )?thanks?( you)?( so much| very much| a lot| again)?|thx|ty|cheers|much appreciated|appreciated)( mate| team| all| everyone| guys| folks)?( for (the|your|all the) (help|info|information|answers?|reply|quick reply))?$/,
  ],
  [
    'thanks',
    'fr',
    /^(merci( beaucoup| bien| infiniment)?|je vous remercie)( pour (votre|ton|l|cette) (aide|reponse|information|informations))?$/,
  ],
  ['thanks', 'es', /^((muchas |mil )?gracias|se lo agradezco|te lo agradezco)( por (su|tu|la) (ayuda|respuesta|informacion))?$/],
  // "that was really helpful", "c'est très clair", "muy útil": said of an answer, a thank-you.
  [
    'thanks',
    'en',
    /^((that|this|it) (s|was|is) )?(very |really |so |super |most |extremely )?(helpful|useful|clear|informative|kind of you)( indeed)?$/,
  ],
  ['thanks', 'fr', /^((c est|c etait|ca m a ete|tres|vraiment|super|trop) )*(utile|clair|claire|gentil|aimable|precieux)$/],
  ['thanks', 'es', /^((es|fue|muy|super|realmente|de gran) )*(util|utiles|claro|clara|amable|ayuda)$/],
  [
    'ack',
    null,
    /^(ok|okay|k|great|perfect|cool|nice|got it|understood|alright|d accord|parfait|entendu|tres bien|vale|perfecto|entendido|genial|de acuerdo)$/,
  ],
  ['howAreYou', 'en', /^(how are you( doing)?( today)?|how is it going|hows it going|how do you do)$/],
  ['howAreYou', 'fr', /^(comment (ca va|allez vous|vas tu)|ca va)$/],
  ['howAreYou', 'es', /^(como (estas|esta usted|esta|te va)|que tal)$/],
  [
    'who',
    'en',
    /^(who are you|what are you|who am i (talking|speaking) (to|with)|are you (a |an )?(bot|robot|human|real person|person|ai))$/,
  ],
  ['who', 'fr', /^(qui etes vous|qui es tu|tu es qui|vous etes qui|(es tu|etes vous) (un robot|humain|une personne))$/],
  ['who', 'es', /^(quien eres|quien es usted|que eres|(eres|es usted) (un robot|humano|una persona))$/],
  [
    'human',
    'en',
    /\b(talk|speak|chat) (to|with) (a |an |some )?(human|person|real person|someone|somebody|agent|staff|officer|people)\b|\bhuman agent\b/,
  ],
  ['human', 'fr', /\bparler (a|avec) (un humain|une personne|quelqu un|un agent|un conseiller)\b/],
  ['human', 'es', /\bhablar con (un humano|una persona|alguien|un agente)\b/],
  ['bye', 'en', /^(bye|goodbye|bye bye|see you|see you later|have a (nice|good) day)$/],
  ['bye', 'fr', /^(au revoir|a bientot|bonne journee|bonne soiree)$/],
  ['bye', 'es', /^(adios|hasta luego|hasta pronto|chao|buen dia)$/],
  [
    'help',
    'en',
    /^(\?|what can you do|how can you help( me)?|what do you do|(can|could) you help( me| us)?( please)?|(i|we) need (some )?help|help me( please)?)$/,
  ],
  [
    'help',
    'fr',
    /^(aide|que (peux tu|pouvez vous) faire|comment (peux tu|pouvez vous) m aider|(peux tu|pouvez vous|tu peux|vous pouvez) m aider( svp| s il vous plait)?|j ai besoin d aide)$/,
  ],
  [
    'help',
    'es',
    /^(ayuda|que puedes hacer|que puede hacer|como (puedes|puede) ayudarme|(me )?(puedes|puede) ayudarme( por favor)?|me (puedes|puede) ayudar( por favor)?|necesito ayuda)$/,
  ],
];

/** Lower case, no accents, punctuation as spaces: how small talk and commands are compared. */
function folded(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/^\/?dialogues\s+/, '')
    .replace(/[^\p{L}\p{N}?]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function smallTalkPhrase(f: string): [SmallTalk, Locale | null] | null {
  for (const [topic, locale, re] of SMALL_TALK) if (re.test(f)) return [topic, locale];
  return null;
}

/** The piece as small talk, also when it strings several together ("ok thanks bye"); null if it is not. */
function smallTalkOf(text: string): [SmallTalk, Locale | null] | null {
  const f =
    folded(text)
      .replace(/\s*\?+$/, '')
      .trim() || (text.trim() === '?' ? '?' : '');
  const whole = smallTalkPhrase(f);
  if (whole) return whole;
  const w = f.split(' ');
  if (w.length > 8) return null;
  // Can the words be cut into pieces that are each small talk? The last one is what to answer
  // ("ok thanks, bye" is a goodbye).
  const from = (i: number): [SmallTalk, Locale | null] | null => {
    for (let j = w.length; j > i; j--) {
      const here = smallTalkPhrase(w.slice(i, j).join(' '));
      if (!here) continue;
      if (j === w.length) return here;
      const rest = from(j);
      if (rest) return rest;
    }
    return null;
  };
  return from(0);
}

// "… for the firearms dialogue", "… au dialogue sur les armes à feu", "… en el diálogo de asistencia
// técnica": a meeting word, with at most a few words naming it.
const EN_TO_DIALOGUE = String.raw`( (for|to|in) (the |both |a )?([a-z]+ ){0,4}(dialogue|dialogues|dialog|meeting|one))?`;
const FR_TO_DIALOGUE = String.raw`( (a|au|aux|pour) (la |le |les |l )?(dialogue|dialogues|reunion)( [a-z]+){0,5})?`;
const ES_TO_DIALOGUE = String.raw`( (a|al|en|para) (el |los |la )?(dialogo|dialogos|reunion)( [a-z]+){0,5})?`;

// Matched on folded text.
const WANTS_TO_APPLY = new RegExp(
  [
    String.raw`^(i|we)( would| d)? (want|like|wish|need|am ready|are ready) to (apply|register|sign up|submit (an|our|my) application|start (an|our|my) application)${EN_TO_DIALOGUE}( now| please)?$`,
    String.raw`^(i|we) (want|wish) to (apply|register)${EN_TO_DIALOGUE}( now| please)?$`,
    String.raw`^(please )?(sign|register|enrol|enroll) (me|us)( up)?${EN_TO_DIALOGUE}( now| please)?$`,
    String.raw`^(je|nous) (veux|voudrais|souhaite|souhaiterais|voulons|voudrions|souhaitons) (postuler|candidater|m inscrire|nous inscrire|presenter (une|ma|notre) candidature|deposer (une|ma|notre) candidature)${FR_TO_DIALOGUE}( maintenant| svp| s il vous plait)?$`,
    String.raw`^(quiero|quisiera|queremos|quisieramos|deseo|deseamos) (postularme|postular|postularnos|inscribirme|inscribirnos|solicitar|presentar (una|mi|nuestra) solicitud|aplicar)${ES_TO_DIALOGUE}( ahora| por favor)?$`,
  ].join('|'),
);

const subscribe =
  /\b(tell|notify|remind|inform|alert|ping|let) me\b.*\b(when|once|if)\b.*\b(open|opens|launch|launched|start|starts|available)\b|\bsubscribe\b/;

/** Pieces of a message: sentences and comma-separated openings ("Hi, …", "Merci ! …"). */
function openingPieces(text: string): string[] {
  return text
    .split(/(?<=[.!?¡¿,;:])\s+|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function classify(raw: string): Intent {
  const text = folded(raw);
  if (!/[\p{L}\p{N}]/u.test(raw)) {
    return raw.trim() === '?' ? { kind: 'smalltalk', topic: 'help', locale: null } : { kind: 'smalltalk', topic: 'empty', locale: null };
  }
  const command = text.replace(/\?/g, '').trim();
  for (const [re, kind] of commands) {
    if (re.test(command)) return { kind };
  }
  if (OUTCOME.test(command)) return { kind: 'outcome', text: raw };
  const pieces = openingPieces(raw);
  // Small talk before a question is politeness: answer the question. Small talk alone gets the
  // reply to its last part ("Hello! Who are you?").
  let first: [SmallTalk, Locale | null] | null = null;
  let i = 0;
  for (const piece of pieces) {
    const talk = smallTalkOf(piece);
    if (!talk) break;
    first = talk;
    i++;
  }
  if (first && i === pieces.length) return { kind: 'smalltalk', topic: first[0], locale: first[1] };
  if (first?.[0] === 'human' || smallTalkOf(raw)?.[0] === 'human') {
    return { kind: 'smalltalk', topic: 'human', locale: (smallTalkOf(raw) ?? first)?.[1] ?? null };
  }
  const rest = pieces.slice(i).join(' ');
  if (WANTS_TO_APPLY.test(folded(rest).replace(/\?/g, '').trim())) return { kind: 'wantsToApply', text: rest };
  if (subscribe.test(folded(rest))) return { kind: 'subscribe', topic: rest };
  return { kind: 'question', text: rest };
}
