module.exports = {
  displayName: 'platform-http',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
