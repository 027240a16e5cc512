/**
 * The shape of `window.antomOps`: one named method per contract operation, plus one named
 * subscription per push event. Pure TypeScript (no zod, no DOM, no node:) so the sandboxed
 * preload, the renderer and the browser-preview transport can all build it without pulling the
 * schemas into the page.
 *
 * There is deliberately no generic `invoke(channel, ...)`: every channel is fixed here, so the
 * page can only ask for the operations the contract defines.
 */
import type { OperationInput, OperationName, OperationOutput, OperationResult, PushPayloads } from './contract';

/**
 * Runtime list of operation names. The preload cannot import the contract (it would bundle zod
 * into the page), so the names are repeated here; the check below fails the typecheck until this
 * list and the contract agree.
 */
export const OPERATION_NAMES = [
  'getAppStatus', 'listProfiles', 'createProfile', 'deleteProfile', 'setActiveProfile', 'setProfileReadOnly',
  'importPrivateKey', 'generateKeyPair', 'setAntomPublicKey', 'getJournalInfo', 'setRetentionDays', 'pruneJournal',
  'createPaymentSession', 'inquiryPayment', 'capture', 'cancel', 'refund', 'inquiryRefund', 'sandboxBuyerAction',
  'listNotifications', 'getNotification', 'replayNotification', 'resendForward', 'exportNotifications', 'listCalls', 'getCall', 'exportCalls',
  'getTimeline', 'listPayments', 'exportPayments', 'findById', 'listAwaitingCapture', 'listMismatches', 'getOverview',
  'acceptDispute', 'supplyDefenseDocument', 'downloadDisputeEvidence', 'listDisputes',
  'explainLog', 'verifySignatureLab',
  'getJournalConnection', 'attachJournal', 'detachJournal',
  'listAudit', 'exportAudit',
  'listSandboxFaults', 'setSandboxFaults', 'clearSandboxFaults', 'getSandboxClock', 'advanceSandboxClock', 'sendSandboxTestNotification',
] as const satisfies readonly OperationName[];

type MissingOperations = Exclude<OperationName, (typeof OPERATION_NAMES)[number]>;
// If this line fails to compile, add the missing operation names to OPERATION_NAMES.
const operationListIsComplete: [MissingOperations] extends [never] ? true : MissingOperations = true;
void operationListIsComplete;

/**
 * Events the main process pushes to the page: the contract's PushPayloads. Each name in
 * PUSH_EVENT_NAMES gives the bridge an `on<Name>(cb)` method bound to the fixed channel
 * `push:<name>` (IPC in Electron, server-sent events in the preview).
 */
type PushEvents = PushPayloads;
type PushEventName = keyof PushEvents & string;
const PUSH_EVENT_NAMES = ['notificationStored', 'callRecorded'] as const satisfies readonly PushEventName[];

type MissingPushEvents = Exclude<PushEventName, (typeof PUSH_EVENT_NAMES)[number]>;
// If this line fails to compile, add the missing event names to PUSH_EVENT_NAMES.
const pushListIsComplete: [MissingPushEvents] extends [never] ? true : MissingPushEvents = true;
void pushListIsComplete;

export const operationChannel = (name: OperationName): `op:${OperationName}` => `op:${name}`;
export const pushChannel = (name: PushEventName): `push:${PushEventName}` => `push:${name}`;

/** Operations whose input is an empty object may be called without an argument. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` is the empty input literal: "may the input be left out?"
type BridgeOperation<N extends OperationName> = {} extends OperationInput<N>
  ? (input?: OperationInput<N>) => Promise<OperationResult<OperationOutput<N>>>
  : (input: OperationInput<N>) => Promise<OperationResult<OperationOutput<N>>>;

export type Unsubscribe = () => void;

type PushSubscriptionName<E extends PushEventName> = `on${Capitalize<E>}`;

export type AntomOpsBridge = { readonly [N in OperationName]: BridgeOperation<N> } & {
  readonly [E in PushEventName as PushSubscriptionName<E>]: (listener: (payload: PushEvents[E]) => void) => Unsubscribe;
};

/** How a transport carries one call: IPC in Electron, HTTP in the browser preview. */
export type OperationInvoker = (name: OperationName, input: unknown) => Promise<OperationResult<unknown>>;
/** How a transport delivers pushes; returns the function that stops delivery. */
export type PushSubscriber = (name: PushEventName, listener: (payload: unknown) => void) => Unsubscribe;

/**
 * Build the bridge object from a transport. The result is frozen and holds only the named
 * methods, so the page cannot reach the transport itself.
 */
export function buildBridge(invoke: OperationInvoker, subscribe: PushSubscriber): AntomOpsBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of OPERATION_NAMES) {
    bridge[name] = (input?: unknown) => invoke(name, input === undefined ? {} : input);
  }
  for (const name of PUSH_EVENT_NAMES as readonly string[]) {
    const method = `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    bridge[method] = (listener: (payload: unknown) => void) => subscribe(name as PushEventName, listener);
  }
  return Object.freeze(bridge) as unknown as AntomOpsBridge;
}

/** The browser preview's HTTP door: POST <origin>/api/op/<name> with the run token in this header. */
export const PREVIEW_API_PREFIX = '/api/op/';
export const PREVIEW_TOKEN_HEADER = 'x-antom-ops-token';
/** The preview's push stream (server-sent events, `event: <push name>`); EventSource cannot set headers, so it takes ?token=. */
export const PREVIEW_EVENTS_PATH = '/api/events';
/** The page URL carries the token as `#token=...` (preferred: fragments never reach server logs) or `?token=...`. */
export const PREVIEW_TOKEN_PARAM = 'token';
