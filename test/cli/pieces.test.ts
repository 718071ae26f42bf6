// What is written in pieces, so that a table of a million rows is never held whole, is what the
// whole would be: the JSON summary's text and the source fingerprint.
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { runScenarios } from '../../src/app/run';
import { Grid } from '../../src/core/cell';
import { summaryInPieces, summaryJson, summaryJsonText } from '../../src/faces/cli/summary-json';
import { fingerprint } from '../../src/layout/fingerprint';
import { SEED_ASSUMPTIONS, SEED_VALUES } from '../support/analyses';
import { FIXED_CLOCK } from '../support/clock';

const seed: Grid = { sheet: 'Costs', top: 1, left: 1, values: SEED_VALUES };

describe('text written in pieces', () => {
  it('the JSON summary in pieces is JSON.stringify\'s text of it, rows or none', () => {
    const { analysis } = runScenarios({ workbook: { grid: seed, sheetNames: ['Costs'], definedNames: [] }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK });
    const summary = summaryJson(analysis, 'costs "2012".xlsx', { name: 'vfm-scenarios', version: '0.1.0' }, { by: '--sheet', passedOver: [] }, '0'.repeat(64));
    expect(summary.rows.length).toBeGreaterThan(1);
    expect([...summaryJsonText(summary)].join('')).toBe(`${JSON.stringify(summary, null, 2)}\n`);
    const inPieces = summaryInPieces(analysis, 'costs "2012".xlsx', { name: 'vfm-scenarios', version: '0.1.0' }, { by: '--sheet', passedOver: [] }, '0'.repeat(64));
    expect([...summaryJsonText(inPieces)].join('')).toBe(`${JSON.stringify(summary, null, 2)}\n`);
    const none = { ...summary, rows: [] };
    expect([...summaryJsonText(none)].join('')).toBe(`${JSON.stringify(none, null, 2)}\n`);
  });

  it('the fingerprint hashed a row at a time is the SHA-256 of the whole JSON text of the cells', () => {
    const grid: Grid = { sheet: 'My "costs" é', top: 2, left: 1, values: [['Core team \ud800', 1.5, { date: '2014-01-01' }], [null, { error: '#N/A' }], [], ['😀', true, { formula: 'A1' }]] };
    const whole = (range: string, values: unknown[][]) => bytesToHex(sha256(utf8ToBytes(JSON.stringify({ sheet: grid.sheet, range, values }))));
    expect(fingerprint(grid, 'A2:C5')).toBe(whole('A2:C5', [['Core team \ud800', 1.5, { date: '2014-01-01' }], [null, { error: '#N/A' }, null], [null, null, null], ['😀', true, { formula: 'A1' }]]));
    expect(fingerprint(grid, 'B3')).toBe(whole('B3', [[{ error: '#N/A' }]]));
  });
});
