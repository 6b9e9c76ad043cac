/**
 * Errors that cross the IPC bridge. Electron passes only an error's message to the renderer, so the
 * message IS the i18n key (`errors.fileTooLarge`): the renderer finds it in the rejected promise's
 * message and shows the Dutch or English text. Nothing else (paths, stack traces) leaves main.
 */
import type { IpcErrorKey } from '../../../src/shared/ipc-contract';

export { IPC_ERROR_KEYS, type IpcErrorKey } from '../../../src/shared/ipc-contract';

export class IpcError extends Error {
  override readonly name = 'IpcError';

  constructor(
    readonly key: IpcErrorKey,
    options?: ErrorOptions,
  ) {
    super(key, options);
  }
}
