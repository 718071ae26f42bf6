// The task pane's controller: what the officer does becomes an action for the model (model.ts),
// what Excel is asked is an effect (effects.ts), and the views show what the model derives
// (view-model.ts), each part of the page built again only when what it shows has changed.
import { byId, keepingFocus, replaceChildren } from './dom';
import { EFFECTS, World } from './effects';
import { checkView } from './check-view';
import { formView, showFieldMessages } from './form-view';
import { Action, Source, State, Task, failureOf, initialState, reduce } from './model';
import { resultsView } from './results-view';
import { rowsView } from './rows-view';
import { problemsView, statusView } from './status-view';
import { view, wordsOf } from './view-model';

export type { Clipboard, ExcelAccess } from './effects';

export interface PaneOptions extends World {
  /** Office's display language (Office.context.displayLanguage); en-GB when not given. */
  readonly language?: string;
  /** False when the pane is opened outside Excel: nothing to read or write. */
  readonly inExcel?: boolean;
  /** False in an Excel without the API the add-in needs: nothing is tried, and the pane says which version it needs. */
  readonly supported?: boolean;
}

export class Pane {
  private state: State;
  /** What each part of the page was last built from. */
  private readonly shown = new Map<string, string>();

  constructor(private readonly options: PaneOptions) {
    this.state = initialState({ today: options.clock.today(), language: options.language, inExcel: options.inExcel, supported: options.supported });
  }

  mount(): void {
    byId('read').addEventListener('click', () => void this.task('read'));
    byId('generate').addEventListener('click', () => void this.task('generate'));
    byId('go-to-sheet').addEventListener('click', () => void this.task('go to sheet'));
    byId('copy-report').addEventListener('click', () => void this.task('copy report'));
    byId('check').addEventListener('click', () => void this.task('check'));
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="source"]')) {
      radio.addEventListener('change', () => this.dispatch({ type: 'source chosen', source: radio.value as Source }));
    }
    this.render();
  }

  /** Starts from the inputs of the last run when the workbook holds the product's sheets. */
  restoreLastRun = (): Promise<void> => this.task('restore');

  readonly dispatch = (action: Action): void => {
    this.state = reduce(this.state, action);
    this.render();
  };

  /** One task at a time: busy while Excel works, then what it found, or why nothing was written. */
  private async task(task: Task, target?: string): Promise<void> {
    if (this.state.task || !this.state.supported || (task === 'go to sheet' && !this.state.written?.sheet)) return;
    this.dispatch({ type: 'started', task, target });
    try {
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the busy state paint first
      this.dispatch(await EFFECTS[task](this.options, () => this.state));
    } catch (error) {
      this.dispatch({ type: 'failed', failure: failureOf(error) });
    }
  }

  private render(): void {
    const shows = view(this.state);
    const [form, rows] = [byId('assumptions'), byId('rows')];
    this.part('form', this.state.formVersion, () => keepingFocus(form, () => replaceChildren(form, ...formView(this.state.form, this.dispatch, shows.dateHint))));
    showFieldMessages(form, shows.fields);
    this.part('problems', shows.problems, () => problemsView(byId('problems'), shows.problems));
    this.part('rows', shows.rows, () => keepingFocus(rows, () => rowsView(rows, shows.rows, (item, cls) => this.dispatch({ type: 'class set', item, class: cls }), (column) => this.dispatch({ type: 'column chosen', column }))));
    this.part('results', shows.results, () => resultsView(byId('results'), [byId('go-to-sheet'), byId('copy-report')], shows.results, wordsOf(this.state)));
    this.part('check', shows.check, () => checkView(byId('check-results'), shows.check, (cell) => void this.task('go to cell', cell)));
    statusView(shows);
  }

  /** Builds a part of the page again only when what it shows has changed. */
  private part(name: string, shows: unknown, build: () => void): void {
    const key = JSON.stringify(shows) ?? '';
    if (this.shown.get(name) === key) return;
    this.shown.set(name, key);
    build();
  }
}
