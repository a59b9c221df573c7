import { configureLogging } from '../../server/log.ts';

// Tests expect warnings (damaged journals, bad frames); keep the output for failures only.
configureLogging({ level: 'silent' });
