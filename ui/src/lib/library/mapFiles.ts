// Map files from the user's side: writing one with the native dialog, and deciding how each map
// of an opened file comes in (as it is when the library lacks it; otherwise the user chooses).
import {
  api,
  BackendError,
  type ImportChoice,
  type ImportedMap,
  type ImportPick,
  type MapFileFormat,
  type MapFileInfo,
  type MapSummary,
} from '../ipc';
import { t, tn, type MessageKey } from '../i18n/index.svelte';
import { showError, showToast } from '../toast.svelte';
import { drained } from '../board/editQueue';

/** The formats the export dialog offers beside the PDF, in its order. */
export const OTHER_FORMATS: { format: MapFileFormat; label: MessageKey; hint: MessageKey; testid: string }[] =
  [
    { format: 'jejak', label: 'mapFile.formatJejak', hint: 'mapFile.exportHint', testid: 'export-map-file' },
    { format: 'json', label: 'mapFile.exportJson', hint: 'mapFile.exportJsonHint', testid: 'export-json' },
    { format: 'csv', label: 'mapFile.exportCsv', hint: 'mapFile.exportCsvHint', testid: 'export-csv' },
    {
      format: 'mermaid',
      label: 'mapFile.exportMermaid',
      hint: 'mapFile.exportMermaidHint',
      testid: 'export-mermaid',
    },
    { format: 'html', label: 'mapFile.exportHtml', hint: 'mapFile.exportHtmlHint', testid: 'export-html' },
  ];

const EXPORTED: Record<MapFileFormat, MessageKey> = {
  jejak: 'mapFile.exported',
  json: 'mapFile.exportedJson',
  csv: 'mapFile.exportedCsv',
  mermaid: 'mapFile.exportedMermaid',
  html: 'mapFile.exportedHtml',
};

/**
 * Asks where, writes the map in the format (with every edit made so far), and says where it went.
 */
export async function exportMapFile(mapId: string, format: MapFileFormat): Promise<void> {
  try {
    await drained();
    const path = await api.exportMapFile(mapId, format);
    if (path) showToast(t(EXPORTED[format], { path }));
  } catch (e) {
    showError(e);
  }
}

/** Copies the board as a table (with every edit made so far) and says so. */
export async function copyMapTable(mapId: string): Promise<void> {
  try {
    await drained();
    await api.copyMapTable(mapId);
    showToast(t('mapFile.copiedTable'));
  } catch (e) {
    showError(e);
  }
}

const REFUSALS = [
  'libraryEmpty',
  'libraryNotSqlite',
  'libraryForeign',
  'libraryDamaged',
  'libraryTruncated',
  'libraryNewer',
  'libraryUnreadable',
  'libraryIsFolder',
] as const;

/**
 * Tells why a file was not opened, worded for a map file (the backend judges it as it judges a
 * library, so its codes speak of "the library file").
 */
export function showFileRefused(e: unknown): void {
  const code = BackendError.from(e).problems[0]?.code;
  const known = REFUSALS.find((r) => r === code);
  if (known) showError(e, () => t(`mapFile.refused.${known}` as MessageKey));
  else showError(e);
}

/** What the user decides for each map of a file: bring it in or not, and how. */
export interface PickState {
  map: MapSummary;
  inLibrary: boolean;
  chosen: boolean;
  /** For a map the library has: merge the two, keep both, or replace mine. */
  onConflict: 'merge' | 'copy' | 'replace';
}

export function initialPicks(info: MapFileInfo): PickState[] {
  const single = info.maps.length === 1;
  // Merging keeps every edit of both, so it is the first choice when the file allows it.
  const onConflict = info.canMerge ? 'merge' : 'copy';
  return info.maps.map((m) => ({ map: m.map, inLibrary: m.inLibrary, chosen: single, onConflict }));
}

/** Whether the file can come in without a question: one map the library does not have. */
export function needsNoQuestion(info: MapFileInfo): boolean {
  return info.maps.length === 1 && info.maps[0]?.inLibrary === false;
}

export function picksToSend(picks: PickState[]): ImportPick[] {
  return picks
    .filter((p) => p.chosen)
    .map((p) => {
      const choice: ImportChoice = !p.inLibrary
        ? { how: 'new' }
        : p.onConflict === 'copy'
          ? { how: 'copy', title: t('library.copyOf', { title: p.map.title }) }
          : { how: p.onConflict };
      return { mapId: p.map.id, choice };
    });
}

/** "1 map imported", or for a merge what came in and how many conflicts there are. */
export function importedWords(done: ImportedMap[]): string {
  const merged = done.filter((d) => d.merged !== null);
  const imported = done.length - merged.length;
  const lines = merged.map(({ map, merged }) => {
    if (!merged || merged.received === 0) return t('mapFile.mergedNothing', { title: map.title });
    const said = t('mapFile.merged', { title: map.title, received: tn('count.edits', merged.received) });
    const conflicts = merged.conflicts.length;
    return conflicts > 0 ? `${said} · ${tn('count.conflicts', conflicts)}` : said;
  });
  if (imported > 0 || merged.length === 0) lines.unshift(tn('mapFile.imported', imported));
  return lines.join('; ');
}

/** Imports and says what came in; the maps, or null when it failed (the user was told). */
export async function importPicked(path: string, picks: ImportPick[]): Promise<ImportedMap[] | null> {
  try {
    const done = await api.importMaps(path, picks);
    showToast(importedWords(done));
    return done;
  } catch (e) {
    showFileRefused(e);
    return null;
  }
}
