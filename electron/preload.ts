import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, methodName } from '../app/contract/channels'
import { CHOOSE_FOLDER_CHANNEL } from './dialogs'

// One object of named functions, one per channel of the contract. Nothing raw is exposed:
// no ipcRenderer, no generic invoke(channel).
const api = Object.fromEntries(
  CHANNELS.map((channel) => [
    methodName(channel),
    (input?: unknown) => ipcRenderer.invoke(channel, input ?? {}),
  ]),
)

contextBridge.exposeInMainWorld('fengshou', Object.freeze(api))

// Outside the contract, one named function: the native folder dialog of the main process.
contextBridge.exposeInMainWorld(
  'fengshouShell',
  Object.freeze({ chooseFolder: () => ipcRenderer.invoke(CHOOSE_FOLDER_CHANNEL) }),
)
