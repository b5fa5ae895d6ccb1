// Sends a form to the API and keeps what came back: per-field errors (shown beside the fields)
// and the form's own error, both already in the page's language.
import { useState } from 'react';
import { ApiError } from './api.ts';
import { useApp } from './context.tsx';

export function useSubmit() {
  const { t } = useApp();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setPending(true);
    setFormError(null);
    try {
      const result = await action();
      setErrors({});
      return result;
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setFormError(err.problem.code === 'network_error' ? t('common.networkError') : err.problem.detail);
      } else {
        setFormError(t('common.unexpectedError'));
      }
      return undefined;
    } finally {
      setPending(false);
    }
  }
  return { errors, formError, pending, run, setErrors };
}

/** The named fields of a form as strings (empty ones left out). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => {
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  });
  return out;
}
