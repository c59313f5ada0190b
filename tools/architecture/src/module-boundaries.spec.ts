import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The architecture is only real if breaking it fails the build. These specs lint imports as if they
 * were written in a given project and expect the boundary rule to object (or not).
 */
const workspace = join(__dirname, '../../..');

const probes = {
  contextImportsContext: { project: 'libs/fulfillment/infrastructure', source: "import { Order } from '@bazaar/checkout-domain';\nexport const x = Order;\n" },
  domainImportsNest: { project: 'libs/checkout/domain', source: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n" },
  domainImportsTypeorm: { project: 'libs/fulfillment/domain', source: "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n" },
  domainImportsKafkajs: { project: 'libs/finance/domain', source: "import { Kafka } from 'kafkajs';\nexport const x = Kafka;\n" },
  applicationImportsNest: { project: 'libs/checkout/application', source: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n" },
  applicationImportsLanguage: { project: 'libs/support/application', source: "import { Topics } from '@bazaar/published-language';\nexport const x = Topics;\n" },
  consoleImportsContext: { project: 'apps/console', source: "import { SupportCase } from '@bazaar/support-domain';\nexport const x = SupportCase;\n" },
  consoleImportsLanguage: { project: 'apps/console', source: "import { Topics } from '@bazaar/published-language';\nexport const x = Topics;\n" },
  domainImportsOwnInfrastructure: { project: 'libs/checkout/domain', source: "import * as infra from '@bazaar/checkout-infrastructure';\nexport const x = infra;\n" },
  infrastructureUsesAllowed: {
    project: 'libs/checkout/infrastructure',
    source: [
      "import * as domain from '@bazaar/checkout-domain';",
      "import * as platform from '@bazaar/platform-messaging';",
      "import * as language from '@bazaar/published-language';",
      'export const x = [domain, platform, language];',
    ].join('\n'),
  },
} as const;

type Probe = keyof typeof probes;
let errors: Record<Probe, string[]>;

beforeAll(() => {
  const names = Object.keys(probes) as Probe[];
  const output = execFileSync(process.execPath, [join(__dirname, 'lint-probe.mjs'), workspace], {
    input: JSON.stringify(names.map((name) => probes[name])),
    encoding: 'utf8',
  });
  const results = JSON.parse(output) as string[][];
  errors = Object.fromEntries(names.map((name, i) => [name, results[i]!])) as Record<Probe, string[]>;
});

describe('module boundaries', () => {
  it('forbid a context to import another context', () => {
    expect(errors.contextImportsContext.join('\n')).toMatch(/scope:fulfillment/);
  });

  it('forbid a domain lib to import Nest, TypeORM or kafkajs', () => {
    expect(errors.domainImportsNest.join('\n')).toContain('@nestjs/common');
    expect(errors.domainImportsTypeorm.join('\n')).toContain('typeorm');
    expect(errors.domainImportsKafkajs.join('\n')).toContain('kafkajs');
  });

  it('forbid an application lib to import a framework or the published language', () => {
    expect(errors.applicationImportsNest.join('\n')).toContain('@nestjs/common');
    expect(errors.applicationImportsLanguage).not.toEqual([]);
  });

  it('forbid the console to import any context or shared lib: it talks HTTP only', () => {
    expect(errors.consoleImportsContext.join('\n')).toMatch(/scope:console/);
    expect(errors.consoleImportsLanguage.join('\n')).toMatch(/scope:console/);
  });

  it('forbid a domain lib to reach outwards to its own infrastructure', () => {
    expect(errors.domainImportsOwnInfrastructure).not.toEqual([]);
  });

  it('allow infrastructure to use its own domain, the platform and the published language', () => {
    expect(errors.infrastructureUsesAllowed).toEqual([]);
  });
});
