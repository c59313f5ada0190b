/** A nominal type: a `string` that only a parser/constructor of the right name can produce. */
export type Brand<T, Name extends string> = T & { readonly __brand: Name };
