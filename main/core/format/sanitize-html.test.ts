import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize-html.ts';

describe('sanitizeHtml', () => {
  it('removes script and iframe with their content, and event handlers', () => {
    const out = sanitizeHtml('<b onclick="x()">ok</b><script>alert(1)</script><iframe src="https://evil"><p>in</p></iframe><img src=x onerror=alert(1)>');
    expect(out).toBe('<b>ok</b>');
  });

  it('keeps allowed formatting and safe links only', () => {
    expect(
      sanitizeHtml('<a href="https://matrix.to/#/@a:b" target="_blank">A</a> <a href="javascript:alert(1)">x</a> <a href="&#106;avascript:alert(1)">y</a>'),
    ).toBe('<a href="https://matrix.to/#/@a:b">A</a> <a>x</a> <a>y</a>');
    expect(sanitizeHtml('<ul><li><em>a</em></li></ul><pre><code class="language-ts">x</code></pre>')).toBe(
      '<ul><li><em>a</em></li></ul><pre><code class="language-ts">x</code></pre>',
    );
  });

  it('escapes stray angle brackets and drops comments and unknown tags but keeps their text', () => {
    expect(sanitizeHtml('1 < 2 <!-- hidden --><blink>hi</blink> >')).toBe('1 &lt; 2 hi &gt;');
  });

  it('drops nested dropped elements entirely', () => {
    expect(sanitizeHtml('<script><script>x</script>y</script>z')).toBe('z');
  });
});
