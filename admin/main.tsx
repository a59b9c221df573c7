import { render } from 'preact';
import { AdminApp } from './admin-app.tsx';
import '../client/fonts.css';
import './admin.css';

render(<AdminApp />, document.getElementById('app')!);
