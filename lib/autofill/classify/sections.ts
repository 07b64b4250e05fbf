/**
 * Billing or shipping: from the autocomplete attribute when it says, else from the words
 * nearest the field — its own label and name (`billing[city]`), then its containers and the
 * heading of its part of the form ("Lieferadresse", `<fieldset id="shipping">`).
 */
import type { FieldSection } from '../types';
import type { Context } from './context';
import { words } from './text';

const SHIPPING = words(
  'ship|shipping|ship to|shipto|delivery|deliver to|lieferadresse|lieferanschrift|lieferung|liefern|versand',
  'versandadresse|livraison|adresse de livraison|envio|direccion de envio|entrega|datos de envio',
);

const BILLING = words(
  'billing|bill to|billto|invoice|invoicing|rechnung|rechnungsadresse|rechnungsanschrift|facturation',
  'adresse de facturation|facturacion|factura|direccion de facturacion|datos de facturacion',
);

/** The section `text` names; null when it names neither, or both ("Shipping & billing"). */
export function sectionIn(text: string): 'billing' | 'shipping' | null {
  const shipping = SHIPPING.test(text);
  const billing = BILLING.test(text);
  if (shipping === billing) return null;
  return shipping ? 'shipping' : 'billing';
}

/**
 * The section of a field without an autocomplete section: `own` is its normalized label and
 * name words, then its surroundings nearest first; 'other' when nothing names one.
 */
export function sectionOf(el: Element, own: string, heading: Element | null, context: Context): FieldSection {
  const mine = sectionIn(own);
  if (mine) return mine;
  for (const text of context.around(el, heading)) {
    const section = sectionIn(text);
    if (section) return section;
  }
  return 'other';
}
