import { describe, expect, it } from 'vitest';
import { formatMessage, renderFormatting } from './message-format.ts';

describe('formatMessage', () => {
  it('sends plain text without formatted_body', () => {
    expect(formatMessage('Halo semua, rapat jam 7', [])).toEqual({ body: 'Halo semua, rapat jam 7', formattedBody: null, userIds: [] });
    expect(formatMessage('a & b < c', []).formattedBody).toBeNull();
  });

  it('renders Markdown and WhatsApp *bold* _italic_ ~strike~', () => {
    expect(formatMessage('*penting* _catatan_ ~batal~ **tebal** `kode`', []).formattedBody).toBe(
      '<strong>penting</strong> <em>catatan</em> <del>batal</del> <strong>tebal</strong> <code>kode</code>',
    );
    expect(formatMessage('- satu\n- dua', []).formattedBody).toBe('<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>');
  });

  it('turns mention pills into matrix.to links and lists them for m.mentions', () => {
    const out = formatMessage('@Budi Santoso dan Budi, cek ya', [
      { userId: '@budi:example.org', name: 'Budi' },
      { userId: '@budis:example.org', name: 'Budi Santoso' },
    ]);
    expect(out.body).toBe('Budi Santoso dan Budi, cek ya');
    expect(out.formattedBody).toBe(
      '<a href="https://matrix.to/#/@budis:example.org">Budi Santoso</a> dan <a href="https://matrix.to/#/@budi:example.org">Budi</a>, cek ya',
    );
    expect(out.userIds.sort()).toEqual(['@budi:example.org', '@budis:example.org']);
  });

  it('never lets typed HTML through as markup', () => {
    // A line that opens with HTML is an HTML block to Markdown: it stays text, so nothing is formatted.
    expect(formatMessage('<script>alert(1)</script><img src=x onerror=alert(1)> *hi*', []).formattedBody).toBeNull();
    const inline = formatMessage('lihat <img src=x onerror=alert(1)> <iframe src="https://evil"></iframe> *ini*', []).formattedBody ?? '';
    expect(inline).not.toMatch(/<img|<iframe/);
    expect(inline).toContain('&lt;img');
    expect(inline).toContain('<strong>ini</strong>');
  });

  it('leaves a mention whose name is not in the body out of m.mentions', () => {
    expect(formatMessage('halo', [{ userId: '@x:example.org', name: 'Xena' }]).userIds).toEqual([]);
  });
});

describe('renderFormatting (imported WhatsApp history)', () => {
  it('renders WhatsApp styles and returns null for plain text', () => {
    expect(renderFormatting('*Rapat* besok')).toBe('<strong>Rapat</strong> besok');
    expect(renderFormatting('biasa saja')).toBeNull();
  });
});
