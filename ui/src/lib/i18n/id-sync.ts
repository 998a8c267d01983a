import type { enSync } from './en-sync';

// Bahasa Indonesia wording of sharing a map through a synced folder.
export const idSync: Record<keyof typeof enSync, string> = {
  'sharing.button': 'Berbagi…',
  'sharing.hint': 'Selaraskan peta ini dengan tim Anda lewat folder yang Anda sinkronkan',
  'sharing.title': 'Berbagi lewat folder',
  'sharing.intro':
    'Pilih folder yang sudah diselaraskan tim Anda: Syncthing di jaringan lokakarya, atau folder OneDrive, SharePoint, Dropbox, Google Drive atau folder jaringan. Jejak menulis suntingan Anda di sana dan mengambil suntingan yang lain selama aplikasi berjalan, bahkan setelah berhari-hari luring.',
  'sharing.safe':
    'Hanya berkas kecil milik Jejak yang ditaruh di sana, satu per laptop. Pustaka Anda tetap di laptop ini.',
  'sharing.yourName': 'Nama Anda, terlihat oleh yang lain',
  'sharing.nameNeeded': 'Isi nama Anda dulu: yang lain melihatnya pada suntingan Anda.',
  'sharing.chooseFolder': 'Pilih folder…',
  'sharing.otherFolder': 'Pilih folder lain…',
  'sharing.noFolder': 'Belum ada folder yang dipilih.',
  'sharing.start': 'Bagikan lewat folder ini',
  'sharing.folder': 'Folder',
  'sharing.since': 'Dibagikan sejak {date}',
  'sharing.stop': 'Berhenti berbagi',
  'sharing.stopConfirm':
    'Berhenti berbagi “{title}”? Suntingan Anda tetap di pustaka dan berkasnya tetap di folder; tidak ada lagi yang ditulis ke sana atau diambil dari sana.',
  'sharing.stopped': '“{title}” tidak lagi dibagikan',
  'sharing.started': '“{title}” dibagikan lewat folder',
  'sharing.syncNow': 'Selaraskan sekarang',
  'sharing.others': 'Siapa lagi yang menyunting peta ini',
  'sharing.nobody':
    'Belum ada. Setelah rekan menambahkan peta ini dari folder (Buka folder bersama… di pustaka mereka), suntingan mereka muncul di sini.',
  'sharing.peer.edited': 'suntingan terakhir dibuat {made}, tiba {arrived}',
  'sharing.peer.noEdits': 'sudah menambahkan peta, belum menyunting',
  'sharing.peer.edits.one': '{count} suntingan diambil',
  'sharing.peer.edits.other': '{count} suntingan diambil',
  'sharing.someone': 'Seorang rekan',
  'sharing.waiting.one': '{count} suntingan Anda menunggu folder',
  'sharing.waiting.other': '{count} suntingan Anda menunggu folder',
  'sharing.allOut': 'Semua suntingan Anda sudah ada di folder',
  'sharing.syncedAt': 'Folder terakhir tercapai {when}',
  'sharing.issue.folderUnreachable':
    'Folder tidak dapat dicapai. Suntingan Anda menunggu di sini dan dikirim saat folder kembali.',
  'sharing.issue.fileNewer':
    '{file} ditulis oleh Jejak yang lebih baru dan dibiarkan. Perbarui Jejak untuk mengambilnya.',
  'sharing.issue.fileForeign': '{file} bukan berkas Jejak untuk peta ini dan dibiarkan.',
  'sharing.issue.linesUnreadable':
    '{lines} dari {file} tidak dapat dibaca (rusak di perjalanan); sisanya sudah diambil.',
  'sharing.issue.editsRefused': '{edits} dari {file} tidak cocok dengan peta ini dan dilewati.',
  'count.lines.one': '{count} baris',
  'count.lines.other': '{count} baris',
  'sharing.badge.shared': 'Dibagikan',
  'sharing.badge.peer': '{name} · {when}',
  'sharing.badge.peers': '{name} +{more} · {when}',
  'sharing.badge.unreachable': 'Folder luring',
  'sharing.badge.new': 'bergabung',
  'sharing.badge.label': 'Dibagikan lewat folder. {who} Buka pengaturan berbagi.',
  'sharing.badge.peerLine': '{name}: suntingan terakhir tiba {when}.',
  'sharing.badge.noPeers': 'Belum ada orang lain yang menyunting.',
  'sharing.badge.waitingNote': 'Folder tak tercapai: suntingan Anda menunggu di sini.',
  'sharing.badge.peerNew': '{name}: sudah menambahkan peta, belum menyunting.',
  'sharing.issue.clockAhead':
    '{edits} dari {file} bertanggal lebih dari sehari ke depan (jam laptop itu salah) dan dilewati. Betulkan jamnya lalu sunting lagi.',
  'join.editorsNone': 'Belum ada suntingan',
  'join.button': 'Buka folder bersama…',
  'join.hint': 'Tambahkan peta yang dibagikan tim Anda lewat folder yang Anda sinkronkan',
  'join.title': 'Peta di folder bersama',
  'join.intro':
    'Peta yang dibagikan tim Anda lewat folder ini. Menambahkannya memasukkan peta ke pustaka Anda dan menyelaraskannya dengan folder sejak itu.',
  'join.none':
    'Belum ada peta yang dibagikan Jejak di folder ini. Jika alat sinkronisasi masih menyalinnya, coba lagi sebentar lagi.',
  'join.add': 'Tambahkan ke pustaka',
  'join.inLibrary': 'Sudah di pustaka: selaraskan',
  'join.editors': 'Disunting oleh {names}',
  'join.lastEdit': 'suntingan terakhir {when}',
  'join.added': '“{title}” ada di pustaka Anda dan dibagikan lewat folder',
  'join.choose': 'Pilih folder…',
};
