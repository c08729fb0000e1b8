import { describe, expect, it } from 'vitest';
import { call2023 } from '../../db/seed-data/call-2023';
import { buildKnowledge, type KnowledgeHit } from '../../domain/knowledge';
import { splitQuestions } from '../../domain/language';
import { ALIASES, FAQ_QUESTIONS, MULTI_QUESTIONS, OFF_TOPIC, PARAPHRASES } from '../fixtures/faq-questions';

const knowledge = buildKnowledge(call2023.faq, call2023.dialogues);
const key = (hit: KnowledgeHit | undefined) => (!hit ? null : hit.kind === 'faq' ? `faq:${hit.entry.id}` : `dialogue:${hit.dialogue.id}`);

describe('knowledge: questions from the shared test set', () => {
  it.each(FAQ_QUESTIONS)('$q', ({ q, expect: accepted, language }) => {
    const [answer, ...rest] = knowledge.ask(q);
    expect(rest).toHaveLength(0);
    expect(accepted).toContain(key(answer!.hits[0]));
    expect(answer!.confident).toBe(true);
    expect(answer!.language ?? 'en').toBe(language ?? 'en');
  });
});

describe('knowledge: paraphrases, typos, case, French and Spanish', () => {
  it.each(PARAPHRASES)('$q', ({ q, expect: accepted, language }) => {
    const [answer] = knowledge.ask(q);
    expect(accepted).toContain(key(answer!.hits[0]));
    expect(answer!.confident).toBe(true);
    expect(answer!.language ?? 'en').toBe(language ?? 'en');
  });
});

describe('knowledge: dialogues by their short names and abbreviations (catalogue aliases)', () => {
  it.each(ALIASES)('$q', ({ q, expect: accepted }) => {
    const [answer] = knowledge.ask(q);
    expect(accepted).toContain(key(answer!.hits[0]));
    expect(answer!.confident).toBe(true);
    expect(answer!.unknownDialogue).toBeNull();
  });

  it('knows a new dialogue by the aliases an admin gave it, without code', () => {
    const cyber = {
      ...call2023.dialogues[0]!,
      id: 'cybercrime',
      name: 'Constructive Dialogue on Cybercrime',
      shortName: 'Cybercrime',
      aliases: ['CC', 'online crime'],
      translations: {},
      date: '2023-11-20',
      description: 'On the new convention.',
    };
    const kb = buildKnowledge(call2023.faq, [...call2023.dialogues, cyber]);
    expect(knowledge.ask('when is the online crime dialogue')[0]!.dialogues).toEqual([]);
    const [answer] = kb.ask('when is the online crime dialogue');
    expect(answer!.dialogues).toEqual(['cybercrime']);
    expect(answer!.unknownDialogue).toBeNull();
  });

  it('reads a lower-case abbreviation only where it is not an everyday word', () => {
    expect(knowledge.ask('TA dialogue date')[0]!.dialogues).toEqual(['technical-assistance']);
    expect(knowledge.ask('quelle est la date de ta candidature')[0]!.dialogues).toEqual([]);
  });
});

describe('knowledge: several questions in one message', () => {
  it.each(MULTI_QUESTIONS)('$q', ({ q, parts }) => {
    const answers = knowledge.ask(q);
    expect(answers).toHaveLength(parts.length);
    answers.forEach((answer, i) => {
      expect(parts[i]).toContain(key(answer.hits[0]));
      expect(answer.confident).toBe(true);
    });
  });

  it('answers at most five questions', () => {
    const answers = knowledge.ask(
      'When is the deadline? Who can apply? Is it online? How do I contact you? What are the objectives? Is there a fee?',
    );
    expect(answers).toHaveLength(5);
  });

  it('carries the dialogue named in one question to the next one that names none', () => {
    const [first, second] = knowledge.ask('When is the TA dialogue and is it online?');
    expect(first!.dialogues).toEqual(['technical-assistance']);
    expect(second!.dialogues).toEqual(['technical-assistance']);
  });

  it('answers one fact once even when asked twice', () => {
    expect(knowledge.ask('When is the deadline? What is the deadline?')).toHaveLength(1);
  });

  it('keeps a statement with the question after it', () => {
    expect(splitQuestions('We are a university. Can we apply?')).toEqual(['We are a university. Can we apply?']);
    expect(splitQuestions('can i apply for firearms AND technical assistance')).toHaveLength(1);
  });
});

describe('knowledge: not about the call', () => {
  it.each(OFF_TOPIC)('$q', ({ q }) => {
    const answers = knowledge.ask(q);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.confident).toBe(false);
  });

  it.each(['   ', '🙂🙂🙂', '\u0000\u0007', '…?!'])('handles a message with no words: %j', (text) => {
    expect(knowledge.ask(text)).toEqual([
      { hits: [], confident: false, language: null, query: text, dialogues: [], unknownDialogue: null, exact: false },
    ]);
  });
});

describe('knowledge: hits', () => {
  it('gives two hits only when the second is nearly as good', () => {
    for (const c of [...FAQ_QUESTIONS, ...PARAPHRASES]) {
      const [answer] = knowledge.ask(c.q);
      expect(answer!.hits.length).toBeLessThanOrEqual(2);
      if (answer!.hits.length === 2) expect(answer!.hits[1]!.score).toBeGreaterThanOrEqual(0.8 * answer!.hits[0]!.score);
    }
  });

  it('finds the dialogue about human trafficking among its hits', () => {
    const [answer] = knowledge.ask('Is there a dialogue about human trafficking?');
    expect(answer!.hits.map(key)).toContain('dialogue:trafficking-in-persons');
  });
});

describe('knowledge: answers come from data', () => {
  it('follows an edited FAQ entry', () => {
    const before = knowledge.ask('is there car parking')[0]!;
    expect(before.confident).toBe(false);
    const parking = {
      ...call2023.faq.find((e) => e.id === 'contact')!,
      id: 'parking',
      question: 'Is there parking at the venue?',
      variants: ['Where can I park my car?'],
      answer: 'There is no visitor parking at the Vienna International Centre.',
    };
    const edited = buildKnowledge([...call2023.faq, parking], call2023.dialogues);
    const after = edited.ask('is there car parking')[0]!;
    expect(key(after.hits[0])).toBe('faq:parking');
    expect(after.confident).toBe(true);
  });

  it('leaves interpretation, dress and the press to the secretariat until an entry speaks of them', () => {
    const asked = ['Will the dialogue be held in English only?', 'Y a-t-il un code vestimentaire ?', 'Soy periodista, ¿puedo asistir?'];
    for (const q of asked) expect(knowledge.ask(q)[0]!.confident, q).toBe(false);
    const languages = {
      ...call2023.faq.find((e) => e.id === 'contact')!,
      id: 'languages',
      question: 'In which languages are the dialogues held?',
      variants: ['Is there interpretation?'],
      answer: 'The dialogues are held in English only, without interpretation.',
      translations: {},
    };
    const after = buildKnowledge([...call2023.faq, languages], call2023.dialogues).ask('Will the dialogue be held in English only?')[0]!;
    expect(key(after.hits[0])).toBe('faq:languages');
    expect(after.confident).toBe(true);
  });

  it('uses the new wording of an entry', () => {
    const faq = call2023.faq.map((e) =>
      e.id === 'contact' ? { ...e, answer: 'Write to the new secretariat address dialogues@example.org.' } : e,
    );
    const [answer] = buildKnowledge(faq, call2023.dialogues).ask('Who do I contact with questions?');
    const hit = answer!.hits[0];
    expect(hit?.kind === 'faq' && hit.entry.answer).toContain('dialogues@example.org');
  });

  it('forgets a removed entry', () => {
    const faq = call2023.faq.filter((e) => e.id !== 'diversity');
    const [answer] = buildKnowledge(faq, call2023.dialogues).ask('is there gender balance among participants');
    expect(key(answer!.hits[0])).not.toBe('faq:diversity');
  });
});

describe('the language of a question', () => {
  it.each([
    ['hola, ¿cuál es la fecha límite?', 'es'],
    ['Quelle est la date limite pour postuler ?', 'fr'],
    ['plazo?', 'es'],
    ['date limite', 'fr'],
    ['When is the deadline?', 'en'],
    ['TA?', null],
    ['international cooperation dialogue date', null],
    ['Wer kann sich bewerben? Gibt es eine Frist für die Anmeldung?', 'de'],
    ['asdf', null],
  ])('%s -> %s', (text, lang) => {
    expect(knowledge.languageOf(text)).toBe(lang);
  });
});

describe('knowledge: which dialogue a question is about', () => {
  it.each([
    ['When does the firearms meeting take place', ['firearms']],
    ['is there a dialogue about human trafficking', ['trafficking-in-persons']],
    ['when is the migrant smuggling one', ['smuggling-of-migrants']],
    ['what are the dates of the dialogues?', []],
  ])('%s', (q, ids) => {
    expect(knowledge.ask(q)[0]!.dialogues).toEqual(ids);
  });

  it.each([
    ['apply for the cybercrime dialogue', 'cybercrime'],
    ['Is there a dialogue on corruption?', 'corruption'],
    ['when is the terrorism meeting', 'terrorism'],
  ])('names a dialogue the call does not have: %s', (q, word) => {
    expect(knowledge.ask(q)[0]!.unknownDialogue).toBe(word);
  });

  it.each([
    'when is the firearms dialogue',
    'what happens at the dialogue',
    'is the dialogue online',
    'can I apply to more than one dialogue',
  ])('does not invent one: %s', (q) => {
    expect(knowledge.ask(q)[0]!.unknownDialogue).toBeNull();
  });
});

describe('knowledge: everyday words are not corrected into the call’s words', () => {
  it('"found" is not a slip for "fund": a late applicant is asking about the deadline, not funding', () => {
    const [answer] = knowledge.ask('Hi, I just found this call - can my organisation still apply?');
    expect(answer?.confident).toBe(true);
    expect(answer?.hits.map(key)).not.toContain('faq:travel-support');
  });
});

describe('knowledge: the context around a question weighs less than what it asks', () => {
  it.each([
    ['our team is based in Lagos, when exactly do applications close for us?', 'faq:deadline'],
    ['we are a law firm working on compliance, can we take part?', 'faq:who-can-apply'],
  ])('%s', (q, entry) => {
    const [answer] = knowledge.ask(q);
    expect(answer?.confident).toBe(true);
    expect(key(answer?.hits[0])).toBe(entry);
  });

  it('still does not answer a question about something the call never mentions', () => {
    const [answer] = knowledge.ask('we are based in Vienna, can we pay the fee with bitcoin?');
    expect(answer?.confident).toBe(false);
  });
});

describe('knowledge: related questions', () => {
  const related = (question: string, answered: string, locale: 'en' | 'fr' | 'es') => {
    const entry = call2023.faq.find((f) => f.id === answered);
    return knowledge.related(`${question} ${entry?.question ?? ''}`, 3, [answered], locale).map((f) => f.id);
  };

  it('are the entries nearest the question, in every language, never the one that answered', () => {
    expect(related('When is the deadline?', 'deadline', 'en')).toContain('deadline-time-zone');
    expect(related('Qui paie le voyage ?', 'costs', 'fr')).toContain('travel-support');
    expect(related('¿Quién puede participar?', 'who-can-apply', 'es').length).toBeGreaterThan(0);
    expect(related('When is the deadline?', 'deadline', 'en')).not.toContain('deadline');
  });

  it('differ from one question to another', () => {
    expect(related('When is the deadline?', 'deadline', 'en')).not.toEqual(related('Who pays for travel?', 'costs', 'en'));
  });
});
