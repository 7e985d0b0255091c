/**
 * Citation cards on touch screens. Hover and keyboard focus open a marker's card with CSS alone; a
 * tap on a touch screen opens the card first, and a second tap follows the link to the Sources list.
 * Without JavaScript the marker is a plain link to its Sources entry. The page plugin loads this
 * module on every page that cites (after the first paint); it has no imports and runs on load.
 */
export function enhanceCitations(root: Document = document): void {
  let touch = false;
  root.addEventListener("pointerdown", (event) => void (touch = event.pointerType === "touch"), {capture: true});
  root.addEventListener("click", (event) => {
    const target = event.target as Element | null;
    const marker = target?.closest?.("a.cite");
    for (const open of root.querySelectorAll(".claim.open"))
      if (open !== marker?.parentElement) open.classList.remove("open");
    if (!marker || !touch) return;
    const claim = marker.parentElement!;
    if (!claim.classList.contains("open")) {
      event.preventDefault();
      claim.classList.add("open");
    }
  });
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape") for (const open of root.querySelectorAll(".claim.open")) open.classList.remove("open");
  });
}

if (typeof document !== "undefined") enhanceCitations();
