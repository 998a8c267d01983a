import { describe, expect, it } from 'vitest';
import { beforeClose, runBeforeClose } from './beforeClose';

describe('beforeClose', () => {
  it('flushes first, then waits for what the flushes queued', async () => {
    const log: string[] = [];
    let queue: Promise<unknown> = Promise.resolve();
    const offDrain = beforeClose('drain', () => queue);
    const offFlush = beforeClose('flush', () => {
      log.push('flush');
      queue = queue.then(() => new Promise((r) => setTimeout(r, 20))).then(() => log.push('saved'));
    });
    await runBeforeClose();
    expect(log).toEqual(['flush', 'saved']);
    offDrain();
    offFlush();
    log.length = 0;
    await runBeforeClose();
    expect(log).toEqual([]);
  });
});
