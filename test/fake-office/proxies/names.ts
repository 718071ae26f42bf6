// Workbook names (workbook.names): NamedItem and NamedItemCollection. A name refers to a range or
// holds a constant; add, find, list and delete them.

import { formatAddress } from '../address';
import { CollectionObject, EntityObject, ExecScope, ObjectInit, Readers } from '../client-object';
import { invalidOperation, notImplemented } from '../errors';
import type { NameModel, Scalar, WorkbookModel } from '../model';
import { bool, text } from '../validate';
import { Range, rangeOfFormula } from './range';

interface NamedItemScalars {
  name: string;
  formula: string;
  visible: boolean;
  type: string;
  value: Scalar;
}

function nameKind(model: WorkbookModel, formula: string): { type: string; value: Scalar } {
  const target = rangeOfFormula(model, formula);
  if (target) return { type: 'Range', value: formula.slice(1) };
  const body = formula.slice(1);
  if (body.includes('#REF!')) return { type: 'Error', value: '#REF!' };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: 'Boolean', value: body.toUpperCase() === 'TRUE' };
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(body)) return { type: 'Double', value: Number(body) };
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return { type: 'String', value: str[1].replace(/""/g, '"') };
  throw notImplemented(`NamedItem.type/value of a name computed by a formula (${formula})`);
}

const namedItemReaders: Readers<NameModel, NamedItemScalars> = {
  name: (n) => n.name,
  formula: (n) => n.formula,
  visible: (n) => n.visible,
  type: (n, scope) => nameKind(scope.model, n.formula).type,
  value: (n, scope) => nameKind(scope.model, n.formula).value,
};

function referenceFormula(reference: unknown, scope: ExecScope, location: string): string {
  if (reference instanceof Range) {
    const target = reference.live(scope);
    return `=${formatAddress(target.sheet.name, target.rect, true)}`;
  }
  const formula = text(reference, location, { nonEmpty: true });
  return formula.startsWith('=') ? formula : `=${formula}`;
}

export class NamedItem extends EntityObject<NameModel, NamedItemScalars> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => NameModel | null) {
    super(init, locator, namedItemReaders);
  }

  protected override alive(n: NameModel): boolean {
    return !n.deleted;
  }

  get name(): string {
    return this.get('name');
  }
  /** e.g. "='VfM Scenarios'!$C$5". */
  get formula(): string {
    return this.get('formula');
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(v: unknown) {
    this.queueSet('visible', v, (n, value) => {
      n.visible = bool(value, this.location('visible'));
    });
  }
  get type(): string {
    return this.get('type');
  }
  get value(): Scalar {
    return this.get('value');
  }

  delete(): void {
    this.queueMethod('delete', [], (n, scope) => scope.model.deleteName(n));
  }

  /** The range the name refers to; fails at the sync when it refers to none. */
  getRange(): Range {
    return this.spawn('method', 'getRange', [], 'Range', false, (init) => new Range(init, (scope) => {
      const target = rangeOfFormula(scope.model, this.live(scope).formula);
      if (!target) throw invalidOperation(`the name does not refer to a range`, this.location('getRange'));
      return target;
    }));
  }

  getRangeOrNullObject(): Range {
    return this.spawn('method', 'getRangeOrNullObject', [], 'Range', true, (init) => new Range(init, (scope) => {
      const n = this.resolve(scope);
      return n === null ? null : rangeOfFormula(scope.model, n.formula);
    }));
  }
}

export class NamedItemCollection extends CollectionObject<WorkbookModel, NameModel, NamedItem> {
  protected listItems(model: WorkbookModel): NameModel[] {
    return [...model.names.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  }
  protected makeItem(n: NameModel, index: number): NamedItem {
    return this.spawn('item', String(index), [], 'NamedItem', false, (init) => new NamedItem(init, () => n));
  }
  protected itemScalarNames(): readonly string[] {
    return Object.keys(namedItemReaders);
  }

  /** A workbook name for a Range or a formula such as "='VfM Scenarios'!$C$5"; a name's comment is not modelled. */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    if (comment !== undefined) throw notImplemented('NamedItemCollection.add(name, reference, comment): a comment on a name');
    const created: { name?: NameModel } = {};
    const location = this.location('add');
    this.queueMethod('add', [name, reference], (model, scope) => {
      const formula = referenceFormula(reference, scope, location);
      created.name = model.addName(name, formula, location);
    });
    return this.spawn('method', 'add', [name, reference], 'NamedItem', false, (init) => new NamedItem(init, () => created.name ?? null));
  }

  getItem(name: string): NamedItem {
    return this.spawn('method', 'getItem', [name], 'NamedItem', false, (init) => new NamedItem(init, (scope) => scope.model.findName(text(name, this.location('getItem'))) ?? null));
  }

  getItemOrNullObject(name: string): NamedItem {
    return this.spawn('method', 'getItemOrNullObject', [name], 'NamedItem', true, (init) => new NamedItem(init, (scope) => scope.model.findName(text(name, this.location('getItemOrNullObject'))) ?? null));
  }
}
