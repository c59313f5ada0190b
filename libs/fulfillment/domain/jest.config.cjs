module.exports = {
  displayName: 'fulfillment-domain',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
