import { describe, expect, it } from 'vitest';
import { normaliseLinkInput } from '@/lib/admin/link-url';

describe('the link dialog’s address', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['http://example.com', 'http://example.com'],
    ['www.example.com', 'https://www.example.com'],
    ['  www.sana.sy/ar/news  ', 'https://www.sana.sy/ar/news'],
    ['example.org/path', 'https://example.org/path'],
    ['example.com:8080/x', 'https://example.com:8080/x'],
    ['//cdn.example.com/x', 'https://cdn.example.com/x'],
    ['mailto:desk@midad.example', 'mailto:desk@midad.example'],
  ])('accepts %s as %s', (input, href) => {
    expect(normaliseLinkInput(input)).toEqual({ ok: true, href });
  });

  it.each([
    ['javascript:alert(1)', 'scheme'],
    ['JavaScript:alert(1)', 'scheme'],
    ['java\tscript:alert(1)', 'scheme'],
    ['data:text/html,<b>x</b>', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['ftp://example.com', 'scheme'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['كلمة', 'invalid'],
    ['localhost', 'invalid'],
    ['https://', 'invalid'],
    ['mailto:nobody', 'invalid'],
  ])('refuses %j (%s)', (input, error) => {
    expect(normaliseLinkInput(input)).toEqual({ ok: false, error });
  });
});
