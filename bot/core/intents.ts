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
  | { kind: 'question'; text: string };

const commands: [RegExp, Intent['kind']][] = [
  [/^(help|\?|menu|commands|what can you do)$/, 'help'],
  [/^(apply|apply now|start|start (an |my )?application|new application|resume|continue|continue (my )?application|resume (my )?application|open (my )?application)$/, 'apply'],
  [/^(status|my status|(my )?application status|check (my )?(application|status)|where is my application)$/, 'status'],
  // Questions about one's own outcome are answered from the application's real stage, not the FAQ.
  [/^(when will (i|we) (know|hear|be told)( back)?( if .*| whether .*| about (my|our) application)?|(has|was|is) (my|our) application (been )?(approved|accepted|decided)( yet)?|(am i|are we|have (i|we) been) (approved|accepted|selected)( yet)?|any news (about|on) (my|our) application)$/, 'status'],
  [/^(edit|change|update) (my )?application$|^edit$/, 'edit'],
  [/^withdraw( my application)?$/, 'withdraw'],
  [/^(hi|hello|hey|good (morning|afternoon|evening)|hola|bonjour|hallo|salut)$/, 'greeting'],
];

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
  return { kind: 'question', text: raw };
}
