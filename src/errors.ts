/** The few ways a request or command can fail on purpose. */
export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "too_many_requests";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many_requests: 429,
};

/** An expected failure with a message meant for the person who caused it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** Where the problem is: a field, a file and line, a row. */
  readonly where: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, opts: { where?: string; details?: unknown } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.where = opts.where;
    this.details = opts.details;
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return STATUS[this.code];
  }
}

/** Shorthand for the common "no such thing" error. */
export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} finns inte.`);
}

/** True when the value is an AppError (also across module copies). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && e.name === "AppError" && "code" in e);
}
