module.exports = {
  displayName: 'published-language',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
