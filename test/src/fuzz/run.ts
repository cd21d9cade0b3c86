// `npm run fuzz`: the long run of the properties, with a printed count of cases and failures.
// FUZZ_RUNS sets the runs per property (default 4000, three properties); FUZZ_SEED fixes the seed.
import { runProperties } from './properties';

const runs = Number(process.env.FUZZ_RUNS ?? 4000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const started = Date.now();
const { cases, failures } = runProperties(runs, seed);
for (const f of failures) console.log(f);
console.log(`fuzz: seed ${seed}, ${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${cases - failures.length} passed, ${failures.length} failed`);
process.exitCode = failures.length > 0 ? 1 : 0;
