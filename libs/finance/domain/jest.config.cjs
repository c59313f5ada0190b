module.exports = {
  displayName: 'finance-domain',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
