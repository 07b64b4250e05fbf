/**
 * The rules that must run before the contact and address ones: labels to leave alone, the
 * secret fields (one-time codes, cards, passwords) and dates. Secrets come first so a
 * "Card holder name" is card data before it is a name; birth dates come before card expiry
 * so "Date of birth (DD/MM/YYYY)" is not read as a card's "MM/YY".
 */
import type { FieldToken } from '../types';
import { both, words } from './text';

/** One heuristic: a token, and the words that say it. */
export interface Rule {
  token: FieldToken;
  test: RegExp;
  /**
   * A weak match the structural passes may refine: a bare "Name" (given or family name next
   * to the other one), a bare "Password" (new or current, by the form around it).
   */
  generic?: true;
}

const PASSWORD = 'password|passwort|kennwort|mot de passe|contrasena|clave|passcode|pass ?phrase|pwd|passwd|pass';
const EXPIRY = 'exp|expiry|expires|expiration|expiration date|ablauf\\w*|gultig|valid|vencimiento|caducidad|cc|card';
const BIRTH = 'birth|dob|bday|birthday|geburt\\w*|naissance|nacimiento';

/** Labels that name a thing no profile holds: stop before a broader rule claims them. */
const BLOCK = [
  'fax|telefax',
  'coupon|promo|promo ?code|promotion(?:al)? code|voucher|discount|gift ?card|gutschein|rabatt|code promo|cupon|codigo promocional',
  'place of birth|birth ?place|country of birth|geburtsort|lieu de naissance|lugar de nacimiento',
  'nationality|citizenship|staatsangehorigkeit|nationalite|nacionalidad',
  'marital|estado civil|familienstand|gender|sex|geschlecht|genre|sexo',
  'salutation|anrede|civilite|tratamiento|honorific',
  'captcha|search|suche|recherche|buscar|quantity|qty|menge',
].join('|');

/** Blocks, secrets and dates, strongest first. */
export const EARLY_RULES: readonly Rule[] = [
  { token: 'unknown', test: words(BLOCK) },
  // A street number alone has no token; "Straße und Hausnummer" is still an address line.
  { token: 'unknown', test: /^(?:house ?number|hausnummer|hausnr|nr|no|numero|numero de rue|numero de casa)$/ },
  {
    token: 'one-time-code',
    test: words(
      'one ?time ?(?:pass)?code|one ?time ?(?:password|pin)|otp|totp|2fa|mfa|two factor(?: code)?|verification ?code',
      'verify code|sms code|auth(?:entication|enticator)? code|bestatigungscode|verifizierungscode|einmal ?(?:code|passwort|kennwort)',
      'code de (?:verification|confirmation)|code a usage unique|codigo de (?:verificacion|confirmacion)|codigo otp',
      'codigo de un solo uso|clave de un solo uso',
    ),
  },
  {
    token: 'cc-csc',
    test: words(
      'cvc2?|cvv2?|csc|cvn|cid|card ?code|security ?code|card verification(?: code| value| number)?|sicherheitscode',
      'prufnummer|kartenprufnummer|prufziffer|cryptogramme(?: visuel)?|code (?:de )?securite|codigo de seguridad|cod seguridad',
    ),
  },
  {
    token: 'cc-number',
    test: words(
      '(?:credit |debit )?card ?(?:number|no|num|nr)|cardnumber|ccnum|cc ?(?:number|num|no)|credit ?card|kartennummer',
      'kreditkartennummer|kartennr|numero de (?:la )?carte(?: bancaire| de credit)?|n de carte|numero de (?:la )?tarjeta',
      'tarjeta de credito',
    ),
  },
  {
    token: 'cc-name',
    test: words(
      'name on (?:the )?card|card ?holder(?: name)?|cardholder|holder name|karteninhaber|name des karteninhabers|inhaber',
      'titulaire(?: de la carte)?|nom du titulaire|nom sur la carte|titular(?: de la tarjeta)?|nombre del titular',
      'nombre en la tarjeta|cc ?name|card ?name|ccname',
    ),
  },
  { token: 'bday-day', test: both(BIRTH, 'day|tag|jour|dia|dd') },
  { token: 'bday-month', test: both(BIRTH, 'month|monat|mois|mes|mm') },
  { token: 'bday-year', test: both(BIRTH, 'year|jahr|annee|ano|yyyy|yy') },
  {
    token: 'bday',
    test: words(
      'birth ?date|birthdate|birthday|date of birth|dob|d o b|geburtsdatum|geburtstag|date de naissance|naissance',
      'fecha de nacimiento|nacimiento|cumpleanos|bday|born',
    ),
  },
  // A card's "MM / YY" is one field; a birth date's "DD / MM / YYYY" is not a card's.
  { token: 'cc-exp', test: /(?<!(?:dd|tt|jj) )\bmm (?:yy|yyyy|jj|aa)\b/ },
  { token: 'cc-exp-month', test: both(EXPIRY, 'month|mm|monat|mois|mes|expmonth') },
  { token: 'cc-exp-year', test: both(EXPIRY, 'year|yy|yyyy|jahr|annee|ano|expyear') },
  {
    token: 'cc-exp',
    test: words(
      'exp|expiry|expires|expiration(?: date)?|expiry date|exp date|ablaufdatum|gultig bis|valid (?:thru|through|until)',
      'date d expiration|date de validite|fecha de (?:vencimiento|caducidad)|vencimiento|caducidad',
    ),
  },
  {
    token: 'cc-type',
    test: words('card ?type|card ?brand|kartentyp|kartenart|type de carte|tipo de tarjeta|cc ?type'),
  },
  {
    token: 'new-password',
    test: both(
      PASSWORD,
      'new|neu(?:es)?|nouveau|nueva|confirm\\w*|repeat|retype|re ?enter|again|verify|create|choose|bestatig\\w*|wiederhol\\w*|repetez|repetir|repite|crear|erstellen',
    ),
  },
  {
    token: 'current-password',
    test: both(
      PASSWORD,
      'current|old|existing|aktuell\\w*|bisherig\\w*|alt(?:es)?|actuel(?:le)?|ancien|actual|anterior',
    ),
  },
  { token: 'current-password', test: words(PASSWORD), generic: true },
];

/** Words naming a date part, for fields whose label is only "Day", "Monat" or "Año". */
export const DATE_PART = {
  day: words('day|dd|tag|tt|jour|jj|dia'),
  month: words('month|mm|monat|mois|mes'),
  year: words('year|yy|yyyy|jahr|jjjj|annee|aaaa|ano'),
} as const;

/** Context that makes day/month/year parts a birth date. */
export const BIRTH_CONTEXT = words(BIRTH, 'date of birth|geburtsdatum|date de naissance|fecha de nacimiento|born');

/** Context that makes month/year parts a card's expiry. */
export const EXPIRY_CONTEXT = words(
  'exp|expiry|expires|expiration(?: date)?|ablauf\\w*|gultig bis|valid (?:thru|through|until)|date d expiration',
  'vencimiento|caducidad|card|karte|carte|tarjeta',
);

/** Words on a form's buttons or headings that say it creates an account (so its password is a new one). */
export const SIGN_UP = words(
  'sign ?up|register|registration|create (?:an |your )?account|join|get started|registrieren|registrierung',
  'konto erstellen|konto anlegen|s inscrire|inscription|creer (?:un |mon )?compte|registrarse|registro|crear (?:una |tu )?cuenta',
);
