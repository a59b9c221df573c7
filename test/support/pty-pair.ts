import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A pseudo-terminal pair made by socat: the code under test opens `devicePath` with the
 * real serialport bindings, the test plays the device on `peerPath`.
 * `close()` kills socat, which makes both paths vanish (an unplugged USB-serial adapter).
 */
export interface PtyPair {
  devicePath: string;
  peerPath: string;
  close(): Promise<void>;
}

export async function openPtyPair(dir?: string, name = 'tty'): Promise<PtyPair> {
  const base = dir ?? (await mkdtemp(join(tmpdir(), 'motcua-pty-')));
  const devicePath = join(base, name);
  const peerPath = join(base, `${name}-peer`);
  const socat = spawn('socat', [`pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${peerPath}`], {
    stdio: 'ignore',
  });
  await waitForPaths(socat, [devicePath, peerPath]);
  return {
    devicePath,
    peerPath,
    close: async () => {
      await stop(socat);
      if (!dir) await rm(base, { recursive: true, force: true });
    },
  };
}

async function waitForPaths(proc: ChildProcess, paths: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`socat exited with ${proc.exitCode}`);
    const present = await Promise.all(
      paths.map((p) =>
        access(p).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (present.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error('socat did not create the pty pair in 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}
