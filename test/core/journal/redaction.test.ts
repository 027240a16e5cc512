import { describe, expect, it } from 'vitest';
import { redactJsonText, redactPlainText } from '../../../src-main/core/redaction/redact-json';
import { assertNoKeyMaterial, containsKeyMaterial, scrubKeyMaterial } from '../../../src-main/core/redaction/key-material-guard';
import { vectors } from '../../support/signature-vectors';

const session = {
  productCode: 'CASHIER_PAYMENT',
  paymentRequestId: 'PR-1001',
  order: {
    referenceOrderId: 'ORD-77',
    orderAmount: { currency: 'USD', value: '1250' },
    buyer: {
      referenceBuyerId: 'B-9',
      buyerName: { firstName: 'John', lastName: 'Doe', fullName: 'John Doe' },
      buyerEmail: 'john.doe@example.com',
      buyerPhoneNo: '+1 415 555 0100',
    },
    shipping: {
      shippingName: { firstName: 'Jane', lastName: 'Roe' },
      shippingAddress: { region: 'US', state: 'CA', city: 'San Francisco', address1: '1 Market St', address2: 'Apt 5', zipCode: '94105' },
      shippingPhoneNo: '4155550199',
      email: 'jane@shop.example',
    },
  },
  paymentMethod: {
    paymentMethodType: 'CARD',
    paymentMethodMetaData: {
      cardNo: '4111111111111111', cvv: '123', expiryYear: '29', expiryMonth: '12', cardholderName: 'JOHN DOE',
      billingAddress: { region: 'US', address1: '9 Elm Rd', city: 'Austin', zipCode: '73301' }, last4: '1111', brand: 'VISA', bin6: '411111',
    },
  },
  env: { terminalType: 'WEB', clientIp: '203.0.113.77' },
  paymentAmount: { currency: 'USD', value: '1250' },
};

describe('redaction of personal and card data', () => {
  const text = JSON.stringify(session, null, 3);
  const out = redactJsonText(text);
  const red = JSON.parse(out.text) as typeof session;

  it('masks every name, e-mail, phone, address and card field', () => {
    expect(out.changed).toBe(true);
    const buyer = red.order.buyer;
    expect(buyer.buyerName).toEqual({ firstName: 'J***', lastName: 'D**', fullName: 'J*** D**' });
    expect(buyer.buyerEmail).toBe('***@example.com');
    expect(buyer.buyerPhoneNo).toBe('*********00');
    expect(red.order.shipping.shippingName).toEqual({ firstName: 'J***', lastName: 'R**' });
    expect(red.order.shipping.shippingAddress).toEqual({ region: 'US', state: '***', city: '***', address1: '***', address2: '***', zipCode: '***' });
    expect(red.order.shipping.shippingPhoneNo).toBe('********99');
    expect(red.order.shipping.email).toBe('***@shop.example');
    const card = red.paymentMethod.paymentMethodMetaData;
    expect(card.cardNo).toBe('****1111');
    expect(card.cvv).toBe('***');
    expect(card.expiryYear).toBe('***');
    expect(card.expiryMonth).toBe('***');
    expect(card.cardholderName).toBe('J*** D**');
    expect(card.billingAddress).toEqual({ region: 'US', address1: '***', city: '***', zipCode: '***' });
    expect(red.env.clientIp).toBe('203.0.113.*');
  });

  it('keeps what support needs: IDs, amounts, last4, brand, bin6, region', () => {
    expect(red.paymentRequestId).toBe('PR-1001');
    expect(red.order.referenceOrderId).toBe('ORD-77');
    expect(red.paymentAmount).toEqual({ currency: 'USD', value: '1250' });
    expect(red.paymentMethod.paymentMethodMetaData.last4).toBe('1111');
    expect(red.paymentMethod.paymentMethodMetaData.brand).toBe('VISA');
    expect(red.paymentMethod.paymentMethodMetaData.bin6).toBe('411111');
    expect(out.text).not.toMatch(/John|Doe|Jane|Roe|john\.doe|415 555|Market|94105|4111111111111111|Austin|203\.0\.113\.77/);
  });

  it('keeps every other byte (indentation, key order) and is idempotent', () => {
    expect(out.text.split('\n').length).toBe(text.split('\n').length);
    expect(out.text.startsWith('{\n   "productCode": "CASHIER_PAYMENT",')).toBe(true);
    expect(redactJsonText(out.text)).toEqual({ text: out.text, changed: false });
  });

  it('returns a body without personal data byte for byte', () => {
    const notify = '{"notifyType":"PAYMENT_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"paymentRequestId":"PR-1","paymentId":"P-1","paymentAmount":{"value":"8000","currency":"EUR"},"note":"caf\\u00e9 \u00e9"}';
    expect(redactJsonText(notify)).toEqual({ text: notify, changed: false });
  });

  it('masks card numbers and phones sent as JSON numbers', () => {
    expect(JSON.parse(redactJsonText('{"cardNumber": 4111111111111111, "phone": 5551234}').text)).toEqual({ cardNumber: '****1111', phone: '*****34' });
  });

  it('masks e-mails and card-like digit runs in bodies that are not JSON', () => {
    expect(redactPlainText('buyer=john@example.com&card=4111 1111 1111 1111&id=2024').text).toBe('buyer=***@example.com&card=****1111&id=2024');
  });
});

describe('key material never reaches the journal', () => {
  const keys = vectors.keys as Record<string, Record<string, string>>;
  const materials = Object.values(keys)
    .filter((k): k is Record<string, string> => typeof k === 'object')
    .flatMap((k) => [k.privateKeyPkcs8Base64!, k.privateKeyPkcs8Pem!, k.privateKeyPkcs1Pem!, k.publicKeyX509Base64!, k.publicKeyPem!]);

  it('finds every fixture key, raw and inside JSON, and scrubs it', () => {
    expect(materials).toHaveLength(10);
    for (const key of materials) {
      const body = JSON.stringify({ note: 'pasted by mistake', privateKey: key });
      expect(containsKeyMaterial(body)).toBe(true);
      const scrubbed = scrubKeyMaterial(body);
      expect(scrubbed.changed).toBe(true);
      expect(containsKeyMaterial(scrubbed.text)).toBe(false);
      expect(scrubbed.text).not.toContain(key.replace(/-----[A-Z ]+-----\n?/g, '').slice(0, 40));
      expect(() => assertNoKeyMaterial(body, 'the request body')).toThrowError(expect.objectContaining({ code: 'JOURNAL_KEY_MATERIAL' }));
      expect(redactJsonText(body).text).toContain('[key material removed]');
    }
  });

  it('leaves signatures and ordinary base64 alone', () => {
    const sig = 'algorithm=RSA256,keyVersion=1,signature=' + encodeURIComponent(Buffer.alloc(256, 7).toString('base64'));
    expect(containsKeyMaterial(sig)).toBe(false);
  });
});
