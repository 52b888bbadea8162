import './zod-config.js';
import './styles/app.css';
import { startApp } from './app-shell.js';

const root = document.getElementById('app');
if (root) startApp(root);
