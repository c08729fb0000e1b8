/**
 * Shapes shared by the application form's steps and the functions that walk them.
 */
import type { FormFieldView } from '../messages';
import type { Locale } from '../i18n/locales';
import type { ApplicationAnswers, Call, Dialogue } from '../types';

/** Values as a platform sends them: strings, or string lists for multi-selects and checkboxes. */
export type RawValues = Record<string, string | string[] | undefined>;

/** What a step needs to know beyond the answers. The applicant chooses among the dialogues of call `callId`. */
export interface FormContext {
  dialogues: Dialogue[];
  calls: Call[];
  now: Date;
  callId: string;
  /** The language the applicant reads: labels, help and messages (default English). */
  locale?: Locale;
}

export type StepParse = { ok: true; patch: Partial<ApplicationAnswers> } | { ok: false; errors: Record<string, string> };

/** One page of the application form. */
export interface StepDef {
  id: string;
  title(locale: Locale): string;
  intro?(locale: Locale): string;
  applies(answers: Partial<ApplicationAnswers>, ctx: FormContext): boolean;
  fields(answers: Partial<ApplicationAnswers>, ctx: FormContext): FormFieldView[];
  parse(raw: RawValues, answers: Partial<ApplicationAnswers>, ctx: FormContext): StepParse;
}
