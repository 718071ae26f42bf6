// Classification (domain.md, Conventions: Classification): a cost row is avoidable (it ends when
// membership ends) or committed (it continues). Avoidable when its label mentions one of the
// keywords, in any case; otherwise committed. A user's override for the label always wins.

export type CostClass = 'avoidable' | 'committed';

export const AVOIDABLE_KEYWORDS = ['core team', 'core budget', 'membership', 'subscription', 'partnership contribution'] as const;

export interface Classification {
  readonly class: CostClass;
  readonly reason: string;
}

/** How labels are compared: case, surrounding space, runs of spaces, hyphens and underscores ignored. */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/[\s\-_\u00a0]+/g, ' ').trim();
}

const BY_USER: Record<CostClass, Classification> = {
  avoidable: { class: 'avoidable', reason: 'set by user' },
  committed: { class: 'committed', reason: 'set by user' },
};
const BY_KEYWORD = AVOIDABLE_KEYWORDS.map((keyword) => ({
  keyword,
  classification: { class: 'avoidable', reason: `label mentions "${keyword}"` } as Classification,
}));
export const DEFAULT_REASON = 'label mentions no avoidable keyword: committed by default';
const BY_DEFAULT: Classification = { class: 'committed', reason: DEFAULT_REASON };

/** `overrides` maps a labelKey to the class the user set. */
export function classify(item: string, overrides: ReadonlyMap<string, CostClass>): Classification {
  const key = labelKey(item);
  const set = overrides.get(key);
  if (set) return BY_USER[set];
  return BY_KEYWORD.find(({ keyword }) => key.includes(keyword))?.classification ?? BY_DEFAULT;
}
