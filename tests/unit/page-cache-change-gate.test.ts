import { describe, expect, it } from 'vitest';
import { changeGate } from '@/lib/page-cache/change-gate';

describe('the data_version gate of the page cache', () => {
  it('reads the version at most once per interval and reports a change made elsewhere', () => {
    let clock = 0;
    let version = 1;
    let reads = 0;
    let changes = 0;
    const check = changeGate(
      () => (reads++, version),
      () => changes++,
      2,
      () => clock,
    );
    check(); // first look: remembers version 1
    version = 2; // another process commits
    clock = 1;
    check(); // inside the window: not read yet
    expect([reads, changes]).toEqual([1, 0]);
    clock = 2.5;
    check(); // the window has passed: the commit is seen
    expect([reads, changes]).toEqual([2, 1]);
    clock = 100;
    check(); // idle, nothing changed: read, no invalidation
    expect([reads, changes]).toEqual([3, 1]);
  });

  it('with an interval of 0 reads on every request, as before', () => {
    let reads = 0;
    const check = changeGate(
      () => ++reads,
      () => {},
      0,
      () => 5,
    );
    check();
    check();
    check();
    expect(reads).toBe(3);
  });
});
