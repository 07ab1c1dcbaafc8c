import { describe, expect, it } from 'vitest';
import { diffWords } from '@/lib/diff';

describe('diffWords', () => {
  it('marks replaced words', () => {
    expect(diffWords('افتتاح جسر جديد في حمص', 'افتتاح جسر حديث في حمص')).toEqual([
      { kind: 'same', text: 'افتتاح جسر ' },
      { kind: 'removed', text: 'جديد' },
      { kind: 'added', text: 'حديث' },
      { kind: 'same', text: ' في حمص' },
    ]);
  });

  it('handles additions at the end and empty texts', () => {
    expect(diffWords('', 'نص')).toEqual([{ kind: 'added', text: 'نص' }]);
    expect(diffWords('نص', 'نص')).toEqual([{ kind: 'same', text: 'نص' }]);
    expect(diffWords('أ ب', 'أ ب ج')).toEqual([
      { kind: 'same', text: 'أ ب' },
      { kind: 'added', text: ' ج' },
    ]);
  });
});
