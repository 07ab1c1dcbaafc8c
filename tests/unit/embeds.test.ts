import { describe, expect, it } from 'vitest';
import { embedKind } from '@/lib/embeds';

describe('embedKind', () => {
  it.each([
    ['https://www.youtube.com/watch?v=abc', 'youtube'],
    ['https://youtu.be/abc', 'youtube'],
    ['https://x.com/someone/status/123', 'x'],
    ['https://twitter.com/someone/status/123', 'x'],
    ['https://x.com/someone', null],
    ['http://youtube.com/watch?v=abc', null],
    ['javascript:alert(1)', null],
    ['https://youtube.com.evil.example/watch', null],
    ['not a url', null],
  ])('%s → %s', (url, kind) => {
    expect(embedKind(url)).toBe(kind);
  });
});
