import { describe, expect, it } from 'vitest';
import { fixtureModel, fixtureValues } from './catalog-fixture.ts';
import { buildCatalogIndex } from './catalog-index.ts';
import { searchCatalog } from './search-catalog.ts';

const index = buildCatalogIndex(fixtureModel(), fixtureValues());
const top = (question: string) => searchCatalog(index, question, { limit: 5 })[0];

describe('searchCatalog finds members', () => {
  it.each([
    // [question, first hit, why]
    ['revenue by month', 'revenue', 'name'],
    ['what were the takings', 'revenue', 'synonym'],
    ['gross profit by store', 'gross_margin', 'synonym'],
    ['REVENUE?', 'revenue', 'case and punctuation'],
    ['revnue last week', 'revenue', 'one typo in a 7-letter word'],
    ['reveune', 'revenue', 'swapped letters count as one edit'],
    ['departmnts', 'products.category', 'typo and plural together'],
    ['categories', 'products.category', 'plural ies'],
    ['grosss margins', 'gross_margin', 'typo and plural inside a phrase'],
    ['towns', 'stores.city', 'plural of a synonym'],
    ['margin rate', 'margin_percent', 'two-word synonym beats the word "margin"'],
  ])('%s -> %s (%s)', (question, name) => {
    expect(top(question)?.name).toBe(name);
  });

  it('refuses typos in short words: "unit" is a plural away from units, "unis" is nothing', () => {
    expect(top('unit')?.name).toBe('units');
    expect(searchCatalog(index, 'unis').map((h) => h.name)).not.toContain('units');
  });

  it('allows two edits only in words of nine letters or more', () => {
    expect(searchCatalog(index, 'acesories')[0]?.values[0]).toMatchObject({
      value: 'Accessories',
      match: 'typo',
    });
    expect(top('turnovr')?.name).toBe('revenue');
    expect(searchCatalog(index, 'trnovr')).toEqual([]);
  });

  it('does not read a known word as a typo of another ("store" is not "stone")', () => {
    const stony = buildCatalogIndex(fixtureModel(), {
      ...fixtureValues(),
      dimensions: [
        { dimension: 'products.material', relation: 'curated.products', values: ['stone'], truncated: false },
      ],
    });
    expect(searchCatalog(stony, 'store').map((h) => h.name)).not.toContain('products.material');
    expect(searchCatalog(stony, 'stine')[0]?.values[0]).toMatchObject({ value: 'stone', match: 'typo' });
  });

  it('returns nothing for words the catalog does not know', () => {
    expect(searchCatalog(index, 'the weather in space')).toEqual([]);
  });
});

describe('value hits', () => {
  it.each([
    ['sales in Bilbao', 'stores.city', 'Bilbao', 'exact'],
    ['sales in bilbao', 'stores.city', 'Bilbao', 'folded'],
    ['zurich', 'stores.city', 'Zürich', 'folded'],
    ['Sao-Paulo revenue', 'stores.city', 'São Paulo', 'folded'],
    ['bilbo', 'stores.city', 'Bilbao', 'typo'],
    ['accesories', 'products.category', 'Accessories', 'typo'],
    ['rug', 'products.category', 'Rugs', 'inflection'],
    ['bed and bath', 'products.category', 'Bed & Bath', 'folded'],
    ['wool', 'products.material', 'wool', 'exact'],
    ['paulo', 'stores.city', 'São Paulo', 'partial'],
    ['bath towels', 'products.category', 'Bed & Bath', 'partial'],
  ])('%s -> %s = %s (%s)', (question, dimension, value, match) => {
    const hit = searchCatalog(index, question).find((h) => h.name === dimension);
    expect(hit?.values[0]).toMatchObject({ value, match, source: 'warehouse' });
  });

  it('matches "New York" as one phrase, not also "York"', () => {
    const hit = top('revenue in New York');
    expect(hit?.name).toBe('stores.city');
    expect(hit?.values.map((v) => v.value)).toEqual(['New York']);
    expect(hit?.reason).toBe("value 'New York' of dimension stores.city");
  });

  it('prefers a whole value to a word of a longer one', () => {
    const hit = top('york');
    expect(hit?.values.map((v) => [v.value, v.match])).toEqual([
      ['York', 'folded'],
      ['New York', 'partial'],
    ]);
  });

  it('lists several values of one dimension, best first', () => {
    const hit = searchCatalog(index, 'Bilbao versus zurich').find((h) => h.name === 'stores.city');
    expect(hit?.values.map((v) => [v.value, v.match])).toEqual([
      ['Bilbao', 'exact'],
      ['Zürich', 'folded'],
    ]);
  });

  it('falls back to sample values when the warehouse has not been indexed', () => {
    const bare = buildCatalogIndex(fixtureModel());
    const hit = searchCatalog(bare, 'north').find((h) => h.name === 'stores.region_name');
    expect(hit?.values).toEqual([{ value: 'North', source: 'sample', match: 'folded', words: 'north' }]);
    expect(searchCatalog(bare, 'Bilbao')).toEqual([]);
  });

  it('treats an injection-looking value as words, found only by those words', () => {
    const hit = top("x'); DROP TABLE sales; --");
    expect(hit?.name).toBe('products.material');
    expect(hit?.values[0]?.value).toBe("x'); DROP TABLE sales; --");
  });
});

describe('ranking', () => {
  it('gives a score and a reason naming the field and the member', () => {
    const [first] = searchCatalog(index, 'takings');
    expect(first).toMatchObject({ kind: 'metric', name: 'revenue', score: 90 });
    expect(first?.reason).toBe("synonym 'takings' of metric revenue");
  });

  it('says when a typo or an inflection was needed', () => {
    expect(top('revnue')?.reason).toBe("name of metric revenue (typo: 'revnue')");
    expect(top('turnovers')?.reason).toBe("synonym 'turnover' of metric revenue (inflection: 'turnovers')");
  });

  it('ranks exact over inflection over typo, names over descriptions', () => {
    const scores = ['revenue', 'revenues', 'revnue'].map((q) => top(q)?.score ?? 0);
    expect(scores[0]).toBeGreaterThan(scores[1] ?? 0);
    expect(scores[1]).toBeGreaterThan(scores[2] ?? 0);
    const hits = searchCatalog(index, 'revenue');
    const description = hits.find((h) => h.name === 'margin_percent');
    expect(description?.reason).toBe("description of metric margin_percent mentions 'revenue'");
    expect(description?.score).toBeLessThan(hits[0]?.score ?? 0);
  });

  it('breaks ties by name, so the order never depends on the model file order', () => {
    const names = searchCatalog(index, 'margin').map((h) => h.name);
    expect(names.slice(0, 2)).toEqual(['gross_margin', 'margin_percent']);
    const model = fixtureModel();
    const reversed = buildCatalogIndex(
      {
        ...model,
        metrics: [...model.metrics].reverse(),
        semanticModels: [...model.semanticModels].reverse(),
      },
      fixtureValues(),
    );
    expect(searchCatalog(reversed, 'margin in york by category')).toEqual(
      searchCatalog(index, 'margin in york by category'),
    );
  });

  it('ranks a value that is only a number low: "top 10" is more often a count than a value', () => {
    const numbered = buildCatalogIndex(fixtureModel(), {
      ...fixtureValues(),
      dimensions: [
        { dimension: 'sales.channel', relation: 'curated.sales', values: ['10', 'web'], truncated: false },
      ],
    });
    const hits = searchCatalog(numbered, 'top 10 cities');
    expect(hits.map((h) => h.name).slice(0, 2)).toEqual(['stores.city', 'sales.channel']);
    expect(hits[1]?.score).toBe(25.5);
    expect(hits[1]?.values[0]).toMatchObject({ value: '10', match: 'exact' });
  });

  it('matches short or common values ("US", "XL", "M") only as written', () => {
    const sized = buildCatalogIndex(fixtureModel(), {
      ...fixtureValues(),
      dimensions: [
        {
          dimension: 'sales.channel',
          relation: 'curated.sales',
          values: ['US', 'XL', 'M', 'a'],
          truncated: false,
        },
      ],
    });
    const values = (q: string) => searchCatalog(sized, q).flatMap((h) => h.values.map((v) => v.value));
    expect(values('revenue in the US for XL and M')).toEqual(['US', 'XL', 'M']);
    expect(values('show us revenue for xl, m and a')).toEqual([]);
  });

  it('honours the limit', () => {
    expect(searchCatalog(index, 'revenue by city and category in bilbao', { limit: 2 })).toHaveLength(2);
  });

  it('ranks verified questions by the words they share', () => {
    const hits = searchCatalog(index, 'revenue by city last month', { limit: 20 });
    const verified = hits.filter((h) => h.kind === 'verified_query');
    expect(verified[0]?.name).toBe('Revenue by city last month');
    expect(verified[0]?.reason).toBe(
      "verified question 'Revenue by city last month' shares 4 of its 4 words",
    );
    expect(verified[0]?.score).toBeGreaterThan(verified[1]?.score ?? 0);
  });
});
