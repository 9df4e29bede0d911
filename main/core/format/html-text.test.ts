import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.ts';

describe('htmlToText', () => {
  it('keeps the words of formatted text without its tags', () => {
    expect(htmlToText('Jadi, jam 9 di <strong>balai desa</strong>. Tolong <em>bawa</em> laporan')).toBe('Jadi, jam 9 di balai desa. Tolong bawa laporan');
  });

  it('turns line breaks, paragraphs and list items into spaces', () => {
    expect(htmlToText('<p>satu</p><p>dua</p><ul><li>tiga</li><li>empat</li></ul>baris<br>baru')).toBe('satu dua tiga empat baris baru');
  });

  it('decodes entities, named and numeric, and leaves unknown ones as written', () => {
    expect(htmlToText('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x1F44D; &bogus;')).toBe('a & b <c> "d" \'e\' 👍 &bogus;');
  });

  it('drops a reply fallback and script or style content', () => {
    expect(htmlToText('<mx-reply><blockquote>kutipan</blockquote></mx-reply>jawab<script>alert(1)</script><style>p{}</style>')).toBe('jawab');
  });
});
