import { FactoryProvider, InjectionToken } from '@nestjs/common';

/** A token that gives a `T`: its class (an abstract one too, as the ports are), or a symbol or string (not checked). */
export type TokenOf<T> = (abstract new (...args: never) => T) | symbol | string;

/** The tokens that give a constructor's arguments, in order. */
export type TokensOf<TArgs extends readonly unknown[]> = { readonly [K in keyof TArgs]: TokenOf<TArgs[K]> };

/** `new type(...injected)`: a use case or adapter built from the tokens it names, in constructor order (checked against the constructor). */
export function built<T, TArgs extends unknown[]>(type: new (...args: TArgs) => T, inject: NoInfer<TokensOf<TArgs>>): FactoryProvider<T> {
  return builtAs(type, type, inject);
}

/** The same, provided under another token: the port an adapter stands behind (`builtAs(Sales, TypeOrmSales, [Transactions, Outbox])`). */
export function builtAs<T, TArgs extends unknown[]>(provide: TokenOf<T>, type: new (...args: TArgs) => T, inject: NoInfer<TokensOf<TArgs>>): FactoryProvider<T> {
  return { provide: provide as InjectionToken, useFactory: (...args: TArgs) => new type(...args), inject: [...(inject as readonly InjectionToken[])] };
}
