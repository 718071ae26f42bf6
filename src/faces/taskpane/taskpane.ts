// The task pane's entry: wait for Office, say where the pane runs, and hand over to the Pane.
import './taskpane.css';
import { browserClipboard } from './clipboard';
import { byId } from './dom';
import { environment } from './office-environment';
import { Pane } from './pane';
import { systemClock } from '../../hosts/system-clock';
import { hasExcelApi, readsMergedAreas, retrying } from '../../hosts/office/excel-access';

Office.onReady(() => {
  const place = environment();
  byId('environment').textContent = place.inExcel
    ? `Working in ${place.description}.`
    : `Opened in ${place.description}: open VfM Scenarios from Excel's Home tab to work on a workbook.`;
  // Asked before anything is tried: an older Excel is told which version the add-in needs.
  const supported = !place.inExcel || hasExcelApi(Office.context.requirements);
  const pane = new Pane({
    excel: retrying({ run: (batch) => Excel.run(batch) }, (ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    supported,
    readsMergedAreas: place.inExcel && readsMergedAreas(Office.context.requirements),
    clock: systemClock,
    clipboard: browserClipboard,
    language: Office.context.displayLanguage,
    inExcel: place.inExcel,
  });
  pane.mount();
  if (place.inExcel && supported) void pane.restoreLastRun();
});
