// The pane names a new or duplicated option with a name no option has, as the core compares names:
// one that differs from another only by a non-breaking space is taken.
import { SEED_VALUES } from '../support/analyses';
import { SEED_DAY } from '../support/clock';
import { Action, State, initialState, reduce } from '../../src/faces/taskpane/model';

const after = (state: State, ...actions: Action[]) => actions.reduce(reduce, state);
const seedRead = () => after(initialState({ today: SEED_DAY }), { type: 'started', task: 'read' }, { type: 'read succeeded', grid: { sheet: 'Costs', top: 1, left: 1, values: SEED_VALUES } });

it('does not offer "Withdraw 2" beside "Withdraw\u00a02", nor "Later (copy)" beside "later  (copy)"', () => {
  const typed = after(seedRead(), { type: 'option added' }, { type: 'option edited', index: 1, field: 'name', value: 'Withdraw\u00a02' }, { type: 'option added' });
  expect(typed.form.options.map((o) => o.name)).toEqual(['Withdraw', 'Withdraw\u00a02', 'Withdraw 3']);
  const copied = after(typed, { type: 'option edited', index: 2, field: 'name', value: 'later  (copy)' }, { type: 'option edited', index: 0, field: 'name', value: 'Later' }, { type: 'option duplicated', index: 0 });
  expect(copied.form.options.map((o) => o.name)).toEqual(['Later', 'Later (copy) 2', 'Withdraw\u00a02', 'later  (copy)']);
});
