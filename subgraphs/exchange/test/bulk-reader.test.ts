import { describe, expect, it } from 'vitest';
import { cachedParties, type Party, readAhead } from '../src/exports/bulk-reader.ts';

describe('export reading helpers', () => {
  it('readAhead asks for the next item before the consumer is done with the current one, and yields them all in order', async () => {
    const asked: number[] = [];
    async function* source() {
      for (let item = 1; item <= 3; item += 1) {
        asked.push(item);
        yield item;
      }
    }
    const seen: [number, number[]][] = [];
    for await (const item of readAhead(source())) seen.push([item, [...asked]]);
    expect(seen).toEqual([
      [1, [1, 2]],
      [2, [1, 2, 3]],
      [3, [1, 2, 3]],
    ]);
  });

  it('readAhead passes on a failure of the item read ahead', async () => {
    async function* failing() {
      yield 1;
      throw new Error('subgraph down');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of readAhead(failing())) seen.push(item);
      })(),
    ).rejects.toThrow('subgraph down');
    expect(seen).toEqual([1]);
  });

  it('cachedParties asks once per enterprise, remembers unknown ones too, and keeps at most `limit`', async () => {
    const lookups: string[][] = [];
    const party = (uscc: string): Party => ({ name: `企业${uscc}`, legalRepresentative: null });
    const parties = cachedParties(async (usccs) => {
      const wanted = [...usccs];
      lookups.push(wanted);
      return new Map(wanted.filter((uscc) => uscc !== 'unknown').map((uscc) => [uscc, party(uscc)]));
    }, 3);
    expect([...(await parties(['a', 'b', 'a', 'unknown'])).keys()]).toEqual(['a', 'b']);
    expect([...(await parties(['b', 'unknown', 'c'])).keys()]).toEqual(['b', 'c']);
    // 'a' was the oldest of four kept with a limit of three: asked again.
    expect([...(await parties(['a'])).keys()]).toEqual(['a']);
    expect(lookups).toEqual([['a', 'b', 'unknown'], ['c'], ['a']]);
  });
});
