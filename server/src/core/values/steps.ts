// Work made in steps (a generator that yields between them), for a caller with time to spare
// (a server while nobody types), and run to its end for a caller that needs the result now.

/** Runs `steps` to their end and gives their result. */
export function finished<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
