import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findUiGlyphs } from './ui-glyphs.ts';

let src: string;
beforeEach(async () => {
  src = await mkdtemp(path.join(os.tmpdir(), 'rembuk-glyphs-'));
});
afterEach(async () => {
  await rm(src, { recursive: true, force: true });
});

const put = async (file: string, text: string): Promise<void> => {
  await mkdir(path.dirname(path.join(src, file)), { recursive: true });
  await writeFile(path.join(src, file), text);
};

describe('findUiGlyphs', () => {
  it('finds an emoji button, an emoji in a translation and a dingbat cross', async () => {
    await put('features/media/Attach.tsx', 'export const A = () => (\n  <button>📎</button>\n);\n');
    await put('i18n/id.json', '{\n  "locked": "🔒 terkunci"\n}\n');
    await put('ui/Close.tsx', "export const label = '✕';\n");
    const hits = await findUiGlyphs(src);
    expect(hits.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: 'features/media/Attach.tsx', line: 2, glyph: '📎' },
      { file: 'i18n/id.json', line: 2, glyph: '🔒' },
      { file: 'ui/Close.tsx', line: 1, glyph: '✕' },
    ]);
  });

  it('leaves comments, tests, test helpers and plain punctuation alone', async () => {
    await put('ui/Icon.tsx', "// Was ⚙ before the icon set.\n/** A × closes it. */\nexport const sep = ' · → ';\n");
    await put('ui/Icon.test.tsx', "expect(text).toBe('🐶');\n");
    await put('test/fixtures.ts', "export const emoji = '👍';\n");
    await put('features/Quick.tsx', "export const QUICK = ['👍', '🙏']; // emoji-as-data: sent as the key\n");
    expect(await findUiGlyphs(src)).toEqual([]);
  });

  it('finds none in the renderer', async () => {
    const hits = await findUiGlyphs(path.resolve(import.meta.dirname, '../../renderer/src'));
    expect(hits).toEqual([]);
  });
});
