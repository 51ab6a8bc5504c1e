// Preloaded (NODE_OPTIONS=--import) into the reference central by `bench/run.ts --profile`: Node 20
// refuses --cpu-prof in NODE_OPTIONS, so the process profiles itself through the inspector and
// writes <BENCH_CPU_PROFILE_DIR>/<pid>.cpuprofile when it exits. An in-process inspector session
// answers synchronously, which is what lets this work inside an 'exit' handler.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
