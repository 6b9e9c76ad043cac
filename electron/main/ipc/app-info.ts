/** IPC `appInfo`: name, version, platform and where the data lives (shown in Settings). */
import type { App } from 'electron';
import type { IpcHandlers } from './register';

export interface AppInfoDeps {
  app: Pick<App, 'getName' | 'getVersion' | 'getPath'>;
  platform: NodeJS.Platform;
}

export function createAppInfoHandler({ app, platform }: AppInfoDeps): IpcHandlers['appInfo'] {
  return async () => ({
    name: app.getName(),
    version: app.getVersion(),
    platform,
    dataLocation: app.getPath('userData'),
  });
}
