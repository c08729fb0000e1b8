/**
 * The French and Spanish fields of a dialogue, each group marked with its language so browsers and
 * screen readers read it right, and flagged when the translation is missing.
 */
import type { FC } from 'hono/jsx';
import { DIALOGUE_TEXT_FIELDS } from '../validators/dialogue-translations';
import { LANGUAGE_NAMES, TRANSLATED } from '../validators/faq-translations';
import { TranslationFieldset } from './faq-translations';
import { Input, TextArea, type Errors, type Values } from './fields';

const filled = (values: Values, l: string) => String(values[`${l}_name`] ?? '').trim() !== '';

export const DialogueTranslationFields: FC<{ values: Values; errors: Errors }> = ({ values, errors }) => (
  <>
    {TRANSLATED.map((l) => (
      <TranslationFieldset
        locale={l}
        filled={filled(values, l)}
        hint={`Leave every field empty if there is no translation yet: ${LANGUAGE_NAMES[l]} readers then see the English texts.`}
      >
        {DIALOGUE_TEXT_FIELDS.map((f) =>
          f.max > 200 ? (
            <TextArea
              name={`${l}_${f.field}`}
              label={`${f.label} (${LANGUAGE_NAMES[l]})`}
              rows={f.field === 'call_note' ? 2 : 4}
              values={values}
              errors={errors}
            />
          ) : (
            <Input name={`${l}_${f.field}`} label={`${f.label} (${LANGUAGE_NAMES[l]})`} values={values} errors={errors} />
          ),
        )}
      </TranslationFieldset>
    ))}
  </>
);
