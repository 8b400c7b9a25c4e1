import path from 'path';
import { app, BrowserWindow, shell, ipcMain } from 'electron';
import { autoUpdater } from 'electron-updater';
import log from 'electron-log';

class AppUpdater {
  constructor() {
    log.transports.file.level = 'info';
    autoUpdater.logger = log;
    autoUpdater.checkForUpdatesAndNotify();
  }
}

let mainWindow: BrowserWindow | null = null;

ipcMain.on('ipc-example', async (event, arg) => {
  event.reply('ipc-example', `pong: ${arg}`);
});

const installExtensions = async () => {
  const installer = require('electron-devtools-installer');
  const forceDownload = !!process.env.UPGRADE_EXTENSIONS;
  return installer.default([installer.REACT_DEVELOPER_TOOLS], forceDownload).catch(console.log);
};

const createWindow = async () => {
  if (process.env.NODE_ENV === 'development') await installExtensions();
  mainWindow = new BrowserWindow({
    show: false,
    width: 1024,
    height: 728,
    webPreferences: { preload: path.join(__dirname, 'preload.js') },
  });
  mainWindow.loadURL(`file://${path.resolve(__dirname, '../renderer/', 'index.html')}`);
  mainWindow.webContents.setWindowOpenHandler((edata) => {
    shell.openExternal(edata.url);
    return { action: 'deny' };
  });
  new AppUpdater();
};

app.whenReady().then(createWindow).catch(console.log);
