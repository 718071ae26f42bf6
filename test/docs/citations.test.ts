// The code cites its rules by the sections of docs/conventions.md (`docs/conventions.md, "Notice"`),
// and nothing else: every section cited must be a heading of that document, and no file may cite
// the reference the conventions were first kept in, outside the repository.
import { readFileSync, readdirSync, statSync } from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const CONVENTIONS = path.join(ROOT, 'docs', 'conventions.md');
/** What is searched: the sources, the tests, the scripts and the documents beside them. */
const SEARCHED = ['src', 'test', 'bench', 'scripts', 'examples', 'README.md', 'ARCHITECTURE.md'];
const TEXT = /\.(?:ts|tsx|js|mjs|cjs|json|md|txt|html|css|xml|py|sh)$/;
/** The old reference's name, spelt so that this file does not cite it. */
const OLD_REFERENCE = ['domain', 'md'].join('.');

function filesUnder(relative: string): string[] {
  const full = path.join(ROOT, relative);
  let stats;
  try {
    stats = statSync(full);
  } catch {
    return [];
  }
  if (stats.isFile()) return TEXT.test(relative) ? [relative] : [];
  return readdirSync(full)
    .filter((entry) => entry !== 'node_modules' && !entry.startsWith('.'))
    .flatMap((entry) => filesUnder(path.join(relative, entry)));
}

/** The headings of a Markdown document, outside code blocks. */
function headings(markdown: string): Set<string> {
  const found = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) found.add(heading[1]);
  }
  return found;
}

/**
 * The sections a text cites: `conventions.md, "A"`, `conventions.md, "A" and "B"`, `conventions.md,
 * "A", "B"`, and the same after a Markdown link (`[docs/conventions.md](docs/conventions.md), "A"`).
 */
function citedSections(text: string): string[] {
  const sections: string[] = [];
  // Between the parts, spaces, or a line break with the comment's marker (`//`, ` * `) after it.
  const gap = String.raw`(?:[ \t]*\n[ \t]*(?:\/\/|\*)?[ \t]*|[ \t]+)`;
  const quoted = '"[^"\n]+"';
  const citation = new RegExp(String.raw`conventions\.md(?:\]\([^)\s]*\))?,${gap}?(${quoted}(?:(?:,|;|${gap}and)${gap}?${quoted})*)`, 'g');
  for (const match of text.matchAll(citation)) {
    for (const quoted of match[1].matchAll(/"([^"\n]+)"/g)) sections.push(quoted[1]);
  }
  return sections;
}

const files = SEARCHED.flatMap(filesUnder).filter((file) => path.resolve(ROOT, file) !== __filename);
const texts = new Map(files.map((file) => [file, readFileSync(path.join(ROOT, file), 'utf8')]));

describe('citations of docs/conventions.md', () => {
  const sections = headings(readFileSync(CONVENTIONS, 'utf8'));

  it('reads the citations as the code writes them', () => {
    expect(citedSections('// Notice (docs/conventions.md, "Notice"): served on a date')).toEqual(['Notice']);
    expect(citedSections('(docs/conventions.md, "Saving" and "Discounting")')).toEqual(['Saving', 'Discounting']);
    expect(citedSections('[docs/conventions.md](docs/conventions.md), "Reading cost tables"')).toEqual(['Reading cost tables']);
    expect(citedSections('as docs/conventions.md says')).toEqual([]);
    expect(citedSections('// the table has several (docs/conventions.md,\n// "Several amount columns"): the one')).toEqual(['Several amount columns']);
    expect(citedSections(' * (docs/conventions.md, "Sensitivity" and\n * "Switching values")')).toEqual(['Sensitivity', 'Switching values']);
  });

  it('are many: the core cites a section for each rule it implements', () => {
    const cited = [...texts.values()].flatMap(citedSections);
    expect(cited.length).toBeGreaterThanOrEqual(50);
  });

  it('each name a section the document has', () => {
    const missing = [...texts].flatMap(([file, text]) => citedSections(text).filter((s) => !sections.has(s)).map((s) => `${file}: "${s}"`));
    expect(missing).toEqual([]);
  });

  it('name the document where it is, docs/conventions.md', () => {
    const elsewhere = [...texts].flatMap(([file, text]) =>
      [...text.matchAll(/[\w./-]*conventions\.md/g)].map((m) => m[0]).filter((name) => name !== 'docs/conventions.md').map((name) => `${file}: ${name}`));
    expect(elsewhere).toEqual([]);
  });
});

describe('docs/conventions.md', () => {
  it('names only files the repository holds, as the implementation and the tests of each rule', () => {
    const named = [...readFileSync(CONVENTIONS, 'utf8').matchAll(/`((?:src|test|examples|bench|scripts)\/[^`\s]+)`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(50);
    const missing = [...new Set(named)].filter((file) => {
      try {
        statSync(path.join(ROOT, file));
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });
});

describe('the reference kept outside the repository', () => {
  it('is cited by no file', () => {
    const citing = [...texts].filter(([, text]) => text.includes(OLD_REFERENCE)).map(([file]) => file);
    expect(citing).toEqual([]);
  });
});
