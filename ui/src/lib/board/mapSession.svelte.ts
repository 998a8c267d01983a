// The open map: its document, the edits sent for it (in order, through the edit queue), undo and
// redo, and the commands that change it. The only writer of the map — the board, the inspector,
// the persona panel and the metrics import all go through here.
import {
  api,
  type Card,
  type CardAttrs,
  type Horizon,
  type Id,
  type ImportResult,
  type MapDoc,
} from '../ipc';
import type {
  CardsImport,
  CardsImportResult,
  LaneKind,
  MetricsImport,
  NewCard,
  Op,
  Patch,
  PersonaFields,
  Place,
  SyncReport,
} from '../ipc';
import { applyPatch, cardsByCell, cellKey } from '../model/doc';
import { cardAttrsOps, cardFieldOps, type CardTextField } from '../model/cardFields';
import { personaOps, type PersonaTextField } from '../model/personaFields';
import { emptyAttrs } from '../model/attrs';
import { uuidv7 } from '../model/ids';
import { boardOrder } from '../editor/navigation';
import { enqueue } from './editQueue';

/** What an edit is: ops, or a function building them when the edit's turn comes (null: none). */
export type Edit = Op[] | (() => Op[] | null);
export type Axis = 'stage' | 'lane';
type CardCopy = Pick<NewCard, 'title' | 'body' | 'attrs'>;

export class MapSession {
  // Raw, not deep state: every edit replaces the map (applyPatch is pure), and reading 2,000 cards
  // through deep proxies cost about 30 ms when a big map opened.
  doc = $state.raw<MapDoc | null>(null);
  /** Edits sent and not answered yet. */
  pending = $state(0);
  /** Set while a snapshot is previewed: the board shows it and no edit is sent. */
  frozen = $state(false);
  /** Cards grouped by cell, each cell in rank order. */
  readonly cells = $derived(this.doc ? cardsByCell(this.doc) : new Map<string, Card[]>());
  /** Every card id in reading order (stage by stage, lane by lane). */
  readonly order = $derived(this.doc ? boardOrder(this.doc) : []);

  constructor(
    readonly mapId: Id,
    /** Told about every edit the backend refused (the edit changes nothing). */
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Reads the map from the library (throws when it cannot be read); `show` it when ready. */
  read(): Promise<MapDoc> {
    return api.openMap(this.mapId);
  }

  /** Shows a map read with `read()`. */
  show(doc: MapDoc): void {
    this.doc = doc;
  }

  /** Reads the map and shows it. */
  async load(): Promise<MapDoc> {
    const doc = await this.read();
    this.show(doc);
    return doc;
  }

  /** Queues a backend call; its patch is applied when it answers, in the order calls were made. */
  private send(request: () => Promise<Patch> | null): Promise<Patch | null> {
    if (this.frozen) return Promise.resolve(null);
    this.pending++;
    return enqueue(async () => {
      try {
        const call = request();
        if (!call) return null;
        const result = await call;
        if (this.doc) this.doc = applyPatch(this.doc, result);
        return result;
      } catch (e) {
        this.onError(e);
        return null;
      } finally {
        this.pending--;
      }
    });
  }

  /**
   * Applies an edit as one undo step. Ops given as a function are built on the map with every
   * earlier edit applied, so an edit of one field never undoes another. Calls with the same
   * `mergeKey` in a row (one field visit) share one undo step.
   */
  run(edit: Edit, mergeKey?: string): Promise<Patch | null> {
    return this.send(() => {
      const ops = typeof edit === 'function' ? edit() : edit;
      return ops && ops.length > 0 ? api.applyOps(this.mapId, ops, mergeKey) : null;
    });
  }

  undo = () => this.send(() => api.undo(this.mapId));
  redo = () => this.send(() => api.redo(this.mapId));

  /**
   * Imports figures as one undo step, in turn with the other edits. Unlike other edits a refusal
   * is handed back (the dialog lists the bad rows), not reported.
   */
  /** Imports figures onto touchpoints, in turn with the other edits (one undo step). */
  importMetrics = (text: string, spec: MetricsImport): Promise<ImportResult> =>
    this.bulk(() => api.importMetrics(this.mapId, text, spec));

  /** Adds a CSV's rows as cards, in turn with the other edits (one undo step). */
  importCardsCsv = (text: string, spec: CardsImport): Promise<CardsImportResult> =>
    this.bulk(() => api.importCardsCsv(this.mapId, text, spec));

  /**
   * A whole-file import, queued after the edits sent before it; its patch applied on return. Unlike
   * other edits a refusal is handed back (the dialog lists the bad rows), not reported.
   */
  private bulk<T extends { patch: Patch }>(call: () => Promise<T>): Promise<T> {
    if (this.frozen) return Promise.reject(new Error('a snapshot is being previewed'));
    this.pending++;
    return enqueue(async () => {
      try {
        const result = await call();
        if (this.doc) this.doc = applyPatch(this.doc, result.patch);
        return result;
      } finally {
        this.pending--;
      }
    });
  }

  /**
   * Takes in the edits that arrived from the map's shared folder, in turn with the user's own;
   * its patch is applied like any edit's. Not while a snapshot is previewed (they wait, and
   * come in after).
   */
  takeInShared = (): Promise<SyncReport | null> => {
    if (this.frozen) return Promise.resolve(null);
    return enqueue(async () => {
      const report = await api.syncMap(this.mapId);
      if (this.doc) this.doc = applyPatch(this.doc, report.patch);
      return report;
    });
  };

  /** Takes the version a merge did not keep for conflict `id` (one undo step). */
  useOtherVersion = (id: Id) => this.send(() => api.useOtherVersion(this.mapId, id));

  /** Puts the map back as snapshot `id` keeps it, in turn with the other edits (one undo step). */
  restoreSnapshot = (id: Id) => this.send(() => api.restoreSnapshot(id));

  card = (id: Id) => this.doc?.cards.find((c) => c.id === id);
  persona = (id: Id) => this.doc?.personas.find((p) => p.id === id);

  // ---- the map and its axes --------------------------------------------------------------------

  renameMap = (title: string) => this.run([{ type: 'renameMap', title }]);

  /** Adds a stage or lane at the end; its id once it is stored (null when refused). */
  async addAxis(axis: Axis, title: string): Promise<Id | null> {
    const id = uuidv7();
    const op: Op =
      axis === 'stage'
        ? { type: 'createStage', stage: { id, title }, place: { at: 'end' } }
        : { type: 'createLane', lane: { id, title, kind: 'notes' }, place: { at: 'end' } };
    return (await this.run([op])) ? id : null;
  }

  renameStage = (id: Id, title: string) => this.run([{ type: 'renameStage', id, title }]);
  updateLane = (id: Id, title: string, kind: LaneKind) => this.run([{ type: 'updateLane', id, title, kind }]);

  moveAxis(axis: Axis, id: Id, place: Place): Promise<Patch | null> {
    return this.run([axis === 'stage' ? { type: 'moveStage', id, place } : { type: 'moveLane', id, place }]);
  }

  // ---- cards -----------------------------------------------------------------------------------

  /** A new card at the end of its cell, one undo step; its id once it is saved. */
  async createCard(
    stageId: Id,
    laneId: Id,
    title: string,
    body: string,
    attrs: Partial<CardAttrs> = {},
  ): Promise<Id | null> {
    const id = uuidv7();
    const card = { id, stageId, laneId, title, body, attrs: { ...emptyAttrs(), ...attrs } };
    return (await this.run([{ type: 'createCard', card, place: { at: 'end' } }])) ? id : null;
  }

  /** Saves a card's title and text as the card editor left them (no edit when unchanged). */
  saveCardText(id: Id, title: string, body: string): Promise<Patch | null> {
    return this.run(() => {
      const card = this.card(id);
      return card && (card.title !== title || card.body !== body)
        ? [{ type: 'updateCard', id, title, body }]
        : null;
    });
  }

  /** One field of a card, from the inspector (a field visit shares `mergeKey`). */
  cardField = (id: Id, field: CardTextField, value: string, mergeKey: string) =>
    this.run(() => {
      const card = this.card(id);
      return card ? cardFieldOps(card, field, value) : null;
    }, mergeKey);

  cardAttrs = (id: Id, change: Partial<CardAttrs>) =>
    this.run(() => {
      const card = this.card(id);
      return card ? cardAttrsOps(card, change) : null;
    });

  moveCardTo = (id: Id, stageId: Id, laneId: Id) =>
    this.run([{ type: 'moveCard', id, stageId, laneId, place: { at: 'end' } }]);

  deleteCards = (ids: Id[]) => this.run(ids.map((id) => ({ type: 'deleteCard', id })));

  /** Copies of cards, each right after its original; the copies' ids once stored. */
  async duplicate(ids: Id[]): Promise<Id[] | null> {
    const doc = this.doc;
    if (!doc) return null;
    const cells = this.cells;
    const fresh: Id[] = [];
    const ops: Op[] = [];
    for (const id of ids) {
      const card = doc.cards.find((c) => c.id === id);
      if (!card) continue;
      const cell = cells.get(cellKey(card.stageId, card.laneId)) ?? [];
      const next = cell[cell.findIndex((c) => c.id === id) + 1];
      const copyId = uuidv7();
      fresh.push(copyId);
      const { stageId, laneId, title, body, attrs } = card;
      ops.push({
        type: 'createCard',
        card: { id: copyId, stageId, laneId, title, body, attrs },
        place: next ? { at: 'before', value: next.id } : { at: 'end' },
      });
    }
    return ops.length > 0 && (await this.run(ops)) ? fresh : null;
  }

  /** Pastes copied cards after card `after` (else into the first cell); the new ids once stored. */
  async paste(copied: CardCopy[], after: Id | null): Promise<Id[] | null> {
    const doc = this.doc;
    if (!doc) return null;
    const ref = after ? doc.cards.find((c) => c.id === after) : undefined;
    const stageId = ref?.stageId ?? doc.stages[0]?.id;
    const laneId = ref?.laneId ?? doc.lanes[0]?.id;
    if (copied.length === 0 || !stageId || !laneId) return null;
    const cell = this.cells.get(cellKey(stageId, laneId)) ?? [];
    const next = ref ? cell[cell.findIndex((c) => c.id === ref.id) + 1] : undefined;
    const fresh = copied.map(() => uuidv7());
    const ops: Op[] = copied.map((c, i) => ({
      type: 'createCard',
      card: { id: fresh[i] ?? uuidv7(), stageId, laneId, title: c.title, body: c.body, attrs: c.attrs },
      place: next ? { at: 'before', value: next.id } : { at: 'end' },
    }));
    return (await this.run(ops)) ? fresh : null;
  }

  // ---- personas and emotions -------------------------------------------------------------------

  setEmotion = (cardId: Id, personaId: Id, horizon: Horizon, score: number | null) =>
    this.run([{ type: 'setEmotion', cardId, personaId, horizon, score }]);

  /**
   * Sets attributes of several cards as one undo step. The change is worked out from the cards as
   * they are when the edit's turn comes, so a key pressed twice quickly toggles twice.
   */
  cardsAttrs = (ids: Id[], change: (cards: Card[]) => Partial<CardAttrs>) =>
    this.run(() => {
      const cards = ids.flatMap((id) => this.card(id) ?? []);
      const wanted = change(cards);
      const ops = cards.flatMap((card) => cardAttrsOps(card, wanted) ?? []);
      return ops.length > 0 ? ops : null;
    });

  /** Moves a persona's as-is score on the cards `step` up or down (null: clears it), one undo step. */
  nudgeEmotion = (ids: Id[], personaId: Id, step: number | null) =>
    this.run(() => {
      const emotions = this.doc?.emotions ?? [];
      const ops: Op[] = [];
      for (const cardId of ids) {
        const now =
          emotions.find((e) => e.cardId === cardId && e.personaId === personaId && e.horizon === 'asIs')
            ?.score ?? null;
        const score = step === null ? null : Math.max(-2, Math.min(2, (now ?? 0) + step));
        if (score !== now) ops.push({ type: 'setEmotion', cardId, personaId, horizon: 'asIs', score });
      }
      return ops.length > 0 ? ops : null;
    });

  async createPersona(fields: Omit<PersonaFields, 'id'>): Promise<Id | null> {
    const id = uuidv7();
    return (await this.run([{ type: 'createPersona', persona: { id, ...fields }, place: { at: 'end' } }]))
      ? id
      : null;
  }

  personaField = (id: Id, field: PersonaTextField, value: string, mergeKey: string) =>
    this.run(() => {
      const p = this.persona(id);
      return p ? personaOps(p, { [field]: value }) : null;
    }, mergeKey);

  personaChange = (id: Id, change: Partial<PersonaFields>) =>
    this.run(() => {
      const p = this.persona(id);
      return p ? personaOps(p, change) : null;
    });

  deletePersona = (id: Id) => this.run([{ type: 'deletePersona', id }]);
}

/** Renames a map from the library (no board open), in turn with every other edit. */
export function renameMapInLibrary(mapId: Id, title: string): Promise<Patch> {
  return enqueue(() => api.applyOps(mapId, [{ type: 'renameMap', title }]));
}
