import { z } from 'zod';
import { AppError, type FieldErrors } from './errors.js';
import { methods, type MethodName, type ParsedArgsOf } from './methods.js';

// Every message a person may read is in French, including the generic ones from argument checks.
z.config(z.locales.fr());

/** Validates a method's arguments; throws AppError('validation') with the failing paths. */
export function parseArgs<K extends MethodName>(name: K, raw: unknown): ParsedArgsOf<K> {
  const result = methods[name].args.safeParse(raw ?? {});
  if (result.success) return result.data as ParsedArgsOf<K>;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '(arguments)';
    fieldErrors[path] ??= issue.message;
  }
  const first = Object.entries(fieldErrors)[0]!;
  throw new AppError('validation', `Arguments invalides pour « ${name} » : ${first[0]} — ${first[1]}`, fieldErrors);
}
