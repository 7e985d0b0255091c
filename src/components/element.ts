/**
 * Builds DOM for the kit's browser pages (the chart editor, the number audit's forms) without
 * parsing HTML: text from data is always set as text.
 */

/** An element with attributes (set as attributes, never parsed; an undefined one is left out) and children (text set as text). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
