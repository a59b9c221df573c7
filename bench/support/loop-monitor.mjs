/**
 * Preloaded (`node --import`) into a server process a benchmark starts, so the event loop's
 * longest stall is measured inside the real server as `npm start` runs it. The benchmark asks
 * over the IPC channel: `loop-delay:reset` starts a phase, `loop-delay:read` ends it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
process.on('message', (message) => {
  if (message === 'loop-delay:reset') {
    delay.reset();
    process.send?.({ kind: 'loop-delay:reset' });
  } else if (message === 'loop-delay:read') {
    process.send?.({ kind: 'loop-delay', maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 });
  }
});
// The channel must not keep a server alive that was asked to stop.
process.channel?.unref();
