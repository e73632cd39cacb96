// Sandboxed preload (CommonJS: sandboxed preloads cannot be ES modules). It exposes two functions and
// never hands the page ipcRenderer itself, nor the IPC event (whose `sender` would leak the IPC object).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CommissionBridge } from '../../shared/contract/bridge.js';
import type { PushMessage } from '../../shared/contract/events.js';

const bridge: CommissionBridge = {
  invoke: (method, args) => ipcRenderer.invoke('invoke', method, args),
  on(listener) {
    if (typeof listener !== 'function') throw new TypeError('Un écouteur (fonction) est attendu.');
    const wrapped = (_event: IpcRendererEvent, message: PushMessage) => listener(message);
    ipcRenderer.on('push', wrapped);
    return () => {
      ipcRenderer.removeListener('push', wrapped);
    };
  },
};

// The key is written out, not imported: a sandboxed preload can only require 'electron' and a few built-ins.
contextBridge.exposeInMainWorld('commission', bridge);
