/** Bad arguments or unreadable input: exit code 2 (CONTRACTS.md §1). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A failure with a clear message and a chosen exit code. */
export class CliFailure extends Error {
  override name = "CliFailure";
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
