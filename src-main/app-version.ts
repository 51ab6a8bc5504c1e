// The version we report to central servers (`app-version` header, `appVersion` in v6 bodies).
import packageJson from '../package.json' with { type: 'json' };

export const APP_VERSION: string = packageJson.version;
