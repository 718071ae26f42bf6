// The system clipboard in the browser: the HTML and the plain text as one item, through the
// Clipboard API where the page may use it, else through a copy command the click allows.
import { Clipboard } from './effects';

export const browserClipboard: Clipboard = {
  async write({ html, text }) {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      try {
        await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
        return;
      } catch {
        // Refused here (the frame may not be allowed the clipboard): the copy command may still be.
      }
    }
    const copy = (event: ClipboardEvent) => {
      event.clipboardData?.setData('text/html', html);
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    document.addEventListener('copy', copy);
    try {
      if (!document.execCommand('copy')) throw new Error('the browser did not allow it');
    } finally {
      document.removeEventListener('copy', copy);
    }
  },
};
