/** What a server action answers a form: success, or the field errors plus what the user typed. */
export type FormState<V extends Record<string, string> = Record<string, string>> =
  | { ok: true }
  | { ok: false; error?: string; fieldErrors: Partial<Record<keyof V, string>>; values: Partial<V> }
  | null;

/** Reads named text fields from FormData (files and repeated names are ignored). */
export function formValues<K extends string>(data: FormData, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(
    keys.map((k) => [k, typeof data.get(k) === 'string' ? (data.get(k) as string) : '']),
  ) as Record<K, string>;
}

/** An action that makes a one-time link (invitation, password reset): the link, shown once. */
export type LinkFormState = { ok: true; link: string } | Exclude<FormState, { ok: true }>;

/**
 * The FormData an action was called with, or an empty one: an action is a public endpoint, and a
 * caller who sends a string, a number or nothing in its place gets the answer to an empty form
 * (a validation error, a redirect, a 404), never a 500 from `data.get` on a non-form.
 */
export function asFormData(data: unknown): FormData {
  return data instanceof FormData ? data : new FormData();
}
