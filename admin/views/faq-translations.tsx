/**
 * The French and Spanish fields of an FAQ entry, each group marked with its language so browsers
 * and screen readers read it right, and flagged when the translation is missing.
 */
import type { FC } from 'hono/jsx';
import type { TranslatedLocale } from '../../domain/types';
import { LANGUAGE_NAMES, TRANSLATED } from '../validators/faq-translations';
import { Input, TextArea, type Errors, type Values } from './fields';

const filled = (values: Values, l: string) => ['question', 'answer'].every((f) => String(values[`${l}_${f}`] ?? '').trim() !== '');

/** One language's fields, marked with its language and flagged when nothing is translated yet. */
export const TranslationFieldset: FC<{ locale: TranslatedLocale; filled: boolean; hint: string; children?: unknown }> = ({
  locale,
  filled,
  hint,
  children,
}) => (
  <fieldset lang={locale}>
    <legend>
      {LANGUAGE_NAMES[locale]} {filled ? '' : <span class="badge">translation missing</span>}
    </legend>
    <p class="hint" lang="en">
      {hint}
    </p>
    {children}
  </fieldset>
);

export const FaqTranslationFields: FC<{ values: Values; errors: Errors }> = ({ values, errors }) => (
  <>
    {TRANSLATED.map((l) => (
      <TranslationFieldset
        locale={l}
        filled={filled(values, l)}
        hint="Leave every field empty if there is no translation yet: the bot then answers in English and says so."
      >
        <Input name={`${l}_question`} label="Question" values={values} errors={errors} />
        <TextArea name={`${l}_variants`} label="Other ways people ask it" hint="One per line." rows={4} values={values} errors={errors} />
        <TextArea name={`${l}_answer`} label="Answer" values={values} errors={errors} />
      </TranslationFieldset>
    ))}
  </>
);

/** "French ✓ · Spanish missing" for the FAQ list. */
export const TranslationStatus: FC<{ have: string[] }> = ({ have }) => (
  <>
    {TRANSLATED.map((l, i) => (
      <>
        {i > 0 ? ' · ' : ''}
        {have.includes(l) ? <span>{LANGUAGE_NAMES[l]} ✓</span> : <span class="badge">{LANGUAGE_NAMES[l]} missing</span>}
      </>
    ))}
  </>
);
