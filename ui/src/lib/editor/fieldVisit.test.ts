import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FieldVisit } from './fieldVisit';

type Saved = [string, string, string, string];

describe('FieldVisit', () => {
  let saved: Saved[];
  let visit: FieldVisit<'title' | 'owner'>;

  beforeEach(() => {
    vi.useFakeTimers();
    saved = [];
    visit = new FieldVisit((id, field, value, key) => saved.push([id, field, value, key]), 400);
  });
  afterEach(() => vi.useRealTimers());

  it('saves into the card the visit began on, even after the selection moved', () => {
    visit.begin('B', 'owner');
    visit.typed('Tim CX');
    // The click on card D lands first; the blur comes after it.
    visit.leave('Tim CX');
    expect(saved.map((s) => s.slice(0, 3))).toEqual([['B', 'owner', 'Tim CX']]);
  });

  it('saves nothing when the field was only focused', () => {
    visit.begin('C', 'title');
    visit.leave('Title of C');
    expect(saved).toEqual([]);
  });

  it('a save due after the visit moved on still goes to its own card', () => {
    visit.begin('B', 'owner');
    visit.typed('Ana');
    visit.begin('D', 'owner'); // focus moved to another card's field before the timer fired
    vi.advanceTimersByTime(1000);
    expect(saved.map((s) => s.slice(0, 3))).toEqual([['B', 'owner', 'Ana']]);
  });

  it('says while typed text waits for its save', () => {
    const waiting: boolean[] = [];
    const v = new FieldVisit<'title'>(
      () => {},
      400,
      (w) => waiting.push(w),
    );
    v.begin('A', 'title');
    v.typed('a');
    v.typed('ab');
    vi.advanceTimersByTime(400);
    v.leave('ab');
    expect(waiting).toEqual([true, false]);
  });

  it('debounces typing and keeps one merge key per visit', () => {
    visit.begin('A', 'title');
    visit.typed('H');
    visit.typed('He');
    vi.advanceTimersByTime(400);
    visit.typed('Hel');
    visit.leave('Hello');
    expect(saved.map((s) => s[2])).toEqual(['He', 'Hello']);
    expect(new Set(saved.map((s) => s[3])).size).toBe(1);
    visit.begin('A', 'title');
    visit.typed('Hello!');
    visit.leave('Hello!');
    expect(saved[2]?.[3]).not.toBe(saved[0]?.[3]);
  });
});
