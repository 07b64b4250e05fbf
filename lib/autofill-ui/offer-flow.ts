/**
 * The save offer in the popup (issue 13, "Save to profile"): shown after a sent form or on
 * the page it loaded, answered with Save, Not now or Don't offer again. Closing it unanswered
 * declines it, so it does not come back on the next page.
 */
import type { SaveOffer } from '@/lib/messaging';
import type { Ask } from './ask';
import type { PopupModel } from './model';
import { offerModel } from './offer';
import { i18n } from '@/lib/i18n';

/** How long "Saved to …" stays before the popup closes by itself. */
const SAVED_NOTE_MS = 4000;

/** One save offer at a time: shows it, carries out the answer, declines it when closed unanswered. */
export class OfferFlow {
  private offer: SaveOffer | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ask: Ask,
    /** Shows a model in the viewport's corner (the offer has no field). */
    private readonly show: (model: PopupModel) => void,
    private readonly close: () => void,
  ) {}

  /** Shows `offer` (the caller has closed whatever was open). */
  present(offer: SaveOffer): void {
    this.offer = offer;
    this.show(offerModel(offer));
  }

  /** Carries out the user's answer; "Save" stays a moment to say where it saved. */
  async answer(answer: 'save' | 'dismiss' | 'never', model: PopupModel): Promise<void> {
    const offer = this.offer;
    if (!offer) return;
    const reply = await this.ask({ type: 'autofill/offer-answer', offerId: offer.id, answer });
    // Answered: closing now must not decline it a second time.
    this.offer = null;
    if (answer !== 'save') return this.close();
    const status = reply?.ok
      ? i18n.t('autofill.offerSaved', [offer.profileName])
      : (reply?.ok === false && reply.error) || i18n.t('autofill.saveFailed');
    this.show({ ...model, status, rows: [], active: -1, offerItems: [] });
    this.timer = setTimeout(() => this.close(), SAVED_NOTE_MS);
  }

  /** The popup closed: an offer still unanswered is declined. */
  closed(): void {
    clearTimeout(this.timer);
    if (this.offer) void this.ask({ type: 'autofill/offer-answer', offerId: this.offer.id, answer: 'dismiss' });
    this.offer = null;
  }
}
