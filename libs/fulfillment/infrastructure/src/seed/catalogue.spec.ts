import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCatalogue } from './catalogue';

const demoCatalogue = join(__dirname, '../../../../../docker/provisioning/catalogue.json');

describe('a stock catalogue file', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const fileWith = (content: unknown) => {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };

  it("is read from the demo declaration, which stocks the README's example order", () => {
    const { stock } = readCatalogue(demoCatalogue);

    expect(stock).toEqual(
      expect.arrayContaining([
        { sku: 'MUG-BLUE', onHand: expect.any(Number) },
        { sku: 'TEA-EARL', onHand: expect.any(Number) },
      ]),
    );
    expect(stock.find((item) => item.sku === 'MUG-BLUE')!.onHand).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['a negative count', { stock: [{ sku: 'MUG-BLUE', onHand: -1 }] }, /onHand/],
    [
      'a SKU twice',
      {
        stock: [
          { sku: 'MUG-BLUE', onHand: 1 },
          { sku: 'MUG-BLUE', onHand: 2 },
        ],
      },
      /each SKU appears once/,
    ],
    ['an unknown field', { stock: [{ sku: 'MUG-BLUE', onHand: 1, price: 3 }] }, /price/],
    ['no stock list', {}, /stock/],
  ])('is refused whole with %s, naming what is wrong', (_case, content, problem) => {
    expect(() => readCatalogue(fileWith(content))).toThrow(problem);
  });
});
