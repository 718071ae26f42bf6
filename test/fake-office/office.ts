// The `Office` namespace an add-in touches at start-up: onReady, the host and platform, and
// requirement sets (ExcelApi up to a configurable version), and Office's display language.

import { strict } from './client-object';
import { documentedError, invalidArgument } from './errors';
import type { ResolvedOptions } from './options';

export const HostType = {
  Word: 'Word', Excel: 'Excel', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access',
} as const;

export const PlatformType = {
  PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal',
} as const;

export interface ReadyInfo {
  readonly host: 'Excel';
  readonly platform: ResolvedOptions['platform'];
}

/** An API of ExcelApi `version` used on an older Excel: the request fails with ApiNotFound. */
export function requireApi(options: ResolvedOptions, version: string, location: string): void {
  if (compareVersions(version, options.excelApiVersion) > 0) throw documentedError('ApiNotFound', location);
}

/** -1, 0, 1 comparing "1.10" and "1.9" as versions (1.10 is later). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export interface FakeOfficeNamespace {
  readonly HostType: typeof HostType;
  readonly PlatformType: typeof PlatformType;
  onReady(callback?: (info: ReadyInfo) => unknown): Promise<ReadyInfo>;
  readonly context: {
    readonly host: 'Excel';
    readonly platform: ResolvedOptions['platform'];
    readonly displayLanguage: string;
    readonly diagnostics: { readonly host: 'Excel'; readonly platform: ResolvedOptions['platform']; readonly version: string };
    readonly requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
  };
}

export function createOffice(options: ResolvedOptions): FakeOfficeNamespace {
  const info: ReadyInfo = { host: 'Excel', platform: options.platform };
  const requirements = strict({
    isSetSupported(name: string, minVersion?: string | number): boolean {
      if (typeof name !== 'string') throw invalidArgument('a requirement set name must be a string', 'Office.context.requirements.isSetSupported');
      if (name.toLowerCase() !== 'excelapi') return false;
      if (minVersion === undefined) return true;
      const wanted = typeof minVersion === 'number' ? minVersion.toFixed(1) : minVersion;
      return compareVersions(wanted, options.excelApiVersion) <= 0;
    },
  }, 'Office.context.requirements');
  const context = strict({
    host: info.host,
    platform: info.platform,
    displayLanguage: options.displayLanguage,
    diagnostics: strict({ host: info.host, platform: info.platform, version: options.officeVersion }, 'Office.context.diagnostics'),
    requirements,
  }, 'Office.context');
  return strict({
    HostType: strict({ ...HostType }, 'Office.HostType'),
    PlatformType: strict({ ...PlatformType }, 'Office.PlatformType'),
    context,
    onReady(callback?: (info: ReadyInfo) => unknown): Promise<ReadyInfo> {
      const ready = Promise.resolve().then(() => ({ ...info }));
      if (callback) void ready.then((i) => callback(i));
      return ready;
    },
  }, 'Office');
}
