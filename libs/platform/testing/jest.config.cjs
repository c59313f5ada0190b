module.exports = {
  displayName: 'platform-testing',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
