// The task pane's entry: wait for Office, say where the pane runs, and hand over to the Pane.
import './taskpane.css';
import { browserClipboard } from './clipboard';
import { byId } from './dom';
import { environment } from './office-environment';
import { Pane } from './pane';
import { systemClock } from '../../hosts/system-clock';

Office.onReady(() => {
  const place = environment();
  byId('environment').textContent = place.inExcel
    ? `Working in ${place.description}.`
    : `Opened in ${place.description}: open VfM Scenarios from Excel's Home tab to work on a workbook.`;
  const pane = new Pane({
    excel: { run: (batch) => Excel.run(batch) },
    clock: systemClock,
    clipboard: browserClipboard,
    language: Office.context.displayLanguage,
    inExcel: place.inExcel,
  });
  pane.mount();
  if (place.inExcel) void pane.restoreLastRun();
});
