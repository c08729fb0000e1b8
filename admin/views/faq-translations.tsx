/**
 * The French and Spanish fields of an FAQ entry, each group marked with its language so browsers
 * and screen readers read it right, and flagged when the translation is missing.
 */
import type { FC } from 'hono/jsx';
import { LANGUAGE_NAMES, TRANSLATED } from '../validators/faq-translations';
import { Input, TextArea, type Errors, type Values } from './fields';

const filled = (values: Values, l: string) => ['question', 'answer'].every((f) => String(values[`${l}_${f}`] ?? '').trim() !== '');

export const FaqTranslationFields: FC<{ values: Values; errors: Errors }> = ({ values, errors }) => (
  <>
    {TRANSLATED.map((l) => (
      <fieldset lang={l}>
        <legend>
          {LANGUAGE_NAMES[l]} {filled(values, l) ? '' : <span class="badge">translation missing</span>}
        </legend>
        <p class="hint" lang="en">
          Leave every field empty if there is no translation yet: the bot then answers in English and says so.
        </p>
        <Input name={`${l}_question`} label="Question" values={values} errors={errors} />
        <TextArea name={`${l}_variants`} label="Other ways people ask it" hint="One per line." rows={4} values={values} errors={errors} />
        <TextArea name={`${l}_answer`} label="Answer" values={values} errors={errors} />
      </fieldset>
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
