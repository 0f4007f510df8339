import './app.js';
import { initialLocale, switchLocale } from './i18n.js';

void switchLocale(initialLocale());
