/**
 * Form fields that carry their own label, hint and error, wired with aria-describedby so a
 * screen reader announces the error with the field. Values come back as typed on an error.
 */
import type { Child, FC } from 'hono/jsx';

export type Errors = Record<string, string | undefined>;
export type Values = Record<string, unknown>;

interface Base {
  name: string;
  label: string;
  values: Values;
  errors: Errors;
  hint?: string;
  required?: boolean;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

const Frame: FC<Base & { children?: Child }> = ({ name, label, hint, errors, required, children }) => (
  <div class={errors[name] ? 'field has-error' : 'field'}>
    <label for={`f-${name}`}>
      {label}
      {required ? '' : <span class="muted"> (optional)</span>}
    </label>
    {hint && (
      <p class="hint" id={`${name}-hint`}>
        {hint}
      </p>
    )}
    {errors[name] && (
      <p class="error" id={`${name}-error`}>
        <span class="visually-hidden">Error: </span>
        {errors[name]}
      </p>
    )}
    {children}
  </div>
);

export const Input: FC<Base & { type?: string; autocomplete?: string; maxLength?: number }> = (p) => (
  <Frame {...p}>
    <input
      id={`f-${p.name}`}
      name={p.name}
      type={p.type ?? 'text'}
      value={p.type === 'password' ? '' : str(p.values[p.name])}
      required={p.required}
      autocomplete={p.autocomplete}
      maxlength={p.maxLength}
      aria-invalid={p.errors[p.name] ? 'true' : undefined}
      aria-describedby={describedBy(p.name, p.hint, p.errors[p.name])}
    />
  </Frame>
);

export const TextArea: FC<Base & { rows?: number }> = (p) => (
  <Frame {...p}>
    <textarea
      id={`f-${p.name}`}
      name={p.name}
      rows={p.rows ?? 4}
      required={p.required}
      aria-invalid={p.errors[p.name] ? 'true' : undefined}
      aria-describedby={describedBy(p.name, p.hint, p.errors[p.name])}
    >
      {str(p.values[p.name])}
    </textarea>
  </Frame>
);

export type Option = { value: string; label: string };

export const Select: FC<Base & { options: Option[] }> = (p) => (
  <Frame {...p}>
    <select
      id={`f-${p.name}`}
      name={p.name}
      required={p.required}
      aria-invalid={p.errors[p.name] ? 'true' : undefined}
      aria-describedby={describedBy(p.name, p.hint, p.errors[p.name])}
    >
      {p.options.map((o) => (
        <option value={o.value} selected={str(p.values[p.name]) === o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </Frame>
);

/** A group of checkboxes sharing one name; the value is the list of ticked values. */
export const Checkboxes: FC<Base & { options: Option[] }> = (p) => {
  const v = p.values[p.name];
  const ticked = new Set(Array.isArray(v) ? v.map(String) : v ? [String(v)] : []);
  return (
    <fieldset
      class={p.errors[p.name] ? 'field checks has-error' : 'field checks'}
      aria-describedby={describedBy(p.name, p.hint, p.errors[p.name])}
    >
      <legend>{p.label}</legend>
      {p.hint && (
        <p class="hint" id={`${p.name}-hint`}>
          {p.hint}
        </p>
      )}
      {p.errors[p.name] && (
        <p class="error" id={`${p.name}-error`}>
          {p.errors[p.name]}
        </p>
      )}
      {p.options.map((o, i) => (
        <label>
          <input type="checkbox" id={i === 0 ? `f-${p.name}` : undefined} name={p.name} value={o.value} checked={ticked.has(o.value)} />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
};

/** Links to each field in error, at the top of the form, focused by the script on load. */
export const ErrorSummary: FC<{ errors: Errors; labels?: Record<string, string> }> = ({ errors, labels }) => {
  const list = Object.entries(errors).filter(([, v]) => v);
  if (list.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {list.map(([k, v]) => (
          <li>
            <a href={`#f-${k}`}>
              {labels?.[k] ? `${labels[k]}: ` : ''}
              {v}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
};
