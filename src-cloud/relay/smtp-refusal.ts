/**
 * An answer the SMTP listener gives the sending server instead of 250: `responseCode` is the
 * SMTP reply code (550 refused for good, 552 too large, 554 unreadable, 451 try again later),
 * `message` starts with the enhanced status code and says what was wrong.
 */
export class SmtpRefusal extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'SmtpRefusal';
  }
}
