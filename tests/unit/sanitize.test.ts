import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeArticleHtml } from '@/lib/html/sanitize';

describe('sanitizeArticleHtml', () => {
  it.each([
    ['<script>alert(1)</script><p>نص</p>', '<p>نص</p>'],
    ['<p onclick="alert(1)">نص</p>', '<p>نص</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<img src="x" onerror="alert(1)">', ''],
    ['<img src="data:image/png;base64,AAAA">', ''],
    ['<iframe src="https://evil.example"></iframe>', ''],
    ['<svg><script>alert(1)</script></svg>', ''],
    ['<p style="color:red">نص</p>', '<p>نص</p>'],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ''],
  ])('%s → %s', (input, output) => {
    expect(sanitizeArticleHtml(input)).toBe(output);
  });

  it('keeps the article structure editors use', () => {
    const html =
      '<p>مقدمة <strong>مهمة</strong> و<em>مائلة</em></p><h2>عنوان فرعي</h2><blockquote><p>«قول»</p><footer>قائل</footer></blockquote><ul><li>بند</li></ul><ol><li>أول</li></ol><p><a href="https://example.org/a">رابط</a></p><figure><img src="/media/demo-local-1-960.webp" alt="صورة"><figcaption>شرح</figcaption></figure>';
    const clean = sanitizeArticleHtml(html);
    for (const fragment of [
      '<strong>مهمة</strong>',
      '<h2>',
      '<blockquote>',
      '<footer>',
      '<ul>',
      '<ol>',
      'href="https://example.org/a"',
      'src="/media/demo-local-1-960.webp"',
      '<figcaption>',
    ]) {
      expect(clean).toContain(fragment);
    }
  });

  it('extracts plain text', () => {
    expect(htmlToText('<p>سطر</p><p>آخر &amp; <b>ثالث</b></p>')).toBe('سطر آخر & ثالث');
  });
});
