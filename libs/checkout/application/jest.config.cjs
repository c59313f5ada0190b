module.exports = {
  displayName: 'checkout-application',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
