// Where the pane runs: the one module that uses @microsoft/office-js-helpers (archived upstream), so
// that replacing it would touch this file alone.
import { PlatformType, Utilities } from '@microsoft/office-js-helpers';

export interface Environment {
  /** True inside Excel (desktop, Mac or the web). */
  readonly inExcel: boolean;
  /** "Excel on the web", "Excel for Windows", ... for messages. */
  readonly description: string;
}

const PLATFORMS: Record<string, string> = {
  [PlatformType.OFFICE_ONLINE]: 'Excel on the web',
  [PlatformType.PC]: 'Excel for Windows',
  [PlatformType.MAC]: 'Excel for Mac',
  [PlatformType.IOS]: 'Excel for iPad',
};

export function environment(): Environment {
  const inExcel = Utilities.host === 'EXCEL';
  return { inExcel, description: inExcel ? (PLATFORMS[Utilities.platform] ?? 'Excel') : 'a browser, outside Excel' };
}
