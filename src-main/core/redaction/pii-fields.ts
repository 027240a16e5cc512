/**
 * Which JSON keys hold buyer personal data or card data in Antom bodies (order.buyer, shipping,
 * billing, paymentMethod.paymentMethodMetaData, env), and how each is masked. Matching is by key
 * name, case-insensitive, wherever the key appears: Antom nests the same objects in many places.
 *
 * Kept deliberately: last4, bin6 / issuingBin, brand, cardBrand, funding, region / country codes,
 * and every ID. They are what support needs and identify no person.
 */
import type { MaskKind } from './mask-values';

const FIELD_KINDS: Record<string, MaskKind> = {};

function add(kind: MaskKind, keys: string[]): void {
  for (const key of keys) FIELD_KINDS[key.toLowerCase()] = kind;
}

add('name', [
  'buyerName', 'shippingName', 'billingName', 'firstName', 'middleName', 'lastName', 'fullName',
  'cardholderName', 'cardHolderName', 'holderName', 'accountHolderName', 'payerName', 'recipientName',
]);
add('email', ['buyerEmail', 'email', 'emailAddress', 'shippingEmail', 'billingEmail', 'userEmail', 'payerEmail']);
add('phone', ['buyerPhoneNo', 'phone', 'phoneNo', 'phoneNumber', 'mobile', 'mobileNo', 'mobilePhone', 'shippingPhoneNo', 'billingPhoneNo', 'telephone']);
add('address', [
  'address1', 'address2', 'address3', 'addressLine1', 'addressLine2', 'street', 'streetName', 'houseNumber',
  'zipCode', 'postCode', 'postalCode', 'city', 'state', 'district', 'county', 'province',
]);
add('card-number', ['cardNo', 'cardNumber', 'pan', 'accountNumber']);
add('secret', ['cvv', 'cvv2', 'cvc', 'cvn', 'cardVerificationCode', 'expiryYear', 'expiryMonth', 'expiryDate', 'expirationDate', 'pin', 'password']);
add('ip', ['clientIp', 'ip', 'ipAddress', 'buyerIp', 'terminalIp']);

/** The mask for a key, or undefined when the key is not personal data. */
export function maskKindForKey(key: string): MaskKind | undefined {
  const direct = FIELD_KINDS[key.toLowerCase()];
  if (direct) return direct;
  // Variants such as "buyerPhone" or "contactPhoneNumber" that the list cannot foresee.
  if (/phone/i.test(key)) return 'phone';
  if (/e-?mail/i.test(key)) return 'email';
  return undefined;
}

const PII_FIELD_NAMES: readonly string[] = Object.keys(FIELD_KINDS);

/**
 * A quick pre-check: could this JSON text hold any personal key at all? Most Antom bodies
 * (notifications especially) do not, and skipping the token walk for them is what keeps the
 * receiver's write path fast. A false positive only costs the full walk.
 */
const ANY_PII_KEY = new RegExp(`"(?:${PII_FIELD_NAMES.join('|')}|[^"]*phone[^"]*|[^"]*e-?mail[^"]*)"\\s*:`, 'i');

export function mayContainPiiKey(jsonText: string): boolean {
  return ANY_PII_KEY.test(jsonText);
}
