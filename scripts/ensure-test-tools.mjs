// pretest: the integration and end-to-end tests need socat (pty pairs), Debian's chromium and
// faketime (libfaketime steps the wall clock of a real server process); the deployment tests
// need nginx (the reverse proxy of docs/deploy.md), xinit (the screen unit's program, for
// systemd-analyze verify), systemd-analyze itself and curl (the backup script).
// Install what is missing when we can (root with apt-get), otherwise stop with the exact command.
import { execSync, spawnSync } from 'node:child_process';

const needed = [
  { pkg: 'socat', bin: 'socat' },
  { pkg: 'chromium', bin: 'chromium' },
  { pkg: 'faketime', bin: 'faketime' },
  { pkg: 'nginx', bin: 'nginx' },
  { pkg: 'xinit', bin: 'xinit' },
  { pkg: 'systemd', bin: 'systemd-analyze' },
  { pkg: 'curl', bin: 'curl' },
];
const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
const missing = needed.filter((t) => !has(t.bin)).map((t) => t.pkg);
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !has('apt-get')) {
  console.error(`The tests need ${missing.join(' and ')}. Install with:\n  sudo ${command}`);
  process.exit(1);
}
console.error(`Installing test tools: ${missing.join(', ')}`);
try {
  execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch {
  console.error(`Installing failed. Run it yourself:\n  ${command}`);
  process.exit(1);
}
