// The short chaos run: the whole tool for a minute or two against the built services, on a broker
// of its own. Named apart from jest.config.* so `nx test` does not pick it up: it is the `e2e` target.
module.exports = {
  displayName: 'chaos-e2e',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  testTimeout: 900_000,
};
