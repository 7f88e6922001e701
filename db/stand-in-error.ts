/** A client-side mistake, answered as an AWS error (ValidationException unless said otherwise). */
export class StandInError extends Error {
  constructor(
    message: string,
    readonly type = 'ValidationException',
    readonly status = 400,
  ) {
    super(message);
  }
}
