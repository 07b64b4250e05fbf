/**
 * Label and name patterns, in English first, then German, French and Spanish. They match
 * normalized text (see `normalize`: lower case, no accents, ß as "ss", words split by single
 * spaces). The order is the priority: the first rule whose pattern matches the label or the
 * name/id words wins, so specific rules come before general ones ("Company address" is an
 * address, "Company name" an organization, "Name on card" a card field, never a name).
 */
import { EARLY_RULES, type Rule } from './patterns-early';
import { both, words } from './text';

/** The heuristics, strongest first. */
export const RULES: readonly Rule[] = [
  ...EARLY_RULES,
  {
    token: 'username',
    test: both('user ?name|username|login|benutzer\\w*|identifiant|usuario', 'e ?mail|email|courriel|correo'),
  },
  {
    token: 'email',
    test: words(
      'e ?mail(?: address)?|email|mail|courriel|mel|correo(?: electronico)?|adresse (?:e ?)?mail|adresse electronique',
    ),
  },
  {
    token: 'username',
    test: words(
      'user ?name|username|user ?id|userid|login(?: name| id)?|benutzer ?name|benutzername|anmeldename|nom d utilisateur',
      'identifiant|nombre de usuario|usuario|screen ?name|handle',
    ),
  },
  { token: 'tel-extension', test: words('ext|extension|durchwahl|nebenstelle|anexo') },
  {
    token: 'tel-country-code',
    test: words(
      'country ?code|dial(?:l)?ing ?code|calling ?code|dial ?code|country ?prefix|international ?(?:code|prefix)',
      'landervorwahl|laendervorwahl|internationale vorwahl|landesvorwahl|indicatif(?: du pays| pays| international)?',
      'prefijo(?: internacional| de pais| telefonico)?|codigo (?:de )?pais|codigo internacional|phone ?country|tel ?country',
    ),
  },
  {
    token: 'tel-area-code',
    test: words(
      'area ?code|areacode|vorwahl|ortsvorwahl|indicatif regional|codigo de area|prefijo de area|phone ?area|npa',
    ),
  },
  {
    token: 'tel',
    test: words(
      'phone|telephone|tel|telefon\\w*|mobile?|mobil\\w*|cell(?:ular)?|handy|rufnummer|portable|telefono|movil|celular',
      'whatsapp|contact number|phone ?number|phone ?no|landline|festnetz\\w*|fixe|fijo',
    ),
  },
  {
    token: 'url',
    test: words(
      'url|website|web ?site|homepage|home ?page|web ?address|portfolio|linkedin|github|blog|webseite|internetseite',
      'site web|site internet|sitio web|pagina web|personal site',
    ),
  },
  {
    token: 'address-line2',
    test: words(
      'address ?(?:line ?)?2|addr ?2|line ?2|street ?2|apartment|apt|suite|unit|flat|floor|building|adresszusatz',
      'adresserganzung|zusatz|appartement|complement(?: d adresse)?|batiment|etage|escalier|piso|puerta|apartamento|depto',
      'bloque|c o|care of',
    ),
  },
  { token: 'address-line3', test: words('address ?(?:line ?)?3|addr ?3|line ?3|street ?3') },
  {
    token: 'postal-code',
    test: words(
      'zip(?: ?code)?|zipcode|postal ?code|postcode|post ?code|postleitzahl|plz|code postal|cp|codigo postal|cod postal',
      'pin ?code|postal(?! address| adresse)',
    ),
  },
  {
    token: 'address-level2',
    test: words(
      'city|town|ort|stadt|wohnort|ortschaft|gemeinde|ville|commune|localite|ciudad|localidad|poblacion|municipio',
      'suburb|locality',
    ),
  },
  { token: 'country', test: words('country|land|staat|pays|pais|nation') },
  {
    token: 'address-level1',
    test: words(
      'state|province|provinz|region|county|bundesland|kanton|canton|departement|provincia|estado|comunidad autonoma',
      'prefecture|territory',
    ),
  },
  {
    token: 'address-line1',
    test: words(
      'address(?: line)?(?: ?1)?|addr(?: ?1)?|street(?: address)?|strasse|str|anschrift|adresse|rue|numero et rue|voie',
      'direccion|calle|domicilio|line ?1',
    ),
  },
  {
    token: 'organization-title',
    test: words(
      'job ?title|jobtitle|title at|position title|current (?:position|title|role|job)|your (?:job )?title',
      'professional title|occupation|designation|berufsbezeichnung|jobtitel|stellenbezeichnung|beruf|tatigkeit|funktion',
      'intitule du poste|poste occupe|fonction|profession|titre du poste|cargo|puesto(?: de trabajo)?|ocupacion|profesion',
    ),
  },
  // The organization itself, not one of its details ("Company size", "Company website").
  {
    token: 'organization',
    test: /(?:^| )(?:company|organi[sz]ation|employer|business|firma|unternehmen|arbeitgeber|societe|entreprise|employeur|empresa|organizacion|compania|org)(?: name)?$/,
  },
  {
    token: 'organization',
    test: words(
      'company name|organi[sz]ation name|business name|firmenname|name der firma|name des unternehmens|raison sociale',
      'nom de (?:l )?(?:entreprise|societe|organisation)|nombre de la empresa|razon social|orgname',
    ),
  },
  // Before given and family name: "Vor- und Nachname" and "Nombre y apellidos" are one full name.
  {
    token: 'name',
    test: words(
      'full ?name|fullname|your name|complete name|vor und nachname|vollstandiger name|nom complet|nom et prenom',
      'prenom et nom|nombre completo|nombre y apellidos?',
    ),
  },
  {
    token: 'additional-name',
    test: words(
      'middle ?name|middle ?initial|middlename|mname|mi|zweiter vorname|weitere vornamen|deuxieme prenom|segundo nombre',
    ),
  },
  {
    token: 'given-name',
    test: words(
      'first ?name|firstname|given ?name|forename|fname|vorname|rufname|prenom|nombre de pila|primer nombre|name first',
    ),
  },
  { token: 'given-name', test: /^first$/ },
  {
    token: 'family-name',
    test: words(
      'last ?name|lastname|surname|family ?name|lname|nachname|familienname|nom de famille|apellidos?|name last',
    ),
  },
  { token: 'family-name', test: /^last$/ },
  { token: 'name', test: words('name|namen|nom|nombre|recipient|destinataire|empfanger'), generic: true },
];
