// The task pane (a placeholder until the add-in issue): it shows the defaults the model starts from.
import './taskpane.css';
import { DEFAULT_NOTICE_MONTHS } from '../../core/assumptions';
import { GREEN_BOOK_RATE } from '../../core/discounting';
import { DEFAULT_HORIZON_YEARS } from '../../core/horizon';
import { DEFAULT_SHARING } from '../../core/membership';
import { formatRate } from '../../core/rate';

const defaults: [string, string][] = [
  ['Notice', `${DEFAULT_NOTICE_MONTHS} months`],
  ['Horizon', `${DEFAULT_HORIZON_YEARS} financial years`],
  ['Discount rate', `${formatRate(GREEN_BOOK_RATE.rate)} (${GREEN_BOOK_RATE.vintage})`],
  ['Sharing', DEFAULT_SHARING],
];

const list = document.getElementById('defaults');
for (const [term, value] of defaults) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  list?.append(dt, dd);
}
