// Preloaded into `prisma migrate deploy`. Its schema engine leaves a 10 s
// timer behind once it is done, which holds the CLI open for 10 s after the
// migrations are applied; long timers must not keep the process alive.
"use strict";
const setTimeoutOriginal = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(fn, ms, ...args) {
  const timer = setTimeoutOriginal(fn, ms, ...args);
  if (ms >= 5000) timer.unref();
  return timer;
};
