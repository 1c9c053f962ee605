/**
 * An error the user caused and can fix: bad input, bad file, unknown name.
 * `where` names the file, line or field. The CLI prints it without a stack and exits non-zero;
 * the API turns it into 400.
 */
export class VigilInputError extends Error {
  constructor(message: string, readonly where?: string, readonly details?: unknown) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'VigilInputError';
  }
}

/** Something Vigil refuses to do on purpose (suspicious import, illegal transition...). */
export class VigilRefusal extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'VigilRefusal';
  }
}
