// Options of one fake Excel, and their defaults.

import type { DateOrder } from './input';
import type { Scalar } from './model';

/** Supplies the computed value of a formula the host wrote (else the fake reads it as 0). */
export type Evaluate = (formula: string, at: { readonly sheet: string; readonly address: string }) => Scalar | undefined;

export interface FakeExcelOptions {
  /** Largest request (and response) one sync may carry; Excel on the web refuses more than 5 MB. */
  readonly payloadLimitBytes?: number;
  /** How "1/4/2024" is read: day first (en-GB, the default) or month first. */
  readonly dateOrder?: DateOrder;
  /** `Office.context.requirements.isSetSupported('ExcelApi', v)` is true up to this version. */
  readonly excelApiVersion?: string;
  /** Reported by `Office.onReady` and `Office.context.diagnostics`. */
  readonly platform?: 'OfficeOnline' | 'PC' | 'Mac';
  /** Office.context.diagnostics.version. */
  readonly officeVersion?: string;
  /** Office.context.displayLanguage: Office's language, e.g. "en-GB" (the default). */
  readonly displayLanguage?: string;
  readonly evaluate?: Evaluate;
}

export interface ResolvedOptions {
  readonly payloadLimitBytes: number;
  readonly dateOrder: DateOrder;
  readonly excelApiVersion: string;
  readonly platform: 'OfficeOnline' | 'PC' | 'Mac';
  readonly officeVersion: string;
  readonly displayLanguage: string;
  readonly evaluate?: Evaluate;
}

export const FIVE_MEGABYTES = 5 * 1024 * 1024;

export function resolveOptions(options: FakeExcelOptions = {}): ResolvedOptions {
  return {
    payloadLimitBytes: options.payloadLimitBytes ?? FIVE_MEGABYTES,
    dateOrder: options.dateOrder ?? 'DMY',
    excelApiVersion: options.excelApiVersion ?? '1.17',
    platform: options.platform ?? 'OfficeOnline',
    officeVersion: options.officeVersion ?? '16.0.18000.10000',
    displayLanguage: options.displayLanguage ?? 'en-GB',
    ...(options.evaluate === undefined ? {} : { evaluate: options.evaluate }),
  };
}
