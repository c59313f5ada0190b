import { PricedLine, pricedLines } from './priced-line';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const mugs: PricedLine = { sku: 'MUG-BLUE', quantity: 2, unitPrice: eur(1250), lineTotal: eur(2500) };
const tea: PricedLine = { sku: 'TEA-EARL', quantity: 1, unitPrice: eur(899), lineTotal: eur(899) };

describe('Priced lines', () => {
  it('are accepted when each line is its quantity times its unit price and they add up to the total', () => {
    expect(pricedLines([mugs, tea], eur(3399))).toEqual([mugs, tea]);
  });

  it('are answered frozen, amounts included', () => {
    const [line] = pricedLines([mugs], eur(2500));

    expect(Object.isFrozen(line)).toBe(true);
    expect(Object.isFrozen(line!.unitPrice)).toBe(true);
    expect(Object.isFrozen(line!.lineTotal)).toBe(true);
  });

  it.each([
    ['no lines', [], eur(0), /no lines/],
    ['lines that do not add up to the total', [mugs, tea], eur(3400), /add up to 3399, the total says 3400/],
    ['a line total that is not quantity × unit price', [{ ...mugs, lineTotal: eur(2499) }], eur(2499), /totals 2499, not 2 × 1250/],
    ['a line in another currency', [{ ...tea, unitPrice: { amount: 899, currency: 'GBP' } }], eur(899), /in GBP, the total in EUR/],
    ['a quantity of zero', [{ ...tea, quantity: 0, lineTotal: eur(0) }], eur(0), /quantity 0/],
    ['a fractional amount', [{ ...tea, quantity: 2, unitPrice: eur(4.5), lineTotal: eur(9) }], eur(9), /amount of 4.5/],
    ['a line without SKU', [{ ...tea, sku: ' ' }], eur(899), /no SKU/],
  ])('are refused with %s', (_case, lines, total, reason) => {
    expect(() => pricedLines(lines as PricedLine[], total)).toThrow(expect.objectContaining({ code: 'priced_lines_invalid', message: expect.stringMatching(reason) }));
  });
});
