// A range's data validation (range.dataValidation): a list rule and its error alert.

import { formatAddress } from '../address';
import { forEachCell, uniform } from '../cells';
import { EntityObject, ExecScope, ObjectInit } from '../client-object';
import { invalidArgument, notImplemented } from '../errors';
import type { CellValidation, ErrorAlert, ListValidationRule } from '../model';
import { bool, oneOf, record, text } from '../validate';
import { Range, RangeEntity } from './range';

interface ValidationScalars {
  rule: ListValidationRule | null;
  errorAlert: ErrorAlert | null;
}

const DEFAULT_ALERT: ErrorAlert = { showAlert: true, style: 'Stop', title: '', message: '' };
const MAX_LIST_SOURCE = 255;

export class DataValidation extends EntityObject<RangeEntity, ValidationScalars> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => RangeEntity | null) {
    super(init, locator, {
      rule: (e) => uniform(e.rect, 'dataValidation.rule', (r, c) => e.sheet.cell(r, c)?.validation?.rule ?? null),
      errorAlert: (e) => uniform(e.rect, 'dataValidation.errorAlert', (r, c) => {
        const v = e.sheet.cell(r, c)?.validation;
        return v ? (v.errorAlert ?? DEFAULT_ALERT) : null;
      }),
    });
  }

  protected override alive(e: RangeEntity): boolean {
    return !e.sheet.deleted;
  }

  private edit(e: RangeEntity, change: (v: CellValidation) => void): void {
    forEachCell(e.rect, 'dataValidation', (r, c) => e.sheet.edit(r, c, (cell) => {
      const v = { ...cell.validation };
      change(v);
      cell.validation = v.rule === undefined && v.errorAlert === undefined ? undefined : v;
    }));
  }

  /** Only `{ list: { inCellDropDown, source } }` is modelled; `source` is "a,b,c", "=$A$1:$A$4" or a Range. */
  get rule(): ListValidationRule | null {
    return this.get('rule');
  }
  set rule(v: unknown) {
    const location = this.location('rule');
    this.queueSet('rule', v, (e, value, scope) => {
      const rec = record(value, ['list', 'custom', 'date', 'decimal', 'textLength', 'time', 'wholeNumber'], location);
      const kinds = Object.keys(rec);
      if (kinds.length !== 1) throw invalidArgument('a data validation rule has exactly one kind', location);
      if (kinds[0] !== 'list') throw notImplemented(`DataValidation.rule = { ${kinds[0]}: ... }`);
      const list = record(rec.list, ['inCellDropDown', 'source'], location);
      const inCellDropDown = list.inCellDropDown === undefined ? true : bool(list.inCellDropDown, location);
      let source: string;
      if (list.source instanceof Range) {
        const target = list.source.live(scope);
        source = `=${formatAddress(target.sheet.name, target.rect, true)}`;
      } else {
        source = text(list.source, location, { nonEmpty: true });
        if (!source.startsWith('=') && source.length > MAX_LIST_SOURCE) {
          throw invalidArgument(`a list of allowed values is at most ${MAX_LIST_SOURCE} characters (this one is ${source.length})`, location);
        }
      }
      const rule: ListValidationRule = { list: { inCellDropDown, source } };
      this.edit(e, (cv) => {
        cv.rule = rule;
      });
    });
  }

  get errorAlert(): ErrorAlert | null {
    return this.get('errorAlert');
  }
  set errorAlert(v: unknown) {
    const location = this.location('errorAlert');
    this.queueSet('errorAlert', v, (e, value) => {
      const rec = record(value, ['showAlert', 'style', 'title', 'message'], location);
      const alert: ErrorAlert = {
        showAlert: rec.showAlert === undefined ? DEFAULT_ALERT.showAlert : bool(rec.showAlert, location),
        style: rec.style === undefined ? DEFAULT_ALERT.style : oneOf(rec.style, ['Stop', 'Warning', 'Information'] as const, location),
        title: rec.title === undefined ? '' : text(rec.title, location, { max: 32 }),
        message: rec.message === undefined ? '' : text(rec.message, location, { max: 225 }),
      };
      this.edit(e, (cv) => {
        cv.errorAlert = alert;
      });
    });
  }
}
