import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize-html.ts';

describe('sanitizeHtml', () => {
  it('keeps the formatting tags of the spec', () => {
    const html =
      '<p><b>bold</b> <i>it</i> <u>u</u> <s>s</s> <del>d</del> <code>c</code> H<sub>2</sub>O x<sup>2</sup></p>' +
      '<blockquote>q</blockquote><pre><code>x</code></pre><ul><li>a</li></ul><ol><li>b</li></ol><h1>h</h1><h6>h6</h6><br>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('removes script tags with their content', () => {
    expect(sanitizeHtml('hi<script>alert(1)</script>')).toBe('hi');
  });

  it('removes event handler attributes', () => {
    expect(sanitizeHtml('<b onclick="x()" onerror="y()">t</b>')).toBe('<b>t</b>');
  });

  it('removes images, iframes, styles and forms', () => {
    const out = sanitizeHtml('<img src="x" onerror="alert(1)">a<iframe src="https://evil"></iframe><style>p{}</style><form><input></form><object></object>b');
    expect(out).toBe('ab');
  });

  it('drops javascript:, data: and vbscript: links but keeps their text', () => {
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href=" JaVaScRiPt:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href="data:text/html,hi">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href="vbscript:x">x</a>')).toBe('<a>x</a>');
  });

  it('opens http, https and mailto links outside the app', () => {
    for (const href of ['https://example.org/a?b=c', 'http://example.org', 'mailto:a@example.org']) {
      const out = sanitizeHtml(`<a href="${href}" title="t">x</a>`);
      const link = new DOMParser().parseFromString(out, 'text/html').querySelector('a');
      expect(link?.getAttribute('href')).toBe(href);
      expect(link?.getAttribute('target')).toBe('_blank');
      expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link?.hasAttribute('title')).toBe(false);
    }
  });

  it('strips style and class from spans and every other tag', () => {
    expect(sanitizeHtml('<span style="color:red" class="x" data-mx-color="#f00">t</span>')).toBe('<span>t</span>');
    expect(sanitizeHtml('<p style="position:fixed">t</p>')).toBe('<p>t</p>');
  });

  it('keeps the text of unknown tags but not reply fallbacks', () => {
    expect(sanitizeHtml('<font color="red">t</font>')).toBe('t');
    expect(sanitizeHtml('<mx-reply><blockquote>old</blockquote></mx-reply>new')).toBe('new');
  });

  it('does not let svg or math smuggle scripts', () => {
    expect(sanitizeHtml('<svg><script>alert(1)</script></svg>ok')).toBe('ok');
    expect(sanitizeHtml('<math><mi><a href="javascript:1">x</a></mi></math>')).not.toContain('javascript');
  });
});
