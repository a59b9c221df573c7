/**
 * A data file the server cannot start without is damaged and has no good copy: the message
 * names the file, what is wrong with it and what the technician can do. `main.ts` prints it
 * without a stack trace (issue 12: a truncated file used to stop the server with a raw SyntaxError).
 */
export class DamagedFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly advice: string,
  ) {
    super(`${file} is damaged (${problem}) and there is no good copy of it (${file}.prev). ${advice}`);
    this.name = 'DamagedFileError';
  }
}
