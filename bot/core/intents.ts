/**
 * Commands are short and imperative ("apply", "status", "withdraw my application"); everything
 * else is a question for the knowledge base. Keeping commands strict means "How do I apply?" or
 * "Can I apply for the trafficking dialogue now?" are answered rather than acted on.
 */
export type Intent =
  | { kind: 'help' }
  | { kind: 'apply' }
  | { kind: 'status' }
  | { kind: 'edit' }
  | { kind: 'withdraw' }
  | { kind: 'subscribe'; topic: string }
  | { kind: 'greeting' }
  /** "thanks", "ok great", "bye": acknowledged, never passed to the secretariat. */
  | { kind: 'thanks' }
  /** "how are you", "who are you": a friendly word and what the bot can do. */
  | { kind: 'smalltalk' }
  /** "talk to a person": passed to the secretariat as a request for contact. */
  | { kind: 'handoff'; text: string }
  | { kind: 'question'; text: string };

const commands: [RegExp, Intent['kind']][] = [
  [/^(help|\?|menu|commands|what can you do)$/, 'help'],
  [/^(apply|apply now|start|start (an |my )?application|new application|resume|continue|continue (my )?application|resume (my )?application|open (my )?application)$/, 'apply'],
  [/^(status|my status|(my )?application status|check (my )?(application|status)|where is my application)$/, 'status'],
  [/^(edit|change|update) (my )?application$|^edit$/, 'edit'],
  [/^withdraw( my application)?$/, 'withdraw'],
  [/^(hi|hello|hey|good (morning|afternoon|evening)|hola|bonjour|hallo|salut)$/, 'greeting'],
  [/^((ok(ay)?|great|perfect|cool|fine|good|super|excellent|got it|understood|noted|all right|alright) ?)*(thanks?( you)?( so much| a lot| very much)?|thx|ty|cheers|many thanks|merci( beaucoup)?|gracias|muchas gracias)?( (bye|goodbye))?$|^(bye|goodbye|see you|ciao|au revoir|adios|adiós|d'accord|vale|parfait|genial|perfecto)$/, 'thanks'],
  [/^(how are you( doing)?|how is it going|what'?s up|who are you|what are you|are you (a )?(bot|robot|human|real)|comment (ça|ca) va|qui es-tu|qui êtes-vous|¿?c[oó]mo est[aá]s?|qui[eé]n eres)$/, 'smalltalk'],
];

// Asking for a human, in the three languages the product speaks; checked after the commands so
// "talk to a person about my application status" still reaches a person.
const handoff = /\b(talk|speak|chat|get in touch|be in touch|connect me)\b.*\b(person|human|someone|somebody|staff|secretariat|agent)\b|\b(human|real person|live agent)\b(\s+please)?$|\bparler (a|à) (une personne|quelqu'un|un humain|le secr[ée]tariat)\b|\bhablar con (una persona|alguien|un humano|la secretar[ií]a)\b/;

const subscribe = /\b(tell|notify|remind|inform|alert|ping|let) me\b.*\b(when|once|if)\b.*\b(open|opens|launch|launched|start|starts|available)\b|\bsubscribe\b/;

export function classify(raw: string): Intent {
  const text = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\/?dialogues\s+/, '')
    .replace(/[.!?¡¿,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return { kind: 'help' };
  for (const [re, kind] of commands) {
    if (re.test(text)) return { kind } as Intent;
  }
  if (subscribe.test(text)) return { kind: 'subscribe', topic: raw };
  if (handoff.test(text)) return { kind: 'handoff', text: raw };
  return { kind: 'question', text: raw };
}
