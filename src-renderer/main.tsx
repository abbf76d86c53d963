import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { alertOfferIdFromHash } from './offers/alert-hash';
import { AlertWindow } from './offers/AlertWindow';
import './styles/base.css';
import './styles/sidebar.css';
import './styles/queue.css';
import './styles/thread.css';
import './styles/composer.css';
import './styles/session.css';
import './styles/menus.css';
import './styles/screens.css';
import './styles/contact-settings.css';
import './styles/offers.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Electron's always-on-top alert window loads this same page at `#alert/<offerId>`.
const alertOfferId = alertOfferIdFromHash(location.hash);
createRoot(root).render(
  <StrictMode>{alertOfferId ? <AlertWindow offerId={alertOfferId} /> : <App />}</StrictMode>,
);
