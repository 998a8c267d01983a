import { describe, expect, it } from 'vitest';
import { guessKey, numericColumns } from './metrics';

describe('metrics import helpers', () => {
  it('guesses the identifying column and the numeric ones', () => {
    const headers = ['link', 'long_url', 'title', 'tags', 'clicks'];
    expect(guessKey(headers)).toEqual({ key: 'long_url', matchBy: 'url' });
    expect(guessKey(['Touchpoint', 'CSAT'])).toEqual({ key: 'Touchpoint', matchBy: 'title' });
    const preview = {
      headers,
      rows: [
        ['https://x/a', 'https://a', 'A', 'promo', '1,204'],
        ['https://x/b', 'https://b', 'B', 'app', ''],
      ],
      rowCount: 2,
    };
    expect(numericColumns(preview, 'long_url')).toEqual(['clicks']);
  });
});
