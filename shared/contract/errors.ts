/** Errors that cross the contract: a stable code for programs, a French message for people. */
export const ERROR_CODES = [
  'validation', // the arguments are malformed or a field is wrong; fieldErrors says where
  'not_found', // the record does not exist (any more)
  'conflict', // the change would break something already stored
  'unknown_method', // no such method in the contract
  'db_too_new', // the data file was written by a newer version of the app
  'unauthorized', // browser mode: missing or wrong session token
  'too_large', // a request or a file exceeds a limit
  'forbidden', // refused on purpose: a program never opened, an override without a known author
  'unsupported', // not possible in this mode (opening a file with the system's application in browser mode)
  'internal', // a bug: the message says so without leaking details
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field name (or `posts.0.label`) -> French message. */
export type FieldErrors = Partial<Record<string, string>>;

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldErrors | undefined;
  constructor(code: ErrorCode, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
  toData(): AppErrorData {
    return this.fieldErrors ? { code: this.code, message: this.message, fieldErrors: this.fieldErrors } : { code: this.code, message: this.message };
  }
}

/** What every transport carries back: never a thrown exception. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: AppErrorData };
