import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Panel } from '@/lib/panel';
import { openDatabase } from '@/lib/store';
import { App } from './App';
import { PanelContext } from './use-panel';

const panel = new Panel({
  browser,
  db: openDatabase(),
});
panel.start();
addEventListener('pagehide', () => panel.close());

render(
  <PanelContext.Provider value={panel}>
    <App />
  </PanelContext.Provider>,
  document.getElementById('app')!,
);
