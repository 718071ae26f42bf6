// The pane's world over a fake Excel, as taskpane.ts makes it over Office.js: the fake's Excel.run,
// a fixed clock, a clipboard that refuses, and what this Excel's API allows.
import type { Clipboard, World } from '../../src/faces/taskpane/effects';
import { readsMergedAreas } from '../../src/hosts/office/excel-access';
import type { FakeExcel } from '../fake-office';
import { FIXED_CLOCK } from './clock';

export const NO_CLIPBOARD: Clipboard = { write: () => Promise.reject(new Error('no clipboard here')) };

export function fakeWorld(fake: FakeExcel, excel: World['excel'] = fake.Excel): World {
  return { excel, clock: FIXED_CLOCK, clipboard: NO_CLIPBOARD, readsMergedAreas: readsMergedAreas(fake.Office.context.requirements) };
}
