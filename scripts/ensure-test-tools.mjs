// pretest: the integration and end-to-end tests need socat (pty pairs), Debian's chromium and
// faketime (libfaketime steps the wall clock of a real server process); the deployment tests
// need nginx (the reverse proxy of docs/deploy.md), xinit (the screen unit's program, for
// systemd-analyze verify), systemd-analyze itself and curl (the backup script); the hub's tests
// need Debian's PostgreSQL server (they start their own cluster with its initdb).
// Install what is missing when we can (root with apt-get), otherwise stop with the exact command.
import { execSync, spawnSync } from 'node:child_process';

const onPath = (bin) => `command -v ${bin}`;
const needed = [
  { pkg: 'socat', check: onPath('socat') },
  { pkg: 'chromium', check: onPath('chromium') },
  { pkg: 'faketime', check: onPath('faketime') },
  { pkg: 'nginx', check: onPath('nginx') },
  { pkg: 'xinit', check: onPath('xinit') },
  { pkg: 'systemd', check: onPath('systemd-analyze') },
  { pkg: 'curl', check: onPath('curl') },
  // Debian keeps the server's programs off PATH, one directory per major version.
  { pkg: 'postgresql', check: 'ls /usr/lib/postgresql/*/bin/initdb' },
];
const holds = (check) => spawnSync('sh', ['-c', check], { stdio: 'ignore' }).status === 0;
const has = (bin) => holds(onPath(bin));
const missing = needed.filter((t) => !holds(t.check)).map((t) => t.pkg);
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
