/**
 * Errors shaped like OfficeExtension.Error: `name` 'RichApi.Error', a `code` string and `debugInfo`.
 * Adapters branch on `code`, so the codes are the ones Office.js uses (PropertyNotLoaded, ApiNotFound, ...).
 */

export type StrictErrorCode =
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'ApiNotFound'
  | 'ItemNotFound'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'AccessDenied'
  | 'InvalidRequestContext'
  | 'ItemAlreadyExists'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'RequestPayloadSizeLimitExceeded'
  | 'RangeExceedsLimit'
  | 'UndoNotSupported'
  | 'UnsyncedOperations';

export class StrictExcelError extends Error {
  readonly code: StrictErrorCode;
  readonly debugInfo: { code: StrictErrorCode; message: string; errorLocation?: string };

  constructor(code: StrictErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string, type: string): StrictExcelError {
  return new StrictExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${property}`,
  );
}

export function apiNotFound(api: string, version: string, hostVersion: string): StrictExcelError {
  return new StrictExcelError(
    'ApiNotFound',
    `The API you are trying to use could not be found. ${api} needs ExcelApi ${version}; this host supports ExcelApi ${hostVersion}.`,
    api,
  );
}
