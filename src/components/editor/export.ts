/**
 * Export of a chart as a file for social posts and print: a standalone SVG (white background, dark
 * text, a margin all round, the label halos of chart.css written into the file, since the page's
 * stylesheet does not travel with it) and a PNG drawn from that SVG on a canvas at 1× or 2×, in
 * the browser. The chart's SVG already holds its title and source line, so every export has them.
 */

/** The look of an exported chart: the light theme, whatever the editor's theme. */
export const exportColors = {background: "#ffffff", foreground: "#1b1e23", accent: "#4269d0"} as const;

/** The white space around an exported chart, px at 1×. */
export const exportMargin = 16;

/** chart.css for a file: halos behind label text, the accent as drawn. */
const exportStyle = `.kit-label text{stroke:${exportColors.background};stroke-width:3px;stroke-linejoin:round;paint-order:stroke}.kit-country text{fill-opacity:.7;font-style:italic}.kit-inset-bg{fill:${exportColors.background}}`;

/** The size of a chart's export, margins included, at 1×. */
export function exportSize(svg: SVGSVGElement, margin = exportMargin): {width: number; height: number} {
  const box = (svg.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  const width = box[2] || Number(svg.getAttribute("width"));
  const height = box[3] || Number(svg.getAttribute("height"));
  return {width: width + 2 * margin, height: height + 2 * margin};
}

const svgNs = "http://www.w3.org/2000/svg";

/**
 * A chart as the text of a standalone `.svg` file: a copy with the SVG namespace, the export
 * colours, a background and the halo style; the editor's handles (tabindex, roles, drag classes)
 * removed. The chart on the page is not changed.
 */
export function standaloneSvg(svg: SVGSVGElement, margin = exportMargin): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const document = svg.ownerDocument;
  const {width, height} = exportSize(svg, margin);
  copy.setAttribute("viewBox", `${-margin} ${-margin} ${width} ${height}`);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.setAttribute("xmlns", svgNs);
  copy.setAttribute("color", exportColors.foreground);
  copy.setAttribute("role", "img");
  copy.removeAttribute("class");
  for (const handle of copy.querySelectorAll(".kit-draggable")) {
    for (const name of ["tabindex", "role", "aria-label", "data-annotation", "transform"]) handle.removeAttribute(name);
    handle.classList.remove("kit-draggable", "kit-dragging");
  }
  const style = document.createElementNS(svgNs, "style");
  style.textContent = exportStyle;
  const background = document.createElementNS(svgNs, "rect");
  const area = {x: -margin, y: -margin, width, height, fill: exportColors.background};
  for (const [name, value] of Object.entries(area)) background.setAttribute(name, String(value));
  // After <title> and <desc>, before everything drawn.
  const first = [...copy.children].find((e) => !["title", "desc"].includes(e.tagName.toLowerCase())) ?? null;
  copy.insertBefore(style, first);
  copy.insertBefore(background, first);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new document.defaultView!.XMLSerializer().serializeToString(copy)}\n`;
}

/** The name of an exported file: `refugees-and-deaths-720.svg`, `refugees-and-deaths-720@2x.png`. */
export function exportName(id: string, width: number, format: "svg" | "png", scale = 2): string {
  return format === "svg" ? `${id}-${width}.svg` : `${id}-${width}@${scale}x.png`;
}

/** Offers a blob as a download. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the chart as a standalone SVG file. */
export function exportSvg(svg: SVGSVGElement, name: string): void {
  download(new Blob([standaloneSvg(svg)], {type: "image/svg+xml"}), name);
}

/**
 * The chart as a PNG, `scale` times its size: the standalone SVG is loaded as an image and drawn on
 * a canvas (the same origin, so the canvas stays readable).
 */
export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const {width, height} = exportSize(svg);
  const url = URL.createObjectURL(new Blob([standaloneSvg(svg)], {type: "image/svg+xml"}));
  try {
    const image = new Image(width, height);
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the chart could not be drawn as an image"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d")!;
    context.fillStyle = exportColors.background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the canvas made no PNG"))), "image/png")
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downloads the chart as a PNG, `scale` times its size. */
export async function exportPng(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
  download(await pngBlob(svg, scale), name);
}
