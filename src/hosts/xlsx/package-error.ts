/** A part of a package that cannot be read: missing, damaged, not well-formed, or in a form vfm does not know. */
export class PackageError extends Error {
  /** `advice`: what to do, when it is not what fits every file of its kind. */
  constructor(message: string, readonly advice?: string) {
    super(message);
    this.name = 'PackageError';
  }
}
