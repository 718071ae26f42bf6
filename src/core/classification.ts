// Classification (docs/conventions.md, "Classification"): a cost row is avoidable (it ends when
// membership ends) or committed (it continues). Avoidable when its label mentions one of the
// keywords, in any case; otherwise committed. A user's override for the label always wins.

export type CostClass = 'avoidable' | 'committed';

export const AVOIDABLE_KEYWORDS = ['core team', 'core budget', 'membership', 'subscription', 'partnership contribution'] as const;

/** Why a row has its class: the user set it, its label names a keyword, or neither (committed by default). */
export type ClassReason =
  | { readonly by: 'user' }
  | { readonly by: 'keyword'; readonly keyword: (typeof AVOIDABLE_KEYWORDS)[number] }
  | { readonly by: 'default' };

export interface Classification {
  readonly class: CostClass;
  readonly reason: ClassReason;
}

/** A reason in words, as the cost-rows sheet, the pane and the JSON summary give it. */
export function reasonWords(reason: ClassReason): string {
  switch (reason.by) {
    case 'user': return 'set by user';
    case 'keyword': return `label mentions "${reason.keyword}"`;
    case 'default': return 'label mentions no avoidable keyword: committed by default';
  }
}

/** How labels are compared: case, surrounding space, runs of spaces, hyphens and underscores ignored. */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/[\s\-_\u00a0]+/g, ' ').trim();
}

const BY_USER: Record<CostClass, Classification> = {
  avoidable: { class: 'avoidable', reason: { by: 'user' } },
  committed: { class: 'committed', reason: { by: 'user' } },
};
const BY_KEYWORD = AVOIDABLE_KEYWORDS.map((keyword): { keyword: string; classification: Classification } => ({
  keyword,
  classification: { class: 'avoidable', reason: { by: 'keyword', keyword } },
}));
const BY_DEFAULT: Classification = { class: 'committed', reason: { by: 'default' } };

/** `overrides` maps a labelKey to the class the user set. */
export function classify(item: string, overrides: ReadonlyMap<string, CostClass>): Classification {
  const key = labelKey(item);
  const set = overrides.get(key);
  if (set) return BY_USER[set];
  return BY_KEYWORD.find(({ keyword }) => key.includes(keyword))?.classification ?? BY_DEFAULT;
}
