/**
 * Client SDK event codes (API-FACTS e and the five seed pages in ../shared/antom/docs): what the
 * Web / Android / iOS checkout components report through onEventCallback / onError. They are for
 * display only: the server-side result (notifyPayment / inquiryPayment) decides the order state,
 * and the next actions say so.
 *
 * Groups follow the seed pages' tables (they win over API-FACTS where they differ): the seeds
 * list SDK_CALL_URL_ERROR with the error codes and SDK_PAYMENT_CANCEL with the payment results.
 * test/shared/knowledge/seed-code-tables.test.ts reads the seeds' tables and checks both.
 */
import type { CodeEntry, PageStatement } from './knowledge-types';

/** Seed page tags, as in ../shared/antom/docs/README.md. */
const SEED_000 = 'seed 000 (APM payments iOS)';
const SEED_001 = 'seed 001 (iOS SDK reference)';
const SEED_002 = 'seed 002 (APM payments Web/Android)';
const SEED_003 = 'seed 003 (Card payments Web/WAP)';
const SEED_004 = 'seed 004 (iOS SDK reference, Chinese)';

/** The createComponent / constructor swap between the seeds, stated once for both codes. */
const PARAMETER_ERROR_PAGES: readonly PageStatement[] = [
  { page: `${SEED_000}, Event codes table`, says: 'SDK_CREATEPAYMENT_PARAMETER_ERROR: the parameters passed into the createComponent method are incorrect. SDK_INIT_PARAMETER_ERROR is not listed.' },
  { page: `${SEED_001}, Event codes list`, says: 'SDK_CREATEPAYMENT_PARAMETER_ERROR: the parameters passed into the createComponent method are incorrect. SDK_INIT_PARAMETER_ERROR is not listed.' },
  { page: `${SEED_003}, Event codes table`, says: 'SDK_CREATEPAYMENT_PARAMETER_ERROR: the parameters passed into the AMSCashierPayment method are incorrect; SDK_INIT_PARAMETER_ERROR: the parameters passed into the createComponent method are incorrect (swapped). The same page\'s FAQ still answers SDK_CREATEPAYMENT_PARAMETER_ERROR with "check that the sessionData passed in is correct and complete", i.e. createComponent.' },
  { page: `${SEED_004}, 事件代码 list`, says: 'SDK_CREATEPAYMENT_PARAMETER_ERROR: 调用 AMSCashierPayment 方法时传递的参数错误 (the parameters passed when calling AMSCashierPayment are wrong; swapped like seed 003). SDK_INIT_PARAMETER_ERROR is not listed.' },
  { page: 'API-FACTS e (current client SDK reference D-SDKREF, web SDK @alipay/ams-checkout 1.47.2 source)', says: 'SDK_CREATEPAYMENT_PARAMETER_ERROR: bad arguments to createComponent / mountComponent (e.g. incomplete sessionData); SDK_INIT_PARAMETER_ERROR: bad arguments to the AMSCashierPayment / AMSCheckoutPage constructor. The console follows this.' },
];

const PARAMETER_ERROR_NOTE =
  'Seeds 003 (Card Web/WAP table) and 004 (Chinese iOS reference) swap SDK_CREATEPAYMENT_PARAMETER_ERROR and SDK_INIT_PARAMETER_ERROR: they tie CREATEPAYMENT to the AMSCashierPayment constructor (and seed 003 ties INIT to createComponent), while seeds 000 and 001 and the current SDK reference tie CREATEPAYMENT to createComponent (the sessionData). The console follows the SDK reference; the web SDK answers bad sessionData with SDK_CREATEPAYMENT_PARAMETER_ERROR.';

type Group = NonNullable<CodeEntry['sdkGroup']>;
const ALL = ['web', 'android', 'ios'] as const;

const sdk = (
  sdkGroup: Group,
  code: string,
  meaning: string,
  nextAction: string,
  retry: CodeEntry['retry'],
  extra: Partial<CodeEntry> = {},
): CodeEntry => ({
  code,
  kind: 'sdk-event',
  field: 'eventCode',
  apis: ['client-sdk'],
  resultStatus: undefined,
  meaning,
  nextAction,
  retry,
  sources: sdkGroup === 'web-only' ? ['API-FACTS e', 'S-WEB'] : ['API-FACTS e', 'D-SDKREF'],
  platforms: sdkGroup === 'web-only' ? ['web'] : ALL,
  sdkGroup,
  ...extra,
});

export const SDK_EVENT_CODES: readonly CodeEntry[] = [
  // status
  sdk('status', 'SDK_START_OF_LOADING', 'The component started loading (its loading animation begins).', 'Show your own loader if showLoading=false.', 'none'),
  sdk('status', 'SDK_END_OF_LOADING', 'The component finished loading.', 'Hide your own loader.', 'none'),
  sdk('status', 'SDK_CALL_URL_SUCCESS', 'The redirect or app launch succeeded.', 'Nothing to do.', 'none'),
  sdk('status', 'SDK_DUPLICATE_SUBMISSION_BEHAVIOR', 'The buyer submitted the form twice.', 'Show a "do not click twice" hint; the SDK ignores the second submit.', 'none'),
  sdk('status', 'SDK_FORM_VERIFICATION_FAILED', 'Form validation failed after submit; the SDK shows the field errors.', 'Let the buyer correct the fields and submit again.', 'none'),
  sdk('status', 'SDK_PAYMENT_AUTHORIZATION_SUCCESSFUL', 'The payment flow (authorisation) is done on the client.', 'With "no redirect after completion", keep listening for result codes; otherwise go to your result page. Confirm on the server.', 'wait-for-notification'),
  sdk('status', 'SDK_PAYMENT_CHALLENGE', 'A 3DS challenge was triggered.', 'Nothing; the SDK redirects the buyer.', 'none'),
  // errors
  sdk('error', 'SDK_INTERNAL_ERROR', 'Internal SDK error (web: origin not whitelisted, non-JSON message, postMessage unsupported, iframe creation failed).', 'Check the page origin is whitelisted, then contact Antom support with the SDK version.', 'do-not-retry'),
  sdk('error', 'SDK_CREATEPAYMENT_PARAMETER_ERROR', 'Bad arguments to createComponent / mountComponent (e.g. incomplete sessionData).', 'Pass the complete paymentSessionData from createPaymentSession and initialise the component again. Paste it into Troubleshoot > "Decode paymentSessionData" to see which part the SDK rejects.', 'fix-request', {
    note: PARAMETER_ERROR_NOTE,
    pagesDisagree: PARAMETER_ERROR_PAGES,
    sources: ['API-FACTS e', 'D-SDKREF', SEED_000, SEED_001, SEED_003, SEED_004],
  }),
  sdk('error', 'SDK_INIT_PARAMETER_ERROR', 'Bad arguments to the AMSCashierPayment / AMSCheckoutPage constructor (web: UI mode, environment, mode, locale, net mode, or a callback that is not a function).', 'Fix the constructor options (environment must match the session: sandbox vs production) and create the instance again.', 'fix-request', {
    note: PARAMETER_ERROR_NOTE,
    pagesDisagree: PARAMETER_ERROR_PAGES,
    sources: ['API-FACTS e', 'D-SDKREF', SEED_003],
  }),
  sdk('error', 'SDK_CALL_URL_ERROR', 'A redirect or app launch failed: the redirect to the merchant page, the payment method app or the 3DS page failed, or paymentRedirectUrl in createPaymentSession is missing or wrong.', 'Check paymentRedirectUrl in createPaymentSession; if it is right, contact Antom Technical Support (the seeds\' advice), with the SDK version.', 'fix-request', {
    note: 'The seed pages list this with the error codes (seeds 000, 001, 003 and 004), not with the status codes. Deprecated in web SDK 1.47 in favour of SDK_LAUNCH_PAYMENT_APP_ERROR.',
    pagesDisagree: [
      { page: `${SEED_000} and ${SEED_001}`, says: 'The redirection to the merchant page failed, or paymentRedirectUrl in the createPaymentSession request is not passed or passed incorrectly. Contact Antom Technical Support.' },
      { page: `${SEED_003} and ${SEED_004}`, says: 'The payment method client "failed to be revoked" (as printed; 004: 支付方式客户端撤销失败), most likely meaning the payment method app could not be invoked. Contact Antom Technical Support.' },
    ],
    sources: ['API-FACTS e', 'D-SDKREF', SEED_000, SEED_001, SEED_003, SEED_004],
  }),
  sdk('error', 'SDK_CREATECOMPONENT_ERROR', 'The component failed to initialise (web: only one component at a time, resource load timeout, network error).', 'Make sure only one component is mounted and the network is up; contact Antom support if it persists.', 'do-not-retry'),
  sdk('error', 'SDK_SUBMIT_NETWORK_ERROR', 'A network error on submit.', 'Let the buyer submit again.', 'none'),
  sdk('error', 'SDK_INTEGRATION_ERROR', 'Android/iOS dependencies are missing.', 'Add the missing SDK dependencies to the app build.', 'fix-request', { platforms: ['android', 'ios'] }),
  sdk('error', 'SDK_LAUNCH_PAYMENT_APP_ERROR', 'Launching the wallet app or web app failed (launch failed, load timeout, container missing, component not created).', 'Check the redirect / app configuration and that the component was created.', 'fix-request', { platforms: ['web'], sources: ['API-FACTS e', 'S-WEB'] }),
  // payment results
  sdk('payment-result', 'SDK_PAYMENT_CANCEL', 'The buyer left the payment page without submitting the order.', 'Open the component again with the same paymentSessionData while it is valid (seed 000: an unpaid order usually closes after 14 minutes; the embedded sandbox does the same); otherwise create a new session.', 'none', {
    note: 'The seed pages list it with the payment results returned by onEventCallback (seeds 000, 002 and 003); the SDK reference calls it a status code.',
    pagesDisagree: [
      { page: SEED_000, says: 'an unpaid order is usually closed after 14 minutes (the session expiry the sandbox models)' },
      { page: 'API-FACTS c.1 / f.4 (API reference, 2024)', says: 'paymentSessionExpiryTime defaults to 1 hour after the session is created' },
    ],
    sources: ['API-FACTS e', 'D-SDKREF', SEED_000, SEED_002, SEED_003],
  }),
  sdk('payment-result', 'SDK_PAYMENT_SUCCESSFUL', 'The client reports the buyer paid.', 'Show the result page, but confirm with notifyPayment or inquiryPayment before fulfilling.', 'wait-for-notification'),
  sdk('payment-result', 'SDK_PAYMENT_FAIL', 'The client reports the payment failed.', 'Read paymentResultCode for the reason and guide the buyer to try again.', 'none'),
  sdk('payment-result', 'SDK_PAYMENT_PROCESSING', 'The payment is processing.', 'On the server, inquire or wait for notifyPayment; ask the buyer whether they paid and offer a retry.', 'inquire'),
  sdk('payment-result', 'SDK_PAYMENT_ERROR', 'The payment status is abnormal.', 'On the server, inquire or wait for notifyPayment. Check the network and that the session was created in the same environment (sandbox/production) as the SDK.', 'inquire'),
  sdk('payment-result', 'SDK_PAYMENT_RETRY', 'The payment failed but retry is enabled.', 'Let the buyer edit the details and pay again in the same component.', 'none'),
  sdk('payment-result', 'SDK_PAYMENT_PENDING', 'Paid; the final result is pending (APO docs).', 'Wait for notifyPayment.', 'wait-for-notification'),
  // web npm eventCodeEnum, barely documented
  sdk('web-only', 'SDK_PAYMENT_WARN', 'A warning during a PayPal-style flow (undocumented).', 'Log it with the result data; check the buyer flow if it repeats.', 'none'),
  sdk('web-only', 'SDK_PAYMENT_SHIPPINGCHANGE', 'The buyer changed the shipping address in a PayPal-style flow (undocumented).', 'Recalculate shipping if your flow supports it.', 'none'),
  sdk('web-only', 'SDK_PAYMENT_APPROVE', 'The buyer approved a PayPal-style payment (undocumented).', 'Continue the flow; confirm the result on the server.', 'wait-for-notification'),
  sdk('web-only', 'SDK_REDIRECT', 'A redirect is needed (EasySafePay in a native webview; undocumented).', 'Follow the redirect in the webview.', 'none'),
  sdk('web-only', 'SDK_PAYMENT_CLICK_BACK_TO_MERCHANT', 'The buyer clicked "back to merchant" in the embedded Checkout Page (undocumented).', 'Take the buyer back to your page; confirm the payment on the server.', 'inquire'),
];
