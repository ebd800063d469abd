import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, methodName } from '../app/contract/channels'
import { SAVE_BOARD_PACK_CHANNEL } from './board-pack'
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

// Outside the contract, named functions of the main process: the native folder dialog, and the
// board pack printed to PDF and saved where the user chooses.
contextBridge.exposeInMainWorld(
  'fengshouShell',
  Object.freeze({
    chooseFolder: () => ipcRenderer.invoke(CHOOSE_FOLDER_CHANNEL),
    saveBoardPack: (input: unknown) => ipcRenderer.invoke(SAVE_BOARD_PACK_CHANNEL, input),
  }),
)
