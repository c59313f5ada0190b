module.exports = {
  displayName: 'platform-messaging',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
