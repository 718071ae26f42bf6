// The product's name and version, as the audit sheet, the JSON summary and both faces state them.
import { name as packageName, version } from '../../package.json';

export const PRODUCT = {
  /** What the user sees. */
  name: 'VfM Scenarios',
  /** The package, as the JSON summary's generator names it. */
  packageName,
  version,
} as const;
