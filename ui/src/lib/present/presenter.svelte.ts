// Present mode of the open map: whether it is on, which step shows, the blank screen and the
// emotion horizon shown. The steps are rebuilt from the map after every edit; the place is kept by
// the step's key, so fixing a typo or adding a card never moves the room to another slide.
import { api, type Id, type MapDoc } from '../ipc';
import type { MapSession } from '../board/mapSession.svelte';
import { findPlace, pageOfCard, presentSteps, stepKey, type Step } from './steps';
import type { PresentCommand } from './presentKeys';

export type HorizonChoice = 'asIs' | 'toBe' | 'both';

export class Presenter {
  active = $state(false);
  blank = $state(false);
  horizon = $state<HorizonChoice>('both');
  /** A card is being typed on the current stage slide (N). */
  adding = $state(false);
  /** The card whose text is open for a fix while presenting. */
  editing = $state<Id | null>(null);
  private key = $state('title');
  private last = $state(0);

  /** The map as presented: without the lanes hidden from the room, or one stage if focused. */
  get doc(): MapDoc | null {
    return this.shown();
  }
  readonly steps = $derived.by(() => {
    const doc = this.shown();
    return doc ? presentSteps(doc, this.session.cells) : ([] as Step[]);
  });
  readonly index = $derived(findPlace(this.steps, this.key, this.last));
  readonly step = $derived<Step>(this.steps[this.index] ?? { kind: 'title' });

  constructor(
    private readonly session: MapSession,
    private readonly onError: (e: unknown) => void,
    private readonly shown: () => MapDoc | null = () => session.doc,
  ) {}

  start(): void {
    if (!this.session.doc || this.session.frozen) return;
    this.active = true;
    this.goTo(0);
    api.setFullscreen(true).catch(this.onError);
  }

  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.blank = false;
    this.adding = false;
    api.setFullscreen(false).catch(this.onError);
  }

  goTo(index: number): void {
    const at = Math.min(Math.max(index, 0), this.steps.length - 1);
    const step = this.steps[at];
    if (!step) return;
    this.key = stepKey(step);
    this.last = at;
    this.blank = false;
    this.adding = false;
    this.editing = null;
  }

  /** Shows the slide with card `cardId` on it (a card just added lands on a later page). */
  reveal(cardId: Id): void {
    const doc = this.shown();
    const card = doc?.cards.find((c) => c.id === cardId);
    if (!doc || !card) return;
    const key = `stage:${card.stageId}:${pageOfCard(doc, cardId, this.session.cells)}`;
    const at = this.steps.findIndex((s) => stepKey(s) === key);
    if (at >= 0 && at !== this.index) this.goTo(at);
  }

  /** Runs a present-mode key's command; whether it applied. */
  command(c: PresentCommand): boolean {
    switch (c) {
      case 'next':
        this.goTo(this.blank ? this.index : this.index + 1);
        return true;
      case 'prev':
        this.goTo(this.blank ? this.index : this.index - 1);
        return true;
      case 'first':
        this.goTo(0);
        return true;
      case 'last':
        this.goTo(this.steps.length - 1);
        return true;
      case 'blank':
        this.blank = !this.blank;
        return true;
      case 'addCard':
        if (this.step.kind !== 'stage' || this.blank) return false;
        this.adding = true;
        return true;
      case 'leave':
        if (this.adding) this.adding = false;
        else this.stop();
        return true;
    }
  }
}
