module.exports = require('../../tools/webpack/service.cjs')(__dirname);
