module.exports = {
  displayName: 'fulfillment-application',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
