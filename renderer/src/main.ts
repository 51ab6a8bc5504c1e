// Renderer entry: pick the transport (Electron preload or browser-mode HTTP), install the app, mount.
import { createApp } from 'vue';
import App from './App.vue';
import { createApi } from './api';
import { createAppRouter } from './router';
import { installApp } from './setup';

const app = createApp(App);
installApp(app, { api: createApi(), router: createAppRouter() });
app.mount('#app');
