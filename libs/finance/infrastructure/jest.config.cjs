module.exports = {
  displayName: 'finance-infrastructure',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  // The integration specs start the whole service, whose Swagger UI loads @fastify/static, which
  // requires the ESM-only content-disposition. Belongs in jest.preset.cjs's esmOnlyPackages; drop this then.
  transformIgnorePatterns: ['node_modules/(?!(@nestjs|cookie|content-disposition)/)'],
};
