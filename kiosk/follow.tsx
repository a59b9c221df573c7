// First: the functions older lobby browsers lack, before any module that calls them is run.
import '../client/legacy-polyfills.ts';
import { render } from 'preact';
import { FollowPage } from './follow/follow-page.tsx';
import '../client/fonts.css';
import './follow/follow.css';

/** The follow page `/t/<ref>`: the ref is the last path segment of the ticket's QR link. */
const ref = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
render(<FollowPage ticketRef={ref} />, document.getElementById('app')!);
