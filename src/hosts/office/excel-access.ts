// Reaching Excel at all: whether this Excel has the API the add-in needs, and Excel.run tried again,
// a few times and with a growing wait, while Excel is busy or throttling requests.

/** The Excel JavaScript API the add-in needs (pageLayout, getRowProperties: ExcelApi 1.9); scripts/addin.json states it for the manifest. */
export const EXCEL_API_VERSION = '1.9';

/** What this Excel says of its API (Office.context.requirements). */
interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Whether this Excel has the API the add-in needs (Office.context.requirements). */
export function hasExcelApi(requirements: Requirements): boolean {
  return requirements.isSetSupported('ExcelApi', EXCEL_API_VERSION);
}

/** Range.getMergedAreasOrNullObject, which finds the merged cells in the source, came with ExcelApi 1.13. */
export const MERGED_AREAS_API_VERSION = '1.13';

/** Whether this Excel gives a range's merged blocks; an older one reads the source without them. */
export function readsMergedAreas(requirements: Requirements): boolean {
  return requirements.isSetSupported('ExcelApi', MERGED_AREAS_API_VERSION);
}

/** How a task reaches Excel: Excel.run, or a fake of it in tests. */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The code of an Office.js error (OfficeExtension.Error.code), if it is one. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Excel refused the request for now, not for what it asked: busy, throttled or aborted. Worth trying again. */
const PASSING = new Set(['ActivityLimitReached', 'RequestAborted', 'ServiceNotAvailable']);

/** Excel was still busy after every try. */
export class ExcelBusy extends Error {
  constructor(readonly attempts: number, readonly code: string) {
    super(`Excel was busy (${code}) ${attempts} times running`);
    this.name = 'ExcelBusy';
  }
}

/** The waits between tries, in milliseconds: four tries in all, over three and a half seconds. */
export const RETRY_WAITS: readonly number[] = [500, 1000, 2000];

/**
 * `excel`, whose runs are tried again after each wait of `waits` while Excel answers busy, throttled
 * or aborted, then given up with ExcelBusy. A batch tried again starts afresh: what the pane asks
 * reads before it writes, and a write cut short is removed or repaired by the next (write-workbook.ts).
 */
export function retrying(excel: ExcelRunner, wait: (ms: number) => Promise<void>, waits: readonly number[] = RETRY_WAITS): ExcelRunner {
  return {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        try {
          return await excel.run(batch);
        } catch (error) {
          const code = codeOf(error);
          if (code === undefined || !PASSING.has(code)) throw error;
          if (attempt >= waits.length) throw new ExcelBusy(attempt + 1, code);
          await wait(waits[attempt]);
        }
      }
    },
  };
}
