// The only module that talks to Tauri. Command names and argument names match src-tauri/src/commands.
import { Channel, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { BackendError } from './errors';
import type { JejakPort } from './port';
import type { ExportProgress } from './types';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw BackendError.from(raw);
  }
}

export const tauriPort: JejakPort = {
  startup: () => call('startup'),
  setLocale: (locale) => call('set_locale', { locale }),
  mapZoom: (mapId) => call('map_zoom', { mapId }),
  setMapZoom: (mapId, zoom) => call('set_map_zoom', { mapId, zoom }),
  mapView: (mapId) => call('map_view', { mapId }),
  setMapView: (mapId, view) => call('set_map_view', { mapId, view }),
  authorName: () => call('author_name'),
  setAuthorName: (name) => call('set_author_name', { name }),
  setFullscreen: async (on) => {
    try {
      await getCurrentWindow().setFullscreen(on);
    } catch (raw) {
      throw BackendError.from(raw);
    }
  },

  listMaps: (query) => call('list_maps', { query }),
  listTrash: () => call('list_trash'),
  createMap: (template, locale, title) => call('create_map', { template, locale, title }),
  duplicateMap: (id, title) => call('duplicate_map', { id, title }),
  trashMap: (id) => call('trash_map', { id }),
  restoreMap: (id) => call('restore_map', { id }),
  purgeMap: (id) => call('purge_map', { id }),

  listBackups: () => call('list_backups'),
  restoreBackup: () => call('restore_backup'),
  openLibraryFile: () => call('open_library_file'),
  createLibraryFile: () => call('create_library_file'),
  onFilesToOpen: async (handler) => {
    const offDrop = await getCurrentWebview().onDragDropEvent((event) => {
      if (event.payload.type === 'drop') handler(event.payload.paths);
    });
    const offHandover = await listen('jejak://open-file', () => {
      void call<string | null>('take_file_to_open').then((file) => {
        if (file) handler([file]);
      });
    });
    return () => {
      offDrop();
      offHandover();
    };
  },
  takeFileToOpen: () => call('take_file_to_open'),
  onCloseRequested: (beforeClose) =>
    listen('jejak://close-requested', async () => {
      try {
        await beforeClose();
      } finally {
        await call('close_window');
      }
    }),

  exportMapFile: (mapId, format) => call('export_map_file', { mapId, format }),
  copyMapTable: (mapId) => call('copy_map_table', { mapId }),
  chooseMapFile: () => call('choose_map_file'),
  readMapFile: (path) => call('read_map_file', { path }),
  importMaps: (path, picks) => call('import_maps', { path, picks }),
  mapConflicts: (mapId) => call('map_conflicts', { mapId }),
  dismissConflict: (mapId, id) => call('dismiss_conflict', { mapId, id }),
  useOtherVersion: (mapId, id) => call('use_other_version', { mapId, id }),

  chooseShareFolder: () => call('choose_share_folder'),
  sharingStatus: (mapId) => call('sharing_status', { mapId }),
  shareMap: (mapId, folder) => call('share_map', { mapId, folder }),
  stopSharing: (mapId) => call('stop_sharing', { mapId }),
  syncMap: (mapId) => call('sync_map', { mapId }),
  syncNow: () => call('sync_now'),
  mapsInFolder: (folder) => call('maps_in_folder', { folder }),
  addSharedMap: (folder, mapId) => call('add_shared_map', { folder, mapId }),
  onSyncDue: (handler) => listen<string>('jejak://sync-due', (event) => handler(event.payload)),

  listSnapshots: (mapId) => call('list_snapshots', { mapId }),
  takeSnapshot: (mapId, label) => call('take_snapshot', { mapId, label }),
  snapshotDoc: (id) => call('snapshot_doc', { id }),
  restoreSnapshot: (id) => call('restore_snapshot', { id }),
  deleteSnapshot: (id) => call('delete_snapshot', { id }),
  exportSnapshotFile: (id) => call('export_snapshot_file', { id }),

  openMap: (id) => call('open_map', { id }),
  applyOps: (mapId, ops, mergeKey) => call('apply_ops', { mapId, ops, mergeKey: mergeKey ?? null }),
  undo: (mapId) => call('undo', { mapId }),
  redo: (mapId) => call('redo', { mapId }),
  csvPreview: (text) => call('csv_preview', { text }),
  importMetrics: (mapId, text, spec) => call('import_metrics', { mapId, text, spec }),
  cardsCsvPreview: (text) => call('cards_csv_preview', { text }),
  checkCardsCsv: (mapId, text, spec) => call('check_cards_csv', { mapId, text, spec }),
  importCardsCsv: (mapId, text, spec) => call('import_cards_csv', { mapId, text, spec }),

  exportOptions: (mapId) => call('export_options', { mapId }),
  exportPreview: (mapId, options, asShown) => call('export_preview', { mapId, options, asShown }),
  chooseExportPath: (mapId) => call('choose_export_path', { mapId }),
  exportPdf: (mapId, options, asShown, path, onProgress) => {
    const channel = new Channel<ExportProgress>();
    channel.onmessage = onProgress;
    return call('export_pdf', { mapId, options, asShown, path, onProgress: channel });
  },
};
