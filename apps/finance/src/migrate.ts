// `nx run finance:migrate`: the same program as main.ts, told to apply migrations and exit.
process.argv.splice(2, 0, 'migrate');
require('./main');
