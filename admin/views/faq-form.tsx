/**
 * The FAQ entry fields, shared by the FAQ pages and the questions inbox.
 */
import type { FC } from 'hono/jsx';
import type { CallRow } from '../../db/schema';
import { Checkboxes, Input, Select, TextArea, type Errors, type Values } from './fields';

const TOPICS = [
  { value: '', label: 'None: the answer is said as written' },
  { value: 'deadline', label: 'Deadline: the bot adds the deadline in the asker’s zone and Vienna time' },
  { value: 'dialogues', label: 'Dialogues: the bot adds the dialogue dates' },
  { value: 'status', label: 'Status: the bot adds the asker’s own application' },
  { value: 'apply', label: 'Apply: while the call is open the bot offers to start an application; once closed it says so instead' },
  {
    value: 'later',
    label:
      'Apply now or later: while open, the deadline and an offer to apply; once closed, that applications are over and what comes next',
  },
  {
    value: 'edit',
    label: 'Edit or withdraw: said as written while the call is open; once closed, that changes go through the secretariat',
  },
  {
    value: 'travel-support',
    label: 'Travel support: adds how to ask for it while the call is open, or that it can no longer be asked for',
  },
];

export const FaqFields: FC<{ values: Values; errors: Errors; calls: CallRow[]; entries?: { id: string; question: string }[] }> = ({
  values,
  errors,
  calls,
  entries,
}) => (
  <>
    <Select
      name="call_id"
      label="Applies to"
      options={[{ value: '', label: 'Every call (global)' }, ...calls.map((k) => ({ value: k.id, label: k.title }))]}
      values={values}
      errors={errors}
    />
    <Input name="question" label="Question" required values={values} errors={errors} />
    <TextArea
      name="variants"
      label="Other ways people ask it"
      hint="One per line. The bot matches these as well as the question."
      rows={5}
      values={values}
      errors={errors}
    />
    <TextArea name="answer" label="Answer" required values={values} errors={errors} />
    <TextArea
      name="source"
      label="Quoted source"
      hint="The passage of the call (or other document) the answer rests on, quoted exactly."
      required
      values={values}
      errors={errors}
    />
    <Input name="source_url" label="Source web address" type="url" values={values} errors={errors} />
    <Select
      name="topic"
      label="Topic"
      hint="What the bot works out from the clock and the catalogue rather than from the answer's words. Never write “apply now” or “until the deadline” in an answer: choose the topic."
      options={TOPICS}
      values={values}
      errors={errors}
    />
    {entries && entries.length > 0 && (
      <Checkboxes
        name="related"
        label="Follow-up questions"
        hint="Up to three, offered as buttons under this answer. With none chosen, the bot offers the nearest entries."
        options={entries.map((e) => ({ value: e.id, label: e.question }))}
        values={values}
        errors={errors}
      />
    )}
  </>
);
