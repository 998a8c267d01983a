// What the board and the sharing settings say about a shared map, in the user's language: the
// other laptops, when their edits arrived, and what is wrong with the folder.
import type { Peer, SharingStatus, SyncIssue } from '../ipc';
import { t, tn, when, whenShort } from '../i18n/index.svelte';

export function peerName(p: Peer): string {
  return p.name.trim() || t('sharing.someone');
}

/** The other laptops, the one whose edit arrived last first. */
export function byArrival(peers: Peer[]): Peer[] {
  return [...peers].sort((a, b) => (b.arrivedAt ?? 0) - (a.arrivedAt ?? 0));
}

/**
 * The toolbar's short text (it shares one row at 1280 px): who edited last, by first name, and
 * when it arrived ("Budi · 2m ago"); the badge's label says it all in full.
 */
export function badgeText(s: SharingStatus, now: number): string {
  if (s.issues.some((i) => i.code === 'folderUnreachable')) return t('sharing.badge.unreachable');
  const [last, ...rest] = byArrival(s.peers);
  if (!last) return t('sharing.badge.shared');
  const name = peerName(last).split(/\s+/)[0] ?? '';
  const at = last.arrivedAt ?? last.lastEditAt;
  const whenText = at === null ? t('sharing.badge.new') : whenShort(past(at, now), now);
  return rest.length === 0
    ? t('sharing.badge.peer', { name, when: whenText })
    : t('sharing.badge.peers', { name, more: rest.length, when: whenText });
}

/** Everything the badge stands for, for its label and tooltip. */
export function badgeLabel(s: SharingStatus, now: number): string {
  const lines = byArrival(s.peers).map((p) =>
    p.arrivedAt === null
      ? t('sharing.badge.peerNew', { name: peerName(p) })
      : t('sharing.badge.peerLine', { name: peerName(p), when: when(past(p.arrivedAt, now), now) }),
  );
  if (lines.length === 0) lines.push(t('sharing.badge.noPeers'));
  if (s.issues.some((i) => i.code === 'folderUnreachable')) lines.push(t('sharing.badge.waitingNote'));
  return t('sharing.badge.label', { who: lines.join(' ') });
}

export function peerLine(p: Peer, now: number): string {
  if (p.lastEditAt === null || p.arrivedAt === null) return t('sharing.peer.noEdits');
  return t('sharing.peer.edited', {
    made: when(past(p.lastEditAt, now), now),
    arrived: when(past(p.arrivedAt, now), now),
  });
}

/** A teammate's clock may run ahead of this one: their edit was made now at the latest. */
function past(at: number, now: number): number {
  return Math.min(at, now);
}

export function issueText(issue: SyncIssue): string {
  switch (issue.code) {
    case 'folderUnreachable':
      return t('sharing.issue.folderUnreachable');
    case 'fileNewer':
      return t('sharing.issue.fileNewer', { file: issue.file });
    case 'fileForeign':
      return t('sharing.issue.fileForeign', { file: issue.file });
    case 'linesUnreadable':
      return t('sharing.issue.linesUnreadable', {
        lines: tn('count.lines', issue.lines),
        file: issue.file,
      });
    case 'editsRefused':
      return t('sharing.issue.editsRefused', { edits: tn('count.edits', issue.edits), file: issue.file });
    case 'clockAhead':
      return t('sharing.issue.clockAhead', { edits: tn('count.edits', issue.edits), file: issue.file });
  }
}
