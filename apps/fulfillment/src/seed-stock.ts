// `nx run fulfillment:seed`: the same program as main.ts, told to seed stock from the catalogue file given after it.
process.argv.splice(2, 0, 'seed-stock');
require('./main');
