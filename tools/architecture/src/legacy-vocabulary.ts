import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The legacy billing system's vocabulary: its nouns as identifiers (Account, Contract, ChargeCode),
 * its verbs on them (openAccount, createContract), its numbers (accountNo, contractNumber) and its
 * field names (ACCNO, CONTRNO, CHGCODE, CHGNO, EXTREF, PAYREF, VALDATE). Finance's own compound
 * terms that merely share a word keep their meaning and are not the legacy's: BillingAccount,
 * LedgerAccount (`ledgerAccounts`), the published language's EventContract (`allContracts`).
 */
const rules: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'a legacy noun as an identifier', pattern: /\b(?:Account|Accounts|Contract|Contracts|ChargeCode|ChargeCodes|chargeCode|chargeCodes)\b/g },
  { name: 'a ChargeCode in an identifier', pattern: /\b\w*(?:ChargeCode|chargeCode|charge_code|CHARGE_CODE)\w*\b/g },
  { name: 'a legacy operation', pattern: /\b\w*(?:openAccount|createContract|legacyAccount|legacyContract|LegacyAccount|LegacyContract)\w*\b/g },
  { name: 'a legacy number', pattern: /\b(?:account|contract)(?:No|Nr|Number|Num)\b/gi },
  { name: 'a legacy field name', pattern: /\b(?:ACCNO|CONTRNO|CHGCODE|CHGNO|EXTREF|PAYREF|VALDATE)\b/g },
];

/** Where the legacy vocabulary belongs: Finance's ACL to the legacy system, and the legacy system's stand-in. */
export const legacyVocabularyHomes = ['libs/finance/infrastructure/src/acl/legacy-billing/', 'apps/legacy-billing/'];

/** Code without its comments: the rule is about identifiers and the strings code sends, not prose about them. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Each place the legacy vocabulary appears in a source: `line: word (rule)`. */
export function legacyVocabularyIn(source: string): string[] {
  const found: string[] = [];
  withoutComments(source)
    .split('\n')
    .forEach((line, index) => {
      for (const rule of rules) for (const match of line.matchAll(rule.pattern)) found.push(`${index + 1}: ${match[0]} (${rule.name})`);
    });
  return found;
}

/** Every TypeScript source of apps/ and libs/ outside the legacy vocabulary's homes, relative to the workspace. */
export function sourcesOutsideTheLegacyHomes(workspace: string): string[] {
  return ['apps', 'libs']
    .flatMap((root) =>
      readdirSync(join(workspace, root), { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.parentPath.includes(`${sep}node_modules`))
        .map((entry) => relative(workspace, join(entry.parentPath, entry.name)).split(sep).join('/')),
    )
    .filter((path) => !legacyVocabularyHomes.some((home) => path.startsWith(home)))
    .sort();
}

export function legacyVocabularyOutsideItsHomes(workspace: string): string[] {
  return sourcesOutsideTheLegacyHomes(workspace).flatMap((path) => legacyVocabularyIn(readFileSync(join(workspace, path), 'utf8')).map((hit) => `${path}:${hit}`));
}
