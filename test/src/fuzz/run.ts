// `npm run fuzz`: the long run of the properties, then the shapes that once cost the square of
// their size, each measured against its time and memory bound; a printed count of cases and
// failures. FUZZ_RUNS sets the runs per property (default 4000, five properties); FUZZ_SEED
// fixes the seed; FUZZ_SHAPES=0 leaves the shapes out.
import { runProperties } from './properties';
import { runShapes } from './shapes';

const runs = Number(process.env.FUZZ_RUNS ?? 4000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const started = Date.now();
const { cases, failures } = runProperties(runs, seed);
for (const f of failures) console.log(f);
console.log(`fuzz: seed ${seed}, ${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const shapes = process.env.FUZZ_SHAPES === '0' ? { passed: 0, failed: 0 } : runShapes((line) => console.log(line));
const failed = failures.length + shapes.failed;
console.log(`${cases - failures.length + shapes.passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
