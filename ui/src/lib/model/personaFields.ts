// The persona fields the persona panel edits, and the edit each change makes.
import type { Op, Persona, PersonaFields } from '../ipc/types';

export type PersonaTextField = 'name' | 'role' | 'goals' | 'needs' | 'pains';

function fieldsOf(p: Persona): PersonaFields {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    goals: p.goals,
    needs: p.needs,
    pains: p.pains,
    color: p.color,
    photo: p.photo,
  };
}

/**
 * The op that applies `change` on top of the persona as it is now; `null` when nothing changes.
 * A persona needs a name: an emptied name keeps the old one.
 */
export function personaOps(p: Persona, change: Partial<PersonaFields>): Op[] | null {
  const next = { ...fieldsOf(p), ...change };
  if (next.name.trim() === '') next.name = p.name;
  if (JSON.stringify(next) === JSON.stringify(fieldsOf(p))) return null;
  return [{ type: 'updatePersona', persona: next }];
}
