/**
 * What a reader's browser draws: a chart loaded into a page in Chromium, every text box, mark and
 * connector measured with the browser's own layout, and the collisions and clipped labels counted.
 * Used by test/chart-layout.test.ts and by the bench (`charts.collisions`).
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import type {Page} from "playwright-core";

/** A box in page pixels, with what it is. */
export interface MeasuredBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Loads a chart into a page styled as Framework's light or dark theme, with the chart stylesheet. */
export async function showChart(page: Page, root: string, svg: string, dark = false): Promise<void> {
  const css = await readFile(join(root, "src/components/chart.css"), "utf-8");
  const theme = dark
    ? "color-scheme:dark;--theme-foreground:#dfdfd6;--theme-foreground-focus:rgb(120, 160, 255);--theme-background:#161616;color:#dfdfd6;background:#161616"
    : "color-scheme:light;--theme-foreground:#1b1e23;--theme-foreground-focus:rgb(59, 95, 192);--theme-background:#fff;color:#1b1e23;background:#fff";
  await page.setContent(
    `<!DOCTYPE html><html lang="en"><head><title>chart</title><style>${css} body{margin:0;${theme}}</style></head><body><main><h1>Chart</h1>${svg}</main></body></html>`
  );
}

/**
 * Every problem a reader would see in the chart on the page: a text box (each line) overlapping
 * another text, a mark (bars, dots, rules; squares drawn as one filled path, tested on a 2 px grid),
 * a connector, a line or a map's border or coast (sampled every 2 px), and a text cut by the
 * chart's edge. Chromium's text boxes are font boxes rounded outwards: overlaps
 * under 1 px² and edges within 1.5 px are not counted.
 */
export async function measureProblems(page: Page): Promise<{width: number; texts: number; problems: string[]}> {
  // tsx (the bench) names functions through a helper of its own, which the page does not have.
  await page.evaluate("window.__name = (f) => f");
  return page.evaluate(() => {
    type B = {text: string; x: number; y: number; width: number; height: number; owner: Element; group: Element | null};
    const svg = document.querySelector("svg")!;
    const box = (e: Element, text: string, owner: Element): B => {
      const r = e.getBoundingClientRect();
      return {text, x: r.x, y: r.y, width: r.width, height: r.height, owner, group: owner.closest(".kit-label")};
    };
    const texts: B[] = [];
    for (const t of svg.querySelectorAll("text")) {
      const spans = [...t.querySelectorAll("tspan")].filter((s) => s.textContent!.trim());
      if (spans.length) for (const s of spans) texts.push(box(s, s.textContent!.slice(0, 60), t));
      else if (t.textContent!.trim()) texts.push(box(t, t.textContent!.slice(0, 60), t));
    }
    const marks = [...svg.querySelectorAll(".kit-mark rect, .kit-mark circle, rect.kit-inset-area")].map((e) =>
      box(e, e.tagName, e)
    );
    const panels = [...svg.querySelectorAll("rect.kit-inset-bg")].map((e) => box(e, "inset", e));
    // Filled paths (many squares in one path) are areas, tested point by point; stroked ones are lines.
    const filled = (e: Element) => getComputedStyle(e).fill !== "none";
    const areas = [...svg.querySelectorAll(".kit-mark path")].filter(filled) as SVGGeometryElement[];
    const lines = [
      ...svg.querySelectorAll(
        ".kit-mark path, .kit-mark line, path.kit-connector, path.kit-arrowhead, path.kit-inset-link, .kit-land path"
      )
    ].filter((e) => !areas.includes(e as SVGGeometryElement)) as SVGGeometryElement[];
    const samples = lines.flatMap((line) => {
      const length = line.getTotalLength();
      const matrix = line.getScreenCTM()!;
      const points = [];
      for (let d = 0; d <= length; d += 2) {
        const p = line.getPointAtLength(d).matrixTransform(matrix);
        points.push({x: p.x, y: p.y, group: line.closest(".kit-label"), land: line.closest(".kit-land") != null});
      }
      return points;
    });
    const area = (a: {x: number; y: number; width: number; height: number}, b: typeof a) => {
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      return w > 0 && h > 0 ? w * h : 0;
    };
    const filledAreas = areas.map((area) => ({
      area,
      inverse: area.getScreenCTM()!.inverse(),
      bounds: area.getBoundingClientRect()
    }));
    const frame = svg.getBoundingClientRect();
    const problems: string[] = [];
    texts.forEach((a, i) => {
      for (const b of texts.slice(i + 1))
        if (b.owner !== a.owner && area(a, b) > 1) problems.push(`"${a.text}" overlaps "${b.text}"`);
      for (const m of marks) if (area(a, m) > 1) problems.push(`"${a.text}" covers a ${m.text} mark`);
      for (const p of panels) {
        const shared = area(a, p);
        if (shared > 1 && shared < a.width * a.height - 1) problems.push(`"${a.text}" crosses the inset's edge`);
      }
      const inner = {x: a.x + 0.5, y: a.y + 0.5, width: a.width - 1, height: a.height - 1};
      // A label on a plate (`.kit-plate`) masks the map's lines under it, not marks or connectors.
      const plated = a.group?.querySelector("rect.kit-plate") != null;
      const crossed = samples.some(
        (s) =>
          s.group !== a.group &&
          !(plated && s.land) &&
          s.x > inner.x &&
          s.x < inner.x + inner.width &&
          s.y > inner.y &&
          s.y < inner.y + inner.height
      );
      if (crossed) problems.push(`"${a.text}" is crossed by a line, a border or a connector`);
      // A filled area under the text: its painted points, tested on a 2 px grid inside the text's box
      // (only where the box meets the area's bounding box: no point outside it can be painted).
      const covered = filledAreas.some(({area, inverse, bounds}) => {
        const from = (start: number, low: number) => start + Math.max(0, Math.ceil((low - start) / 2) * 2);
        const right = Math.min(inner.x + inner.width, bounds.right);
        const bottom = Math.min(inner.y + inner.height, bounds.bottom);
        for (let x = from(inner.x, bounds.left); x <= right; x += 2) {
          for (let y = from(inner.y, bounds.top); y <= bottom; y += 2) {
            if (area.isPointInFill(new DOMPoint(x, y).matrixTransform(inverse))) return true;
          }
        }
        return false;
      });
      if (covered) problems.push(`"${a.text}" covers a filled mark`);
      const e = 1.5;
      if (
        a.x < frame.x - e ||
        a.y < frame.y - e ||
        a.x + a.width > frame.x + frame.width + e ||
        a.y + a.height > frame.y + frame.height + e
      ) {
        problems.push(`"${a.text}" is cut by the chart's edge`);
      }
    });
    return {width: frame.width, texts: texts.length, problems};
  });
}
