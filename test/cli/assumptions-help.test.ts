// `vfm analyse --help` lists the assumptions as the assumption table gives them.
import { ASSUMPTION_NAMES, ASSUMPTION_TABLE } from '../../src/core/assumption-table';
import { assumptionsHelp } from '../../src/faces/cli/assumptions-help';
import { helpText } from '../../src/faces/cli/help';

describe('the assumptions in the help', () => {
  it('are the table\'s, as npm run help writes them', () => {
    expect(helpText('analyse')).toContain(assumptionsHelp());
  });

  it('name every assumption with its default', () => {
    const section = assumptionsHelp();
    for (const name of ASSUMPTION_NAMES) expect(section).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(section.replace(/\n +/g, ' ')).toContain(`Default: ${ASSUMPTION_TABLE.noticeMonths.byDefault}.`);
    expect(section).toContain('Default: 24.');
    expect(section.split('\n').every((line) => line.length <= 100)).toBe(true);
  });
});
