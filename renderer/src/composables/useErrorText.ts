// An error from main (a run's ErrorView or an operation's ContractError) in the user's language: the
// message and hint of its code when we know the code, else main's own (English) text.
import { useI18n } from 'vue-i18n';
import type { ContractError } from '@contract/operations';
import type { ErrorView } from '@contract/views';

export interface ErrorText {
  message: string;
  hint: string;
  detail: string;
}

export function useErrorText() {
  const { t, te } = useI18n();
  return (error: ErrorView | ContractError): ErrorText => {
    const key = `errors.codes.${error.code}`;
    const known = te(`${key}.message`);
    return {
      message: known ? t(`${key}.message`) : error.message,
      hint: known ? t(`${key}.hint`) : (error.hint ?? ''),
      detail: error.detail ?? '',
    };
  };
}
