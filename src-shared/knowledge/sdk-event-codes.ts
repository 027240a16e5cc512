/**
 * Client SDK event codes (API-FACTS e): what the Web / Android / iOS checkout components report
 * through onEventCallback / onError. They are for display only: the server-side result
 * (notifyPayment / inquiryPayment) decides the order state, and the next actions say so.
 */
import type { CodeEntry } from './knowledge-types';

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
  sdk('status', 'SDK_PAYMENT_CANCEL', 'The buyer left without submitting.', 'Open the component again with the same paymentSessionData while it is valid (1 h by default); otherwise create a new session.', 'none'),
  sdk('status', 'SDK_CALL_URL_ERROR', 'A redirect to the merchant page, the payment app or the 3DS page failed, or paymentRedirectUrl is missing or wrong.', 'Check paymentRedirectUrl in createPaymentSession; for apps, contact Antom support if it happens often.', 'fix-request', { note: 'Deprecated in web SDK 1.47 in favour of SDK_LAUNCH_PAYMENT_APP_ERROR.' }),
  sdk('status', 'SDK_CALL_URL_SUCCESS', 'The redirect or app launch succeeded.', 'Nothing to do.', 'none'),
  sdk('status', 'SDK_DUPLICATE_SUBMISSION_BEHAVIOR', 'The buyer submitted the form twice.', 'Show a "do not click twice" hint; the SDK ignores the second submit.', 'none'),
  sdk('status', 'SDK_FORM_VERIFICATION_FAILED', 'Form validation failed after submit; the SDK shows the field errors.', 'Let the buyer correct the fields and submit again.', 'none'),
  sdk('status', 'SDK_PAYMENT_AUTHORIZATION_SUCCESSFUL', 'The payment flow (authorisation) is done on the client.', 'With "no redirect after completion", keep listening for result codes; otherwise go to your result page. Confirm on the server.', 'wait-for-notification'),
  sdk('status', 'SDK_PAYMENT_CHALLENGE', 'A 3DS challenge was triggered.', 'Nothing; the SDK redirects the buyer.', 'none'),
  // errors
  sdk('error', 'SDK_INTERNAL_ERROR', 'Internal SDK error (web: origin not whitelisted, non-JSON message, postMessage unsupported, iframe creation failed).', 'Check the page origin is whitelisted, then contact Antom support with the SDK version.', 'do-not-retry'),
  sdk('error', 'SDK_CREATEPAYMENT_PARAMETER_ERROR', 'Bad arguments to createComponent / mountComponent (e.g. incomplete sessionData).', 'Pass the complete paymentSessionData from createPaymentSession and initialise the component again.', 'fix-request', { note: 'An older 2024 Chinese doc swaps this with SDK_INIT_PARAMETER_ERROR; the current reference is used here.' }),
  sdk('error', 'SDK_INIT_PARAMETER_ERROR', 'Bad arguments to the AMSCashierPayment / AMSCheckoutPage constructor (web: UI mode, environment, mode, locale, net mode, or a callback that is not a function).', 'Fix the constructor options (environment must match the session: sandbox vs production) and create the instance again.', 'fix-request', { note: 'An older 2024 Chinese doc swaps this with SDK_CREATEPAYMENT_PARAMETER_ERROR; the current reference is used here.' }),
  sdk('error', 'SDK_CREATECOMPONENT_ERROR', 'The component failed to initialise (web: only one component at a time, resource load timeout, network error).', 'Make sure only one component is mounted and the network is up; contact Antom support if it persists.', 'do-not-retry'),
  sdk('error', 'SDK_SUBMIT_NETWORK_ERROR', 'A network error on submit.', 'Let the buyer submit again.', 'none'),
  sdk('error', 'SDK_INTEGRATION_ERROR', 'Android/iOS dependencies are missing.', 'Add the missing SDK dependencies to the app build.', 'fix-request', { platforms: ['android', 'ios'] }),
  sdk('error', 'SDK_LAUNCH_PAYMENT_APP_ERROR', 'Launching the wallet app or web app failed (launch failed, load timeout, container missing, component not created).', 'Check the redirect / app configuration and that the component was created.', 'fix-request', { platforms: ['web'], sources: ['API-FACTS e', 'S-WEB'] }),
  // payment results
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
