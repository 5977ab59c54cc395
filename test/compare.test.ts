import { describe, expect, it } from 'vitest';
import { describeDifference } from '../src/engine/verdict/compare.ts';

const order = (lines: { product: string | null; quantity: number }[]) => [{ id: 7, lines }];

describe('the sentence that says how an answer differs', () => {
  it('points inside nested lists: a line missing from an order', () => {
    const want = order([{ product: 'Mug', quantity: 1 }, { product: null, quantity: 2 }]);
    const got = order([{ product: 'Mug', quantity: 1 }]);
    expect(describeDifference(want, got, 'ordered')).toBe('Item 0 differs: Field "lines": 1 of 2 expected items are missing.');
  });

  it('points at the field of the nested item that differs', () => {
    const want = order([{ product: 'Mug', quantity: 1 }, { product: 'Kettle (2026 edition)', quantity: 2 }]);
    const got = order([{ product: 'Mug', quantity: 1 }, { product: 'Kettle', quantity: 2 }]);
    expect(describeDifference(want, got, 'ordered')).toBe('Item 0 differs: Field "lines": Item 1 differs: Field "product": expected "Kettle (2026 edition)", got "Kettle".');
  });

  it('says when a nested list has the right items in the wrong order', () => {
    const want = order([{ product: 'Mug', quantity: 1 }, { product: 'Kettle', quantity: 2 }]);
    const got = order([{ product: 'Kettle', quantity: 2 }, { product: 'Mug', quantity: 1 }]);
    expect(describeDifference(want, got, 'ordered')).toBe('Item 0 differs: Field "lines": The same items, in a different order: the order matters here.');
  });
});
