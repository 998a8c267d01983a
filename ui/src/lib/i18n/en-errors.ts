// English wording of the backend's problems (codes with parameters, see problems.ts).
export const enErrors = {
  'err.blank': 'The {field} cannot be empty.',
  'err.tooLong': 'The {field} can hold up to {max} characters.',
  'err.tooMany': 'At most {max} {field} are allowed.',
  'err.badValue': 'The {field} is not valid.',
  'err.notFound': 'That {what} no longer exists (it may have been deleted).',
  'err.conflict': 'That change clashes with the map as it is now. Try again.',
  'err.csvUnreadable': 'The file cannot be read as CSV.',
  'err.csvNoHeader': 'The file has no header row.',
  'err.csvNotUtf8': 'Line {line}: the text is not UTF-8. Save the file as “CSV UTF-8” and try again.',
  'err.csvFieldCount': 'Line {line}: {found} fields where the header has {expected}.',
  'err.csvTooManyRows': 'The file has more than {max} rows.',
  'err.csvNoColumn': 'There is no column “{column}”.',
  'err.csvNoFigureColumns': 'Choose at least one column of figures.',
  'err.csvNumber.notANumber': 'Line {line}: “{column}” is “{value}”, which is not a number.',
  'err.csvNumber.ambiguous':
    'Line {line}: “{column}” is “{value}”, which could be read two ways. Choose how this file writes numbers.',
  'err.csvNumber.otherStyle':
    'Line {line}: “{column}” is “{value}”, written in another number style than the file.',
  'err.csvNumber.outOfRange': 'Line {line}: “{column}” is “{value}”, which is not a number Jejak can keep.',
  'err.csvMixedStyles':
    'The file writes numbers both as 1,234.5 (line {dotLine}) and as 1.234,5 (line {commaLine}). Choose how it writes numbers.',
  'err.libraryEmpty': 'The library file is empty.',
  'err.libraryNotSqlite': 'The library file is not a Jejak library.',
  'err.libraryForeign': 'The library file belongs to another application.',
  'err.libraryNewer':
    'The library file was made by a newer version of Jejak (format {version}; this version reads up to {supported}).',
  'err.libraryDamaged': 'The library file is damaged.',
  'err.libraryTruncated': 'The library file is cut short: part of it is missing.',
  'err.libraryIsFolder': 'The library path is a folder, not a file.',
  'err.libraryInUse': 'This library is open in another Jejak window.',
  'err.libraryMissing': 'The library you used last is not where it was.',
  'err.libraryUnreadable': 'The library file cannot be read or created.',
  'err.backupFailed': 'The backup could not be made or restored.',
  'err.noBackup': 'There is no backup that Jejak can use.',
  'err.fileNotWritable': 'The file cannot be written there. Choose another folder.',
  'err.folderMissing': 'That folder is not there (a drive not connected, or a folder moved away).',
  'err.syncFolderHoldsLibrary':
    'That folder holds your library file itself. A sync tool would copy the open library and damage it: choose a folder outside it.',
  'err.noSharedMaps': 'No map shared by Jejak is in that folder yet.',
  'err.fileExists': 'A file of that name is already there; Jejak never replaces it. Choose another name.',
  'err.exportFailed': 'The export could not be made.',
  'err.clipboardFailed': 'The clipboard would not take the table. Try again, or export the map as CSV.',
  'err.fileSyntax':
    'Line {line}, column {column}: the file cannot be read there (it is not written the way its format requires). It may have been edited by hand or cut short.',
  'err.fileContent':
    'Line {line}, column {column}: the map in this file is incomplete or has a value Jejak cannot use.',
  'err.fileContentLinks':
    'The map in this file does not hold together (for example a card in a stage the file does not have).',
  'err.fileNotUtf8': 'Line {line}: the text is not UTF-8. Save the file as UTF-8 and try again.',
  'err.fileTooLarge': 'The file is larger than {maxMb} MB, more than any map Jejak writes.',
  'err.diskFull': 'The disk is full: this change was not saved. Free some space and try again.',
  'err.readOnly':
    'The library cannot be written (the file or its folder is read-only): this change was not saved.',
  'err.diskGone':
    'The disk with the library is not reachable (was a drive removed?): this change was not saved.',
  'err.busy': 'The library is busy. Try again in a moment.',
  'err.storage': 'Jejak could not read or write the library file: this change was not saved.',
  'err.unknown': 'Something went wrong.',
} as const;

export type ErrorKey = keyof typeof enErrors;
