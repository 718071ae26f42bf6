// RangeAreas: rectangles of one sheet taken together, as Range.getMergedAreasOrNullObject gives the
// merged blocks that meet a range (ExcelApi 1.13): how many there are (`areaCount`), and each as a
// Range in `areas` (a RangeCollection). Its `address` and its methods are not modelled.

import type { Rect } from '../address';
import { CollectionObject, EntityObject, ExecScope, ObjectInit, Readers, ClientObjectBase } from '../client-object';
import type { SheetModel } from '../model';
import { Range, RangeEntity, RANGE_SCALARS } from './range';

export interface RangeAreasEntity {
  readonly sheet: SheetModel;
  readonly rects: readonly Rect[];
}

interface RangeAreasScalars {
  areaCount: number;
}

const readers: Readers<RangeAreasEntity, RangeAreasScalars> = {
  areaCount: (e) => e.rects.length,
};

export class RangeAreas extends EntityObject<RangeAreasEntity, RangeAreasScalars> {
  private readonly nav: { areas?: RangeCollection } = {};

  constructor(init: ObjectInit, locator: (scope: ExecScope) => RangeAreasEntity | null) {
    super(init, locator, readers);
  }

  protected override alive(e: RangeAreasEntity): boolean {
    return !e.sheet.deleted;
  }

  get areaCount(): number {
    return this.get('areaCount');
  }

  /**
   * Each rectangle as a Range, in order: load 'items/rowIndex' and the like. Of a null RangeAreas, a
   * null collection: its load brings nothing back.
   */
  get areas(): RangeCollection {
    this.nav.areas ??= this.spawn('property', 'areas', [], 'RangeCollection', true, (init) => new RangeCollection(init, (scope) => this.resolve(scope)));
    return this.nav.areas;
  }

  protected override navigation(name: string): ClientObjectBase | undefined {
    return name === 'areas' ? this.areas : undefined;
  }
}

/** The ranges of a RangeAreas. */
export class RangeCollection extends CollectionObject<RangeAreasEntity, RangeEntity, Range> {
  protected listItems(e: RangeAreasEntity): RangeEntity[] {
    return e.rects.map((rect) => ({ sheet: e.sheet, rect }));
  }
  protected makeItem(item: RangeEntity, index: number): Range {
    return this.spawn('item', String(index), [], 'Range', false, (init) => new Range(init, () => item));
  }
  protected itemScalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }
}
