import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, themesOf } from './theme-contrast.ts';

const css = await readFile(path.resolve(import.meta.dirname, '../../renderer/src/styles/base.css'), 'utf8');
const themes = themesOf(css);

/** Each text colour, and the backgrounds it is drawn on somewhere in the window. */
const textOn: Record<string, readonly string[]> = {
  text: ['bg', 'bg-soft', 'bg-hover', 'bg-selected', 'other-bubble'],
  'text-muted': ['bg', 'bg-soft', 'bg-hover', 'bg-selected', 'other-bubble'],
  accent: ['bg', 'bg-soft', 'other-bubble'],
  'accent-text': ['accent', 'accent-hover'],
  'own-text': ['own-bubble'],
  danger: ['bg', 'bg-soft'],
  'info-text': ['info-bg'],
  'warning-text': ['warning-bg'],
  'success-text': ['success-bg'],
  'danger-text': ['danger-bg'],
  'on-danger': ['danger'],
};
const pairs = Object.entries(textOn).flatMap(([text, backgrounds]) => backgrounds.map((background) => [text, background] as const));

describe('the themes of base.css', () => {
  it('computes WCAG contrast', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('gives the dark theme a value for every colour of the light one', () => {
    expect([...themes.dark.keys()].sort()).toEqual([...themes.light.keys()].sort());
  });

  it.each(['light', 'dark'] as const)('keeps every text colour at 4.5:1 or more on its backgrounds (%s)', (name) => {
    const theme = themes[name];
    const failing = pairs
      .map(([text, background]) => ({ text, background, ratio: contrast(theme.get(text) ?? '#000000', theme.get(background) ?? '#000000') }))
      .filter(({ text, background, ratio }) => !theme.has(text) || !theme.has(background) || ratio < 4.5);
    expect(failing).toEqual([]);
  });
});
