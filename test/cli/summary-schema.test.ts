// The JSON summary's schema (schema/summary.schema.json): it states the same fields, of the same
// kinds, as the SummaryJson interface; it takes every summary vfm writes; and it refuses one that
// breaks the contract.
import fc from 'fast-check';
import path from 'path';
import { InputError } from '../../src/core/problems';
import { SummaryJson, summaryJson } from '../../src/faces/cli/summary-json';
import { analysisOf } from '../support/analyses';
import { SUMMARY_SCHEMA, checkSummary, readSummary } from '../support/summary';
import { temporaryDirectory } from '../support/workbooks';
import { vfm } from './vfm';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');

// ---- The interface's fields as a value the compiler checks against the interface ----

type Kind = 'string' | 'number' | 'boolean';
/** Each field of T, to its kind: a value, an object's fields, a list's item in [ ], or 'map' for an object keyed by any string. */
type Shape<T> = { readonly [K in keyof T]-?: ShapeOf<NonNullable<T[K]>> };
type ShapeOf<V> =
  V extends readonly (infer E)[] ? readonly [ShapeOf<E>]
  : V extends string ? 'string' : V extends number ? 'number' : V extends boolean ? 'boolean'
  : V extends object ? (string extends keyof V ? 'map' : Shape<V>)
  : never;
type AnyShape = Kind | 'map' | readonly [AnyShape] | { readonly [field: string]: AnyShape };

const money = 'number';
/** SummaryJson, field by field: `npm run typecheck` fails when a field is missing, extra or of another kind. */
const SUMMARY_SHAPE: Shape<SummaryJson> = {
  schemaVersion: 'number',
  generator: { name: 'string', version: 'string' },
  source: {
    file: 'string', sheet: 'string', range: 'string', fingerprint: 'string', rowCount: 'number', statedTotal: money, statedTotalCell: 'string',
    computedTotal: money, tieOut: 'string', tieOutDifference: money,
    sheetChoice: { by: 'string', reason: 'string', passedOver: [{ sheet: 'string', reason: 'string' }] },
    unit: { label: 'string', factor: 'number', cell: 'string' },
    amountColumn: { letter: 'string', header: 'string', headerCell: 'string', chosenBy: 'string', passedOver: [{ letter: 'string', header: 'string' }] },
    subtotals: [{ cell: 'string', label: 'string', amount: money, sum: money, ties: 'boolean', by: 'string' }],
    sectionHeadings: [{ cell: 'string', label: 'string' }],
    hiddenRows: ['number'],
  },
  rows: [{
    cell: 'string', item: 'string', amount: money, class: 'string', reason: 'string', amountWasText: 'boolean',
    section: 'string', note: 'string', endsOn: 'string',
  }],
  annual: { total: money, avoidable: money, committed: money },
  assumptions: {
    baseYear: 'string', noticeServedOn: 'string', noticeMonths: 'number', fyStartMonth: 'number', horizonYears: 'number',
    indexation: 'number', discountRate: 'number', discountRateBasis: { source: 'string', vintage: 'string' },
    prices: 'string', gdpDeflator: { byFy: 'map', otherYears: 'number' },
    partners: { inBaseYear: 'number', leavers: [{ name: 'string', leavesOn: 'string' }] },
    sharing: 'string', overrides: 'map', optimismBias: 'number',
    sources: {
      baseYear: 'string', noticeServedOn: 'string', noticeMonths: 'string', fyStartMonth: 'string', horizonYears: 'string',
      indexation: 'string', discountRate: 'string', prices: 'string', gdpDeflator: 'string', partners: 'string', sharing: 'string', overrides: 'string',
      contractEnds: 'string', optimismBias: 'string', options: 'string',
    },
  },
  savings: {
    noticeExpiresOn: 'string',
    years: [{
      fy: 'string', stay: money, withdraw: money, saving: money, cumulativeSaving: money, discountFactor: 'number', realPriceFactor: 'number',
      presentValue: money, committed: money, paidDays: 'number', daysInFy: 'number',
    }],
    totalSaving: money,
    npv: money,
  },
  membership: {
    sharing: 'string', pool: money,
    years: [{ fy: 'string', members: 'number', contributionPerMember: money, stayCost: money }],
    perMember: [{ members: 'number', contribution: money }],
  },
  options: [{
    name: 'string', noticeServedOn: 'string', noticeMonths: 'number', noticeExpiresOn: 'string', optimismBias: 'number',
    exitCosts: [{ label: 'string', amount: money, fy: 'string' }],
    replacementCosts: [{ label: 'string', annual: money, months: 'number', share: 'number' }],
    years: [{
      fy: 'string', stay: money, withdraw: money, exitCosts: money, replacementCosts: money, netSaving: money,
      cumulativeNetSaving: money, discountFactor: 'number', realPriceFactor: 'number', presentValue: money,
    }],
    totalNetSaving: money, npv: money, paybackFy: 'string',
  }],
  preferredOption: 'string',
  sensitivity: [{ input: 'string', low: 'number', high: 'number', npvLow: money, npvHigh: money }],
  switchingValues: [{ input: 'string', value: 'number', changeFromBase: 'number', reason: 'string' }],
  checks: [{ name: 'string', ok: 'boolean', detail: 'string' }],
  warnings: [{ code: 'string', message: 'string', count: 'number', cells: ['string'] }],
};

type Schema = { [keyword: string]: unknown };

/** The schema of a value with its $ref followed and its null alternative (`oneOf`, `type`) set aside. */
function resolve(schema: Schema): Schema {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    return resolve((SUMMARY_SCHEMA.$defs as Record<string, Schema>)[name]);
  }
  if (Array.isArray(schema.oneOf)) {
    const others = (schema.oneOf as Schema[]).filter((s) => s.type !== 'null');
    return others.length === 1 ? resolve(others[0]) : schema;
  }
  if (Array.isArray(schema.type)) {
    const others = (schema.type as string[]).filter((t) => t !== 'null');
    return others.length === 1 ? { ...schema, type: others[0] } : schema;
  }
  return schema;
}

/** The kind of value a schema allows: its type, or that of its const or enum. */
function kindOf(schema: Schema): string {
  const values = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
  if (values) return [...new Set(values.map((v) => typeof v))].join('|');
  return schema.type === 'integer' ? 'number' : String(schema.type);
}

/** Where the schema and the shape differ, one line a difference; none when they agree. */
function differences(schema: Schema, shape: AnyShape, at = ''): string[] {
  const s = resolve(schema);
  const where = at || '(the summary)';
  if (typeof shape === 'string' && shape !== 'map') return kindOf(s) === shape ? [] : [`${where}: the schema allows ${kindOf(s)}, the interface ${shape}`];
  if (Array.isArray(shape)) return s.type === 'array' ? differences(s.items as Schema, shape[0], `${at}[]`) : [`${where}: the interface has a list, the schema ${String(s.type)}`];
  if (s.type !== 'object') return [`${where}: the interface has an object, the schema ${String(s.type)}`];
  if (shape === 'map') return s.properties === undefined && typeof s.additionalProperties === 'object' ? [] : [`${where}: the interface has a map, the schema fixed fields`];
  const fields = Object.keys(shape as object).sort();
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const found: string[] = [];
  if (JSON.stringify(Object.keys(properties).sort()) !== JSON.stringify(fields)) found.push(`${where}: the schema's fields ${Object.keys(properties).sort().join(', ')}; the interface's ${fields.join(', ')}`);
  if (JSON.stringify([...((s.required ?? []) as string[])].sort()) !== JSON.stringify(fields)) found.push(`${where}: the schema requires ${String(s.required)}; the interface has ${fields.join(', ')}`);
  if (s.additionalProperties !== false) found.push(`${where}: the schema allows other fields`);
  for (const field of fields) {
    if (field in properties) found.push(...differences(properties[field], (shape as Record<string, AnyShape>)[field], `${at}/${field}`));
  }
  return found;
}

describe('the schema and the SummaryJson interface', () => {
  it('have the same fields, every one required, of the same kinds, and no others', () => {
    expect(differences(SUMMARY_SCHEMA, SUMMARY_SHAPE)).toEqual([]);
    expect(SUMMARY_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(SUMMARY_SCHEMA.properties.schemaVersion).toEqual({ const: 3 });
  });

  it('are found to differ when they do', () => {
    const savings = Object.fromEntries(Object.entries(SUMMARY_SHAPE.savings).filter(([field]) => field !== 'npv'));
    const changed = { ...SUMMARY_SHAPE, savings, annual: { ...SUMMARY_SHAPE.annual, total: 'string' }, rows: SUMMARY_SHAPE.rows[0] } as unknown as AnyShape;
    expect(differences(SUMMARY_SCHEMA, changed)).toEqual([
      '/annual/total: the schema allows number, the interface string',
      '/rows: the interface has an object, the schema array',
      "/savings: the schema's fields noticeExpiresOn, npv, totalSaving, years; the interface's noticeExpiresOn, totalSaving, years",
      '/savings: the schema requires noticeExpiresOn,years,totalSaving,npv; the interface has noticeExpiresOn, totalSaving, years',
    ]);
  });

  it('the compiler holds the shape to the interface', () => {
    const shapeOf = <T>(shape: Shape<T>) => shape;
    type Annual = SummaryJson['annual'];
    // @ts-expect-error: a field of the interface is missing
    shapeOf<Annual>({ total: 'number', avoidable: 'number' });
    // @ts-expect-error: a field the interface does not have
    shapeOf<Annual>({ total: 'number', avoidable: 'number', committed: 'number', other: 'number' });
    // @ts-expect-error: a field of another kind
    shapeOf<Annual>({ total: 'string', avoidable: 'number', committed: 'number' });
    expect(shapeOf<Annual>({ total: 'number', avoidable: 'number', committed: 'number' })).toBeDefined();
  });
});

describe('the schema refuses a summary that breaks the contract', () => {
  let summary: SummaryJson;
  beforeAll(async () => {
    const json = path.join(temporaryDirectory(), 'summary.json');
    expect((await vfm(['analyse', EXAMPLE, '--json', json])).code).toBe(0);
    summary = readSummary(json);
  });
  const copy = () => JSON.parse(JSON.stringify(summary));

  it('takes the summary as written', () => {
    expect(checkSummary(copy())).toEqual(summary);
  });

  it.each<[string, (s: ReturnType<typeof copy>) => void, string]>([
    ['a missing field', (s) => delete s.savings.npv, "/savings must have required property 'npv'"],
    ['a missing summary', (s) => delete s.membership, "(the summary) must have required property 'membership'"],
    ['money as text', (s) => (s.rows[0].amount = '17800'), '/rows/0/amount must be number'],
    ['null where a value is due', (s) => (s.annual.total = null), '/annual/total must be number'],
    ['a field the contract does not have', (s) => (s.source.colour = 'red'), '/source must NOT have additional properties {"additionalProperty":"colour"}'],
    ['another schema version', (s) => (s.schemaVersion = 1), '/schemaVersion must be equal to constant'],
    ['a date in another form', (s) => (s.savings.noticeExpiresOn = '19/10/2014'), '/savings/noticeExpiresOn must match pattern'],
    ['a class the core does not have', (s) => (s.rows[0].class = 'optional'), '/rows/0/class must be equal to one of the allowed values'],
    ['a fingerprint that is not a SHA-256 in hex', (s) => (s.source.fingerprint = 'ABC'), '/source/fingerprint must match pattern'],
    ['a count that is not whole', (s) => (s.source.rowCount = 6.5), '/source/rowCount must be integer'],
    ['a source for an assumption that is not one', (s) => (s.assumptions.sources.colour = 'given'), '/assumptions/sources must NOT have additional properties'],
  ])('%s', (_what, breakIt, error) => {
    const broken = copy();
    breakIt(broken);
    expect(() => checkSummary(broken)).toThrow(error);
  });
});

describe('the schema takes every summary', () => {
  it('of any table and assumptions the core accepts', () => {
    const label = fc.constantFrom('Core team', 'Membership fee', 'CRM', 'Licences', 'Subscription 2011/12', 'Hosting');
    const amount = fc.oneof(fc.integer({ min: -1_000_000, max: 10_000_000 }).map((pence) => pence / 100), fc.double({ min: -1000, max: 1000, noNaN: true }), fc.constantFrom('£1,000.50', '(12.34)', ' £ 2,400 '));
    const table = fc.record({ rows: fc.array(fc.tuple(label, amount), { minLength: 1, maxLength: 8 }), total: fc.constantFrom('none', 'ties', 'off') });
    const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const assumptions = fc.record({
      notice: fc.record({ year: fc.integer({ min: 2012, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }),
      noticeMonths: fc.integer({ min: 0, max: 60 }),
      fyStartMonth: fc.integer({ min: 1, max: 12 }),
      horizonYears: fc.integer({ min: 1, max: 12 }),
      indexation: fc.constantFrom(0, 0.02, '-1%'),
      discountRate: fc.constantFrom(0, 0.035, '10%'),
      partners: fc.option(fc.record({ inBaseYear: fc.integer({ min: 4, max: 12 }), leaversAfter: fc.array(fc.integer({ min: 1, max: 3000 }), { maxLength: 3 }) })),
      sharedPool: fc.boolean(),
      overrideFirstRow: fc.constantFrom(undefined, 'avoidable', 'committed'),
    });
    let checked = 0;
    fc.assert(fc.property(table, assumptions, ({ rows, total }, a) => {
      const values: (string | number | null)[][] = [['Item', '£'], ...rows];
      const sum = rows.reduce((s, [, n]) => s + (typeof n === 'number' ? n : 0), 0);
      if (total !== 'none') values.push(['Total', total === 'ties' ? sum : sum + 1]);
      const leavers = (a.partners?.leaversAfter ?? []).map((days, i) => ({ name: `P${i + 1}`, leavesOn: iso(a.notice.year + Math.floor(days / 365), 1 + Math.floor(days / 31) % 12, 1 + days % 28) }));
      const given = {
        noticeServedOn: iso(a.notice.year, a.notice.month, a.notice.day),
        noticeMonths: a.noticeMonths, fyStartMonth: a.fyStartMonth, horizonYears: a.horizonYears, indexation: a.indexation, discountRate: a.discountRate,
        ...(a.partners ? { partners: { inBaseYear: a.partners.inBaseYear, leavers }, sharing: a.sharedPool ? 'shared-pool' : 'fixed-contribution' } : {}),
        ...(a.overrideFirstRow ? { overrides: { [rows[0][0]]: a.overrideFirstRow } } : {}),
      };
      let analysis;
      try {
        analysis = analysisOf(values, given);
      } catch (error) {
        if (error instanceof InputError) return;
        throw error;
      }
      const choice = { by: 'weighing', reason: 'the only sheet', passedOver: [{ sheet: 'Notes', reason: 'hidden' }] } as const;
      checkSummary(JSON.parse(JSON.stringify(summaryJson(analysis, 'costs.xlsx', { name: 'vfm-scenarios', version: '0.1.0' }, choice, '0'.repeat(64)))));
      checked += 1;
    }), { numRuns: 300 });
    // Nearly every run reaches a summary; the core refuses few of these inputs.
    expect(checked).toBeGreaterThan(250);
  });
});
