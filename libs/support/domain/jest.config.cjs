module.exports = {
  displayName: 'support-domain',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
