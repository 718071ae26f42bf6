// Errors the fake throws. Office.js errors (`FakeOfficeError`) carry the same `name`, `code` and
// message as the real ones, so a host's error handling can be tested; the fake's own refusals
// (`FakeNotImplementedError`, `FakeStrictError`) are separate classes so that a test can never
// mistake "the fake cannot do this" for an Excel error.

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** Like OfficeExtension.Error: `name` "RichApi.Error", a `code` such as "InvalidArgument". */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation === undefined ? {} : { errorLocation }) };
  }
}

/** Some part of the Office.js API that the fake does not model was touched. */
export class FakeNotImplementedError extends Error {
  constructor(what: string) {
    super(`${what} is not implemented in the fake Office.js (test/fake-office); add it there, faithfully, before relying on it`);
    this.name = 'FakeNotImplementedError';
  }
}

/** The fake refuses something real Excel might tolerate or do differently: deliberately strict. */
export class FakeStrictError extends Error {
  constructor(message: string) {
    super(`fake Office.js (deliberately strict): ${message}`);
    this.name = 'FakeStrictError';
  }
}

export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  formulaLengthExceedsLimit: 'FormulaLengthExceedsLimit',
  notImplemented: 'NotImplemented',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  propertyNotLoaded: 'PropertyNotLoaded',
  valueNotLoaded: 'ValueNotLoaded',
  invalidObjectPath: 'InvalidObjectPath',
  invalidRequestContext: 'InvalidRequestContext',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  activityLimitReached: 'ActivityLimitReached',
  requestAborted: 'RequestAborted',
  apiNotFound: 'ApiNotFound',
} as const;

/**
 * The messages of *Error handling with the application-specific JavaScript APIs*, "Error codes and
 * messages", for the codes a test can make Excel answer with (`FakeExcel.refuseNext`, `failWhen`).
 */
export const DOCUMENTED_MESSAGES: Readonly<Record<string, string>> = {
  AccessDenied: 'You cannot perform the requested operation.',
  ActivityLimitReached: 'Activity limit has been reached.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of the Office application.',
  Conflict: 'Request could not be processed because of a conflict.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidOperationInCellEditMode: 'The operation isn\'t available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.',
  RequestAborted: 'The request was aborted during run time.',
  ServiceNotAvailable: 'The service is unavailable.',
};

/** An error Excel answers with, in its documented words. */
export function documentedError(code: string, location?: string): FakeOfficeError {
  const message = DOCUMENTED_MESSAGES[code];
  if (message === undefined) throw new FakeStrictError(`the fake knows no documented message for the code ${code}`);
  return new FakeOfficeError(code, message, location);
}

/** A change refused: the workbook is read-only, its structure or the sheet is protected. */
export function accessDenied(location: string): FakeOfficeError {
  return documentedError(ErrorCodes.accessDenied, location);
}

export function propertyNotLoaded(property: string, typeName: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${property}`,
  );
}

/** A ClientResult's value read before its sync came back (OfficeExtension.ErrorCodes.valueNotLoaded). */
export function valueNotLoaded(location: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.valueNotLoaded,
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
    location,
  );
}

export function invalidArgument(detail?: string, location?: string): FakeOfficeError {
  const base = 'The argument is invalid or missing or has an incorrect format.';
  return new FakeOfficeError(ErrorCodes.invalidArgument, detail === undefined ? base : `${base} (${detail})`, location);
}

export function dimensionMismatch(location: string, detail: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.invalidArgument,
    `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${detail})`,
    location,
  );
}

export function itemNotFound(detail: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist. (${detail})`, location);
}

export function itemAlreadyExists(detail: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.itemAlreadyExists, `A resource with the same name or identifier already exists. (${detail})`, location);
}

export function invalidOperation(detail: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.invalidOperation, `The requested operation is invalid. (${detail})`, location);
}

export function requestPayloadTooLarge(bytes: number, limit: number): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.requestPayloadSizeLimitExceeded,
    `The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-rate-limiting-for-office-add-ins#excel-add-ins". (${bytes} bytes; the limit is ${limit})`,
  );
}

export function responsePayloadTooLarge(bytes: number, limit: number): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.responsePayloadSizeLimitExceeded,
    `The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-rate-limiting-for-office-add-ins#excel-add-ins". (at least ${bytes} bytes; the limit is ${limit})`,
  );
}

export function invalidObjectPath(location: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.invalidObjectPath,
    `The object path '${location}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
    location,
  );
}

export function invalidRequestContext(location: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.invalidRequestContext, 'Cannot use the object across different request contexts.', location);
}

export function notImplemented(what: string): FakeNotImplementedError {
  return new FakeNotImplementedError(what);
}
