/**
 * The renderer's two themes as data, from `renderer/src/styles/base.css`: the colour custom properties
 * of its first `:root` block (light) and of the `:root` inside `@media (prefers-color-scheme: dark)`,
 * and WCAG 2 contrast between two of them, so a test can hold every text colour to 4.5:1.
 */
export type Theme = ReadonlyMap<string, string>;

const hexProperty = /--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi;

const propertiesOf = (block: string): Theme => new Map([...block.matchAll(hexProperty)].map((match) => [match[1] ?? '', (match[2] ?? '').toLowerCase()]));

/** The text between the `{` at `open` and its matching `}`. */
const blockAt = (css: string, open: number): string => {
  let depth = 0;
  for (let index = open; index < css.length; index += 1) {
    if (css[index] === '{') {
      depth += 1;
    } else if (css[index] === '}') {
      depth -= 1;
      if (depth === 0) {
        return css.slice(open + 1, index);
      }
    }
  }
  throw new Error('unbalanced braces');
};

export const themesOf = (css: string): { light: Theme; dark: Theme } => {
  const light = css.indexOf(':root {');
  const media = css.indexOf('@media (prefers-color-scheme: dark)');
  if (light < 0 || media < 0) {
    throw new Error('base.css has no light :root block or no dark @media block');
  }
  const darkBlock = blockAt(css, css.indexOf('{', media));
  return { light: propertiesOf(blockAt(css, css.indexOf('{', light))), dark: propertiesOf(blockAt(darkBlock, darkBlock.indexOf('{'))) };
};

const luminance = (hex: string): number => {
  const channel = (offset: number): number => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
};

/** WCAG 2's contrast ratio, 1 to 21. */
export const contrast = (a: string, b: string): number => {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
};
