/**
 * Copy buttons for the embed code under each chart. Without JavaScript the code is a block of text
 * that one click selects whole, and the stylesheet hides the button (`@media (scripting: none)`), so
 * that showing it takes no change to the page after its first paint; this copies the code with the
 * Clipboard API, selecting the text when the browser refuses (so Ctrl+C still works).
 * Loaded by the page after its first paint; browser code with no imports.
 */

/** Wires every `button[data-copy]` under `root`: a click copies the text of the element it names. */
export function enableEmbedCopy(root: Document = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const box = root.getElementById(button.dataset.copy ?? "");
    if (!box) continue;
    const status = button.nextElementSibling?.matches("[role=status]") ? button.nextElementSibling : null;
    button.addEventListener("click", async () => {
      let copied = false;
      try {
        await navigator.clipboard.writeText(box.textContent ?? "");
        copied = true;
      } catch {
        getSelection()?.selectAllChildren(box);
      }
      if (status) status.textContent = copied ? "Copied." : "Selected: press Ctrl+C (⌘C) to copy.";
    });
  }
}

enableEmbedCopy();
