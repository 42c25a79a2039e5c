// A job failure that retrying cannot fix (bad payload, the thing it acts on is gone): the job is
// dead-lettered at once instead of using up its attempts.
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}
