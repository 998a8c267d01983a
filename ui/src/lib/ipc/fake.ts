// An in-memory backend for tests: maps, ops, undo/redo and merge keys behave like the store's,
// and each edit can be made to answer late, to check that the UI applies patches in order.
import { emptyAttrs } from '../model/attrs';
import { applyOp, diffDocs } from './fakeMap';
import type { JejakPort } from './port';
import type { Id, MapDoc, MapSummary, Op, Patch, SnapshotInfo, SnapshotReason } from './types';

interface Step {
  before: MapDoc;
  after: MapDoc;
  mergeKey: string | null;
}

interface Kept {
  doc: MapDoc;
  undo: Step[];
  redo: Step[];
  lastKey: string | null;
}

export interface FakeBackend extends JejakPort {
  /** Each edit call as it reached the backend: "applyOps:renameMap,createCard", "undo", ... */
  readonly calls: string[];
  /** Milliseconds the next edit calls take to answer, one entry per call (then: at once). */
  readonly delays: number[];
  /** The map as the backend holds it. */
  stored(mapId: Id): MapDoc;
}

const notInFake = (what: string) => () => Promise.reject(new Error(`${what} is not in the fake backend`));

export function fakeBackend(maps: MapDoc[]): FakeBackend {
  const kept = new Map<Id, Kept>(
    maps.map((doc) => [doc.map.id, { doc, undo: [], redo: [], lastKey: null }] as const),
  );
  const calls: string[] = [];
  let author: string | null = null;
  const delays: number[] = [];
  const snapshots: { info: SnapshotInfo; doc: MapDoc }[] = [];
  const snapshotOf = (id: Id) => {
    const s = snapshots.find((x) => x.info.id === id);
    if (!s) return Promise.reject(new Error(`snapshot ${id} not found`));
    return Promise.resolve(s);
  };
  const keep = (mapId: Id, label: string, reason: SnapshotReason): SnapshotInfo => {
    const doc = mapOf(mapId).doc;
    const info: SnapshotInfo = {
      id: `snap-${snapshots.length + 1}`,
      mapId,
      takenAt: Date.now(),
      label,
      reason,
      stageCount: doc.stages.length,
      laneCount: doc.lanes.length,
      cardCount: doc.cards.length,
    };
    snapshots.unshift({ info, doc });
    return info;
  };
  const mapOf = (id: Id) => {
    const m = kept.get(id);
    if (!m) throw new Error(`map ${id} not found`);
    return m;
  };
  const history = (m: Kept) => ({ canUndo: m.undo.length > 0, canRedo: m.redo.length > 0 });

  /** Runs an edit after its delay; its effect happens on arrival, in call order, like the store. */
  function edit(name: string, mapId: Id, change: (m: Kept) => MapDoc): Promise<Patch> {
    calls.push(name);
    const delay = delays.shift() ?? 0;
    let outcome: { patch: Patch } | { error: unknown };
    try {
      const m = mapOf(mapId);
      const before = m.doc;
      const after = change(m);
      m.doc = { ...after, history: history(m) };
      outcome = { patch: diffDocs(before, m.doc) };
    } catch (error) {
      outcome = { error };
    }
    return new Promise((resolve, reject) =>
      setTimeout(() => ('patch' in outcome ? resolve(outcome.patch) : reject(outcome.error)), delay),
    );
  }

  const summary = (m: Kept): MapSummary => ({
    ...m.doc.map,
    deletedAt: null,
    stageCount: m.doc.stages.length,
    cardCount: m.doc.cards.length,
    foundInCard: null,
  });

  return {
    calls,
    delays,
    stored: (mapId) => mapOf(mapId).doc,

    openMap: (id) => Promise.resolve().then(() => mapOf(id).doc),
    applyOps: (mapId, ops: Op[], mergeKey) =>
      edit(`applyOps:${ops.map((o) => o.type).join(',')}`, mapId, (m) => {
        const before = m.doc;
        const after = ops.reduce(applyOp, before);
        const last = m.undo.at(-1);
        if (mergeKey && last && m.lastKey === mergeKey) last.after = after;
        else m.undo.push({ before, after, mergeKey: mergeKey ?? null });
        m.lastKey = mergeKey ?? null;
        m.redo = [];
        return after;
      }),
    undo: (mapId) =>
      edit('undo', mapId, (m) => {
        const step = m.undo.pop();
        if (!step) return m.doc;
        m.redo.push(step);
        m.lastKey = null;
        return { ...step.before, history: m.doc.history };
      }),
    redo: (mapId) =>
      edit('redo', mapId, (m) => {
        const step = m.redo.pop();
        if (!step) return m.doc;
        m.undo.push(step);
        m.lastKey = null;
        return { ...step.after, history: m.doc.history };
      }),
    importMetrics: (mapId, _text, spec) =>
      // The figures themselves are the store's business; the fake records one per card title.
      edit('importMetrics', mapId, (m) => {
        const after = m.doc.cards.reduce<MapDoc>(
          (doc, card) =>
            applyOp(doc, {
              type: 'setCardAttrs',
              id: card.id,
              attrs: { ...card.attrs, metrics: { ...card.attrs.metrics, [spec.columns[0] ?? 'metric']: 1 } },
            }),
          m.doc,
        );
        m.undo.push({ before: m.doc, after, mergeKey: null });
        m.redo = [];
        return after;
      }).then((patch) => ({
        patch,
        report: {
          rows: patch.cards.length,
          matchedRows: patch.cards.length,
          updatedCards: patch.cards.length,
          unmatched: [],
        },
      })),

    listSnapshots: (mapId) =>
      Promise.resolve(snapshots.filter((s) => s.info.mapId === mapId).map((s) => s.info)),
    takeSnapshot: (mapId, label) => Promise.resolve().then(() => keep(mapId, label.trim(), 'named')),
    snapshotDoc: (id) => snapshotOf(id).then((s) => s.doc),
    restoreSnapshot: (id) =>
      snapshotOf(id).then((s) =>
        edit('restoreSnapshot', s.info.mapId, (m) => {
          keep(s.info.mapId, '', 'restore');
          m.undo.push({ before: m.doc, after: s.doc, mergeKey: null });
          m.redo = [];
          return s.doc;
        }),
      ),
    deleteSnapshot: (id) =>
      snapshotOf(id).then((s) => {
        snapshots.splice(snapshots.indexOf(s), 1);
      }),
    exportSnapshotFile: () => Promise.resolve(null),

    listMaps: () => Promise.resolve([...kept.values()].map(summary)),
    listTrash: () => Promise.resolve([]),
    mapZoom: () => Promise.resolve(null),
    setMapZoom: () => Promise.resolve(),
    setFullscreen: () => Promise.resolve(),
    mapView: () => Promise.resolve({ heatMetric: null, hiddenLanes: [], focusStage: null }),
    setMapView: () => Promise.resolve(),
    authorName: () => Promise.resolve(author),
    setAuthorName: (name) => Promise.resolve((author = name.trim())),
    setLocale: () => Promise.resolve(),
    onCloseRequested: () => Promise.resolve(() => {}),
    onFilesToOpen: () => Promise.resolve(() => {}),
    takeFileToOpen: () => Promise.resolve(null),
    startup: notInFake('startup'),
    createMap: notInFake('createMap'),
    duplicateMap: notInFake('duplicateMap'),
    trashMap: notInFake('trashMap'),
    restoreMap: notInFake('restoreMap'),
    purgeMap: notInFake('purgeMap'),
    listBackups: () => Promise.resolve([]),
    restoreBackup: notInFake('restoreBackup'),
    openLibraryFile: notInFake('openLibraryFile'),
    createLibraryFile: notInFake('createLibraryFile'),
    csvPreview: notInFake('csvPreview'),
    cardsCsvPreview: notInFake('cardsCsvPreview'),
    checkCardsCsv: notInFake('checkCardsCsv'),
    importCardsCsv: notInFake('importCardsCsv'),
    exportMapFile: () => Promise.resolve(null),
    copyMapTable: notInFake('copyMapTable'),
    chooseMapFile: () => Promise.resolve(null),
    readMapFile: notInFake('readMapFile'),
    importMaps: notInFake('importMaps'),
    mapConflicts: () => Promise.resolve([]),
    // Sharing needs a real folder: the fake's maps are never shared.
    chooseShareFolder: () => Promise.resolve(null),
    sharingStatus: () =>
      Promise.resolve({
        folder: null,
        since: null,
        device: 'fake',
        peers: [],
        waiting: 0,
        syncedAt: null,
        issues: [],
      }),
    shareMap: notInFake('shareMap'),
    stopSharing: notInFake('stopSharing'),
    syncMap: notInFake('syncMap'),
    syncNow: () => Promise.resolve(),
    mapsInFolder: notInFake('mapsInFolder'),
    addSharedMap: notInFake('addSharedMap'),
    onSyncDue: () => Promise.resolve(() => {}),
    dismissConflict: notInFake('dismissConflict'),
    useOtherVersion: notInFake('useOtherVersion'),
    exportOptions: () => Promise.resolve(null),
    exportPreview: notInFake('exportPreview'),
    chooseExportPath: () => Promise.resolve(null),
    exportPdf: notInFake('exportPdf'),
  };
}

/** A small map to start tests from: two stages, two lanes, one card, no personas. */
export function sampleMap(id: Id = 'map-1'): MapDoc {
  const stage = (n: number) => ({ id: `s${n}`, title: `Stage ${n}`, rank: `0000000${n}` });
  const lane = (n: number) => ({
    id: `l${n}`,
    title: `Lane ${n}`,
    kind: 'touchpoints' as const,
    rank: `0000000${n}`,
  });
  return {
    map: { id, title: 'Sample', createdAt: 0, updatedAt: 0 },
    stages: [stage(1), stage(2)],
    lanes: [lane(1), lane(2)],
    cards: [
      {
        id: 'c1',
        stageId: 's1',
        laneId: 'l1',
        title: 'First',
        body: '',
        rank: '00000010',
        attrs: emptyAttrs(),
      },
    ],
    personas: [],
    emotions: [],
    comments: [],
    history: { canUndo: false, canRedo: false },
  };
}
