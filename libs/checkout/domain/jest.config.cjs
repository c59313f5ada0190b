module.exports = {
  displayName: 'checkout-domain',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
