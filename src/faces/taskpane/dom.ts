// Building the pane's DOM. Text always goes in through textContent (never innerHTML), since much of
// it comes from the workbook.

type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the pane has no element #${id}`);
  return node as T;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/**
 * Builds a part of the pane again without losing the officer's place: the control that had the
 * focus (found again by its id) gets it back, with its caret where it was.
 */
export function keepingFocus(part: Element, build: () => void): void {
  const active = document.activeElement;
  const id = active instanceof HTMLElement && part.contains(active) ? active.id : '';
  const caret = active instanceof HTMLInputElement && active.type === 'text' ? [active.selectionStart, active.selectionEnd] : undefined;
  build();
  const again = id ? document.getElementById(id) : null;
  if (!again || again === active) return;
  again.focus();
  if (caret && again instanceof HTMLInputElement && again.type === 'text') again.setSelectionRange(caret[0], caret[1]);
}
