import type { Problem } from '../ipc/generated/Problem';
import { translate, type MessageKey, type UiLocale } from './catalogue';

const capital = (s: string) => (s ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s);

/**
 * A problem from the backend (a code with parameters) in the user's language. Every code is
 * worded here; the type checker makes sure a new one cannot be forgotten.
 */
export function describeProblem(locale: UiLocale, p: Problem): string {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  switch (p.code) {
    case 'blank':
    case 'tooLong':
    case 'tooMany':
    case 'badValue': {
      const name = tr(`field.${p.field}`);
      const params = { field: name, Field: capital(name), max: 'max' in p ? p.max : 0 };
      return tr(`err.${p.code}`, params);
    }
    case 'notFound': {
      const what = tr(`thing.${p.what}`);
      return tr('err.notFound', { what, What: capital(what) });
    }
    case 'csvNumber':
      return tr(`err.csvNumber.${p.issue}`, { line: p.line, column: p.column, value: p.value });
    case 'csvNotUtf8':
      return tr('err.csvNotUtf8', { line: p.line });
    case 'csvFieldCount':
      return tr('err.csvFieldCount', { line: p.line, found: p.found, expected: p.expected });
    case 'csvTooManyRows':
      return tr('err.csvTooManyRows', { max: p.max });
    case 'csvNoColumn':
      return tr('err.csvNoColumn', { column: p.column });
    case 'csvBadValue':
      return tr('err.csvBadValue', { line: p.line, column: p.column, value: p.value });
    case 'csvLine':
      return tr('err.csvLine', { line: p.line, problem: describeProblem(locale, p.problem) });
    case 'csvNewAxes':
    case 'csvNoTitleColumn':
    case 'csvNoStage':
    case 'csvNoLane':
      return tr(`err.${p.code}`);
    case 'csvMixedStyles':
      return tr('err.csvMixedStyles', { dotLine: p.dotLine, commaLine: p.commaLine });
    case 'fileSyntax':
      return tr('err.fileSyntax', { line: p.line, column: p.column });
    case 'fileContent':
      return p.line === 0
        ? tr('err.fileContentLinks')
        : tr('err.fileContent', { line: p.line, column: p.column });
    case 'fileNotUtf8':
      return tr('err.fileNotUtf8', { line: p.line });
    case 'fileTooLarge':
      return tr('err.fileTooLarge', { maxMb: p.maxMb });
    case 'libraryNewer':
      return tr('err.libraryNewer', { version: p.version, supported: p.supported });
    case 'conflict':
    case 'csvUnreadable':
    case 'csvNoHeader':
    case 'csvNoFigureColumns':
    case 'libraryEmpty':
    case 'libraryNotSqlite':
    case 'libraryForeign':
    case 'libraryDamaged':
    case 'libraryTruncated':
    case 'libraryIsFolder':
    case 'libraryInUse':
    case 'libraryUnreadable':
    case 'libraryMissing':
    case 'backupFailed':
    case 'noBackup':
    case 'fileNotWritable':
    case 'fileExists':
    case 'folderMissing':
    case 'syncFolderHoldsLibrary':
    case 'noSharedMaps':
    case 'exportFailed':
    case 'clipboardFailed':
    case 'diskFull':
    case 'readOnly':
    case 'diskGone':
    case 'busy':
    case 'storage':
      return tr(`err.${p.code}`);
  }
}
