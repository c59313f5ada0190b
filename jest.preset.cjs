// Shared Jest setup: SWC compiles TypeScript (with Nest's decorator metadata) to CommonJS.
// NestJS 12 ships as ES modules only, so Jest (which loads CommonJS) must compile those too.
const nxPreset = require('@nx/jest/preset').default;

const esmOnlyPackages = ['@nestjs', 'cookie', 'content-disposition', 'jose'];

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  // Integration specs join consumer groups and create databases; unit specs finish long before this.
  testTimeout: 60_000,
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  reporters: ['default', require.resolve('./tools/test/summary-reporter.cjs')],
  coverageReporters: ['text-summary', 'lcov'],
};
