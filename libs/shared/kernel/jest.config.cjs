module.exports = {
  displayName: 'shared-kernel',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
