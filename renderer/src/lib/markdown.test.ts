import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders the usual Markdown', () => {
    expect(renderMarkdown('# Judul\n\nKita **perlu** _traktor_.\n\n- satu\n- dua')).toBe(
      '<h1>Judul</h1>\n<p>Kita <strong>perlu</strong> <em>traktor</em>.</p>\n<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>\n',
    );
  });

  it('never lets a script or an event handler through', () => {
    const out = renderMarkdown('Halo <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<b onmouseover="alert(3)">x</b>');
    expect(out).not.toMatch(/<script|onerror|onmouseover|alert|<img/i);
    expect(out).toContain('<b>x</b>');
  });

  it('drops javascript: links, written as Markdown or as HTML', () => {
    const out = renderMarkdown('[klik](javascript:alert(1)) <a href="javascript:alert(2)">dua</a> [aman](https://example.org)');
    expect(out).not.toContain('javascript');
    expect(out).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">aman</a>');
  });
});
