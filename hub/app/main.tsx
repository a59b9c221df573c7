import { render } from 'preact';
import { HubApp } from './hub-app.tsx';
import '../../client/fonts.css';
import './hub.css';

render(<HubApp />, document.getElementById('app')!);
