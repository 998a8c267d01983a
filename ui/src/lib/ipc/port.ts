// The backend as the UI sees it. The Tauri implementation is in tauri.ts; tests can supply another.
import type {
  BackupInfo,
  Conflict,
  ImportedMap,
  CardsCsvPreview,
  CardsImport,
  CardsImportResult,
  CardsSummary,
  CsvPreview,
  ExportOptions,
  ExportProgress,
  ExportReport,
  ExportPreview,
  Id,
  ImportPick,
  ImportResult,
  Locale,
  MapFileFormat,
  MapFileInfo,
  MapDoc,
  MapSummary,
  MapView,
  MetricsImport,
  Op,
  Patch,
  RestoreReport,
  SharedMap,
  SharingStatus,
  SnapshotInfo,
  SyncReport,
  Startup,
  Template,
} from './types';

export interface JejakPort {
  startup(): Promise<Startup>;
  setLocale(locale: Locale): Promise<void>;
  /** The zoom a map was last shown at (null: never changed). */
  mapZoom(mapId: Id): Promise<number | null>;
  setMapZoom(mapId: Id, zoom: number): Promise<void>;
  /** How the map was last looked at here (shading, hidden lanes, a focused stage). */
  mapView(mapId: Id): Promise<MapView>;
  setMapView(mapId: Id, view: MapView): Promise<void>;
  /** The name comments are signed with; null until the user gives one. */
  authorName(): Promise<string | null>;
  /** Keeps the name comments are signed with; resolves to it as kept (trimmed). */
  setAuthorName(name: string): Promise<string>;
  /** Puts the window in full screen (present mode) or back. */
  setFullscreen(on: boolean): Promise<void>;

  listMaps(query: string): Promise<MapSummary[]>;
  listTrash(): Promise<MapSummary[]>;
  createMap(template: Template, locale: Locale, title: string | null): Promise<MapSummary>;
  duplicateMap(id: Id, title: string): Promise<MapSummary>;
  trashMap(id: Id): Promise<MapSummary>;
  restoreMap(id: Id): Promise<MapSummary>;
  purgeMap(id: Id): Promise<void>;

  /** The library's backups, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /** Puts a copy of the newest good backup in the library's place (the damaged file is kept). */
  restoreBackup(): Promise<RestoreReport>;
  /** Asks for another library file and opens it; false when the user cancels. */
  openLibraryFile(): Promise<boolean>;
  /** Asks where to make a new, empty library and opens it; false when the user cancels. */
  createLibraryFile(): Promise<boolean>;
  /**
   * Runs `beforeClose` when the user closes the window, then lets it close. Returns the function
   * that stops listening.
   */
  onCloseRequested(beforeClose: () => Promise<void>): Promise<() => void>;
  /**
   * Calls `handler` with the paths of files dropped on the window, or handed over by a second
   * launch (a double-click on a map file while Jejak runs); resolves to the unlisten.
   */
  onFilesToOpen(handler: (paths: string[]) => void): Promise<() => void>;
  /** The next file handed over by a second launch that the window has not taken yet, if any. */
  takeFileToOpen(): Promise<string | null>;

  /** Writes the map as a map file (or JSON) where the user says; the path, or null when cancelled. */
  exportMapFile(mapId: Id, format: MapFileFormat): Promise<string | null>;
  /** Puts the board on the system clipboard as a table (HTML and tab-separated text). */
  copyMapTable(mapId: Id): Promise<void>;
  /** Asks for a map file (or a library file) and says what it holds; null when cancelled. */
  chooseMapFile(): Promise<MapFileInfo | null>;
  /** What the file at `path` holds (a file dropped on the window). */
  readMapFile(path: string): Promise<MapFileInfo>;
  /** Brings the picked maps of the file in (or merges them), each whole or not at all. */
  importMaps(path: string, picks: ImportPick[]): Promise<ImportedMap[]>;
  /** The conflicts merges found in the map, still to be looked at. */
  mapConflicts(mapId: Id): Promise<Conflict[]>;
  /** Forgets a conflict; the map stays as it is. */
  dismissConflict(mapId: Id, id: Id): Promise<void>;
  /** Puts the version a merge did not keep in place (one undo step) and forgets the conflict. */
  useOtherVersion(mapId: Id, id: Id): Promise<Patch>;

  /** Asks for a folder (native dialog); null when the user cancels. */
  chooseShareFolder(): Promise<string | null>;
  /** How the map's sharing through a folder stands (who else edits it, what waits). */
  sharingStatus(mapId: Id): Promise<SharingStatus>;
  /** Shares the map through `folder`: its edits go there, the others' come in. */
  shareMap(mapId: Id, folder: string): Promise<SharingStatus>;
  /** Stops sharing the map (its file stays in the folder). */
  stopSharing(mapId: Id): Promise<void>;
  /** Merges what arrived in the map's folder; the patch is what changed. */
  syncMap(mapId: Id): Promise<SyncReport>;
  /** Looks at the shared folders now rather than in a moment. */
  syncNow(): Promise<void>;
  /** The maps shared in `folder`, to add to the library. */
  mapsInFolder(folder: string): Promise<SharedMap[]>;
  /** Adds a map of a shared folder to the library, shared through that folder from now on. */
  addSharedMap(folder: string, mapId: Id): Promise<MapSummary>;
  /**
   * Calls `handler` with a shared map's id when edits from its folder wait to be taken in (again
   * every few seconds until they are); resolves to the unlisten.
   */
  onSyncDue(handler: (mapId: Id) => void): Promise<() => void>;

  /** The map's snapshots, newest first. */
  listSnapshots(mapId: Id): Promise<SnapshotInfo[]>;
  takeSnapshot(mapId: Id, label: string): Promise<SnapshotInfo>;
  /** The map as a snapshot keeps it (to look at; nothing changes). */
  snapshotDoc(id: Id): Promise<MapDoc>;
  /** Puts the map back as the snapshot keeps it: one undo step, after a safety snapshot. */
  restoreSnapshot(id: Id): Promise<Patch>;
  deleteSnapshot(id: Id): Promise<void>;
  /** Writes the snapshot as a map file where the user says; the path, or null when cancelled. */
  exportSnapshotFile(id: Id): Promise<string | null>;

  openMap(id: Id): Promise<MapDoc>;
  /**
   * Applies `ops` as one undo step. Resolves only once the edit is on disk. Calls with the same
   * `mergeKey` in a row (typing in one field) share a single undo step.
   */
  applyOps(mapId: Id, ops: Op[], mergeKey?: string): Promise<Patch>;
  undo(mapId: Id): Promise<Patch>;
  /** Headers and first rows of CSV text, to choose columns from. */
  csvPreview(text: string): Promise<CsvPreview>;
  /** Imports figures onto touchpoints as one undo step; a file with bad rows changes nothing. */
  importMetrics(mapId: Id, text: string, spec: MetricsImport): Promise<ImportResult>;
  /** Headers, first rows and suggested columns of a CSV of cards. */
  cardsCsvPreview(text: string): Promise<CardsCsvPreview>;
  /** What importing the CSV's cards would do (cards, new stages and lanes); writes nothing. */
  checkCardsCsv(mapId: Id, text: string, spec: CardsImport): Promise<CardsSummary>;
  /** Adds the CSV's rows as cards, one undo step; a file with bad rows changes nothing. */
  importCardsCsv(mapId: Id, text: string, spec: CardsImport): Promise<CardsImportResult>;
  redo(mapId: Id): Promise<Patch>;

  /** The options this map (else any map) was last exported with. */
  exportOptions(mapId: Id): Promise<ExportOptions | null>;
  /** Where the PDF's pages would fall with these options (`asShown`: the map as this view shows it). */
  exportPreview(mapId: Id, options: ExportOptions, asShown: MapView | null): Promise<ExportPreview>;
  /** The native save dialog; null when the user cancels. */
  chooseExportPath(mapId: Id): Promise<string | null>;
  /** Writes the PDF (complete or not at all), reporting each rendered page. */
  exportPdf(
    mapId: Id,
    options: ExportOptions,
    asShown: MapView | null,
    path: string,
    onProgress: (p: ExportProgress) => void,
  ): Promise<ExportReport>;
}
