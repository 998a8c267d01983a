import type { ErrorKey } from './en-errors';

// Indonesian wording of the backend's problems: exactly the keys of en-errors.ts.
export const idErrors: Record<ErrorKey, string> = {
  'err.blank': '{Field} tidak boleh kosong.',
  'err.tooLong': '{Field} paling banyak {max} karakter.',
  'err.tooMany': 'Paling banyak {max} {field}.',
  'err.badValue': '{Field} tidak valid.',
  'err.notFound': '{What} itu sudah tidak ada (mungkin telah dihapus).',
  'err.conflict': 'Perubahan itu bertabrakan dengan keadaan peta sekarang. Coba lagi.',
  'err.csvUnreadable': 'Berkas tidak dapat dibaca sebagai CSV.',
  'err.csvNoHeader': 'Berkas tidak memiliki baris judul kolom.',
  'err.csvNotUtf8': 'Baris {line}: teksnya bukan UTF-8. Simpan berkas sebagai “CSV UTF-8” lalu coba lagi.',
  'err.csvFieldCount': 'Baris {line}: {found} kolom, padahal judulnya {expected} kolom.',
  'err.csvTooManyRows': 'Berkas berisi lebih dari {max} baris.',
  'err.csvNoColumn': 'Tidak ada kolom “{column}”.',
  'err.csvNoFigureColumns': 'Pilih setidaknya satu kolom angka.',
  'err.csvNumber.notANumber': 'Baris {line}: “{column}” berisi “{value}”, yang bukan angka.',
  'err.csvNumber.ambiguous':
    'Baris {line}: “{column}” berisi “{value}”, yang dapat dibaca dua cara. Pilih cara berkas ini menulis angka.',
  'err.csvNumber.otherStyle':
    'Baris {line}: “{column}” berisi “{value}”, ditulis dengan gaya angka yang berbeda dari berkasnya.',
  'err.csvNumber.outOfRange':
    'Baris {line}: “{column}” berisi “{value}”, angka yang tidak dapat disimpan Jejak.',
  'err.csvMixedStyles':
    'Berkas menulis angka sebagai 1,234.5 (baris {dotLine}) dan juga sebagai 1.234,5 (baris {commaLine}). Pilih cara berkas ini menulis angka.',
  'err.libraryEmpty': 'Berkas pustaka kosong.',
  'err.libraryNotSqlite': 'Berkas pustaka bukan pustaka Jejak.',
  'err.libraryForeign': 'Berkas pustaka milik aplikasi lain.',
  'err.libraryNewer':
    'Berkas pustaka dibuat oleh Jejak versi yang lebih baru (format {version}; versi ini membaca sampai {supported}).',
  'err.libraryDamaged': 'Berkas pustaka rusak.',
  'err.libraryTruncated': 'Berkas pustaka terpotong: sebagiannya hilang.',
  'err.libraryIsFolder': 'Jalur pustaka adalah folder, bukan berkas.',
  'err.libraryInUse': 'Pustaka ini sedang terbuka di jendela Jejak lain.',
  'err.libraryMissing': 'Pustaka yang terakhir Anda pakai tidak ada di tempatnya.',
  'err.libraryUnreadable': 'Berkas pustaka tidak dapat dibaca atau dibuat.',
  'err.backupFailed': 'Cadangan tidak dapat dibuat atau dipulihkan.',
  'err.noBackup': 'Tidak ada cadangan yang dapat dipakai Jejak.',
  'err.fileNotWritable': 'Berkas tidak dapat ditulis di sana. Pilih folder lain.',
  'err.folderMissing': 'Folder itu tidak ada (drive tidak terhubung, atau folder dipindahkan).',
  'err.syncFolderHoldsLibrary':
    'Folder itu berisi berkas pustaka Anda sendiri. Alat sinkronisasi akan menyalin pustaka yang sedang terbuka dan merusaknya: pilih folder di luarnya.',
  'err.noSharedMaps': 'Belum ada peta yang dibagikan Jejak di folder itu.',
  'err.fileExists': 'Sudah ada berkas dengan nama itu; Jejak tidak pernah menimpanya. Pilih nama lain.',
  'err.exportFailed': 'Ekspor tidak dapat dibuat.',
  'err.clipboardFailed': 'Papan klip tidak menerima tabel. Coba lagi, atau ekspor peta sebagai CSV.',
  'err.fileSyntax':
    'Baris {line}, kolom {column}: berkas tidak dapat dibaca di situ (tidak ditulis sesuai formatnya). Mungkin telah disunting tangan atau terpotong.',
  'err.fileContent':
    'Baris {line}, kolom {column}: peta dalam berkas ini tidak lengkap atau memuat nilai yang tidak dapat dipakai Jejak.',
  'err.fileContentLinks':
    'Bagian-bagian peta dalam berkas ini tidak saling cocok (misalnya kartu di tahap yang tidak ada dalam berkas).',
  'err.fileNotUtf8': 'Baris {line}: teks ini bukan UTF-8. Simpan berkas sebagai UTF-8 lalu coba lagi.',
  'err.fileTooLarge': 'Berkas lebih besar dari {maxMb} MB, melebihi peta mana pun yang ditulis Jejak.',
  'err.diskFull': 'Disk penuh: perubahan ini tidak tersimpan. Kosongkan sebagian ruang lalu coba lagi.',
  'err.readOnly':
    'Pustaka tidak dapat ditulisi (berkas atau foldernya hanya-baca): perubahan ini tidak tersimpan.',
  'err.diskGone':
    'Disk tempat pustaka tidak dapat dijangkau (apakah drive dicabut?): perubahan ini tidak tersimpan.',
  'err.busy': 'Pustaka sedang sibuk. Coba lagi sebentar lagi.',
  'err.storage': 'Jejak tidak dapat membaca atau menulis berkas pustaka: perubahan ini tidak tersimpan.',
  'err.unknown': 'Terjadi kesalahan.',
};
