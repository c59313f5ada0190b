// The console server is bundled like the services; its browser app is built by Vite into public/ (target build-client).
module.exports = require('../../tools/webpack/service.cjs')(__dirname);
