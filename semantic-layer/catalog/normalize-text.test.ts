import { describe, expect, it } from 'vitest';
import { editDistance, typoBudget } from './edit-distance.ts';
import { foldText, stem, tokenize } from './normalize-text.ts';

describe('foldText', () => {
  it.each([
    ['São Paulo', 'sao paulo'],
    ['ZÜRICH!', 'zurich'],
    ["Men's  gross-margin, 2025", 'mens gross margin 2025'],
    ['Straße', 'strasse'],
    ['  ¿Qué tal?  ', 'que tal'],
  ])('%s -> %s', (input, folded) => expect(foldText(input)).toBe(folded));
});

describe('stem makes inflections meet', () => {
  it.each([
    ['stores', 'store'],
    ['categories', 'category'],
    ['boxes', 'box'],
    ['rented', 'renting'],
    ['prices', 'priced'],
    ['running', 'run'],
    ['glasses', 'glass'],
  ])('%s ~ %s', (a, b) => expect(stem(a)).toBe(stem(b)));

  it.each([
    ['bus', 'bu'],
    ['analysis', 'analysi'],
    ['day', 'days2'],
  ])('keeps %s apart from %s', (a, b) => expect(stem(a)).not.toBe(stem(b)));
});

describe('tokenize', () => {
  it('keeps the raw word next to its folded form', () => {
    expect(tokenize('Zürich stores')).toEqual([
      { norm: 'zurich', stem: 'zurich', raw: 'Zürich' },
      { norm: 'stores', stem: 'stor', raw: 'stores' },
    ]);
  });
});

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['revenue', 'revenue', 0],
    ['revenue', 'revnue', 1],
    ['revenue', 'reveneu', 1],
    ['revenue', 'rvenue', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s / %s = %d', (a, b, d) => expect(editDistance(a, b, 5)).toBe(d));

  it('handles words longer than its first buffer', () => {
    expect(editDistance('a'.repeat(40), `${'a'.repeat(39)}b`, 2)).toBe(1);
    expect(editDistance(`ab${'x'.repeat(50)}`, `ba${'x'.repeat(50)}`, 2)).toBe(1);
  });

  it('stops at the bound', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('allows no typo under five letters, one from five, two from nine', () => {
    expect([4, 5, 8, 9, 14].map(typoBudget)).toEqual([0, 1, 1, 2, 2]);
  });
});
