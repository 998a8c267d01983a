import { describe, expect, it } from 'vitest';
import { captureLines, captureProblem, parseCaptureLine } from './captureLine';

describe('a capture line', () => {
  it('sets the obvious attributes from its marks', () => {
    expect(parseCaptureLine('Checkout fails !! @Product #pain')).toEqual({
      title: 'Checkout fails',
      attrs: { momentOfTruth: true, owner: 'Product' },
      lane: 'painPoints',
    });
    expect(parseCaptureLine('Call centre #human #observed #high @Web_team #billing #q3')).toEqual({
      title: 'Call centre',
      attrs: {
        kind: 'human',
        evidence: 'observed',
        priority: 'high',
        owner: 'Web team',
        tags: ['billing', 'q3'],
      },
      lane: null,
    });
  });

  it('reads the Indonesian marks too', () => {
    expect(parseCaptureLine('Antre di kasir #fisik #diamati #masalah')).toEqual({
      title: 'Antre di kasir',
      attrs: { kind: 'physical', evidence: 'observed' },
      lane: 'painPoints',
    });
    expect(parseCaptureLine('Promo lewat WA #peluang')?.lane).toBe('opportunities');
  });

  it('leaves marks inside words, and a line of marks only, as text', () => {
    expect(parseCaptureLine('Pay in C# or e-mail@home!')?.title).toBe('Pay in C# or e-mail@home!');
    expect(parseCaptureLine('  #pain  ')).toEqual({ title: '#pain', attrs: {}, lane: 'painPoints' });
    expect(parseCaptureLine('# @ ! !!!')?.title).toBe('# @ ! !!!');
  });

  it('keeps right-to-left text and collapses spaces', () => {
    expect(parseCaptureLine('  الدفع   فشل  #pain')?.title).toBe('الدفع فشل');
  });

  it('is nothing when blank', () => {
    expect(parseCaptureLine('   ')).toBeNull();
  });

  it('names what is too long before a card is made', () => {
    expect(captureProblem(parseCaptureLine('x'.repeat(501))!)).toBe('title');
    expect(captureProblem(parseCaptureLine(`ok @${'o'.repeat(201)}`)!)).toBe('owner');
    expect(captureProblem(parseCaptureLine(`ok #${'t'.repeat(61)}`)!)).toBe('tag');
    expect(
      captureProblem(parseCaptureLine(`ok ${Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' ')}`)!),
    ).toBe('tags');
    expect(captureProblem(parseCaptureLine('x'.repeat(500))!)).toBeNull();
  });
});

describe('pasted text', () => {
  it('makes one line per card, in order, without blank lines', () => {
    expect(captureLines('One\r\n\n  Two  \rThree\n')).toEqual(['One', 'Two', 'Three']);
  });
});
