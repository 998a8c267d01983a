// Board actions as a registry: each has a name, a label, its keys (if any) and what it does. The
// keyboard and the toolbar run the same entries, and the shortcut sheet (`?`) lists them, so the
// three never disagree. Framework-free: the board supplies the performers.
import { matchShortcut, SHORTCUTS, type KeyLike, type ShortcutAction } from '../editor/shortcuts';
import type { MessageKey } from '../i18n/index.svelte';

/** Actions reached from the toolbar only. */
export type ToolbarAction =
  | 'addStage'
  | 'addLane'
  | 'zoomFit'
  | 'togglePersonas'
  | 'overview'
  | 'metrics'
  | 'cardsCsv'
  | 'history'
  | 'sharing';
export type ActionName = ShortcutAction | ToolbarAction;

/** Runs the action; false when it did not apply (so a key keeps its default). */
export type Perform = () => boolean;

export interface Action {
  name: ActionName;
  label: MessageKey;
  /** How the shortcut sheet shows the keys ("Mod" becomes Ctrl or ⌘); empty: no shortcut. */
  keys: string[];
  perform: Perform;
}

const TOOLBAR_LABELS: Record<ToolbarAction, MessageKey> = {
  addStage: 'board.addStage',
  addLane: 'board.addLane',
  zoomFit: 'board.zoomFit',
  togglePersonas: 'persona.title',
  overview: 'overview.button',
  metrics: 'metrics.button',
  cardsCsv: 'cardsCsv.button',
  history: 'history.button',
  sharing: 'sharing.button',
};

export class ActionRegistry {
  readonly all: Action[];
  private readonly byName: Map<ActionName, Action>;

  constructor(
    performers: Record<ActionName, Perform>,
    private readonly mac: boolean,
  ) {
    const keyed: Action[] = SHORTCUTS.map((s) => ({
      name: s.action,
      label: `shortcut.${s.action}` as MessageKey,
      keys: s.keys,
      perform: performers[s.action],
    }));
    const toolbar: Action[] = (Object.keys(TOOLBAR_LABELS) as ToolbarAction[]).map((name) => ({
      name,
      label: TOOLBAR_LABELS[name],
      keys: [],
      perform: performers[name],
    }));
    this.all = [...keyed, ...toolbar];
    this.byName = new Map(this.all.map((a) => [a.name, a]));
  }

  /** The entries the shortcut sheet lists, in its order. */
  get withKeys(): Action[] {
    return this.all.filter((a) => a.keys.length > 0);
  }

  run(name: ActionName): boolean {
    return this.byName.get(name)?.perform() ?? false;
  }

  /** Runs the action bound to this key press; whether one ran (then the key's default is stopped). */
  key(e: KeyLike): boolean {
    const name = matchShortcut(e, this.mac);
    return name !== null && this.run(name);
  }
}
