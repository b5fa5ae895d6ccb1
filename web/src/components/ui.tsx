// Small building blocks shared by the pages: prices, form fields with their errors, states.
import {
  useId,
  type ReactNode,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';

export function Price({ satang, className }: { satang: number; className?: string }) {
  const { locale } = useApp();
  return <span className={className ?? 'price'}>{formatMoney(satang, locale)}</span>;
}

interface FieldShell {
  label: string;
  error?: string;
  hint?: string;
}

function Shell({ id, label, error, hint, children }: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, f: FieldShell) =>
  [f.hint ? `${id}-hint` : '', f.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(props: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const { label, error, hint, ...input } = props;
  const id = useId();
  return (
    <Shell id={id} label={label} error={error} hint={hint}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, props)} {...input} />
    </Shell>
  );
}

export function TextArea(props: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { label, error, hint, ...input } = props;
  const id = useId();
  return (
    <Shell id={id} label={label} error={error} hint={hint}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, props)} {...input} />
    </Shell>
  );
}

export function SelectField(
  props: FieldShell &
    SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string },
) {
  const { label, error, hint, options, placeholder, ...select } = props;
  const id = useId();
  return (
    <Shell id={id} label={label} error={error} hint={hint}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, props)} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** The error of a whole form (not of one field), announced when it appears. */
export function FormError({ message }: { message?: string | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="empty" role="status">
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useApp();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}
