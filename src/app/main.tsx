import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startFirstLoad } from './app';
import './app.css';

// The dataset and the strings start loading now, while React draws the skeleton.
startFirstLoad();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
