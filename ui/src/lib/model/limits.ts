/**
 * How much text each field holds. The backend refuses more (jejak-core validate.rs, attrs.rs,
 * persona.rs; a Rust test checks these numbers against it); the fields stop it where it is typed.
 */
export const LIMITS = {
  title: 500,
  body: 20_000,
  short: 200,
  url: 2_000,
  tag: 60,
  tagsPerCard: 30,
  tags: 2_000,
  personaText: 20_000,
  snapshotLabel: 120,
  comment: 10_000,
  author: 200,
} as const;
