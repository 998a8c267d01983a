// Words for a conflict a merge found: what it is about, and what each side did.
import type { Conflict, MapDoc, Side } from '../ipc';
import { t, type MessageKey } from '../i18n/index.svelte';

/** "Card “Sign up”", "The map", "Stage “Awareness”": named as the map has it now (or had it). */
export function conflictSubject(c: Conflict, doc: MapDoc | null): string {
  const on = t(`conflicts.on.${c.on}` as MessageKey);
  if (c.on === 'map') return on;
  const card = c.cards[0] ? doc?.cards.find((x) => x.id === c.cards[0]) : undefined;
  const now =
    c.on === 'card' || c.on === 'emotion'
      ? card?.title
      : c.on === 'stage'
        ? doc?.stages.find((s) => s.id === c.thingId)?.title
        : c.on === 'lane'
          ? doc?.lanes.find((l) => l.id === c.thingId)?.title
          : c.on === 'persona'
            ? doc?.personas.find((p) => p.id === c.thingId)?.name
            : undefined;
  return `${on} “${now || c.label || t('conflicts.untitled')}”`;
}

/** "the title", "where it is", "“channel”". */
export function fieldWords(field: string): string {
  if (field === 'title' || field === 'body' || field === 'cell')
    return t(`conflicts.field.${field}` as MessageKey);
  return t('conflicts.field.other', { field: field.split('/').pop() ?? field });
}

/** What the conflict is, in a line. */
export function conflictHeadline(c: Conflict): string {
  if (c.kind === 'bothChanged') return t('conflicts.kind.bothChanged', { field: fieldWords(c.field) });
  return t(`conflicts.kind.${c.kind}` as MessageKey);
}

/** What side `side` did: the value it set, or its action. */
export function sideWords(c: Conflict, side: Side, doc: MapDoc | null): string {
  const edit = side === 'ours' ? c.ours : c.theirs;
  const value = edit.value;
  if (c.kind !== 'bothChanged') {
    if (value === 'deleted')
      return c.kind === 'parked' ? t('conflicts.deletedStageOrLane') : t('conflicts.deleted');
    return c.kind === 'parked' ? t('conflicts.placedCard') : t('conflicts.changedIt');
  }
  if (c.field === 'cell' && value && typeof value === 'object') {
    const cell = value as { stageId?: string; laneId?: string };
    const stage = doc?.stages.find((s) => s.id === cell.stageId);
    const lane = doc?.lanes.find((l) => l.id === cell.laneId);
    if (!stage || !lane) return t('conflicts.gone');
    return `${stage.title} · ${lane.title}`;
  }
  if (value === null || value === '') return t('conflicts.empty');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? t('conflicts.empty') : value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
