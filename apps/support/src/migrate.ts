// `nx run support:migrate` (tools/stack runs it): the same program as main.ts, told to apply migrations and exit.
process.argv.splice(2, 0, 'migrate');
require('./main');
