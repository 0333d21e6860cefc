/**
 * The pane follows the Office theme: Office.context.officeTheme (when the host has it) tells light from
 * dark by its body background; the pane then uses a Fluent theme built on Excel's green. Fonts are the
 * system's own (no web fonts, no CDN): Segoe UI with the usual Chinese UI fonts behind it.
 */
import { createDarkTheme, createLightTheme, type BrandVariants, type Theme } from '@fluentui/react-components';

export type ThemeKind = 'light' | 'dark';

/** The part of Office.OfficeTheme the pane reads. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

function rgb(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Relative luminance (WCAG) of a #RRGGBB colour, or null. */
export function luminance(hex: string): number | null {
  const c = rgb(hex);
  if (!c) return null;
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeKindOf(officeTheme: OfficeThemeLike | null | undefined): ThemeKind {
  const l = officeTheme?.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : null;
  return l !== null && l < 0.2 ? 'dark' : 'light';
}

function mix(a: [number, number, number], b: [number, number, number], t: number): string {
  return `#${a
    .map((v, i) => Math.round(v + (b[i] - v) * t))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** A 16-step brand ramp around one colour, which sits at step 80 (Fluent's primary button colour). */
export function brandRamp(base: string): BrandVariants {
  const c = rgb(base) ?? [33, 115, 70];
  const dark: [number, number, number] = [4, 14, 8];
  const light: [number, number, number] = [255, 255, 255];
  const steps: string[] = [];
  for (let i = 0; i < 16; i++) steps.push(i <= 7 ? mix(dark, c, i / 7) : mix(c, light, (i - 7) / 9));
  const out: Record<number, string> = {};
  steps.forEach((s, i) => (out[(i + 1) * 10] = s));
  return out as BrandVariants;
}

/** Excel's green. */
export const EXCEL_GREEN = '#217346';
const FONT =
  "'Segoe UI', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, -apple-system, sans-serif";

const cache = new Map<ThemeKind, Theme>();

export function fluentTheme(kind: ThemeKind): Theme {
  let t = cache.get(kind);
  if (!t) {
    const brand = brandRamp(EXCEL_GREEN);
    const base = kind === 'dark' ? createDarkTheme(brand) : createLightTheme(brand);
    t = { ...base, fontFamilyBase: FONT };
    if (kind === 'dark') {
      // Brand text and links need the lighter steps to stay readable on dark backgrounds.
      t.colorBrandForeground1 = brand[110];
      t.colorBrandForeground2 = brand[120];
      t.colorBrandForegroundLink = brand[120];
    }
    cache.set(kind, t);
  }
  return t;
}
