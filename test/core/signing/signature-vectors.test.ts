import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { vectors, keyRef } from '../../support/signature-vectors';
import { signRequest } from '../../../src-main/core/signing/sign-request';
import { verifySignature } from '../../../src-main/core/signing/verify-signature';
import { contentToSignBytes } from '../../../src-main/core/signing/content-to-sign';
import { parsePrivateKey, parsePublicKey } from '../../../src-main/core/keys/parse-keys';

describe('request signing reproduces the official SDK vectors byte for byte', () => {
  for (const c of vectors.requestSigningCases) {
    it(c.id, () => {
      const key = parsePrivateKey(keyRef(c.inputs.privateKey));
      const parts = { method: c.inputs.httpMethod, path: c.inputs.path, clientId: c.inputs.clientId, time: c.inputs.requestTime, body: c.inputs.body };
      const bytes = contentToSignBytes(parts);
      expect(bytes.toString('base64')).toBe(c.contentToSignUtf8Base64);
      expect(bytes.length).toBe(c.contentToSignUtf8ByteLength);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(c.contentToSignSha256Hex);
      const signed = signRequest(parts, key.keyObject, c.inputs.keyVersion);
      expect(signed.contentToSign).toBe(c.contentToSign);
      expect(signed.signatureBase64).toBe(c.signatureBase64);
      expect(signed.signature).toBe(c.signatureUrlEncoded);
      expect(signed.signatureHeader).toBe(c.signatureHeaderValue);
    });
  }

  it('signs identically from PKCS#8 base64, PKCS#8 PEM and PKCS#1 PEM', () => {
    const c = vectors.requestSigningCases[0];
    const parts = { path: c.inputs.path, clientId: c.inputs.clientId, time: c.inputs.requestTime, body: c.inputs.body };
    for (const form of ['privateKeyPkcs8Base64', 'privateKeyPkcs8Pem', 'privateKeyPkcs1Pem']) {
      const key = parsePrivateKey(vectors.keys.merchant[form]);
      expect(signRequest(parts, key.keyObject).signatureBase64).toBe(c.signatureBase64);
    }
  });
});

describe('client round trip vector', () => {
  for (const c of vectors.clientRoundTripCases) {
    it(`${c.id}: request signature and response verification`, () => {
      const key = parsePrivateKey(keyRef(c.clientConstructedWith.merchantPrivateKey));
      const path = new URL(c.request.url).pathname;
      const signed = signRequest({ path, clientId: c.clientConstructedWith.clientId, time: c.requestTimePinnedTo, body: c.request.body }, key.keyObject);
      expect(signed.contentToSign).toBe(c.request.contentToSign);
      expect(signed.signature).toBe(c.request.signatureUrlEncoded);
      const antom = parsePublicKey(keyRef(c.clientConstructedWith.alipayPublicKey));
      const rsp = c.simulatedAntomResponse;
      const result = verifySignature({ path, clientId: rsp.headers['client-id'], time: rsp.headers['response-time'], body: Buffer.from(rsp.body, 'utf8') }, rsp.headers.signature, antom.keyObject);
      expect(result.contentToSign).toBe(rsp.contentThatAntomSigned);
      expect(result.valid).toBe(true);
    });
  }
});

describe('response verification vectors', () => {
  for (const c of vectors.responseVerificationCases) {
    it(c.id, () => {
      const pub = parsePublicKey(keyRef(c.inputs.publicKey));
      const parts = { method: c.inputs.httpMethod, path: c.inputs.path, clientId: c.inputs.clientId, time: c.inputs.responseTime, body: c.inputs.body };
      const result = verifySignature(parts, c.inputs.signatureHeaderValue, pub.keyObject);
      expect(result.contentToSign).toBe(c.contentToSign);
      expect(result.valid).toBe(c.sdkVerifyResult.result);
      // tolerant parsing: the docs' ", " form and lower-case escapes (the .NET SDK's output)
      const docsForm = c.inputs.signatureHeaderValue.replace(/,/g, ', ');
      expect(verifySignature(parts, docsForm, pub.keyObject).valid).toBe(true);
      const lower = c.inputs.signatureHeaderValue.replace(/%[0-9A-F]{2}/g, (m: string) => m.toLowerCase());
      expect(verifySignature(parts, lower, pub.keyObject).valid).toBe(true);
      // a bare URL-encoded value is accepted too
      expect(verifySignature(parts, c.signatureUrlEncoded, pub.keyObject).valid).toBe(true);
    });
  }
});

describe('negative vectors are rejected as the SDK rejects them', () => {
  for (const c of vectors.negativeCases) {
    it(c.id, () => {
      if (c.inputs.fromCase) {
        const base = vectors.requestSigningCases.find((r: { id: string }) => r.id === c.inputs.fromCase);
        const pub = parsePublicKey(keyRef(c.inputs.publicKey));
        const parts = { path: base.inputs.path, clientId: base.inputs.clientId, time: base.inputs.requestTime, body: base.inputs.body };
        const raw = verifySignature(parts, c.inputs.signaturePassed, pub.keyObject);
        expect(raw.valid).toBe(c.expected);
        if (!raw.valid) expect(raw.reason).toMatch(/not URL-encoded/);
        expect(verifySignature(parts, base.signatureUrlEncoded, pub.keyObject).valid).toBe(c.sdkVerifyResultUrlEncoded.result);
      } else {
        const pub = parsePublicKey(keyRef(c.inputs.publicKey));
        const parts = { method: c.inputs.httpMethod, path: c.inputs.path, clientId: c.inputs.clientId, time: c.inputs.responseTime, body: c.inputs.body };
        const result = verifySignature(parts, c.inputs.signatureUrlEncoded, pub.keyObject);
        expect(result.valid).toBe(c.expected);
      }
    });
  }
});
