// Loaded with `node --require` (NODE_OPTIONS) into a service when the bench runs with --profile.
// V8's sampling CPU profiler runs from the moment `<BENCH_CPU_PROFILE>.start` exists (the bench
// creates it after the warm-up, so start-up stays out) until SIGTERM, then writes BENCH_CPU_PROFILE
// (a .cpuprofile: Chrome DevTools opens it, the bench summarises it). Not a signal to start: Nest's
// shutdown hooks take SIGUSR2, Node's inspector SIGUSR1. `--cpu-prof` is not allowed in NODE_OPTIONS.
const { Session } = require('node:inspector');
const { existsSync, writeFileSync } = require('node:fs');

const file = process.env.BENCH_CPU_PROFILE;
if (file) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  let started = false;
  const trigger = setInterval(() => {
    if (!existsSync(`${file}.start`)) return;
    clearInterval(trigger);
    session.post('Profiler.start');
    started = true;
  }, 200);
  trigger.unref();
  let written = false;
  const write = () => {
    if (written || !started) return;
    written = true;
    // The main-thread session answers synchronously, so this works inside an exit handler.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
    });
  };
  process.prependListener('SIGTERM', write);
  process.on('exit', write);
}
