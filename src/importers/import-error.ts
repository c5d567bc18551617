import { AppError } from "../errors.js";

/** A document that cannot be read as minutes at all; says which file and, when known, which line. */
export class ImportError extends AppError {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, message: string, opts: { line?: number; tooLarge?: boolean } = {}) {
    super(opts.tooLarge ? "too_large" : "bad_request", message, {
      where: opts.line === undefined ? file : `${file}:${opts.line}`,
    });
    this.name = "ImportError";
    this.file = file;
    this.line = opts.line;
  }
}

/** True for an ImportError (also across module copies, as with AppError). */
export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError || (e instanceof Error && e.name === "ImportError" && "file" in e);
}
