/**
 * Copy buttons for the embed code under each chart. Without JavaScript the code is plain selectable
 * text in a read-only text box and the button stays hidden; this shows the button and copies the
 * code with the Clipboard API, selecting the text when the browser refuses (so Ctrl+C still works).
 * Loaded by the page after its first paint; browser code with no imports.
 */

/** Shows and wires every `button[data-copy]` under `root`: a click copies the text box it names. */
export function enableEmbedCopy(root: Document = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const box = root.getElementById(button.dataset.copy ?? "") as HTMLTextAreaElement | null;
    if (!box) continue;
    const status = button.nextElementSibling?.matches("[role=status]") ? button.nextElementSibling : null;
    button.hidden = false;
    button.addEventListener("click", async () => {
      let copied = false;
      try {
        await navigator.clipboard.writeText(box.value);
        copied = true;
      } catch {
        box.focus();
        box.select();
      }
      if (status) status.textContent = copied ? "Copied." : "Selected: press Ctrl+C (⌘C) to copy.";
    });
  }
}

enableEmbedCopy();
