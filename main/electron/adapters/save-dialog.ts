import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { SaveDialog } from '../../core/ports.ts';

/** The OS's "save as" sheet, over the focused window, starting in Downloads with the file's own name. */
export const electronSaveDialog: SaveDialog = {
  choose: async (suggestedName) => {
    const options = { defaultPath: path.join(app.getPath('downloads'), path.basename(suggestedName)) };
    const window = BrowserWindow.getFocusedWindow();
    const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
    return result.canceled || result.filePath === '' ? null : result.filePath;
  },
};
