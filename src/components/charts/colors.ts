/**
 * Colours every reader can tell apart: a chart's palette is checked in the light and the dark
 * theme, as drawn and as seen with the three common colour-vision deficiencies (protanopia,
 * deuteranopia, tritanopia, simulated with the matrices of Machado, Oliveira and Fernandes, 2009,
 * at full severity). Two series, or a qualifier style and what it must stand apart from (the solid
 * mark, the page), are indistinguishable when their CIEDE2000 difference is under `minDeltaE`.
 * Marks need 3:1 contrast with the page (WCAG 2.1 AA, non-text) and text 4.5:1 (AA). Pure.
 */
import type {CommonSpec} from "./common.ts";
import type {SpecProblem} from "./problems.ts";
import {defaultSeries, defaultSeriesDark, paletteOf, textOpacity, themes} from "./style.js";

/** Below this CIEDE2000 difference, two colours of small marks are taken for the same colour. */
export const minDeltaE = 10;
/** WCAG 2.1 AA contrast for body text (under 18.66 px bold or 24 px). */
export const minTextContrast = 4.5;
/** WCAG 2.1 AA contrast for graphical objects (SC 1.4.11). */
export const minMarkContrast = 3;

/** The simulated colour-vision deficiencies, and none. */
export const visions = ["normal", "protanopia", "deuteranopia", "tritanopia"] as const;
/** A way of seeing colour. */
export type Vision = (typeof visions)[number];

type RGB = [number, number, number];

// Machado et al. (2009), severity 1.0, for linear RGB.
const matrices: Record<Exclude<Vision, "normal">, number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039]
};

/** `#4269d0` → [r, g, b] in 0..1 (sRGB). */
export function parseHex(hex: string): RGB {
  const n = parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const clamp = (c: number) => Math.max(0, Math.min(1, c));

/** A colour at `alpha` over a background, composited in sRGB as browsers do. */
export function over(color: RGB, alpha: number, background: RGB): RGB {
  return color.map((c, i) => c * alpha + background[i] * (1 - alpha)) as RGB;
}

/** A colour as seen with a deficiency (sRGB in, sRGB out). */
export function simulate(color: RGB, vision: Vision): RGB {
  if (vision === "normal") return color;
  const m = matrices[vision];
  const [r, g, b] = color.map(toLinear);
  return [0, 1, 2].map((i) => toGamma(clamp(m[3 * i] * r + m[3 * i + 1] * g + m[3 * i + 2] * b))) as RGB;
}

/** CIELAB (D65) of an sRGB colour. */
export function lab(color: RGB): RGB {
  const [r, g, b] = color.map(toLinear);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** The CIEDE2000 colour difference of two sRGB colours. */
export function deltaE2000(a: RGB, b: RGB): number {
  const [L1, a1, b1] = lab(a);
  const [L2, a2, b2] = lab(b);
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cm = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)));
  const [ap1, ap2] = [(1 + G) * a1, (1 + G) * a2];
  const [Cp1, Cp2] = [Math.hypot(ap1, b1), Math.hypot(ap2, b2)];
  const hue = (x: number, y: number) => (x === 0 && y === 0 ? 0 : (Math.atan2(y, x) / rad + 360) % 360);
  const [hp1, hp2] = [hue(ap1, b1), hue(ap2, b2)];
  const dL = L2 - L1;
  const dC = Cp2 - Cp1;
  let dh = 0;
  if (Cp1 * Cp2 !== 0)
    dh = Math.abs(hp2 - hp1) <= 180 ? hp2 - hp1 : hp2 - hp1 > 180 ? hp2 - hp1 - 360 : hp2 - hp1 + 360;
  const dH = 2 * Math.sqrt(Cp1 * Cp2) * Math.sin((dh * rad) / 2);
  const Lm = (L1 + L2) / 2;
  const Cpm = (Cp1 + Cp2) / 2;
  let hm = hp1 + hp2;
  if (Cp1 * Cp2 !== 0)
    hm = Math.abs(hp1 - hp2) <= 180 ? (hp1 + hp2) / 2 : hp1 + hp2 < 360 ? (hp1 + hp2 + 360) / 2 : (hp1 + hp2 - 360) / 2;
  const T =
    1 -
    0.17 * Math.cos((hm - 30) * rad) +
    0.24 * Math.cos(2 * hm * rad) +
    0.32 * Math.cos((3 * hm + 6) * rad) -
    0.2 * Math.cos((4 * hm - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hm - 275) / 25) ** 2));
  const RC = 2 * Math.sqrt(Cpm ** 7 / (Cpm ** 7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lm - 50) ** 2) / Math.sqrt(20 + (Lm - 50) ** 2);
  const SC = 1 + 0.045 * Cpm;
  const SH = 1 + 0.015 * Cpm * T;
  const RT = -Math.sin(2 * dTheta * rad) * RC;
  return Math.sqrt((dL / SL) ** 2 + (dC / SC) ** 2 + (dH / SH) ** 2 + RT * (dC / SC) * (dH / SH));
}

/** WCAG 2.1 contrast ratio of two sRGB colours (1 to 21). */
export function contrastRatio(a: RGB, b: RGB): number {
  const luminance = (c: RGB) => {
    const [r, g, bl] = c.map(toLinear);
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The qualifier styles drawn in the accent that must stand apart, as [style, alpha] over the page. */
const styles = [
  ["a solid mark", 1],
  ["an approximate figure's lighter fill", 0.4],
  ["a lower bound's fade", 0.5]
] as const;

/** A palette to check: series colours in each theme. */
export interface ThemedPalette {
  light: readonly string[];
  dark: readonly string[];
}

/**
 * The problems of a palette: series pairs or qualifier styles indistinguishable (ΔE2000 < 10) as
 * drawn or with a deficiency, marks under 3:1 against the page, in either theme. `field(i)` names
 * series `i` in messages (`colors[1]`).
 *
 * ```ts
 * paletteProblems({light: ["#4269d0", "#4a6bd1"], dark: ["#4269d0", "#4a6bd1"]}); // COLORS_INDISTINGUISHABLE
 * ```
 */
export function paletteProblems(palette: ThemedPalette, field = (i: number) => `colors[${i}]`): SpecProblem[] {
  const problems = new Map<string, SpecProblem>();
  const add = (p: SpecProblem) => problems.has(`${p.field}|${p.code}`) || problems.set(`${p.field}|${p.code}`, p);
  for (const theme of ["light", "dark"] as const) {
    const page = parseHex(themes[theme].background);
    const series = palette[theme].map(parseHex);
    series.forEach((color, i) => {
      const ratio = contrastRatio(color, page);
      if (ratio < minMarkContrast) {
        add({
          code: "LOW_CONTRAST",
          field: field(i),
          detail: `${palette[theme][i]} has ${ratio.toFixed(2)}:1 contrast with the ${theme} page; marks need ${minMarkContrast}:1 (WCAG AA)`
        });
      }
    });
    for (const vision of visions) {
      const seen = (c: RGB) => simulate(c, vision);
      const how = vision === "normal" ? "" : ` with ${vision}`;
      series.forEach((a, i) =>
        series.slice(0, i).forEach((b, j) => {
          const d = deltaE2000(seen(a), seen(b));
          if (d < minDeltaE) {
            add({
              code: "COLORS_INDISTINGUISHABLE",
              field: field(i),
              detail: `${palette[theme][i]} and ${palette[theme][j]} look the same${how} in the ${theme} theme (ΔE2000 ${d.toFixed(1)} < ${minDeltaE})`
            });
          }
        })
      );
      const accent = series[0];
      const drawn = styles.map(([name, alpha]) => [name, seen(over(accent, alpha, page))] as const);
      const against = [["the page", seen(page)] as const, ...drawn.slice(0, 1)];
      for (const [name, color] of drawn.slice(1)) {
        for (const [other, otherColor] of against) {
          const d = deltaE2000(color, otherColor);
          if (d < minDeltaE) {
            add({
              code: "COLORS_INDISTINGUISHABLE",
              field: field(0),
              detail: `${name} cannot be told from ${other}${how} in the ${theme} theme (ΔE2000 ${d.toFixed(1)} < ${minDeltaE}); choose a darker or more saturated colour`
            });
          }
        }
      }
    }
  }
  return [...problems.values()];
}

/** The kit's own text styles (text colour at an opacity) under WCAG AA 4.5:1 in either theme: none, unless the themes change. */
export function textContrastProblems(): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const theme of ["light", "dark"] as const) {
    const page = parseHex(themes[theme].background);
    const ink = parseHex(themes[theme].foreground);
    for (const [style, alpha] of [["text", 1], ...Object.entries(textOpacity)] as const) {
      const ratio = contrastRatio(over(ink, alpha, page), page);
      if (ratio < minTextContrast) {
        problems.push({
          code: "LOW_CONTRAST",
          field: "",
          detail: `${style} text has ${ratio.toFixed(2)}:1 contrast in the ${theme} theme; text needs ${minTextContrast}:1 (WCAG AA)`
        });
      }
    }
  }
  return problems;
}

/**
 * The colour problems of a spec: its own `colors` (the same in both themes), or the default
 * palette (the page's theme colours), and the kit's text styles. `check` and the editor call it.
 */
export function colorProblems(spec: Pick<CommonSpec, "colors">): SpecProblem[] {
  const palette = paletteOf(spec);
  const themed: ThemedPalette = palette.themed
    ? {light: defaultSeries, dark: defaultSeriesDark}
    : {light: palette.series, dark: palette.series};
  return [...paletteProblems(themed), ...textContrastProblems()];
}
