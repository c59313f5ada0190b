// Unit specs of the tool's pure parts (schedule, invariants). The tool itself is plain Node ESM
// (.mjs, no build step), so SWC compiles those modules to CommonJS for Jest as well.
const preset = require('../../jest.preset.cjs');

module.exports = {
  displayName: 'chaos',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testPathIgnorePatterns: ['\\.e2e\\.spec\\.ts$'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: { '^.+\\.m?[tj]s$': preset.transform['^.+\\.[tj]s$'] },
};
