// Runs the contract's zod schemas in the renderer before anything is sent, and turns each issue into
// a message in the user's language, per field.
import { useI18n } from 'vue-i18n';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; value: T; errors: FieldErrors } | { ok: false; errors: FieldErrors };

export function useValidation() {
  const { t } = useI18n();

  function messageFor(issue: z.core.$ZodIssue): string {
    const field = String(issue.path[0] ?? '');
    if (field === 'syncId') return t('validation.syncId');
    switch (issue.code) {
      case 'invalid_type':
        return t('validation.number');
      case 'invalid_format':
        return issue.format === 'url' ? t('validation.url') : t('validation.invalid');
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string')
          return min <= 1 ? t('validation.required') : t('validation.minLength', { min });
        return issue.inclusive ? t('validation.min', { min }) : t('validation.greaterThan', { min });
      }
      case 'too_big':
        return t('validation.max', { max: Number(issue.maximum) });
      default:
        return t('validation.invalid');
    }
  }

  function validate<S extends z.ZodType>(schema: S, value: unknown): Validated<z.output<S>> {
    const result = schema.safeParse(value);
    if (result.success) return { ok: true, value: result.data, errors: {} };
    const errors: FieldErrors = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      errors[field] ??= messageFor(issue);
    }
    return { ok: false, errors };
  }

  return { validate };
}

/** A number field's text as a number: empty or non-numeric text becomes NaN, which the schema rejects. */
export const toNumber = (value: string | number | null | undefined): number =>
  typeof value === 'number' ? value : value == null || value.trim() === '' ? Number.NaN : Number(value);
