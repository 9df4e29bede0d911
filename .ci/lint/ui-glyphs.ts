import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * No button or mark of the window may be an emoji character: a machine without a colour-emoji font
 * shows an empty box instead (issue 14). Icons come from `renderer/src/ui/icons.ts` (SVG). This scans
 * the renderer's shipped sources and its translations for pictographic characters outside comments;
 * emoji that members type arrive as data and are drawn with the bundled emoji font. A line of
 * emoji that are themselves data (the quick reactions, which are sent as the reaction's key) says
 * so with the marker `emoji-as-data` in a comment on it, and is drawn with that font too.
 */
export type GlyphHit = { file: string; line: number; glyph: string };

/** Emoji and pictographs (⚙, 📎, 🎙, ⏹ …), and the dingbat crosses often used as a close button. */
const pictograph = /[\p{Extended_Pictographic}\u2715\u2716\u2717\u2718]/u;

const DATA_MARKER = 'emoji-as-data';

/** A line's code without its comment: lines that are comments, and `//` or `/*` comments after code. */
const codeOf = (line: string): string => {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*') || trimmed.startsWith('{/*')) {
    return '';
  }
  return line.replace(/\s\/\/\s.*$/, '').replace(/\/\*.*?\*\//g, '');
};

const isScanned = (file: string): boolean =>
  !/\.test\.tsx?$/.test(file) && !file.includes('/test/') && (/\.tsx?$/.test(file) || /\/i18n\/[^/]+\.json$/.test(file));

export const findUiGlyphs = async (rendererSrc: string): Promise<GlyphHit[]> => {
  const entries = await readdir(rendererSrc, { withFileTypes: true, recursive: true });
  const hits: GlyphHit[] = [];
  for (const entry of entries) {
    const absolute = path.join(entry.parentPath, entry.name);
    const file = path.relative(rendererSrc, absolute).split(path.sep).join('/');
    if (!entry.isFile() || !isScanned(`/${file}`)) {
      continue;
    }
    const lines = (await readFile(absolute, 'utf8')).split('\n');
    lines.forEach((line, index) => {
      if (line.includes(DATA_MARKER)) {
        return;
      }
      const found = pictograph.exec(codeOf(line));
      if (found) {
        hits.push({ file, line: index + 1, glyph: found[0] });
      }
    });
  }
  return hits;
};
