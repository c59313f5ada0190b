import { Test } from '@nestjs/testing';
import { built, builtAs } from './providers';

abstract class Shelf {
  abstract itemsOn(): string[];
}

class InMemoryShelf extends Shelf {
  constructor(private readonly items: string[]) {
    super();
  }
  itemsOn(): string[] {
    return this.items;
  }
}

class Clerk {
  constructor(
    readonly shelf: Shelf,
    readonly greeting: string,
  ) {}
}

const ITEMS = Symbol('Items');
const GREETING = Symbol('Greeting');

describe('built and builtAs', () => {
  it('construct a provider from the tokens it names, in constructor order, under its own class or a port', async () => {
    const module = await Test.createTestingModule({
      providers: [{ provide: ITEMS, useValue: ['mug', 'tea'] }, { provide: GREETING, useValue: 'hello' }, builtAs(Shelf, InMemoryShelf, [ITEMS]), built(Clerk, [Shelf, GREETING])],
    }).compile();

    const clerk = module.get(Clerk);
    expect(clerk.greeting).toBe('hello');
    expect(clerk.shelf).toBeInstanceOf(InMemoryShelf);
    expect(clerk.shelf.itemsOn()).toEqual(['mug', 'tea']);
    expect(module.get(Shelf)).toBe(clerk.shelf);
  });
});
