// content-disposition (loaded by @fastify/static, which serves the OpenAPI UI) ships as ES modules
// only; until the shared preset lists it, integration specs that start the service compile it here.
const esmOnlyPackages = ['@nestjs', 'cookie', 'content-disposition'];

module.exports = {
  displayName: 'checkout-infrastructure',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  transformIgnorePatterns: [`node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
};
