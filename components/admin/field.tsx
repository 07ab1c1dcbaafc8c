import type { InputHTMLAttributes } from 'react';

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  error?: string;
}

/** A labelled input with its error announced and tied to it (aria-describedby). */
export function Field({ name, label, error, id, ...input }: Props) {
  // Two forms on one page may share field names: an explicit id keeps labels apart.
  const inputId = id ?? name;
  const errorId = `${inputId}-error`;
  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-semibold text-ink-900">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900 focus:border-ink-700"
        {...input}
      />
      {error && (
        <p id={errorId} className="mt-1 text-sm text-accent-700">
          {error}
        </p>
      )}
    </div>
  );
}
